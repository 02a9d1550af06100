"""Shared fixtures: databases (SQLite and the real Postgres), a settable clock, a signed phone."""
from __future__ import annotations

import os
import uuid
from datetime import datetime, timezone
from typing import Iterator

import pytest
from sqlalchemy import create_engine, text

from tests.support import Clock, Phone, build_app, truncate_all

POSTGRES_URL = os.environ.get("TEST_POSTGRES_URL", "postgresql+psycopg2://postgres@127.0.0.1:5432/test")
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
IN_CI = os.environ.get("CI", "").lower() == "true"


def _unavailable(what: str, error: Exception) -> None:
    message = f"{what} is not reachable ({type(error).__name__}: {error})"
    if IN_CI:
        pytest.fail(message + " - CI requires it", pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A private schema in the real Postgres, migrated once, dropped at the end."""
    schema = f"tt_{uuid.uuid4().hex[:10]}"
    admin = create_engine(POSTGRES_URL)
    try:
        with admin.begin() as conn:
            conn.execute(text(f"CREATE SCHEMA {schema}"))
    except Exception as exc:  # noqa: BLE001 - any connection failure means unavailable
        admin.dispose()
        _unavailable("PostgreSQL at 127.0.0.1:5432", exc)
    url = f"{POSTGRES_URL}?options=-csearch_path%3D{schema}"
    try:
        yield url
    finally:
        with admin.begin() as conn:
            conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


@pytest.fixture(scope="session")
def sqlite_url(tmp_path_factory) -> str:
    return f"sqlite:///{tmp_path_factory.mktemp('db') / 'tinytummy.db'}"


@pytest.fixture(scope="session")
def redis_url() -> str:
    from redis import Redis

    try:
        Redis.from_url(REDIS_URL, socket_connect_timeout=2).ping()
    except Exception as exc:  # noqa: BLE001
        _unavailable("Redis at 127.0.0.1:6379", exc)
    return REDIS_URL


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(request) -> str:
    """Every test using this runs twice: on SQLite and on the real Postgres."""
    return request.getfixturevalue(f"{request.param}_url")


@pytest.fixture
def clock() -> Clock:
    return Clock(datetime(2026, 11, 22, 15, 0, tzinfo=timezone.utc))


@pytest.fixture(scope="session")
def chroma_path(tmp_path_factory) -> str:
    """The real guideline corpus loaded once into a local Chroma store; tests only read it."""
    from knowledge.guideline_store import open_client, sync_passages
    from knowledge.guidelines_corpus import load_passages

    path = str(tmp_path_factory.mktemp("chroma"))
    sync_passages(open_client(path), load_passages())
    return path


@pytest.fixture
def app(database_url, clock, tmp_path, chroma_path):
    app = build_app(database_url, clock, tmp_path, env={"CHROMA_PATH": chroma_path})
    yield app
    services = app.extensions["tinytummy"]
    truncate_all(services.engine)
    services.engine.dispose()


@pytest.fixture
def phone(app) -> Phone:
    return Phone(app, "+15551230001")


@pytest.fixture
def whatsapp(app) -> Phone:
    return Phone(app, "+15551230002", channel="whatsapp")

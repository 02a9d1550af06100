"""Loading SR28 into real databases: SQLite in a temp dir, and PostgreSQL in a schema of its own.

The Postgres tests use a throw-away schema (search_path) so the `food` / `food_portion` tables of
other tests in the same database are never touched; the schema is dropped afterwards.
"""
import importlib.util
import os
import time
import uuid
from pathlib import Path

import pytest
from sqlalchemy import MetaData, create_engine, select, text, update

from knowledge.foods import FoodTable, analyze_meal, load_foods
from storage.db import NAMING, Base, make_engine, make_sessionmaker
from storage.foods import Food, FoodPortion

PG_URL = os.environ.get("TEST_POSTGRES_URL", "postgresql+psycopg2://postgres@127.0.0.1:5432/test")
TABLES = [Food.__table__, FoodPortion.__table__]
MIGRATION = Path(__file__).resolve().parents[2] / "storage" / "migrations" / "versions" / "0002_foods.py"


def _postgres_reachable() -> bool:
    try:
        with create_engine(PG_URL, connect_args={"connect_timeout": 3}).connect() as conn:
            conn.execute(text("select 1"))
        return True
    except Exception:
        return False


@pytest.fixture(scope="module")
def sqlite_engine(tmp_path_factory):
    engine = make_engine(f"sqlite:///{tmp_path_factory.mktemp('foods')}/foods.db")
    Base.metadata.create_all(engine, tables=TABLES)
    yield engine
    engine.dispose()


@pytest.fixture(scope="module")
def pg_engine():
    if not _postgres_reachable():
        pytest.skip("PostgreSQL not reachable")
    schema = f"foods_test_{uuid.uuid4().hex[:8]}"
    admin = create_engine(PG_URL)
    with admin.begin() as conn:
        conn.execute(text(f'create schema "{schema}"'))
    engine = create_engine(PG_URL, connect_args={"options": f"-csearch_path={schema}"})
    Base.metadata.create_all(engine, tables=TABLES)
    try:
        yield engine
    finally:
        engine.dispose()
        with admin.begin() as conn:
            conn.execute(text(f'drop schema "{schema}" cascade'))
        admin.dispose()


def _load(engine):
    with make_sessionmaker(engine)() as session, session.begin():
        return load_foods(session)


def _check_load_and_idempotence(engine, cold_limit: float):
    first = _load(engine)
    assert (first.foods_inserted, first.portions_inserted) == (8789, 15438)
    assert first.seconds < cold_limit
    with make_sessionmaker(engine)() as session:
        banana = session.get(Food, "09040")
        assert banana.description == "Bananas, raw" and banana.kcal == 89 and banana.food_group == "0900"
        portions = session.scalars(select(FoodPortion).where(FoodPortion.ndb_no == "09040")).all()
        assert any(p.unit == "medium" and p.grams == 118 for p in portions)
    started = time.perf_counter()
    second = _load(engine)
    assert second.unchanged and not second.changed
    assert (second.foods_inserted, second.foods_updated, second.portions_inserted) == (0, 0, 0)
    assert time.perf_counter() - started < 1.0


def _check_repairs_drift(engine):
    with make_sessionmaker(engine)() as session, session.begin():
        session.execute(update(Food).where(Food.ndb_no == "09040").values(kcal=1.0))
        session.execute(FoodPortion.__table__.delete().where(FoodPortion.ndb_no == "09050"))
    report = _load(engine)
    assert (report.foods_updated, report.portions_inserted) == (1, 2)
    assert _load(engine).unchanged
    with make_sessionmaker(engine)() as session:
        assert session.get(Food, "09040").kcal == 89


def test_sqlite_load_is_idempotent(sqlite_engine):
    _check_load_and_idempotence(sqlite_engine, cold_limit=15)
    _check_repairs_drift(sqlite_engine)


def test_food_table_from_the_database_is_cached_per_process(sqlite_engine):
    sessions = make_sessionmaker(sqlite_engine)
    with sessions() as session:
        table = FoodTable.from_session(session)
        assert FoodTable.from_session(session) is table
        assert FoodTable.from_session(session, reload=True) is not table
    assert len(table) == 8789
    meal = analyze_meal("½ cup oatmeal and a banana", table, 14)
    assert [i.ndb_no for i in meal.items] == ["08121", "09040"]


@pytest.mark.postgres
def test_postgres_load_is_fast_and_idempotent(pg_engine):
    _check_load_and_idempotence(pg_engine, cold_limit=15)
    _check_repairs_drift(pg_engine)


def _run_migration(engine, direction: str) -> None:
    from alembic.migration import MigrationContext
    from alembic.operations import Operations

    spec = importlib.util.spec_from_file_location("migration_0002_foods", MIGRATION)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert (module.revision, module.down_revision) == ("0002_foods", "0001_spine")
    with engine.begin() as conn:
        with Operations.context(MigrationContext.configure(conn)):
            getattr(module, direction)()


def _schema_diff(engine) -> list:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    metadata = MetaData(naming_convention=NAMING)
    for table in TABLES:
        table.to_metadata(metadata)
    with engine.connect() as conn:
        return compare_metadata(MigrationContext.configure(conn), metadata)


@pytest.mark.parametrize("backend", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def test_migration_matches_the_models(backend, tmp_path):
    if backend == "sqlite":
        engine = make_engine(f"sqlite:///{tmp_path}/migrated.db")
        _run_migration(engine, "upgrade")
        assert _schema_diff(engine) == []
        _run_migration(engine, "downgrade")
        engine.dispose()
        return
    if not _postgres_reachable():
        pytest.skip("PostgreSQL not reachable")
    schema = f"foods_mig_{uuid.uuid4().hex[:8]}"
    admin = create_engine(PG_URL)
    with admin.begin() as conn:
        conn.execute(text(f'create schema "{schema}"'))
    engine = create_engine(PG_URL, connect_args={"options": f"-csearch_path={schema}"})
    try:
        _run_migration(engine, "upgrade")
        assert _schema_diff(engine) == []
        _run_migration(engine, "downgrade")
    finally:
        engine.dispose()
        with admin.begin() as conn:
            conn.execute(text(f'drop schema "{schema}" cascade'))
        admin.dispose()

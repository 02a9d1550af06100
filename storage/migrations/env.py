"""Alembic environment: migrates the database named by the caller (or DATABASE_URL)."""
from __future__ import annotations

from alembic import context

from storage.db import Base, make_engine
from storage.schema import import_all_models

import_all_models()
target_metadata = Base.metadata
config = context.config


def run_migrations() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    from bot.config import load_config  # only when run by the alembic command line

    url = config.get_main_option("sqlalchemy.url") or load_config().database_url
    engine = make_engine(url)
    with engine.connect() as conn:
        _run(conn)
        conn.commit()
    engine.dispose()


def _run(connection) -> None:
    context.configure(connection=connection, target_metadata=target_metadata,
                      render_as_batch=connection.dialect.name == "sqlite", compare_type=True)
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    raise SystemExit("offline migrations are not supported; run `flask --app wsgi db upgrade`")
run_migrations()

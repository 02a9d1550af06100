"""Engine and session factory; the caller owns the transaction (`with Session() as s, s.begin():`)."""
from __future__ import annotations

import os
from datetime import datetime, timezone

from sqlalchemy import DateTime, MetaData, TypeDecorator, create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase, sessionmaker

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class UTCDateTime(TypeDecorator):
    """Store aware datetimes as UTC; SQLite loses tzinfo, so put it back on the way out."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given; use an aware UTC datetime")
        return value.astimezone(timezone.utc)

    def process_result_value(self, value: datetime | None, dialect) -> datetime | None:
        if value is None:
            return None
        return value if value.tzinfo else value.replace(tzinfo=timezone.utc)


POOL_SIZE = 8  # the web process's threads (`serve --threads` defaults to this)


def make_engine(url: str) -> Engine:
    """Build an engine; SQLite gets foreign keys and a busy timeout for several processes."""
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 30, "check_same_thread": False}, hide_parameters=True)

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn, _record) -> None:  # pragma: no cover - trivial
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA journal_mode=WAL")
            cur.close()

        return _fresh_pool_after_fork(engine)
    # hide_parameters: errors never carry the numbers and message text bound into the statement.
    # values_plus_batch: UPDATEs of many rows (the outbox recording a batch of sends) go in pages.
    options = {"executemany_mode": "values_plus_batch"} if url.startswith(("postgresql+psycopg2", "postgresql:")) else {}
    # One pooled connection per web thread: with fewer, the threads beyond the pool open a new
    # connection for every message under load and close it again (a Postgres backend each time).
    engine = create_engine(url, pool_pre_ping=True, pool_size=POOL_SIZE, max_overflow=10, hide_parameters=True,
                           **options)
    return _fresh_pool_after_fork(engine)


def _fresh_pool_after_fork(engine: Engine) -> Engine:
    """A forked child (a web worker, an RQ job) must not reuse the parent's pooled connections."""
    os.register_at_fork(after_in_child=lambda: engine.dispose(close=False))
    return engine


def make_sessionmaker(engine: Engine) -> sessionmaker:
    """Sessions that keep loaded attributes after commit (replies are built after the commit)."""
    return sessionmaker(bind=engine, expire_on_commit=False)

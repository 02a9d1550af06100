"""Count the SQL statements a piece of work sends: an SQLAlchemy event listener on the engine."""
from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from typing import Iterator

from sqlalchemy import event


@dataclass
class Statements:
    """The statements sent while counting, in order."""

    sql: list[str] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.sql)

    def summary(self) -> str:
        """One line per statement, first 100 characters, for a failing assertion."""
        return "\n".join(f"{i:3}. {' '.join(s.split())[:100]}" for i, s in enumerate(self.sql, 1))


@contextlib.contextmanager
def counting(engine) -> Iterator[Statements]:
    """Record every statement (executemany counts once: one round trip) sent through `engine`."""
    seen = Statements()

    def record(conn, cursor, statement, parameters, context, executemany) -> None:
        seen.sql.append(statement)

    event.listen(engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", record)

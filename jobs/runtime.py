"""What a job needs to run, installed by the app factory in every process that runs jobs.

Jobs never see a request: they get ids and reload rows through these sessions.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Callable

from sqlalchemy.orm import sessionmaker


@dataclass
class Runtime:
    sessions: sessionmaker
    send: Callable[[Any], Any]  # Outbound row -> SendResult (the outbound sender port)
    clock: Callable[[], datetime]
    knowledge: Any
    enqueue: Callable[..., None]
    settings: dict[str, Any]


_current: Runtime | None = None


def install(runtime: Runtime) -> None:
    global _current
    _current = runtime


def current() -> Runtime:
    if _current is None:
        # A bare `rq worker` has no app: build it the same way the web process does.
        from importlib import import_module

        import_module("wsgi")
    assert _current is not None, "jobs runtime was not installed by create_app()"
    return _current

"""What a job needs to run, built once per process by `jobs.init_app` and typed.

Jobs never see a request and never import `bot/`: they get ids, reload rows through these
sessions, and reach the outside world only through the ports below. Whoever starts a process
that runs jobs (the web app for its in-process fallback, `flask worker`) calls `jobs.init_app`
first; a job run anywhere else fails with a clear message instead of building an app itself.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any, Callable, Mapping

from sqlalchemy.orm import sessionmaker

if TYPE_CHECKING:
    from handlers.context import Context, Enqueue, InboundMessage, Knowledge, Reply


@dataclass(frozen=True)
class MediaAccess:
    """Where Twilio-hosted media may be fetched from, and the credentials for it."""

    account_sid: str | None = None
    auth_token: str | None = None
    api_base_url: str | None = None  # a loopback stand-in for api.twilio.com (tests, local runs)


@dataclass
class Runtime:
    sessions: sessionmaker
    send: Callable[[Any], Any]  # Delivery -> SendResult (the outbound sender port)
    clock: Callable[[], datetime]
    knowledge: Knowledge
    enqueue: Enqueue
    route: Callable[[InboundMessage, Context], Reply]  # answer a text as if it had been typed
    templates: Mapping[str, str] = field(default_factory=dict)  # outbox kind -> WhatsApp template
    media: MediaAccess = field(default_factory=MediaAccess)
    public_url: str | None = None  # where our own links are served (calendar files)


_current: Runtime | None = None


def install(runtime: Runtime) -> Runtime:
    global _current
    _current = runtime
    return runtime


def current() -> Runtime:
    if _current is None:
        raise RuntimeError("jobs.init_app() was not called in this process: start workers with "
                           "`flask --app wsgi worker`, not a bare `rq worker`")
    return _current

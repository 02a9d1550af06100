"""Background work: a second entry point beside `bot/`.

RQ job functions, the queue (RQ or in-process) and the clock process. A process that runs jobs
calls `init_app` once with what they need; jobs never import `bot/`, and handlers ask for a job
by its name (`ctx.enqueue("answer_with_llm", inbound_id)`) instead of importing it.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable, Mapping

from jobs.runtime import MediaAccess, Runtime, install

if TYPE_CHECKING:
    from datetime import datetime

    from handlers.context import Context, Enqueue, InboundMessage, Knowledge, Reply
    from sqlalchemy.orm import sessionmaker


def init_app(*, sessions: sessionmaker, clock: Callable[[], datetime], knowledge: Knowledge,
             send: Callable[[Any], Any], enqueue: Enqueue, route: Callable[[InboundMessage, Context], Reply],
             templates: Mapping[str, str] | None = None, media: MediaAccess | None = None,
             public_url: str | None = None) -> Runtime:
    """Build this process's job runtime once and make it the one jobs use."""
    return install(Runtime(sessions=sessions, send=send, clock=clock, knowledge=knowledge, enqueue=enqueue,
                           route=route, templates=dict(templates or {}), media=media or MediaAccess(),
                           public_url=public_url))

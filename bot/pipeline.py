"""One inbound message, start to finish: claim the SID, route, store the reply, then enqueue."""
from __future__ import annotations

import logging
from datetime import datetime
from typing import Any, Callable

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import sessionmaker

from bot.replies import format_for_channel
from bot.router import route
from handlers.context import Context, InboundMessage, context_for
from jobs.tasks import record as record_tasks
from knowledge.phones import mask
from storage import messages, people

logger = logging.getLogger(__name__)
APOLOGY = "Sorry, something went wrong on my side and I couldn't handle that. Please send it again in a minute."


def _claim(session, msg: InboundMessage, now: datetime):
    return messages.claim_inbound(
        session, sid=msg.sid, channel=msg.channel, sender=msg.sender, body=msg.text,
        message_type=msg.message_type, now=now,
        media=[{"url": m.url, "content_type": m.content_type} for m in msg.media])


class _Duplicate(Exception):
    """The SID was claimed before: this is a redelivery."""


class Pipeline:
    """Receive messages; every effect of one message commits in one transaction, once."""

    def __init__(self, sessions: sessionmaker, knowledge: Any, dispatch: Callable[[list], None],
                 clock: Callable[[], datetime], classify: Callable[[str], Any],
                 public_url: str = "http://127.0.0.1:5000") -> None:
        self.sessions = sessions
        self.knowledge = knowledge
        self.dispatch = dispatch
        self.clock = clock
        self.classify = classify
        self.public_url = public_url

    def receive(self, msg: InboundMessage) -> list[str]:
        """Answer a message; a redelivered SID gets the stored answer and has no second effect."""
        now = self.clock()
        jobs: list[tuple] = []
        try:
            with self.sessions() as session, session.begin():
                try:
                    inbound = _claim(session, msg, now)
                except IntegrityError as exc:
                    raise _Duplicate from exc
                parts = self._answer(session, inbound, msg, now, jobs)
        except _Duplicate:
            logger.info("redelivery of %s from %s", msg.sid, mask(msg.sender))
            return self._replay(msg.sid)
        except Exception:
            logger.exception("failed to handle %s from %s", msg.sid, mask(msg.sender))
            return self._record_failure(msg, now)
        self.dispatch(jobs)
        return parts

    def _answer(self, session, inbound, msg: InboundMessage, now: datetime, jobs: list) -> list[str]:
        person, _ = people.find_or_create_person(session, msg.sender, now)
        people.note_inbound(person, msg.channel, now)
        inbound.person_id = person.id
        ctx = self.context(session, person, inbound.id, now,
                           lambda job, *args, job_id=None: jobs.append((job, args, job_id)))
        reply = route(msg, ctx, self.classify)
        jobs[:] = record_tasks(session, jobs, now, default_key=f"inbound:{msg.sid}")
        parts = format_for_channel(reply.text, msg.channel) if reply.text else []
        inbound.intent = reply.intent
        inbound.status = "answered"
        erased = bool(ctx.settings.get("erased"))
        messages.record_reply(session, inbound, parts, None if erased else person.id, now)
        logger.info("answered %s from %s via %s intent=%s parts=%d", msg.sid, mask(msg.sender),
                    msg.channel, reply.intent, len(parts))
        return parts

    def context(self, session, person, inbound_id: int | None, now: datetime, enqueue) -> Context:
        """The explicit context handlers get for this message."""
        return context_for(session, person, now=now, knowledge=self.knowledge, enqueue=enqueue, inbound_id=inbound_id,
                           public_url=self.public_url)

    def route(self, msg: InboundMessage, ctx: Context):
        """Route a text a job produced (a transcribed voice note) as if it had been typed."""
        return route(msg, ctx, self.classify)

    def _replay(self, sid: str) -> list[str]:
        with self.sessions() as session:
            inbound = messages.inbound_by_sid(session, sid)
            return list(inbound.reply_parts) if inbound is not None else []

    def _record_failure(self, msg: InboundMessage, now: datetime) -> list[str]:
        """Keep the failed message for the operator and tell the person, instead of a 5xx."""
        parts = format_for_channel(APOLOGY, msg.channel)
        try:
            with self.sessions() as session, session.begin():
                inbound = _claim(session, msg, now)
                inbound.status = "failed"
                messages.record_reply(session, inbound, parts, None, now)
        except Exception:
            logger.exception("could not record failure of %s", msg.sid)
        return parts

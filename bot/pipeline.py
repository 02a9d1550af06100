"""One inbound message, start to finish: claim the SID, route, store the reply, then enqueue.

While the database is unreachable a message is kept in the local spool (bot/spool.py) and the
parent is told it will be answered; it is handled later, in order, as of the time it arrived,
and its reply goes out through the outbox.
"""
from __future__ import annotations

import copy
import logging
from datetime import datetime, timedelta
from typing import Any, Callable

from sqlalchemy.exc import DBAPIError, IntegrityError, InterfaceError, OperationalError
from sqlalchemy.orm import sessionmaker

from bot.replies import format_for_channel
from bot.router import route
from bot.spool import Drainer, Spool
from handlers.context import LOCAL_URL, Context, InboundMessage, context_for
from jobs.tasks import record as record_tasks
from knowledge.phones import mask
from storage import messages, people

logger = logging.getLogger(__name__)
APOLOGY = "Sorry, something went wrong on my side and I couldn't handle that. Please send it again in a minute."
SPOOLED = ("Got it. I'm having a hiccup on my side, so I've saved your message and will answer it "
           "in a few minutes - no need to send it again.")
CATCH_UP = 20  # spooled messages a webhook handles before its own, at most
REHEARSAL_NUMBER = "+15005550006"  # Twilio's test number for a valid sender: never a parent's


def database_down(error: BaseException) -> bool:
    """Did this fail because the database could not be reached (not because of our code)?"""
    if isinstance(error, (OperationalError, InterfaceError)):
        return True
    return isinstance(error, DBAPIError) and bool(error.connection_invalidated)


def _claim(session, msg: InboundMessage, now: datetime, person_id: int | None = None):
    return messages.claim_inbound(
        session, sid=msg.sid, channel=msg.channel, sender=msg.sender, body=msg.text,
        message_type=msg.message_type, now=now, person_id=person_id,
        media=[{"url": m.url, "content_type": m.content_type} for m in msg.media])


class _Duplicate(Exception):
    """The SID was claimed before: this is a redelivery."""


class Pipeline:
    """Receive messages; every effect of one message commits in one transaction, once."""

    def __init__(self, sessions: sessionmaker, knowledge: Any, dispatch: Callable[[list], None],
                 clock: Callable[[], datetime], classify: Callable[[str], Any],
                 public_url: str = LOCAL_URL, spool: Spool | None = None) -> None:
        self.sessions = sessions
        self.knowledge = knowledge
        self.dispatch = dispatch
        self.clock = clock
        self.classify = classify
        self.public_url = public_url
        self.spool = spool
        self.drainer = Drainer(spool, self.handle_spooled) if spool is not None else None

    def resume_spooled(self) -> None:
        """Start draining messages a process left in the spool when it stopped while the database
        was down. Called once the process is warm (and, for web workers, after the fork: a thread
        started before a fork does not exist in the children)."""
        if self.spool is not None and self.spool.pending():
            self.drainer.ensure_running()

    def receive(self, msg: InboundMessage) -> list[str]:
        """Answer a message; a redelivered SID gets the stored answer and has no second effect."""
        if self.spool is not None and self.spool.pending():
            self._catch_up()
            if self.spool.pending():
                return self._keep(msg)  # older messages still wait: this one goes behind them
        try:
            return self._handle(msg, self.clock(), later=False)
        except Exception as exc:
            if self.spool is None or not database_down(exc):
                raise
            return self._keep(msg)

    def handle_spooled(self, msg: InboundMessage, received_at: datetime) -> None:
        """Answer a message that waited in the spool, as of when it arrived; the reply goes out
        through the outbox. Raises if the database is still down (the message stays spooled)."""
        self._handle(msg, received_at, later=True)

    def _handle(self, msg: InboundMessage, now: datetime, later: bool) -> list[str]:
        jobs: list[tuple] = []
        try:
            with self.sessions() as session, session.begin():
                # The sender is read first so the claim is inserted with its person: a redelivery
                # still fails on the unique SID and rolls back whatever this transaction did.
                person, _ = people.find_or_create_person(session, msg.sender, now)
                try:
                    inbound = _claim(session, msg, now, person.id)
                except IntegrityError as exc:
                    raise _Duplicate from exc
                parts = self._answer(session, person, inbound, msg, now, jobs)
                if later:
                    jobs += _send_replies(session, inbound)
        except _Duplicate:
            logger.info("redelivery of %s from %s", msg.sid, mask(msg.sender))
            return [] if later else self._replay(msg.sid)
        except Exception as exc:
            if self.spool is not None and database_down(exc):
                raise
            logger.exception("failed to handle %s from %s", msg.sid, mask(msg.sender))
            return self._record_failure(msg, now, later)
        self.dispatch(jobs)
        return parts

    def rehearse(self, texts: tuple[str, ...], knowledge: Any, classify: Callable[[str], Any]) -> None:
        """Answer `texts` from a made-up family in a transaction that is rolled back: everything
        built lazily on their way (models, indexes, compiled statements, imports) is built before
        the first real message. Nothing is kept, sent or enqueued."""
        now = self.clock()
        offline = copy.copy(self)
        offline.knowledge, offline.classify = knowledge, classify
        with self.sessions() as session:
            session.begin()
            try:
                person, _ = people.find_or_create_person(session, REHEARSAL_NUMBER, now)
                person.timezone = "America/New_York"
                child = people.add_child(session, people.create_household(session, person, now), "Maya", now)
                child.birth_date = (now - timedelta(days=270)).date()
                for n, text in enumerate(texts):
                    msg = InboundMessage("sms", REHEARSAL_NUMBER, text, f"SM{n:032x}")
                    offline._answer(session, person, _claim(session, msg, now, person.id), msg, now, [])
            finally:
                session.rollback()

    def _keep(self, msg: InboundMessage) -> list[str]:
        """Spool the message durably and say it will be answered."""
        self.spool.append(msg, self.clock())
        self.drainer.ensure_running()
        logger.warning("database unreachable: spooled %s from %s", msg.sid, mask(msg.sender))
        return format_for_channel(SPOOLED, msg.channel)

    def _catch_up(self) -> None:
        try:
            self.spool.drain(self.handle_spooled, budget=CATCH_UP)
        except Exception as exc:  # still down; the drainer keeps trying
            logger.warning("spooled messages wait: %s", type(exc).__name__)

    def _answer(self, session, person, inbound, msg: InboundMessage, now: datetime, jobs: list) -> list[str]:
        people.note_inbound(person, msg.channel, now)
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

    def _record_failure(self, msg: InboundMessage, now: datetime, later: bool = False) -> list[str]:
        """Keep the failed message for the operator and tell the person, instead of a 5xx."""
        parts = format_for_channel(APOLOGY, msg.channel)
        sends: list[tuple] = []
        try:
            with self.sessions() as session, session.begin():
                inbound = _claim(session, msg, now)
                inbound.status = "failed"
                messages.record_reply(session, inbound, parts, None, now)
                if later:
                    sends = _send_replies(session, inbound)
        except Exception as exc:
            if self.spool is not None and database_down(exc):
                raise
            logger.exception("could not record failure of %s", msg.sid)
        self.dispatch(sends)
        return parts


def _send_replies(session, inbound) -> list[tuple]:
    """The stored reply of a message answered late goes out through the outbox, not TwiML."""
    return [("send_outbound", (outbound_id,), None) for outbound_id in messages.release_replies(session, inbound)]

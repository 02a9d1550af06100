"""The long-lived pieces of one process, built from Config by the app factory."""
from __future__ import annotations

import logging
from datetime import datetime, timezone
from typing import Callable

from sqlalchemy import text

from bot.config import Config
from bot.intents import classify
from bot.pipeline import Pipeline
from bot.sender import make_sender
from bot.spool import Spool
from handlers.context import LOCAL_URL
from jobs import init_app as init_jobs
from jobs.outbox import OUTSIDE_WINDOW, queue_window_fallback, send_outbound
from jobs.queue import make_jobs
from jobs.runtime import MediaAccess
from knowledge.library import Library
from knowledge.llm import classify_intent
from storage import messages
from storage.db import make_engine, make_sessionmaker

logger = logging.getLogger(__name__)


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


# One message of each kind the web process answers most, for the warm-up rehearsal.
REHEARSAL = ("Maya had 1/2 cup oatmeal and a banana", "can she have honey?", "is it normal for her to gag on lumps?",
             "summary", "this week", "streak", "settings", "profile", "help", "thanks!", "actually it was 2 bananas",
             "undo", "hola, mi bebé comió arroz")


class _Offline:
    """The knowledge library without its LLM: the rehearsal never calls out."""

    def __init__(self, library: Library) -> None:
        self._library = library

    def __getattr__(self, name: str):
        return getattr(self._library, name)

    def llm(self) -> None:
        return None


class Services:
    def __init__(self, config: Config, clock: Callable[[], datetime] = utc_now, sender=None) -> None:
        self.config = config
        self.clock = clock
        self.engine = make_engine(config.database_url)
        self.sessions = make_sessionmaker(self.engine)
        self.jobs = make_jobs(config.redis_url, inline=config.jobs_inline)
        self.knowledge = Library(self.sessions, chroma_path=config.chroma_path, chroma_host=config.chroma_host,
                                 chroma_port=config.chroma_port, openai_api_key=config.openai_api_key,
                                 openai_base_url=config.openai_base_url, openai_model=config.openai_model,
                                 openai_timeout=config.openai_timeout)
        self.sender = sender or make_sender(config)
        public_url = config.public_base_url or LOCAL_URL
        self.pipeline = Pipeline(self.sessions, self.knowledge, self.dispatch, clock, self.classify,
                                 public_url=public_url, spool=Spool(config.spool_dir))
        init_jobs(sessions=self.sessions, clock=clock, knowledge=self.knowledge, send=self.sender,
                  enqueue=self.jobs.enqueue, route=self.pipeline.route, templates=config.whatsapp_templates,
                  media=MediaAccess(config.twilio_account_sid, config.twilio_auth_token, config.twilio_api_base_url),
                  public_url=public_url)

    def warm_up(self) -> None:
        """Load the food table, intent index, embedding model and guideline store now, then answer
        the kinds of message parents send in a transaction that is rolled back, so the first
        message a process answers is as quick as the rest (they take seconds cold). Then resume
        draining what a stopped process left in the spool."""
        try:
            self.knowledge.food_table()
            self.classify("hello")
            self.knowledge.guidelines().count()
            self.pipeline.rehearse(REHEARSAL, _Offline(self.knowledge), classify)
        except Exception:  # a missing table or store shows up in the message that needs it, with its error
            logger.exception("warm-up incomplete")
        else:
            logger.info("warmed up: food table, intent index, guideline store and %d kinds of message",
                        len(REHEARSAL))
        self.pipeline.resume_spooled()

    def classify(self, text_: str):
        """Rules, then nearest neighbours, then (with a key, when unsure) the LLM."""
        client = self.knowledge.llm()
        if client is None:
            return classify(text_)
        model = self.config.openai_model
        return classify(text_, llm=lambda t, intents: classify_intent(client, model, t, intents))

    def dispatch(self, jobs: list[tuple]) -> None:
        """Enqueue jobs collected during a message, after its transaction committed."""
        for job, args, job_id in jobs:
            self.jobs.enqueue(job, *args, job_id=job_id)

    def record_status(self, sid: str, status: str, error_code: int | None) -> None:
        """Record a delivery callback; a WhatsApp message refused for the closed 24-hour window
        (63016 arrives here, after Twilio accepted it) is queued again as a template or SMS."""
        resend = None
        with self.sessions() as session, session.begin():
            fresh = messages.record_delivery(session, sid, status, error_code, self.clock())
            if fresh and status in ("failed", "undelivered") and error_code == OUTSIDE_WINDOW:
                row = queue_window_fallback(session, sid=sid, now=self.clock())
                session.flush()
                resend = row.id if row is not None and row.status == "pending" else None
        if resend is not None:
            self.jobs.enqueue(send_outbound, resend)

    def health(self) -> dict[str, str]:
        report = {"database": "ok", "jobs": self.jobs.health(), "chroma": "unknown"}
        try:
            with self.engine.connect() as conn:
                conn.execute(text("SELECT 1"))
        except Exception as exc:  # report, don't raise: this is the health check
            report["database"] = f"unreachable: {type(exc).__name__}"
        try:
            passages = self.knowledge.guidelines().count()
            report["chroma"] = f"ok ({passages} passages)" if passages else "empty: run `flask --app wsgi knowledge load`"
        except Exception as exc:
            report["chroma"] = f"unavailable: {type(exc).__name__}"
        return report

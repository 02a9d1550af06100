"""The clock process: APScheduler decides what is due and only enqueues (workers send)."""
from __future__ import annotations

import logging
from datetime import timedelta
from functools import partial
from zoneinfo import ZoneInfo

from apscheduler.schedulers.blocking import BlockingScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

from jobs.runtime import current
from jobs.sweeper import resend_stuck

logger = logging.getLogger(__name__)


SWEEP_EVERY = timedelta(minutes=1)
REDRIVE_AFTER = timedelta(minutes=2)  # a job still not done this long after its message was lost


def sweep(older_than: timedelta = REDRIVE_AFTER) -> None:
    """Re-drive outbox messages, tasks and nudges whose jobs were lost or wait for a retry."""
    from jobs.nudges import redrive_nudges
    from jobs.tasks import redrive_tasks

    resend_stuck(older_than=older_than)
    redrive_tasks(older_than=older_than)
    redrive_nudges()


def nudges() -> None:
    """Find who is due a daily nudge right now and enqueue them in batches; workers send."""
    from jobs.nudges import send_due

    send_due()


def photos() -> None:
    """Enqueue the check for photos nobody described; a worker asks the parents."""
    from jobs.photos import ask_about_stale_photos

    current().enqueue(ask_about_stale_photos, job_id="ask-about-photos")  # one queued, however many clocks


def digests() -> None:
    """Enqueue the caregiver digests; the job sends each owner at most one a day."""
    from jobs.digests import send_digests

    current().enqueue(send_digests, job_id="caregiver-digests")  # one queued, however many clocks


def build_scheduler(every: timedelta = SWEEP_EVERY, redrive_after: timedelta = REDRIVE_AFTER) -> BlockingScheduler:
    scheduler = BlockingScheduler(timezone=ZoneInfo("UTC"))
    scheduler.add_job(partial(sweep, redrive_after), IntervalTrigger(seconds=every.total_seconds(),
                      timezone=ZoneInfo("UTC")), id="sweep-outbox",
                      replace_existing=True, coalesce=True, max_instances=1, misfire_grace_time=30)
    scheduler.add_job(nudges, CronTrigger(minute="*", timezone=ZoneInfo("UTC")), id="daily-nudges",
                      replace_existing=True, coalesce=True, max_instances=1, misfire_grace_time=30)
    scheduler.add_job(photos, IntervalTrigger(seconds=every.total_seconds(), timezone=ZoneInfo("UTC")),
                      id="ask-about-photos",
                      replace_existing=True, coalesce=True, max_instances=1, misfire_grace_time=30)
    scheduler.add_job(digests, IntervalTrigger(minutes=15, timezone=ZoneInfo("UTC")), id="caregiver-digests",
                      replace_existing=True, coalesce=True, max_instances=1, misfire_grace_time=300)
    return scheduler


def run_clock(every: timedelta = SWEEP_EVERY, redrive_after: timedelta = REDRIVE_AFTER) -> None:
    current()  # fail fast if the runtime is missing
    logger.info("clock started: sweeping every %s, re-driving work lost for %s", every, redrive_after)
    build_scheduler(every, redrive_after).start()

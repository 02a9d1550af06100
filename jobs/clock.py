"""The clock process: APScheduler decides what is due and only enqueues (workers send)."""
from __future__ import annotations

import logging
from zoneinfo import ZoneInfo

from apscheduler.schedulers.blocking import BlockingScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

from jobs.runtime import current
from jobs.sweeper import resend_stuck

logger = logging.getLogger(__name__)


def sweep() -> None:
    """Re-drive outbox messages, tasks and nudges whose jobs were lost or wait for a retry."""
    from jobs.nudges import redrive_nudges
    from jobs.tasks import redrive_tasks

    resend_stuck()
    redrive_tasks()
    redrive_nudges()


def nudges() -> None:
    """Find who is due a daily nudge right now and enqueue them in batches; workers send."""
    from jobs.nudges import send_due

    send_due()


def photos() -> None:
    """Enqueue the check for photos nobody described; a worker asks the parents."""
    from jobs.photos import ask_about_stale_photos

    current().enqueue(ask_about_stale_photos)


def digests() -> None:
    """Enqueue the caregiver digests; the job sends each owner at most one a day."""
    from jobs.digests import send_digests

    current().enqueue(send_digests)


def build_scheduler() -> BlockingScheduler:
    scheduler = BlockingScheduler(timezone=ZoneInfo("UTC"))
    scheduler.add_job(sweep, IntervalTrigger(minutes=1, timezone=ZoneInfo("UTC")), id="sweep-outbox",
                      replace_existing=True, coalesce=True, max_instances=1, misfire_grace_time=30)
    scheduler.add_job(nudges, CronTrigger(minute="*", timezone=ZoneInfo("UTC")), id="daily-nudges",
                      replace_existing=True, coalesce=True, max_instances=1, misfire_grace_time=30)
    scheduler.add_job(photos, IntervalTrigger(minutes=1, timezone=ZoneInfo("UTC")), id="ask-about-photos",
                      replace_existing=True, coalesce=True, max_instances=1, misfire_grace_time=30)
    scheduler.add_job(digests, IntervalTrigger(minutes=15, timezone=ZoneInfo("UTC")), id="caregiver-digests",
                      replace_existing=True, coalesce=True, max_instances=1, misfire_grace_time=300)
    return scheduler


def run_clock() -> None:
    current()  # fail fast if the runtime is missing
    logger.info("clock started")
    build_scheduler().start()

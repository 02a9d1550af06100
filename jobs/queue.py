"""Enqueueing jobs: RQ when REDIS_URL is set, in-process otherwise (laptop mode and tests).

A job is given as a function or by its registered name (`jobs/registry.py`), which is how
handlers ask for one. A job that wants a stable id (one queued copy at a time) says how to make it with `@keyed`;
`send_outbound` uses "send-<outbound id>". RQ refuses a second copy while the first is still
queued, scheduled or running. If Redis is unreachable the job runs in this process instead, and
anything that still fails is left pending in the database for the sweeper to re-drive.
"""
from __future__ import annotations

import logging
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Callable

from jobs.registry import resolve

logger = logging.getLogger(__name__)
QUEUE_NAME = "tinytummy"
RETRY_INTERVALS = (10, 60, 300)  # seconds between RQ's retries of a failed job
MAX_RUNS = 1 + len(RETRY_INTERVALS)
FAILURE_TTL = 7 * 24 * 3600
REDIS_PAUSE = 5.0  # after Redis failed, run jobs in-process this long before trying it again
_FINISHED = ("finished", "failed", "stopped", "canceled")


class TryAgain(Exception):
    """A job failed for a passing reason (rate limit, outage); run it again later."""


def keyed(make_id: Callable[..., str]) -> Callable:
    """Give a job function a stable RQ job id derived from its arguments."""
    def mark(job: Callable) -> Callable:
        job.job_id = make_id  # type: ignore[attr-defined]
        return job
    return mark


def job_id_for(job: Callable[..., Any], args: tuple, job_id: str | None = None) -> str | None:
    """The explicit id, else the one the job derives from its arguments, else None."""
    make_id = getattr(job, "job_id", None)
    return job_id or (make_id(*args) if callable(make_id) else None)


Job = Callable[..., Any] | str  # a job function, or its registered name


def _run_logged(job: Callable[..., Any], *args: Any) -> None:
    try:
        job(*args)
    except TryAgain as exc:
        logger.warning("in-process job %s%r will be re-driven later: %s", job.__name__, args, exc)
    except Exception:
        logger.exception("in-process job %s failed", getattr(job, "__name__", job))


class InlineJobs:
    """Run each job at once, in the caller's thread (tests, and the fallback when Redis is down)."""

    name = "inline"

    def enqueue(self, job: Job, *args: Any, job_id: str | None = None) -> None:
        _run_logged(resolve(job), *args)

    def health(self) -> str:
        return "in-process"


class ThreadJobs:
    """Run jobs on a small thread pool inside this process (laptop mode: no Redis)."""

    name = "threads"

    def __init__(self, workers: int = 2) -> None:
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="job")

    def enqueue(self, job: Job, *args: Any, job_id: str | None = None) -> None:
        self._pool.submit(_run_logged, resolve(job), *args)

    def health(self) -> str:
        return "in-process"


class RedisJobs:
    """Put jobs on an RQ queue with retries; if Redis is unreachable, run them here instead."""

    name = "rq"

    def __init__(self, redis_url: str, fallback: InlineJobs | ThreadJobs | None = None,
                 queue_name: str = QUEUE_NAME, id_prefix: str = "") -> None:
        from redis import Redis

        self.connection = Redis.from_url(redis_url, socket_connect_timeout=2, socket_timeout=5)
        self.queue_name = queue_name
        self.id_prefix = id_prefix  # lets test runs share one Redis database without colliding
        self._fallback = fallback or ThreadJobs()
        self._paused_until = 0.0

    def queue(self):
        from rq import Queue

        return Queue(self.queue_name, connection=self.connection)

    def enqueue(self, job: Job, *args: Any, job_id: str | None = None) -> None:
        from redis.exceptions import RedisError

        job = resolve(job)
        job_id = job_id_for(job, args, job_id)
        job_id = f"{self.id_prefix}{job_id}" if job_id else None
        if time.monotonic() >= self._paused_until:
            try:
                self._put(job, args, job_id)
                return
            except RedisError as exc:
                self._paused_until = time.monotonic() + REDIS_PAUSE
                logger.warning("Redis unreachable (%s); running jobs in-process for %.0f s",
                               type(exc).__name__, REDIS_PAUSE)
        self._fallback.enqueue(job, *args)

    def _put(self, job: Callable[..., Any], args: tuple, job_id: str | None) -> None:
        """Enqueue with retries; a job id already queued, scheduled or running is left alone."""
        from rq import Retry
        from rq.exceptions import DuplicateJobError

        options: dict[str, Any] = dict(retry=Retry(max=len(RETRY_INTERVALS), interval=list(RETRY_INTERVALS)),
                                       failure_ttl=FAILURE_TTL)
        if job_id is None:
            self.queue().enqueue(job, *args, **options)
            return
        for _ in range(2):
            try:
                self.queue().enqueue(job, *args, job_id=job_id, unique=True, **options)
                return
            except DuplicateJobError:
                if not self._clear_finished(job_id):
                    logger.debug("job %s is already queued", job_id)
                    return
        logger.info("job %s was re-created by someone else meanwhile; leaving theirs", job_id)

    def _clear_finished(self, job_id: str) -> bool:
        """Delete a finished or failed job that still holds this id; False if it is still live."""
        from rq.exceptions import NoSuchJobError
        from rq.job import Job

        try:
            existing = Job.fetch(job_id, connection=self.connection)
        except NoSuchJobError:
            return True  # expired between our enqueue and this look
        status = existing.get_status(refresh=False)
        if status is None or str(getattr(status, "value", status)) not in _FINISHED:
            return False
        existing.delete()
        return True

    def health(self) -> str:
        from redis.exceptions import RedisError

        try:
            self.connection.ping()
            return "ok"
        except RedisError as exc:
            return f"unreachable: {type(exc).__name__}"


def make_jobs(redis_url: str | None, inline: bool = False):
    """The queue for this process's configuration."""
    if redis_url:
        return RedisJobs(redis_url, fallback=InlineJobs() if inline else None)
    return InlineJobs() if inline else ThreadJobs()

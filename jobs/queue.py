"""Enqueueing jobs: RQ when REDIS_URL is set, in-process otherwise (laptop mode and tests)."""
from __future__ import annotations

import logging
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Callable

logger = logging.getLogger(__name__)
QUEUE_NAME = "tinytummy"


def _run_logged(job: Callable[..., Any], *args: Any) -> None:
    try:
        job(*args)
    except Exception:
        logger.exception("in-process job %s failed", getattr(job, "__name__", job))


class InlineJobs:
    """Run each job at once, in the caller's thread (tests, and the fallback when Redis is down)."""

    name = "inline"

    def enqueue(self, job: Callable[..., Any], *args: Any, job_id: str | None = None) -> None:
        _run_logged(job, *args)

    def health(self) -> str:
        return "in-process"


class ThreadJobs:
    """Run jobs on a small thread pool inside this process (laptop mode: no Redis)."""

    name = "threads"

    def __init__(self, workers: int = 2) -> None:
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="job")

    def enqueue(self, job: Callable[..., Any], *args: Any, job_id: str | None = None) -> None:
        self._pool.submit(_run_logged, job, *args)

    def health(self) -> str:
        return "in-process"


class RedisJobs:
    """Put jobs on an RQ queue with retries; if Redis is unreachable, run them here instead."""

    name = "rq"

    def __init__(self, redis_url: str) -> None:
        from redis import Redis

        self.connection = Redis.from_url(redis_url, socket_connect_timeout=2, socket_timeout=5)
        self._fallback = ThreadJobs()

    def queue(self):
        from rq import Queue

        return Queue(QUEUE_NAME, connection=self.connection)

    def enqueue(self, job: Callable[..., Any], *args: Any, job_id: str | None = None) -> None:
        from redis.exceptions import RedisError
        from rq import Retry

        try:
            self.queue().enqueue(job, *args, job_id=job_id, retry=Retry(max=3, interval=[10, 60, 300]),
                                 failure_ttl=7 * 24 * 3600)
        except RedisError:
            logger.warning("Redis unreachable; running %s in-process instead", job.__name__)
            self._fallback.enqueue(job, *args)

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
        return RedisJobs(redis_url)
    return InlineJobs() if inline else ThreadJobs()

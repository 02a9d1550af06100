"""Running recorded tasks: each webhook-started job goes through here, so it can be re-driven.

The jobs themselves are idempotent (a photo logs one meal, an answer is one outbox row), so
running a task again after a lost Redis queue or a crash is always safe.
"""
from __future__ import annotations

import logging
from datetime import timedelta
from typing import Any, Callable

from jobs.queue import keyed
from jobs.registry import name_of, resolve
from jobs.runtime import current
from storage import tasks

logger = logging.getLogger(__name__)
MAX_ATTEMPTS = 5


@keyed(lambda task_id: f"task-{task_id}")
def run_task(task_id: int) -> None:
    """Run one recorded task and mark it done; a failure leaves it for a retry or the sweeper."""
    rt = current()
    with rt.sessions() as session, session.begin():
        task = tasks.start_task(session, task_id)
        if task is None:
            return
        job, args, attempts = task.job, list(task.args), task.attempts
    try:
        resolve(name_of(job))(*args)  # only registered jobs run, whatever the row says
    except Exception:
        status = "failed" if attempts >= MAX_ATTEMPTS else None
        if status:
            with rt.sessions() as session, session.begin():
                tasks.finish_task(session, task_id, status, rt.clock())
            logger.exception("task %s (%s) failed for good after %d tries", task_id, job, attempts)
            return
        raise
    with rt.sessions() as session, session.begin():
        tasks.finish_task(session, task_id, "done", rt.clock())


def redrive_tasks(older_than: timedelta = timedelta(minutes=2), run: Callable[..., Any] | None = None) -> int:
    """Enqueue tasks still queued after `older_than` (their job was lost, or failed and waits).

    Each keeps its job id `task-<id>`, so a task whose job is still queued or running is not
    queued a second time."""
    rt = current()
    with rt.sessions() as session:
        ids = tasks.due_task_ids(session, rt.clock() - older_than)
    for task_id in ids:
        try:
            (run or rt.enqueue)(run_task, task_id)
        except Exception:  # one bad task must not stop the rest
            logger.exception("re-driving task %s failed; the next sweep tries again", task_id)
    if ids:
        logger.info("re-drove %d queued tasks", len(ids))
    return len(ids)


def record(session, collected: list[tuple], now, default_key: str) -> list[tuple]:
    """Turn jobs a handler asked for into task rows (in the caller's transaction); return the
    run_task jobs to enqueue once it commits."""
    runs = []
    for n, (job, args, job_id) in enumerate(collected):
        task = tasks.add_task(session, key=job_id or f"{default_key}:{n}", job=name_of(job), args=list(args),
                              now=now)
        if task.status == "queued":
            runs.append((run_task, (task.id,), None))  # run_task's own id: task-<id>
    return runs

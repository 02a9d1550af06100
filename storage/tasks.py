"""Durable records of background work: written with the message, marked done by the job."""
from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from storage.models import Task


def add_task(session: Session, *, key: str, job: str, args: list[Any], now: datetime) -> Task:
    """Record a job once per key (a redelivered message adds nothing)."""
    existing = session.scalars(select(Task).where(Task.key == key)).one_or_none()
    if existing is not None:
        return existing
    task = Task(key=key, job=job, args=args, status="queued", attempts=0, created_at=now)
    session.add(task)
    session.flush()
    return task


def start_task(session: Session, task_id: int) -> Task | None:
    """Count a try at a queued task; None if it is done, failed or gone."""
    task = session.get(Task, task_id)
    if task is None or task.status != "queued":
        return None
    task.attempts += 1
    return task


def finish_task(session: Session, task_id: int, status: str, now: datetime) -> None:
    session.execute(update(Task).where(Task.id == task_id).values(status=status, done_at=now))


def due_task_ids(session: Session, cutoff: datetime, limit: int = 500) -> list[int]:
    return list(session.scalars(select(Task.id).where(Task.status == "queued", Task.created_at < cutoff)
                                .order_by(Task.id).limit(limit)))

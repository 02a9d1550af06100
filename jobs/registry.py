"""Jobs by name: handlers and task rows name a job; only the functions listed here ever run."""
from __future__ import annotations

import importlib
from typing import Any, Callable

JOBS: dict[str, str] = {
    "answer_with_llm": "jobs.answers.answer_with_llm",
    "analyze_photo": "jobs.photos.analyze_photo",
    "transcribe_voice": "jobs.photos.transcribe_voice",
    "ask_about_stale_photos": "jobs.photos.ask_about_stale_photos",
    "send_outbound": "jobs.outbox.send_outbound",
    "run_task": "jobs.tasks.run_task",
    "read_contact_card": "jobs.contacts.read_contact_card",
    "send_digests": "jobs.digests.send_digests",
    "deliver_nudges": "jobs.nudges.deliver_nudges",
    "render_report": "jobs.reports.render_report",
    "render_chart": "jobs.reports.render_chart",
}
_BY_PATH = {path: name for name, path in JOBS.items()}


def name_of(job: str | Callable[..., Any]) -> str:
    """The registered name of a job given by name, dotted path (older task rows) or function."""
    if callable(job):
        job = f"{job.__module__}.{job.__qualname__}"
    name = job if job in JOBS else _BY_PATH.get(job)
    if name is None:
        raise ValueError(f"refusing to run {job!r}: not a registered job")
    return name


def resolve(job: str | Callable[..., Any]) -> Callable[..., Any]:
    """The job function for a name (imported on first use); a function is returned as it is."""
    if callable(job):
        return job
    module, _, attr = JOBS[name_of(job)].rpartition(".")
    return getattr(importlib.import_module(module), attr)

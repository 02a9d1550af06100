"""The `worker` and `clock` processes of the Procfile."""
from __future__ import annotations

import logging
import time
from datetime import timedelta

import click
from flask import current_app
from flask.cli import with_appcontext

from jobs.queue import QUEUE_NAME

logger = logging.getLogger(__name__)


def warm_up(services) -> None:
    """Load the food table, embedding model and guideline store once, before the first job needs
    them (about a second), so no job pays for it."""
    services.warm_up()


@click.command("worker", help="Run jobs: an RQ worker with REDIS_URL, else drain the local outbox.")
@with_appcontext
@click.option("--burst", is_flag=True, help="Stop when there is nothing left to do.")
def worker(burst: bool) -> None:
    services = current_app.extensions["tinytummy"]
    warm_up(services)
    if services.config.redis_url:
        from rq import SimpleWorker

        # No fork per job: jobs run in this process, with the app, pools and models it loaded once.
        # A forked child hung for good inside the Chroma client its parent had opened, and outlived
        # the worker. One job at a time; run more worker processes to scale.
        click.echo(f"RQ worker (no fork) on queue {QUEUE_NAME!r}")
        SimpleWorker([QUEUE_NAME], connection=services.jobs.connection).work(with_scheduler=True, burst=burst,
                                                                             logging_level="WARNING")
        return
    from jobs.sweeper import resend_stuck
    from jobs.tasks import redrive_tasks

    click.echo("No REDIS_URL: jobs run in the web process; this worker re-drives anything left pending.")
    while True:
        resend_stuck(older_than=timedelta(seconds=30), run=lambda job, *a: job(*a))
        redrive_tasks(older_than=timedelta(seconds=30), run=lambda job, *a: job(*a))
        if burst:
            return
        time.sleep(5)


@click.command("clock", help="The scheduler: decides what is due and enqueues it; never sends.")
@with_appcontext
def clock() -> None:
    from jobs.clock import run_clock

    run_clock()

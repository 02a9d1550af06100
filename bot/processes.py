"""The `worker` and `clock` processes of the Procfile."""
from __future__ import annotations

import logging
import sys
import time
from datetime import timedelta

import click
from flask import current_app
from flask.cli import with_appcontext

from jobs.queue import QUEUE_NAME
from storage.db import POOL_SIZE

logger = logging.getLogger(__name__)


def warm_up(services) -> None:
    """Warm the process once, before the first job needs it (about a second): jobs run in this
    process (no fork), so none of them pays for loading the models, or for matplotlib and fpdf2
    (charts for the render_chart job and the household page, the render_report PDF)."""
    import reports

    services.warm_up()
    reports.warm_up()


@click.command("worker", help="Run jobs: an RQ worker with REDIS_URL, else drain the local outbox.")
@with_appcontext
@click.option("--burst", is_flag=True, help="Stop when there is nothing left to do.")
def worker(burst: bool) -> None:
    services = current_app.extensions["tinytummy"]
    warm_up(services)
    if services.config.redis_url:
        from rq import SimpleWorker

        # No fork per job: jobs run in this process, with the app, pools and models it loaded once.
        # Forking cost ~45 ms a job here, and a forked child hung for good inside the Chroma client its
        # parent had opened. One job at a time; a batch of nudges sends on a few threads; run more
        # processes to scale.
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


@click.command("serve", help="The web process: waitress, which reads each request in full before a thread handles it, "
                              "in --workers processes sharing the port.")
@with_appcontext
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (0.0.0.0 in production).")
@click.option("--port", default=5000, show_default=True, type=int)
@click.option("--workers", default=2, show_default=True, type=click.IntRange(1, 64), envvar="WEB_CONCURRENCY",
              help="Processes, each with its own threads and models (one per core: Python runs one thread at a "
                   "time per process).")
@click.option("--threads", default=POOL_SIZE, show_default=True, type=int,
              help="Requests each process handles at once (each holds one pooled database connection).")
@click.option("--connection-limit", default=1000, show_default=True, type=int,
              help="Open connections per process (slow or idle ones included) before new ones wait.")
def serve(host: str, port: int, workers: int, threads: int, connection_limit: int) -> None:
    from waitress import serve as waitress_serve

    from bot.web_process import Supervisor, bind

    app = current_app._get_current_object()
    services = app.extensions["tinytummy"]
    sock = bind(host, port)

    def serve_one() -> None:
        # Waitress reads headers and body of every request in its event loop and hands a thread only
        # complete requests, so clients that trickle their headers (or bodies) cost a connection, not a
        # thread: with gunicorn's threads, 32 of them left real requests unserved.
        waitress_serve(app, sockets=[sock], threads=threads, connection_limit=connection_limit,
                       channel_timeout=60, asyncore_use_poll=True, max_request_header_size=64 * 1024,
                       max_request_body_size=app.config["MAX_CONTENT_LENGTH"], ident="tinytummy")

    click.echo(f"TinyTummy web on http://{host}:{port} ({workers} processes x {threads} threads)")
    if workers == 1:
        warm_up(services)
        serve_one()
        return
    sys.exit(Supervisor(workers, serve_one, warm=lambda: warm_up(services)).run())


@click.command("clock", help="The scheduler: decides what is due and enqueues it; never sends.")
@with_appcontext
@click.option("--every", default=60.0, show_default=True, type=float, help="Seconds between sweeps.")
@click.option("--redrive-after", default=120.0, show_default=True, type=float,
              help="Seconds a message or task may wait for its job before the sweep re-drives it.")
def clock(every: float, redrive_after: float) -> None:
    from jobs.clock import run_clock

    run_clock(timedelta(seconds=every), timedelta(seconds=redrive_after))

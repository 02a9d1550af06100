"""Gunicorn reads this file from the working directory: each web worker warms up (food table,
intent index, guideline store) before it takes its first request, instead of during it."""


def post_worker_init(worker) -> None:
    """Runs in each worker after it loaded wsgi:app and before it accepts connections."""
    worker.wsgi.extensions["tinytummy"].warm_up()

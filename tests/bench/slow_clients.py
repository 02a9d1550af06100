"""Slow clients: real signed webhooks served while N connections trickle their headers.

Run: .venv/bin/python -m tests.bench.slow_clients [--slow 32] [--real 40] [--web "COMMAND"]
Starts the Procfile's web command (or the one given, e.g. the old gunicorn line) on a free
loopback port over a private Postgres schema, opens the slow connections, sends the real
requests four at a time (10 s timeout each) and prints how many were served and how fast.
"""
from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

import requests
from tests.servers import ProcfileProcess, free_port, private_schema, wait_until
from tests.slow_clients import serve_under_slow_clients
from tests.support import TEST_AUTH_TOKEN, migrate_once

POSTGRES = os.environ.get("TEST_POSTGRES_URL", "postgresql+psycopg2://postgres@127.0.0.1:5432/test")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--slow", type=int, default=32)
    parser.add_argument("--real", type=int, default=40)
    parser.add_argument("--web", default=None, help="a web command instead of the Procfile's ($PORT is set)")
    args = parser.parse_args()
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with private_schema(POSTGRES) as url:
        migrate_once(url)
        env = {"HOST": "127.0.0.1", "PORT": str(port), "DATABASE_URL": url, "REDIS_URL": "",
               "CHROMA_PATH": tempfile.mkdtemp(), "TWILIO_AUTH_TOKEN": TEST_AUTH_TOKEN, "PUBLIC_BASE_URL": base,
               "SPOOL_DIR": tempfile.mkdtemp()}
        web = ProcfileProcess("web", env, Path(tempfile.mkdtemp()) / "web.log", command=args.web)
        try:
            wait_until(lambda: _healthy(base), 180, 0.5, "the web process")
            served = serve_under_slow_clients("127.0.0.1", port, TEST_AUTH_TOKEN, slow=args.slow, real=args.real)
        finally:
            web.stop()
    print(f"{web.command!r}: {served.ok}/{served.sent} real webhooks served with {args.slow} slow clients "
          f"({served.slow_held} still trickling at the end); median {served.median * 1000:.0f} ms, "
          f"worst {served.worst * 1000:.0f} ms")


def _healthy(base: str) -> bool:
    try:
        return requests.get(base + "/healthz", timeout=2).status_code == 200
    except requests.RequestException:
        return False


if __name__ == "__main__":
    main()

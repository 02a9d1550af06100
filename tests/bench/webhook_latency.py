"""Webhook latency: 1,000 signed plain-text messages to gunicorn on the real Postgres.

Run: .venv/bin/python -m tests.bench.webhook_latency [--requests 1000] [--workers 2]
Creates a private Postgres schema, migrates it, sets up 20 households, starts gunicorn on a free
loopback port, sends the messages one after another and prints the median and p99 in ms.
"""
from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import time
import uuid

import requests
from sqlalchemy import create_engine, text
from twilio.request_validator import RequestValidator

from bot.config import DEV_AUTH_TOKEN

POSTGRES = os.environ.get("TEST_POSTGRES_URL", "postgresql+psycopg2://postgres@127.0.0.1:5432/test")
TEXTS = ["thanks!", "hi", "profile", "settings", "good morning", "thank you so much"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    schema = f"bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(POSTGRES)
    with admin.begin() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    url = f"{POSTGRES}?options=-csearch_path%3D{schema}"
    env = {**os.environ, "DATABASE_URL": url, "CHROMA_PATH": f"/tmp/{schema}-chroma"}
    env.pop("REDIS_URL", None)
    flask = [sys.executable, "-m", "flask", "--app", "wsgi"]
    server = None
    try:
        subprocess.run(flask + ["db", "upgrade"], env=env, check=True, capture_output=True)
        numbers = [f"+1212555{n:04d}" for n in range(20)]
        for number in numbers:
            subprocess.run(flask + ["household", "create", "--phone", number, "--child", "Maya",
                                    "--birth-date", "2025-06-01", "--timezone", "America/New_York"],
                           env=env, check=True, capture_output=True)
        port = free_port()
        server = subprocess.Popen([sys.executable, "-m", "gunicorn", "wsgi:app", "--bind", f"127.0.0.1:{port}",
                                   "--workers", str(args.workers), "--threads", "4", "--log-level", "warning"],
                                  env=env)
        base = f"http://127.0.0.1:{port}"
        for _ in range(120):
            try:
                if requests.get(base + "/healthz", timeout=1).status_code in (200, 503):
                    break
            except requests.RequestException:
                time.sleep(0.5)
        validator = RequestValidator(DEV_AUTH_TOKEN)
        http = requests.Session()

        def send(i: int) -> float:
            form = {"MessageSid": f"SM{uuid.uuid4().hex}", "AccountSid": "AC" + "0" * 32,
                    "From": numbers[i % len(numbers)], "To": "+15550006789", "Body": TEXTS[i % len(TEXTS)],
                    "NumMedia": "0"}
            signature = validator.compute_signature(base + "/twilio/inbound", form)
            start = time.perf_counter()
            response = http.post(base + "/twilio/inbound", data=form, headers={"X-Twilio-Signature": signature})
            elapsed = (time.perf_counter() - start) * 1000
            assert response.status_code == 200 and "<Message>" in response.text, response.text
            return elapsed

        for i in range(20):  # warm every worker: model loads, connection pools
            send(i)
        times = sorted(send(i) for i in range(args.requests))
        p99 = times[int(len(times) * 0.99) - 1]
        print(f"{len(times)} signed requests to gunicorn ({args.workers} workers) on Postgres: "
              f"median {statistics.median(times):.1f} ms, p99 {p99:.1f} ms, max {times[-1]:.1f} ms")
    finally:
        if server is not None:
            server.terminate()
            server.wait(10)
        with admin.begin() as conn:
            conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


if __name__ == "__main__":
    main()

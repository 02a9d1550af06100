"""The shipped web process (gunicorn with ./gunicorn.conf.py) warms up before its first request."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

from tests.support import TEST_AUTH_TOKEN, make_form, migrate_once, replies_of, sign

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.postgres


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_the_first_message_to_a_fresh_web_worker_is_answered_warm(postgres_url, chroma_path, tmp_path):
    migrate_once(postgres_url)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {**os.environ, "DATABASE_URL": postgres_url, "CHROMA_PATH": chroma_path, "TWILIO_AUTH_TOKEN": TEST_AUTH_TOKEN,
           "PUBLIC_BASE_URL": base}
    env.pop("REDIS_URL", None)
    log = open(tmp_path / "gunicorn.log", "w")
    web = subprocess.Popen([sys.executable, "-m", "gunicorn", "wsgi:app", "--bind", f"127.0.0.1:{port}",
                            "--workers", "1"], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 120
        while True:  # the worker answers nothing until it has warmed up
            try:
                if requests.get(base + "/healthz", timeout=60).status_code == 200:
                    break
            except requests.ConnectionError:
                pass
            assert time.monotonic() < deadline and web.poll() is None, (tmp_path / "gunicorn.log").read_text()
            time.sleep(0.2)
        form = make_form("+15551239876", "can she have honey?")
        started = time.perf_counter()
        response = requests.post(base + "/twilio/inbound", data=form, timeout=60,
                                 headers={"X-Twilio-Signature": sign(base + "/twilio/inbound", form)})
        elapsed = time.perf_counter() - started
        assert response.status_code == 200 and replies_of(response.text)
        assert elapsed < 1.5, f"first message took {elapsed:.2f} s"
        assert "warmed up" in (tmp_path / "gunicorn.log").read_text()
    finally:
        web.terminate()
        web.wait(timeout=30)
        log.close()

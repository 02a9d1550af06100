"""The shipped web process (the Procfile's `web:` line) warms up before it answers anything."""
from __future__ import annotations

import time

import pytest
import requests

from tests.servers import ProcfileProcess, free_port, wait_until
from tests.support import TEST_AUTH_TOKEN, make_form, migrate_once, replies_of, sign

pytestmark = pytest.mark.postgres


def _healthy(base: str) -> bool:
    try:
        return requests.get(base + "/healthz", timeout=60).status_code == 200
    except requests.ConnectionError:
        return False


def test_the_first_message_to_a_fresh_web_process_is_answered_warm(postgres_url, chroma_path, tmp_path):
    migrate_once(postgres_url)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {"HOST": "127.0.0.1", "PORT": str(port), "DATABASE_URL": postgres_url, "CHROMA_PATH": chroma_path,
           "TWILIO_AUTH_TOKEN": TEST_AUTH_TOKEN, "PUBLIC_BASE_URL": base, "REDIS_URL": "",
           "SPOOL_DIR": str(tmp_path / "spool")}
    web = ProcfileProcess("web", env, tmp_path / "web.log")
    try:  # the process listens only once it has warmed up
        wait_until(lambda: _healthy(base) or not web.running(), 180, 0.2, "the web process")
        assert web.running(), web.output()
        form = make_form("+15551239876", "can she have honey?")
        started = time.perf_counter()
        response = requests.post(base + "/twilio/inbound", data=form, timeout=60,
                                 headers={"X-Twilio-Signature": sign(base + "/twilio/inbound", form)})
        elapsed = time.perf_counter() - started
        assert response.status_code == 200 and replies_of(response.text)
        assert elapsed < 1.5, f"first message took {elapsed:.2f} s"
        assert "warmed up" in web.output()
        # Both worker processes warm up before they take a request (each listens only once warm).
        wait_until(lambda: web.output().count("warmed up") == 2, 120, 0.2, "the second web worker")
        assert len(web.survivors()) >= 3, web.output()  # the supervisor and its two workers
        assert web.stop(), "a web worker outlived SIGTERM"
    finally:
        web.stop()


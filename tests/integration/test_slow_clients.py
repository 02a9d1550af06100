"""The Procfile's `web:` process, run as written, keeps answering real webhooks while 32 clients
trickle their headers (the slowloris pattern that starved gunicorn's threads). Part of
`make chaos`, which runs it with 256 slow clients and 60 real requests (CHAOS_FULL=1)."""
from __future__ import annotations

import os

import pytest
import requests

from tests.servers import ProcfileProcess, free_port, wait_until
from tests.slow_clients import serve_under_slow_clients
from tests.support import TEST_AUTH_TOKEN, migrate_once

pytestmark = [pytest.mark.postgres, pytest.mark.chaos]
SLOW, REAL = (256, 60) if os.environ.get("CHAOS_FULL") == "1" else (32, 12)


def healthy(base: str) -> bool:
    try:
        return requests.get(base + "/healthz", timeout=2).status_code == 200
    except requests.RequestException:
        return False


@pytest.fixture
def web(postgres_url, chroma_path, tmp_path):
    """The Procfile's web process on a free loopback port, on the test Postgres, without Redis."""
    migrate_once(postgres_url)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {"HOST": "127.0.0.1", "PORT": str(port), "DATABASE_URL": postgres_url, "CHROMA_PATH": chroma_path,
           "TWILIO_AUTH_TOKEN": TEST_AUTH_TOKEN, "PUBLIC_BASE_URL": base, "REDIS_URL": "",
           "SPOOL_DIR": str(tmp_path / "spool")}
    process = ProcfileProcess("web", env, tmp_path / "web.log")
    try:
        wait_until(lambda: healthy(base) or not process.running(), 180, 0.5, "the web process")
        assert process.running(), process.output()
        yield port, process
    finally:
        process.stop()


def test_real_webhooks_are_served_while_slow_clients_trickle_headers(web):
    port, process = web
    served = serve_under_slow_clients("127.0.0.1", port, TEST_AUTH_TOKEN, slow=SLOW, real=REAL)
    assert served.slow_held == SLOW  # the slow clients really held their connections throughout
    assert served.ok == REAL, process.output()
    assert served.worst < 5.0, served.latencies
    print(f"\n{SLOW} slow clients: {served.ok}/{served.sent} real webhooks served, median "
          f"{served.median * 1000:.0f} ms, worst {served.worst * 1000:.0f} ms")


def test_the_web_process_listens_on_loopback_only_when_told(web):
    port, process = web
    assert "127.0.0.1" in process.output()
    with pytest.raises(requests.ConnectionError):
        requests.get(f"http://{_outside_address()}:{port}/healthz", timeout=2)


def _outside_address() -> str:
    """This machine's address on its default route (not loopback); skip if it has none."""
    import socket

    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            s.connect(("192.0.2.1", 9))  # nothing is sent: this only picks the interface
            address = s.getsockname()[0]
    except OSError:
        pytest.skip("no network interface besides loopback")
    if address.startswith("127."):
        pytest.skip("no network interface besides loopback")
    return address

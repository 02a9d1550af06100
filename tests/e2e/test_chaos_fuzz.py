"""Signed fuzz of /twilio/inbound and /twilio/status on the real Postgres: 0 5xx, 0 logged
exceptions (crashes the apology would hide), valid TwiML on every reply.

`make test` runs CHAOS_FUZZ (default 400) requests; `make chaos` runs 10,000.
"""
from __future__ import annotations

import os

import pytest

from tests.fuzz import run_fuzz
from tests.support import build_app, truncate_all

pytestmark = [pytest.mark.chaos, pytest.mark.postgres]
REQUESTS = int(os.environ.get("CHAOS_FUZZ", "400"))


@pytest.mark.timeout(300 + int(REQUESTS * 0.3))  # about 0.1 s a request on a busy 2-core machine
def test_fuzzed_webhooks_never_crash(postgres_url, clock, tmp_path, chroma_path):
    app = build_app(postgres_url, clock, tmp_path, env={"CHROMA_PATH": chroma_path})
    try:
        app.extensions["tinytummy"].warm_up()  # as gunicorn.conf.py does: "slowest" is then a real request
        result = run_fuzz(app, REQUESTS, seed=int(os.environ.get("CHAOS_SEED", "14")))
        print("fuzz:", result.line())
        assert result.requests == REQUESTS
        assert (result.server_errors, result.crashes, result.bad_twiml) == (0, 0, 0), \
            result.line() + "\n" + "\n".join(result.examples)
    finally:
        truncate_all(app.extensions["tinytummy"].engine)
        app.extensions["tinytummy"].engine.dispose()

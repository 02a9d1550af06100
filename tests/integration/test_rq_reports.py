"""Rendering stays off the webhook: with the real Redis, "pediatrician report" and "chart" are
answered at once and nothing is sent until a real RQ worker runs the render job, which then sends
the file once through the outbox to the fake Twilio, as media from our own route."""
from __future__ import annotations

import time

import pytest

from tests.integration import test_outbox, test_rq_outbox
from tests.integration.test_rq_outbox import work
from tests.support import household

make_app, twilio = test_outbox.make_app, test_outbox.twilio
space, make_jobs, rq_app = test_rq_outbox.space, test_rq_outbox.make_jobs, test_rq_outbox.rq_app

pytestmark = pytest.mark.redis


@pytest.mark.parametrize("text, filename", [("pediatrician report", "report.pdf"), ("chart", "chart.png")])
def test_the_webhook_answers_and_the_worker_renders_and_sends(rq_app, twilio, text, filename):
    services = rq_app.extensions["tinytummy"]
    parent = household(rq_app, "+12125550701", "Maya", "2025-06-01")
    assert "Logged Maya's" in parent.say("Maya had scrambled egg and toast")
    started = time.perf_counter()
    reply = parent.say(text)
    answered = time.perf_counter() - started
    assert "on its way" in reply
    assert [m for m in twilio.messages if "MediaUrl" in m] == []  # queued, not rendered in the request
    started = time.perf_counter()
    work(services.jobs)
    rendered = time.perf_counter() - started
    (sent,) = [m for m in twilio.messages if "MediaUrl" in m]
    assert sent["To"] == "+12125550701" and sent["MediaUrl"][0].endswith("/" + filename)
    served = rq_app.test_client().get(sent["MediaUrl"][0].removeprefix(test_outbox.PUBLIC))
    assert served.status_code == 200 and len(served.data) > 10_000
    work(services.jobs)  # nothing left to send twice
    assert len([m for m in twilio.messages if "MediaUrl" in m]) == 1
    print(f"\n{text}: webhook answered in {answered * 1000:.0f} ms; the worker rendered and sent in "
          f"{rendered * 1000:.0f} ms")

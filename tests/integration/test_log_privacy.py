"""Error logs carry no phone number and no message text, even when Postgres fails mid-message."""
from __future__ import annotations

import io
import logging

import pytest
from sqlalchemy import text

from storage import messages
from storage.models import Person
from tests.support import Phone, build_app, truncate_all

pytestmark = pytest.mark.postgres
NUMBER = "+12125550177"
BODY = "Maya had 2 scrambled eggs"


def fail_with_parameters(session, inbound, *args, **kwargs):
    session.execute(text("SELECT 1 / 0 WHERE :sender <> :body"), {"sender": inbound.sender, "body": inbound.body})


def fail_on_the_phone_key(session, inbound, *args, **kwargs):
    session.add(Person(phone=inbound.sender, created_at=inbound.received_at, reminders_on=True, last_channel="sms"))
    session.flush()


@pytest.mark.parametrize("failure", [fail_with_parameters, fail_on_the_phone_key])
def test_a_database_error_is_logged_without_the_number_or_the_text(postgres_url, clock, tmp_path, monkeypatch,
                                                                  failure):
    app = build_app(postgres_url, clock, tmp_path)
    captured = io.StringIO()
    handler = logging.StreamHandler(captured)
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s %(message)s"))
    logging.getLogger().addHandler(handler)
    try:
        monkeypatch.setattr(messages, "record_reply", failure)
        assert "something went wrong" in Phone(app, NUMBER).say(BODY)
    finally:
        logging.getLogger().removeHandler(handler)
        truncate_all(app.extensions["tinytummy"].engine)
        app.extensions["tinytummy"].engine.dispose()
    log = captured.getvalue()
    assert "Traceback" in log and ("DivisionByZero" in log or "UniqueViolation" in log)  # the error is there
    assert NUMBER not in log and NUMBER[1:] not in log and "+1212***0177" in log
    assert BODY not in log and "scrambled" not in log

"""Signatures and identity, attacked: public tokens, forged hosts, re-split replays, repeated keys.

Part of `make chaos` (marker `chaos`); small enough to run in every `make test` too.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select
from twilio.request_validator import RequestValidator
from werkzeug.datastructures import MultiDict

from bot.config import DEV_AUTH_TOKEN
from storage.meals import Meal
from storage.models import Inbound
from tests.support import TEST_AUTH_TOKEN, build_app, household, make_form, new_sid, sign, truncate_all

pytestmark = pytest.mark.chaos
ROOT = Path(__file__).resolve().parents[2]
URL = "http://localhost/twilio/inbound"


def count(app, model) -> int:
    with app.extensions["tinytummy"].sessions() as s:
        return s.scalar(select(func.count()).select_from(model))


def post(app, form, signature: str | None = None, **headers: str):
    signature = signature if signature is not None else sign(URL, form)
    return app.test_client().post("/twilio/inbound", data=form,
                                  headers={"X-Twilio-Signature": signature, **headers})


@pytest.mark.parametrize("env", [
    {"DATABASE_URL": "postgresql://postgres@127.0.0.1:5432/test"},
    {"DATABASE_URL": "postgresql://postgres@127.0.0.1:5432/test", "REDIS_URL": "redis://127.0.0.1:6379/2",
     "PUBLIC_BASE_URL": "https://bot.example.com"},
    {"REDIS_URL": "redis://127.0.0.1:6379/2"},
])
def test_without_a_token_anything_but_the_laptop_setup_refuses_to_start(env):
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("TWILIO_", "DATABASE_", "REDIS_", "PUBLIC_"))}
    result = subprocess.run([sys.executable, "-c", "import wsgi"], env={**clean, **env}, cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert "TinyTummy cannot start: TWILIO_AUTH_TOKEN is required" in result.stderr


def test_the_repository_token_signs_nothing_on_a_configured_app(app):
    form = make_form("+15551230001", "hi")
    assert post(app, form, RequestValidator(DEV_AUTH_TOKEN).compute_signature(URL, form)).status_code == 403
    assert count(app, Inbound) == 0


def test_a_signature_for_another_host_is_refused_whatever_the_host_header_says(database_url, clock, tmp_path):
    app = build_app(database_url, clock, tmp_path, env={"PUBLIC_BASE_URL": "https://bot.example.com"})
    try:
        form = make_form("+15551230001", "hi")
        forged = sign("https://other.example.net/twilio/inbound", form)
        response = post(app, form, forged, Host="other.example.net", **{"X-Forwarded-Proto": "https"})
        assert response.status_code == 403
        assert count(app, Inbound) == 0
    finally:
        truncate_all(app.extensions["tinytummy"].engine)
        app.extensions["tinytummy"].engine.dispose()


def test_a_re_split_replay_with_a_new_sid_is_refused_and_logs_nothing_twice(app):
    parent = household(app, "+12125550180", "Maya", "2025-02-01")
    sid = new_sid()
    captured = make_form(parent.number, "Maya had 2 eggs", sid=sid, SmsMessageSid=sid, SmsSid=sid)
    signature = sign(URL, captured)
    assert parent.post(captured).status_code == 200 and count(app, Meal) == 1
    # Twilio signs keys and values with no separator, so this form has the very same signature:
    # MessageSid swallows the keys and values that sort after it, up to SmsMessageSid, giving a
    # SID never seen before.
    keys = sorted(captured)
    swallowed = keys[keys.index("MessageSid") + 1:keys.index("SmsMessageSid") + 1]
    replay = {k: v for k, v in captured.items() if k not in swallowed}
    replay["MessageSid"] = sid + "".join(k + captured[k] for k in swallowed)
    assert RequestValidator(TEST_AUTH_TOKEN).validate(URL, replay, signature)
    response = post(app, replay, signature)
    assert response.status_code == 400 and response.get_data(as_text=True).endswith("<Response />")
    assert count(app, Meal) == 1 and count(app, Inbound) == 1


@pytest.mark.parametrize("sid", ["SM123", "XX" + "a" * 32, "SM" + "g" * 32, "SM" + "a" * 33, "SM" + "1" * 5000,
                                 "SM" + "a" * 31 + "\x00", " SM" + "a" * 32])
def test_only_well_formed_sids_are_accepted(app, sid):
    form = make_form("+15551230001", "hi", sid=sid)
    assert post(app, form).status_code == 400
    assert count(app, Inbound) == 0


@pytest.mark.parametrize("copy", ["SmsMessageSid", "SmsSid"])
def test_message_sid_must_equal_its_deprecated_copies(app, copy):
    form = make_form("+15551230001", "hi", **{copy: "MM" + "b" * 32})
    assert post(app, form).status_code == 400
    assert count(app, Inbound) == 0
    form = make_form("+15551230001", "hi")
    assert post(app, {**form, copy: form["MessageSid"]}).status_code == 200


def test_a_repeated_key_is_refused_even_when_correctly_signed(app):
    form = MultiDict(make_form("+15551230001", "hi"))
    form.add("Body", "STOP")
    signature = RequestValidator(TEST_AUTH_TOKEN).compute_signature(URL, form)
    assert RequestValidator(TEST_AUTH_TOKEN).validate(URL, form, signature)
    assert post(app, form, signature).status_code == 400
    assert count(app, Inbound) == 0


def test_status_callbacks_get_the_same_checks(app):
    client = app.test_client()
    good = {"MessageSid": "SM" + "c" * 32, "MessageStatus": "delivered"}
    for form in ({**good, "MessageSid": "SM" + "c" * 32 + "SmsSid"}, {**good, "SmsSid": "SM" + "d" * 32}):
        signature = sign("http://localhost/twilio/status", form)
        assert client.post("/twilio/status", data=form, headers={"X-Twilio-Signature": signature}).status_code == 400


@pytest.mark.parametrize("form, code", [
    ({"MessageStatus": "partially_delivered"}, 204),  # a status Twilio added later: acknowledged
    ({"MessageStatus": "delivered", "ErrorCode": "\u00b2"}, 400),
    ({"MessageStatus": "failed", "ErrorCode": "9" * 5000}, 400),
    ({"MessageStatus": "x" * 100}, 400),
    ({"MessageStatus": "d\u00e9livr\u00e9"}, 400),
    ({"MessageStatus": "failed", "ErrorCode": "30003"}, 204),
])
def test_status_fields_are_checked_before_they_reach_the_database(app, form, code):
    form = {"MessageSid": "SM" + "c" * 32, **form}
    signature = sign("http://localhost/twilio/status", form)
    response = app.test_client().post("/twilio/status", data=form, headers={"X-Twilio-Signature": signature})
    assert response.status_code == code

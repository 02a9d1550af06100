"""The signed webhook end to end: signatures, redelivery, bad input, replies per channel."""
from __future__ import annotations

import pytest
from sqlalchemy import func, select

from bot.replies import is_gsm7
from storage.models import Child, Inbound, Outbound, Person
from tests.support import Phone, build_app, make_form, replies_of, sign


def count(app, model) -> int:
    with app.extensions["tinytummy"].sessions() as s:
        return s.scalar(select(func.count()).select_from(model))


def test_signed_request_is_answered(phone):
    assert "TinyTummy" in phone.say("hi")


@pytest.mark.parametrize("signature", ["", "bm90IGEgc2lnbmF0dXJl", None])
def test_unsigned_or_badly_signed_request_is_refused_and_nothing_stored(app, signature):
    form = make_form("+15551230001", "hi")
    headers = {} if signature is None else {"X-Twilio-Signature": signature}
    response = app.test_client().post("/twilio/inbound", data=form, headers=headers)
    assert response.status_code == 403
    assert count(app, Inbound) == 0 and count(app, Person) == 0


def test_signature_made_with_another_token_is_refused(app):
    form = make_form("+15551230001", "hi")
    response = app.test_client().post("/twilio/inbound", data=form,
                                      headers={"X-Twilio-Signature": sign("http://localhost/twilio/inbound", form, "x")})
    assert response.status_code == 403


def test_tampered_form_is_refused(app):
    form = make_form("+15551230001", "hi")
    signature = sign("http://localhost/twilio/inbound", form)
    form["Body"] = "STOP"
    response = app.test_client().post("/twilio/inbound", data=form, headers={"X-Twilio-Signature": signature})
    assert response.status_code == 403


def test_behind_a_proxy_the_public_url_is_what_is_checked(database_url, clock, tmp_path):
    app = build_app(database_url, clock, tmp_path, env={"PUBLIC_BASE_URL": "https://bot.example.com"})
    try:
        client = Phone(app, "+15551230003")
        form = make_form("+15551230003", "hi")
        # Twilio signed the public https URL; the app itself sees http://localhost/...
        ok = client.post(form, url="https://bot.example.com/twilio/inbound")
        assert ok.status_code == 200 and replies_of(ok.get_data(as_text=True))
        local = client.post(make_form("+15551230003", "hi"), url="http://localhost/twilio/inbound")
        assert local.status_code == 403
    finally:
        from tests.support import truncate_all
        truncate_all(app.extensions["tinytummy"].engine)


def test_redelivery_five_times_has_one_effect_and_the_same_reply(app, phone):
    phone.say("hello")
    form = make_form(phone.number, "Maya")
    answers = [replies_of(phone.post(form).get_data(as_text=True)) for _ in range(5)]
    assert all(a == answers[0] for a in answers) and answers[0]
    assert count(app, Child) == 1
    assert count(app, Inbound) == 2
    with app.extensions["tinytummy"].sessions() as s:
        replies = s.scalars(select(Outbound).where(Outbound.kind == "reply")).all()
    assert len(replies) == len(answers[0]) + 1  # the greeting's reply and this one, stored once


def test_same_person_on_sms_and_whatsapp(app):
    sms = Phone(app, "+15551230009")
    wa = Phone(app, "+15551230009", channel="whatsapp")
    sms.say("hi")
    assert "born" in wa.say("Maya")
    assert count(app, Person) == 1


BAD_INPUTS = [
    {"Body": ""},
    {"Body": "a" * 5000},
    {"Body": "🍌🍌🥑😀"},
    {"Body": "我的女儿吃了米饭"},
    {"Body": "ابنتي أكلت موزة"},
    {"Body": "", "MessageType": "location", "Latitude": "40.7", "Longitude": "-74.0", "Address": "NYC"},
    {"Body": "", "MessageType": "sticker", "NumMedia": "1", "MediaUrl0": "https://api.twilio.com/m/1",
     "MediaContentType0": "image/webp"},
    {"Body": "", "MessageType": "contacts", "NumMedia": "1", "MediaUrl0": "https://api.twilio.com/m/2",
     "MediaContentType0": "text/vcard"},
    {"Body": "Yes please", "MessageType": "button", "ButtonText": "Yes please", "ButtonPayload": "yes"},
    {"Body": "", "MessageType": "interactive-thing-from-the-future"},
    {"Body": "", "NumMedia": "1", "MediaUrl0": "https://api.twilio.com/m/3", "MediaContentType0": "image/jpeg"},
    {"Body": "", "NumMedia": "1", "MediaUrl0": "https://api.twilio.com/m/4", "MediaContentType0": "audio/ogg"},
    {"Body": "\x00\x01 weird control", "NumMedia": "banana"},
    {"Body": "<Response><Message>injected</Message></Response> & stuff"},
    {"Body": "", "MessageType": "image"},
    {"Body": "", "MessageType": "audio"},
    {"Body": "how do i use this", "MessageType": "image"},
    {"Body": "", "MessageType": "image", "NumMedia": "1", "MediaUrl0": "https://api.twilio.com/m/5",
     "MediaContentType0": "application/pdf"},
    {"Body": "Maya had 2 eggs \x00\x1b[31m", "MessageType": "video"},
]


@pytest.mark.parametrize("channel", ["sms", "whatsapp"])
@pytest.mark.parametrize("extra", BAD_INPUTS, ids=range(len(BAD_INPUTS)))
def test_anything_a_person_can_send_gets_a_calm_answer(app, channel, extra):
    person = Phone(app, "+15551230004", channel=channel)
    person.say("hi")
    person.say("Maya")
    extra = dict(extra)  # the parameter table is shared between runs
    body = extra.pop("Body")
    response = person.post(make_form(person.number, body, channel, **extra))
    assert response.status_code == 200
    parts = replies_of(response.get_data(as_text=True))
    assert parts, "every message deserves an answer"
    with app.extensions["tinytummy"].sessions() as s:
        last = s.scalars(select(Inbound).order_by(Inbound.id.desc())).first()
    assert last.status == "answered", "a crash hidden behind the apology"
    assert len(parts) <= 3 and all(0 < len(p) <= 1600 for p in parts)
    if channel == "sms":
        assert all(is_gsm7(p) for p in parts)


def test_garbage_sender_gets_a_polite_answer_not_an_error(app):
    form = make_form("not-a-number", "hi")
    response = app.test_client().post("/twilio/inbound", data=form,
                                      headers={"X-Twilio-Signature": sign("http://localhost/twilio/inbound", form)})
    assert response.status_code == 200
    assert "couldn't read the number" in response.get_data(as_text=True)
    assert count(app, Person) == 0


def test_sms_replies_are_gsm7_and_whatsapp_keeps_unicode(app):
    sms, wa = Phone(app, "+15551230005"), Phone(app, "+15551230006", channel="whatsapp")
    for who in (sms, wa):
        who.say("hi")
        who.say("Zoë ❤️")
    sms_reply = sms.say("born 2025-03-02")
    assert is_gsm7(sms_reply)
    assert "Zoë" in wa.say("show profile") or "Zoë" in wa.say("profile")


def test_health_reports_database_jobs_and_chroma(app):
    data = app.test_client().get("/healthz").get_json()
    assert data["database"] == "ok" and data["jobs"] == "in-process" and "chroma" in data


def test_status_callbacks_update_outbound_once_per_status(app, phone):
    services = app.extensions["tinytummy"]
    from storage.messages import add_outbound
    with services.sessions() as s, s.begin():
        row = add_outbound(s, key="t1", person_id=None, channel="sms", to_address=phone.number, body="x",
                           kind="nudge", now=services.clock())
        row.sid, row.status = "SM" + "f" * 32, "sent"
    client = app.test_client()
    for status in ("delivered", "delivered", "sent"):
        form = {"MessageSid": "SM" + "f" * 32, "MessageStatus": status, "AccountSid": "AC" + "0" * 32}
        r = client.post("/twilio/status", data=form,
                        headers={"X-Twilio-Signature": sign("http://localhost/twilio/status", form)})
        assert r.status_code == 204
    with services.sessions() as s:
        assert s.scalars(select(Outbound.status).where(Outbound.key == "t1")).one() == "delivered"
    assert client.post("/twilio/status", data={"MessageSid": "x"}).status_code == 403


def test_concurrent_redeliveries_have_one_effect(app, phone):
    """Twilio's retry can race the first delivery: the unique claim lets exactly one through."""
    from concurrent.futures import ThreadPoolExecutor

    phone.say("hello")
    form = make_form(phone.number, "Maya")

    def deliver(_):
        return Phone(app, phone.number).post(form)

    with ThreadPoolExecutor(5) as pool:
        responses = list(pool.map(deliver, range(5)))
    assert {r.status_code for r in responses} == {200}
    answers = {tuple(replies_of(r.get_data(as_text=True))) for r in responses}
    assert len(answers) == 1 and next(iter(answers))
    assert count(app, Child) == 1

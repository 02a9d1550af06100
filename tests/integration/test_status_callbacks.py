"""Delivery callbacks: a WhatsApp message Twilio accepted but failed with 63016 goes out again."""
from __future__ import annotations

from sqlalchemy import select

from storage.models import Outbound
from tests.integration.test_outbox import add_person, make_app, queue, services_of, twilio, twilio_env  # noqa: F401 (fixtures)
from tests.support import sign

NUDGE_TEMPLATE = "HX" + "b" * 32


def post_status(app, form: dict[str, str]):
    url = "https://tinytummy.example.org/twilio/status"  # PUBLIC_BASE_URL in twilio_env
    return app.test_client().post("/twilio/status", data=form,
                                  headers={"X-Twilio-Signature": sign(url, form, services_of(app).config.twilio_auth_token)})


def test_63016_callback_resends_once_as_a_template(make_app, twilio):
    from datetime import timedelta

    from jobs.outbox import send_outbound

    app = make_app(twilio_env(twilio, WHATSAPP_TEMPLATE_NUDGE=NUDGE_TEMPLATE))
    person = add_person(app, "+447700900001", channel="whatsapp", whatsapp_ago=timedelta(hours=2))
    send_outbound(queue(app, person, channel="whatsapp"))
    [first] = twilio.messages
    assert first["Body"] and "ContentSid" not in first
    form = {"MessageSid": _sid(app), "MessageStatus": "undelivered",
            "ErrorCode": "63016", "AccountSid": twilio.account_sid}
    for _ in range(2):  # Twilio may call back twice with the same status
        assert post_status(app, form).status_code == 204
    assert len(twilio.messages) == 2 and twilio.messages[1]["ContentSid"] == NUDGE_TEMPLATE
    assert "Body" not in twilio.messages[1] or not twilio.messages[1]["Body"]


def _sid(app) -> str:
    with services_of(app).sessions() as s:
        return s.scalars(select(Outbound.sid).where(Outbound.sid.is_not(None))).first()

"""A file of ours in the outbox: media where Twilio sends it (WhatsApp free-form, MMS to US and
Canadian numbers), else its link at the end of the text (SMS elsewhere, WhatsApp templates)."""
from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest

from jobs.outbox import Delivery, Recipient, plan

NOW = datetime(2026, 11, 22, 15, 0, tzinfo=timezone.utc)
URL = "https://tinytummy.example.org/files/" + "t" * 32 + "/chart.png"
OPEN = Recipient(1, last_sms_at=NOW - timedelta(days=2), last_whatsapp_at=NOW - timedelta(hours=1))
CLOSED = Recipient(1, last_sms_at=NOW - timedelta(days=2), last_whatsapp_at=NOW - timedelta(days=3))
TEMPLATE = "HX" + "b" * 32


def chart_to(number: str, channel: str) -> Delivery:
    return Delivery(7, "chart", channel, number, "Maya's last 7 days in pictures.", media_url=URL)


@pytest.mark.parametrize("number, channel, recipient, media", [
    ("+12125550101", "sms", OPEN, True),        # US: MMS
    ("+14165550101", "sms", OPEN, True),        # Canada: MMS
    ("+447700900101", "sms", OPEN, False),      # UK: a link
    ("+18765550101", "sms", OPEN, False),       # Jamaica, +1 but not US/Canada: a link
    ("+447700900101", "whatsapp", OPEN, True),  # WhatsApp, any country, inside the window: an image
    ("+447700900101", "whatsapp", CLOSED, False),  # window closed, no template: SMS to the UK, a link
])
def test_media_goes_where_twilio_sends_it_else_a_link(number, channel, recipient, media):
    sent = plan(chart_to(number, channel), recipient, NOW, {})
    if media:
        assert sent.media_urls == (URL,) and URL not in sent.body
    else:
        assert sent.media_urls == () and sent.body.endswith("\n" + URL)


def test_a_whatsapp_template_carries_the_link_whole_in_its_one_line():
    sent = plan(chart_to("+447700900101", "whatsapp"), CLOSED, NOW, {"chart": TEMPLATE})
    assert sent.content_sid == TEMPLATE and sent.media_urls == ()
    line = json.loads(sent.content_variables)["1"]
    assert line.endswith(" " + URL) and "\n" not in line and len(line) <= 200


def test_a_message_without_media_is_unchanged():
    plain = Delivery(8, "answer", "sms", "+447700900101", "Yes, from 6 months.")
    assert plan(plain, OPEN, NOW, {}) == plain

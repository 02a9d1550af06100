"""Bad input is bounded and cleaned at the edge, and no text makes a regex slow."""
from __future__ import annotations

import time
import xml.etree.ElementTree as ET

import pytest

from bot.channel import MAX_TEXT, parse_inbound
from knowledge.foods.text import normalise

SID = "SM" + "a" * 32


def form(body: str, **extra: str) -> dict[str, str]:
    return {"MessageSid": SID, "From": "+15551230001", "Body": body, **extra}


@pytest.mark.parametrize("text", ["1" * 16000, "1." * 8000, "1t" * 8000, "12 " * 5000, "½" * 8000, "1.5T" * 4000])
def test_number_regexes_are_linear_in_the_text(text):
    started = time.perf_counter()
    normalise(text)
    assert time.perf_counter() - started < 0.25  # a quadratic scan of 16,000 digits takes seconds


def test_the_body_is_cut_to_twilios_limit_before_anything_reads_it():
    assert len(parse_inbound(form("9" * 5000)).text) == MAX_TEXT == 1600


@pytest.mark.parametrize("raw, kept", [
    ("2 eggs\x00", "2 eggs"), ("a\x01b\x08c\x0bd\x0ce\x1ff", "abcdef"), ("x\x7f\x85\x9fy", "xy"),
    ("line one\r\nline two\ttab", "line one\nline two\ttab"), ("🍌 Zoë ½ cup", "🍌 Zoë ½ cup"),
    ("\ufffe\uffffok", "ok"),
])
def test_characters_xml_and_postgres_refuse_are_dropped_on_the_way_in(raw, kept):
    msg = parse_inbound(form(raw, ProfileName=raw, ButtonPayload=raw))
    assert msg.text == kept and msg.profile_name == kept and dict(msg.extras)["ButtonPayload"] == kept
    ET.fromstring(f"<Response><Message>{msg.text}</Message></Response>")


@pytest.mark.parametrize("given, kind", [("image\x00", "image"), ("x" * 300, "text"), ("<b>", "text"),
                                         ("IMAGE", "image"), ("", "text")])
def test_message_type_is_a_short_word_or_judged_by_what_came(given, kind):
    assert parse_inbound(form("hi", MessageType=given)).message_type == kind


@pytest.mark.parametrize("count", ["banana", "²", "-1", "9" * 50, ""])
def test_a_bad_media_count_means_no_media(count):
    assert parse_inbound(form("hi", NumMedia=count, MediaUrl0="https://api.twilio.com/m")).media == ()

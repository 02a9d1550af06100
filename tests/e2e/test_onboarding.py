"""Onboarding through the signed webhook, on both channels, with every birth-date form."""
from __future__ import annotations

from datetime import date, time

import pytest
from sqlalchemy import select

from storage.models import Child, Conversation, Person
from tests.support import Phone, all_rows


def person(app, number: str) -> Person:
    with app.extensions["tinytummy"].sessions() as s:
        p = s.scalars(select(Person).where(Person.phone == number)).one()
        s.expunge_all()
        return p


def children(app) -> list[Child]:
    return all_rows(app, Child, load=("allergies",))


def step(app, number: str) -> str | None:
    with app.extensions["tinytummy"].sessions() as s:
        p = s.scalars(select(Person).where(Person.phone == number)).one()
        return s.get(Conversation, p.id).step


@pytest.mark.parametrize("channel", ["sms", "whatsapp"])
def test_full_onboarding(app, channel):
    parent = Phone(app, "+12125550123", channel=channel)  # New York: one time zone, no question
    assert "first name" in parent.say("Hi there")
    assert "born" in parent.say("Maya")
    assert "allergies" in parent.say("2025-03-02")
    assert "remind" in parent.say("peanuts and eggs")
    done = parent.say("8pm")
    assert "All set" in done and "8:00 PM" in done
    kid = children(app)[0]
    assert kid.name == "Maya" and kid.birth_date == date(2025, 3, 2) and not kid.birth_date_estimated
    assert sorted(a.name for a in kid.allergies) == ["egg", "peanut"]
    p = person(app, parent.number)
    assert p.reminder_time == time(20, 0) and p.timezone == "America/New_York"
    assert step(app, parent.number) is None


def test_ambiguous_time_zone_is_confirmed(app, phone):
    for text in ("hello", "Leo", "skip", "none", "default"):
        reply = phone.say(text)
    assert "time zone" in reply.lower()
    assert "All set" in phone.say("Pacific")
    assert person(app, phone.number).timezone == "America/Los_Angeles"
    assert person(app, phone.number).reminder_time == time(19, 0)


def test_every_step_can_be_skipped(app, phone):
    for text in ("hi", "skip", "skip", "skip", "skip", "skip"):
        reply = phone.say(text)
    assert "All set" in reply
    kid = children(app)[0]
    assert kid.name == "Baby" and kid.birth_date is None and kid.allergies == []


TODAY = date(2026, 11, 22)  # the test clock's date


@pytest.mark.parametrize("text, expected, estimated", [
    ("2025-03-02", date(2025, 3, 2), False),
    ("3/2/25", date(2025, 3, 2), False),
    ("March 2nd", date(2026, 3, 2), False),
    ("she's 9 months", date(2026, 2, 22), True),
    ("born last week", date(2026, 11, 15), True),
])
def test_birth_date_forms(app, phone, text, expected, estimated):
    phone.say("hi")
    phone.say("Ava")
    assert "allergies" in phone.say(text)
    kid = children(app)[0]
    assert kid.birth_date_estimated is estimated
    assert abs((kid.birth_date - expected).days) <= (7 if estimated else 0)


def test_unreadable_birth_date_is_asked_again(app, phone):
    phone.say("hi")
    phone.say("Ava")
    assert "couldn't read" in phone.say("purple monkey")
    assert step(app, phone.number) == "onboarding.birth_date"


def test_help_in_the_middle_keeps_the_step(app, phone):
    phone.say("hi")
    phone.say("Ava")
    assert "TinyTummy" in phone.say("HELP")
    assert step(app, phone.number) == "onboarding.birth_date"
    assert "allergies" in phone.say("9 months")


def test_opt_out_is_final_until_opt_in(app, phone):
    phone.say("hi")
    assert "unsubscribed" in phone.say("STOP")
    assert phone.send("hello?") == []
    assert phone.send("Maya had a banana") == []
    assert "Welcome back" in phone.say("START")
    assert phone.say("hello")


@pytest.mark.parametrize("keyword", ["STOP", "stop", "StopAll", "UNSUBSCRIBE", "cancel", "END", "quit",
                                     "REVOKE", "OPTOUT", " Stop. "])
def test_carrier_keywords_opt_out(app, phone, keyword):
    phone.say("hi")
    assert "unsubscribed" in phone.say(keyword)
    assert person(app, phone.number).opted_out_at is not None


def test_stop_inside_a_sentence_is_not_an_opt_out(app, phone):
    phone.say("hi")
    phone.say("we must stop this")
    assert person(app, phone.number).opted_out_at is None


def test_zones_with_the_same_clock_are_not_asked_about(app):
    parent = Phone(app, "+447700900123")  # a UK mobile: London, Guernsey, Isle of Man keep one clock
    for text in ("hello", "Isla", "skip", "none"):
        parent.say(text)
    assert "All set" in parent.say("7pm")
    assert person(app, parent.number).timezone == "Europe/London"


def test_day_first_birth_dates_outside_north_america(app):
    parent = Phone(app, "+447700900124")
    parent.say("hello")
    parent.say("Isla")
    parent.say("3/2/25")
    assert children(app)[0].birth_date == date(2025, 2, 3)


def test_an_unsure_opt_out_is_asked_not_done(app, phone):
    phone.say("hi")
    assert "Reply STOP" in phone.say("too many texts")
    assert person(app, phone.number).opted_out_at is None


@pytest.mark.parametrize("answer, recorded", [
    ("peanuts", ["peanut"]),
    ("tree nuts and honey", ["honey", "tree_nut"]),
    ("peanuts, eggs", ["egg", "peanut"]),
])
def test_a_food_just_recorded_as_an_allergy_gets_no_safety_note(app, phone, answer, recorded):
    for text in ("hi", "Leo", "he's 10 months"):
        phone.say(text)
    reply = phone.say(answer)
    assert "remind" in reply
    assert "choking" not in reply.lower() and "honey isn't safe" not in reply.lower()
    assert sorted(a.name for a in children(app)[0].allergies) == recorded



@pytest.mark.parametrize("answer", ["bacon and eggs", "a slice of ham", "raw carrot sticks"])
def test_a_meal_sent_to_the_allergy_question_is_logged_not_recorded(app, phone, answer):
    for text in ("hi", "Leo", "he's 18 months"):
        phone.say(text)
    reply = phone.say(answer)
    assert "Logged" in reply and "allergies" in reply  # logged, and the question asked again
    assert children(app)[0].allergies == []

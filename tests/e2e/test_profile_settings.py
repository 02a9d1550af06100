"""Profile, settings, help and account through the signed webhook."""
from __future__ import annotations

from datetime import date, time

import pytest
from sqlalchemy import select

from storage.meals import Meal
from storage.models import Child, Household, Inbound, Outbound, Person
from tests.support import all_rows, household


def kids(app) -> dict[str, Child]:
    return {c.name: c for c in all_rows(app, Child, load=("allergies", "dislikes"))}


def me(app, number: str) -> Person:
    [person] = [p for p in all_rows(app, Person) if p.phone == number]
    return person


def test_profile_changes(app):
    parent = household(app, "+12125550210", "Maya", "2025-06-01")
    assert "peanuts" in parent.say("Maya is allergic to peanuts and sesame")
    assert "isn't keen on" in parent.say("she doesn't like broccoli")
    assert "Updated" in parent.say("Maya was born 2025-05-20")
    maya = kids(app)["Maya"]
    assert sorted(a.name for a in maya.allergies) == ["peanut", "sesame"]
    assert [d.name for d in maya.dislikes] == ["broccoli"]
    assert maya.birth_date == date(2025, 5, 20)
    assert "Removed sesame" in parent.say("Maya is no longer allergic to sesame")
    shown = parent.say("profile")
    assert "Maya" in shown and "peanuts" in shown and "sesame" not in shown and "broccoli" in shown


def test_add_a_second_child_and_pick_one_with_for(app):
    parent = household(app, "+12125550211", "Maya", "2025-06-01")
    assert "first name" in parent.say("add a child")
    parent.say("Leo")
    parent.say("2023-01-15")
    assert "Leo is added" in parent.say("eggs")
    assert sorted(kids(app)) == ["Leo", "Maya"]
    assert [a.name for a in kids(app)["Leo"].allergies] == ["egg"]
    assert "Which child?" in parent.say("allergic to dairy")
    parent.say("for Maya: allergic to dairy")
    assert [a.name for a in kids(app)["Maya"].allergies] == ["milk"]
    assert "now Leon" in parent.say("rename Leo to Leon")


@pytest.mark.parametrize("text, reminder, on", [
    ("remind me at 8pm", time(20, 0), True),
    ("change my reminder to 6:30 pm", time(18, 30), True),
    ("turn off reminders", time(19, 0), False),
    ("stop the reminders", time(19, 0), False),
])
def test_reminder_settings(app, text, reminder, on):
    parent = household(app, "+12125550212", "Maya", "2025-06-01")
    parent.say(text)
    person = me(app, parent.number)
    assert (person.reminder_time, person.reminders_on) == (reminder, on)
    assert person.opted_out_at is None  # "stop the reminders" is not STOP


def test_time_zone_and_showing_settings(app):
    parent = household(app, "+12125550213", "Maya", "2025-06-01")
    assert "America/Chicago" in parent.say("my time zone is Central")
    parent.say("reminders off")
    assert "reminders off" in parent.say("settings")
    assert "Reminders are on" in parent.say("turn reminders back on")
    assert me(app, parent.number).reminders_on


def test_help_lists_what_works(app):
    reply = household(app, "+12125550214", "Maya", "2025-06-01").say("help")
    assert "oatmeal" in reply and "can she have eggs" in reply and "STOP" in reply and "911" in reply
    assert '"plan" for today\'s meals' in reply  # help is read from the registry: a live intent is listed


def test_account_deletion_needs_confirmation_and_erases_everything(app):
    parent = household(app, "+12125550215", "Maya", "2025-06-01")
    parent.say("1/2 cup oatmeal")
    assert "DELETE to confirm" in parent.say("delete my data")
    assert "nothing was deleted" in parent.say("no wait")
    assert len(all_rows(app, Meal)) == 1
    parent.say("please delete my account")
    assert "erased" in parent.say("DELETE")
    assert all_rows(app, Person) == [] and all_rows(app, Household) == [] and all_rows(app, Meal) == []
    with app.extensions["tinytummy"].sessions() as s:
        assert set(s.scalars(select(Inbound.sender))) == {""}
        assert set(s.scalars(select(Outbound.to_address))) == {""}
        assert all(b == "" for b in s.scalars(select(Inbound.body)))
    assert "first name" in parent.say("hi")  # a fresh start


def test_what_data_do_you_keep(app):
    reply = household(app, "+12125550216", "Maya", "2025-06-01").say("what data do you have on me?")
    assert "I keep" in reply and "delete my data" in reply

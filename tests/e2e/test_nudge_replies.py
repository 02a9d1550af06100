"""A parent answers a nudge with a meal, and changes reminders by text, through the signed webhook."""
from __future__ import annotations

from datetime import datetime, time, timezone

import pytest

from jobs.nudges import send_due
from storage.meals import Meal
from storage.models import Outbound, Person
from tests.support import all_rows, household


def me(app) -> Person:
    [person] = all_rows(app, Person)
    return person


def nudge_pass(clock, iso: str) -> dict[str, int]:
    clock.now = datetime.fromisoformat(iso).replace(tzinfo=timezone.utc)
    return send_due()


@pytest.mark.parametrize("answer", ["pasta and peas", "scrambled eggs and toast", "she had a banana"])
def test_a_nudge_is_answered_with_a_meal(app, clock, answer):
    parent = household(app, "+12125550401", "Maya", "2025-05-01")
    assert nudge_pass(clock, "2026-11-24T00:00:00") == {"due": 1, "queued": 1}
    [nudge] = [o for o in all_rows(app, Outbound) if o.kind == "nudge"]
    assert nudge.body.startswith("Nothing logged for Maya today yet") and nudge.status == "local"
    reply = parent.say(answer)
    assert reply.startswith("Logged Maya's"), reply
    assert [m.local_date.isoformat() for m in all_rows(app, Meal)] == ["2026-11-23"]


def test_stop_reminders_then_reminders_on(app, clock):
    parent = household(app, "+12125550402", "Maya", "2025-05-01")
    assert "Reminders are off" in parent.say("stop reminders")
    assert me(app).reminders_on is False and me(app).opted_out_at is None
    assert nudge_pass(clock, "2026-11-24T00:00:00")["due"] == 0
    assert parent.say("reminders on").startswith("Reminders are on, at 7:00 PM")
    assert nudge_pass(clock, "2026-11-24T00:01:00")["due"] == 1


def test_remind_me_at_a_new_time(app, clock):
    parent = household(app, "+12125550403", "Maya", "2025-05-01")
    assert "6:30 PM" in parent.say("remind me at 6:30")
    assert me(app).reminder_time == time(18, 30)
    assert nudge_pass(clock, "2026-11-23T23:29:00")["due"] == 0
    assert nudge_pass(clock, "2026-11-23T23:30:00")["due"] == 1


@pytest.mark.parametrize("text", ["remind me at 10pm", "remind me at 6am", "remind me at 9:30 pm"])
def test_a_reminder_in_quiet_hours_is_refused(app, clock, text):
    parent = household(app, "+12125550404", "Maya", "2025-05-01")
    assert "quiet hours (9 PM to 8 AM)" in parent.say(text)
    assert me(app).reminder_time == time(19, 0)


def test_onboarding_refuses_a_reminder_in_quiet_hours(app, phone):
    for text in ("hi", "Maya", "2025-05-01", "none"):
        phone.say(text)
    assert "quiet hours" in phone.say("11pm")
    assert "time zone" in phone.say("7:30pm")
    assert me(app).reminder_time == time(19, 30)

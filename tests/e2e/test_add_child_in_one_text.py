"""Adding a child in one text, through the signed webhook: the birth date said with the name answers
its question, and a date's digits are never read as a phone number to invite."""
from __future__ import annotations

from datetime import date

from storage.caregivers import Invite
from storage.models import Child
from tests.support import all_rows, household


def test_name_and_birth_date_in_one_text(app):
    parent = household(app, "+12125550601", "Maya", "2024-08-10")
    reply = parent.say("add a child named Leo born 2024-08-10")
    assert reply.startswith("Lovely to meet Leo!") and "allergies" in reply and "phone number" not in reply
    assert {c.name: c.birth_date for c in all_rows(app, Child)}["Leo"] == date(2024, 8, 10)
    assert not all_rows(app, Invite)
    assert parent.say("none").startswith("No allergies noted.")


def test_the_named_mention_is_the_child_and_an_age_works_too(app):
    parent = household(app, "+12125550602", "Maya", "2024-08-10")
    reply = parent.say("new baby! add a child named Rosa, born 2 weeks ago")
    assert reply.startswith("Lovely to meet Rosa!") and "When was Rosa born" not in reply
    reply = household(app, "+12125550603", "Sam", "2023-01-01").say("add another child: Leo, 2 years old")
    assert reply.startswith("Lovely to meet Leo!") and "When was Leo born" not in reply


def test_a_name_alone_still_asks_the_date_and_a_real_number_still_invites(app):
    parent = household(app, "+12125550604", "Maya", "2024-08-10")
    assert "When was Sam born?" in parent.say("add a child named Sam")
    parent.say("skip")
    parent.say("none")
    assert "Reply YES" in parent.say("add grandma 415-555-0134")

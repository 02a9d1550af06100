"""A message naming a child who is not on the profile asks; it never falls back to the only child."""
from __future__ import annotations

import pytest

from storage.meals import Meal
from storage.models import Child
from tests.support import all_rows, household


def maya(app) -> Child:
    [child] = all_rows(app, Child, load=("allergies", "dislikes"))
    return child


@pytest.mark.parametrize("text", [
    "Leo is 3 years old", "Leo was born 2023-05-01", "Leo's birthday is 2023-05-01", "leo is allergic to peanuts",
    "Leo had 2 eggs and toast", "for Leo: 1/2 cup pasta", "My son Leo ate a banana", "Leo doesn't like carrots",
])
def test_a_name_that_is_not_our_child_is_asked_about_and_changes_nothing(app, text):
    parent = household(app, "+12125550190", "Maya", "2025-09-01")
    before = maya(app)
    reply = parent.say(text)
    assert "I don't have a child called Leo" in reply and "add a child" in reply
    after = maya(app)
    assert after.birth_date == before.birth_date and after.allergies == []
    assert all_rows(app, Meal) == []
    assert after.dislikes == []


@pytest.mark.parametrize("text, check", [
    ("she is 2 years old", lambda app: maya(app).birth_date.year == 2024),
    ("Maya is allergic to peanuts", lambda app: [a.name for a in maya(app).allergies] == ["peanut"]),
    ("She had 2 eggs", lambda app: len(all_rows(app, Meal)) == 1),
    ("for breakfast: 2 eggs", lambda app: len(all_rows(app, Meal)) == 1),
])
def test_the_only_child_is_still_meant_when_no_other_name_is_given(app, text, check):
    parent = household(app, "+12125550191", "Maya", "2025-09-01")
    reply = parent.say(text)
    assert "I don't have a child called" not in reply
    assert check(app), reply


def test_a_question_about_another_child_is_not_answered_for_ours(app):
    parent = household(app, "+12125550192", "Maya", "2026-06-01")  # 5 months
    reply = parent.say("can Leo have honey?")
    assert "Maya" not in reply


def test_adding_a_child_with_a_name_that_is_not_a_name_asks_for_one(app):
    from sqlalchemy import select

    from storage.models import Inbound

    parent = household(app, "+12125550193", "Maya", "2025-09-01")
    assert "first name" in parent.say("add a child named " + "X" * 42)
    with app.extensions["tinytummy"].sessions() as s:
        assert s.scalars(select(Inbound.status).order_by(Inbound.id.desc())).first() == "answered"
    assert "Lovely to meet Leo" in parent.say("Leo")


@pytest.mark.parametrize("text, food", [
    ("he ate two whole marshmallows before I could get to him, then had rice", "marshmallow"),
    ("she grabbed a handful of almonds before I could get to her, then had toast", "almond"),
    ("grandma gave her a lollipop before we could get to her. she also had pasta", "lollipop"),
])
def test_a_verb_after_could_is_no_childs_name_and_the_safety_note_stays(app, text, food):
    parent = household(app, "+12125550194", "Maya", "2024-11-01")  # 24 months
    reply = parent.say(text)
    assert "I don't have a child called" not in reply
    assert "chok" in reply.lower(), reply


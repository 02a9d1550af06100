"""A caregiver who joins with a text that also carries a meal or a question: the join comes first, then the
rest of the message is handled as if it had come right after joining (issue 8: nothing is swallowed)."""
from __future__ import annotations

import pytest

from storage.meals import Meal
from storage.models import Household, Person
from tests.e2e.test_caregivers import GRANDMA, invite, meals_of
from tests.support import Phone, all_rows, household


def _joined(app, born: str = "2026-02-01") -> tuple[Phone, Phone, str]:
    """Maya's parent invites grandma; returns both phones and the code texted to grandma."""
    parent = household(app, "+12125550401", "Maya", born)
    code = invite(app, parent, "invite grandma +1 415 555 0134", GRANDMA)
    return parent, Phone(app, GRANDMA), code


@pytest.mark.parametrize("text, foods", [
    ("JOIN {code} - she had a banana and half a cup of oatmeal", ("banana", "oat")),
    ("hi this is Rosa the nanny, code {code}. Today she ate rice and beans for lunch", ("rice", "beans")),
    ("join {code}\nMaya had 2 scrambled eggs for breakfast", ("egg",)),
    ("Accepting! code #{code}, she just finished 4 oz of yogurt", ("yogurt",)),
    ("hey, grandma here - join {code} - she had toast with butter", ("bread",)),
])
def test_a_join_with_a_meal_logs_it_to_the_households_child(app, text, foods):
    _, grandma, code = _joined(app)
    reply = grandma.say(text.format(code=code))
    assert reply.startswith("Welcome, Grandma!"), reply  # the joined line first
    assert "Logged Maya's" in reply and reply.index("Logged Maya's") > reply.index("Welcome")
    assert "didn't catch" not in reply  # who she is ("this is Rosa the nanny") is not read as a food
    [meal] = meals_of(app, "Maya")
    assert meal.logged_by_id == next(p.id for p in all_rows(app, Person) if p.phone == GRANDMA)
    logged = " ".join(i.description.lower() for i in all_rows(app, Meal, load=("items",))[0].items)
    assert all(food in logged for food in foods), logged
    assert len(all_rows(app, Household)) == 1  # no set-up of her own was started


@pytest.mark.parametrize("text, answer", [
    ("hi it's grandma, code {code}, can she have honey yet?", "honey"),
    ("JOIN {code}. How much water can she drink a day?", "water"),
    ("code {code} - when can she have cow's milk", "milk"),
])
def test_a_join_with_a_question_answers_it(app, text, answer):
    _, grandma, code = _joined(app)
    reply = grandma.say(text.format(code=code))
    assert reply.startswith("Welcome, Grandma!"), reply
    rest = reply.split("\n\n", 1)[1]
    assert answer in rest.lower() and "Source" in rest, reply
    assert meals_of(app, "Maya") == []


def test_a_command_beside_the_join_is_done_for_the_new_member(app):
    _, grandma, code = _joined(app)
    reply = grandma.say(f"JOIN {code} and send me a summary")
    assert reply.startswith("Welcome, Grandma!") and "Maya" in reply.split("\n\n", 1)[1], reply


def test_a_meal_after_joining_carries_the_childs_safety_notes(app):
    _, grandma, code = _joined(app)  # Maya is 9 months old: no honey yet
    reply = grandma.say(f"JOIN {code} - she had yogurt with a little honey")
    assert reply.startswith("Welcome, Grandma!") and "Logged Maya's" in reply
    assert "honey" in reply.lower() and "12 months" in reply


@pytest.mark.parametrize("text", ["JOIN {code}", "join {code} please", "Code: {code}. Thanks!", "JOIN {code} 😊"])
def test_a_bare_join_is_unchanged(app, text):
    parent, grandma, code = _joined(app)
    reply = grandma.say(text.format(code=code))
    assert reply.startswith("Welcome, Grandma!") and "\n\n" not in reply, reply
    assert meals_of(app, "Maya") == []


@pytest.mark.parametrize("text", [
    "JOIN 000000 - she had a banana and half a cup of oatmeal",
    "hi it's grandma, code 111111, she ate rice and beans for lunch",
    "join 222222, can she have honey yet?",
])
def test_a_wrong_code_with_a_meal_reaches_no_household(app, text):
    parent, grandma, _ = _joined(app)
    reply = grandma.say(text)
    assert "doesn't match" in reply and "Logged" not in reply, reply
    assert "haven't done anything with the rest" in reply  # not swallowed silently either
    assert all_rows(app, Meal) == []
    assert len(all_rows(app, Household)) == 1  # nor a set-up of her own from the meal


def test_someone_elses_code_with_a_meal_reaches_no_household(app):
    _, _, code = _joined(app)
    stranger = Phone(app, "+14155550999")
    reply = stranger.say(f"JOIN {code} - she had a banana")
    assert "doesn't match" in reply and "Logged" not in reply
    assert all_rows(app, Meal) == []


def test_an_emergency_in_a_join_message_is_answered_first_and_alone(app):
    _, grandma, code = _joined(app)
    reply = grandma.say(f"JOIN {code} - she ate peanuts and now she can't breathe")
    assert reply.startswith("Call 911 now.") and "Welcome" not in reply
    assert all_rows(app, Meal) == []


def test_a_join_with_a_meal_after_texting_first_drops_the_setup_and_logs_the_meal(app):
    _, grandma, code = _joined(app)
    assert "first name" in grandma.say("hi")  # a stranger is onboarded as usual
    reply = grandma.say(f"code {code}, Maya had 2 scrambled eggs for lunch")
    assert reply.startswith("Welcome, Grandma!") and "Logged Maya's lunch" in reply, reply
    assert "first name" not in reply and len(all_rows(app, Household)) == 1
    assert len(meals_of(app, "Maya")) == 1

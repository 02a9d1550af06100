"""Something swallowed that the parent cannot name, vomiting that will not stop, and the shared pieces
the signs are built from (`knowledge.emergency_signs_unknown`, `knowledge.emergency_words._then`)."""
from __future__ import annotations

import re

import pytest

from knowledge.emergency import ADVICE, triage
from knowledge.emergency_words import _then
from knowledge.food_safety import check_foods

REPORTS = [
    # something vague, then a sign of poisoning
    ("found my daughter sucking on something out of the diaper bag, now she's drooling and acting strange", "swallowed_unknown"),
    ("he got into something in the shed, no idea what, and now he's wobbly and sleepy as anything", "swallowed_unknown"),
    ("she was nibbling something she found under the couch and her mouth is burning she says", "swallowed_unknown"),
    ("dunno what he ate at the party but his pupils are tiny and he keeps nodding off", "swallowed_unknown"),
    # a plant nobody can name, or one off a bush: poison control even before a sign, even "seems fine"
    ("she swallowed a couple of orange berries off the neighbours bush, she seems fine", "swallowed_unknown"),
    ("he chewed some leaves from the houseplant in the hall", "swallowed_unknown"),
    ("my son ate a flower, no idea what kind, from a pot at the cafe", "swallowed_unknown"),
    # a pill off the floor
    ("she picked a tablet up off the carpet and swallowed it", "poison"),
    ("there was a pill on the bathroom floor and i think he put it in his mouth", "poison"),
    # vomiting again and again with a drowsy or dried-out child
    ("she's been sick over and over since lunch and now she's so listless", "dehydration"),
    ("he keeps throwing up, no wet nappy since breakfast", "dehydration"),
    # how it happened is not how to stop it; a pill organiser emptied
    ("she drank some bleach, the cupboard lock was off, her mouth looks red", "poison"),
    ("found him with grandpa's pill organiser, three of the boxes are empty", "poison"),
]

CALM = [
    "what's the poison control number in the US? just want to have it saved",
    "how can I stop my 2 year old putting leaves from the garden in his mouth?",
    "are the red berries on yew bushes toxic to kids?",
    "she threw up once this morning but she's been bouncing around and eating crackers since",
    "he vomited twice with a tummy bug on monday, doctor said its fine, he's back to normal",
    "she ate raspberries straight off the bush in our garden, she loves them",
    "he had mushroom risotto and spinach leaves for dinner",
    "she refuses to eat something unless it's beige lol",
    "he was chewing something and it was just a bit of paper, totally fine",
    "she's thrown up twice today, not lethargic at all, drinking plenty",
    "what should I do if he eats a berry from a bush?",
    "we keep the lock on the cleaning cupboard so she can't get the bleach",
]


@pytest.mark.parametrize("text, kind", REPORTS)
def test_something_unnamed_swallowed_or_vomiting_without_end_is_an_emergency(text, kind):
    found = triage(text)
    assert found is not None and found.kind == kind, (text, found)


@pytest.mark.parametrize("text", CALM)
def test_prevention_questions_cleared_events_and_ordinary_tummy_bugs_stay_calm(text):
    assert triage(text) is None


def test_an_unnamed_swallow_tells_the_parent_to_keep_what_is_left():
    assert "poison control" in ADVICE["swallowed_unknown"] and "vomit" in ADVICE["swallowed_unknown"]


def test_then_finds_the_second_thing_only_soon_after_the_first():
    pattern = re.compile(_then("ate|swallowed", "magnets?", 20))
    assert pattern.search("he swallowed two tiny magnets")
    assert not pattern.search("magnets then he swallowed")
    assert not pattern.search("he ate lunch and played for an hour with the fridge magnets")


@pytest.mark.parametrize("text, kind", [
    ("she can't breathe after eating edamame", "allergic_reaction"),  # an allergen word from the food-safety tables
    ("he's struggling to breathe after she ate scrambled eggs", "allergic_reaction"),
    ("she can't breathe after eating a grape", "after_food"),
])
def test_breathing_after_a_food_is_a_reaction_when_the_food_is_a_major_allergen(text, kind):
    found = triage(text)
    assert found is not None and found.kind == kind


class _Sausage:
    name, raw, food_group = "sausage", "how do i serve sausage to my 1 year old", "0700"
    description = "Pork sausage, link/patty, cooked, pan-fried"  # "patty" in SR28 is not a patty served


def test_sausage_rounds_are_a_choking_risk_even_though_sr28_says_link_or_patty():
    assert "choking" in {f.kind for f in check_foods([_Sausage()], 13, [], "Maya")}

"""Poisonings told by what is gone or by the signs, and calm on how-to questions and events a
professional has cleared (safety12; our own wording, never the blind set's)."""
from __future__ import annotations

import pytest

from knowledge.emergency import triage


@pytest.mark.parametrize("text", [
    # counted by what is left, even when the child seems fine
    "the iron tablets pack was almost full, now just two left and she's been quiet",
    "the multivitamin gummies were brand new yesterday, now only 10 left, he seems fine right now",
    "the kids vitamin gummies were nearly full at breakfast, now like 4 left, shes fine for now",
    # a grandparent's medicine, how many unknown
    "found her with nanas water tablets, not sure how many she had, maybe two or three, she's a bit sleepy",
    "grandma's blood pressure pills were on the floor, could be 3 or 4 missing, he's acting drowsy",
    # nobody knows how many
    "he got grandpas heart pills, dunno how many he had, seems ok",
    "not sure how many she swallowed but the allergy tablets were all over the floor",
    # a dosing mistake
    "gave her 5ml of the adult calpol instead of the infant one",
    "i gave him 10ml instead of 1ml of infant ibuprofen",
    "she had 5 mls instead of 0.5 ml of calpol",
    "dad gave him the grown up strength medicine by accident",
    "we gave her ten times the dose of melatonin",
    # a cannabis edible, then signs
    "he ate an edible gummy off the table, now he's vomiting and can't sit up",
    "he had a bite of a cannabis brownie, now very sleepy",
    "she got hold of a cannabis gummy from my friends bag, she's wobbly",
    # a wild plant, berry or mushroom, then signs
    "think he chewed a plant leaf, since then he's been sick repeatedly and is really sleepy",
    "ate unknown berries then threw up several times and seems drowsy and wobbly",
    "found him eating wild berries, he's been sick twice and is dozy",
    "she munched a few leaves off a houseplant and now she's wobbly and drowsy",
])
def test_poisoning_told_by_what_is_gone_or_the_signs(text: str) -> None:
    found = triage(text)
    # a plant nobody named gets its own advice: keep a piece of it for poison control
    assert found is not None and found.kind in ("poison", "swallowed_unknown")


@pytest.mark.parametrize("text", [
    # how-to and prevention
    "how do I stop my toddler choking on food? any tips for cutting things up",
    "what's the best way to stop a baby choking on finger foods",
    "tips to stop my baby choking when she eats toast?",
    "how do I keep my toddler from choking on popcorn",
    # dose questions, not mistakes
    "what's the adult dose of ibuprofen? she's 14 kilos",
    "can i give her the adult dose of calpol now she's 6?",
    "the gummy vitamins are nearly full, how many a day for a 3 year old",
    "he ate blueberries and spinach leaves for lunch, loved it",
    # cleared by a professional, told as over
    "we called poison control last night after she licked a dishwasher tab, they said it's non toxic, "
    "she's been totally fine",
    "rang 111 after he chewed the crayon and they said it was harmless, what can he have for tea",
    "doctor said they were reflex anoxic seizures, last week she went blue and limp for a few seconds "
    "after a bump, now fine. any food ideas",
    "the paediatrician said it's breath holding spells, once last month he went a bit blue and flopped",
])
def test_how_to_or_cleared_is_not_an_emergency(text: str) -> None:
    assert triage(text) is None


@pytest.mark.parametrize("text", [
    "poison control said the crayon was non toxic last week but now she swallowed a battery",
    "the paediatrician said it's breath holding spells but right now he's blue and not breathing",
    "the gp said the rash was nothing serious but now her lips are swelling up",
])
def test_new_emergency_after_a_clearance_still_fires(text: str) -> None:
    assert triage(text) is not None

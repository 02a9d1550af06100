"""Food mentions found anywhere in a message, checked against allergies, reactions and age rules."""
from __future__ import annotations

import pytest

from knowledge.food_safety_scan import check_text, find_mentions, strip_symptoms


def kinds(text: str, age: int, allergies=(), reactions=()) -> set[str]:
    return {f.kind for f in check_text(text, age, list(allergies), list(reactions), "Maya")}


def messages(text: str, age: int, allergies=()) -> str:
    return "\n".join(f.message for f in check_text(text, age, list(allergies), (), "Maya"))


@pytest.mark.parametrize("text, allergy", [
    ("he had a pb&j at a friends house 😬 he seems fine", "peanut"),
    ("snack was a handful of trail mix from the gas station", "peanut"),
    ("shrimp tacos tonight", "shellfish"),
    ("is peanut butter ok for her?", "peanut"),
])
def test_a_food_that_is_the_allergen_is_named_as_definite(text, allergy):
    said = messages(text, 30, [allergy])
    assert "allergy list" in said and "may contain" not in said


def test_may_contain_only_when_it_truly_may():
    assert "may contain egg" in messages("birthday cake at the party", 20, ["egg"])
    assert "has egg in it" not in messages("birthday cake at the party", 20, ["egg"])


@pytest.mark.parametrize("text, age, kind", [
    ("my MIL gave her a little honey on her pacifier to help with teething is that ok", 7, "honey"),
    ("can she have cows milk yet?", 10, "cows_milk_drink"),
    ("4 oz apple juice with lunch", 9, "juice"),
    ("popcorn at the movies!!", 30, "choking"),
    ("a hot dog in rounds", 30, "choking"),
    ("she ate a bit of my swordfish", 24, "mercury"),
    ("chips and salsa at the party", 18, "added_salt"),
    ("sweet tea at the picnic", 20, "added_sugar"),
])
def test_age_rules_apply_to_any_sentence(text, age, kind):
    assert kind in kinds(text, age)


def test_age_rules_respect_age_and_preparation():
    assert "honey" not in kinds("honey on toast", 14)
    assert "choking" not in kinds("grapes cut in quarters", 20)
    assert "choking" in kinds("whole grapes", 20)


def test_one_food_does_not_lend_its_allergen_to_its_neighbour():
    said = messages("shrimp tacos and rice", 20, ["shellfish"])
    assert said.count("allergy list") == 1


def test_symptoms_are_never_foods():
    assert [m.name for m in find_mentions("she got a rash and hives and a fever")] == []
    assert "rash" not in strip_symptoms("rash around her mouth after egg")


def test_a_statement_of_the_allergy_is_not_a_food_offered():
    assert kinds("she is allergic to peanuts", 18, ["peanut"]) == set()
    assert "allergen" in kinds("she is allergic to peanuts but ate a pb&j", 18, ["peanut"])


def test_a_reaction_is_flagged_until_cleared():
    found = check_text("scrambled eggs for breakfast", 12, [], ["egg"], "Maya")
    assert any(f.kind == "reaction" and "pediatrician or allergist" in f.message for f in found)
    assert not any(f.kind == "reaction" for f in check_text("banana", 12, [], ["egg"], "Maya"))

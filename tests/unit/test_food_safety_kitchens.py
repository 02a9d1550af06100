"""Safety notes for foods from many kitchens (namkeen, mithai, mochi, jelly cups, seer fish) and for a
safety term of several words the name index reads as shorter foods ("jelly beans", "cheese puffs")."""
from __future__ import annotations

import pytest

from knowledge.food_safety_scan import check_text


def kinds(text: str, age: int, allergies=()) -> set[str]:
    return {f.kind for f in check_text(text, age, list(allergies), (), "Maya")}


@pytest.mark.parametrize("text, age, kind", [
    # salty snacks and sauces under 2
    ("her nana shares the namkeen mixture with her every evening", 16, "added_salt"),
    ("he crunched on a papad with his dal", 21, "added_salt"),
    ("a few murukku pieces at the temple", 19, "added_salt"),
    ("seaweed snack from the lunchbox aisle", 14, "added_salt"),
    ("pork rinds off daddy's plate", 22, "added_salt"),
    ("a little oyster sauce on her rice", 13, "added_salt"),
    # sweets under 2
    ("one gulab jamun at the wedding", 20, "added_sugar"),
    ("a spoon of kheer from the temple", 15, "added_sugar"),
    ("a corner of turkish delight", 23, "added_sugar"),
    # sticky, round or hard sweets under 4
    ("a strawberry daifuku at the festival", 33, "choking"),
    ("konjac jelly from the lunch box", 40, "choking"),
    ("bubble tea with the chewy boba", 36, "choking"),
    ("rock candy on a stick", 44, "choking"),
    # king mackerel by its other names, at any age
    ("kingfish curry for dinner", 30, "mercury"),
    ("seer fish fry at the beach shack", 60, "mercury"),
    # a safety term of several words read whole
    ("jelly beans in the party bag", 30, "choking"),
    ("cheese puffs in the car", 18, "added_salt"),
    ("sev puri from the chaat cart", 20, "added_salt"),
])
def test_foods_from_many_kitchens_get_their_note(text: str, age: int, kind: str) -> None:
    assert kind in kinds(text, age), text


@pytest.mark.parametrize("text, age, kind", [
    ("one gulab jamun at the wedding", 24, "added_sugar"),
    ("he crunched on a papad with his dal", 24, "added_salt"),
    ("rock candy on a stick", 48, "choking"),
    ("a strawberry daifuku at the festival", 50, "choking"),
])
def test_notes_stop_at_the_age_limit(text: str, age: int, kind: str) -> None:
    assert kind not in kinds(text, age), text


def test_a_longer_term_gives_one_note_per_kind_not_one_for_each_word() -> None:
    notes = [f for f in check_text("jelly beans in the party bag", 20, [], (), "Maya") if f.kind == "added_sugar"]
    assert len(notes) == 1 and notes[0].food == "jelly beans"


@pytest.mark.parametrize("text, allergy", [
    ("aloo paratha for breakfast", "wheat"),
    ("curd rice at lunch", "milk"),
    ("a square of chikki from the sweet shop", "peanut"),
    ("soaked badam in the morning", "tree nut"),
    ("a spoon of flan at abuela's", "egg"),
    ("hoisin on the duck pancake", "soy"),
    ("pomfret fry", "fish"),
    ("rice with a little oyster sauce", "shellfish"),
    ("a piece of til ladoo", "sesame"),
])
def test_allergens_in_foods_from_many_kitchens(text: str, allergy: str) -> None:
    assert "allergen" in kinds(text, 30, [allergy]), text


def test_a_food_inside_a_longer_term_reads_the_whole_term() -> None:
    assert "choking" not in kinds("noodles with peanut sauce", 30, ["peanut"])
    assert "peanut" not in {f.food for f in check_text("til chikki", 30, ["peanut"], (), "Maya")}

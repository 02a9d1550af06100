"""Amounts as parents state them, through `flask meal analyze` (issue 10): a package size said in
brackets, a liquid mixed into cereal, a dish's own count, tray cubes of puree, a gnawed pit."""
from __future__ import annotations

import pytest

from tests.integration.test_meal_analyze_parents import analyze, grams, names  # noqa: F401 (the fixture)


@pytest.mark.parametrize("text, name, low, high", [
    ("half a beech nut stage 2 carrots (4 oz jar)", "beech nut carrots", 55, 58),   # half of 113 g
    ("stage 1 pears (half of a 4 oz jar)", "pears", 55, 58),
    ("2 oz of stage 1 pears (half of a 4 oz jar)", "pears", 55, 58),  # its own weight, the bracket agrees
    ("half a tin of heinz beans (the small 200g tin)", "heinz beans", 99, 101),
    ("2 packs of raisins (the 0.5 oz ones)", "raisins", 27, 29),
])
def test_a_stated_package_size_counts_with_its_share(analyze, text, name, low, high):
    assert low <= grams(analyze(text, 9), name) <= high


def test_unmeasured_breastmilk_mixed_into_cereal_stays_uncounted_when_half_is_eaten(analyze):
    row = analyze("mixed 1 tbsp of rice cereal with breastmilk, she ate about half of it", 6)
    assert grams(row, "breastmilk") == 0 and grams(row, "rice cereal") < 10


@pytest.mark.parametrize("text, name, low, high", [
    ("1 cup KD", "kd", 190, 210),                   # a cup of prepared box mac and cheese
    ("KD for dinner, about 1 cup", "kd", 190, 210),
    ("5 potato & cheese pierogies w sour cream", "pierogi", 140, 160),  # five pierogi, not 5 potatoes
])
def test_a_dish_amount_is_the_dish(analyze, text, name, low, high):
    row = analyze(text, 36)
    assert low <= grams(row, name) <= high and "potato" not in names(row)


@pytest.mark.parametrize("text, name, low, high", [
    ("3 cubes of pea puree", "pea puree", 85, 95),    # tray cubes, about 1 oz each
    ("sweet potato puree, 2 ice cube portions", "sweet potato puree", 55, 65),
    ("3 cubes of cheese", "cheese", 15, 25),         # cut cubes stay small
])
def test_cubes_of_puree_are_ice_cube_tray_cubes(analyze, text, name, low, high):
    assert low <= grams(analyze(text, 8), name) <= high


@pytest.mark.parametrize("text, name", [
    ("she gnawed on a mango pit", "mango"),
    ("sucked on an apple core", "apple"),
])
def test_a_gnawed_pit_or_core_is_a_few_grams(analyze, text, name):
    assert grams(analyze(text, 10), name) <= 15


def test_a_dish_weight_is_shared_by_its_parts(analyze):
    row = analyze("lunch cottage pie - ate about 2/3 of his 100g portion", 12)
    eaten = sum(i["grams"] for i in row["items"])
    assert 64 <= eaten <= 69 and len(row["items"]) > 1  # 2/3 of 100 g over all its parts, not the carrots alone
    assert 98 <= sum(i["grams"] for i in analyze("cottage pie, 100g", 12)["items"]) <= 102


def test_counted_chips_weighed_by_the_ounce_are_chips(analyze):
    assert 10 <= grams(analyze("6 tortilla chips", 30), "tortilla chips") <= 20  # not six ounces

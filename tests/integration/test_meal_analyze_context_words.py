"""Words that are not foods, or not the food they spell, where a parent says them, through `flask meal
analyze` (issue 10): a dilution said after a drink, a small piece named by the parent's own word."""
from __future__ import annotations

import pytest

from tests.integration.test_meal_analyze_parents import analyze, grams, names  # noqa: F401 (the fixture)


def test_watered_down_half_and_half_is_the_drink_only_not_cream_nor_the_food_before(analyze):
    row = analyze("teddy grahams and 4oz apple juice watered down half and half", 30)
    assert sorted(names(row)) == ["apple juice", "teddy grahams"]
    assert 58 <= grams(row, "apple juice") <= 66  # half of 4 fl oz of juice; the water counts nothing
    assert grams(row, "teddy grahams") > 5  # the crackers before the "and" are not halved


@pytest.mark.parametrize("text, name, low, high", [
    ("2 teething wafers", "teething wafers", 3.5, 4.5),  # Teethers labels: 2 wafers = 4 g
    ("2 teething biscuits", "teething biscuits", 20, 24),  # SR28: a biscuit 11 g
    ("12 teddy grahams", "teddy grahams", 14, 16),  # Teddy Grahams label: 24 pieces = 30 g
    ("3 graham crackers", "graham crackers", 40, 50),
])
def test_a_piece_named_by_the_parents_word_weighs_that_piece(analyze, text, name, low, high):
    assert low <= grams(analyze(text, 9), name) <= high


@pytest.mark.parametrize("text, name, low, high", [
    ("2 fig newtons and a glass of milk. she drank about half the glass, maybe 4oz", "milk", 118, 126),
    ("a cup of juice. she drank half the cup, maybe 3oz", "juice", 90, 96),
    ("2 chicken wings and a can of sprite - ok fine, half a can", "sprite", 178, 186),
    ("2 chicken wings and a can of sprite, half a can, I drank the other half", "sprite", 178, 186),
])
def test_a_restated_amount_replaces_the_first_once(analyze, text, name, low, high):
    row = analyze(text, 40)
    assert low <= grams(row, name) <= high and names(row).count(name) == 1
    assert not [w for w in row["warnings"] if w.startswith("didn't recognise")]


def test_half_the_glass_is_the_drinks_share_not_the_cookies(analyze):
    row = analyze("2 fig newtons and a glass of milk. she drank about half the glass", 40)
    assert 118 <= grams(row, "milk") <= 126 and grams(row, "fig newtons") >= 30
    assert 40 <= grams(analyze("2 chicken wings and a can of sprite - ok fine, half a can", 40), "chicken wings") <= 44


@pytest.mark.parametrize("text", [
    "4oz formula and half a Happy Baby pouch, the apple sweet potato one, 4oz pouch",
    "4oz formula and half a Happy Baby pouch, the apple sweet potato one",
])
def test_a_brand_stays_on_its_pack_and_the_pack_is_the_food_named_after_it(analyze, text):
    row = analyze(text, 9)
    assert sorted(names(row)) == ["formula", "happy baby apple sweet potato pouch"]  # formula is no Happy Baby
    assert 54 <= grams(row, "happy baby apple sweet potato pouch") <= 59  # half of a 4 oz (113 g) pouch
    assert 118 <= grams(row, "formula") <= 126


@pytest.mark.parametrize("text, name, low, high", [
    ("2 mini muffins (banana, homemade)", "mini muffins", 30, 38),  # two SR28 mini muffins, 17 g each
    ("2 banana mini muffins", "banana mini muffins", 30, 38),
])
def test_a_flavour_before_a_muffin_is_a_muffin_not_banana_bread(analyze, text, name, low, high):
    row = analyze(text, 40)
    assert names(row) == [name] and low <= grams(row, name) <= high


@pytest.mark.parametrize("text, name, low, high", [
    ("some grapes maybe 8 grapes cut up", "grapes", 36, 42),  # 8 grapes at SR28's 4.9 g
    ("a few strawberries, like 5", "strawberries", 55, 65),
])
def test_a_count_after_a_rough_amount_is_the_amount_and_the_food_keeps_its_name(analyze, text, name, low, high):
    row = analyze(text, 30)
    assert names(row) == [name] and low <= grams(row, name) <= high

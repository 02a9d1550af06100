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

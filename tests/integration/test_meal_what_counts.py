"""What counts as a food, through `flask meal analyze`: ordinary words and sayings around a meal are never
foods (no typo match on a real word, no SR28 search on chatter), ages are never amounts (issue 10)."""
from __future__ import annotations

import pytest

from tests.integration.test_meal_analyze_parents import analyze, names, unknown  # noqa: F401 (a fixture)


@pytest.mark.parametrize("text, foods", [
    ("it was chaos with 14 people over but I kept an eye on her plate. turkey about 1 oz", ["turkey"]),
    ("made good progress today, ate 2 crackers", ["crackers"]),
    ("most of it actually went in his mouth this time! 3 tbsp yogurt", ["yogurt"]),
    ("dinner was better: carrots and broccoli", ["carrots", "broccoli"]),
    ("5 pierogies and applesauce on the side", ["pierogies", "applesauce"]),
])
def test_ordinary_words_are_not_foods(analyze, text, foods):
    row = analyze(text)
    assert names(row) == foods and not unknown(row)


@pytest.mark.parametrize("text, ndb_no", [
    ("she ate 1 aple", "09003"),  # Apples, raw, with skin
    ("some chese", "01009"),  # Cheese, cheddar
    ("a few brocoli florets", "11091"),  # Broccoli, cooked
])
def test_misspelt_foods_still_match(analyze, text, ndb_no):
    assert [i["ndb_no"] for i in analyze(text)["items"]] == [ndb_no]


@pytest.mark.parametrize("text, foods", [
    ("DD (14m) had 1 weetabix with 100ml whole milk", ["weetabix", "whole milk"]),
    ("7m - 2 oz of stage 1 pears", ["pears"]),
    ("ham on a roll", ["ham", "roll"]),
    ("1 slice of toast. we're on a roll this week!", ["toast"]),
    ("she's full of beans today, ate 2 crackers", ["crackers"]),
])
def test_ages_and_sayings_are_not_foods(analyze, text, foods):
    assert names(analyze(text)) == foods


@pytest.mark.parametrize("text, expected", [
    ("ds had 3 dino nuggets and a tbsp of ketchup. correction: 4 nuggets, I miscounted",
     {"dino nuggets": (60, 80), "ketchup": (10, 20)}),  # 4 nuggets of 18 g, the ketchup kept
    ("a slice of bread that grandma kept buttering for him... no wait she didn't butter it, it was plain",
     {"bread": (20, 35)}),  # the bread stays, no butter
    ("made her 2 scrambled eggs?? no way she ate 2. she ate 1 eggs worth", {"scrambled eggs": (50, 70)}),
])
def test_self_corrections_edit_the_meal(analyze, text, expected):
    row = analyze(text)
    got = {i["name"]: i["grams"] for i in row["items"]}
    assert set(got) == set(expected)
    assert all(low <= got[name] <= high for name, (low, high) in expected.items())

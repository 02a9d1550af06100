"""What counts as a food, through `flask meal analyze`: ordinary words and sayings around a meal are never
foods (no typo match on a real word, no SR28 search on chatter), ages are never amounts (issue 10)."""
from __future__ import annotations

import pytest

from tests.integration.test_meal_analyze_parents import analyze, grams, names, unknown  # noqa: F401 (a fixture)


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


@pytest.mark.parametrize("text, name, ndb_no", [
    ("2 oz octopus", "octopus", "15230"),  # Mollusks, octopus: named by the second part of its SR28 row
    ("a few bites of squid", "squid", "15176"),
    ("1 oz lobster", "lobster", "15148"),
    ("some clams", "clams", "15159"),
    ("1 oz rabbit", "rabbit", None),  # Game meat, rabbit: any rabbit row
    ("half a turkey dog", "turkey dog", "07025"),  # "dog" alone is the pet, "turkey dog" a frank
    ("a veggie dog", "veggie dog", "43130"),
])
def test_foods_named_by_their_family_row(analyze, text, name, ndb_no):
    row = analyze(text)
    assert names(row) == [name] and not unknown(row)
    assert ndb_no is None or row["items"][0]["ndb_no"] == ndb_no


@pytest.mark.parametrize("text, foods, none_of", [
    ("1/2 cup pasta. the dog got her peas", ["pasta"], []),
    ("gave him 1/4 cup peas, he fed them all to the dog", ["peas"], ["peas"]),
    ("1/4 cup peas which he fed to the dog, 1/2 cup rice", ["peas", "rice"], ["peas"]),
    ("she ate 2 tbsp hummus, then threw the pita at the dog", ["hummus", "pita"], ["pita"]),
    ("he ate 1 egg. his twin had the toast", ["egg"], []),
    ("he ate 1/2 cup rice, his dad ate the chicken", ["rice"], []),
    ("she was watching the dog, ate 3 crackers", ["crackers"], []),
    ("twins: A ate 1/2 cup rice. B ate 2 crackers and threw the rest", ["rice"], []),  # twins written A and B
])
def test_food_a_pet_sibling_or_grown_up_had_counts_nothing(analyze, text, foods, none_of):
    row = analyze(text)
    assert names(row) == foods and not unknown(row)
    assert all(grams(row, name) == 0 for name in none_of)
    assert all(grams(row, name) > 0 for name in foods if name not in none_of)


def test_the_rest_fed_to_the_dog_leaves_what_was_eaten(analyze):
    row = analyze("1 waffle, he ate about half and fed the rest to the dog")
    assert names(row) == ["waffle"] and 12 <= grams(row, "waffle") <= 20


@pytest.mark.parametrize("text, name, ndb_no", [
    ("2 spoons of dahi", "dahi", "01116"),  # yogurt by its South Asian name
    ("1 oz pernil", "pernil", "10073"),  # roast pork shoulder
    ("a bit of lechon", "lechon", "10073"),
    ("DS got one krispy kreme glazed", "krispy kreme glazed", "18250"),  # a donut chain's glazed donut
])
def test_regional_and_chain_names_find_their_food(analyze, text, name, ndb_no):
    row = analyze(text)
    assert names(row) == [name] and row["items"][0]["ndb_no"] == ndb_no


@pytest.mark.parametrize("text, foods", [
    ("2 tbsp mast o khiar", ["yogurt", "cucumber with peel", "olive oil"]),  # Persian yogurt and cucumber
    ("1/4 cup tuna mayo", ["tuna", "mayonnaise"]),
    ("half a tuna mayo sandwich", ["bread", "tuna", "mayonnaise"]),
])
def test_regional_dishes_come_apart_into_their_foods(analyze, text, foods):
    assert names(analyze(text)) == foods

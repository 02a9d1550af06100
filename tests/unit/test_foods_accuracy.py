"""The parser against the dietitian-labelled meals (tests/data/meals_labelled.json)."""
import pytest

from knowledge.foods.evaluate import evaluate, load_labelled
from knowledge.foods.table import FoodTable


@pytest.fixture(scope="module")
def report():
    return evaluate(FoodTable.from_sr28(), timing=False)


def test_the_labelled_set_is_big_enough():
    meals = load_labelled()
    assert len(meals) >= 80
    assert sum(m["explicit"] for m in meals) >= 40
    assert all(item["ndb_no"] and item["grams"] >= 0 for m in meals for item in m["items"])


def test_energy_within_20_percent_for_explicit_meals(report):
    assert report.energy_share >= 0.90, report.misses


def test_foods_identified(report):
    assert report.identification_share >= 0.95, report.misses

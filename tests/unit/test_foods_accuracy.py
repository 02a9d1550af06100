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


@pytest.mark.parametrize("name", ["meals_dev.json", "meals_blind.json"])
def test_parent_phrasing_sets_keep_their_figures(name):
    import json
    from pathlib import Path

    from tests.blind_meals import score

    meals = json.loads((Path(__file__).parents[1] / "data" / name).read_text())["meals"]
    energy_ok, count, found, total = score(meals, FoodTable.from_sr28(), verbose=False)
    assert energy_ok / count >= 0.9 and found / total >= 0.95

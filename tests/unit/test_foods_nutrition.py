"""Nutrient maths and the Dietary Reference Intakes kept in dri.json."""
import pytest

from knowledge.foods.nutrition import (
    add_up, dri_data, dri_group, intake_limits, key_nutrients, nutrients_for, reference_intakes,
    share_of_reference,
)
from storage.foods import NUTRIENTS


def test_source_is_recorded():
    assert dri_data()["source"] == "Institute of Medicine / NASEM Dietary Reference Intakes"


@pytest.mark.parametrize(
    "age, group, iron, calcium, zinc, vitamin_d",
    [(6, "7-12 months", 11, 260, 3, 10), (11, "7-12 months", 11, 260, 3, 10),
     (12, "1-3 years", 7, 700, 3, 15), (47, "1-3 years", 7, 700, 3, 15),
     (48, "4-8 years", 10, 1000, 5, 15), (59, "4-8 years", 10, 1000, 5, 15)],
)
def test_reference_intakes_by_age(age, group, iron, calcium, zinc, vitamin_d):
    refs = reference_intakes(age)
    assert dri_group(age)["name"] == group
    assert (refs["iron_mg"], refs["calcium_mg"], refs["zinc_mg"], refs["vitamin_d_ug"]) == (
        iron, calcium, zinc, vitamin_d)


def test_every_group_covers_every_nutrient_key():
    for group in dri_data()["age_groups"]:
        assert set(group["values"]) == set(NUTRIENTS)
        for value in group["values"].values():
            assert value["type"] in ("RDA", "AI", "EER", None)


def test_nutrients_without_a_dri_are_left_out():
    assert "sugar_g" not in reference_intakes(20)
    assert "fiber_g" not in reference_intakes(9) and reference_intakes(20)["fiber_g"] == 19


def test_sodium_limit():
    assert intake_limits(30) == {"sodium_mg": 1200.0}
    assert intake_limits(9) == {}


def test_key_nutrients():
    assert key_nutrients(8)[:2] == ["iron_mg", "zinc_mg"]
    assert key_nutrients(18)[:2] == ["iron_mg", "zinc_mg"]
    assert key_nutrients(36)[:3] == ["calcium_mg", "vitamin_d_ug", "fiber_g"]


def test_nutrients_for_and_add_up():
    per_100g = dict.fromkeys(NUTRIENTS, None) | {"kcal": 89.0, "iron_mg": 0.26}
    part = nutrients_for(per_100g, 118)
    assert part["kcal"] == pytest.approx(105.02) and part["zinc_mg"] == 0.0
    total = add_up([part, part])
    assert total["kcal"] == pytest.approx(210.04) and set(total) == set(NUTRIENTS)


def test_share_of_reference():
    shares = share_of_reference({"iron_mg": 3.5, "calcium_mg": 350}, 20)
    assert shares["iron_mg"] == 0.5 and shares["calcium_mg"] == 0.5

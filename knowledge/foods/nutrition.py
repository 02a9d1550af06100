"""Nutrient maths for meals and the Dietary Reference Intakes (dri.json) they are compared with."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Mapping

from storage.foods import NUTRIENTS

_DRI = Path(__file__).with_name("dri.json")


def nutrients_for(per_100g: Mapping[str, float | None], grams: float) -> dict[str, float]:
    """The 14 nutrients in `grams` of a food given per 100 g (missing SR28 values count as 0)."""
    return {key: round((per_100g.get(key) or 0.0) * grams / 100.0, 3) for key in NUTRIENTS}


def add_up(parts: Iterable[Mapping[str, float]]) -> dict[str, float]:
    """Sum nutrient dicts key by key."""
    total = dict.fromkeys(NUTRIENTS, 0.0)
    for part in parts:
        for key in NUTRIENTS:
            total[key] += part.get(key, 0.0)
    return {key: round(value, 3) for key, value in total.items()}


@lru_cache(maxsize=1)
def dri_data() -> dict:
    """Load dri.json once."""
    return json.loads(_DRI.read_text(encoding="utf-8"))


def _band(rows: list[dict], age_months: int) -> dict:
    for row in rows:
        if row["min_months"] <= age_months <= row["max_months"]:
            return row
    return rows[-1] if age_months > rows[-1]["max_months"] else rows[0]


def dri_group(age_months: int) -> dict:
    """The DRI age group for a child: name, values with their type (RDA/AI/EER) and limits."""
    return _band(dri_data()["age_groups"], age_months)


def reference_intakes(age_months: int) -> dict[str, float]:
    """Daily reference intakes (RDA or AI) by nutrient key; nutrients with no DRI are left out."""
    values = dri_group(age_months)["values"]
    return {key: float(v["value"]) for key, v in values.items() if v["value"] is not None}


def intake_limits(age_months: int) -> dict[str, float]:
    """Daily amounts to stay under (sodium CDRR), where the DRIs set one."""
    limits = dri_group(age_months).get("limits", {})
    return {key: float(v["value"]) for key, v in limits.items()}


def key_nutrients(age_months: int) -> list[str]:
    """Nutrients that matter most at this age, most important first."""
    return list(_band(dri_data()["key_nutrients"], age_months)["nutrients"])


def share_of_reference(totals: Mapping[str, float], age_months: int) -> dict[str, float]:
    """Each nutrient as a fraction of the day's reference intake (1.0 = the whole day's amount)."""
    refs = reference_intakes(age_months)
    return {key: round(totals.get(key, 0.0) / ref, 3) for key, ref in refs.items() if ref}

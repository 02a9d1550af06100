"""The planner's foods: catalog.tsv joined with the curated names and SR28 numbers.

Iron-rich and vitamin C foods are decided from SR28 per 100 g, so the planner never claims a
nutrient the food table does not show.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from knowledge.food_safety import allergens_in
from knowledge.foods.names import curated_names
from knowledge.foods.portions import default_serving
from knowledge.foods.table import FoodTable

CATALOG_FILE = Path(__file__).with_name("catalog.tsv")
# Thresholds per 100 g as served. Iron: at least 1.5 mg (about 14% of the 11 mg a day 7-12 month
# olds need, NIH ODS) - meats, legumes, tofu, fortified cereals, cooked spinach. Vitamin C: at least
# 20 mg, enough in a toddler serving to help non-heme iron absorption (NIH ODS iron fact sheet).
IRON_MG_100G = 1.5
VITAMIN_C_MG_100G = 20.0
AGE_COLUMNS = ((6, "prep_6"), (9, "prep_9"), (12, "prep_12"), (48, "prep_48"))


@dataclass(frozen=True)
class PlanFood:
    name: str
    ndb_no: str
    description: str
    food_group: str
    category: str
    slots: frozenset[str]
    group: str
    colour: str
    preps: tuple[tuple[int, str], ...]  # (from age in months, prep) ascending
    iron: bool
    vitamin_c: bool
    allergens: frozenset[str]

    # FoodLike for knowledge.food_safety: the prep words ("quartered") are part of what is served.
    @property
    def raw(self) -> str:
        return self.name

    def prep_at(self, age_months: int) -> str | None:
        """How to serve it at this age, or None when it is not for this age."""
        chosen = None
        for start, prep in self.preps:
            if age_months >= start:
                chosen = prep
        return None if chosen in (None, "-") else chosen

    def grams_at(self, age_months: int) -> float:
        return default_serving(self.category, age_months)


def _rows() -> list[dict[str, str]]:
    lines = [l for l in CATALOG_FILE.read_text(encoding="utf-8").splitlines() if l and not l.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


@lru_cache(maxsize=4)
def plan_foods(table: FoodTable) -> tuple[PlanFood, ...]:
    """Every catalogue food with its SR28 record; a name missing from names.tsv is an error."""
    names = {c.name: c for c in curated_names()}
    foods = []
    for row in _rows():
        entry = names.get(row["name"])
        record = table.get(entry.ndb_no) if entry else None
        if entry is None or record is None:
            raise ValueError(f"planner food {row['name']!r} is not a curated SR28 name")
        per_100 = record.nutrients
        food = PlanFood(
            name=row["name"], ndb_no=entry.ndb_no, description=record.description,
            food_group=record.food_group, category=entry.category, slots=frozenset(row["slots"]),
            group=row["group"], colour=row["colour"],
            preps=tuple((age, row[col]) for age, col in AGE_COLUMNS),
            iron=(per_100.get("iron_mg") or 0) >= IRON_MG_100G,
            vitamin_c=(per_100.get("vitamin_c_mg") or 0) >= VITAMIN_C_MG_100G,
            allergens=frozenset(),
        )
        foods.append(_with_allergens(food))
    return tuple(foods)


def _with_allergens(food: PlanFood) -> PlanFood:
    from dataclasses import replace

    return replace(food, allergens=frozenset(allergens_in(food)))

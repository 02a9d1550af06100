"""One food of a meal as the bot logs it: what it is, how much was offered and how much was eaten.

`FoodItem` is what `analyze_meal` returns a list of; `with_eaten` sets how much of it went down
(the nutrients follow the grams eaten).
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from knowledge.foods.nutrition import nutrients_for

if TYPE_CHECKING:
    from knowledge.foods.table import FoodTable


@dataclass(frozen=True)
class FoodItem:
    """One food of a meal, weighed; nutrients are for the grams eaten."""

    name: str
    ndb_no: str | None
    description: str
    food_group: str
    grams: float
    offered_grams: float
    estimated: bool
    raw: str
    nutrients: dict[str, float] = field(default_factory=dict)
    unit_grams: float | None = None  # grams of one counted piece ("5 strawberries": one strawberry)
    dish: str | None = None  # the dish this is a part of ("pb&j"), None for a food on its own

    @property
    def refused(self) -> bool:
        return self.offered_grams > 0 and self.grams == 0


def with_eaten(item: FoodItem, eaten: float, table: FoodTable) -> FoodItem:
    """The item with `eaten` grams eaten, its nutrients for those grams."""
    record = table.get(item.ndb_no) if item.ndb_no else None
    nutrients = nutrients_for(record.nutrients, eaten) if record else item.nutrients
    return replace(item, grams=round(eaten, 1), nutrients=nutrients)

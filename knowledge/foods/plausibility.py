"""Plausibility: a meal or item far above what a child of this age eats is questioned, never silent.

Ceilings by age band: an item over `ITEM_FACTOR` times its age-appropriate serving (servings.json,
at least `ITEM_FLOOR_G`), and a meal over `MEAL_SHARE` of the day's estimated energy requirement
(`eer_kcal` in servings.json: IOM 2005 Dietary Reference Intakes for energy, rounded). The meal is
still logged; the reply carries one question so the parent can correct it ("2 not 12").
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Sequence

from knowledge.foods.portions import age_band, default_serving, servings

if TYPE_CHECKING:
    from knowledge.foods.food_item import FoodItem

ITEM_FACTOR = 4.0
ITEM_FLOOR_G = 40.0
MEAL_SHARE = 0.6


@dataclass(frozen=True)
class Doubt:
    """Why a logged amount looks too big, and the one-line question to ask about it."""

    item: str | None  # the parent's words for the item ("12 fish sticks"); None: the whole meal
    grams: float
    kcal: float
    ceiling: float
    kind: str  # "item" (grams over the item ceiling) or "meal" (energy over the meal ceiling)

    def question(self, child: str) -> str:
        """"Did Maya eat 12 fish sticks (about 340 g)?"; {child} is the child's name."""
        if self.item is not None:
            return f"Did {child} really eat {self.item} (about {self.grams:.0f} g)? If not, send the right amount."
        return (f"That's about {self.kcal:.0f} kcal, a lot for one meal at {child}'s age: were the amounts right? "
                "If not, send the right amount.")


def item_ceiling(category: str, age_months: int | None) -> float:
    """Grams of one item above which it is questioned at this age."""
    return max(ITEM_FLOOR_G, ITEM_FACTOR * default_serving(category, age_months))


def meal_ceiling(age_months: int | None) -> float:
    """Energy (kcal) of one meal above which it is questioned at this age."""
    return MEAL_SHARE * servings()["eer_kcal"][age_band(age_months)]


def find_doubts(items: Sequence[FoodItem], categories: Sequence[str], age_months: int | None) -> list[Doubt]:
    """Items over their ceiling (largest first), or the meal over its energy ceiling."""
    found = []
    for raw, grams, kcal, category in _as_eaten(items, categories):
        ceiling = item_ceiling(category, age_months)
        if grams > ceiling:
            found.append(Doubt(raw, grams, kcal, ceiling, "item"))
    found.sort(key=lambda d: d.grams / d.ceiling, reverse=True)
    kcal = sum(i.nutrients.get("kcal", 0.0) for i in items)
    limit = meal_ceiling(age_months)
    if kcal > limit:
        found.append(Doubt(None, sum(i.grams for i in items), kcal, limit, "meal"))
    return found


def _as_eaten(items: Sequence[FoodItem], categories: Sequence[str]) -> list[tuple[str, float, float, str]]:
    """Measured items as (words, grams, kcal, category); a dish's parts count together as the dish."""
    out: list[tuple[str, float, float, str]] = []
    dishes: dict[tuple[str, str], int] = {}
    for item, category in zip(items, categories):
        if item.estimated:
            continue
        kcal = item.nutrients.get("kcal", 0.0)
        key = (item.dish or "", item.raw)
        if key[0] and key in dishes:
            raw, grams, energy, cat = out[dishes[key]]
            out[dishes[key]] = (raw, grams + item.grams, energy + kcal, cat)
            continue
        if key[0]:
            dishes[key] = len(out)
        out.append((item.raw, item.grams, kcal, category))
    return out

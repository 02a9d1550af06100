"""The rules every plan keeps, whoever proposed it (the local planner or an LLM).

Meals per day by age follow WHO "Guiding principles for complementary feeding of the breastfed
child" (2-3 meals at 6-8 months, 3-4 meals plus 1-2 snacks from 9 months) and AAP HealthyChildren
("3 meals and 2 snacks" for toddlers). Safety (allergens, honey, cow's milk and juice before
12 months, choking hazards, mercury, added salt and sugar before 2) is checked with the same rules
as logged meals (knowledge/food_safety.py), on the food as it will be served.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Sequence

from knowledge.food_safety import allergens_in, check_foods, normalize_allergen
from knowledge.planner.model import ChildFacts, Plan, PlanItem

IRON_MEALS_PER_DAY = 2  # from 6 to 24 months (AAP: iron-rich foods at meals, iron needs peak then)
IRON_AGES = (6, 24)
ALLERGEN_TIMES_PER_WEEK = 2  # keep tolerated allergens in the diet (AAP/NIAID: regularly, several times a week)
BLOCKING = {"honey", "cows_milk_drink", "juice", "choking", "mercury", "allergen", "added_salt", "added_sugar"}


def meals_for_age(age_months: int) -> tuple[str, ...]:
    """The meals and snacks of one day at this age."""
    if age_months < 8:
        return ("breakfast", "dinner")
    if age_months < 9:
        return ("breakfast", "lunch", "dinner")
    if age_months < 12:
        return ("breakfast", "lunch", "snack", "dinner")
    return ("breakfast", "snack", "lunch", "snack 2", "dinner")


@dataclass(frozen=True)
class _Served:
    """One planned item as the safety rules see it (FoodLike)."""

    name: str
    description: str
    food_group: str
    raw: str


def served(item: PlanItem, description: str, food_group: str) -> _Served:
    return _Served(item.name, description, food_group, f"{item.name} {item.prep}")


def item_problems(items: Sequence[_Served], child: ChildFacts) -> list[str]:
    """Why these served foods break a safety rule for this child (empty when they don't)."""
    return [p for item in items for p in _served_problems(item, child.age_months, child.avoid())]


@lru_cache(maxsize=65536)
def _served_problems(item: _Served, age_months: int, avoid: tuple[str, ...]) -> tuple[str, ...]:
    flags = check_foods([item], age_months, list(avoid), "the child")
    found = [f"{f.kind}: {f.food}" for f in flags if f.kind in BLOCKING]
    majors = {normalize_allergen(a) for a in avoid} - {None}
    hit = _allergens(item) & majors
    if hit:
        found.append(f"allergen: {item.name} ({', '.join(sorted(hit))})")
    return tuple(found)


@lru_cache(maxsize=65536)
def _allergens(item: _Served) -> frozenset[str]:
    return frozenset(allergens_in(item))


def problems(plan: Plan, child: ChildFacts, describe, keep: Sequence[str] | None = None) -> list[str]:
    """Every rule the plan breaks; `describe(ndb_no)` gives (description, food_group, iron, vitamin_c).

    `keep`: the allergens to keep in the diet (default: every tolerated one not avoided).
    """
    found: list[str] = []
    for day in plan.days:
        iron_meals = 0
        for meal in day.meals:
            info = [describe(i.ndb_no) for i in meal.items]
            found += [f"day {day.day} {meal.meal}: {p}"
                      for p in item_problems([served(i, d[0], d[1]) for i, d in zip(meal.items, info)], child)]
            iron = any(d[2] for d in info)
            if iron and any(d[3] for d in info):
                iron_meals += 1
        if IRON_AGES[0] <= child.age_months < IRON_AGES[1] and iron_meals < IRON_MEALS_PER_DAY:
            found.append(f"day {day.day}: iron-rich food with vitamin C at {iron_meals} meals, needs {IRON_MEALS_PER_DAY}")
    found += _allergen_problems(plan, keep_in_diet(child) if keep is None else keep, describe)
    return found


def allergen_goal(days: int) -> int:
    """How often a tolerated allergen must come back in a stretch of `days` days."""
    return ALLERGEN_TIMES_PER_WEEK * days // 7


def weeks(plan: Plan) -> Iterable[tuple]:
    for start in range(0, len(plan.days), 7):
        yield plan.days[start:start + 7]


def _allergen_problems(plan: Plan, keep: Sequence[str], describe) -> list[str]:
    out = []
    for block in weeks(plan):
        goal = allergen_goal(len(block))
        for allergen in keep:
            times = sum(1 for d in block for m in d.meals
                        if any(allergen in allergens_of(i, describe) for i in m.items))
            if times < goal:
                out.append(f"days {block[0].day}-{block[-1].day}: {allergen} {times}x, needs {goal}")
    return out


def allergens_of(item: PlanItem, describe) -> set[str]:
    description, group, *_ = describe(item.ndb_no)
    return set(_allergens(served(item, description, group)))


def keep_in_diet(child: ChildFacts) -> list[str]:
    """Allergens the child eats without trouble: they come back regularly."""
    avoid = {normalize_allergen(a) for a in child.avoid()}
    return sorted({a for a in child.tolerated_allergens if a not in avoid})

"""An LLM's meal plan, used only after it is mapped onto our foods and passes the same rules.

The model may choose foods and describe how to serve them; grams come from our serving table,
foods from SR28, and any meal that breaks a rule (an allergen, honey, an unprepared hazard, too
little iron) is repaired from the local planner. A proposal that cannot be repaired is dropped.
"""
from __future__ import annotations

import json
import logging
from typing import Any

from pydantic import BaseModel

from knowledge.foods.table import FoodTable
from knowledge.llm import parse
from knowledge.planner import rules
from knowledge.planner.build import Planner
from knowledge.planner.catalog import PlanFood, plan_foods
from knowledge.planner.model import ChildFacts, Plan, PlanDay, PlanItem, PlanMeal

logger = logging.getLogger(__name__)


class _Item(BaseModel):
    food: str
    prep: str = ""


class _Meal(BaseModel):
    meal: str
    items: list[_Item]


class _Day(BaseModel):
    meals: list[_Meal]


class _Plan(BaseModel):
    days: list[_Day]


def propose(client: Any, model: str, table: FoodTable, child: ChildFacts, days: int, seed: int) -> Plan | None:
    """The LLM's plan made safe, or None (the local planner then answers)."""
    foods = plan_foods(table)
    structure = rules.meals_for_age(child.age_months)
    system = ("You plan meals for a young child. Use only foods from this list: "
              + ", ".join(f.name for f in foods) + ". For each item give the food name exactly as listed "
              "and how to prepare it for the child's age. Meals per day: " + ", ".join(structure) + ".")
    user = json.dumps({"age_months": child.age_months, "days": days, "allergies": list(child.avoid()),
                       "dislikes": list(child.dislikes)})
    result = parse(client, model, system, user, _Plan)
    if result is None or not result.days:
        return None
    local = Planner(table, child, seed)
    by_name = {f.name.lower(): f for f in foods}
    out = []
    for n, proposed_day in enumerate(result.days[:days], start=1):
        proposed = {m.meal.lower(): m for m in proposed_day.meals}
        meals = []
        for name in structure:
            meal = _mapped(proposed.get(name), name, by_name, child)
            meals.append(meal if meal is not None else local.meal(n, name))
        out.append(PlanDay(n, tuple(meals)))
    plan = _repaired(Plan(tuple(out), local._notes()), local, child)
    if plan is None:
        logger.info("LLM plan could not be repaired; the local planner answers")
    return plan


def _mapped(meal: _Meal | None, name: str, by_name: dict[str, PlanFood], child: ChildFacts) -> PlanMeal | None:
    if meal is None:
        return None
    items = []
    for proposed in meal.items:
        food = by_name.get(proposed.food.strip().lower())
        item = _safe_item(food, proposed.prep, child) if food else None
        if item is not None:
            items.append(item)
    return PlanMeal(name, tuple(items)) if items else None


def _safe_item(food: PlanFood, prep: str, child: ChildFacts) -> PlanItem | None:
    """The item as proposed, or with our preparation for the age, or None when neither is safe."""
    ours = food.prep_at(child.age_months)
    if ours is None:
        return None
    for candidate in (prep.strip()[:80], ours):
        item = PlanItem(food.name, food.ndb_no, food.grams_at(child.age_months), candidate or ours)
        if not rules.item_problems([rules.served(item, food.description, food.food_group)], child):
            return item
    return None


def _repaired(plan: Plan, local: Planner, child: ChildFacts) -> Plan | None:
    """Replace each day that breaks a rule with the local planner's; None if still broken."""
    if not local.check(plan):
        return plan
    days = []
    for day in plan.days:
        single = Plan((day,))
        ok = not [p for p in local.check(single) if not p.startswith("days ")]
        days.append(day if ok else PlanDay(day.day, tuple(local.meal(day.day, m.meal) for m in day.meals)))
    fixed = Plan(tuple(days), plan.notes)
    return fixed if not local.check(fixed) else None

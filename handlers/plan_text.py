"""How plans read on a phone: one day per message, a week as an overview, a shopping list."""
from __future__ import annotations

from collections import defaultdict

from knowledge.planner import Plan, PlanDay, PlanMeal

MEAL_TITLES = {"breakfast": "Breakfast", "lunch": "Lunch", "dinner": "Dinner", "snack": "Snack",
               "snack 2": "Snack"}


def meal_line(meal: PlanMeal) -> str:
    return f"{MEAL_TITLES.get(meal.meal, meal.meal.title())}: " + "; ".join(i.label() for i in meal.items)


def day_text(day: PlanDay, title: str) -> str:
    return "\n".join([title] + [meal_line(m) for m in day.meals])


def overview(plan: Plan, name: str) -> str:
    """A week or more in a few lines: the main dish of each day's dinner and the new foods."""
    mains = [f"Day {d.day}: " + ", ".join(i.name for i in (d.meal("dinner") or d.meals[-1]).items[:2])
             for d in plan.days]
    lines = [f"{len(plan.days)}-day plan for {name} (dinners):"] + mains
    if new := new_foods_line(plan):
        lines.append(new)
    return "\n".join(lines)


NEW_FOODS_SHOWN = 5  # a first plan makes nearly every food new; a list of 50 would fill three SMS


def new_foods_line(plan: Plan) -> str:
    """The first few new foods in the order the plan serves them, and how many more there are."""
    new = list(dict.fromkeys(i.name for d in plan.days for m in d.meals for i in m.items if i.new))
    if not new:
        return ""
    more = len(new) - NEW_FOODS_SHOWN
    shown = ", ".join(new[:NEW_FOODS_SHOWN])
    return f"New to try: {shown}" + (f" and {more} more." if more > 0 else ".")


def shopping_list(plan: Plan) -> str:
    """Every food of the plan once, with the total amount in grams, largest first."""
    grams: dict[str, float] = defaultdict(float)
    for day in plan.days:
        for meal in day.meals:
            for item in meal.items:
                grams[item.name] += item.grams
    rows = sorted(grams.items(), key=lambda kv: -kv[1])
    return f"Shopping list ({len(plan.days)} day{'s' if len(plan.days) != 1 else ''}): " + ", ".join(
        f"{name} ~{_amount(g)}" for name, g in rows) + "."


def _amount(grams: float) -> str:
    return f"{grams / 1000:.1f} kg" if grams >= 1000 else f"{round(grams / 5) * 5 or round(grams)} g"


def notes_text(plan: Plan) -> str:
    return "\n".join(plan.notes)

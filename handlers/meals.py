"""Shared meal plumbing for log_meal, undo and summary: analyse, store, and describe a meal."""
from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from handlers import allergies as allergy_words
from handlers.context import Context
from handlers.dates import age_in_months
from handlers.meal_time import when_eaten
from knowledge.food_safety import allergens_in, check_foods
from storage import meals as meal_store
from storage.meals import Meal, MealItem
from storage.models import Child

# Meal type by local clock time when the parent doesn't say.
MEAL_TIMES = ((time(4, 0), "snack"), (time(5, 0), "breakfast"), (time(10, 30), "snack"), (time(11, 0), "lunch"),
              (time(14, 30), "snack"), (time(16, 45), "dinner"), (time(20, 30), "snack"))
NUTRIENT_LABELS = {
    "iron_mg": ("iron", "mg"), "zinc_mg": ("zinc", "mg"), "calcium_mg": ("calcium", "mg"),
    "vitamin_d_ug": ("vitamin D", "mcg"), "fiber_g": ("fiber", "g"), "protein_g": ("protein", "g"),
    "vitamin_c_mg": ("vitamin C", "mg"), "vitamin_a_ug": ("vitamin A", "mcg"), "folate_ug": ("folate", "mcg"),
    "kcal": ("energy", "kcal"), "fat_g": ("fat", "g"), "carbs_g": ("carbs", "g"), "sugar_g": ("sugars", "g"),
    "sodium_mg": ("sodium", "mg"),
}


def age_months(child: Child, today: date) -> int | None:
    return age_in_months(child.birth_date, today) if child.birth_date else None


def meal_type_at(local: datetime) -> str:
    kind = "snack"
    for start, name in MEAL_TIMES:
        if local.time() >= start:
            kind = name
    return kind


def analyze(ctx: Context, text: str, child: Child) -> Any:
    """Run the food engine on a meal text for this child's age (LLM parsing only if configured)."""
    from knowledge.foods import analyze_meal
    from knowledge.llm import meal_items

    client = ctx.knowledge.llm()
    llm_parse = (lambda t: meal_items(client, ctx.knowledge.llm_model, t)) if client is not None else None
    from knowledge.food_safety_scan import strip_symptoms

    return analyze_meal(strip_symptoms(text), ctx.knowledge.food_table(), age_months(child, ctx.today),
                        llm_parse=llm_parse, child_name=child.name)


def store(ctx: Context, child: Child, analysis: Any, text: str, meal: Meal | None = None) -> Meal:
    """Save the analysed items as a new meal (or into `meal`), with exposures to allergens. A new
    meal's items go in one Core INSERT: nothing in this message reads them back as objects."""
    rows = [{"name": item.name[:80], "ndb_no": item.ndb_no, "description": item.description,
             "food_group": item.food_group, "grams": round(item.grams, 1), "offered_grams": round(item.offered_grams, 1),
             "estimated": item.estimated, "nutrients": {k: round(v, 3) for k, v in item.nutrients.items()}}
            for item in analysis.items]
    if meal is None:
        local = when_eaten(text, ctx.local_now)
        meal = Meal(child_id=child.id, logged_by_id=ctx.person.id, inbound_id=ctx.settings.get("inbound_id"),
                    eaten_at=min(ctx.now, local.astimezone(ctx.now.tzinfo)), local_date=local.date(), text=text[:2000],
                    meal_type=analysis.meal_type or meal_type_at(local), nutrients=_total(rows))
        ctx.session.add(meal)
        ctx.session.flush()
        meal_store.add_items(ctx.session, meal.id, rows)
    else:
        meal.items.extend(MealItem(**row) for row in rows)
        meal.nutrients = _total(meal.items)
        ctx.session.flush()
    eaten = [i for i in analysis.items if i.grams > 0]
    allergens = set().union(*(allergens_in(i) for i in eaten)) if eaten else set()
    meal_store.record_exposures(ctx.session, child.id, allergens, meal.local_date)
    return meal


def _total(items: list) -> dict[str, float]:
    """A meal's nutrients: the sum of its items' (rows or MealItems), rounded as stored."""
    nutrients = [i["nutrients"] if isinstance(i, dict) else i.nutrients for i in items]
    return {k: round(v, 3) for k, v in meal_store.nutrients_sum(nutrients).items()}


def flags(ctx: Context, child: Child, items: list) -> list[str]:
    found = check_foods(items, age_months(child, ctx.today), [a.name for a in child.allergies],
                        child_name=child.name, emergency_number=ctx.emergency_number)
    return [f.message for f in found]


def describe_items(items: list) -> str:
    """'oatmeal 120 g, banana ~118 g, broccoli (refused)'; ~ marks an estimated portion."""
    parts = []
    for item in items:
        if item.grams <= 0 and item.offered_grams <= 0:  # a drink with no amount said: shown, not counted
            parts.append(f"{item.name} (no amount given, not counted)")
        elif item.grams <= 0:
            parts.append(f"{item.name} (refused)")
        else:
            eaten = "" if item.grams >= item.offered_grams - 0.5 else f" of {item.offered_grams:.0f} g"
            parts.append(f"{item.name} {'~' if item.estimated else ''}{item.grams:.0f} g{eaten}")
    return ", ".join(parts)


def key_nutrient_line(ctx: Context, child: Child) -> str:
    """The one or two nutrients that matter most at this age: today's total against the reference."""
    from knowledge.foods import key_nutrients, reference_intakes

    months = age_months(child, ctx.today)
    if months is None:
        months = 12
    intakes = reference_intakes(months)
    today = meal_store.nutrients_sum(meal_store.nutrients_between(ctx.session, child.id, ctx.today, ctx.today))
    lines = []
    for key in key_nutrients(months)[:2]:
        label, unit = NUTRIENT_LABELS.get(key, (key, ""))
        target = intakes.get(key)
        have = today.get(key, 0.0)
        if target:
            lines.append(f"{label} {have:.1f} of {target:g} {unit} ({min(999, round(100 * have / target))}%)")
    return ("Today so far: " + "; ".join(lines) + ".") if lines else ""


def allergy_labels(child: Child) -> list[str]:
    return [allergy_words.label(a.name) for a in child.allergies]

"""`summary`: today, yesterday or this week for a child: meals, food groups, new foods, shortfalls."""
from __future__ import annotations

import re
from datetime import date, timedelta

from handlers import access, meals
from handlers.context import Context, InboundMessage, Reply
from handlers.routes import Route
from handlers.family import find_child, named_stranger, not_our_child
from storage import meals as meal_store
from storage.models import Child

GROUPS = {"0900": "fruits", "1100": "vegetables", "0800": "grains", "1800": "grains", "2000": "grains",
          "0500": "protein", "0700": "protein", "1000": "protein", "1300": "protein", "1500": "protein",
          "1600": "protein", "1700": "protein", "1200": "protein", "0100": "dairy"}
BABY_FOOD_WORDS = (("fruits", r"fruit|banana|apple|pear|peach|prune|mango|berr|applesauce"),
                   ("vegetables", r"vegetable|carrot|pea|squash|sweet potato|green bean|spinach|corn"),
                   ("grains", r"cereal|oat|rice|teething|cracker|biscuit|puff"),
                   ("protein", r"meat|chicken|turkey|beef|ham|lamb|egg"), ("dairy", r"yogurt|cheese|milk"))
ALL_GROUPS = ("fruits", "vegetables", "grains", "protein", "dairy")


def group_of(food_group: str, description: str) -> str | None:
    """A parent-friendly food group for an SR28 food."""
    if description.lower().startswith("egg"):
        return "protein"
    if food_group == "0300":
        for name, words in BABY_FOOD_WORDS:
            if re.search(words, description, re.I):
                return name
        return None
    return GROUPS.get(food_group)


def period(text: str, today: date) -> tuple[date, date, str]:
    if re.search(r"\byesterday\b", text, re.I):
        return today - timedelta(days=1), today - timedelta(days=1), "yesterday"
    if re.search(r"\b(week|7 days|seven days)\b", text, re.I):
        return today - timedelta(days=6), today, "this week"
    return today, today, "today"


def summarize(ctx: Context, child: Child, first: date, last: date, label: str) -> str:
    rows = meal_store.meals_between(ctx.session, [child.id], first, last, with_items=True)
    if not rows:
        return f"No meals logged for {child.name} {label} yet. Text me what they eat and I'll keep track."
    items = [i for m in rows for i in m.items if i.grams > 0]
    covered = {g for i in items if (g := group_of(i.food_group, i.description))}
    missing = [g for g in ALL_GROUPS if g not in covered]
    earlier = meal_store.foods_eaten_before(ctx.session, child.id, sorted({i.ndb_no for i in items if i.ndb_no}),
                                            before_day=first)
    new = sorted({i.name for i in items if i.ndb_no and i.ndb_no not in earlier})
    span = (last - first).days + 1
    days = len({m.local_date for m in rows})  # average over the days that have meals, and say how many
    text = [f"{child.name} {label}: {len(rows)} meal{'s' if len(rows) != 1 else ''}"
            + (f" ({', '.join(sorted({m.meal_type for m in rows}))})." if span == 1
               else f" on {days} of {span} days.")]
    text.append("Groups: " + (", ".join(g for g in ALL_GROUPS if g in covered) or "none yet")
                + (f"; not yet: {', '.join(missing)}." if missing else " - all five!"))
    if new:
        text.append("New foods: " + ", ".join(new) + ".")
    text.append(access.logged_by(ctx.person, child.household, rows, one_day=days == 1))
    text.append(_shortfalls(ctx, child, rows, days, span))
    return " ".join(t for t in text if t)


def _shortfalls(ctx: Context, child: Child, rows: list, days: int, span: int = 1) -> str:
    from knowledge.foods import key_nutrients, reference_intakes

    months = meals.age_months(child, ctx.today) or 12
    intakes = reference_intakes(months)
    totals = meal_store.nutrients_sum([m.nutrients for m in rows])
    keys = list(dict.fromkeys(key_nutrients(months) + ["iron_mg", "calcium_mg", "vitamin_d_ug", "fiber_g",
                                                        "zinc_mg", "vitamin_c_mg"]))
    short = []
    for key in keys:
        target = intakes.get(key)
        if target:
            share = totals.get(key, 0.0) / days / target
            if share < 1:
                short.append((share, meals.NUTRIENT_LABELS.get(key, (key, ""))[0]))
    if not short:
        return "Every key nutrient met its daily reference. Lovely!"
    per = (f"a day on average over the {days} days with meals" if days > 1
           else "of the daily reference" + (", from the one day with meals" if span > 1 else ""))
    return "Below reference: " + ", ".join(f"{name} {round(100 * s)}%" for s, name in sorted(short)[:4]) + f" ({per})."


def handle(msg: InboundMessage, ctx: Context) -> Reply:
    first, last, label = period(msg.text, ctx.today)
    child, _ = find_child(ctx, msg.text)
    if child is None and (stranger := named_stranger(ctx, msg.text)):
        return Reply(not_our_child(ctx, stranger), "summary")
    children = [child] if child else ctx.children
    if not children:
        return Reply("No children on your profile yet. Text \"add a child\" to start.", "summary")
    return Reply("\n".join(summarize(ctx, c, first, last, label) for c in children), "summary")


ROUTE = Route("summary", handle, help="- \"summary\" for today, \"yesterday\" or \"this week\"")

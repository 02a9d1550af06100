"""`plan`: age-right meal plans for a child, stored, read back ("what's for dinner?"), swapped, listed."""
from __future__ import annotations

import re
import secrets
from datetime import date, timedelta

from handlers.context import Context, InboundMessage, Reply
from handlers.family import find_child, names_of
from handlers.meals import age_months
from handlers.plan_text import day_text, meal_line, notes_text, overview, shopping_list
from handlers.routes import Route
from knowledge.planner import MAX_DAYS, ChildFacts, Plan, Planner, generate
from knowledge.planner.llm import propose
from storage import links
from storage import plans as plan_store
from storage.meals import AllergenExposure, Meal, MealItem
from storage.models import Child
from sqlalchemy import select

LINK_DAYS = links.LINK_DAYS
WORD_DAYS = {"week": 7, "two weeks": 14, "2 weeks": 14, "three weeks": 21, "3 weeks": 21, "fortnight": 14}
MEALS = r"(breakfast|lunch|dinner|supper|snacks?)"
DAY_N = re.compile(r"^\s*day\s*(\d{1,2})\s*[.!]?\s*$", re.I)
WHATS_FOR = re.compile(rf"\bwhat(?:'?s| is| are| should (?:she|he|they|we) (?:have|eat)) (?:for )?{MEALS}\b", re.I)
SWAP = re.compile(rf"\b(?:swap|change|replace|switch)\s+(?:the\s+|her\s+|his\s+|today'?s\s+)?{MEALS}\b", re.I)
SHOPPING = re.compile(r"\b(shopping|grocery|groceries)\s*(list)?\b", re.I)
CALENDAR = re.compile(r"\b(calendar|ics|ical)\b", re.I)
RECENT_REFUSALS = 30  # days: foods refused lately come back as a taste


def handle(msg: InboundMessage, ctx: Context) -> Reply:
    child, _ = find_child(ctx, msg.text)
    if child is None:
        return Reply(f"Which child is the plan for: {names_of(ctx.children)}?")
    text = msg.text
    stored = plan_store.current_plan(ctx.session, child.id)
    if (m := DAY_N.match(text)) and stored:
        return _show_day(stored, int(m.group(1)))
    if SHOPPING.search(text) and stored:
        return Reply(shopping_list(Plan.from_json(stored.body)))
    if CALENDAR.search(text) and stored:
        return Reply(_calendar_link(ctx, stored))
    if (m := SWAP.search(text)) and stored:
        return _swap(ctx, child, stored, _meal_name(m.group(1)))
    if (m := WHATS_FOR.search(text)):
        return _whats_for(ctx, child, stored, _meal_name(m.group(1)))
    start = ctx.today + timedelta(days=1) if re.search(r"\btomorrow\b", text, re.I) else ctx.today
    if stored and _days_wanted(text) == 1 and (day := _day_on(stored, start)) is not None:
        return _show_day(stored, day, when=_when(start, ctx.today))
    return _make(ctx, child, start, _days_wanted(text))


def _make(ctx: Context, child: Child, start: date, days: int) -> Reply:
    facts = child_facts(ctx, child)
    if facts is None:
        return Reply(f"How old is {child.name}? Tell me (\"{child.name} is 10 months\") and I'll plan their meals.")
    table = ctx.knowledge.food_table()
    seed = secrets.randbelow(1_000_000)
    plan = _proposed(ctx, facts, days, seed) or generate(table, facts, days, seed)
    row = plan_store.MealPlan(child_id=child.id, made_by_id=ctx.person.id, start_date=start, day_count=len(plan.days),
                              seed=seed, body=plan.to_json(), created_at=ctx.now)
    ctx.session.add(row)
    first = day_text(plan.days[0], f"{child.name}'s meals {_when(start, ctx.today)}:")
    notes = notes_text(plan)
    if len(plan.days) == 1:
        return Reply("\n".join(t for t in (first, notes, 'Reply "swap lunch" to change a meal, or "shopping list".') if t))
    return Reply("\n\n".join(t for t in (
        overview(plan, child.name), first.replace(f"{_when(start, ctx.today)}:", "- day 1:"), notes,
        'Reply "DAY 2" for the next day, "shopping list", or "plan as calendar".') if t))


def _proposed(ctx: Context, facts: ChildFacts, days: int, seed: int) -> Plan | None:
    """With an LLM configured, its plan - mapped onto our foods and checked by the same rules."""
    client = ctx.knowledge.llm()
    if client is None:
        return None
    return propose(client, ctx.knowledge.llm_model, ctx.knowledge.food_table(), facts, days, seed)


def _show_day(stored: plan_store.MealPlan, day: int, when: str | None = None) -> Reply:
    plan = Plan.from_json(stored.body)
    if not 1 <= day <= len(plan.days):
        return Reply(f"This plan has {len(plan.days)} day{'s' if len(plan.days) != 1 else ''}. Reply DAY 1 to DAY {len(plan.days)}, or \"plan my week\" for a new one.")
    title = f"Day {day}" + (f" ({when})" if when else "") + ":"
    more = f'\nReply "DAY {day + 1}" for the next day.' if day < len(plan.days) else ""
    return Reply(day_text(plan.days[day - 1], title) + more)


def _whats_for(ctx: Context, child: Child, stored, meal: str) -> Reply:
    day = _day_on(stored, ctx.today) if stored else None
    if stored is None or day is None:
        reply = _make(ctx, child, ctx.today, 1)
        stored = plan_store.current_plan(ctx.session, child.id)
        day = 1
        if stored is None:
            return reply
        ctx.session.flush()
    plan = Plan.from_json(stored.body)
    found = plan.days[day - 1].meal(meal) or next((m for m in plan.days[day - 1].meals if m.meal.startswith(meal)), None)
    if found is None:
        return Reply(f"No {meal} in {child.name}'s plan today. " + meal_line(plan.days[day - 1].meals[-1]))
    return Reply(f"{child.name}'s {meal} today - " + meal_line(found) + '\nReply "swap ' + meal + '" for something else.')


def _swap(ctx: Context, child: Child, stored, meal: str) -> Reply:
    facts = child_facts(ctx, child)
    plan = Plan.from_json(stored.body)
    day = _day_on(stored, ctx.today) or 1
    current = plan.days[day - 1].meal(meal)
    if facts is None or current is None:
        return Reply(f"There's no {meal} to swap in today's plan. Reply \"plan\" for a new day.")
    table = ctx.knowledge.food_table()
    carried = _carried(current, table, facts)
    for attempt in range(12):
        planner = Planner(table, facts, stored.seed + 101 * (attempt + 1))
        planner.recent = [{i.ndb_no for i in current.items}]
        new_meal = planner.meal(day, current.meal, avoid={i.ndb_no for i in current.items}, carry=carried)
        candidate = plan.replace_meal(day, new_meal)
        if new_meal.items and not planner.check(candidate):
            stored.body = candidate.to_json()
            return Reply(f"Swapped {child.name}'s {meal}: " + "; ".join(i.label() for i in new_meal.items) + ".")
    return Reply(f"I couldn't find another {meal} that keeps {child.name}'s plan safe and balanced - the current one stays.")


def _carried(meal, table, facts: ChildFacts) -> str | None:
    """The kept-in-the-diet allergen this meal was carrying, so the swap carries it too."""
    from knowledge.planner.rules import allergens_of, keep_in_diet

    describe = Planner(table, facts).describe
    keep = set(keep_in_diet(facts))
    found = {a for i in meal.items for a in allergens_of(i, describe)} & keep
    return sorted(found)[0] if found else None


def child_facts(ctx: Context, child: Child) -> ChildFacts | None:
    """What the planner needs, from the child's profile and log."""
    age = age_months(child, ctx.today)
    if age is None:
        return None
    since = ctx.today - timedelta(days=RECENT_REFUSALS)
    items = ctx.session.execute(
        select(MealItem.name, MealItem.ndb_no, MealItem.grams, MealItem.offered_grams, Meal.local_date)
        .join(Meal, Meal.id == MealItem.meal_id).where(Meal.child_id == child.id)).all()
    refused = tuple(sorted({r.name for r in items if r.grams == 0 and r.offered_grams > 0 and r.local_date >= since}))
    exposures = ctx.session.scalars(select(AllergenExposure.allergen).where(AllergenExposure.child_id == child.id)).all()
    return ChildFacts(
        age_months=max(6, min(60, age)), allergies=tuple(a.name for a in child.allergies),
        reactions=tuple(r.food for r in getattr(child, "reactions", []) if r.cleared_at is None),
        dislikes=tuple(d.name for d in child.dislikes), refused=refused,
        tolerated_allergens=tuple(exposures), logged_ndb=frozenset(r.ndb_no for r in items if r.ndb_no and r.grams > 0))


def _calendar_link(ctx: Context, stored) -> str:
    link = links.create(ctx.session, kind="plan", now=ctx.now, person_id=ctx.person.id, plan_id=stored.id)
    token = links.issue(ctx.session, link, ctx.now, LINK_DAYS)
    return (f"Your plan as a calendar (one event per meal), private to you and valid {LINK_DAYS} days: "
            f"{ctx.public_url}/plans/{token}.ics")


def _days_wanted(text: str) -> int:
    lowered = text.lower()
    if m := re.search(r"\b(\d{1,2})\s*(?:-\s*)?days?\b", lowered):
        return max(1, min(MAX_DAYS, int(m.group(1))))
    for words, days in WORD_DAYS.items():
        if re.search(rf"\b{words}\b", lowered):
            return days
    return 1


def _day_on(stored, on: date) -> int | None:
    offset = (on - stored.start_date).days
    return offset + 1 if 0 <= offset < stored.day_count else None


def _when(start: date, today: date) -> str:
    return "today" if start == today else "tomorrow" if start == today + timedelta(days=1) else start.strftime("%a %b %-d")


def _meal_name(word: str) -> str:
    word = word.lower()
    return "dinner" if word == "supper" else "snack" if word.startswith("snack") else word


def claims(msg: InboundMessage, ctx: Context, found) -> bool:
    """Plan follow-ups ("DAY 2", "swap lunch", "shopping list", "what's for dinner") once a plan exists."""
    text = msg.text
    if not (DAY_N.match(text) or SWAP.search(text) or WHATS_FOR.search(text)
            or (SHOPPING.search(text) and len(text) < 60) or (CALENDAR.search(text) and len(text) < 60)):
        return False
    return any(plan_store.current_plan(ctx.session, c.id) for c in ctx.children) or bool(WHATS_FOR.search(text))


ROUTE = Route("plan", handle, help="- \"plan\" for today's meals, \"plan my week\", \"what's for dinner?\"",
              claim=claims, priority=30)  # below corrections (40); meals claim first at equal priority

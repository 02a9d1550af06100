"""The facts of one child's log over a period, read once and shared by the chart, the PDF and the page.

Only what the parent told us and what the food tables compute: no diagnosis, no model output.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from handlers.dates import describe_age
from handlers.meals import NUTRIENT_LABELS, age_months
from handlers.summary import ALL_GROUPS, group_of
from knowledge.food_safety import allergens_in, normalize_allergen
from knowledge.foods import reference_intakes
from storage.meals import Meal, nutrients_sum
from storage.models import Child, Inbound

CHART_NUTRIENTS = ("iron_mg", "calcium_mg", "vitamin_d_ug")
REPORT_NUTRIENTS = ("iron_mg", "zinc_mg", "calcium_mg", "vitamin_d_ug", "vitamin_c_mg", "fiber_g", "protein_g")
MEAL_ORDER = ("breakfast", "snack", "lunch", "dinner")
ALLERGEN_NAMES = {"tree_nut": "tree nuts", "shellfish": "shellfish", "milk": "milk (dairy)"}
DRI_SOURCE = "Institute of Medicine / NASEM Dietary Reference Intakes (RDA or AI per day)"


@dataclass(frozen=True)
class AllergenLine:
    allergen: str
    first: date
    last: date
    times: int  # meals with it
    reaction: str | None  # what the parent reported after it, if anything


@dataclass(frozen=True)
class NutrientLine:
    key: str
    label: str
    unit: str
    per_day: float  # average over the days with meals
    reference: float

    @property
    def share(self) -> float:
        return self.per_day / self.reference if self.reference else 0.0


@dataclass
class ChildReport:
    """What the charts, the PDF and the page show about one child over `days` days up to `last`."""

    child_id: int
    name: str
    age_text: str
    birth_date: date | None
    first: date
    last: date
    allergies: list[str] = field(default_factory=list)
    reactions: list[tuple[str, str, date, bool]] = field(default_factory=list)  # food, symptoms, when, cleared
    dislikes: list[str] = field(default_factory=list)
    meals_per_day: list[tuple[date, int]] = field(default_factory=list)
    groups: dict[str, int] = field(default_factory=dict)  # foods eaten per group in the period
    new_foods: list[tuple[date, str]] = field(default_factory=list)
    foods_by_group: dict[str, list[tuple[str, date]]] = field(default_factory=dict)  # all time, first tried
    allergens: list[AllergenLine] = field(default_factory=list)
    typical_day: list[tuple[str, int, list[str]]] = field(default_factory=list)  # meal, days seen, foods
    nutrients: list[NutrientLine] = field(default_factory=list)
    questions: list[tuple[date, str]] = field(default_factory=list)
    meal_count: int = 0
    days_logged: int = 0

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    def nutrient(self, key: str) -> NutrientLine | None:
        return next((n for n in self.nutrients if n.key == key), None)


def child_report(session: Session, child: Child, last: date, days: int, asked_by: list[int]) -> ChildReport:
    """Read the facts for `child` over the `days` days ending `last`; `asked_by`: whose questions to list."""
    first = last - timedelta(days=days - 1)
    report = ChildReport(child.id, child.name, describe_age(child.birth_date, last) if child.birth_date else
                         "age not given", child.birth_date, first, last,
                         allergies=[a.name for a in child.allergies], dislikes=[d.name for d in child.dislikes],
                         reactions=[(r.food, r.symptoms, r.reported_at.date(), r.cleared_at is not None)
                                    for r in child.reactions])
    every = list(session.scalars(select(Meal).where(Meal.child_id == child.id).order_by(Meal.eaten_at, Meal.id)))
    period = [m for m in every if first <= m.local_date <= last]
    report.meal_count, report.days_logged = len(period), len({m.local_date for m in period})
    per_day = Counter(m.local_date for m in period)
    report.meals_per_day = [(first + timedelta(days=n), per_day.get(first + timedelta(days=n), 0)) for n in range(days)]
    _foods(report, every, period)
    report.allergens = _allergen_log(every, child)
    report.typical_day = _typical_day(period)
    report.nutrients = _nutrients(period, age_months(child, last) or 12, report.days_logged)
    report.questions = _questions(session, asked_by, first, last)
    return report


def _eaten(meals: list[Meal]):
    return [(m.local_date, i) for m in meals for i in m.items if i.grams > 0]


def _foods(report: ChildReport, every: list[Meal], period: list[Meal]) -> None:
    firsts: dict[str, tuple[str, date, str | None]] = {}
    for when, item in _eaten(every):
        key = item.ndb_no or item.name.lower()
        if key not in firsts:
            firsts[key] = (item.name, when, group_of(item.food_group, item.description))
    by_group: dict[str, list[tuple[str, date]]] = {}
    for name, when, group in firsts.values():
        by_group.setdefault(group or "other", []).append((name, when))
    report.foods_by_group = {g: by_group[g] for g in (*ALL_GROUPS, "other") if g in by_group}
    report.new_foods = sorted((when, name) for name, when, _ in firsts.values() if report.first <= when <= report.last)
    counts = Counter(group_of(i.food_group, i.description) for _, i in _eaten(period))
    report.groups = {g: counts.get(g, 0) for g in ALL_GROUPS}


def _allergen_log(every: list[Meal], child: Child) -> list[AllergenLine]:
    seen: dict[str, list[date]] = {}
    known: dict[tuple[str, str, str], set[str]] = {}  # the same food recurs: read its allergens once

    def allergens(item) -> set[str]:
        key = (item.name, item.description, item.food_group)
        if key not in known:
            known[key] = allergens_in(item)
        return known[key]

    for meal in every:
        found = set().union(*(allergens(i) for i in meal.items if i.grams > 0)) if meal.items else set()
        for allergen in found:
            seen.setdefault(allergen, []).append(meal.local_date)
    reactions = {}
    for r in child.reactions:
        key = normalize_allergen(r.food)
        if key:
            reactions[key] = f"{r.symptoms} after {r.food} ({r.reported_at.date():%b %-d})" + \
                (", since cleared" if r.cleared_at else "")
    lines = [AllergenLine(a, min(d), max(d), len(d), reactions.get(a)) for a, d in seen.items()]
    lines += [AllergenLine(a, date.min, date.min, 0, text) for a, text in reactions.items() if a not in seen]
    return sorted(lines, key=lambda line: (line.times == 0, line.first, line.allergen))


def _typical_day(period: list[Meal]) -> list[tuple[str, int, list[str]]]:
    days: dict[str, set[date]] = {}
    foods: dict[str, Counter] = {}
    for meal in period:
        days.setdefault(meal.meal_type, set()).add(meal.local_date)
        foods.setdefault(meal.meal_type, Counter()).update(i.name for i in meal.items if i.grams > 0)
    order = sorted(days, key=lambda t: (MEAL_ORDER.index(t) if t in MEAL_ORDER else 9, t))
    return [(t, len(days[t]), [name for name, _ in foods[t].most_common(3)]) for t in order]


def _nutrients(period: list[Meal], months: int, days_logged: int) -> list[NutrientLine]:
    if not days_logged:
        return []
    intakes = reference_intakes(months)
    totals = nutrients_sum([m.nutrients for m in period])
    out = []
    for key in REPORT_NUTRIENTS:
        if intakes.get(key):
            label, unit = NUTRIENT_LABELS.get(key, (key, ""))
            out.append(NutrientLine(key, label, unit, totals.get(key, 0.0) / days_logged, intakes[key]))
    return out


def _questions(session: Session, asked_by: list[int], first: date, last: date) -> list[tuple[date, str]]:
    if not asked_by:
        return []
    rows = session.scalars(select(Inbound).where(Inbound.person_id.in_(asked_by), Inbound.intent == "question")
                           .order_by(Inbound.received_at.desc()).limit(40))
    picked = [(r.received_at.date(), r.body) for r in rows if first <= r.received_at.date() <= last + timedelta(days=1)]
    return sorted(picked)[-10:]


def allergen_name(key: str) -> str:
    return ALLERGEN_NAMES.get(key, key.replace("_", " "))


def owners_of(child: Child) -> list[int]:
    """Whose questions a report lists: the parents' (owners of the child's household)."""
    return [m.person_id for m in child.household.members if m.role == "owner"]


def questions_shown_to(child: Child, reader_id: int) -> list[int]:
    """The parents' questions go to the parents only: whose questions `reader_id` may see listed."""
    owners = owners_of(child)
    return owners if reader_id in owners else []


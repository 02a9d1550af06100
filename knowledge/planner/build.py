"""The local planner: age-right days from the catalogue, safe for this child, varied, deterministic by seed."""
from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from knowledge.foods.table import FoodTable
from knowledge.planner.catalog import PlanFood, plan_foods
from knowledge.planner.model import ChildFacts, Plan, PlanDay, PlanItem, PlanMeal
from knowledge.planner import rules

MAX_DAYS = 21
TASTE_G = 15.0  # one or two tablespoons: a taste, for repeated exposure (it can take 8-15 tries)
NEW_PER_WEEK = 2  # mostly familiar foods, one or two new ones a week
FAMILIAR_WEIGHT = 3.0
SHAPES = {  # what a meal is made of, by kind of meal: (slot, groups to fill in order)
    "breakfast": ("b", (("grain",), ("fruit",), ("protein", "dairy", "fat"))),
    "lunch": ("l", (("protein",), ("veg",), ("grain",), ("fruit", "dairy"))),
    "dinner": ("d", (("protein",), ("veg",), ("grain",))),
    "snack": ("s", (("fruit", "veg"), ("dairy", "grain", "protein", "fat"))),
}


@dataclass
class _Week:
    """What this week of the plan has used so far."""

    new_foods: set[str]
    allergen_days: dict[tuple[int, str], str]  # (day, allergen) -> meal that must carry it
    served: Counter = field(default_factory=Counter)  # times each food is in the week so far


class Planner:
    """Build plans for one child from the food table."""

    def __init__(self, table: FoodTable, child: ChildFacts, seed: int = 0) -> None:
        self.table, self.child, self.rng = table, child, random.Random(seed)
        self.foods = [f for f in plan_foods(table) if self._allowed(f)]
        self.familiar = {f.ndb_no for f in self.foods if f.ndb_no in child.logged_ndb}
        self.limit_new = len(self.familiar) >= 10
        # Tolerated allergens we can serve (a carrier food fits this child's allergies and dislikes).
        slots = {SHAPES[m.split()[0]][0] for m in rules.meals_for_age(child.age_months)}
        self.kept = [a for a in rules.keep_in_diet(child)
                     if any(a in f.allergens and f.slots & slots for f in self.foods)]
        self.recent: list[set[str]] = []
        self._week_state = _Week(set(), {})
        self.colours: set[str] = set()

    def describe(self, ndb_no: str) -> tuple[str, str, bool, bool]:
        food = _by_ndb(self.table).get(ndb_no)
        if food is not None:
            return food.description, food.food_group, food.iron, food.vitamin_c
        record = self.table.get(ndb_no)
        return (record.description, record.food_group, False, False) if record else ("", "", False, False)

    def check(self, plan: Plan) -> list[str]:
        """Every rule this plan breaks for this child (empty for a plan we may send)."""
        return rules.problems(plan, self.child, self.describe, self.kept)

    def plan(self, days: int = 1) -> Plan:
        """A plan of `days` days (1 to 21) that keeps every rule."""
        days = max(1, min(MAX_DAYS, days))
        out: list[PlanDay] = []
        for start in range(0, days, 7):
            week = self._week(start + 1, min(7, days - start))
            out += [self._day(d, week) for d in range(start + 1, start + 1 + min(7, days - start))]
        return Plan(tuple(out), self._notes())

    def meal(self, day: int, name: str, avoid: set[str] = frozenset(), carry: str | None = None) -> PlanMeal:
        """One meal (also used to swap a meal for an equivalent one)."""
        slot, shape = SHAPES[name.split()[0]]
        small = self.child.age_months < 9
        picked: list[PlanFood] = []
        main = name in ("breakfast", "lunch", "dinner")
        if carry:
            carrier = self._pick(slot, None, picked, avoid, lambda f: carry in f.allergens)
            if carrier:
                picked.append(carrier)
        if main and not any(f.iron for f in picked):
            iron = self._pick(slot, None, picked, avoid, lambda f: f.iron)
            if iron:
                picked.append(iron)
        if main and not any(f.vitamin_c for f in picked):
            vitc = self._pick(slot, None, picked, avoid, lambda f: f.vitamin_c)
            if vitc:
                picked.append(vitc)
        for groups in shape[: 2 if small else len(shape)]:
            if not any(f.group in groups for f in picked):
                food = self._pick(slot, groups, picked, avoid)
                if food:
                    picked.append(food)
        self.recent.append({f.ndb_no for f in picked})
        self._week_state.served.update(f.ndb_no for f in picked)
        items = tuple(self._item(f) for f in picked)
        return PlanMeal(name, items)

    # -- choosing -------------------------------------------------------------------------------
    def _allowed(self, food: PlanFood) -> bool:
        prep = food.prep_at(self.child.age_months)
        if prep is None or _named_in(food, self.child.dislikes):
            return False
        item = PlanItem(food.name, food.ndb_no, 0, prep)
        return not rules.item_problems([rules.served(item, food.description, food.food_group)], self.child)

    def _pick(self, slot, groups, picked, avoid, want=lambda f: True) -> PlanFood | None:
        taken = {f.ndb_no for f in picked}
        pool = [f for f in self.foods if slot in f.slots and (groups is None or f.group in groups)
                and want(f) and f.ndb_no not in taken and f.ndb_no not in avoid and f.group not in
                {p.group for p in picked if groups is None and p.group in ("grain", "protein")}]
        if self.limit_new and self._week_state.new_foods and len(self._week_state.new_foods) >= NEW_PER_WEEK:
            pool = [f for f in pool if f.ndb_no in self.familiar or f.ndb_no in self._week_state.new_foods] or pool
        if not pool:
            return None
        recent = set().union(*self.recent[-5:]) if self.recent else set()  # a whole day back: yesterday's dinner too
        # Yesterday's dinner is not in the last four meals, so a week also cuts a food's chance each
        # time it is served (x0.4): cauliflower five dinners out of seven is no plan a parent wants.
        served = self._week_state.served
        weights = [(FAMILIAR_WEIGHT if f.ndb_no in self.familiar else 1.0) * (0.2 if f.ndb_no in recent else 1.0)
                   * (0.2 if f.group in ("fruit", "veg") and f.colour in self.colours else 1.0)
                   * 0.4 ** served[f.ndb_no] for f in pool]
        food = self.rng.choices(pool, weights)[0]
        if food.group in ("fruit", "veg"):
            self.colours.add(food.colour)
        if self.limit_new and food.ndb_no not in self.familiar:
            self._week_state.new_foods.add(food.ndb_no)
        return food

    def _item(self, food: PlanFood) -> PlanItem:
        prep = food.prep_at(self.child.age_months) or ""
        return PlanItem(food.name, food.ndb_no, food.grams_at(self.child.age_months), prep,
                        new=bool(self.child.logged_ndb) and food.ndb_no not in self.child.logged_ndb)

    # -- days and weeks -------------------------------------------------------------------------
    def _week(self, first_day: int, length: int) -> _Week:
        """Spread each tolerated allergen over the week at the required number of meals."""
        self._week_state = _Week(set(), {})
        goal = rules.allergen_goal(length)
        meals = [m for m in rules.meals_for_age(self.child.age_months)]
        for n, allergen in enumerate(self.kept):
            carriers = [f for f in self.foods if allergen in f.allergens]
            if not carriers or goal == 0:
                continue
            step = max(1, length // goal)
            for k in range(goal):
                day = first_day + (n + k * step) % length
                slots = {s for f in carriers for s in f.slots}
                fitting = [m for m in meals if SHAPES[m.split()[0]][0] in slots]
                taken = {m for (d, _), m in self._week_state.allergen_days.items() if d == day}
                choice = next((m for m in fitting if m not in taken), fitting[0] if fitting else None)
                if choice:
                    self._week_state.allergen_days[(day, allergen)] = choice
        return self._week_state

    def _day(self, day: int, week: _Week) -> PlanDay:
        self.colours = set()  # fruit and vegetable colours used today: vary them
        meals = []
        for name in rules.meals_for_age(self.child.age_months):
            carried = [a for (d, a), m in week.allergen_days.items() if d == day and m == name]
            meal = self.meal(day, name, carry=carried[0] if carried else None)
            for allergen in carried[1:]:
                meal = self._add_carrier(meal, allergen)
            meals.append(meal)
        return PlanDay(day, tuple(self._tastes(day, meals)))

    def _add_carrier(self, meal: PlanMeal, allergen: str) -> PlanMeal:
        slot = SHAPES[meal.meal.split()[0]][0]
        have = {i.ndb_no for i in meal.items}
        food = self._pick(slot, None, [], have, lambda f: allergen in f.allergens)
        return PlanMeal(meal.meal, meal.items + (self._item(food),)) if food else meal

    def _tastes(self, day: int, meals: list[PlanMeal]) -> list[PlanMeal]:
        """Refused foods, and dislikes from a while ago, come back as a taste twice a week."""
        again = self.child.refused + self.child.old_dislikes + (self.child.dislikes if day > 7 else ())
        retry = [f for f in plan_foods(self.table) if _named_in(f, again) and self._allowed_taste(f)]
        if not retry or day % 7 not in (2, 5):
            return meals
        food = retry[(day // 7 + (day % 7 == 5)) % len(retry)]
        for i, meal in enumerate(meals):
            if SHAPES[meal.meal.split()[0]][0] in food.slots and food.ndb_no not in {x.ndb_no for x in meal.items}:
                taste = PlanItem(food.name, food.ndb_no, TASTE_G, food.prep_at(self.child.age_months) or "", taste=True)
                meals[i] = PlanMeal(meal.meal, meal.items + (taste,))
                break
        return meals

    def _allowed_taste(self, food: PlanFood) -> bool:
        prep = food.prep_at(self.child.age_months)
        if prep is None:
            return False
        item = PlanItem(food.name, food.ndb_no, TASTE_G, prep)
        return not rules.item_problems([rules.served(item, food.description, food.food_group)], self.child)

    def _notes(self) -> tuple[str, ...]:
        notes = []
        if self.child.age_months < 12:
            notes.append("Breast milk or formula stays the main drink; water in a cup with meals.")
        missing = sorted(set(rules.keep_in_diet(self.child)) - set(self.kept))
        if missing:
            notes.append("No " + ", ".join(missing).replace("_", " ") + " food fits this plan's allergies and "
                         "dislikes; keep offering it the way you usually do.")
        if self.child.reactions:
            notes.append("Left out after a reaction: " + ", ".join(self.child.reactions)
                         + " - not until the pediatrician or allergist says so.")
        return tuple(notes)


@lru_cache(maxsize=4)
def _by_ndb(table: FoodTable) -> dict[str, PlanFood]:
    return {f.ndb_no: f for f in plan_foods(table)}


def _named_in(food: PlanFood, names) -> bool:
    """Whether a parent's word for a food ("broccoli", "eggs") names this catalogue food."""
    words = set(food.name.lower().split())
    for name in names:
        said = {w.rstrip("s") for w in name.lower().split()}
        if said and said <= {w.rstrip("s") for w in words}:
            return True
    return False


def generate(table: FoodTable, child: ChildFacts, days: int = 1, seed: int = 0) -> Plan:
    """A validated plan; a draw that breaks a rule (rare) is replaced by the next seed's."""
    last: Plan | None = None
    for attempt in range(8):
        planner = Planner(table, child, seed + attempt * 7919)
        plan = planner.plan(days)
        if not planner.check(plan):
            return plan
        last = plan
    assert last is not None
    return last

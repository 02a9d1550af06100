"""The local planner keeps every rule for any child: allergens, honey, hazards, iron, allergens kept in."""
from __future__ import annotations

import time
from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from knowledge.food_safety import MAJOR_ALLERGENS, allergens_in, check_foods
from knowledge.foods import FoodTable
from knowledge.planner import ChildFacts, Plan, PlanDay, PlanItem, PlanMeal, Planner, generate, meals_for_age, problems
from knowledge.planner.build import SHAPES
from knowledge.planner.rules import served

CUSTOM = ("kiwi", "banana", "strawberries", "oats", "chickpeas")


@pytest.fixture(scope="module")
def table() -> FoodTable:
    return FoodTable.from_sr28()


children = st.builds(
    ChildFacts,
    age_months=st.integers(6, 60),
    allergies=st.lists(st.sampled_from(MAJOR_ALLERGENS + CUSTOM), max_size=4, unique=True).map(tuple),
    reactions=st.lists(st.sampled_from(("mango", "salmon", "yogurt", "lentils")), max_size=2, unique=True).map(tuple),
    dislikes=st.lists(st.sampled_from(("broccoli", "peas", "tofu", "beets", "avocado")), max_size=3, unique=True).map(tuple),
    refused=st.lists(st.sampled_from(("spinach", "zucchini", "cauliflower")), max_size=2, unique=True).map(tuple),
    tolerated_allergens=st.lists(st.sampled_from(MAJOR_ALLERGENS), max_size=9, unique=True).map(tuple),
)


def _served_items(plan: Plan, planner: Planner):
    for day in plan.days:
        for meal in day.meals:
            for item in meal.items:
                description, group, *_ = planner.describe(item.ndb_no)
                yield day, meal, item, served(item, description, group)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(child=children, days=st.integers(1, 21), seed=st.integers(0, 10_000))
def test_no_plan_breaks_a_rule(table, child, days, seed):
    plan = generate(table, child, days, seed)
    planner = Planner(table, child, seed)
    assert len(plan.days) == days
    assert planner.check(plan) == []
    slots = {SHAPES[m.split()[0]][0] for m in meals_for_age(child.age_months)}
    assert set(planner.kept) == {a for a in child.tolerated_allergens if a not in child.allergies
                                 and any(a in f.allergens and f.slots & slots for f in planner.foods)}
    majors = {a for a in child.allergies if a in MAJOR_ALLERGENS}
    for day, meal, item, food in _served_items(plan, planner):
        assert not allergens_in(food) & majors, (item, child.allergies)
        flags = check_foods([food], child.age_months, list(child.allergies + child.reactions))
        assert not [f for f in flags if f.kind in ("allergen", "honey", "choking", "cows_milk_drink", "juice")], (item, flags)
        assert not any(r in item.name for r in child.reactions)
        if not item.taste and day.day <= 7:
            assert not any(d.rstrip("s") in {w.rstrip("s") for w in item.name.split()} for d in child.dislikes)
    for day in plan.days:
        assert tuple(m.meal for m in day.meals) == meals_for_age(child.age_months)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(child=children, seed=st.integers(0, 10_000))
def test_iron_with_vitamin_c_at_two_meals_a_day_under_two(table, child, seed):
    planner = Planner(table, child, seed)
    plan = generate(table, child, 7, seed)
    if child.age_months >= 24:
        return
    for day in plan.days:
        meals = 0
        for meal in day.meals:
            info = [planner.describe(i.ndb_no) for i in meal.items]
            meals += any(d[2] for d in info) and any(d[3] for d in info)
        assert meals >= 2, day


def test_tolerated_allergens_come_back_twice_a_week(table):
    child = ChildFacts(14, allergies=("sesame",), tolerated_allergens=("peanut", "egg", "fish", "milk", "wheat"))
    planner = Planner(table, child, 5)
    plan = generate(table, child, 14, 5)
    for week in (plan.days[:7], plan.days[7:]):
        for allergen in child.tolerated_allergens:
            meals = sum(1 for d in week for m in d.meals
                        if any(allergen in allergens_in(f) for *_, f in _served_items(Plan((PlanDay(d.day, (m,)),)), planner)))
            assert meals >= 2, allergen


def test_rules_catch_what_a_careless_plan_would_do(table):
    """The checks are real: honey at 10 months, whole grapes at 2, peanut for a peanut allergy all fail."""
    baby = ChildFacts(10)
    toddler = ChildFacts(24, allergies=("peanut",))
    honey = PlanItem("honey", "19296", 5, "drizzled on toast")
    grapes = PlanItem("grapes", "09132", 40, "whole")
    pb = PlanItem("peanut butter", "16098", 8, "spread thinly on toast")
    describe = Planner(table, baby).describe
    for child, item, kind in ((baby, honey, "honey"), (toddler, grapes, "choking"), (toddler, pb, "allergen")):
        plan = Plan((PlanDay(1, (PlanMeal("breakfast", (item,)),)),))
        assert any(kind in p for p in problems(plan, child, describe)), (item, kind)


def test_textures_and_amounts_follow_age(table):
    baby = generate(table, ChildFacts(7), 1, 1)
    big = generate(table, ChildFacts(36), 1, 1)
    assert len(baby.days[0].meals) == 2 and len(big.days[0].meals) == 5
    assert all("mash" in i.prep or "puree" in i.prep or "thin" in i.prep or "strip" in i.prep or "soft" in i.prep
               or "formula" in i.prep or "unsweetened" in i.prep or "flaked" in i.prep
               for m in baby.days[0].meals for i in m.items), baby
    assert max(i.grams for m in baby.days[0].meals for i in m.items) < max(i.grams for m in big.days[0].meals for i in m.items)


def test_same_seed_same_plan(table):
    child = ChildFacts(18, allergies=("egg",))
    assert generate(table, child, 7, 42) == generate(table, child, 7, 42)


def test_week_for_ten_month_old_under_a_second(table):
    child = ChildFacts(10, allergies=("egg", "milk"), tolerated_allergens=("peanut", "wheat"))
    generate(table, child, 7, 0)  # warm the catalogue
    started = time.perf_counter()
    generate(table, child, 7, 1)
    assert time.perf_counter() - started < 1.0


def test_refused_foods_come_back_as_a_taste(table):
    child = ChildFacts(20, refused=("spinach",))
    plan = generate(table, child, 7, 3)
    tastes = [i for d in plan.days for m in d.meals for i in m.items if i.taste]
    assert tastes and all(i.name == "spinach" and i.grams <= 15 for i in tastes)


def test_days_vary_fruit_and_vegetable_colours(table):
    child = ChildFacts(24)
    planner = Planner(table, child, 11)
    colours = {f.ndb_no: f.colour for f in planner.foods}
    plan = generate(table, child, 7, 11)
    for day in plan.days:
        produce = [i for m in day.meals for i in m.items if i.ndb_no in colours
                   and next(f for f in planner.foods if f.ndb_no == i.ndb_no).group in ("fruit", "veg")]
        assert len({colours[i.ndb_no] for i in produce}) >= 3, day


@pytest.mark.parametrize("seed", range(6))
def test_a_week_of_dinners_varies_its_foods(table, seed):
    """No food in more than three of seven dinners (a week of cauliflower is no plan)."""
    plan = generate(table, ChildFacts(18, allergies=("egg", "milk")), 7, seed)
    dinners = Counter(item.ndb_no for day in plan.days for meal in day.meals if meal.meal == "dinner"
                      for item in meal.items)
    assert max(dinners.values()) <= 3, dinners.most_common(3)


def test_no_two_days_running_have_the_same_dinner(table):
    """Over 120 weeks, yesterday's dinner is not served again today (the overview shows its first two
    foods), and few dinners share even one food with the day before."""
    repeated = shared = pairs = 0
    for age in (12, 24, 36):
        for seed in range(40):
            plan = generate(table, ChildFacts(age), 7, seed)
            dinners = [[i.ndb_no for m in day.meals if m.meal == "dinner" for i in m.items] for day in plan.days]
            for today, tomorrow in zip(dinners, dinners[1:]):
                pairs += 1
                repeated += today[:2] == tomorrow[:2]
                shared += bool(set(today) & set(tomorrow))
    assert repeated == 0 and shared < 0.2 * pairs, (repeated, shared, pairs)


def test_week_overview_names_a_few_new_foods_not_all(table):
    """A first plan makes almost every food new; the overview names five in serving order and counts the rest."""
    from handlers.plan_text import NEW_FOODS_SHOWN, overview

    plan = generate(table, ChildFacts(18, logged_ndb=frozenset({"09040"})), 7, 3)  # has had banana
    new = list(dict.fromkeys(i.name for d in plan.days for m in d.meals for i in m.items if i.new))
    assert len(new) > NEW_FOODS_SHOWN
    line = overview(plan, "Maya").splitlines()[-1]
    assert line.startswith("New to try: " + ", ".join(new[:NEW_FOODS_SHOWN]))
    assert line.endswith(f"and {len(new) - NEW_FOODS_SHOWN} more.") and new[-1] not in line

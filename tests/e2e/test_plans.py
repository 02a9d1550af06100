"""Meal plans through the signed webhook: a day, a week with DAY 2, dinner, swap, shopping list, calendar."""
from __future__ import annotations

import json
import re

import pytest

from storage.plans import MealPlan
from tests.fakes.openai_server import FakeOpenAI
from tests.support import all_rows, build_app, household, truncate_all

MEAL_LINE = re.compile(r"^(Breakfast|Lunch|Dinner|Snack): ", re.M)


@pytest.fixture
def parent(app):
    # Born 2025-12-20: 11 months on the test clock's 2026-11-22.
    return household(app, "+12125550160", "Maya", "2025-12-20", "--allergy", "egg", "--allergy", "peanut",
                     "--allergy", "sesame")


def test_plan_today_is_one_message_for_the_age_without_allergens(parent, app):
    reply = parent.say("can you plan her meals for today")
    assert reply.startswith("Maya's meals today:")
    assert len(MEAL_LINE.findall(reply)) == 4  # 3 meals and a snack at 11 months
    lowered = reply.lower()
    for banned in ("egg", "peanut", "hummus", "honey", "juice", "whole milk"):
        assert banned not in lowered, banned
    assert "grapes" not in lowered or "quartered" in lowered
    assert len(reply) <= 1600
    (plan,) = all_rows(app, MealPlan)
    assert plan.day_count == 1


def test_week_sends_an_overview_then_day_two_on_request(parent, app):
    week = parent.say("plan my week")
    assert "7-day plan for Maya" in week and "DAY 2" in week
    day2 = parent.say("DAY 2")
    assert day2.startswith("Day 2") and len(MEAL_LINE.findall(day2)) == 4
    stored = all_rows(app, MealPlan)[-1]
    dinner = [m for m in stored.body["days"][1]["meals"] if m["meal"] == "dinner"][0]
    assert all(i["name"] in day2 for i in dinner["items"])
    assert "This plan has 7 days" in parent.say("day 9")


def test_whats_for_dinner_reads_the_current_plan_and_swap_changes_it(parent, app):
    parent.say("plan for today")
    stored = all_rows(app, MealPlan)[-1]
    dinner = [m for m in stored.body["days"][0]["meals"] if m["meal"] == "dinner"][0]
    answer = parent.say("what's for dinner?")
    assert "Maya's dinner today" in answer and all(i["name"] in answer for i in dinner["items"])
    before = {i["ndb_no"] for i in [m for m in stored.body["days"][0]["meals"] if m["meal"] == "lunch"][0]["items"]}
    swapped = parent.say("swap lunch")
    assert swapped.startswith("Swapped Maya's lunch")
    after_row = all_rows(app, MealPlan)[-1]
    after = {i["ndb_no"] for i in [m for m in after_row.body["days"][0]["meals"] if m["meal"] == "lunch"][0]["items"]}
    assert after and after != before
    assert len(all_rows(app, MealPlan)) == 1  # the same plan, edited


def test_whats_for_dinner_without_a_plan_makes_one(parent, app):
    answer = parent.say("what's for dinner")
    assert "Maya's dinner today" in answer
    assert len(all_rows(app, MealPlan)) == 1


def test_shopping_list_totals_the_plan(parent, app):
    parent.say("plan 3 days")
    listing = parent.say("shopping list")
    assert listing.startswith("Shopping list (3 days)")
    stored = all_rows(app, MealPlan)[-1]
    names = {i["name"] for d in stored.body["days"] for m in d["meals"] for i in m["items"]}
    assert all(n in listing for n in names)


def test_calendar_link_serves_ics_and_expires(parent, app, clock):
    parent.say("plan my week")
    reply = parent.say("plan as calendar")
    url = re.search(r"(https?://\S+/plans/(\S+)\.ics)", reply)
    assert url, reply
    path = "/plans/" + url.group(2) + ".ics"
    client = app.test_client()
    served = client.get(path)
    assert served.status_code == 200 and served.mimetype == "text/calendar"
    body = served.get_data(as_text=True)
    assert body.count("BEGIN:VEVENT") == 7 * 4
    assert client.get("/plans/" + "x" * 32 + ".ics").status_code == 404
    assert client.get(path.replace(url.group(2)[:5], "AAAAA")).status_code == 404
    clock.advance(days=8)
    assert client.get(path).status_code == 404


def test_plan_without_birth_date_asks_for_age(app):
    phone = household(app, "+12125550161", "Leo", "2024-01-05")
    with app.extensions["tinytummy"].sessions() as s, s.begin():
        from storage.models import Child

        s.query(Child).update({"birth_date": None})
    assert "How old is Leo" in phone.say("plan tomorrow")


def test_cli_generate_prints_the_documented_shape(app):
    result = app.test_cli_runner().invoke(args=["plan", "generate", "--age-months", "10", "--allergy", "egg",
                                                "--dislike", "peas", "--days", "2", "--seed", "7"])
    assert result.exit_code == 0, result.output
    plan = json.loads(result.output)
    assert [d["day"] for d in plan["days"]] == [1, 2]
    item = plan["days"][0]["meals"][0]["items"][0]
    assert set(item) >= {"name", "ndb_no", "grams", "prep"} and len(item["ndb_no"]) == 5
    names = [i["name"] for d in plan["days"] for m in d["meals"] for i in m["items"]]
    assert not any("egg" in n for n in names) and "peas" not in names


@pytest.fixture
def llm_parent(database_url, clock, tmp_path):
    with FakeOpenAI() as fake:
        app = build_app(database_url, clock, tmp_path, env={
            "OPENAI_API_KEY": "sk-test", "OPENAI_BASE_URL": fake.base_url, "OPENAI_TIMEOUT": "2"})
        phone = household(app, "+12125550162", "Maya", "2026-01-10")  # 10 months
        yield app, fake, phone
        truncate_all(app.extensions["tinytummy"].engine)
        app.extensions["tinytummy"].engine.dispose()


def test_llm_plan_is_checked_and_repaired(llm_parent):
    app, fake, phone = llm_parent
    # The model proposes honey, whole grapes and juice for a 10-month-old, and one fine breakfast.
    fake.respond_with(json.dumps({"days": [{"meals": [
        {"meal": "breakfast", "items": [{"food": "baby oatmeal", "prep": "mixed with formula"},
                                        {"food": "strawberries", "prep": "mashed"}]},
        {"meal": "lunch", "items": [{"food": "grapes", "prep": "whole"}, {"food": "honey", "prep": "on toast"}]},
        {"meal": "snack", "items": [{"food": "banana", "prep": "sliced"}]},
        {"meal": "dinner", "items": [{"food": "lentils", "prep": "cooked soft"}, {"food": "broccoli", "prep": "steamed soft"}]},
    ]}]}))
    reply = phone.say("plan today")
    assert len(fake.requests) == 1
    lowered = reply.lower()
    assert "honey" not in lowered and "juice" not in lowered
    assert "grapes, whole" not in lowered
    assert "baby oatmeal, mixed with formula" in lowered  # the model's good meal is kept


def test_llm_failure_falls_back_to_the_local_planner(llm_parent):
    app, fake, phone = llm_parent
    fake.respond_with("not json")
    reply = phone.say("plan today")
    assert reply.startswith("Maya's meals today:") and len(MEAL_LINE.findall(reply)) == 4

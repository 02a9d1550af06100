"""Streaks and badges through the signed webhook: each badge is stored with the day earned and
announced once, in the reply that earned it; `streak` sums it all up in one message."""
from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from knowledge.food_safety import MAJOR_ALLERGENS
from storage.badges import Badge
from storage.meals import AllergenExposure, Meal, MealItem
from storage.models import Child
from tests.support import all_rows, household

NEW_YORK = ZoneInfo("America/New_York")


def past_meals(app, child: str, days: list[date], foods_per_day: int = 1, first_food: int = 0) -> None:
    """Meals logged earlier (stored as the app stores them), each with made-up distinct foods."""
    services = app.extensions["tinytummy"]
    food = first_food
    with services.sessions() as s, s.begin():
        child_id = s.scalars(select(Child.id).where(Child.name == child)).one()
        for day in days:
            at = datetime.combine(day, time(12), NEW_YORK).astimezone(timezone.utc)
            meal = Meal(child_id=child_id, eaten_at=at, local_date=day, meal_type="lunch", text="earlier", nutrients={})
            for _ in range(foods_per_day):
                meal.items.append(MealItem(name=f"food {food}", ndb_no=f"Z{food:04d}", description="", food_group="",
                                           grams=10, offered_grams=10, estimated=False, nutrients={}))
                food += 1
            s.add(meal)


def badges(app) -> dict[str, date]:
    return {b.code: b.earned_on for b in all_rows(app, Badge)}


def test_first_meal_badge_is_announced_once(app, clock):
    parent = household(app, "+12125550301", "Maya", "2025-05-01")
    assert "New badge: first meal logged!" in parent.say("Maya had a banana")
    assert "New badge" not in parent.say("Maya had some oatmeal")
    assert badges(app) == {"first_meal": date(2026, 11, 22)}


@pytest.mark.parametrize("days", [3, 7, 14, 30, 100])
def test_streak_badges(app, clock, days):
    parent = household(app, "+12125550302", "Maya", "2025-05-01")
    today = date(2026, 11, 22)
    past_meals(app, "Maya", [today - timedelta(days=n) for n in range(1, days)])
    reply = parent.say("Maya had a banana")
    assert f"{days}-day streak!" in reply and f"{days}-day streak" in reply.split("New badge:")[1]
    assert badges(app)[f"streak_{days}"] == today
    assert "New badge" not in parent.say("Maya had a pear")


def test_a_streak_a_day_short_earns_nothing_yet(app, clock):
    parent = household(app, "+12125550303", "Maya", "2025-05-01")
    past_meals(app, "Maya", [date(2026, 11, 22) - timedelta(days=n) for n in range(1, 6)] + [date(2026, 11, 10)])
    reply = parent.say("Maya had a banana")
    assert "6-day streak!" in reply and "7-day streak" not in reply and "3-day streak" in reply


@pytest.mark.parametrize("foods", [10, 25, 50, 100])
def test_foods_tried_badges(app, clock, foods):
    parent = household(app, "+12125550304", "Maya", "2025-05-01")
    past_meals(app, "Maya", [date(2026, 11, 1)], foods_per_day=foods - 1)
    reply = parent.say("Maya had a banana")  # the last new food
    assert f"Maya tried {foods} different foods" in reply
    assert badges(app)[f"foods_{foods}"] == date(2026, 11, 22)


def test_refused_foods_do_not_count_as_tried(app, clock):
    parent = household(app, "+12125550305", "Maya", "2025-05-01")
    past_meals(app, "Maya", [date(2026, 11, 1)], foods_per_day=9)
    assert "10 different foods" not in parent.say("Maya refused the banana")
    assert "Maya tried 10 different foods" in parent.say("Maya had some peas")


def test_rainbow_week(app, clock):
    parent = household(app, "+12125550306", "Maya", "2025-05-01")
    meals = ["Maya had strawberries", "Maya had carrots", "Maya had peas", "Maya had blueberries",
             "Maya had cauliflower"]
    for n, text in enumerate(meals):
        clock.now = datetime(2026, 11, 20 + n, 17, tzinfo=timezone.utc)  # one a day, five days
        reply = parent.say(text)
        assert ("rainbow week" in reply) == (n == 4), reply
    assert badges(app)["rainbow_week"] == date(2026, 11, 24)


def test_colours_must_fall_within_seven_days(app, clock):
    parent = household(app, "+12125550307", "Maya", "2025-05-01")
    meals = ["Maya had strawberries", "Maya had carrots", "Maya had peas", "Maya had blueberries",
             "Maya had cauliflower"]
    for n, text in enumerate(meals):
        clock.now = datetime(2026, 11, 1 + 2 * n, 17, tzinfo=timezone.utc)  # every other day: 9 days
        assert "rainbow" not in parent.say(text)


def test_all_nine_allergens(app, clock):
    parent = household(app, "+12125550308", "Maya", "2025-05-01")
    services = app.extensions["tinytummy"]
    with services.sessions() as s, s.begin():
        child_id = s.scalars(select(Child.id)).one()
        for allergen in MAJOR_ALLERGENS:
            if allergen != "egg":
                s.add(AllergenExposure(child_id=child_id, allergen=allergen, last_eaten_on=date(2026, 11, 1)))
    assert "all 9 major allergens" not in parent.say("Maya had a banana")
    assert "New badge: all 9 major allergens introduced to Maya!" in parent.say("Maya had scrambled eggs")
    assert badges(app)["allergens_all"] == date(2026, 11, 22)


def test_streak_reply_has_the_streak_the_longest_and_the_badges(app, clock):
    parent = household(app, "+12125550309", "Maya", "2025-05-01")
    assert parent.say("streak") == "No streak yet - log a meal today to start one!"
    past_meals(app, "Maya", [date(2026, 11, n) for n in range(1, 9)] + [date(2026, 11, 20), date(2026, 11, 21)])
    parent.say("Maya had a banana")
    reply = parent.say("streak")
    assert reply.startswith("You're on a 3-day logging streak (longest 8 days).")
    assert "Badges: first meal logged; 3-day streak; 7-day streak; Maya tried 10 different foods." in reply
    clock.advance(days=1)
    assert "Log something today to keep it going." in parent.say("my streak")
    clock.advance(days=1)
    assert parent.say("streak").startswith("No streak right now (longest 8 days)")


def test_streak_counts_midnight_in_the_households_zone(app, clock):
    parent = household(app, "+12125550310", "Maya", "2025-05-01")  # New York
    clock.now = datetime(2026, 11, 23, 2, tzinfo=timezone.utc)  # 21:00 on the 22nd in New York
    parent.say("Maya had a banana")
    clock.now = datetime(2026, 11, 23, 13, tzinfo=timezone.utc)  # 08:00 on the 23rd, the same UTC day
    assert "2-day streak!" in parent.say("Maya had oatmeal")
    clock.now = datetime(2026, 11, 23, 23, tzinfo=timezone.utc)  # 18:00 on the 23rd
    assert "2-day streak!" in parent.say("Maya had peas")  # a third meal on a logged day adds nothing

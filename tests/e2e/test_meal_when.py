"""When a texted meal was eaten, through the signed webhook: a clock time or "noon" names the meal,
"last night" and "yesterday" put it on the day it was eaten, and a new meal is never taken as the
meaning of a word the bot asked about."""
from __future__ import annotations

from datetime import timedelta

from storage.meals import Meal
from tests.support import all_rows, household


def last_meal(app) -> Meal:
    return all_rows(app, Meal, load=("items",))[-1]


def test_a_told_time_names_the_meal(app, clock):
    parent = household(app, "+12125550501", "Maya", "2025-03-10")  # the clock says mid-morning in New York
    assert parent.say("nanny gave her mac and cheese and apple slices at noon").startswith("Logged Maya's lunch")
    assert parent.say("she had a bowl of oatmeal around 7:30 am").startswith("Logged Maya's breakfast")
    assert parent.say("3 crackers and some cheese @ 3pm").startswith("Logged Maya's snack")
    assert parent.say("a banana at 6").startswith("Logged Maya's breakfast")  # no am/pm: the clock decides


def test_a_part_of_the_day_names_the_meal(app, clock):
    parent = household(app, "+12125550504", "Maya", "2025-03-10")
    clock.advance(hours=4)  # early afternoon in New York
    assert parent.say("my husband made pancakes this morning, she ate 2").startswith("Logged Maya's breakfast")
    assert parent.say("2 crackers and a cheese stick").startswith("Logged Maya's lunch")  # nothing said: the clock


def test_last_night_and_yesterday_go_on_the_day_they_were_eaten(app, clock):
    parent = household(app, "+12125550502", "Maya", "2025-03-10")
    reply = parent.say("last night she had 1/4 cup of rice and some peas")
    assert reply.startswith("Logged Maya's dinner from yesterday:") and "Today so far" not in reply
    meal = last_meal(app)
    today = clock().astimezone(meal_zone()).date()
    assert meal.local_date == today - timedelta(days=1)
    reply = parent.say("yesterday at daycare she had 2 crackers and a banana for snack")
    assert reply.startswith("Logged Maya's snack from yesterday:")
    reply = parent.say("half a banana for breakfast")
    assert reply.startswith("Logged Maya's breakfast:") and last_meal(app).local_date == today
    assert "1 meal (breakfast)" in parent.say("what did she eat today")  # yesterday's two are not today's


def test_a_new_meal_is_not_what_an_unknown_word_meant(app):
    parent = household(app, "+12125550503", "Maya", "2025-03-10")
    assert "what is it?" in parent.say("zorbleflips and a banana")
    reply = parent.say("she had oatmeal for breakfast")
    assert reply.startswith("Logged Maya's breakfast: oatmeal") and "zorbleflips" in reply  # asked again
    meals = all_rows(app, Meal, load=("items",))
    assert len(meals) == 2 and [i.name for i in meals[-1].items] == ["oatmeal"]
    reply = parent.say("zucchini noodles")  # the plain answer still fits the question
    assert "zucchini noodles" in reply and len(all_rows(app, Meal)) == 2


def meal_zone():
    from zoneinfo import ZoneInfo

    return ZoneInfo("America/New_York")

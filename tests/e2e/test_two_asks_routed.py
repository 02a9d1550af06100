"""Two asks in one message through the signed webhook: a meal beside a look at the record, and the look
back beside the plan ahead, each answered in one reply. Texts written for these tests."""
from __future__ import annotations

from storage.meals import Meal
from tests.support import all_rows, household


def test_a_meal_and_a_look_at_the_record_are_logged_and_answered_together(app):
    parent = household(app, "+12125550301", "Maya", "2025-03-01")
    streak = parent.say("snack was apple slices and cheese ✅ is my streak still going?")
    assert streak.startswith("Logged Maya's snack") and "streak" in streak.split("\n\n", 1)[1]
    summary = parent.say("dinner was lentil soup. how's her iron looking this week?")
    assert summary.startswith("Logged Maya's dinner") and "Maya this week" in summary
    assert len(all_rows(app, Meal)) == 2


def test_the_week_looked_back_on_and_the_next_one_planned_in_one_reply(app):
    parent = household(app, "+12125550301", "Maya", "2025-03-01")
    parent.say("she had oatmeal and a banana for breakfast")
    reply = parent.say("what did she have this week? then plan next week around what she missed")
    assert reply.startswith("Maya this week") and "7-day plan for Maya" in reply


def test_a_story_with_a_question_and_no_food_to_log_gets_the_answer_alone(app):
    # Read as a meal and a question, the story names no food eaten today: "nothing to log" beside the
    # answer is noise, and nothing is stored.
    parent = household(app, "+12125550301", "Maya", "2025-03-01")
    reply = parent.say("we had a scare last month, DD choked on a sausage round at a bbq and I had to do back blows, "
                       "it popped out and she was totally fine after. she loves sausage and my husband wants to give "
                       "it again this weekend, how do I serve it now?")
    assert "I don't see a food to log" not in reply and "Source:" in reply, reply
    assert all_rows(app, Meal) == []


def test_a_setting_beside_another_ask_is_read_from_its_own_clause(app):
    # The time is in the first clause; the words after it ("and what's my streak?") are another request.
    parent = household(app, "+12125550301", "Maya", "2025-03-01")
    reply = parent.say("remind me at 8:30pm. and what's my streak?")
    assert "8:30 PM" in reply and "streak" in reply, reply
    assert "8:30 PM" in parent.say("settings")

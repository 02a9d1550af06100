"""Issue 10, third round, through the signed webhook: meals texted with text-speak, asides, what went
down of a jar, amounts per piece and dishes joined across "&" and "with"."""
from __future__ import annotations

from storage.meals import Meal
from tests.support import all_rows, household


def last_items(app) -> dict[str, float]:
    meal = all_rows(app, Meal, load=("items",))[-1]
    return {i.name: i.grams for i in meal.items}


def test_text_speak_and_chatter_log_only_the_foods(app):
    parent = household(app, "+12125550401", "Maya", "2025-06-01")
    reply = parent.say("she had like half a banana n maybe 3 spoonfulls of oatmeal b4 daycare")
    assert reply.startswith("Logged Maya's") and "didn't catch" not in reply
    assert set(last_items(app)) == {"banana", "oatmeal"}
    reply = parent.say("ok so lunch was 1 slice turkey, 3 ritz, and... that's it. she's on strike")
    assert "didn't catch" not in reply and set(last_items(app)) == {"turkey", "ritz"}


def test_what_went_down_of_a_jar_is_what_counts(app):
    parent = household(app, "+12125550402", "Maya", "2025-06-01")
    reply = parent.say("gerber prunes at daycare... she ate half the little 2.5 oz tub")
    assert "35 g of 71 g" in reply and "didn't catch" not in reply


def test_each_and_fillings(app):
    parent = household(app, "+12125550403", "Maya", "2025-06-01")
    parent.say("thawed 3 cubes of squash (ice cube tray, about 1oz each), she ate 2 of them")
    assert last_items(app) == {"squash": 56.7}
    parent.say("3 potato & cheese pierogi")
    assert last_items(app) == {"pierogi": 114.0}

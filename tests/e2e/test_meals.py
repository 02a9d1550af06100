"""Meal logging through the signed webhook: nutrients, corrections, undo, summaries, safety flags."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from storage.meals import AllergenExposure, Meal
from tests.support import all_rows, household


def meals(app) -> list[Meal]:
    return all_rows(app, Meal, load=("items",))


def test_a_meal_is_logged_with_iron_for_a_baby(app):
    parent = household(app, "+12125550180", "Maya", "2026-02-01")  # 9 months
    reply = parent.say("Maya had 1/2 cup oatmeal and a banana")
    assert reply.startswith("Logged Maya's")
    assert "oatmeal" in reply and "banana" in reply and "iron" in reply.lower()
    assert "First time trying" in reply
    [meal] = meals(app)
    assert len(meal.items) == 2 and meal.nutrients["kcal"] > 100
    assert all(i.ndb_no for i in meal.items)


def test_second_time_is_not_new_and_streak_grows(app, clock):
    parent = household(app, "+12125550181", "Maya", "2026-02-01")
    parent.say("a banana")
    clock.advance(days=1)
    reply = parent.say("a banana")
    assert "First time" not in reply and "2-day streak" in reply
    assert "2-day logging streak" in parent.say("what's my streak?")


def test_unknown_words_are_asked_about(app):
    parent = household(app, "+12125550182", "Maya", "2026-02-01")
    reply = parent.say("2 zorbleflips")
    assert "I didn't catch 'zorbleflips'" in reply
    follow = parent.say("zucchini noodles")
    assert follow.startswith("Logged Maya's")


def test_correction_replaces_the_last_meal(app):
    parent = household(app, "+12125550183", "Maya", "2026-02-01")
    parent.say("1 egg")
    reply = parent.say("actually it was 2 eggs")
    assert reply.startswith("Fixed Maya's")
    [meal] = meals(app)
    assert len(meal.items) == 1 and meal.items[0].grams > 80


def test_undo_removes_the_last_meal(app):
    parent = household(app, "+12125550184", "Maya", "2026-02-01")
    parent.say("a banana")
    parent.say("1/2 cup peas")
    reply = parent.say("undo")
    assert reply.startswith("Removed Maya's") and "peas" in reply
    assert len(meals(app)) == 1
    parent.say("undo")
    assert "nothing to undo" in parent.say("undo")


def test_summary_for_today(app):
    parent = household(app, "+12125550185", "Maya", "2026-02-01")
    parent.say("breakfast: 1/2 cup oatmeal and a banana")
    parent.say("lunch: 2 tbsp hummus and 1/4 cup peas")
    reply = parent.say("summary")
    assert reply.startswith("Maya today: 2 meals")
    assert "fruits" in reply and "Below reference" in reply


SAFETY = [
    ("2026-03-01", "a spoon of honey", "honey"),
    ("2026-03-01", "4 oz apple juice", "juice"),
    ("2026-03-01", "a cup of whole milk", "milk"),
    ("2024-06-01", "she had some whole grapes", "quarter"),
    ("2024-06-01", "a handful of popcorn", "popcorn"),
    ("2024-06-01", "he ate a hot dog", "hot dog"),
    ("2024-06-01", "2 oz swordfish for dinner", "mercury"),
    ("2025-09-01", "he had 2 chocolate chip cookies", "sugar"),
    ("2025-09-01", "she ate some potato chips", "salt"),
]


@pytest.mark.parametrize("born, text, words", SAFETY)
def test_safety_flags(app, born, text, words):
    parent = household(app, "+12125550186", "Maya", born)
    reply = parent.say(text)
    assert reply.startswith("Logged")
    assert words in reply.lower()


def test_quartered_grapes_are_not_flagged(app):
    parent = household(app, "+12125550187", "Maya", "2024-06-01")
    reply = parent.say("quartered grapes")
    assert reply.startswith("Logged") and "lengthwise" not in reply and "choking" not in reply.lower()


def test_allergen_from_the_profile_is_flagged_and_exposure_recorded(app):
    parent = household(app, "+12125550188", "Maya", "2025-06-01", "--allergy", "egg")
    reply = parent.say("scrambled eggs and toast")
    assert "egg" in reply.lower() and "allerg" in reply.lower()
    with app.extensions["tinytummy"].sessions() as s:
        assert {e.allergen for e in s.scalars(select(AllergenExposure))} >= {"egg", "wheat"}


def test_two_children_in_one_household(app):
    parent = household(app, "+12125550189", "Maya", "2025-06-01")
    parent.say("add a child")
    parent.say("Leo")
    parent.say("2023-01-01")
    parent.say("none")
    assert "Who was that for?" in parent.say("a banana")
    assert parent.say("for Leo: a banana").startswith("Logged Leo's")
    assert parent.say("Maya had 1/2 cup peas").startswith("Logged Maya's")
    assert {m.child_id for m in meals(app)} and len(meals(app)) == 2


def test_a_meal_sent_during_onboarding_is_kept_and_logged(app, phone):
    phone.say("hi")
    phone.say("Maya")
    assert phone.say("she had a banana").startswith("Logged Maya's")
    phone.say("9 months")
    assert len(meals(app)) == 1


def test_a_meal_before_the_name_is_logged_when_onboarding_finishes(app, phone):
    reply = phone.say("Maya had 1/2 cup oatmeal")
    assert "kept that meal" in reply
    for text in ("Maya", "9 months", "none", "default"):
        reply = phone.say(text)
    reply = phone.say("Eastern")
    assert "All set" in reply and "Logged Maya's" in reply
    assert len(meals(app)) == 1


def test_a_correction_led_by_fix_changes_the_last_meal_instead_of_logging_another(app):
    parent = household(app, "+12125550193", "Maya", "2026-02-01")
    parent.say("3 eggs")
    assert parent.say("fix the last one, 2 eggs not 3").startswith("Fixed Maya's")
    assert len(meals(app)) == 1


@pytest.mark.parametrize("first, fix", [("4 oz formula", "she had milk not formula"),
                                        ("oatmeal and a banana", "wrong! it was a pear"),
                                        ("1/2 cup pasta", "not pasta, rice")])
def test_a_short_message_that_sets_the_last_meal_straight_fixes_it(app, first, fix):
    parent = household(app, "+12125550194", "Maya", "2026-02-01")
    parent.say(first)
    assert parent.say(fix).startswith("Fixed Maya's")
    assert len(meals(app)) == 1


def test_correction_wins_even_when_it_reads_like_a_meal(app):
    parent = household(app, "+12125550190", "Maya", "2026-02-01")
    parent.say("2 tbsp peas")
    assert parent.say("actually it was 3 tbsp peas").startswith("Fixed Maya's")
    assert len(meals(app)) == 1


def test_llm_reads_what_the_local_parser_could_not(database_url, clock, tmp_path, chroma_path):
    from tests.fakes.openai_server import FakeOpenAI
    from tests.support import build_app, truncate_all

    with FakeOpenAI('{"items": [{"food": "zucchini", "amount": 0.5, "unit": "cup"}]}') as fake:
        app = build_app(database_url, clock, tmp_path, env={"CHROMA_PATH": chroma_path, "OPENAI_API_KEY": "sk-t",
                                                            "OPENAI_BASE_URL": fake.base_url})
        try:
            parent = household(app, "+12125550191", "Maya", "2026-02-01")
            reply = parent.say("she had 1/2 cup zoodles")
            assert reply.startswith("Logged Maya's") and "zoodles" in reply  # the parent's own word
            [meal] = meals(app)
            item = meal.items[0]
            assert "zucchini" in item.description.lower() and 40 < item.grams < 130  # weighed by SR28
        finally:
            truncate_all(app.extensions["tinytummy"].engine)

"""The safety pass through the signed webhook: emergencies first in any state, flags on any reply,
and the reaction guardrail from report to clearance."""
from __future__ import annotations

from sqlalchemy import select

from storage.meals import Meal, MealItem
from storage.models import Conversation, Person, Reaction
from tests.support import all_rows, household


def _set_step(app, number: str, step: str, data: dict) -> None:
    with app.extensions["tinytummy"].sessions() as s, s.begin():
        person = s.scalars(select(Person).where(Person.phone == number)).one()
        conv = s.get(Conversation, person.id)
        conv.step, conv.data = step, data


def test_a_seizure_described_in_a_pending_step_gets_the_number_first(app):
    parent = household(app, "+12125550401", "Maya", "2025-09-01")
    parent.say("2 zorbleflips")
    reply = parent.say("she's shaking all over, her eyes rolled back and she won't respond to me")
    assert reply.startswith("Call 911 now.")
    assert all_rows(app, Meal) == []


def test_an_allergen_in_a_story_is_flagged(app):
    parent = household(app, "+12125550402", "Leo", "2024-05-01", "--allergy", "peanut")
    reply = parent.say("he had a pb&j at a friends house 😬 he seems fine")
    flag = next(line for line in reply.splitlines() if "allergy list" in line)
    assert "peanut" in flag and "may contain" not in flag  # a PB&J surely has peanut: no "may"


def test_honey_in_a_question_is_flagged(app):
    parent = household(app, "+12125550403", "Ava", "2026-04-10")  # 7 months
    reply = parent.say("my MIL gave her a little honey on her pacifier to help with teething is that ok")
    assert "Honey isn't safe before 12 months" in reply


def test_a_meal_during_the_time_zone_question_is_logged_flagged_and_the_question_asked_again(app):
    parent = household(app, "+12125550404", "Ava", "2026-01-10")  # 10 months
    _set_step(app, parent.number, "onboarding.timezone", {"zones": ["America/New_York", "America/Chicago"]})
    reply = parent.say("she had yogurt with honey this morning")
    assert "Logged Ava's" in reply and "Honey isn't safe" in reply and "time zone" in reply
    reply = parent.say("how much benadryl can I give her")
    assert "pediatrician" in reply and "time zone" in reply


def test_a_reaction_is_kept_flagged_and_cleared(app):
    parent = household(app, "+12125550405", "Sofia", "2026-01-10")
    reply = parent.say("wait she had egg yesterday and got a rash around her mouth, is that an allergy?")
    assert "reacted to egg" in reply and "pediatrician or an allergist" in reply
    assert not reply.startswith(("Logged", "Fixed"))
    assert all_rows(app, MealItem) == []  # no "rash" stored as radishes, no meal at all
    [reaction] = all_rows(app, Reaction)
    assert reaction.food == "egg" and "rash" in reaction.symptoms and reaction.cleared_at is None
    assert "reacted to egg before" in parent.say("is it ok to give her eggs again?")
    logged = parent.say("she had scrambled eggs at lunch")
    assert logged.startswith("Logged") and "reacted to egg before" in logged
    assert "off the watch list" in parent.say("the allergist cleared her for eggs today!")
    assert "reacted to egg" not in parent.say("she had scrambled eggs at dinner")


def test_a_symptom_question_is_a_question_not_a_correction(app):
    parent = household(app, "+12125550406", "Sofia", "2026-01-10")
    parent.say("1 egg")
    reply = parent.say("her poop is green after spinach is that normal")
    assert not reply.startswith(("Fixed", "Logged", "Removed"))
    assert len(all_rows(app, Meal)) == 1


def test_an_opted_out_parent_gets_no_flags(app):
    parent = household(app, "+12125550407", "Ava", "2026-04-10")
    parent.say("STOP")
    assert parent.send("honey in yogurt") == []


def test_a_reaction_told_as_what_happened_next_is_recorded(app):
    parent = household(app, "+12125550406", "Nora", "2026-04-02")
    parent.say("toast with butter")  # wheat and milk are in her diet already
    reply = parent.say("tried cashew butter on toast for the first time this morning and now she has red blotches "
                       "on her cheeks, no swelling and she's playing happily. what should I do?")
    assert "reacted to cashew" in reply and "pediatrician or an allergist" in reply
    reactions = {r.food: r.symptoms for r in all_rows(app, Reaction)}
    assert reactions["cashew butter"] == "blotches"  # "no swelling" is not a symptom
    assert "toast" not in reactions  # she eats toast: the new allergen is the suspect


def test_vomiting_hours_after_a_food_names_fpies_and_records_only_that_food(app):
    parent = household(app, "+12125550408", "Ivy", "2026-04-02")
    reply = parent.say("she had rice cereal and banana for breakfast, about 2 hours later she threw up "
                       "over and over and was really pale. shes ok now")
    assert "FPIES" in reply and "pediatrician" in reply
    assert {r.food for r in all_rows(app, Reaction)} == {"rice cereal", "banana"}
    reply = parent.say("he got hives right after the scrambled egg and a bit of toast")
    assert "FPIES" not in reply  # minutes, not hours: hives are not FPIES


def test_an_allergy_named_before_kid_is_not_a_child_called_egg(app):
    parent = household(app, "+12125550409", "Leo", "2023-05-01", "--allergy", "egg")
    reply = parent.say("egg allergy kid at a birthday party and he grabbed a cupcake and ate most of it")
    assert "child called" not in reply and "egg" in reply.lower()


def test_a_symptom_told_beside_a_meal_is_answered_and_the_meal_logged(app):
    parent = household(app, "+12125550711", "Maya", "2025-05-10")
    reply = parent.say("only milk today and like 3 puffs. sick w a cold")
    assert "Logged Maya's" in reply and "puffs" in reply
    assert [i.name for m in all_rows(app, Meal, load=("items",)) for i in m.items] == ["milk", "puffs"]
    reply = parent.say("she has a rash on her cheeks, is it eczema?")  # a symptom alone logs nothing
    assert "Logged" not in reply and len(all_rows(app, Meal)) == 1

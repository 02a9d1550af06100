"""Parents as they really write, through the signed webhook: two things in one message, long
questions, commands that must not fire on questions, and messages in another language."""
from __future__ import annotations

import pytest

from storage.meals import Meal, MealItem
from storage.models import Child, Person
from tests.support import Phone, all_rows, household


def kids(app) -> dict[str, Child]:
    return {c.name: c for c in all_rows(app, Child, load=("allergies", "dislikes"))}


def profile_of(app) -> dict:
    """Everything a profile command could change, to compare before and after."""
    return {name: (c.birth_date, sorted(a.name for a in c.allergies), sorted(d.name for d in c.dislikes))
            for name, c in kids(app).items()}


def foods_logged(app) -> list[str]:
    return sorted(item.name for item in all_rows(app, MealItem))


def test_a_meal_and_a_question_are_logged_and_answered_in_one_reply(app):
    parent = household(app, "+12125550301", "Maya", "2026-03-01")  # 9 months
    reply = parent.say("Maya had scrambled eggs and toast for breakfast. Is it ok to give her eggs every day?")
    logged, answer = reply.split("\n\n", 1)
    assert logged.startswith("Logged Maya's breakfast:") and "egg" in logged
    assert "egg" in answer.lower() and "Source: " in answer
    assert len(all_rows(app, Meal)) == 1
    assert any("egg" in name for name in foods_logged(app))


def test_a_question_first_then_the_meal_answers_first_and_still_logs(app):
    parent = household(app, "+12125550302", "Leo", "2025-01-15")  # 22 months
    reply = parent.say("how much milk should he drink a day? he had 2 cups of whole milk and a banana today")
    answer, logged = reply.split("\n\n", 1)
    assert "Source: " in answer and "milk" in answer.lower()
    assert logged.startswith("Logged Leo's") and "banana" in logged
    assert "banana" in " ".join(foods_logged(app))


def test_question_words_are_not_logged_as_foods(app):
    parent = household(app, "+12125550303", "Ava", "2026-02-01")
    reply = parent.say("she had 2 bites of salmon at dinner, is gagging normal?")
    assert reply.startswith("Logged Ava's dinner:") and "didn't catch" not in reply
    assert [name for name in foods_logged(app) if "salmon" not in name] == []


LONG_QUESTIONS = [
    "My daughter is 6 months old and has been dealing with severe eczema. Our doctor mentioned "
    "starting peanut early but I'm honestly scared. How should we introduce it?",
    "The grandparents got the little one a chocolate Easter egg and want to give it to her this "
    "weekend. She's 10 months. Is a bit of chocolate ok or should I say no?",
    "so my MIL keeps telling me to put rice cereal in his bottle so he sleeps better and I don't "
    "think that's right but I don't want to argue without knowing, is it safe?",
    "How lumpy should the food be? When do you give a baby toast fingers?",
]


@pytest.mark.parametrize("text", LONG_QUESTIONS)
def test_long_story_questions_are_answered_not_routed_to_commands(app, text):
    parent = household(app, "+12125550304", "Sam", "2026-01-20", "--allergy", "egg")
    before = profile_of(app)
    reply = parent.say(text)
    assert "Source: " in reply or "don't have guidance" in reply
    for command_reply in ("Updated", "meal plans", "caregivers", "Logged"):
        assert command_reply not in reply
    assert profile_of(app) == before
    assert all_rows(app, Meal) == []


COMMAND_LOOKALIKES = [
    "when should we introduce peanut?",
    "can he have nuts",
    "she's 11 months, can she have honey yet?",
    "my son is allergic to milk, what can he drink instead?",
    "not sure if she can have strawberries, she's allergic to kiwi",
    "we're planning to stop formula at 12 months, is that the right time?",
    "what foods are high in iron?",
    "what finger foods for 8 month old",
    "can my husband give her juice?",
    "remind me, how much water should a 1 year old have?",
    "is my 2 year old's diet ok if she only eats pasta?",
]


@pytest.mark.parametrize("text", COMMAND_LOOKALIKES)
def test_questions_never_change_the_profile_or_fire_commands(app, text):
    parent = household(app, "+12125550305", "Sam", "2025-12-01", "--allergy", "kiwi", "--reminder", "19:30")
    before = profile_of(app)
    [person_before] = all_rows(app, Person)
    reply = parent.say(text)
    assert profile_of(app) == before
    [person_after] = all_rows(app, Person)
    assert (person_after.reminder_time, person_after.reminders_on) == (person_before.reminder_time,
                                                                       person_before.reminders_on)
    for command_reply in ("Updated", "Added", "Removed", "meal plans", "caregivers", "Reminders"):
        assert command_reply not in reply
    assert "Source: " in reply or "don't have guidance" in reply or "pediatrician" in reply


def test_an_explicit_profile_request_still_changes_the_profile(app):
    parent = household(app, "+12125550306", "Sam", "2025-12-01")
    parent.say("Sam is allergic to sesame")
    assert profile_of(app)["Sam"][1] == ["sesame"]


def test_spanish_gets_a_kind_spanish_reply_and_nothing_changes(app):
    parent = household(app, "+12125550307", "Sofia", "2025-09-01")
    before = profile_of(app)
    reply = parent.say("puede tomar leche de vaca mi bebe de 14 meses?")
    assert "inglés" in reply and "911" in reply
    assert profile_of(app) == before and all_rows(app, Meal) == []


def test_a_new_parent_writing_in_spanish_is_answered_in_spanish_over_whatsapp(app):
    phone = Phone(app, "+34612345678", channel="whatsapp")
    reply = phone.say("Hola, mi hija tiene 8 meses y no quiere comer verduras, qué hago?")
    assert "inglés" in reply and "112" in reply and "What's your child's" not in reply


def test_an_emergency_in_a_spanish_message_still_gets_the_emergency_answer_first(app):
    parent = household(app, "+12125550308", "Sofia", "2025-09-01")
    reply = parent.say("ayuda! she is choking, no puede respirar")
    assert reply.startswith("Call 911 now.")


def test_english_with_a_spanish_dish_is_still_english(app):
    parent = household(app, "+12125550309", "Sofia", "2025-09-01")
    reply = parent.say("arroz con pollo for dinner, she loved it")
    assert "inglés" not in reply


def test_stop_asked_in_spanish_unsubscribes_and_says_so_in_spanish(app):
    from storage.models import Person

    parent = household(app, "+12125550310", "Sofia", "2025-09-01")
    reply = parent.say("por favor dejen de enviarme mensajes")
    assert "ya no recibir" in reply and "mensajes" in reply  # SMS folds accents to GSM-7
    [person] = all_rows(app, Person)
    assert person.opted_out_at is not None
    assert parent.send("mi bebé comió arroz") == []  # unsubscribed: nothing more is sent


def test_a_feeding_question_in_spanish_gets_the_english_answer_after_a_spanish_line(app):
    parent = household(app, "+12125550311", "Lucia", "2026-03-01")
    reply = parent.say("mi bebé puede comer miel? tiene 9 meses")
    assert "inglés" in reply and "911" in reply
    assert "12 months" in reply and "Source:" in reply


def test_a_spanish_message_the_guidelines_do_not_cover_keeps_the_kind_reply(app):
    parent = household(app, "+12125550312", "Lucia", "2026-03-01")
    reply = parent.say("hola, muchas gracias por todo, que tengan un buen día")
    assert "inglés" in reply and "Source:" not in reply

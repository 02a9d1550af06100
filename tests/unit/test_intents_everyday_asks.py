"""Things parents ask plainly that are not feeding: a hello before the real message, money, leaving,
coming back, who else can log, the channel and language, in English and the languages they write in,
and two asks in one message. Every text here was written for these tests."""
from __future__ import annotations

import numpy as np
import pytest

from bot import intents
from bot.intents import INTENTS, classify
from bot.message_parts import clauses


@pytest.mark.parametrize(
    "text, expected",
    [
        ("morning!! he had porridge and pear", ("log_meal", "greeting")),
        ("thank you! what did she eat yesterday?", ("summary", "greeting")),
        ("hey! can toddlers have popcorn?", ("question", "greeting")),
        ("Hello.\nwhat's my streak", ("streak", "greeting")),
        # run into the message, a hello only opens it
        ("hi, can toddlers have popcorn?", ("question",)),
        ("hey so I was wondering when he can have peanut butter", ("question",)),
    ],
)
def test_a_hello_said_on_its_own_before_something_else_is_kept_beside_it(text: str, expected: tuple) -> None:
    assert classify(text).intents == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("is this app free?", ("account",)),
        ("you charged me twice last month", ("account",)),
        ("please stop texting me and erase our data", ("opt_out", "account")),
        ("delete my data", ("account",)),  # erasing alone does not stop the messages
        ("texted stop by mistake, can I come back on?", ("opt_in",)),
    ],
)
def test_money_leaving_and_coming_back(text: str, expected: tuple) -> None:
    assert classify(text).intents == expected


@pytest.mark.parametrize(
    "text",
    ["could my dad get the texts too?", "is there a way for the babysitter to put in his dinner herself?"],
)
def test_asking_whether_someone_else_can_follow_or_log_is_the_caregiver_route(text: str) -> None:
    assert classify(text).intent == "caregiver"


def test_a_question_about_what_grandma_may_feed_is_still_a_question() -> None:
    assert classify("can grandma give her a little honey at 10 months?").intents == ("question",)


@pytest.mark.parametrize("text", ["can I have these on whatsapp instead?", "can you message me in french?"])
def test_asking_for_another_channel_or_language_is_settings(text: str) -> None:
    assert classify(text).intents == ("settings",)


@pytest.mark.parametrize(
    "text, intent",
    [
        ("kumain siya ng mangga kaninang tanghali", "log_meal"),  # Tagalog
        ("tối nay bé ăn cháo gà", "log_meal"),  # Vietnamese
        ("pourrais-tu me proposer un menu pour cette semaine ? il a 3 ans", "plan"),
        ("cảm ơn", "greeting"),
    ],
)
def test_short_lines_in_other_languages_get_the_intent_they_carry(text: str, intent: str) -> None:
    assert classify(text).intents == (intent,)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("logged dinner: fish and rice. is my streak still going?", ("log_meal", "streak")),
        ("add a pear for snack. can you show me how much fruit he had this week?", ("log_meal", "summary")),
        ("2 fish fingers for tea, and can I see what she had this week?", ("log_meal", "summary")),
        ("we just found out he's allergic to sesame, please put it on his profile. what bread can he eat?",
         ("profile", "question")),
        ("can you plan dinners for next week, and also is rice milk ok for a 2 year old?", ("plan", "question")),
    ],
)
def test_two_asks_in_one_message_are_both_found_in_the_order_written(text: str, expected: tuple) -> None:
    assert classify(text).intents == expected


def test_a_question_after_several_joining_words_is_its_own_clause() -> None:
    assert clauses("make a plan for the week, and also how much milk is enough") == [
        "make a plan for the week", "and also how much milk is enough"]


STORY = ("my in-laws are visiting and they keep telling me I'm doing it all wrong, at their house the kids got "
         "rice porridge with fish sauce from four months, and yesterday his grandma gave him some anyway. "
         "what is the actual advice on salt for a 10 month old?")


def _probs(**given: float) -> np.ndarray:
    probs = np.zeros(len(INTENTS))
    for intent, p in given.items():
        probs[INTENTS.index(intent)] = p
    return probs


def test_food_told_in_passing_in_a_long_story_is_background_unless_the_model_is_sure() -> None:
    assert intents.decide(_probs(question=0.99, log_meal=0.4), INTENTS, 0.6, STORY) == ("question",)
    assert set(intents.decide(_probs(question=0.99, log_meal=0.8), INTENTS, 0.6, STORY)) == {"question", "log_meal"}
    short = "his grandma gave him rice porridge with fish sauce, is that too salty for 10 months?"
    assert intents.decide(_probs(question=0.99, log_meal=0.4), INTENTS, 0.6, short) == ("log_meal", "question")


def test_asking_the_bot_for_a_plan_is_the_plan_even_when_a_meal_is_the_runner_up() -> None:
    text = "tu peux me préparer les repas de la semaine ?"
    assert intents.decide(_probs(question=0.9, log_meal=0.8, plan=0.5), INTENTS, 0.6, text) == ("plan",)

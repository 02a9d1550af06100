"""A command needs asking for: news that only mentions a caregiver, a birthday, a reminder or a plan
falls to the meal it reports or to an acknowledgement. Every text here was written for these tests."""
from __future__ import annotations

import pytest

from bot.intent_requests import asked_for
from bot.intents import classify


@pytest.mark.parametrize(
    "text",
    [
        "my aunt is coming to stay for the weekend",
        "the sitter starts on monday, fingers crossed",
        "it's his 2nd birthday party this sunday!",
        "her birthday is coming up soon",
        "auntie popped round with muffins",
    ],
)
def test_news_that_mentions_a_command_is_no_command(text: str) -> None:
    assert not set(classify(text).intents) & {"caregiver", "profile", "settings", "plan"}


def test_news_of_a_meal_given_by_someone_else_is_the_meal() -> None:
    assert classify("his uncle fed him spaghetti and meatballs for dinner").intent == "log_meal"


@pytest.mark.parametrize("text", ["popsicle at the park, he's 2", "mango lassi at nani's, she's 4 now"])
def test_foods_told_without_a_verb_are_the_meal(text: str) -> None:
    assert classify(text).intent == "log_meal"


@pytest.mark.parametrize(
    "intent, text",
    [
        ("profile", "his birthday is july 9"),
        ("profile", "born 04/02/2025"),
        ("profile", "she's 10 months now not 9"),
        ("profile", "he hates broccoli"),
        ("settings", "we relocated to seattle"),
        ("settings", "quiero cambiar el recordatorio"),
        ("caregiver", "take our old sitter off"),
        ("caregiver", "add my sister +1 212 555 0100"),
    ],
)
def test_a_statement_that_wants_a_change_still_asks_for_it(intent: str, text: str) -> None:
    assert asked_for(intent, text)


@pytest.mark.parametrize(
    "intent, text",
    [
        ("profile", "his birthday is next friday"),
        ("caregiver", "grandpa is here for the week"),
        ("settings", "daddy does bath time tonight"),
        ("caregiver", "can my brother give her yogurt?"),  # a question that only mentions someone
    ],
)
def test_a_mention_is_not_a_request(intent: str, text: str) -> None:
    assert not asked_for(intent, text)


@pytest.mark.parametrize("text", ["Unsub", "unsub unsub", "UNSUB!!"])
def test_the_short_form_of_unsubscribe_alone_opts_out(text: str) -> None:
    result = classify(text)
    assert (result.intent, result.source) == ("opt_out", "rule")

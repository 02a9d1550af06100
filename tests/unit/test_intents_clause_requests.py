"""A second request made in a clause of its own (the class blind set 6 missed most), in wordings written
for these tests (none is a line of a blind set). Rules and the shipped model, no LLM."""
from __future__ import annotations

import pytest

from bot.intent_clauses import parts
from bot.intents import classify


@pytest.mark.parametrize(
    "text, expected",
    [
        # written order: the first request leads
        ("change the reminder to 7am please. also how long is my streak?", ("settings", "streak")),
        ("she had pasta and peas for lunch. what's her total so far today?", ("log_meal", "summary")),
        ("invite my mum 555-201-3344. also move my reminder to 8pm please", ("caregiver", "settings")),
        ("can grandpa log for her too? btw she had porridge this morning", ("caregiver", "log_meal")),
        ("how do I log for both kids? btw Leo had pasta and Mia had rice", ("help", "log_meal")),
        # the meal told after an undo asked for is the one to log in its place
        ("scratch the last one, that was the wrong child. Mia had the porridge", ("undo", "log_meal")),
        # a profile note follows the plan or the meal it came with
        ("we found out he's allergic to sesame, note that on his profile and then make a plan for next week",
         ("plan", "profile")),
        ("he's vegan now, can you redo his plan for next week", ("plan", "profile")),
        ("dinner was fish fingers and peas. also fyi he's allergic to kiwi, the doctor confirmed it",
         ("log_meal", "profile")),
    ],
)
def test_a_request_in_a_clause_of_its_own_goes_beside(text: str, expected: tuple) -> None:
    assert classify(text).intents == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # an allergy told before a question is background, not a profile change
        ("My son is allergic to eggs. Can he have cake with egg baked into it?", ("question",)),
        # "how do I" about the command itself is the command, not HELP beside it
        ("the nanny wants to log too, how do I invite her", ("caregiver",)),
        ("what do i do, she only eats crackers", ("question",)),
    ],
)
def test_nothing_is_added_beside_a_single_request(text: str, expected: tuple) -> None:
    assert classify(text).intents == expected


def test_a_request_joined_by_and_is_a_clause_of_its_own() -> None:
    assert parts("update her age to 3 and give me a new plan") == ["update her age to 3", "give me a new plan"]
    assert parts("she had toast and jam") == ["she had toast and jam"]


def test_the_week_looked_back_on_leads_the_week_planned() -> None:
    assert classify("week recap please and then next week's meal plan").intents == ("summary", "plan")

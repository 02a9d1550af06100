"""Splitting a message that reports a meal and asks a question."""
from __future__ import annotations

import pytest

from bot.message_parts import asks, clauses, meal_part, question_part


@pytest.mark.parametrize(
    "text, meal, question",
    [
        ("she had 2 bites of salmon at dinner, is gagging normal?",
         "she had 2 bites of salmon at dinner", "is gagging normal?"),
        ("Leo had eggs for breakfast. How long should I watch for a reaction?",
         "Leo had eggs for breakfast.", "How long should I watch for a reaction?"),
        ("can she have eggs every day? she had 2 this morning",
         "she had 2 this morning", "can she have eggs every day?"),
        ("had pasta 🍝 also when can she have parmesan", "had pasta 🍝", "also when can she have parmesan"),
        ("ate prunes today - hopefully that helps", "ate prunes today", "hopefully that helps"),
    ],
)
def test_meal_and_question_parts(text: str, meal: str, question: str) -> None:
    assert meal_part(text) == meal
    assert question_part(text) == question


def test_a_plain_meal_or_plain_question_is_kept_whole() -> None:
    assert meal_part("2 eggs, toast and a banana") == "2 eggs, toast and a banana"
    assert question_part("2 eggs, toast and a banana") == "2 eggs, toast and a banana"
    assert meal_part("can she have honey?") == "can she have honey?"


def test_a_comma_list_of_foods_is_not_cut() -> None:
    assert clauses("chicken, rice, peas. is that enough protein?") == [
        "chicken, rice, peas.", "is that enough protein?"]


@pytest.mark.parametrize("clause", ["is it ok?", "wondering if eggs are fine", "not sure she can have honey",
                                    "so what about nuts", "how much milk"])
def test_asking_clauses(clause: str) -> None:
    assert asks(clause)


@pytest.mark.parametrize("clause", ["she had eggs", "dinner was fish", "what a mess lol she ate it all"[13:]])
def test_reporting_clauses(clause: str) -> None:
    assert not asks(clause)


@pytest.mark.parametrize(
    "text, expected",
    [  # written for this test
        ("le di arroz con pollo, ¿puede comer frijoles ya?", [("le di arroz con pollo", False),
                                                              ("¿puede comer frijoles ya?", True)]),
        ("he ate 3 pancakes lol is that too many", [("he ate 3 pancakes", False), ("is that too many", True)]),
        ("Quick question!! is tahini ok at 7 months", [("Quick question!!", True), ("is tahini ok at 7 months", True)]),
        # "which was ..." tells what the meal was; it asks nothing
        ("nursery said she ate her lunch, which was fish pie and peas", [
            ("nursery said she ate her lunch, which was fish pie and peas", False)]),
    ],
)
def test_clauses_cut_before_spanish_questions_and_laughs_not_relative_which(text: str, expected: list) -> None:
    assert [(c, asks(c)) for c in clauses(text)] == expected

"""What a second intent needs and which intent leads: `bot.intent_order` and `intents.decide`, as tables."""
from __future__ import annotations

import numpy as np
import pytest

from bot import intents
from bot.intent_order import asks_only_the_bot, first_clause_leader, meal_and_question_order, reports
from bot.intents import INTENTS


def _probs(**given: float) -> np.ndarray:
    probs = np.zeros(len(INTENTS))
    for intent, p in given.items():
        probs[INTENTS.index(intent)] = p
    return probs


def _no_food(clause: str) -> bool:
    return False


@pytest.mark.parametrize(
    "text, expected",
    [  # written for these tests, not taken from any corpus
        # a meal story that asks nothing is a meal, however much the model smells a question
        ("took her to the farmers market and she munched a whole peach and some bread, juice everywhere "
         "but she loved it", ("log_meal",)),
        ("first go with a chicken leg today, he gnawed at it for ages, proud mama moment", ("log_meal",)),
        # the one written first leads; a sign told before any eating makes the question lead
        ("she had yogurt for lunch and now has a few red spots on her chin, is that an allergy?",
         ("log_meal", "question")),
        ("red spots on her chin after lunch, she had yogurt. is that an allergy?", ("question", "log_meal")),
        # background first ("she only eats ...") is passed over: the question leads
        ("he only eats pasta, is that a problem? tonight he had pasta with butter", ("question", "log_meal")),
        ("I'm a bit worried he drinks too much juice, he had 3 cups today", ("question", "log_meal")),
        # a laugh before a question, or "quick question" first
        ("she ate a whole sleeve of crackers haha is that too much salt", ("log_meal", "question")),
        ("quick question - is cinnamon ok for babies? put some in her oatmeal this morning",
         ("question", "log_meal")),
        # a plan or a habit is not a meal to log
        ("we're starting eggs next week, how much should I give the first time?", ("question",)),
    ],
)
def test_a_meal_and_a_question_lead_as_written(text: str, expected: tuple) -> None:
    assert meal_and_question_order(text, _no_food) == expected


@pytest.mark.parametrize(
    "clause, told",
    [
        ("she had two pancakes this morning", True),
        ("he has eaten crackers every day this week at daycare", False),
        ("she won't eat anything green", False),
        ("hoy comió arroz con frijoles", True),
    ],
)
def test_eating_told_as_a_habit_is_not_a_report(clause: str, told: bool) -> None:
    assert reports(clause) is told


def test_habits_beside_a_question_need_the_model_sure_of_a_meal() -> None:
    text = "he has eaten crackers every day this week at daycare, how do I get him to eat dinner at home?"
    assert intents.decide(_probs(question=0.95, log_meal=0.4), INTENTS, 0.7, text) == ("question",)


@pytest.mark.parametrize(
    "text, probs, expected",
    [
        # a request to the bot is the command it asks for, not a question about it
        ("could you do a 5 day menu for my toddler?", {"question": 0.9, "plan": 0.85}, ("plan",)),
        ("can you send me a summary of this week please?", {"question": 0.8, "summary": 0.4}, ("summary",)),
        # ... while a question that mentions a plan stays a question
        ("can you freeze a meal plan's leftovers?", {"question": 0.9, "plan": 0.2}, ("question",)),
        # a meal with a command that was never asked for is the meal
        ("fish fingers and peas for tea", {"log_meal": 0.99, "plan": 0.8}, ("log_meal",)),
        ("she had toast. can you plan tomorrow for me", {"log_meal": 0.99, "plan": 0.8}, ("log_meal", "plan")),
        # an undo that leaves nothing to log is the undo alone
        ("delete that last one, he didn't actually eat any of it", {"undo": 0.95, "log_meal": 0.8}, ("undo",)),
    ],
)
def test_second_intents_need_what_they_stand_for(text: str, probs: dict, expected: tuple) -> None:
    assert intents.decide(_probs(**probs), INTENTS, 0.7, text) == expected


@pytest.mark.parametrize(
    "text, asked",
    [
        ("can you make me a shopping list?", True),
        ("could u set my reminder to 7pm", True),
        ("can you give babies water?", False),
        ("can you plan next week? and how much iron does she need", False),
    ],
)
def test_requests_to_the_bot(text: str, asked: bool) -> None:
    assert asks_only_the_bot(text) is asked


@pytest.mark.parametrize(
    "text, pair, expected",
    [
        ("add a sesame allergy for Zoe. is hummus ok then?", ("question", "profile"), ("profile", "question")),
        ("is hummus ok for Zoe? also add a sesame allergy", ("question", "profile"), ("question", "profile")),
        ("can you plan next week's lunches? and how much iron does she need", ("question", "plan"),
         ("plan", "question")),
        ("add a sesame allergy for Zoe and is hummus ok", ("question", "profile"), ("question", "profile")),
    ],
)
def test_two_intents_lead_by_the_first_clause(text: str, pair: tuple, expected: tuple) -> None:
    def score(clause: str) -> dict[str, float]:  # a stand-in model: commands start with "add"
        command = clause.lower().startswith("add")
        return {intent: (0.9 if (intent == "question") != command else 0.1) for intent in INTENTS}

    assert first_clause_leader(text, pair, score) == expected


@pytest.mark.parametrize("text", ["I texted stop by mistake, start again please", "oops hit stop, resume"])
def test_a_stop_sent_by_mistake_is_not_a_no(text: str) -> None:
    assert intents._explicit(("opt_in",), text) == ("opt_in",)


@pytest.mark.parametrize(
    "text, probs, expected",
    [  # a question about doing the command is the command; another question beside it stays
        ("my sister helps on weekends. how do I invite her so she can log too?",
         {"caregiver": 0.99, "question": 0.9}, ("caregiver",)),
        ("invite my sister 415 555 0100 please. and is honey ok for her to give him?",
         {"caregiver": 0.99, "question": 0.9}, ("caregiver", "question")),
        # a command with nothing asked is the command alone
        ("he's grown out of his egg allergy, the allergist said so!", {"profile": 0.99, "question": 0.8},
         ("profile",)),
    ],
)
def test_a_question_beside_a_command_needs_its_own_asking(text: str, probs: dict, expected: tuple) -> None:
    assert intents.decide(_probs(**probs), INTENTS, 0.7, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [  # eating told as the cause of a sign is not a meal to log; told apart, it is
        ("his cheeks went blotchy after he ate scrambled egg, what do I do?", ("question",)),
        ("blotchy cheeks after breakfast!! he had half a scrambled egg. what do I do", ("question", "log_meal")),
        ("should I worry? he had hummus at lunch and now has red spots by his mouth", ("question", "log_meal")),
    ],
)
def test_eating_told_as_the_cause_of_a_sign_is_not_logged(text: str, expected: tuple) -> None:
    assert meal_and_question_order(text, _no_food) == expected


@pytest.mark.parametrize("clause", ["ya no quiere comer verduras", "elle ne mange plus de viande"])
def test_not_eating_in_other_languages_is_not_a_report(clause: str) -> None:
    assert not reports(clause + " hoy")


@pytest.mark.parametrize("text", ["ayuda", "Aide!", "hilfe", "ajuda pls"])
def test_help_in_the_languages_we_answer_in_is_help(text: str) -> None:
    assert intents.classify(text) == intents.Classification("help", 1.0, "rule")

"""A second request made in a clause of its own: "move my reminder to 9pm please. and what's my streak at?".

The model reads the whole message and keeps one intent when the two requests pull apart; each clause
read alone is clear ("what's his total for today?" is the summary, "add that to her profile" the
profile). A clause the model is sure of on its own, that asks for its intent in its own words, adds
that intent beside the main one. What the parent wrote first leads, except that a profile note beside
a meal or a plan follows it ("she's allergic to eggs, add that, and then plan her week": the plan is
what they want back). Pure apart from the `score` callable the caller passes (the model per clause).
"""
from __future__ import annotations

import re
from collections.abc import Callable

from bot.intent_order import BOT_REQUEST, reports
from bot.intent_pairs import ANCHORS, COMBINABLE, STORY_WORDS, names_food
from bot.intent_requests import PROFILE_FACT, QUESTION_SHAPE, REQUESTS
from bot.message_parts import asks, clauses

Score = Callable[[str], dict[str, float]]

# How sure the model must be of a clause read alone; its clauses score near 0 or near 1, so anything
# from 0.5 to 0.8 picks the same clauses on the open sets. Set by judgement.
CLAUSE_SURE = 0.55
# Intents that may go beside each other this way: what the bot does for a message, and HELP.
_BESIDE = COMBINABLE | {"help"}
# HELP goes beside a meal only ("how do I log two kids at once? anyway, Ava had toast"): beside a question
# or a command, "how do I ..." asks about that thing ("the daycare teacher wants access, how do I invite her").
_HELP_BESIDE = frozenset({"log_meal"})
# Looked up rather than changed: asking is their request ("what's my streak at?", "how does this work?").
_LOOKUPS = frozenset({"summary", "streak", "help"})
# A request joined on with "and" inside one sentence ("update Ollie's age to 2 and give me a new plan").
_JOINED = re.compile(r"\s*,?\s+(?:and then|and also|and|also|then)\s+(?=(?:can|could|would|will|please|pls|give|make|"
                     r"plan|send|show|add|update|change|set|move|invite|tell|check|what|what's|whats|how)\b)", re.I)
# Profile notes follow what they go with: labels and replies put the meal or the plan first.
_FOLLOWS = {"profile": frozenset({"log_meal", "plan"})}
# A diet the child now keeps, told beside a meal or a plan ("she's vegetarian now, can you redo the plan").
_DIET = re.compile(r"\b(vegetarian|vegan|pescatarian|kosher|halal|dairy[- ]free|gluten[- ]free)\b")


def parts(text: str) -> list[str]:
    """The message's clauses, with requests joined on by "and" cut apart too."""
    return [piece.strip() for clause in clauses(text) for piece in _JOINED.split(clause) if piece.strip()]


def _requests(intent: str, clause: str, main: str) -> bool:
    """True when `clause` asks for `intent` in its own words, not only mentions it."""
    lowered = clause.lower()
    if intent == "question":
        return asks(clause) and not BOT_REQUEST.search(clause)
    if intent == "log_meal":
        return not asks(clause) and reports(clause) and names_food(clause)
    if intent in _LOOKUPS:
        return asks(clause) or bool(BOT_REQUEST.search(clause))
    request = REQUESTS.get(intent)
    if request is None:
        return False
    if request.search(lowered):
        return True
    # "also fyi she's allergic to eggs" beside a meal or a plan is a fact for the profile; beside a
    # question it is background
    told = bool(PROFILE_FACT.search(lowered) or _DIET.search(lowered)) and not QUESTION_SHAPE.search(lowered)
    return intent == "profile" and main in _FOLLOWS["profile"] and told


def with_clause_request(found: tuple[str, ...], text: str, score: Score) -> tuple[str, ...]:
    """`found` with the intent a clause of its own asks for beside its single main intent."""
    main = found[0]
    pieces = parts(text)
    # A story this long has one purpose; requests made clause by clause come in short messages.
    if len(found) != 1 or main not in _BESIDE or len(pieces) < 2 or len(text.split()) >= STORY_WORDS:
        return found
    main_told = False  # whether a clause of the main intent came before
    for clause in pieces:
        scores = score(clause)
        top = max(scores, key=scores.__getitem__)
        if top == main:
            main_told = True
            continue
        pair = {main, top}
        if (top not in _BESIDE or scores[top] < CLAUSE_SURE or pair == ANCHORS or (pair == {"log_meal", "undo"} and main != "undo")
                or ("help" in pair and not pair - {"help"} <= _HELP_BESIDE) or not _requests(top, clause, main)):
            continue
        if main in _FOLLOWS.get(top, ()):
            return (main, top)
        if top in _FOLLOWS.get(main, ()) or not main_told:
            return (top, main)  # written first, or the main intent has no clause of its own before it
        return (main, top)
    return found


def look_back_first(found: tuple[str, ...]) -> tuple[str, ...]:
    """The week looked back on leads the week planned ahead ("weekly summary pls, then a plan for next
    week"): the summary is what the plan is built on, so it is answered first however it was worded."""
    return ("summary", "plan") if set(found) == {"summary", "plan"} else found

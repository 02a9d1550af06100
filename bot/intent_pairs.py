"""Which one or two intents a message carries, from the model's probability for each intent.

`decide` keeps the main intent and at most one second intent the bot can act on beside it: a meal
and a question need a clause that reports and one that asks, a command needs its own words, the
look back and the plan ahead go together ("weekly summary, then a plan for next week"). Pure over
the probabilities and the text; `bot.intents` runs the model, `bot.intent_train` calibrates on this.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from bot.intent_order import (EATING, anything_asked, asks_only_the_bot, meal_and_question_order, reports,
                              reports_and_asks)
from bot.intent_requests import REQUESTS
from bot.message_parts import asks, asks_outright, clauses, question_part

# Two intents are acted on together only when both are things the bot does for a message and one
# of them is the meal or the question, or they are a pair of commands parents ask for together;
# "thanks, STOP" or "hi, delete my data" keep the main one.
COMBINABLE = frozenset({"log_meal", "question", "plan", "caregiver", "summary", "streak", "undo",
                        "settings", "profile"})
ANCHORS = frozenset({"log_meal", "question"})
# "what did she eat this week? then plan next week to fill the gaps": the look back and the plan ahead.
COMMAND_PAIRS = frozenset({frozenset({"summary", "plan"})})
# A meal and an undo together need the undo asked for ("delete the last one, Ava had the oatmeal");
# a correction alone is the meal it reports, which the undo route claims when there is one to fix.
_REMOVAL = re.compile(r"\b(undo|delete\w*|remove\w*|erase|scratch|get rid|cancel|ignore|"
                      r"take (it|that|them|the \w+) (off|out|back)|wrong (kid|child|baby|one|day))\b")
# A meal and a question together need less evidence than other pairs when the message is built
# that way: a clause that reports eating and another that asks. ANCHOR_THRESHOLD was chosen on dev.
ANCHOR_THRESHOLD = 0.5
STRUCTURE_FLOOR = 0.2  # set by judgement: on dev it changes one message either way
# A question told as a story this long ("we moved from Mexico... back home my mom gave us beans... what's
# the rule now?") carries a meal only when the model itself is sure: its foods are mostly background.
# Anything from 25 to 45 words scored the same on the open sets; 30 is where a message reads as a story.
STORY_WORDS = 30
# A meal with a clause of its own that asks, with a "?" ("comió arroz, ¿está bien...?") or by its
# first words ("she ate a bag of veggie straws, are those actually vegetables"), carries the question
# on much less: the model reads such messages weakly. Set by judgement.
MARKED_QUESTION_FLOOR = 0.05
# A request to the bot ("can you send me a summary?") takes the command the model found beside the
# question when it is at least this likely; set by judgement, well below the second-intent threshold.
BOT_REQUEST_FLOOR = 0.3
# "stop texting me and delete everything": both ways of leaving are kept, stopping first (the router
# acts on the opt-out alone, which tells how to erase). Each needs its own words.
_LEAVING = frozenset({"opt_out", "account"})
_STOP_ASKED = re.compile(r"\b(stop|quit|no more|don'?t) (text|messag|send|contact|whatsapp)\w*|\bunsubscribe\b")
_ERASE_ASKED = re.compile(r"\b(delete|erase|remove|wipe|forget)\b")
# Asking to see what was logged over a span, or how a nutrient has been ("how's her iron looking this
# week"), beside a meal: the meal is logged and the span summed up. Beside a plan only the looking back
# counts ("what did she eat this week? then plan next week"): "show me a plan for this week" shows a plan.
_SPAN = r"this week|today|so far|yesterday|this month|last \d+ days|lately|recently"
_NUTRIENT = r"iron|calcium|protein|fib(?:er|re)|zinc|vitamin \w+|veg\w*|fruits?|dairy|nutrition|diet|intake"
_LOOKS_BACK = re.compile(r"\b(what (has|did) (she|he|they) (had|eat|eaten|have)|"
                         r"how (much|many) \w+ (has|have|did) (she|he|they) (had|eaten|eat|have))\b"
                         rf".*\b({_SPAN})\b"
                         rf"|\bhow('?s| is| has| have| are)? (her|his|their) ({_NUTRIENT}) (been|looking|doing|going)\b"
                         r"|\b(weekly|week'?s|daily|day'?s) (summary|recap)\b")
_SEES_SPAN = re.compile(rf"\b(can i see|show me)\b.*\b({_SPAN})\b")
# Asking how to use the bot itself ("not sure how this works, do I text you every meal or at night?")
# is HELP, however much it reads like a feeding question.
_HOW_TO_USE = re.compile(r"\b((not sure|no idea|don'?t (know|get|understand)) how (this|it) works|"
                         r"do i (just )?(text|send|message|type) (you|u|what|every|each|after|at the end))\b")
# Asking after the streak beside a meal ("lunch chicken & rice ✅ still on a streak right?").
_STREAK_ASKED = re.compile(r"\b(streak\w*|in a row|badges?)\b")
# A plan beside a question needs asking for more than a day: "we're flying next week, what should I
# pack?" names a time, "can you put that into a plan for next week" asks for the plan.
_WHEN = re.compile(r"\b(tomorrow|tmrw|tonight|this week|next week|weekend|(mon|tues|wednes|thurs|fri|satur|sun)day|"
                   r"demain|mañana|amanhã|morgen|domani)\b")
COMMANDS = frozenset({"plan", "summary", "streak", "caregiver", "profile", "settings", "account", "undo"})

# Commands a meal message only carries when it asks for them; a profile fact ("she's allergic to
# eggs") is its own request.
_STATED_BY_REQUEST = frozenset({"plan", "settings", "caregiver", "account"})
_SPACES = re.compile(r"\s+")


def decide(probs: np.ndarray, intents: Sequence[str], threshold: float, text: str) -> tuple[str, ...]:
    """Pick the main intent and at most one compatible second intent from per-intent probabilities."""
    order = np.argsort(-probs)
    main, second = intents[order[0]], intents[order[1]]
    pair, p_second = {main, second}, float(probs[order[1]])
    if main == "question" and asks_only_the_bot(text):
        # "can you send me a summary of the week?" asks the bot to do it, even when the foods it names
        # make a meal the runner-up ("tu peux me proposer des idées de repas pour demain ?")
        command = max(COMMANDS, key=lambda intent: probs[intents.index(intent)])
        if probs[intents.index(command)] >= BOT_REQUEST_FLOOR:
            return (command,)
    if main == "question" and _HOW_TO_USE.search(text.lower()):
        return ("help",)  # "do I just text what my son eats every time, or at the end of the day?"
    asked = question_part(text).lower()
    if main == "log_meal" and (_LOOKS_BACK.search(asked) or _SEES_SPAN.search(asked)) and anything_asked(text):
        return ("log_meal", "summary")  # "add an apple for snack, and can I see her fruit this week?"
    if main == "plan" and _LOOKS_BACK.search(text.lower()):
        return ("plan", "summary")  # "how has his protein been, and can you plan dinners with more of it"
    if main in ("log_meal", "streak") and _STREAK_ASKED.search(asked) and anything_asked(text) and _meal_told(text):
        return ("log_meal", "streak")  # "logging dinner: chicken and rice. does that keep my streak going?"
    if pair == ANCHORS:
        return _meal_and_question(main, p_second, text)
    lowered = _SPACES.sub(" ", text.lower())
    if main in _LEAVING and _STOP_ASKED.search(lowered) and _ERASE_ASKED.search(lowered):
        return ("opt_out", "account")
    if p_second < threshold or not pair <= COMBINABLE or not (pair & ANCHORS or pair in COMMAND_PAIRS):
        return (main,)
    if pair == {"log_meal", "undo"}:
        if not _REMOVAL.search(lowered):
            return ("log_meal",)  # "sorry it was lunch not dinner": a correction is the meal it reports
        if not names_food(text):
            return ("undo",)  # "scratch that, she didn't eat it": nothing left to log
    if second == "question" and (not anything_asked(text) or _asks_only_how_to(main, text)):
        return (main,)  # "he's outgrown his milk allergy!" tells; a question needs something asked
    if main == "question" and not anything_asked(text):
        return (second,)  # "we're vegetarian, please set that on their profiles" asks for nothing
    if pair == {"question", "plan"} and main == "question" and not REQUESTS["plan"].search(_WHEN.sub(" ", lowered)):
        return (main,)  # "we're flying next week, what food should I pack?" is a question
    if "question" in pair and asks_only_the_bot(text):
        return (main if main != "question" else second,)
    if main == "log_meal" and second in _STATED_BY_REQUEST and not REQUESTS[second].search(lowered):
        return (main,)  # "tuna pasta bake for tea" logs dinner; a plan needs asking for
    if main == "plan" and second == "log_meal" and not EATING.search(lowered):
        return (main,)  # "dinner idea for tonight, I have eggs and tortillas": what is in the fridge, not a meal
    return (main, second)


def _asks_only_how_to(command: str, text: str) -> bool:
    """True when every question in `text` is about the command itself ("how do I add her so she can log?")."""
    request = REQUESTS.get(command)
    asking = [c.lower() for c in clauses(text) if asks(c)]
    return request is not None and bool(asking) and all(request.search(c) for c in asking)


def _meal_and_question(main: str, p_second: float, text: str) -> tuple[str, ...]:
    """A meal and a question: both only when a clause reports and one asks, in the order written."""
    marked = "?" in text or any(asks_outright(c) for c in clauses(text)[1:])
    floor = MARKED_QUESTION_FLOOR if main == "log_meal" and marked else STRUCTURE_FLOOR
    if main == "question" and len(text.split()) >= STORY_WORDS:
        floor = ANCHOR_THRESHOLD  # food told in passing in a long story is background, unless the model is sure
    if p_second < ANCHOR_THRESHOLD and not (p_second >= floor and reports_and_asks(text)):
        return (main,)
    return meal_and_question_order(text, names_food)


def names_food(clause: str) -> bool:
    """A clause naming a food ("few bites of steak strips and mashed potato"), not a household thing."""
    from knowledge.food_safety_scan import find_mentions

    return bool(find_mentions(clause))



def _meal_told(text: str) -> bool:
    """True when a clause that asks nothing reports a food eaten ("lunch chicken & rice ✅"), not only a
    day ("I forgot yesterday")."""
    return any(reports(c) and names_food(c) for c in clauses(text) if not asks(c))

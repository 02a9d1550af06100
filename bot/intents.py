"""Classify one inbound text into one or two of TinyTummy's intents.

Three stages, cheapest and surest first:
1. whole-message rules (carrier keywords, HELP, UNDO, invite codes, emoji-only: `bot.intent_rules`),
   confidence 1.0;
2. the trained model (`bot.intent_model`): one logistic regression per intent over the offline
   MiniLM embedding plus word features, so a message can carry two intents ("she had eggs, can
   she have honey?" is a meal and a question; which two are kept: `bot.intent_pairs`);
3. only when the model is unsure, an optional LLM callable the caller passes in.
Pure apart from the lazily loaded model: no Flask, no Twilio, no network.
"""
from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from bot.intent_clauses import look_back_first, with_clause_request
from bot.intent_order import BOT_REQUEST, COMMAND_CLAUSE, first_clause_leader
from bot.intent_pairs import ANCHORS, BOT_REQUEST_FLOOR, COMBINABLE, COMMAND_PAIRS, COMMANDS, decide, names_food
from bot.intent_requests import PROFILE_FACT, QUESTION_SHAPE, REQUESTS, UNSURE_COMMAND, asked_for
from bot.intent_rules import NEGATED, OPT_OUT_OBJECT, greeted, join_code, opens_with_start, whole_message
from bot.message_parts import clauses
from handlers import REGISTRY
from handlers.log_meal import HANDLED_NOT_EATEN

logger = logging.getLogger(__name__)

# The labels come from the handler registry: every route that asks to be classified.
INTENTS: tuple[str, ...] = REGISTRY.labels
PHRASES_PATH = Path(__file__).with_name("intent_phrases.tsv")
LLM_THRESHOLD = 0.55
# Words that say a food was eaten, not just brought or bought ("she brought cookies" feeds nobody yet).
_EATEN = re.compile(r"\b(ate|eat\w*|had|has|have|fed|feed\w*|tried|try\w*|drank|drink\w*|finished|gave|give\w*|"
                    r"snack\w*|breakfast|lunch|dinner|tea|supper|bites?|nursed|bottle)\b")
# How sure a statement demoted from an unasked command to an acknowledgement is: above the meal
# route's unsure figure (0.75), so a passing "stay" is not read as a list of foods ("satay").
TOLD_CONFIDENCE = 0.8

Llm = Callable[[str, list[str]], str | None]


@dataclass(frozen=True)
class Classification:
    """The intents found in a message (main first), how sure we are, and which stage chose."""

    intent: str  # the main intent
    confidence: float  # in [0, 1]; for "llm" it stays the (low) model figure that prompted asking
    source: str  # "rule" | "model" | "llm"
    intents: tuple[str, ...] = field(default=())  # main first; filled from `intent` when empty

    def __post_init__(self) -> None:
        if not self.intents:
            object.__setattr__(self, "intents", (self.intent,))


_SPACES = re.compile(r"\s+")
# Intents a hello said on its own goes beside ("START. hi again, we're back!").
_GREETED_BESIDE = COMBINABLE | {"help", "opt_in"}


def classify(text: str, llm: Llm | None = None) -> Classification:
    """Return the intents in `text`, asking `llm` only when the model is unsure."""
    ruled = _by_rule(text)
    if ruled is not None:
        return ruled
    guess = _by_model(text)
    if llm is None or guess.confidence >= LLM_THRESHOLD:
        return guess
    try:
        answer = llm(text, list(INTENTS))
    except Exception:  # the LLM is optional: a timeout must not lose the parent's message
        logger.warning("LLM intent fallback failed; keeping %s", guess.intent, exc_info=True)
        return guess
    if answer in INTENTS:
        return Classification(answer, guess.confidence, "llm")
    logger.info("ignoring LLM intent %r; keeping %s", answer, guess.intent)
    return guess


def _by_rule(text: str) -> Classification | None:
    """Apply the whole-message rules; None when none fits."""
    intent = whole_message(text)
    return None if intent is None else Classification(intent, 1.0, "rule")


def _by_model(text: str) -> Classification:
    """Score every intent with the trained model and keep the main one plus a compatible second."""
    from bot.intent_model import shipped_model
    from knowledge.embeddings import embed_question

    model = shipped_model()
    # The message's vector is computed once: retrieval and the answer composer look the same text up.
    probs = model.probabilities([text], embed_question(text.strip())[None, :])[0]
    if not OPT_OUT_OBJECT.search(text.lower()):
        probs[model.intents.index("opt_out")] = 0.0
    decided = decide(probs, model.intents, model.threshold, text)
    found = _explicit(decided, text)
    found = _requested_beside(found, text)
    if len(found) == 2 and set(found) != ANCHORS:  # the meal and the question were ordered by decide
        found = first_clause_leader(text, (found[0], found[1]), _clause_scores)
    found = look_back_first(with_clause_request(found, text, _clause_scores))
    if join_code(text) and found[0] != "caregiver":
        # "code 330918. Today he ate rice and beans": joining a log, and the meal or question beside it
        found = ("caregiver", *(intent for intent in found if intent in ANCHORS))[:2]
    if _unasked_command_over_food(found[0], float(probs[model.intents.index(found[0])]), text):
        found = ("log_meal",)
    if opens_with_start(text):
        found = ("opt_in",)
    if len(found) == 1 and found[0] in _GREETED_BESIDE and greeted(found[0], text):
        found = (found[0], "greeting")
    main = float(probs[model.intents.index(found[0])])
    runner_up = float(np.sort(probs)[-2]) if found[1:] == () else 0.0
    confidence = main * (1.0 - 0.5 * runner_up)  # a close second intent we did not keep lowers it
    if found[0] == "greeting" != decided[0] and probs[model.intents.index(decided[0])] >= UNSURE_COMMAND:
        # news the model was sure is about a command ("my aunt is coming to stay"): the request rule
        # decided, so neither the LLM nor the bare-food-list claim second-guesses it on greeting's low
        # figure; a command the model only guessed ("hmm 8ish maybe") stays unsure, for the LLM
        confidence = max(confidence, TOLD_CONFIDENCE)
    if _bare_command(found[0], text):
        confidence *= 0.5  # "Leo" or "peanuts" alone is more likely an answer than a command
    return Classification(found[0], round(min(1.0, confidence), 3), "model", found)


def _clause_scores(clause: str) -> dict[str, float]:
    """The model's probability of each intent for one clause of a message."""
    from bot.intent_model import shipped_model
    from knowledge.embeddings import embed_question

    model = shipped_model()
    probs = model.probabilities([clause], embed_question(clause.strip())[None, :])[0]
    return dict(zip(model.intents, (float(p) for p in probs)))


def _requested_beside(found: tuple[str, ...], text: str) -> tuple[str, ...]:
    """A clause of its own that asks the bot for something ("is it ok for a 1yo to be dairy free? if so can
    you make me a dairy free week of meals", "note she's dairy free now, does oat milk have enough
    calcium?"): the command that clause reads as goes beside the main intent."""
    parts = clauses(text)
    if len(found) != 1 or found[0] not in COMBINABLE or len(parts) < 2:
        return found
    for clause in parts:
        if not (BOT_REQUEST.search(clause) or COMMAND_CLAUSE.search(clause)):
            continue
        scores = _clause_scores(clause)
        command = max(COMMANDS, key=scores.__getitem__)
        pair = frozenset({found[0], command})
        if (command != found[0] and scores[command] >= BOT_REQUEST_FLOOR and (pair & ANCHORS or pair in COMMAND_PAIRS)
                and asked_for(command, clause.lower())):
            return (found[0], command)
    return found


def _explicit(found: tuple[str, ...], text: str) -> tuple[str, ...]:
    """Keep a command intent only when asked for: a question or a statement that merely mentions it
    ("can my husband give her honey?", "grandma is visiting") is a question, a meal or a hello."""
    lowered = _SPACES.sub(" ", text.strip().lower())
    kept = []
    for intent in found:
        if not asked_for(intent, lowered):
            intent = "question" if QUESTION_SHAPE.search(lowered) else _told(text)
        if intent == "opt_in" and NEGATED.search(lowered):
            intent = "opt_out"  # "don't message me again": the router confirms before acting
        if intent not in kept:
            kept.append(intent)
    return tuple(kept) or ("question",)


def _told(text: str) -> str:
    """What a statement with no request is: the meal it reports eaten, else news to acknowledge."""
    if not names_food(text):
        return "greeting"
    # "ice cream cone at the beach, she's 3" reports a meal without a verb; "she brought cookies" is news
    return "log_meal" if _EATEN.search(text.lower()) or not HANDLED_NOT_EATEN.search(text) else "greeting"


def _unasked_command_over_food(intent: str, prob: float, text: str) -> bool:
    """A command the model barely believes, with no request for it, in a text that names foods
    ("3rd birthday party, cake and ice cream"): the foods are what was said, so it is a meal.
    An allergy or age told ("she's allergic to eggs", "leo is 2 today") stays with its command."""
    request = REQUESTS.get(intent)
    if request is None or prob >= UNSURE_COMMAND:
        return False
    lowered = _SPACES.sub(" ", text.strip().lower())
    return (not request.search(lowered) and not PROFILE_FACT.search(lowered)
            and not QUESTION_SHAPE.search(lowered) and names_food(lowered))


def _bare_command(intent: str, text: str) -> bool:
    """A one- or two-word message the model reads as a command that names no request for it."""
    request = REQUESTS.get(intent)
    lowered = _SPACES.sub(" ", text.strip().lower())
    return request is not None and len(lowered.split()) <= 2 and not request.search(lowered)


def load_corpus(path: str | Path) -> list[tuple[tuple[str, ...], str]]:
    """Read `labels<TAB>text` lines (labels comma-separated, main first); skip blanks and `#`."""
    rows = []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        labels, _, text = line.partition("\t")
        found = tuple(label.strip() for label in labels.split(","))
        if not found or any(label not in INTENTS for label in found) or not text.strip():
            raise ValueError(f"{path}:{number}: bad line {line!r}")
        rows.append((found, text.strip()))
    return rows


def normalise_for_comparison(text: str) -> str:
    """Lowercase and drop punctuation (keeping emoji) to spot near-verbatim duplicate texts."""
    kept = "".join(c for c in text.lower() if not unicodedata.category(c).startswith("P"))
    return _SPACES.sub(" ", kept).strip()

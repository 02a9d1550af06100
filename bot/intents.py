"""Classify one inbound text into one or two of TinyTummy's intents.

Three stages, cheapest and surest first:
1. whole-message rules (carrier keywords, HELP, UNDO, invite codes, emoji-only), confidence 1.0;
2. the trained model (`bot.intent_model`): one logistic regression per intent over the offline
   MiniLM embedding plus word features, so a message can carry two intents ("she had eggs, can
   she have honey?" is a meal and a question);
3. only when the model is unsure, an optional LLM callable the caller passes in.
Pure apart from the lazily loaded model: no Flask, no Twilio, no network.
"""
from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from bot.intent_order import (anything_asked, asks_only_the_bot, first_clause_leader,
                               meal_and_question_order, reports_and_asks)
from bot.intent_requests import PROFILE_FACT, QUESTION_SHAPE, REQUESTS, UNSURE_COMMAND, asked_for
from bot.message_parts import question_part
from handlers import REGISTRY
from handlers.log_meal import HANDLED_NOT_EATEN

logger = logging.getLogger(__name__)

# The labels come from the handler registry: every route that asks to be classified.
INTENTS: tuple[str, ...] = REGISTRY.labels
PHRASES_PATH = Path(__file__).with_name("intent_phrases.tsv")
LLM_THRESHOLD = 0.55
# Two intents are acted on together only when both are things the bot does for a message and one
# of them is the meal or the question; "thanks, STOP" or "hi, delete my data" keep the main one.
COMBINABLE = frozenset({"log_meal", "question", "plan", "caregiver", "summary", "streak", "undo",
                        "settings", "profile"})
ANCHORS = frozenset({"log_meal", "question"})
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
# A meal with a clause of its own that asks with a "?" ("comió arroz, ¿está bien...?") carries the
# question on much less: the model reads messages in other languages weakly. Set by judgement.
MARKED_QUESTION_FLOOR = 0.05
# A request to the bot ("can you send me a summary?") takes the command the model found beside the
# question when it is at least this likely; set by judgement, well below the second-intent threshold.
BOT_REQUEST_FLOOR = 0.3
# "stop texting me and delete everything": both ways of leaving are kept, stopping first (the router
# acts on the opt-out alone, which tells how to erase). Each needs its own words.
_LEAVING = frozenset({"opt_out", "account"})
_STOP_ASKED = re.compile(r"\b(stop|quit|no more|don'?t) (text|messag|send|contact|whatsapp)\w*|\bunsubscribe\b")
_ERASE_ASKED = re.compile(r"\b(delete|erase|remove|wipe|forget)\b")
# Asking to see what was logged over a span, beside a meal: the meal is logged and the span summed up.
_ASKS_WHAT_WAS_EATEN = re.compile(r"\b(can i see|show me|what (has|did) (she|he|they) (had|eat|eaten|have)|"
                                  r"how (much|many) \w+ (has|have|did) (she|he|they) (had|eaten|eat|have))\b"
                                  r".*\b(this week|today|so far|yesterday|this month|last \d+ days)\b")
_COMMANDS = frozenset({"plan", "summary", "streak", "caregiver", "profile", "settings", "account", "undo"})
# Words that say a food was eaten, not just brought or bought ("she brought cookies" feeds nobody yet).
_EATEN = re.compile(r"\b(ate|eat\w*|had|has|have|fed|feed\w*|tried|try\w*|drank|drink\w*|finished|gave|give\w*|"
                    r"snack\w*|breakfast|lunch|dinner|tea|supper|bites?|nursed|bottle)\b")
# How sure a statement demoted from an unasked command to an acknowledgement is: above the meal
# route's unsure figure (0.75), so a passing "stay" is not read as a list of foods ("satay").
TOLD_CONFIDENCE = 0.8
# Commands a meal message only carries when it asks for them; a profile fact ("she's allergic to
# eggs") is its own request.
_STATED_BY_REQUEST = frozenset({"plan", "settings", "caregiver", "account"})

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


def _repeated(keywords: str) -> str:
    """Match one or more of `keywords` and nothing else: "STOP", "stop stop stop", "Stop. STOP"."""
    return rf"(?:{keywords})(?:[\s,.!]+(?:{keywords}))*"


def _polite(keywords: str) -> str:
    """Match one of `keywords`, optionally with a "please" before or after."""
    return rf"(?:(?:please|pls|plz) )?(?:{keywords})(?: (?:please|pls|plz))?"


# Hello and thanks, in English and in the languages parents also write in.
_GREETING_WORDS = (r"hi+|hello+|hey+|hiya|howdy|good (?:morning|afternoon|evening)|morning|thanks|thank you|thx|ty|"
                   r"hola|buenos d[ií]as|gracias|bonjour|merci|ol[áa]|bom dia|obrigad[ao]|hallo|guten morgen|danke|"
                   r"ciao|buongiorno|grazie|salamat|maraming salamat|kumusta|xin chào|chào|cảm ơn")
# A hello or thanks said as a sentence of its own before something else ("good morning! she had
# oatmeal", "thanks! also what's my streak"): kept beside it. Run into the message ("hi, is honey ok",
# "hey so I was wondering") it only opens the question. The greeting route says nothing beside a reply.
_OPENING_GREETING = re.compile(rf"^\W*(?:{_GREETING_WORDS})(?: there| again| so much| all)?(?: [\U0001F300-\U0001FAFF☀-➿]+)?"
                               r"\s*(?:[!.]+|\n)\s*\w", re.I)
_GREETED_BESIDE = COMBINABLE | {"help"}

# Whole-message rules, matched against the lowercased text with edge punctuation and emoji
# stripped. Carrier keywords must be the entire message ("we must stop this" is not an opt-out);
# the bot's own one-word commands may carry a "please".
_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(rf"^(?:{pattern})$"), intent)
    for pattern, intent in (
        (_repeated(r"stop|stop ?all|unsub(?:scribe)?|cancel|end|quit|revoke|opt[ -]?out"), "opt_out"),
        (_repeated(r"start|unstop"), "opt_in"),
        # HELP, and the word for it in the languages we answer in ("ayuda", "aide", "hilfe")
        (_polite(r"help|info|commands|menu|ayuda|aide|ajuda|hilfe|aiuto"), "help"),
        (_polite(r"undo"), "undo"),
        (_polite(r"summary|report"), "summary"),
        (_polite(r"(?:my |our )?(?:streak|badges?)"), "streak"),
        (_polite(r"settings"), "settings"),
        (_polite(r"profile"), "profile"),
        (_polite(r"plan"), "plan"),
        # a hello or thanks alone, asked or not ("hello?" checks someone is there; it is not HELP)
        (_repeated(_GREETING_WORDS) + r"(?: there| again| po| everyone)?", "greeting"),
        (r"join(?: code)? ?#?\d{4,8}", "caregiver"),  # invite codes are the join syntax
    )
)

# Opting out silences the parent entirely, so the model alone may not choose it: the text must
# also name the messages or the sender ("stop texting me"), not just sound like "stop this".
_MESSAGES = (r"messages?|texts?|texting|messaging|contact\w*|subscri\w*|unsubscri\w*|opt\w*|whatsapps?|"
             r"mensajes?|mensagens?|nachrichten|messaggi|textos?|sms")  # and in the languages we answer in
_OPT_OUT_OBJECT = re.compile(rf"\b({_MESSAGES}|list|number|me|out|everything|all)\b")
_EDGES = re.compile(r"^[\W_]+|[\W_]+$")
_SPACES = re.compile(r"\s+")
# "stop" the parent says they sent by mistake ("I texted stop by accident, start again") is not a no.
_NEGATED = re.compile(r"\b(don'?t|dont|do not|never|no more|not|(?<!texted )(?<!sent )(?<!typed )(?<!hit )"
                      r"(?<!pressed )(?<!said )(?<!replied )(?<!wrote )stop)\b")


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


def _core(text: str) -> str:
    """Lowercase, collapse spaces and strip punctuation/emoji from both ends."""
    return _EDGES.sub("", _SPACES.sub(" ", text.strip().lower()))


def _by_rule(text: str) -> Classification | None:
    """Apply the whole-message rules; None when none fits."""
    stripped = text.strip()
    if stripped and set(stripped) <= {"?"}:
        return Classification("help", 1.0, "rule")
    core = _core(text)
    if not core:  # empty, emoji-only or punctuation-only: a wave, a thumbs-up
        return Classification("greeting", 1.0, "rule")
    for pattern, intent in _RULES:
        if pattern.match(core):
            return Classification(intent, 1.0, "rule")
    return None


def _by_model(text: str) -> Classification:
    """Score every intent with the trained model and keep the main one plus a compatible second."""
    from bot.intent_model import shipped_model
    from knowledge.embeddings import embed_question

    model = shipped_model()
    # The message's vector is computed once: retrieval and the answer composer look the same text up.
    probs = model.probabilities([text], embed_question(text.strip())[None, :])[0]
    if not _OPT_OUT_OBJECT.search(text.lower()):
        probs[model.intents.index("opt_out")] = 0.0
    decided = decide(probs, model.intents, model.threshold, text)
    found = _explicit(decided, text)
    if len(found) == 2 and set(found) != ANCHORS:  # the meal and the question were ordered by decide
        found = first_clause_leader(text, (found[0], found[1]), _clause_scores)
    if _unasked_command_over_food(found[0], float(probs[model.intents.index(found[0])]), text):
        found = ("log_meal",)
    if len(found) == 1 and found[0] in _GREETED_BESIDE and _OPENING_GREETING.match(text):
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


def _explicit(found: tuple[str, ...], text: str) -> tuple[str, ...]:
    """Keep a command intent only when asked for: a question or a statement that merely mentions it
    ("can my husband give her honey?", "grandma is visiting") is a question, a meal or a hello."""
    lowered = _SPACES.sub(" ", text.strip().lower())
    kept = []
    for intent in found:
        if not asked_for(intent, lowered):
            intent = "question" if QUESTION_SHAPE.search(lowered) else _told(text)
        if intent == "opt_in" and _NEGATED.search(lowered):
            intent = "opt_out"  # "don't message me again": the router confirms before acting
        if intent not in kept:
            kept.append(intent)
    return tuple(kept) or ("question",)


def _told(text: str) -> str:
    """What a statement with no request is: the meal it reports eaten, else news to acknowledge."""
    if not _names_food(text):
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
            and not QUESTION_SHAPE.search(lowered) and _names_food(lowered))


def _bare_command(intent: str, text: str) -> bool:
    """A one- or two-word message the model reads as a command that names no request for it."""
    request = REQUESTS.get(intent)
    lowered = _SPACES.sub(" ", text.strip().lower())
    return request is not None and len(lowered.split()) <= 2 and not request.search(lowered)


def decide(probs: np.ndarray, intents: Sequence[str], threshold: float, text: str) -> tuple[str, ...]:
    """Pick the main intent and at most one compatible second intent from per-intent probabilities."""
    order = np.argsort(-probs)
    main, second = intents[order[0]], intents[order[1]]
    pair, p_second = {main, second}, float(probs[order[1]])
    if main == "question" and asks_only_the_bot(text):
        # "can you send me a summary of the week?" asks the bot to do it, even when the foods it names
        # make a meal the runner-up ("tu peux me proposer des idées de repas pour demain ?")
        command = max(_COMMANDS, key=lambda intent: probs[intents.index(intent)])
        if probs[intents.index(command)] >= BOT_REQUEST_FLOOR:
            return (command,)
    if pair == ANCHORS:
        return _meal_and_question(main, p_second, text)
    lowered = _SPACES.sub(" ", text.lower())
    if pair == _LEAVING and p_second >= STRUCTURE_FLOOR and _STOP_ASKED.search(lowered) and _ERASE_ASKED.search(lowered):
        return ("opt_out", "account")
    if main == "log_meal" and _ASKS_WHAT_WAS_EATEN.search(question_part(text).lower()) and anything_asked(text):
        return ("log_meal", "summary")  # "add an apple for snack, and can I see her fruit this week?"
    if p_second < threshold or not pair <= COMBINABLE or not pair & ANCHORS:
        return (main,)
    if pair == {"log_meal", "undo"}:
        if not _REMOVAL.search(lowered):
            return ("log_meal",)  # "sorry it was lunch not dinner": a correction is the meal it reports
        if not _names_food(text):
            return ("undo",)  # "scratch that, she didn't eat it": nothing left to log
    if second == "question" and (not anything_asked(text) or _asks_only_how_to(main, text)):
        return (main,)  # "he's outgrown his milk allergy!" tells; a question needs something asked
    if "question" in pair and asks_only_the_bot(text):
        return (main if main != "question" else second,)
    if main == "log_meal" and second in _STATED_BY_REQUEST and not REQUESTS[second].search(lowered):
        return (main,)  # "tuna pasta bake for tea" logs dinner; a plan needs asking for
    return (main, second)


def _asks_only_how_to(command: str, text: str) -> bool:
    """True when every question in `text` is about the command itself ("how do I add her so she can log?")."""
    from bot.message_parts import asks, clauses

    request = REQUESTS.get(command)
    asking = [c.lower() for c in clauses(text) if asks(c)]
    return request is not None and bool(asking) and all(request.search(c) for c in asking)


def _meal_and_question(main: str, p_second: float, text: str) -> tuple[str, ...]:
    """A meal and a question: both only when a clause reports and one asks, in the order written."""
    floor = MARKED_QUESTION_FLOOR if main == "log_meal" and "?" in text else STRUCTURE_FLOOR
    if main == "question" and len(text.split()) >= STORY_WORDS:
        floor = ANCHOR_THRESHOLD  # food told in passing in a long story is background, unless the model is sure
    if p_second < ANCHOR_THRESHOLD and not (p_second >= floor and reports_and_asks(text)):
        return (main,)
    return meal_and_question_order(text, _names_food)


def _names_food(clause: str) -> bool:
    """A clause naming a food ("few bites of steak strips and mashed potato"), not a household thing."""
    from knowledge.food_safety_scan import find_mentions

    return bool(find_mentions(clause))


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

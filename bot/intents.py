"""Classify one inbound text into one of TinyTummy's intents.

Three stages, cheapest and surest first:
1. whole-message rules (carrier keywords, HELP, UNDO, invite codes, emoji-only), confidence 1.0;
2. a similarity-weighted k-nearest-neighbour vote over the example phrases in
   `intent_phrases.tsv`, embedded with the offline MiniLM;
3. only when that vote is unsure, an optional LLM callable the caller passes in.
Pure apart from the lazily built phrase index: no Flask, no Twilio, no network.
"""
from __future__ import annotations

import logging
import re
import threading
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from handlers import REGISTRY

logger = logging.getLogger(__name__)

# The labels come from the handler registry: every route that asks to be classified.
INTENTS: tuple[str, ...] = REGISTRY.labels
PHRASES_PATH = Path(__file__).with_name("intent_phrases.tsv")
# Tuned by leave-one-out over the phrases themselves, not on the evaluation set.
K = 10
SHARPNESS = 5.0  # softmax sharpness on cosine similarity: nearer neighbours count more
CUE_WEIGHT = 0.4  # how far one lexical cue moves a vote share (shares sum to 1)
PARAPHRASE_SIMILARITY = 0.8  # a neighbour this close reads as the same request reworded
LLM_THRESHOLD = 0.55

Llm = Callable[[str, list[str]], str | None]


@dataclass(frozen=True)
class Classification:
    """The intent chosen for a message, how sure we are, and which stage chose it."""

    intent: str
    confidence: float  # in [0, 1]; for "llm" it stays the (low) kNN figure that prompted asking
    source: str  # "rule" | "knn" | "llm"


def _repeated(keywords: str) -> str:
    """Match one or more of `keywords` and nothing else: "STOP", "stop stop stop", "Stop. STOP"."""
    return rf"(?:{keywords})(?:[\s,.!]+(?:{keywords}))*"


def _polite(keywords: str) -> str:
    """Match one of `keywords`, optionally with a "please" before or after."""
    return rf"(?:(?:please|pls|plz) )?(?:{keywords})(?: (?:please|pls|plz))?"


# Whole-message rules, matched against the lowercased text with edge punctuation and emoji
# stripped. Carrier keywords must be the entire message ("we must stop this" is not an opt-out);
# the bot's own one-word commands may carry a "please".
_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(rf"^(?:{pattern})$"), intent)
    for pattern, intent in (
        (_repeated(r"stop|stop ?all|unsubscribe|cancel|end|quit|revoke|opt[ -]?out"), "opt_out"),
        (_repeated(r"start|unstop"), "opt_in"),
        (_polite(r"help|info|commands|menu"), "help"),
        (_polite(r"undo"), "undo"),
        (_polite(r"summary|report"), "summary"),
        (_polite(r"(?:my |our )?(?:streak|badges?)"), "streak"),
        (_polite(r"settings"), "settings"),
        (_polite(r"profile"), "profile"),
        (_polite(r"plan"), "plan"),
        (r"join(?: code)? ?#?\d{4,8}", "caregiver"),  # invite codes are the join syntax
    )
)

# Cheap lexical cues: grammatical signals the sentence embedding blurs (it clusters by topic, so
# "can she have eggs", "2 eggs" and "actually it was 2 eggs" sit close together). Each adds
# CUE_WEIGHT times its weights to the kNN vote shares.
_ADULTS = (
    r"grandma|grandpa|granny|grandparents?|nana|nanna|papa|nanny|babysitter|sitter|au pair|"
    r"husband|hubby|wife|partner|spouse|co-?parent|dad|daddy|mom|mommy|mum|mummy|mother|father|"
    r"in[- ]law|sister|brother|aunt|auntie|uncle|daycare|nursery|teacher|caregivers?|ex"
)
_MEALS = r"breakfast|brekkie|brekky|bfast|lunch|dinner|supper|tea|snack"
_MESSAGES = r"messages?|texts?|texting|messaging|contact\w*|subscri\w*|unsubscri\w*|opt\w*"
_CUES: tuple[tuple[re.Pattern[str], dict[str, float]], ...] = tuple(
    (re.compile(pattern), weights)
    for pattern, weights in (
        # Asking, not reporting: a leading question word or a trailing "?".
        (r"^(can|could|is|are|should|does|do|will|would|when|why|how|which|what about|what if)\b"
         r"|\?\s*$", {"log_meal": -1.0}),
        (r"\b(worried|worry|worrying|concerned|normal|advice|tips?|choking|allergen)\b",
         {"question": 1.0}),
        # Reporting: past-tense eating verbs, quantities, "lunch: ..." labels.
        (r"\b(ate|had|drank|finished|refused|tried|nursed|nibbled|devoured|gobbled|scarfed|spat"
         r"|wouldn'?t|didn'?t)\b", {"log_meal": 1.0}),
        (r"^(\d|half|one|two|three|a few|a couple|a handful|some)\b|[½¼¾⅓⅔]|\bx\d\b"
         r"|\b\d+(/\d+)?\s*(oz|ml|g|tbsp|tsp|cups?|bites?|spoon\w*|slices?|pieces?|pouch\w*)\b",
         {"log_meal": 1.0}),
        (rf"^({_MEALS})( time)?\b[^?:]{{0,25}}[:=]|^({_MEALS})( time)?\s*(-|was\b|\d)",
         {"log_meal": 1.0}),
        # Correcting the last entry.
        (r"^(actually|correction|oops|whoops|sorry|nope|no\b|wait|nvm|never ?mind|scratch)"
         r"|\b(it|that) (was|is)\b.*\bnot\b|\bnot\b.*\bit was\b|^(that'?s|that is) not\b"
         r"|^(undo|delete|remove|erase|cancel|ignore|take back)\b.*\b(that|this|last|it|the)\b",
         {"undo": 1.0, "log_meal": -1.0}),
        # Adults, access and phone numbers belong to caregivers; children's facts to profiles.
        (rf"\b({_ADULTS})\b|\b(invite|access|share|sharing|who can|who else)\b"
         r"|\+?\d[\d ().-]{8,}\d", {"caregiver": 1.0}),
        (r"\b(allerg\w*|intoleran\w*|celiac|coeliac|likes?|loves?|hates?|dislikes?|birthday|born"
         r"|dob|weighs?|weight|vegetarian|vegan|pescatarian|kosher|halal)\b"
         r"|\b(add|remove|delete|rename|new)\b.*\b(child|kid|baby|son|daughter|twins?)\b",
         {"profile": 1.0}),
        # Looking back ("what did she eat") versus looking ahead ("what should I cook").
        (r"^(what|how|how much|how many|did|show|list)\b.*\b(did|has|have been|was|ate|eaten)\b",
         {"summary": 1.0, "log_meal": -1.0}),
        (r"\b(ideas?|plan|menu|suggest\w*|recipes?)\b"
         r"|\bwhat (should|can|to|do) (i |we )?(make|cook|feed|give|pack)\b"
         r"|\b(tomorrow|tonight|next week)\b", {"plan": 1.0}),
        # Reminders are settings; messages as a whole are opt-out, or opt-in when wanted back.
        (r"\b(remind\w*|nudg\w*|notifications?)\b", {"settings": 1.0}),
        (rf"\b(stop|no more|don'?t|do not|never|remove me|take me off)\b.*\b({_MESSAGES}|me)\b",
         {"opt_out": 1.0}),
        (rf"^(?!.*\b(not|don'?t|never|no more)\b).*(\b(again|back|by (accident|mistake))\b.*"
         rf"\b({_MESSAGES})\b|\b({_MESSAGES})\b.*\b(again|back|by (accident|mistake))\b"
         r"|\bre-? ?subscri\w*)", {"opt_in": 1.0, "opt_out": -1.0}),
    )
)
# Opting out silences the parent entirely, so similarity alone may not choose it: the text must
# also name the messages or the sender ("stop texting me"), not just sound like "stop this".
_OPT_OUT_OBJECT = re.compile(rf"\b({_MESSAGES}|list|number|me|out)\b")
_EDGES = re.compile(r"^[\W_]+|[\W_]+$")
_SPACES = re.compile(r"\s+")


def classify(text: str, llm: Llm | None = None) -> Classification:
    """Return the single intent for `text`, asking `llm` only when the kNN vote is unsure."""
    ruled = _by_rule(text)
    if ruled is not None:
        return ruled
    guess = _by_neighbours(text)
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


@dataclass(frozen=True)
class _Index:
    labels: np.ndarray  # row -> index into INTENTS
    matrix: np.ndarray  # (rows, 384) normalised phrase embeddings


_index_lock = threading.Lock()


def _index() -> _Index:
    """Return the phrase index, building it on first use (once, even under threads)."""
    with _index_lock:
        return _build_index()


@lru_cache(maxsize=1)
def _build_index() -> _Index:
    """Embed the shipped phrases."""
    from knowledge.embeddings import embed

    rows = load_labelled(PHRASES_PATH)
    labels = np.array([INTENTS.index(intent) for intent, _ in rows])
    matrix = embed([phrase for _, phrase in rows])
    logger.info("intent index built from %d phrases", len(rows))
    return _Index(labels, matrix)


def _by_neighbours(text: str) -> Classification:
    """Vote among the K most similar example phrases, weighted by similarity, plus cues."""
    from knowledge.embeddings import embed

    index = _index()
    sims = index.matrix @ embed([text.strip()])[0]
    opt_out = INTENTS.index("opt_out")
    opt_out_allowed = bool(_OPT_OUT_OBJECT.search(text.lower()))
    if not opt_out_allowed:
        sims = np.where(index.labels == opt_out, -1.0, sims)
    top = np.argsort(-sims)[:K]
    weights = np.exp(SHARPNESS * (sims[top] - sims[top[0]]))
    votes = np.bincount(index.labels[top], weights=weights, minlength=len(INTENTS))
    scores = np.clip(votes / votes.sum() + CUE_WEIGHT * _cue_scores(text), 0.0, None)
    scores[opt_out] *= opt_out_allowed
    if not scores.any():  # cues cancelled every vote: trust the neighbours alone
        scores = votes
    best = int(np.argmax(scores))
    share = float(scores[best] / scores.sum())
    nearest = float(sims[index.labels == best].max())
    # Sure only when the vote is one-sided and the winner's nearest phrase is a near paraphrase.
    confidence = share * min(1.0, max(0.0, nearest) / PARAPHRASE_SIMILARITY)
    return Classification(INTENTS[best], round(confidence, 3), "knn")


def _cue_scores(text: str) -> np.ndarray:
    """Sum the weights of every lexical cue found in `text`, one slot per intent."""
    lowered = _SPACES.sub(" ", text.strip().lower())
    scores = np.zeros(len(INTENTS))
    for pattern, weights in _CUES:
        if pattern.search(lowered):
            for intent, weight in weights.items():
                scores[INTENTS.index(intent)] += weight
    return scores


def load_labelled(path: str | Path) -> list[tuple[str, str]]:
    """Read `intent<TAB>text` lines, skipping blanks and `#` comments; reject unknown intents."""
    rows = []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        intent, _, text = line.partition("\t")
        if intent not in INTENTS or not text.strip():
            raise ValueError(f"{path}:{number}: bad line {line!r}")
        rows.append((intent, text.strip()))
    return rows


def evaluate(path: str | Path) -> dict:
    """Classify each labelled line in `path` (no LLM); report accuracy overall and per intent."""
    rows = load_labelled(path)
    per_intent = {intent: {"n": 0, "correct": 0, "accuracy": 0.0} for intent in INTENTS}
    errors = []
    for expected, text in rows:
        got = classify(text).intent
        per_intent[expected]["n"] += 1
        if got == expected:
            per_intent[expected]["correct"] += 1
        else:
            errors.append((text, expected, got))
    for stats in per_intent.values():
        stats["accuracy"] = stats["correct"] / stats["n"] if stats["n"] else 0.0
    overall = (len(rows) - len(errors)) / len(rows) if rows else 0.0
    return {"overall": overall, "per_intent": per_intent, "errors": errors}


def normalise_for_comparison(text: str) -> str:
    """Lowercase and drop punctuation (keeping emoji) to spot near-verbatim duplicate texts."""
    kept = "".join(c for c in text.lower() if not unicodedata.category(c).startswith("P"))
    return _SPACES.sub(" ", kept).strip()

"""Which meal a message is about: "for breakfast", "brekkie", "for tea", typos like "lnch"."""
from __future__ import annotations

import re

from rapidfuzz import fuzz

MEAL_WORDS = {
    "breakfast": "breakfast", "brekkie": "breakfast", "brekky": "breakfast", "bfast": "breakfast",
    "brunch": "breakfast", "lunch": "lunch", "lunchtime": "lunch", "dinner": "dinner",
    "supper": "dinner", "dinnertime": "dinner", "snack": "snack", "snacks": "snack",
    "snacktime": "snack", "teatime": "dinner",
}
_TEA = re.compile(r"\b(?:for|at|after|before)\s+(?:her\s+|his\s+|their\s+|the\s+)?tea\b|\btea\s*time\b", re.I)
_MEAL = "|".join(sorted(MEAL_WORDS, key=len, reverse=True))
_MEAL_PHRASE = re.compile(  # the meal word goes; a dangling "for"/"at" is a stopword later
    rf"\b(?:all\s+(?:of\s+)?(?:her\s+|his\s+|their\s+|the\s+)?(?=(?:{'|'.join(MEAL_WORDS)})\b))?(?:(?:morning|afternoon|midmorning|mid-morning|bedtime|evening|am|pm)\s+)?(?:{_MEAL})\b"
    rf"(?:\s*time\b)?(?:\s*[:\-](?=\s))?",
    re.I,
)
_NEXT_MEAL = re.compile(rf"(?<=[,;])\s*(?:then\s+|and\s+)?(?:(?:morning|afternoon|bedtime|evening|am|pm)\s+)?(?:{_MEAL})\b"
                        r"\s*(?:[:\-\u2013]|was\b|were\b)?\s*", re.I)
_MEAL_ALONE = re.compile(rf"^\s*(?:(?:morning|afternoon|bedtime|evening|am|pm)\s+)?(?:{_MEAL})\s*$", re.I)
_MEAL_TARGETS = ("breakfast", "lunch", "dinner", "supper", "snack")
_MEAL_TYPO = re.compile(r"\b[a-z]{4,9}\b", re.I)


def detect_meal_type(text: str) -> str | None:
    """Return breakfast, lunch, dinner or snack when the message says so ("for tea" is dinner)."""
    if _TEA.search(text):
        return "dinner"
    words = re.findall(r"[a-z]+", text.lower())
    for word in words:
        if word in MEAL_WORDS:
            return MEAL_WORDS[word]
    for word in words:
        if (fixed := meal_word_typo(word)) is not None:
            return MEAL_WORDS[fixed]
    return None


def meal_word_typo(word: str) -> str | None:
    """The meal word a typo means ("brekfast", "lnch", "diner", "snak"), else None."""
    word = word.lower()
    if len(word) < 4 or word in MEAL_WORDS or word in _NOT_MEAL_TYPOS:
        return None
    for target in _MEAL_TARGETS:
        if word[0] == target[0] and abs(len(word) - len(target)) <= 2 and fuzz.ratio(word, target) >= 85:
            return target
    return None


_NOT_MEAL_TYPOS = frozenset({"snacks", "launch", "lunches", "dinners", "snake", "snap", "lunchable", "lunchables",
                             "dine", "diner", "dinner", "super", "lush", "lunge", "snick", "brea", "bread"})

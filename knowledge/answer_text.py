"""The text of an answer: sentences, SMS-safe characters, the allergy note, and trimming to a length.

Shared by the local composer (`knowledge.answers`) and the LLM answer (`knowledge.llm_answers`), so
both send the same GSM-7 text within the same limits.
"""
from __future__ import annotations

import re
from functools import lru_cache

from knowledge.guideline_store import content_words

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(])")
_MIXED_FRACTION = re.compile("(\\d)([\u00bd\u00bc\u00be\u2153\u2154])")  # "2" + one half -> "2 1/2", not "21/2"
_ABBREVIATIONS = ("e.g.", "i.e.", "etc.", "approx.", "Dr.", "oz.", "tbsp.", "tsp.", "vs.")
_GSM_SAFE = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-",
    "\u2026": "...", "\u00a0": " ", "\u00b0": " degrees ", "\u2022": "-", "\u00bd": "1/2", "\u00bc": "1/4", "\u00be": "3/4",
    "\u2153": "1/3", "\u2154": "2/3",
})
# The major food allergens and words that name a food made of them.
ALLERGEN_FOODS: dict[str, tuple[str, ...]] = {
    "egg": ("egg", "omelet", "omelette", "meringue", "mayonnaise", "mayo"),
    "peanut": ("peanut",),
    "milk": ("milk", "dairy", "cheese", "yogurt", "yoghurt", "cream", "lactose"),
    "tree nut": ("nut", "almond", "cashew", "walnut", "pecan", "pistachio", "hazelnut"),
    "wheat": ("wheat", "gluten", "bread", "pasta", "flour", "toast", "cracker"),
    "soy": ("soy", "soya", "tofu", "edamame"),
    "fish": ("fish", "salmon", "tuna", "cod", "sardine"),
    "shellfish": ("shellfish", "shrimp", "prawn", "crab", "lobster"),
    "sesame": ("sesame", "tahini", "hummus"),
}


def allergy_note(question: str, child_name: str | None, allergies: list[str]) -> str | None:
    """Remind the parent of a listed allergy when the question is about that food."""
    asked = set(content_words(question))
    matched = [allergy for allergy in allergies if asked & _allergy_words(allergy)]
    if not matched:
        return None
    who = f"{child_name}'s" if child_name else "Your child's"
    names = " and ".join(a.strip().lower() for a in matched)
    plural = "allergies" if len(matched) > 1 else "allergy"
    article = "" if len(matched) > 1 else ("an " if names[0] in "aeiou" else "a ")
    return gsm_safe(f"Note: {who} profile lists {article}{names} {plural}, so follow the allergist's plan.")


@lru_cache(maxsize=256)
def _allergy_words(allergy: str) -> frozenset[str]:
    """The words in a question that touch this allergy: the allergy's own words and its family."""
    own = set(content_words(allergy)) - {"allergy", "allergic", "intolerance", "cow", "tree"}
    words = set(own)
    for family, foods in ALLERGEN_FOODS.items():
        if own & set(foods) or own & set(content_words(family)):
            words.update(foods)
    return frozenset(words)


def split_sentences(text: str) -> list[str]:
    """Split passage text into sentences, not breaking after common abbreviations."""
    parts: list[str] = []
    for piece in _SENTENCE_END.split(" ".join(text.split())):
        if parts and parts[-1].endswith(_ABBREVIATIONS):
            parts[-1] = f"{parts[-1]} {piece}"
        else:
            parts.append(piece)
    return [p for p in parts if p]


def gsm_safe(text: str) -> str:
    """Replace curly quotes, dashes and the like, which would make an SMS cost twice as much."""
    return _MIXED_FRACTION.sub(r"\1 \2", text).translate(_GSM_SAFE)



def shorten(text: str, limit: int) -> str:
    """Cut text at a word boundary to fit limit, marking the cut."""
    if len(text) <= limit:
        return text
    return text[: max(0, limit - 3)].rsplit(" ", 1)[0].rstrip(",;:") + "..."


def fit(answer: str, limit: int) -> str:
    """Keep an answer within limit by dropping whole sentences before its last (source) line."""
    if len(answer) <= limit:
        return answer
    *lines, source = answer.split("\n")
    body = " ".join(lines)
    sentences = split_sentences(body)
    while len(sentences) > 1 and len(" ".join(sentences)) + len(source) + 1 > limit:
        sentences.pop()
    return shorten(" ".join(sentences), limit - len(source) - 1) + "\n" + source

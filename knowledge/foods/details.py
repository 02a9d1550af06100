"""A story, then the details: "she fed her some cereal and a cookie... I asked for details: honey nut
cheerios 1/2 cup, 1 chocolate chip cookie". The list after the marker says again, with amounts, what
the story named; each food is counted once, from the list.

`split_details(text)` finds the marker; `superseded(item, details, table)` says whether a food of the
story is one the details name again (the same SR28 food, the same head noun, or the same kind of food).
"""
from __future__ import annotations

import re

from knowledge.foods.food_item import FoodItem
from knowledge.foods.sr28 import singular
from knowledge.foods.table import FoodTable
from knowledge.foods.text import normalise

_MARKER = re.compile(
    r"\b(?:(?:i\s+)?asked\s+(?:her\s+|him\s+|them\s+)?for\s+(?:the\s+)?details|(?:here\s+(?:are|is)\s+)?(?:the\s+)?details|"
    r"(?:the\s+)?breakdown|(?:i'?m\s+|im\s+|i\s+am\s+)?logging\s+(?:it|this|that)(?:\s+anyway)?|to\s+be\s+(?:exact|precise)|"
    r"exact\s+amounts?|(?:so\s+)?for\s+the\s+(?:log|record))\s*[:\-\u2013]\s*(?=\S)"
    r"|\b(?:i'?d|i\s+would)\s+(?:guess|say|estimate)\s*:?\s*(?=(?:about\s+|maybe\s+|like\s+)?(?:\d|an?\b|half\b|one\b))",
    re.I)  # "...I'd guess 1 tbsp of cereal and maybe 2 tsp avocado actually went in": the amounts restated
_KINDS_TOO_BROAD = frozenset({"mixed", "other", "dish"})  # "dinner" and "pasta" share no more than a plate


def split_details(text: str) -> tuple[str, str] | None:
    """(the story, the details) when the message has a details marker followed by words, else None."""
    m = _MARKER.search(text)
    if m is None or not text[: m.start()].strip():
        return None
    return text[: m.start()], text[m.end():]


def superseded(item: FoodItem, details: list[FoodItem], table: FoodTable, story: list[FoodItem] = ()) -> bool:
    """The story's food is named again in the details (same food, same head noun, or same kind); a dish
    of the story goes when the details name one of its parts ("chicken curry ... I'd say 30 g chicken")."""
    head = _head(item.name)
    kind = _kind(item, table)
    if item.dish is not None:
        parts = [s for s in story if s.dish == item.dish] or [item]
        return any(set(normalise(d.name).split()) <= set(normalise(p.name).split()) or d.ndb_no == p.ndb_no
                   for d in details for p in parts)
    words = set(normalise(item.name).split())
    return any(d.ndb_no == item.ndb_no or _head(d.name) == head or set(normalise(d.name).split()) < words
               or (kind is not None and _kind(d, table) == kind) for d in details)  # "beef" of the "beef stew"


def more_precise(detail: FoodItem, story: list[FoodItem]) -> FoodItem | None:
    """The story's food a shorter name in the details means: "oatmeal cereal" for "1 tbsp of cereal"."""
    said = set(normalise(detail.name).split())
    return next((s for s in story if s.ndb_no != detail.ndb_no and said < set(normalise(s.name).split())
                 and _head(s.name) == _head(detail.name)), None)


def _head(name: str) -> str:
    words = normalise(name).split()
    return singular(words[-1]) if words else ""


def _kind(item: FoodItem, table: FoodTable) -> str | None:
    record = table.get(item.ndb_no or "")
    kind = table.category(record) if record is not None and not item.dish else None
    return None if kind in _KINDS_TOO_BROAD else kind

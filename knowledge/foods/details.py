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
    r"exact\s+amounts?|(?:so\s+)?for\s+the\s+(?:log|record))\s*[:\-\u2013]\s*(?=\S)", re.I)
_KINDS_TOO_BROAD = frozenset({"mixed", "other", "dish"})  # "dinner" and "pasta" share no more than a plate


def split_details(text: str) -> tuple[str, str] | None:
    """(the story, the details) when the message has a details marker followed by words, else None."""
    m = _MARKER.search(text)
    if m is None or not text[: m.start()].strip():
        return None
    return text[: m.start()], text[m.end():]


def superseded(item: FoodItem, details: list[FoodItem], table: FoodTable) -> bool:
    """The story's food is named again in the details (same food, same head noun, or same kind)."""
    head = _head(item.name)
    kind = _kind(item, table)
    return any(d.ndb_no == item.ndb_no or _head(d.name) == head
               or (kind is not None and _kind(d, table) == kind) for d in details)


def _head(name: str) -> str:
    words = normalise(name).split()
    return singular(words[-1]) if words else ""


def _kind(item: FoodItem, table: FoodTable) -> str | None:
    record = table.get(item.ndb_no or "")
    kind = table.category(record) if record is not None and not item.dish else None
    return None if kind in _KINDS_TOO_BROAD else kind

"""SR28 foods as the table holds them: a food's row and household portions, and what an item resolves to."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from knowledge.foods.names import CuratedName
from knowledge.foods.portions import VOLUME_UNITS, servings
from knowledge.foods.search import desc_words
from knowledge.foods.sr28 import portion_unit

_DERIVED = re.compile(r"(\d+(?:\.\d+)?|\d+/\d+)\s*(cup|tbsp|tablespoon|fl oz|tsp)", re.I)


@dataclass(frozen=True)
class Portion:
    """`amount` x `unit` of a food weighs `grams`; `words` are the description's words."""

    amount: float
    unit: str
    description: str
    grams: float
    words: frozenset[str] = field(default=frozenset())


@dataclass(frozen=True)
class FoodRecord:
    """One SR28 food with its per-100 g nutrients and household portions."""

    ndb_no: str
    description: str
    food_group: str
    nutrients: dict[str, float | None]
    portions: tuple[Portion, ...] = ()
    common_name: str | None = None


@dataclass(frozen=True)
class ResolvedFood:
    """A food found in an item: the record, its serving category and natural unit, and where."""

    record: FoodRecord
    category: str
    unit_hint: str
    start: int
    end: int
    per_dish: tuple[float, str] | None = None  # amount and unit of this food in one whole dish
    dish: CuratedName | None = None  # the dish this food is a part of


@dataclass(frozen=True)
class Resolution:
    """The foods an item names (several for "peanut butter toast"), or the words not understood."""

    foods: tuple[ResolvedFood, ...] = ()
    unknown: str | None = None


def _portions(amount: float, unit: str, description: str, grams: float) -> list[Portion]:
    """One SR28 portion, plus a volume portion hidden in text like "serving 1/2 cup"."""
    words = frozenset(desc_words(description)) | {unit}
    out = [Portion(amount, unit, description, grams, words)]
    if unit not in VOLUME_UNITS and (m := _DERIVED.search(description)):
        num = _fraction(m.group(1)) * amount
        derived = portion_unit(m.group(2))
        if num > 0:
            out.append(Portion(num, derived, description, grams, words | {derived}))
    return out


def _fraction(text: str) -> float:
    if "/" in text:
        a, b = text.split("/")
        return int(a) / int(b) if int(b) else 0.0
    return float(text)


_FIRST_WORD_CATEGORY = {"milk": "milk", "yogurt": "yogurt", "egg": "egg", "cheese": "cheese",
                        "soup": "soup", "water": "water", "kefir": "yogurt"}


@lru_cache(maxsize=4096)
def _guess(description: str, group: str) -> str:
    text = description.lower()
    if "formula" in text:
        return "formula"
    if "juice" in text:
        return "juice"
    first = re.split(r"[ ,(]", text, maxsplit=1)[0]
    category = _FIRST_WORD_CATEGORY.get(first)
    return category or servings()["category_by_group"].get(group, "other")


def guess_category(record: FoodRecord) -> str:
    """Serving category for a food that is not in the curated table."""
    return _guess(record.description, record.food_group)

""""she dipped like 3 times", "dipped in ranch a couple times": a dip counted by the dip, not by the bowl.

A parent who counts dips has said how much of the dip went down, whatever the bowl held: each dip of a
pita strip, cracker, nugget or carrot stick carries about a teaspoon (SR28 gives 1 tbsp = 15 g for
hummus 16158 and ranch 04639; a teaspoon is a third of that, the amount a strip carries, estimate).
"""
from __future__ import annotations

import re
from dataclasses import replace

from knowledge.foods.food_item import FoodItem, with_eaten
from knowledge.foods.portions import grams_for
from knowledge.foods.quantities import NUMBER_WORDS, Quantity, number_value
from knowledge.foods.table import FoodTable

DIP_CATEGORIES = frozenset({"dip", "condiment", "spread"})  # what a child dips into (cheese and syrup are not)
_DIPPED = re.compile(r"\bdip(?:ped|s|ping)?\b((?:\s+[\w'&]+){0,4}?)\s+(?:like\s+|about\s+|maybe\s+|around\s+|~\s*)?"
                     r"(?:(?:a\s+)?([\w./-]+)\s+times?|(twice|once))\b")


def dip_count(text: str) -> float | None:
    """How many times the child dipped, if the text counts it ("dipped like 3 times", "a few times")."""
    m = _DIPPED.search(text.lower())
    if m is None:
        return None
    word = m.group(2) or {"twice": "2", "once": "1"}[m.group(3)]
    count = number_value(word) if number_value(word) is not None else NUMBER_WORDS.get(word)
    return count if count and count >= 1 else None


def dips_counted(items: list[FoodItem], text: str, table: FoodTable, age_months: int | None) -> list[FoodItem]:
    """Weigh each dip in the meal as the dips counted, a teaspoon a dip; other items as they were."""
    count = dip_count(text)
    if count is None:
        return items
    out = []
    for item in items:
        record = table.get(item.ndb_no or "")
        if record is None or table.category(record) not in DIP_CATEGORIES:
            out.append(item)
            continue
        one = grams_for(record, Quantity(1, "tsp"), table.category(record), table.unit_hint(record), age_months)
        eaten = one.grams * count
        out.append(replace(with_eaten(item, eaten, table), offered_grams=round(eaten, 1), estimated=False))
    return out

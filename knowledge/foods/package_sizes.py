"""The size of a package the parent states in brackets: "half a beech nut stage 2 carrots (4 oz jar)",
"half a tin of heinz beans (the small 200g tin)", "2 packs of raisins (the 0.5 oz ones)", "pears (half of a 4 oz jar)".

The bracket says how big one package is; the words before it say how many of them (or what share of
one) were served. Without this, the bracket's weight replaced the share ("half a jar" became the whole
4 oz), or a package with no SR28 weight fell to a guess.
"""
from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from knowledge.foods.food_item import with_eaten
from knowledge.foods.portions import VOLUME_UNITS, grams_for
from knowledge.foods.quantities import MEASURES, Quantity, parse_quantity
from knowledge.foods.text import content_tokens
from knowledge.foods.weighing import brand_of

if TYPE_CHECKING:
    from knowledge.foods.meal_parser import ParsedItem
    from knowledge.foods.restatements import MealSoFar
    from knowledge.foods.table import FoodTable

# Words a bracket may hold beside its weight and still name only the package: "(the 0.9 oz kind)".
_PACKAGE_WORDS = frozenset("jar jars pouch pouches tin tins can cans tub tubs pot pots pack packs packet packets bag "
                           "bags box boxes carton cartons bottle bottles container containers tube tubes cup cups "
                           "kind kinds one ones size sized serving portion snack single".split())


def stated_package(meal: MealSoFar, p: ParsedItem, table: FoodTable, age_months: int | None) -> bool:
    """Weigh the item before a bracket such as "(4 oz jar)" as its count of packages of that size; say
    whether the bracket was used so."""
    size = _package_size(p)
    if size is None or meal.previous is None or meal.previous[0].clause != p.clause:
        return False
    before, start = meal.previous
    olds = meal.items[start:]
    if not olds or any(i.dish for i in olds) or not all(i.offered_grams for i in olds):
        return False
    q, _ = parse_quantity(brand_of(list(before.words), table).rest)
    if q.unit in MEASURES or q.unit in VOLUME_UNITS:
        return True  # "2 oz of stage 1 pears (half of a 4 oz jar)": weighed in its own words; the bracket agrees
    if q.vague is not None:
        return False
    count = (q.amount or 1.0) * (p.eaten_share or 1.0)  # "pears (half of a 4 oz jar)": half of one
    main = table.get(olds[-1].ndb_no or "")
    if main is None:
        return False
    category = table.category(main)
    pack = grams_for(main, size, category, table.unit_hint(main), age_months).grams
    factor = count * pack / sum(i.offered_grams for i in olds)
    meal.items[start:] = [replace(with_eaten(i, i.grams * factor, table), offered_grams=round(i.offered_grams * factor, 1),
                                  estimated=False) for i in olds]
    return True


def _package_size(p: ParsedItem) -> Quantity | None:
    """One package's size from a bracket that holds only a weight and package words, else None."""
    if not p.bracketed or p.aside:
        return None
    q, rest = parse_quantity(list(p.words))
    if q.amount is None or q.unit not in MEASURES or q.vague is not None:
        return None
    if any(w not in _PACKAGE_WORDS for w in content_tokens(rest)):
        return None  # "(6.75oz apple)": it names a food too
    return replace(q, size=None)

"""What a number counts: "3 apple slices" is slices, "5 peas" is peas, "string cheese" is one stick.

A bare count is of whole foods unless the food's name says it comes in pieces, the food is measured
by the cup (then it counts pieces), or it comes as one pack; "1 slice turkey" is deli turkey.
"""
from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from knowledge.foods.portions import VOLUME_UNITS, Grams, default_serving, find_portion
from knowledge.foods.quantities import Quantity
from knowledge.foods.sr28 import singular
from knowledge.foods.table import Resolution
from knowledge.foods.text import content_tokens

if TYPE_CHECKING:
    from knowledge.foods.table import FoodTable, ResolvedFood

SINGLE_SERVINGS = frozenset({"stick", "pouch", "tube", "box", "bar", "packet"})  # "string cheese": one stick

# Words in a food's name that say it comes in pieces: "3 apple slices" is three slices, not three apples.
PIECE_WORDS = {"slice": "slice", "stick": "stick", "strip": "strip", "wedge": "wedge", "floret": "floret",
               "spear": "spear", "cube": "cube", "piece": "piece", "segment": "segment", "section": "segment",
               "chunk": "piece", "round": "slice", "coin": "slice", "finger": "stick", "bite": "piece",
               "soldier": "strip"}  # "2 toast soldiers": strips of a slice


def counted_pieces(q: Quantity, rest: list[str]) -> Quantity:
    """"3 apple slices", "4 mandarin segments": a count of pieces, not of whole foods."""
    if not (q.given and q.amount and q.unit is None):
        return q
    for word in rest:
        unit = PIECE_WORDS.get(singular(word))
        if unit is not None:
            return replace(q, unit=unit)
    return q


# Smaller pieces a food row's own count unit does not fit; their weights are in portions_extra.tsv.
OWN_PIECES = frozenset({"wafer", "teddy"})
_MEASURE_HINTS = frozenset({"oz", "g", "cup", "tbsp", "tsp"})


def as_count(q: Quantity, found: ResolvedFood, rest: list[str]) -> Quantity:
    """"5 peas", "10 cheerios": a count of a food measured in cups is a count of its pieces;
    "5 waffle fries": a count in the food's own portion word ("fry") when it has one."""
    if not (q.given and q.amount and q.unit is None):
        return q
    own = next((singular(w) for w in reversed(rest) if singular(w) in OWN_PIECES), None)
    if own is not None and find_portion(found.record, own) is not None:  # "2 teething wafers" are wafers, not
        return replace(q, unit=own)  # the 11 g biscuits the row counts; "12 teddy grahams" are bears, not crackers
    by_weight = found.unit_hint in _MEASURE_HINTS and found.category == "snack"  # "6 tortilla chips" are chips,
    if (not found.unit_hint or by_weight) and not q.size:  # though weighed by the ounce; "a kids fries" is a
        # kids serving, not one fry
        units = {p.unit for p in found.record.portions}
        named = next((singular(w) for w in reversed(rest) if singular(w) in units), None)
        if named is not None:
            return replace(q, unit=named)
    if found.unit_hint in VOLUME_UNITS:
        return replace(q, unit="piece")
    return q


def fast_food_order(q: Quantity, found: ResolvedFood, rest: list[str]) -> Grams | None:
    """"a kids fries", "half the fries", "some waffle fries" at a restaurant: shares of one order, the
    SR28 kids serving where it has one, else its small one ("6 waffle fries" still counts fries)."""
    order = _smallest_order(found.record)
    if order is None:
        return None
    if not q.given:
        amount = q.vague if q.vague is not None else 1.0
    elif q.unit is None and q.amount and q.amount < 2 and not q.size and rest and singular(rest[-1]) != rest[-1]:
        amount = q.amount  # "a fries", "half the fries": of the order, never one fry
    else:
        return None
    return Grams(amount * order.grams / order.amount, not q.given, order.description)


def _smallest_order(record):
    """A fast food's kids or small serving (SR28 gives fast-food sides by the order), else None."""
    if record.food_group != "2100":
        return None
    kids = [p for p in record.portions if p.unit == "kid"]
    sized = [p for p in record.portions if p.unit in ("small", "serving") and ("small" in p.words or p.unit == "small")]
    return (kids or sized or [None])[0]


def single_serving(found: ResolvedFood, rest: list[str]) -> bool:
    """A food named in the singular that comes as one stick, pouch, tube, box or bar."""
    last = rest[-1] if rest else ""
    packed = found.unit_hint == "container" and last in ("cup", "tub", "container")  # "mandarin orange cup"
    return (found.unit_hint in SINGLE_SERVINGS or packed) and singular(last) == last and found.per_dish is None


def one_whole_dish(found: ResolvedFood, rest: list[str], age_months: int | None) -> bool:
    """"beef empanada", "a tamale", "taco" named in the singular with no amount: one of them, when one
    weighs no more than the age's serving of a mixed dish (a 90 g empanada, not 150 g of one)."""
    last = rest[-1] if rest else ""
    if found.category != "mixed" or found.per_dish is not None or singular(last) != last or not found.unit_hint \
            or found.unit_hint in VOLUME_UNITS or found.unit_hint == "serving":
        return False
    portion = find_portion(found.record, found.unit_hint)
    return portion is not None and portion.grams / portion.amount <= default_serving(found.category, age_months)


def sliced(resolution: Resolution, rest: list[str], q: Quantity, table: FoodTable) -> Resolution:
    """"1 slice turkey": counted in slices, a meat SR28 gives no slice for is its sliced (deli) form."""
    if q.unit != "slice" or len(resolution.foods) != 1 or find_portion(resolution.foods[0].record, "slice"):
        return resolution
    name = " ".join(content_tokens(rest))
    for phrase in (f"{name} slices", f"sliced {name}", f"{name} slice"):
        entry = table.names.exact(phrase)
        if entry is not None and not entry.components and entry.ndb_no in table.records:
            found = resolution.foods[0]
            return Resolution((replace(table.resolve(phrase.split()).foods[0], start=found.start, end=found.end),))
    return resolution


# Estimate: a cube from an ice-cube tray holds about 1 oz (2 tbsp, 30 ml) of puree, the way parents
# freeze homemade baby food (an SR28 "cube" is a 1-inch cube of a solid food, far smaller).
PUREE_CUBE_G = 30.0
_PUREE_WORDS = frozenset({"puree", "pureed", "purees", "frozen", "homemade", "ice", "mash", "mashed"})


def puree_cubes(q: Quantity, found: ResolvedFood, words: tuple[str, ...]) -> Grams | None:
    """"3 cubes of the frozen pea puree", "2 ice cube portions": tray cubes of puree, about 1 oz each."""
    if q.unit != "cube" or not (found.category == "baby_puree" or _PUREE_WORDS & set(words)):
        return None
    if found.category not in ("baby_puree", "fruit", "veg", "legume", "protein", "grain", "infant_cereal", "mixed"):
        return None  # "3 cubes of cheese", "frozen yogurt cubes": cut pieces, weighed as such
    return Grams((q.amount or 1.0) * PUREE_CUBE_G, False, "puree cube (ice-cube tray, about 1 oz)")


# Estimate: what a baby gnaws off a mango pit, an apple core, a melon rind or a bone is a few bits of
# flesh, about 10 g (a tablespoon of fruit); the whole fruit it came from was not eaten.
LEFTOVER_G = 10.0
_LEFTOVER_PARTS = frozenset({"pit", "pits", "stone", "core", "cores", "rind", "rinds", "bone", "bones", "seed"})


def gnawed_leftover(q: Quantity, found: ResolvedFood, rest: list[str]) -> Grams | None:
    """"gnawed on a mango pit", "sucked the apple core": a few grams, not a whole mango."""
    if found.end >= len(rest) or rest[found.end] not in _LEFTOVER_PARTS or (q.unit is not None and q.unit != "piece"):
        return None
    return Grams((q.amount or 1.0) * LEFTOVER_G, False, f"flesh gnawed off a {singular(rest[found.end])}")


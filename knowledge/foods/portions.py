"""Turn a Quantity of a food into grams, from SR28's own portion weights where they exist.

Order of preference: weights (g, oz) as given; SR28 household portions for the food (the exact unit,
then the unit's words in the portion text, "cup, mashed" chosen by the parent's modifiers); volume
through the food's own cup/tbsp/fl oz density; the table in servings.json last. No quantity at all:
an age-appropriate default serving (servings.json), marked estimated.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from knowledge.foods.quantities import Quantity

if TYPE_CHECKING:
    from knowledge.foods.table import FoodRecord, Portion

_DATA = Path(__file__).with_name("servings.json")
VOLUME_UNITS = ("cup", "tbsp", "tsp", "fl oz", "ml", "l", "pint", "quart")
_NOT_COUNTS = frozenset(VOLUME_UNITS) | {"oz", "lb", "g", "serving", "package", "container", "can",
                                         "cubic inch", "unit", "bag", "jar", "bottle", "box"}


@dataclass(frozen=True)
class Grams:
    """A weight and how it was reached."""

    grams: float
    estimated: bool
    basis: str


@lru_cache(maxsize=1)
def servings() -> dict:
    """Load servings.json once."""
    return json.loads(_DATA.read_text(encoding="utf-8"))


def age_band(age_months: int | None) -> int:
    """Index of the age band for `age_months` (unknown age: the toddler band)."""
    bands = servings()["age_bands"]
    if age_months is None:
        return [b["name"] for b in bands].index(servings()["unknown_age_band"])
    for i, band in enumerate(bands):
        if band["min_months"] <= age_months <= band["max_months"]:
            return i
    return len(bands) - 1


def default_serving(category: str, age_months: int | None) -> float:
    """Grams of an age-appropriate serving of a food in `category`."""
    table = servings()["default_serving_g"]
    return float(table.get(category, table["other"])[age_band(age_months)])


def is_liquid(category: str) -> bool:
    return category in servings()["liquid_categories"]


def grams_for(food: FoodRecord, q: Quantity, category: str, hint: str = "",
              age_months: int | None = None) -> Grams:
    """Grams of `food` meant by quantity `q` (a default serving when no quantity was given)."""
    if not q.given:
        share = q.vague if q.vague is not None else 1.0
        return Grams(default_serving(category, age_months) * share, True, "default serving")
    amount = q.amount if q.amount is not None else 1.0
    unit = q.unit
    if unit == "oz" and is_liquid(category):
        unit = "fl oz"
    if (age_months is not None and age_months < 12 and unit in ("tbsp", "tsp", "spoonful")
            and category in ("fruit", "veg") and not q.modifiers):
        q = replace(q, modifiers=("mashed", "pureed"))  # a baby's spoonful of fruit is mashed
    per_unit, basis = _unit_grams(food, unit, q, category, hint, age_months)
    return Grams(amount * per_unit, False, basis)


def _unit_grams(food, unit, q, category, hint, age_months) -> tuple[float, str]:
    """Grams of one `unit` of the food (unit None: one of the food itself)."""
    data = servings()
    band = age_band(age_months)
    if unit in data["mass_g"]:
        return data["mass_g"][unit], unit
    if unit == "bite":  # a bite of bread or crackers weighs less than one of banana
        return data["bite_g"][band] * _bite_density(food), "bite (age table)"
    if unit == "serving":
        return _sized(default_serving(category, age_months), q.size), "default serving"
    if unit == "handful":
        return _volume_grams(food, "cup", data["handful_cups"][band] * 240, q, category), "handful"
    if unit == "spoonful":  # "a spoon of PB", "a spoon of jam": a spread is taken by the teaspoon
        ml = 5.0 if category in ("spread", "condiment", "sweet") else data["spoonful_ml"][band]
        return _volume_grams(food, "tsp", ml, q, category), "spoonful"
    if unit is not None and unit not in VOLUME_UNITS:
        named = hint if hint and hint.split()[0] == unit else unit
        portion = find_portion(food, named, q.size, q.modifiers)
        if portion is not None and unit == "piece" and "yield from" in portion.description.lower():
            portion = None  # SR28's "piece (yield from 1 lb raw meat)" is a butcher's cut, not a piece on a plate
        if portion is None and unit == "piece" and category in ("bread", "mixed", "dessert"):
            portion = find_portion(food, "slice", q.size, q.modifiers)  # a piece of toast or pizza
        if portion is not None and unit == "cube" and portion.unit == "cubic inch" and category == "cheese":
            return _sized(portion.grams / portion.amount * CUBE_CUBIC_INCHES, q.size), "cube (3/4 inch)"
        if portion is not None:
            return _per_unit(portion, q.size, unit), portion.description
    if unit in data["volume_ml"]:
        return _sized(_volume_grams(food, unit, data["volume_ml"][unit], q, category), q.size
                      if unit in ("bowl", "plate", "glass", "mug", "bottle", "sippy") else None), unit
    if unit is not None:
        table = data["count_g_when_unknown"].get(unit, data["count_g_when_unknown"]["count"])
        return _sized(table.get(category, table["default"]), q.size), f"{unit} (standard)"
    return _count_grams(food, q, category, hint, age_months)


# Estimate: a cube of cheese cut for a child is about 3/4 inch a side, 0.42 of SR28's cubic inch (choking
# advice for toddlers asks for pieces about 1/2 inch; store snack cheese cubes are about 3/4 inch).
CUBE_CUBIC_INCHES = 0.42
AIRY_G_PER_ML = 0.3  # bread cubes, crackers, cereal, lettuce: a cup of them weighs under 72 g
AIRY_BITE_SHARE = 0.5  # estimate: a bite of an airy food weighs about half a bite of a dense one


def _bite_density(food) -> float:
    """1 for most foods; AIRY_BITE_SHARE for a food whose SR28 cup weighs under AIRY_G_PER_ML a ml."""
    cups = [p.grams / p.amount for p in food.portions if p.unit == "cup" and p.amount
            and not p.words & _PACKED_WORDS]
    return AIRY_BITE_SHARE if cups and max(cups) / 240.0 < AIRY_G_PER_ML else 1.0


_PACKED_WORDS = frozenset({"crumbs", "crushed", "ground", "packed", "pureed", "mashed"})


def _count_grams(food, q, category, hint, age_months) -> tuple[float, str]:
    """Grams of one whole food: "2 eggs", "a banana", "a small apple"."""
    if q.size and (round_one := _by_diameter(food, q.size)) is not None:
        return round_one.grams / round_one.amount, round_one.description
    if q.size:
        sized = [p for p in food.portions if p.unit == q.size]
        if sized:
            return sized[0].grams / sized[0].amount, sized[0].description
    if hint:
        portion = find_portion(food, hint, q.size, q.modifiers)
        if portion is not None:
            return _per_unit(portion, q.size, hint), portion.description
    if q.size:
        portion = find_portion(food, q.size, None, q.modifiers)
        if portion is not None:
            return portion.grams / portion.amount, portion.description
    counts = [p for p in food.portions if p.unit not in _NOT_COUNTS]
    preferred = [p for p in counts if p.unit == "medium"] or counts
    if preferred:
        return _sized(preferred[0].grams / preferred[0].amount, q.size), preferred[0].description
    if hint in servings()["volume_ml"]:  # "a formula" is a bottle, "a juice" a cup
        return _volume_grams(food, hint, servings()["volume_ml"][hint], q, category), hint
    return _sized(default_serving(category, age_months), q.size), "default serving per item"


# Estimate from US store sizes: a small (fajita) round is about 6", a regular (soft taco) one 8", a large
# (burrito) one 10"; SR28 weighs tortillas at four diameters but names only the 6" one, "medium".
ROUND_INCHES = {"small": 6.0, "regular": 8.0, "large": 10.0, "extra large": 12.0}
_DIAMETER = re.compile(r'(\d+)(?:\s*-\s*(\d+))?"\s*dia')


def _by_diameter(food: FoodRecord, size: str) -> Portion | None:
    """"a small flour tortilla" is SR28's 6" one, "a regular size" its 7-8" one: for a food SR28 weighs
    at three or more diameters and none of them by the size's own word."""
    if size not in ROUND_INCHES or any(size in p.words for p in food.portions):
        return None
    rounds = [(_inches(m), p) for p in food.portions if (m := _DIAMETER.search(p.description))]
    if len(rounds) < 3:
        return None
    return min(rounds, key=lambda r: abs(r[0] - ROUND_INCHES[size]))[1]


def _inches(m: re.Match) -> float:
    low = float(m.group(1))
    return (low + float(m.group(2))) / 2 if m.group(2) else low


def find_portion(food: FoodRecord, unit: str, size: str | None = None,
                 modifiers: tuple[str, ...] = ()) -> Portion | None:
    """The food's portion for `unit`: exact unit first, then the unit's word in the description."""
    if " " in unit or "(" in unit:  # a curated hint naming one SR28 portion: "slice (3/4 oz)"
        named = [p for p in food.portions if p.description.lower().startswith(unit)]
        if named:
            return named[0]
        unit = unit.split()[0]
    names = _PORTION_WORDS.get(unit, (unit,))
    exact = [p for p in food.portions if p.unit in names]
    worded = [p for p in food.portions  # "1 cup, slices" is a cup, never one slice
              if p.unit not in names and p.unit not in VOLUME_UNITS and p.words & set(names)]
    for group in (exact, worded):
        if not group:
            continue
        if size:
            sized = [p for p in group if size in p.words or p.unit == size]
            if sized:
                group = sized
        else:  # "a slice of toast" is SR28's "1 slice", not "1 slice, large" or "crust not eaten"
            group = [p for p in group if not (p.words & _SIZE_WORDS)] or group
        if modifiers:
            modded = [p for p in group if set(modifiers) & p.words]
            if modded:
                group = modded
        ones = [p for p in group if p.amount == 1]
        return (ones or group)[0]
    return None


def _per_unit(portion: Portion, size: str | None, unit: str) -> float:
    grams = portion.grams / portion.amount
    if size and size not in portion.words and portion.unit != size:
        grams = _sized(grams, size)
    return grams


def _sized(grams: float, size: str | None) -> float:
    return grams * servings()["size_factor"].get(size, 1.0) if size else grams


def _volume_grams(food, unit: str, ml: float, q: Quantity, category: str) -> float:
    """Grams in `ml` millilitres of the food, from its own volume portions when it has any."""
    density = food_density(food, unit, q.modifiers)
    if density is None:
        cup_g = servings()["cup_g_when_unknown"]
        density = cup_g.get(category, cup_g["other"]) / 240
    return ml * density


def _same_texture(modifiers: tuple[str, ...]) -> set[str]:
    """Mashed and pureed fill a cup alike."""
    mods = set(modifiers)
    return mods | {"mashed", "pureed"} if mods & {"mashed", "pureed"} else mods


def food_density(food: FoodRecord, unit: str = "cup", modifiers: tuple[str, ...] = ()) -> float | None:
    """Grams per millilitre from the food's SR28 volume portions (same unit preferred, then cup)."""
    volume = servings()["volume_ml"]
    candidates = [p for p in food.portions if p.unit in VOLUME_UNITS]
    if not candidates:
        return None
    if unit in ("tsp", "tbsp", "spoonful"):
        order = [unit, "tbsp", "tsp", "cup", "fl oz", "ml", "l", "pint", "quart"]
    else:
        order = [unit, "cup", "fl oz", "tbsp", "tsp", "ml", "l", "pint", "quart"]
    candidates.sort(key=lambda p: order.index(p.unit) if p.unit in order else len(order))
    best_unit = candidates[0].unit
    group = [p for p in candidates if p.unit == best_unit]
    if modifiers:
        group = [p for p in group if _same_texture(modifiers) & p.words] or group
    plain = [p for p in group if not (p.words & _PACKING)] or group
    portion = plain[0]
    return portion.grams / (portion.amount * volume[portion.unit])


_PORTION_WORDS = {
    "cube": ("cube", "cubic inch"), "floret": ("floret", "floweret"), "patty": ("patty", "pattie"),
    "packet": ("packet", "package", "pack"), "container": ("container", "carton", "tub"),
    "link": ("link", "frankfurter", "sausage"), "piece": ("piece", "pc"),
}
_SIZE_WORDS = frozenset({"large", "small", "thin", "thick", "extra", "mini", "miniature", "jumbo", "crust"})
_PACKING = frozenset({"packed", "mashed", "pureed", "crushed", "melted", "ground"})

"""How much of a dish: "half a pb&j", "3 pieces" of a roll, "1/2 cup jollof rice", or nothing said.

A dish is a curated name made of SR28 parts (names.py); each part is weighed as its share of the
dishes eaten. When the parent gives no amount a child takes an age share of one whole dish.
"""
from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from knowledge.foods.food_item import FoodItem
from knowledge.foods.nutrition import nutrients_for
from knowledge.foods.portions import Grams, age_band, find_portion, food_density, grams_for, servings
from knowledge.foods.quantities import UNIT_ALIASES, Quantity, parse_quantity
from knowledge.foods.sr28 import singular
from knowledge.foods.text import normalise

if TYPE_CHECKING:
    from knowledge.foods.table import FoodRecord, FoodTable, ResolvedFood


# Estimate: a round dish (a quesadilla, a pizza-like flatbread) is cut in about 8 wedges; a sandwich's
# triangles are quarters (two diagonal cuts). A parent's "(cut into 6)" overrides both.
CUT_SHARES = {"wedge": 8, "triangle": 4}


def how_many_dishes(found: ResolvedFood, q: Quantity, age_months: int | None,
                    table: FoodTable, cut_into: int | None = None) -> tuple[float, bool]:
    """How many whole dishes `q` is, and whether that is an estimate.

    "half a pb&j" 0.5; "3 pieces" of a 6-piece roll 0.5; "3/4 cup cheerios with milk" scales the part
    measured in cups; "1/2 cup jollof rice" or "100 g" is that weight over the dish's own weight
    (a cup of a dish weighs what its parts fill, or a soup's cup); nothing said: the age share."""
    entry, data = found.dish, servings()
    amount = q.amount or 1.0
    if not q.given:
        return data["dish_share"][age_band(age_months)] * (q.vague or 1.0), True
    if q.unit == "piece" and entry is not None and entry.pieces:
        return amount / entry.pieces, False
    if q.unit in (None, "piece") and entry is not None and entry.counted:  # "8 pelmeni", "3 small balls of fufu"
        return amount / entry.counted * (data["size_factor"].get(q.size, 1.0) if q.size else 1.0), False
    if q.unit in CUT_SHARES and entry is not None:  # "2 wedges of a quesadilla (cut into 6)": 2 of 6
        return amount / (cut_into or CUT_SHARES[q.unit]), False
    if q.unit in (None, "serving", "piece") or entry is None:  # "a mini bagel with cream cheese": a small one
        return amount * _size_share(entry, q.size, table), False
    first_amount, first_unit = entry.components[0][1], entry.components[0][2].split()[0]
    if q.unit == first_unit and q.unit not in data["mass_g"]:  # "3/4 cup of cheerios with milk": the cup is the
        # cereal's; "cottage pie, 100g" weighs the whole dish, not its first part
        return amount / first_amount, False
    weight = _dish_weight(entry, table)
    if q.unit == "spoonful":  # "3 small spoons of khichdi": a child's spoonfuls, not 3 whole dishes
        ml = data["spoonful_ml"][age_band(age_months)] * (0.5 if q.size == "small" else 1.0)
        return amount * ml * _cup_grams(entry, table) / 240 / weight, False
    if q.unit in data["mass_g"]:
        return amount * data["mass_g"][q.unit] / weight, False
    if (ml := _ml_of(q, age_months)) is not None:  # "3 small spoons of khichdi" are spoons of the dish
        return amount * ml * _cup_grams(entry, table) / 240 / weight, False
    if q.unit == "bite":
        return amount * data["bite_g"][age_band(age_months)] / weight, False
    counts = data["count_g_when_unknown"]
    if q.unit != "slice" and q.unit in counts:  # "5 small cubes" of a dish are cubes, not 5 dishes
        size = data["size_factor"].get(q.size, 1.0) if q.size else 1.0
        return amount * counts[q.unit].get("mixed", counts[q.unit]["default"]) * size / weight, False
    return amount, False


def _ml_of(q: Quantity, age_months: int | None) -> float | None:
    """Millilitres in one of the parent's `q.unit` of a dish: a cup, or a child's spoonful or handful."""
    data, band = servings(), age_band(age_months)
    size = data["size_factor"].get(q.size, 1.0) if q.size else 1.0
    if q.unit == "spoonful":
        return data["spoonful_ml"][band] * size
    if q.unit == "handful":
        return data["handful_cups"][band] * 240 * size
    if q.unit in _CONTAINERS:  # "a toddler bowl of bibimbap", "a small katori of poha"
        return data["volume_ml"][q.unit] * size
    return data["volume_ml"].get(q.unit or "")


_CONTAINERS = frozenset({"bowl", "plate", "glass", "mug", "bottle", "sippy"})  # sized as portions.py sizes them


def _size_share(entry, size: str | None, table: FoodTable) -> float:
    """How much of a whole dish a sized one is: by its main part's own SR28 size ("a mini bagel with cream
    cheese" is SR28's 26 g mini bagel of the dish's 99 g one), else servings.json's size factor."""
    if not size:
        return 1.0
    parts = _parts(entry, table) if entry is not None else []
    if parts and parts[0][1]:
        sized = [p for p in parts[0][0].portions if p.unit == size and p.amount]
        if sized:
            return sized[0].grams / sized[0].amount / parts[0][1]
    return servings()["size_factor"].get(size, 1.0)


_WATERY = frozenset({"14411", "06008", "06194", "06419"})  # water and broths
_PARTS: dict[str, list[tuple[FoodRecord, float]]] = {}


def _watery(entry) -> bool:
    grams = {ndb: amount for ndb, amount, unit in entry.components if unit == "g"}
    return sum(grams.get(n, 0.0) for n in _WATERY) >= 0.4 * max(sum(grams.values()), 1.0)


def _parts(entry, table: FoodTable) -> list[tuple[FoodRecord, float]]:
    """Each part of one whole dish with its grams (as written, other units through the part's portions)."""
    if entry.name not in _PARTS:
        parts = []
        for ndb, amount, unit in entry.components:
            if (record := table.get(ndb)) is None:
                continue
            word = unit.split()[0]
            part = Quantity(amount, word if word in UNIT_ALIASES.values() else None)
            hint = unit if part.unit is None or " " in unit else ""
            parts.append((record, grams_for(record, part, table.category(record), hint).grams))
        _PARTS[entry.name] = parts
    return _PARTS[entry.name]


_DRY_WORDS = frozenset({"uncooked", "dry", "raw", "flour", "meal", "mature"})


def _swells(record: FoodRecord) -> bool:
    """A grain, cereal or legume weighed dry, which takes up the dish's liquid as it cooks."""
    words = set(record.description.lower().replace(",", " ").split())
    return record.food_group in ("0800", "1600", "2000") and bool(words & _DRY_WORDS) and "cooked" not in words


def _dish_weight(entry, table: FoodTable) -> float:
    """Grams in one whole dish."""
    return max(sum(grams for _, grams in _parts(entry, table)), 1.0)


def _cup_grams(entry, table: FoodTable) -> float:
    """Grams in a cup of the dish: a soup's cup when it is mostly water or broth (congee, pho), else
    what its parts fill at their own SR28 cup weights (a cup of jollof is about a cup of rice, 171 g,
    not servings.json's 200 g of a mixed dish); a part with no cup weight fills as a mixed dish does."""
    cup_g = servings()["cup_g_when_unknown"]
    if _watery(entry):
        return cup_g["soup"]
    if any(_swells(record) for record, _ in _parts(entry, table)):  # dry oats in milk fill no cup of their own
        return cup_g["mixed"]
    ml = sum(grams / (food_density(record) or cup_g["mixed"] / 240) for record, grams in _parts(entry, table))
    return _dish_weight(entry, table) / ml * 240 if ml else cup_g["mixed"]


def dish_grams(found: ResolvedFood, q: Quantity, age_months: int | None, table: FoodTable,
               cut_into: int | None = None) -> Grams:
    """One component of a dish: its amount per dish times how many dishes (an age share if unsaid)."""
    dishes, estimated = how_many_dishes(found, q, age_months, table, cut_into)
    amount, unit = found.per_dish
    unit_word = unit.split()[0]
    part = Quantity(amount * dishes, unit_word if unit_word in UNIT_ALIASES.values() else None)
    hint = unit if part.unit is None or " " in unit else ""
    grams = grams_for(found.record, part, found.category, hint, age_months)
    return Grams(grams.grams, estimated, grams.basis)


def dish_share(age_months: int | None) -> float:
    """The share of a whole dish taken when the parent gives no amount (servings.json)."""
    return servings()["dish_share"][age_band(age_months)]


def as_food(item: FoodItem, ndb_no: str, table: FoodTable, age_months: int | None) -> FoodItem:
    """The same amount the parent said, weighed as another food ("1 slice turkey" as sliced turkey)."""
    record = table.get(ndb_no)
    q, _ = parse_quantity(normalise(item.raw).split())
    if record is None:
        return item
    offered = grams_for(record, q, table.category(record), table.unit_hint(record), age_months).grams \
        if q.given else item.offered_grams  # "some broth": the same estimate, of the dish's broth
    old = table.get(item.ndb_no or "")
    if q.given and item.dish and old is not None and (ratio := _unit_ratio(old, record)) is not None:
        offered = item.offered_grams * ratio  # "half a turkey sandwich on wheat": the same slices, of wheat
    share = item.grams / item.offered_grams if item.offered_grams else 1.0
    return replace(item, ndb_no=record.ndb_no, description=record.description, food_group=record.food_group,
                   grams=round(offered * share, 1), offered_grams=round(offered, 1),
                   nutrients=nutrients_for(record.nutrients, offered * share))


def _unit_ratio(old, new) -> float | None:
    """Weight of one slice (or piece) of `new` over one of `old`, when SR28 gives both."""
    for unit in ("slice", "piece", "medium"):
        a, b = find_portion(old, unit), find_portion(new, unit)
        if a is not None and b is not None and a.grams and a.amount and b.amount:
            return (b.grams / b.amount) / (a.grams / a.amount)
    return None


def dish_words(dish: str, table: FoodTable) -> set[str]:
    """Every word of a dish's names ("pb&j", "pb and j sandwich", ...)."""
    entry = table.names.exact(normalise(dish))
    phrases = (entry.name, *entry.variants) if entry is not None else (dish,)
    return {singular(w) for phrase in phrases for w in normalise(phrase).split()}

"""Parts and pieces of a food: an egg's white, a crust, a wedge of a quesadilla, a torn piece of naan.

"1 egg, he only ate the white" is egg white; "cut the crust off" adds nothing; "2 quesadilla wedges
(cut into 8)" is a quarter of SR28's quesadilla; "a piece of naan" is a quarter of SR28's piece, but
"half a piece of naan" is half of it (a share of a piece means the whole piece).
"""
from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Sequence

from knowledge.foods.meal_parser import ParsedItem
from knowledge.foods.nutrition import nutrients_for
from knowledge.foods.portions import Grams, find_portion, grams_for
from knowledge.foods.quantities import Quantity
from knowledge.foods.text import content_tokens

if TYPE_CHECKING:
    from knowledge.foods.table import FoodTable, ResolvedFood

WEDGES_PER_WHOLE = 8  # estimate: a quesadilla, an apple or a sweet potato is cut in about 8 wedges
PIECES_PER_FLATBREAD = 4  # estimate: "a piece of naan / tortilla / pancake" is torn off, about a quarter
# Estimate: "a piece of toast" or two are slices, but "a few pieces of bread" for a toddler are torn from a
# slice, about a quarter each (three slices of bread would be a big meal for a child).
TORN_FROM_A_SLICE = 3


def piece_of_whole(found: ResolvedFood, q: Quantity, p: ParsedItem, age_months: int | None) -> Grams | None:
    """"2 quesadilla wedges (cut into 8)": that share of one whole food, weighed as SR28 weighs the whole.

    A wedge of a food SR28 gives no wedge weight is an eighth of it; a slice or piece only when the
    parent said how many pieces the whole was cut into."""
    if not (q.given and q.amount) or q.unit not in ("wedge", "slice", "piece", "triangle", "square", "strip"):
        return None
    cut = p.cut_into
    sliced = any(part.unit == "slice" for part in found.record.portions)
    torn = q.unit == "piece" and found.category == "bread" and q.amount >= 1 and (
        not sliced or q.amount >= TORN_FROM_A_SLICE)  # "a piece of naan"; "half a piece" is half a naan
    if cut is None and not torn and (q.unit != "wedge" or any(part.unit == "wedge" for part in found.record.portions)):
        return None
    whole = grams_for(found.record, Quantity(1.0), found.category, found.unit_hint, age_months)
    if whole.estimated or whole.basis.startswith("default"):
        return None
    pieces = cut or (PIECES_PER_FLATBREAD if torn else WEDGES_PER_WHOLE)
    return Grams(q.amount * whole.grams / pieces, False, f"{q.unit}: 1/{pieces} of {whole.basis}")


# Parts of a food a parent says a child ate or left: an egg's white or yolk is a food of its own; the
# crust, skin or peel of something already listed adds nothing.
EGG_PARTS = {"white": "01124", "whites": "01124", "yolk": "01125", "yolks": "01125"}
_OTHER_PART = {"01124": "01125", "01125": "01124"}
LEFT_PARTS = frozenset("crust crusts skin skins peel peels rind rinds core cores seeds pips stem stems edge edges "
                       "bone bones shell shells middle inside insides outside top tops bottom filling".split())
_PART_FILLER = frozenset("cut off only just bit bits part parts except but minus without apart".split())


# Estimate: the crust of a slice of sandwich bread or the rim of a pizza slice is about 30% of its weight;
# a crimped pastry edge about 15%. "left the crusts" takes that share off the bread, pizza or sandwich.
CRUST_SHARE = {"crust": 0.3, "crusts": 0.3, "edge": 0.15, "edges": 0.15}
_CRUSTED = ("bread", "pizza", "toast", "sandwich", "pastry", "empanada", "pie", "quiche", "roll")


def _crust_left(items: list, share: float, table: FoodTable) -> None:
    """Take the crust's share off the last bread, pizza or pastry listed (every part of its dish)."""
    for i in range(len(items) - 1, -1, -1):
        item = items[i]
        if item.grams > 0 and any(w in item.description.lower() for w in _CRUSTED):
            group = [j for j, other in enumerate(items) if item.dish and other.dish == item.dish] or [i]
            for j in group:
                items[j] = replace(items[j], grams=round(items[j].grams * (1 - share), 1),
                                   nutrients={k: v * (1 - share) for k, v in items[j].nutrients.items()})
            return


def part_words(words: Sequence[str]) -> list[str] | None:
    """The part words of a phrase that names only parts of a food ("the white", "cut the crust off")."""
    content = [w for w in content_tokens(list(words)) if w not in _PART_FILLER]
    if content and all(w in EGG_PARTS or w in LEFT_PARTS for w in content):
        return content
    return None


def eat_part(items: list, parts: list[str], refused: bool, table: FoodTable) -> None:
    """"1 egg, he only ate the white": the egg becomes egg white; "left the yolk" likewise."""
    egg_part = next((EGG_PARTS[w] for w in parts if w in EGG_PARTS), None)
    if egg_part is None:
        if refused and any(w in CRUST_SHARE for w in parts):
            _crust_left(items, max(CRUST_SHARE.get(w, 0.0) for w in parts), table)
        return
    if refused:
        egg_part = _OTHER_PART[egg_part]
    for i in range(len(items) - 1, -1, -1):
        item, record = items[i], table.get(items[i].ndb_no or "")
        if record is None or not record.description.startswith("Egg, whole"):
            continue
        part = table.get(egg_part)
        whole = find_portion(record, "large")
        one = find_portion(part, "large") if part is not None else None
        if part is None or whole is None or one is None:
            return
        eggs = max(1.0, round(item.offered_grams / whole.grams))
        share = item.grams / item.offered_grams if item.offered_grams else 1.0
        offered = eggs * one.grams
        items[i] = replace(item, name=table.part_name(part), ndb_no=part.ndb_no, description=part.description,
                                food_group=part.food_group, grams=round(offered * share, 1), offered_grams=offered,
                                nutrients=nutrients_for(part.nutrients, offered * share), unit_grams=one.grams)
        return

"""A flavour said before a baked good names the flavour of it: "banana muffins" are muffins with
banana in, sized and counted as muffins, not slices of banana bread nor bananas."""
from __future__ import annotations

from typing import TYPE_CHECKING

from knowledge.foods.sr28 import singular
from knowledge.foods.text import DESCRIPTORS

if TYPE_CHECKING:
    from knowledge.foods.names import CuratedName, NameIndex

_BAKES = frozenset({"muffin"})  # baked goods a curated flavour name ("banana muffin") sends to another kind
_FLAVOUR_KINDS = frozenset({"fruit", "dried_fruit", "sweet", "nut", "spice"})


def flavoured_bake(names: NameIndex, words: list[str], entry: CuratedName) -> CuratedName | None:
    """The baked good's own name for "banana muffins", "banana mini muffins", else None."""
    head_word = singular(words[-1]) if words else ""
    if entry.components or head_word not in _BAKES or head_word in entry.name:
        return None
    for i in range(1, len(words)):
        head = names.exact(" ".join(words[i:]))
        if head is None:
            continue
        flavour = names.exact(" ".join(w for w in words[:i] if w not in DESCRIPTORS))  # "banana homemade"
        ok = not head.components and head_word in head.name and flavour is not None and flavour.category in _FLAVOUR_KINDS
        return head if ok else None
    return None

"""Items the parser split that are one food: "3 potato & cheese pierogi", "spagetti w meat sauce".

`joined_items(items, table)` runs over the parsed items of a meal before they are weighed: a filling
named before "&" whose SR28 dish says it is filled with it joins the dish (its count is the dish's),
and two items that spell one curated name across "with" (typos fixed) become that name.
"""
from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Sequence

from knowledge.foods.meal_parser import ParsedItem
from knowledge.foods.quantities import PACKAGES, UNIT_ALIASES, parse_quantity
from knowledge.foods.search import desc_words
from knowledge.foods.sr28 import singular
from knowledge.foods.text import content_tokens, normalise

if TYPE_CHECKING:
    from knowledge.foods.table import FoodTable


def joined_items(items: Sequence[ParsedItem], table: FoodTable) -> list[ParsedItem]:
    """"3 potato & cheese pierogi": a food named before "and" that the next item's SR28 food is filled
    with is part of its name, and its count is the dish's."""
    out: list[ParsedItem] = []
    for p in items:
        before = out[-1] if out else None
        joinable = before is not None and not before.refers_back and not p.refers_back and \
            before.clause == p.clause and p.kind is None and not before.aside
        if joinable and _filling_of(before, p, table):
            q_words = [w for w in before.words if w not in content_tokens(list(before.words))]
            out[-1] = replace(p, words=(*q_words, *p.words), raw=f"{before.raw} & {p.raw}", kind=before.kind,
                              eaten_share=p.eaten_share if p.eaten_share is not None else before.eaten_share)
            continue
        if joinable and (joined := _blend_of(before, p, table)) is not None:
            out[-1] = replace(before, words=joined, raw=f"{before.raw} & {p.raw}")
            continue
        if joinable and (joined := _one_name(before, p, table)) is not None:
            out[-1] = replace(before, words=joined, raw=f"{before.raw} with {p.raw}")
            continue
        out.append(p)
    return out


def _one_name(before: ParsedItem, p: ParsedItem, table: FoodTable) -> tuple[str, ...] | None:
    """"spagetti w meat sauce": two items that spell one curated name once joined, typos and all."""
    said, named = content_tokens(list(before.words)), content_tokens(list(p.words))
    q, _ = parse_quantity(list(p.words))
    if not said or len(said) > 2 or not named or q.given or q.vague is not None:
        return None
    entry = table.curated_phrase([*said, "with", *named])
    if entry is None or len(normalise(entry.name).split()) <= len(said):
        return None
    return (*(w for w in before.words if w not in said), *normalise(entry.name).split())


def _filling_of(before: ParsedItem, p: ParsedItem, table: FoodTable) -> bool:
    """The words of `before` name a filling of the mixed food `p` names ("potato" of potato-filled dumplings)."""
    said, named = content_tokens(list(before.words)), content_tokens(list(p.words))
    if not said or len(said) > 2 or not named:
        return False
    words = list(p.words)
    for start in range(min(len(words), 2)):  # "potato & cheese pierogies": cheese is a filling too
        found = table.resolve(words[start:])  # "cheese pierogies with sour cream": the dish's filled part
        filled = [f for f in found.foods if f.category in ("mixed", "dish")]
        if found.unknown or len(filled) != 1:
            continue
        described = desc_words(filled[0].record.description)
        return all(any(d.startswith(singular(w)) for d in described) for w in (*said, *content_tokens(words[:start])))
    return False


def _blend_of(before: ParsedItem, p: ParsedItem, table: FoodTable) -> tuple[str, ...] | None:
    """"a pouch of apple & blueberry": the foods after a pouch or jar are one baby-food blend when the
    curated names hold that blend ("apple blueberry puree"), not a pouch of apple and some blueberries."""
    if not any(UNIT_ALIASES.get(w) in PACKAGES for w in before.words):
        return None
    said = [w for w in content_tokens(list(before.words)) if UNIT_ALIASES.get(w) not in PACKAGES]
    named = content_tokens(list(p.words))
    q, _ = parse_quantity(list(p.words))
    if not said or not named or q.given or q.vague is not None:
        return None
    entry = table.names.exact(" ".join([*said, *named, "puree"]))
    if entry is None or entry.components:
        return None
    return (*before.words, *p.words)

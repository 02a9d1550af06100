"""A dish and its parts in one message: count the dish once.

Parents name a dish and then say what was in it: "rice & beans, 1/2 cup rice and 1/4 cup black
beans", "turkey sandwich - 2 slices of bread and 2 slices of turkey", "1 hard shell taco with beef
and cheese". `settle_dish_parts` finds a later item of the same clause that is a part of an earlier
dish (the same SR28 food as one of the dish's parts, or its head noun among the dish's words):

- parts with the parent's own amounts size the meal, so the dish's own items go (two parts named,
  one of them measured, or one measured main part);
- parts with no amount only say what the dish held ("with beef and cheese"), so they go, and what
  they say was eaten ("she ate half of the sandwich") applies to the dish.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Callable

from knowledge.foods.search import desc_words
from knowledge.foods.sr28 import singular
from knowledge.foods.text import content_tokens, normalise

_MIXED_GROUPS = frozenset({"2100", "2200", "3600"})  # fast foods, meals and entrees, restaurant foods
MAIN_PART_SHARE = 0.4  # one measured part sizes a dish when it is at least this share of its energy


@dataclass(frozen=True)
class Head:
    """Items [start, end) that make one dish, and the words that name it and its parts."""

    start: int
    end: int
    words: frozenset[str]
    is_dish: bool


def settle_dish_parts(items: list, clauses: list[int], dish_words: Callable[[str], set[str]],
                      with_eaten: Callable, dish_share: float = 1.0, as_food: Callable | None = None) -> list:
    """Items with each dish counted once (see the module docstring).

    `dish_share` is the share of a dish an unmeasured dish was taken to be for the child's age:
    "half of the sandwich" is half of a whole one. `as_food(item, ndb_no)` re-weighs a part as the
    dish's own food for it: "1 slice turkey" of a turkey sandwich is the sandwich's sliced turkey."""
    drop: set[int] = set()
    items = list(items)
    for head in _heads(items, dish_words):
        if head.start in drop:
            continue
        later = [j for j in range(head.end, len(items))  # a named dish's parts may follow in later sentences
                 if (clauses[j] == clauses[head.start] or head.is_dish) and j not in drop and items[j].dish is None]
        parts = [j for j in later if _is_part(items[j], items[head.start:head.end], head.words)]
        if not parts:
            continue
        measured = [j for j in parts if not items[j].estimated]
        if measured and (len(parts) >= 2 or _sizes_the_dish(measured, items, head)):
            drop.update(range(head.start, head.end))
            for j in parts if head.is_dish and as_food is not None else ():
                same = _dish_food_for(items[j], items[head.start:head.end])
                if same is not None:
                    items[j] = as_food(items[j], same)
        elif not measured:
            share = min(_eaten_share(items[j]) for j in parts)
            drop.update(parts)
            if share < 1.0:
                for i in range(head.start, head.end):
                    whole = items[i].offered_grams / dish_share if head.is_dish and items[i].estimated \
                        else items[i].offered_grams
                    items[i] = with_eaten(replace(items[i], offered_grams=round(whole, 1)), whole * share)
    return [item for i, item in enumerate(items) if i not in drop]


def _heads(items: list, dish_words: Callable[[str], set[str]]) -> list[Head]:
    """Runs of one dish's parts, and single foods that are dishes by name or SR28 group."""
    heads, i = [], 0
    while i < len(items):
        item = items[i]
        if item.dish is not None:
            end = i
            while end < len(items) and items[end].dish == item.dish:
                end += 1
            words = set(dish_words(item.dish))
            for part in items[i:end]:
                words |= _words(part.name)
            heads.append(Head(i, end, frozenset(words), True))
            i = end
            continue
        words = set(content_tokens(normalise(item.name).split()))
        if item.food_group in _MIXED_GROUPS:
            words |= set(desc_words(item.description))
        if len(words) >= 2:
            heads.append(Head(i, i + 1, frozenset(singular(w) for w in words), False))
        i += 1
    return heads


def _words(name: str) -> set[str]:
    return {singular(w) for w in normalise(name).split()}


def _is_part(item, head_items: list, words: frozenset[str]) -> bool:
    """The same SR28 food as a part, or a name whose head noun is one of the dish's words."""
    if item.ndb_no in {h.ndb_no for h in head_items}:
        return True
    name = normalise(item.name).split()
    return bool(name) and singular(name[-1]) in words


def _dish_food_for(item, dish: list) -> str | None:
    """The dish's own food for a part named by its head noun ("noodles" of pho: rice noodles), if one."""
    said = content_tokens(normalise(item.name).split())
    if item.ndb_no in {d.ndb_no for d in dish} or len(said) != 1:  # "plain greek yogurt" is already precise
        return None
    noun = singular(said[0])
    named = {d.ndb_no for d in dish if singular(normalise(d.name).split()[-1]) == noun} or \
        {d.ndb_no for d in dish if noun in _words(d.name)}
    return named.pop() if len(named) == 1 else None


def _sizes_the_dish(measured: list[int], items: list, head: Head) -> bool:
    """One measured part that is a main part of a dish by energy ("1 oz chicken" of a chicken stir fry)."""
    if not head.is_dish:
        return False
    dish = items[head.start:head.end]
    total = sum(i.nutrients.get("kcal", 0.0) for i in dish) or 1.0
    part = items[measured[0]]
    same = [i.nutrients.get("kcal", 0.0) for i in dish if i.ndb_no == part.ndb_no or _words(i.name) & _words(part.name)]
    return sum(same) / total >= MAIN_PART_SHARE


def _eaten_share(item) -> float:
    return item.grams / item.offered_grams if item.offered_grams else 1.0

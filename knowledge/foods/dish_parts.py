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
BREAD = "1800"  # SR28 baked products: "on wheat", "whole wheat bread" name the dish's bread


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
    "half of the sandwich" is half of a whole one. `as_food(item, ndb_no)` re-weighs an item as
    another food: "1 slice turkey" of a turkey sandwich is the sandwich's sliced turkey, and the
    bread of a "turkey sandwich on wheat" is whole-wheat bread."""
    drop: set[int] = set()
    items = list(items)
    settle = _Settling(items, drop, with_eaten, dish_share, as_food)
    for head in _heads(items, dish_words):
        if head.start in drop:
            continue
        later = [j for j in range(head.end, len(items))  # a named dish's parts may follow in later sentences
                 if (clauses[j] == clauses[head.start] or head.is_dish) and j not in drop
                 and (items[j].dish is None or _dish_within(items, j, head))]
        later += [j for j in range(head.start) if clauses[j] == clauses[head.start] and j not in drop
                  and items[j].dish is None and not items[j].estimated]  # "bread + turkey = turkey sandwich"
        parts = settle.refine_bread(head, [j for j in later if _is_part(items[j], items[head.start:head.end],
                                                                      head.words)])
        measured = [j for j in parts if not items[j].estimated]
        if measured and len(parts) >= 2:
            settle.parts_replace_dish(head, parts)
        elif measured and _sizes_the_dish(measured, items, head) and any(
                not items[j].estimated for j in later if j not in parts):  # "stir fry - 1/4 cup rice, 1 oz chicken"
            settle.parts_replace_dish(head, parts)
        elif measured and _sizes_the_dish(measured, items, head):
            settle.part_sizes_dish(head, parts)
        elif parts and not measured:
            settle.parts_describe_dish(head, parts)
        elif measured and head.is_dish:  # "pb&j sandwich - 1 tbsp pb": that part is the parent's
            settle.part_replaces_its_part(head, measured)
    return [item for i, item in enumerate(items) if i not in drop]


@dataclass
class _Settling:
    """The items being settled, what is dropped, and how to re-weigh an item."""

    items: list
    drop: set[int]
    with_eaten: Callable
    dish_share: float
    as_food: Callable | None

    def refine_bread(self, head: Head, parts: list[int]) -> list[int]:
        """"PB&J on whole wheat bread": an unmeasured bread changes the dish's bread; the rest are parts."""
        if not head.is_dish or self.as_food is None:
            return parts
        left = []
        for j in parts:
            item = self.items[j]
            bread = next((i for i in range(head.start, head.end) if self.items[i].food_group == BREAD
                          and self.items[i].ndb_no != item.ndb_no), None)
            if item.estimated and item.food_group == BREAD and bread is not None:
                self.items[bread] = self.as_food(self.items[bread], item.ndb_no)
                self.drop.add(j)
            else:
                left.append(j)
        return left

    def parts_replace_dish(self, head: Head, parts: list[int]) -> None:
        """Measured parts size the meal: the dish goes but for a main part nobody named (the bread)."""
        kept = _unnamed_main_parts(self.items, head, parts)
        self.drop.update(i for i in range(head.start, head.end) if i not in kept)
        for i in kept:
            item = self.items[i]
            if item.estimated:  # the parent itemised a whole dish
                item = replace(item, offered_grams=round(item.offered_grams / self.dish_share, 1))
                self.items[i] = self.with_eaten(item, self.items[i].grams / self.dish_share)
        self._as_dish_foods(head, parts)

    def _as_dish_foods(self, head: Head, parts: list[int]) -> None:
        """Parts named by a head noun ("noodles" of pho) are the dish's own food for it."""
        for j in parts if head.is_dish and self.as_food is not None else ():
            same = _dish_food_for(self.items[j], self.items[head.start:head.end])
            if same is not None:
                self.items[j] = self.as_food(self.items[j], same)

    def part_sizes_dish(self, head: Head, parts: list[int]) -> None:
        """"hummus and pita, ate a quarter of a pita": one measured main part; the dish's other parts go
        with it in the dish's proportion."""
        part, dish = self.items[parts[0]], range(head.start, head.end)
        same = [i for i in dish if self.items[i].ndb_no == part.ndb_no
                or _is_part(part, [self.items[i]], frozenset(_words(self.items[i].name)))]
        whole = sum(self._whole(i) for i in same)
        if not same or not whole:
            self.parts_replace_dish(head, parts)
            return
        ratio, share = part.offered_grams / whole, _eaten_share(part)
        for i in dish:
            if i not in same:
                offered = self._whole(i) * ratio
                self.items[i] = replace(self.with_eaten(self.items[i], offered * share),
                                        offered_grams=round(offered, 1), estimated=False)
        self.drop.update(same)
        self._as_dish_foods(head, parts)

    def _whole(self, i: int) -> float:
        """Grams of item i in one whole dish (an unmeasured dish was taken as the age's share)."""
        item = self.items[i]
        return item.offered_grams / self.dish_share if item.estimated else item.offered_grams

    def part_replaces_its_part(self, head: Head, measured: list[int]) -> None:
        """One measured minor part: the dish's own item for it goes, the other parts stay."""
        dish = range(head.start, head.end)
        for j in measured:
            same = [i for i in dish if self.items[i].ndb_no == self.items[j].ndb_no
                    or _is_part(self.items[j], [self.items[i]], frozenset(_words(self.items[i].name)))]
            self.drop.update(same)

    def parts_describe_dish(self, head: Head, parts: list[int]) -> None:
        """Unmeasured parts only say what the dish held; what they say was eaten is the dish's."""
        share = min(_eaten_share(self.items[j]) for j in parts)
        self.drop.update(parts)
        if share >= 1.0:
            return
        for i in range(head.start, head.end):
            item = self.items[i]
            whole = item.offered_grams / self.dish_share if head.is_dish and item.estimated else item.offered_grams
            self.items[i] = self.with_eaten(replace(item, offered_grams=round(whole, 1)), whole * share)


def _dish_within(items: list, j: int, head: Head) -> bool:
    """"injera w misir wot - a quarter of an injera": item j belongs to a dish made of the head dish's foods."""
    if not head.is_dish or items[j].dish == items[head.start].dish:
        return False
    own = {i.ndb_no for i in items if i.dish == items[j].dish}
    return own <= {i.ndb_no for i in items[head.start:head.end]}


def _unnamed_main_parts(items: list, head: Head, parts: list[int]) -> set[int]:
    """Dish parts the parent's list does not name that carry a main share of the dish's energy."""
    if not head.is_dish:
        return set()
    dish = range(head.start, head.end)
    total = sum(items[i].nutrients.get("kcal", 0.0) for i in dish) or 1.0
    named = {i for i in dish for j in parts
             if items[i].ndb_no == items[j].ndb_no or _is_part(items[j], [items[i]], frozenset(_words(items[i].name)))}
    return {i for i in dish if i not in named and items[i].nutrients.get("kcal", 0.0) / total >= MAIN_PART_SHARE}


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


_KINDS = frozenset({"bread", "cheese", "tortillas", "pasta", "rice", "milk", "yogurt"})


_MEAT_GROUPS = frozenset({"0500", "1000", "1300", "1700"})  # poultry, pork, beef, lamb


def _kind(item) -> str | None:
    """What kind of food an SR28 description says it is, when a dish has one of that kind ("mince" of a
    shepherd's pie is its ground lamb, whichever ground meat the parent's word found)."""
    if item.food_group == BREAD:
        return "bread"
    if item.food_group in _MEAT_GROUPS and "ground" in item.description.lower():
        return "ground meat"
    head = item.description.split(",")[0].lower()
    return head if head in _KINDS else None


def _words(name: str) -> set[str]:
    return {singular(w) for w in normalise(name).split()}


def _is_part(item, head_items: list, words: frozenset[str]) -> bool:
    """The same SR28 food as a part, the same kind (a bread, a cheese) as a dish's part, or a head noun
    among the dish's words."""
    if item.ndb_no in {h.ndb_no for h in head_items}:
        return True
    kind = _kind(item)
    if kind is not None and any(h.dish and _kind(h) == kind for h in head_items):
        return True
    name = normalise(item.name).split()
    noun = singular(name[-1]) if name else ""
    return bool(noun) and (noun in words or len(noun) >= 4 and any(w.endswith(noun) for w in words))  # berries


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


MINOR_PART_SHARE = 0.1  # a dish's oil, sauce or spice: under a tenth of its weight


def minor_parts_follow(items: list, with_eaten: Callable) -> list:
    """"tofu and veg untouched": a dish's oil and soy sauce are eaten as its main parts were."""
    out = list(items)
    dishes = {i.dish for i in items if i.dish}
    for dish in dishes:
        parts = [n for n, i in enumerate(out) if i.dish == dish]
        total = sum(out[n].offered_grams for n in parts) or 1.0
        minor = [n for n in parts if out[n].offered_grams < MINOR_PART_SHARE * total]
        main = [n for n in parts if n not in minor]
        offered = sum(out[n].offered_grams for n in main)
        if not minor or not offered:
            continue
        share = sum(out[n].grams for n in main) / offered
        for n in minor:
            if out[n].offered_grams and out[n].grams / out[n].offered_grams > share:
                out[n] = with_eaten(out[n], out[n].offered_grams * share)
    return out


def without_unmeasured_repeats(items: list) -> list:
    """"ketchup and milk ... 1 tbsp ketchup and 4 oz milk": a measured mention replaces an unmeasured one;
    "taco - 1 hard shell taco": a one-word name is repeated by a measured, more precise one; a dish told
    with its amount is not eaten again where it is only named again."""
    measured = {i.ndb_no for i in items if not i.estimated}
    nouns = {_head_noun(i.name) for i in items if not i.estimated and not i.dish and len(i.name.split()) > 1}
    shorter = [_words(i.name) for i in items if not i.estimated and not i.dish]  # "chicken tenders ... 2 tenders"
    dishes = {i.dish for i in items if i.dish and not i.estimated}  # "1/2 cup of her congee ... swears by congee"
    return [i for i in items if not (i.estimated and i.grams > 0 and i.dish in dishes) and not (
        i.estimated and i.grams > 0 and not i.dish and (
        i.ndb_no in measured or (len(i.name.split()) == 1 and _head_noun(i.name) in nouns)
        or any(w and w < _words(i.name) and _head_noun(i.name) in w for w in shorter)))]


def _head_noun(name: str) -> str:
    words = normalise(name).split()
    return singular(words[-1]) if words else ""

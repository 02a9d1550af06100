"""From a parent's message to nutrients: `analyze_meal(text, table, age_months)`.

Parse the message into items (meal_parser), match each to SR28 foods (FoodTable.resolve), weigh it
(quantities + portions), apply what was eaten (refused, half, two bites) and add up the nutrients.
An optional `llm_parse(text) -> [(name, amount, unit)]` is asked only about words left unknown; its
foods are matched and weighed here, so the numbers always come from the table.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field, replace
from typing import Callable, Sequence

from rapidfuzz import fuzz

from knowledge.foods.brands import STAGE_JAR_G, BrandSplit, split_brand
from knowledge.foods.dish_parts import (minor_parts_follow, settle_dish_parts, without_brand_labels,
                                        without_unmeasured_repeats)
from knowledge.foods.joins import joined_items
from knowledge.foods.meal_parser import EAT, OF_WHOLE, OFFER, REFUSE, ParsedItem, parse_meal
from knowledge.foods.nutrition import add_up, nutrients_for
from knowledge.foods.pieces import eat_part, part_words, piece_of_whole
from knowledge.foods.plausibility import Doubt, find_doubts
from knowledge.foods.portions import (VOLUME_UNITS, Grams, age_band, default_serving, find_portion, grams_for,
                                      servings)
from knowledge.foods.quantities import (MEASURES, NUMBER_WORDS, SIZES, UNIT_ALIASES, Quantity, number_value,
                                       parse_quantity)
from knowledge.foods.search import desc_words
from knowledge.foods.sr28 import singular
from knowledge.foods.table import FoodTable, Resolution, ResolvedFood
from knowledge.foods.text import DESCRIPTORS, STOPWORDS, content_tokens, normalise

logger = logging.getLogger(__name__)

LICK_SHARE = 0.3  # estimate: a lick of a food takes about a third of what a bite does
SINGLE_SERVINGS = frozenset({"stick", "pouch", "tube", "box", "bar", "packet"})  # "string cheese": one stick
TOPPING_SHARE = 0.5  # a fruit or vegetable on toast or in oatmeal: half a serving
_SPREADS = frozenset({"spread", "condiment", "dip", "cheese", "sweet"})
# Words in a food's name that say it comes in pieces: "3 apple slices" is three slices, not three apples.
PIECE_WORDS = {"slice": "slice", "stick": "stick", "strip": "strip", "wedge": "wedge", "floret": "floret",
               "spear": "spear", "cube": "cube", "piece": "piece", "segment": "segment", "section": "segment",
               "chunk": "piece", "round": "slice", "coin": "slice", "finger": "stick", "bite": "piece"}
_PACKAGES = frozenset({"jar", "pouch", "container"})
LlmParse = Callable[[str], "Sequence[tuple[str, float | None, str | None]] | None"]


@dataclass(frozen=True)
class FoodItem:
    """One food of a meal, weighed; nutrients are for the grams eaten."""

    name: str
    ndb_no: str | None
    description: str
    food_group: str
    grams: float
    offered_grams: float
    estimated: bool
    raw: str
    nutrients: dict[str, float] = field(default_factory=dict)
    unit_grams: float | None = None  # grams of one counted piece ("5 strawberries": one strawberry)
    dish: str | None = None  # the dish this is a part of ("pb&j"), None for a food on its own

    @property
    def refused(self) -> bool:
        return self.offered_grams > 0 and self.grams == 0


@dataclass(frozen=True)
class MealAnalysis:
    """A parsed meal: items, words not understood, the meal type if said, and nutrient totals."""

    text: str
    items: list[FoodItem]
    unknown: list[str]
    meal_type: str | None
    totals: dict[str, float]
    doubts: list[Doubt] = field(default_factory=list)  # amounts too big for the age: ask, don't trust


def analyze_meal(text: str, table: FoodTable, age_months: int | None = None,
                 llm_parse: LlmParse | None = None) -> MealAnalysis:
    """Parse, match, weigh and total one meal message."""
    parsed = parse_meal(text, tuple(table.names.separator_keys))
    meal = _Building()
    for p in joined_items(parsed.items, table):
        if p.refers_back and p.eaten_count is not None:
            _apply_count(meal.items, meal.clauses, p, table)
        elif p.refers_back:
            _apply_back(meal.items, meal.clauses, p, table, age_months)
        elif (parts := part_words(p.words)) is not None:  # "he only ate the white", "the crust"
            eat_part(meal.items, parts, p.kind == REFUSE, table)
        elif not (p.bracketed and _restates(meal, p, table, age_months)) and not _redescribes(meal, p, table,
                                                                                                age_months):
            _add(meal, p, table, age_months)
            if (parts := part_words(p.aside)) is not None:  # "1 egg (just the white)"
                eat_part(meal.items, parts, p.kind == REFUSE, table)
    _spreads_follow_carriers(meal, table, age_months)
    settled = settle_dish_parts(meal.items, meal.clauses, lambda dish: _dish_words(dish, table),
                                lambda item, grams: _with_eaten(item, grams, table),
                                _dish_share(age_months), lambda item, ndb: _as_food(item, ndb, table, age_months))
    items, unknown = without_brand_labels(without_unmeasured_repeats(
        minor_parts_follow(settled, lambda item, grams: _with_eaten(item, grams, table)))), meal.unknown
    if unknown and llm_parse is not None:
        items, unknown = _ask_llm(text, items, unknown, table, age_months, llm_parse)
    totals = add_up(item.nutrients for item in items)
    categories = ["mixed" if i.dish else table.category(table.get(i.ndb_no)) if i.ndb_no and table.get(i.ndb_no)
                  else "other" for i in items]
    return MealAnalysis(text, items, unknown, parsed.meal_type, totals, find_doubts(items, categories, age_months))


def _spreads_follow_carriers(meal: _Building, table: FoodTable, age_months: int | None) -> None:
    """"half a piece of toast w butter": an unmeasured spread is as much smaller as the bread it is on."""
    for i, item in enumerate(meal.items):
        record = table.get(item.ndb_no or "")
        if not item.estimated or item.dish or record is None or table.category(record) not in _SPREADS - {"cheese"}:
            continue
        bread = next((b for b in reversed(meal.items[:i]) if b.food_group == "1800" and not b.estimated
                      and not b.dish and meal.clauses[meal.items.index(b)] == meal.clauses[i]), None)
        if bread is None:
            continue
        factor = bread.offered_grams / default_serving("bread", age_months)
        if factor < 1.0:
            meal.items[i] = replace(_with_eaten(item, item.grams * factor, table),
                                    offered_grams=round(item.offered_grams * factor, 1))


@dataclass
class _Building:
    """A meal while its items are read: items, their clauses, unknown words and what came before."""

    items: list[FoodItem] = field(default_factory=list)
    clauses: list[int] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)
    previous: tuple[ParsedItem, int] | None = None  # last parsed item and where its foods start
    offered: set[int] = field(default_factory=set)  # offered items whose eaten amount is not said yet
    brand: BrandSplit | None = None  # the restaurant or brand named last
    first: tuple[ParsedItem, int, int] | None = None  # the clause's first item and its foods' span
    amended: tuple[int, int] = (-1, -1)  # items re-weighed by a bare amount in a later sentence, and its clause


def _add(meal: _Building, p: ParsedItem, table: FoodTable, age_months: int | None) -> None:
    """Weigh one item and add its foods, or apply it to an item already listed."""
    new, missing = _weigh(p, table, age_months, meal.brand)
    seen = _brand_of(list(p.words), table)
    meal.brand = seen if seen.brand is not None and seen.brand.foods else meal.brand
    if missing:
        meal.unknown.append(missing)
    meal.previous = (p, len(meal.items))
    opens_clause = meal.first is None or meal.first[0].clause != p.clause
    start = len(meal.items)
    for item in new:
        if _eaten_of_offered(meal.items, meal.offered, item, p, table) or _merge_outcome(meal.items, item, p, table):
            continue
        if p.kind == OFFER:
            meal.offered.add(len(meal.items))
        meal.items.append(item)
        meal.clauses.append(p.clause)
    if opens_clause:
        meal.first = (p, start, len(meal.items))


def _redescribes(meal: _Building, p: ParsedItem, table: FoodTable, age_months: int | None) -> bool:
    """"1 egg, fried" / "pb&j, half a sandwich" / "soup, about a cup": re-describes an item before it."""
    if meal.previous is None:
        return False
    if meal.previous[0].clause != p.clause:  # "trying rice cereal!! maybe 2 tbsp": the amount opens the next
        return p.clause - 1 in (meal.previous[0].clause, meal.amended[1]) and \
            _amount_for_before(meal, p, table, age_months)
    return _each(meal, p, table, age_months) or _requantify(meal, p, table, age_months) \
        or _refine(meal, p, table, age_months)


def _restates(meal: _Building, p: ParsedItem, table: FoodTable, age_months: int | None) -> bool:
    """"scrambled egg (1 whole egg)", "teething biscuit (1 arrowroot cookie)": a measured bracket right after
    an unmeasured food says how much of it there was, or what exactly it was."""
    if meal.previous is None or meal.previous[0].clause != p.clause:
        return False
    before, start = meal.previous
    olds = meal.items[start:]
    if len(olds) != 1 or not olds[0].estimated or olds[0].dish:
        return False
    q, rest = parse_quantity(list(p.words))
    if set(content_tokens(rest)) <= _SERVING_NOUNS:  # "(1 full sheet)", "(half a sandwich)": for _requantify
        return False
    new, missing = _weigh(p, table, age_months, meal.brand)
    if missing or len(new) != 1 or new[0].estimated:
        return False
    said, named = {singular(w) for w in content_tokens(rest)}, {singular(w) for w in normalise(olds[0].name).split()}
    if said & named:  # the same food: the bracket's amount of the food named before
        new, missing = _weigh(replace(before, words=(*[w for w in p.words if w not in rest], *before.words)),
                              table, age_months, meal.brand)
        if missing or not new:
            return False
    meal.items[start:] = new
    meal.clauses[start:] = [p.clause] * len(new)
    return True


def _amount_for_before(meal: _Building, p: ParsedItem, table: FoodTable, age_months: int | None) -> bool:
    """A bare amount opening a sentence is the amount of the unmeasured food just before it."""
    before, start = meal.previous
    if start >= len(meal.items) or (meal.clauses and meal.clauses[-1] == p.clause) or not (
            all(i.estimated for i in meal.items[start:]) or meal.amended[0] == start):  # "i said 2oz but like 1 oz"
        return False
    requantified = _requantified(before, p, table)
    if requantified is None:
        return False
    new, missing = _weigh(replace(requantified, clause=before.clause), table, age_months, meal.brand)
    if new and not missing:
        meal.items[start:] = new
        meal.clauses[start:] = [before.clause] * len(new)
        meal.amended = (start, p.clause)
    return True


def _each(meal: _Building, p: ParsedItem, table: FoodTable, age_months: int | None) -> bool:
    """"3 cubes of squash (about 1 oz each)": the weight of each piece; "rice and beans, 2 tbsp of each":
    that amount of every food the item before named."""
    q, rest = parse_quantity(list(p.words))
    if content_tokens(rest) != ["each"]:
        return False
    before, start = meal.previous
    if meal.first is not None and meal.first[0].clause == p.clause and not any(
            not i.estimated for i in meal.items[meal.first[1]:start]):
        start = meal.first[1]  # "peas and corn, 1 tbsp each"
    items = meal.items[start:]
    if not q.given or not items:
        return False
    said, _ = parse_quantity(list(before.words), _protected(list(before.words), table))
    pieces = said.amount if said.given and said.amount and said.unit not in MEASURES | set(VOLUME_UNITS) else None
    foods = 1 if pieces else max(1, len(re.findall(r"\b(?:and|&|n)\b", before.raw)) + 1 - (len(items) - 1))
    for i, item in enumerate(items, start):
        record = table.get(item.ndb_no or "")
        if record is None:
            continue
        one = grams_for(record, q, table.category(record), table.unit_hint(record), age_months).grams
        offered = one * (pieces or foods)
        share = item.grams / item.offered_grams if item.offered_grams else 1.0
        meal.items[i] = replace(_with_eaten(item, offered * share, table), offered_grams=round(offered, 1),
                                estimated=False, unit_grams=one if pieces else item.unit_grams)
    return True


def _refine(meal: _Building, p: ParsedItem, table: FoodTable, age_months: int | None) -> bool:
    before, start = meal.previous
    refined = _refined(before, p)
    if refined is None:
        return False
    new, missing = _weigh(refined, table, age_months, meal.brand)
    if new and not missing and {i.ndb_no for i in new} != {i.ndb_no for i in meal.items[start:]}:
        _replace_from(meal, start, new, p.clause)
    return True


def _requantify(meal: _Building, p: ParsedItem, table: FoodTable, age_months: int | None) -> bool:
    """"oatmeal with banana, about 1/2 cup": a bare amount is the clause's first item's."""
    if meal.first is None or meal.first[0].clause != p.clause:
        return False
    first, start, end = meal.first
    before, at = meal.previous
    if before is not first and before.kind is not None and at < len(meal.items):
        first, start, end = before, at, len(meal.items)  # "…, ate his mac n cheese tho, about 1/2 cup"
    requantified = _requantified(first, p, table)
    if requantified is None:
        return False
    new, missing = _weigh(requantified, table, age_months, meal.brand)
    if new and not missing:
        meal.items[start:end] = new
        meal.clauses[start:end] = [p.clause] * len(new)
        if meal.first[0] is first:
            meal.first = (requantified, start, start + len(new))
    return True


def _replace_from(meal: _Building, start: int, new: list[FoodItem], clause: int) -> None:
    del meal.items[start:], meal.clauses[start:]
    meal.items.extend(new)
    meal.clauses.extend([clause] * len(new))


_SERVING_NOUNS = frozenset({"sandwich", "sandwiches", "serving", "servings", "portion", "portions", "one", "ones",
                            "bowl", "bowls", "plate", "plates", "helping", "order", "ball", "balls",
                            "scoop", "scoops"})


def _requantified(before: ParsedItem, p: ParsedItem, table: FoodTable) -> ParsedItem | None:
    """"pb&j, half a sandwich": the amount for the item before, in a segment naming no new food."""
    q, rest = parse_quantity(list(p.words))
    if not q.given or not set(content_tokens(rest)) <= _SERVING_NOUNS:
        return None
    _, food_words = parse_quantity(list(before.words), _protected(list(before.words), table))
    amount = [w for w in p.words if w not in _SERVING_NOUNS]
    return replace(before, words=(*amount, *food_words), raw=f"{before.raw}, {p.raw}",
                   cut_into=p.cut_into or before.cut_into)


def _as_food(item: FoodItem, ndb_no: str, table: FoodTable, age_months: int | None) -> FoodItem:
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


def _dish_words(dish: str, table: FoodTable) -> set[str]:
    """Every word of a dish's names ("pb&j", "pb and j sandwich", ...)."""
    entry = table.names.exact(normalise(dish))
    phrases = (entry.name, *entry.variants) if entry is not None else (dish,)
    return {singular(w) for phrase in phrases for w in normalise(phrase).split()}


def _weigh(p: ParsedItem, table: FoodTable, age_months: int | None,
           brand_before: BrandSplit | None = None) -> tuple[list[FoodItem], str | None]:
    """Match one parsed item to foods and weigh the offered and eaten amounts.

    `brand_before` is the restaurant named earlier in the message: "McDonald's nuggets and fries".
    A bracketed aside is read with the food ("pouch (apple and spinach)") unless that names nothing
    ("3 chicken nuggets (the dino ones)")."""
    if p.aside:
        return _weigh_with_aside(p, table, age_months, brand_before)
    words = list(p.words)
    split = _brand_of(words, table)
    if split.brand is None and brand_before is not None and brand_before.brand is not None \
            and brand_before.brand.food_for(content_tokens(words)) is not None:
        split = BrandSplit(brand_before.brand, brand_before.brand_words, split.stage, split.rest)
    words = split.rest
    q, rest = parse_quantity(words, _protected(words, table))
    if q.unit and not content_tokens(rest):  # "a pouch": the unit is the food, if it is one
        rest = [w for w in words if UNIT_ALIASES.get(w) == q.unit][:1]
        unit, q = q.unit, replace(q, unit=None)
        if split.brand is None and (not rest or table.names.exact(rest[0]) is None):
            if unit in ("spoonful", "bite", "sip", "piece", "handful"):  # "she kept sneaking spoons"
                return [], None
            return [], p.raw  # "a bottle": of what? ask
    resolution = _resolve(p, rest, split, table)
    if resolution.unknown:
        return [], resolution.unknown
    if q.unit in _PACKAGES or (split.brand is not None and split.brand.baby) or split.stage:
        resolution = _baby_food_named(rest, split, table) or _baby_food(resolution, rest, table, split.stage)
    q = _counted_pieces(q, rest)
    resolution = _sliced(resolution, rest, q, table)
    if not q.given and q.vague is None and len(resolution.foods) == 1 and _single_serving(resolution.foods[0], rest):
        q = Quantity(1.0)  # "string cheese + a clementine": one stick of it
    if split.brand is not None and not q.given and q.vague is None:  # "a Yo Baby yogurt": one of its packs
        q = replace(q, amount=1.0, unit=_pack_unit(split, table))
    if q.unit in _PACKAGES and len(resolution.foods) > 1:  # "a pouch (apple and spinach)": mostly the first
        resolution = _baby_food(Resolution(resolution.foods[:1]), rest[: resolution.foods[0].end], table, split.stage)
    out = []
    brand = " ".join(split.brand_words)
    for n, found in enumerate(resolution.foods):
        if found.per_dish is not None:
            grams = _dish_grams(found, q, age_months, table)
            name = table.part_name(found.record)
        else:
            if n == len(resolution.foods) - 1:
                grams = _stage_jar(q, split) or piece_of_whole(found, q, p, age_months) or grams_for(
                    found.record, _as_count(q, found, rest), found.category, found.unit_hint, age_months)
            else:  # "avocado toast": the avocado is a topping, the quantity belongs to the toast
                topping = Quantity(vague=1.0 if found.category in _SPREADS else TOPPING_SHARE)
                grams = grams_for(found.record, topping, found.category, found.unit_hint, age_months)
            name = " ".join(rest[found.start : found.end]) or " ".join(content_tokens(rest)) or (
                "" if brand else p.raw)
        name = f"{brand} {name}".strip() if brand and n == len(resolution.foods) - 1 else name
        counted = q.given and q.amount and (not q.unit or q.unit not in MEASURES | set(VOLUME_UNITS))
        unit_grams = grams.grams / q.amount if counted else None  # "2 fish sticks (ate 1)": one stick
        bites_of_dish = found.dish is not None and p.eaten_bites is not None
        item = _item(found, name, p.raw, grams, replace(p, eaten_bites=None) if bites_of_dish else p,
                     age_months, unit_grams)
        out.append(replace(item, dish=found.dish.name) if found.dish is not None else item)
    if out and p.eaten_bites is not None and any(i.dish for i in out):
        out = _bites_of_dish(out, p, resolution.foods[-1], age_months, table)
    return out, None


def _bites_of_dish(items: list[FoodItem], p: ParsedItem, found: ResolvedFood, age_months: int | None,
                   table: FoodTable) -> list[FoodItem]:
    """"a few bites of a pb&j": the bites are of the whole dish, shared by its parts as the dish is."""
    total = sum(i.offered_grams for i in items) or 1.0
    eaten = min(total, p.eaten_bites * _bite_grams(found, p.bite_unit, age_months))
    out = []
    for item in items:
        share = eaten * item.offered_grams / total
        offered = share if item.estimated else item.offered_grams  # nothing offered is invented
        out.append(_with_eaten(replace(item, offered_grams=round(offered, 1), estimated=False), share, table))
    return out


def _brand_of(words: list[str], table: FoodTable) -> BrandSplit:
    """The brand in an item, unless its words are a food here ("2 plums", "brussels sprouts")."""
    split = split_brand(words)
    if split.brand is None:
        return split
    start = next(i for i in range(len(words)) if tuple(words[i : i + len(split.brand_words)]) == split.brand_words)
    end = start + len(split.brand_words)
    for match in table.names.cover(words):
        inside = match.start <= start and match.end >= end
        if inside and (match.end - match.start > end - start or not content_tokens(split.rest)) \
                and not any(UNIT_ALIASES.get(w) in _PACKAGES for w in split.rest):
            return BrandSplit(None, (), split.stage, words)
    return split


def _resolve(p: ParsedItem, rest: list[str], split: BrandSplit, table: FoodTable) -> Resolution:
    """Resolve the food words: a brand's own item, its default, a "made with" dish, else the words."""
    content = content_tokens(rest)
    if split.brand is not None:
        own = split.brand.food_for(content) if content else None
        if own is not None:
            return table.resolve_named(own)
        if not content or all(w in UNIT_ALIASES for w in content):  # "a go-gurt tube": the pack is the food
            if split.brand.default:
                return table.resolve_named(split.brand.default)
            return Resolution(unknown=" ".join(split.brand_words))
        if split.brand.default:
            default, named = table.resolve_named(split.brand.default), table.resolve(rest)
            if default.foods and named.foods and not named.unknown and \
                    default.foods[-1].category == named.foods[-1].category:
                return default  # "Yo Baby vanilla yogurt" is a Yo Baby, whatever the flavour
    plain = table.resolve(rest)
    if p.made_with:  # "mashed potatoes made with milk": that SR28 food, if it is the same kind of food
        whole = table.resolve([*rest, *content_tokens(list(p.made_with))])
        if not whole.unknown and len(whole.foods) == 1 and (plain.unknown or not plain.foods or
                                                             plain.foods[-1].record.food_group == whole.foods[0].record.food_group):
            return whole
    return plain


def _weigh_with_aside(p: ParsedItem, table: FoodTable, age_months: int | None,
                      brand_before: BrandSplit | None) -> tuple[list[FoodItem], str | None]:
    """"2 waffles (eggo)", "6 oz milk (1%)", "pouch (apple and spinach)": the aside names the food more
    precisely; "(the skinny kind)", "(whole wheat)" after the peanut butter: it does not, and is dropped.

    An aside is taken when the food it gives differs from the food without it, no new food appears,
    and every word of it the food's name or SR28 description holds (or the name is a curated one)."""
    plain, plain_missing = _weigh(replace(p, aside=()), table, age_months, brand_before)
    aside = tuple(w for w in p.aside if w not in ("and", "with", "n"))
    said = [singular(w) for w in content_tokens(list(aside))]
    taken = []
    for words in ((*aside, *p.words), (*p.words, *aside)) if part_words(aside) is None else ():
        new, missing = _weigh(replace(p, words=words, aside=()), table, age_months, brand_before)
        if missing or not new:
            continue
        if {i.ndb_no for i in new} == {i.ndb_no for i in plain}:  # "2 waffles (eggo)": eggo waffles are waffles
            taken.append((True, plain))
            continue
        if len(new) > max(len(plain), 1) and not (plain_missing or len(said) > 1 and new[0].dish):
            continue  # "pb (whole wheat)": the bread is the toast's, not a second food here
        described = all(any(d.startswith(w[:5]) for d in desc_words(i.description)) for w in said for i in new[-1:])
        if not plain or plain_missing or described or _curated(new, table):
            taken.append((not _curated(new, table), new))
    if taken:
        new = min(taken, key=lambda t: t[0])[1]  # a curated food first, then the plain words
        if len(new) == len(plain):  # shown by the parent's own words for it
            new = [replace(i, name=old.name) for i, old in zip(new, plain)]
        return new, None
    return plain, plain_missing


def _curated(items: list[FoodItem], table: FoodTable) -> bool:
    """Every food is one the curated names map to (not a search hit among branded SR28 rows)."""
    return all(table.unit_hint(table.get(i.ndb_no)) or i.dish for i in items if i.ndb_no and table.get(i.ndb_no))


def _pack_unit(split: BrandSplit, table: FoodTable) -> str | None:
    """The package a brand's default comes in ("gogo squeeze applesauce" is one pouch), else None."""
    if split.brand is None or not split.brand.default:
        return None
    default = table.resolve_named(split.brand.default)
    hint = default.foods[-1].unit_hint if default.foods else ""
    return UNIT_ALIASES.get(hint) if UNIT_ALIASES.get(hint) in _PACKAGES | {"tube"} else None


def _sliced(resolution: Resolution, rest: list[str], q: Quantity, table: FoodTable) -> Resolution:
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


def _single_serving(found: ResolvedFood, rest: list[str]) -> bool:
    """A food named in the singular that comes as one stick, pouch, tube, box or bar."""
    last = rest[-1] if rest else ""
    packed = found.unit_hint == "container" and last in ("cup", "tub", "container")  # "mandarin orange cup"
    return (found.unit_hint in SINGLE_SERVINGS or packed) and singular(last) == last and found.per_dish is None


def _counted_pieces(q: Quantity, rest: list[str]) -> Quantity:
    """"3 apple slices", "4 mandarin segments": a count of pieces, not of whole foods."""
    if not (q.given and q.amount and q.unit is None):
        return q
    for word in rest:
        unit = PIECE_WORDS.get(singular(word))
        if unit is not None:
            return replace(q, unit=unit)
    return q


def _as_count(q: Quantity, found: ResolvedFood, rest: list[str]) -> Quantity:
    """"5 peas", "10 cheerios": a count of a food measured in cups is a count of its pieces;
    "5 waffle fries": a count in the food's own portion word ("fry") when it has one."""
    if not (q.given and q.amount and q.unit is None):
        return q
    if not found.unit_hint and not q.size:  # "a kids fries" is a kids serving, not one fry
        units = {p.unit for p in found.record.portions}
        named = next((singular(w) for w in reversed(rest) if singular(w) in units), None)
        if named is not None:
            return replace(q, unit=named)
    if found.unit_hint in VOLUME_UNITS:
        return replace(q, unit="piece")
    return q


def _stage_jar(q: Quantity, split: BrandSplit) -> Grams | None:
    """"a jar of 1st foods": the jar size the stage says (SR28's Gerber First/Second/Third Foods jars)."""
    if split.stage is None or q.unit not in ("jar", "container", None):
        return None
    return Grams((q.amount or 1.0) * STAGE_JAR_G[split.stage], False, f"stage {split.stage} jar")


def how_many_dishes(found: ResolvedFood, q: Quantity, age_months: int | None,
                    table: FoodTable) -> tuple[float, bool]:
    """How many whole dishes `q` is, and whether that is an estimate.

    "half a pb&j" 0.5; "3 pieces" of a 6-piece roll 0.5; "3/4 cup cheerios with milk" scales the part
    measured in cups; "1/2 cup jollof rice" or "100 g" is that weight over the dish's own weight
    (a cup of a dish weighs servings.json's mixed or soup cup); nothing said: the age share."""
    entry, data = found.dish, servings()
    amount = q.amount or 1.0
    if not q.given:
        return data["dish_share"][age_band(age_months)] * (q.vague or 1.0), True
    if q.unit == "piece" and entry is not None and entry.pieces:
        return amount / entry.pieces, False
    if q.unit in (None, "serving", "piece") or entry is None:  # "a mini bagel with cream cheese": a small one
        return amount * (data["size_factor"].get(q.size, 1.0) if q.size else 1.0), False
    first_amount, first_unit = entry.components[0][1], entry.components[0][2].split()[0]
    if q.unit == first_unit:  # "3/4 cup of cheerios with milk": the cup is the cereal's
        return amount / first_amount, False
    weight = _dish_weight(entry, table)
    if q.unit in data["mass_g"]:
        return amount * data["mass_g"][q.unit] / weight, False
    if q.unit in data["volume_ml"]:
        kind = "soup" if _watery(entry) else "mixed"
        return amount * data["volume_ml"][q.unit] * data["cup_g_when_unknown"][kind] / 240 / weight, False
    return amount, False


_WATERY = frozenset({"14411", "06008", "06194", "06419"})  # water and broths
_DISH_WEIGHTS: dict[str, float] = {}


def _watery(entry) -> bool:
    grams = {ndb: amount for ndb, amount, unit in entry.components if unit == "g"}
    return sum(grams.get(n, 0.0) for n in _WATERY) >= 0.4 * max(sum(grams.values()), 1.0)


def _dish_weight(entry, table: FoodTable) -> float:
    """Grams in one whole dish (parts in grams as written, other units through the part's portions)."""
    if entry.name not in _DISH_WEIGHTS:
        total = 0.0
        for ndb, amount, unit in entry.components:
            record = table.get(ndb)
            word = unit.split()[0]
            part = Quantity(amount, word if word in UNIT_ALIASES.values() else None)
            hint = unit if part.unit is None or " " in unit else ""
            total += grams_for(record, part, table.category(record), hint).grams if record else 0.0
        _DISH_WEIGHTS[entry.name] = max(total, 1.0)
    return _DISH_WEIGHTS[entry.name]


def _dish_grams(found: ResolvedFood, q: Quantity, age_months: int | None, table: FoodTable) -> Grams:
    """One component of a dish: its amount per dish times how many dishes (an age share if unsaid)."""
    dishes, estimated = how_many_dishes(found, q, age_months, table)
    amount, unit = found.per_dish
    unit_word = unit.split()[0]
    part = Quantity(amount * dishes, unit_word if unit_word in UNIT_ALIASES.values() else None)
    hint = unit if part.unit is None or " " in unit else ""
    grams = grams_for(found.record, part, found.category, hint, age_months)
    return Grams(grams.grams, estimated, grams.basis)


def _refined(previous: ParsedItem, p: ParsedItem) -> ParsedItem | None:
    """"1 egg, fried": a segment of preparation words only re-describes the item before it."""
    if not p.words or not all(w in DESCRIPTORS or w in STOPWORDS for w in p.words):
        return None
    if not any(w in DESCRIPTORS for w in p.words):
        return None
    return replace(previous, words=(*p.words, *previous.words), raw=f"{previous.raw}, {p.raw}")


def _baby_food_named(rest: list[str], split: BrandSplit, table: FoodTable) -> Resolution | None:
    """"Gerber 2nd foods apple carrot squash": the SR28 baby food naming every food said (its brand's row
    first), so a blend is not read as its first fruit."""
    content = [w for w in content_tokens(rest) if UNIT_ALIASES.get(w) not in _PACKAGES and w != "puree"]
    if len(table.names.cover(content)) < 2:  # one food ("sweet potatoes"): _baby_food's strained row
        return None
    for words in (["babyfood", *split.brand_words, *content], ["babyfood", *content]):
        hit = table.search_index.search(words)
        record = table.search_index.foods[hit.index] if hit is not None else None
        if record is not None and record.food_group == "0300" and all(
                any(d.startswith(singular(w)[:5]) for d in desc_words(record.description)) for w in content):
            return Resolution((ResolvedFood(record, table.category(record), "", 0, len(rest)),))
    return None


def _baby_food(resolution, rest: list[str], table: FoodTable, stage: int | None = None):
    """A jar of pears is strained baby pears (junior at stage 3): prefer the SR28 baby food of that food."""
    foods = resolution.foods  # "a jar of chicken and rice" is the baby food, not a recipe of rice and chicken
    if not foods or (len(foods) == 1 and foods[0].record.food_group == "0300") or not content_tokens(rest):
        return resolution
    content = content_tokens(rest)
    tries = [["babyfood", *content, "junior"]] if stage == 3 else []
    tries += [[*(singular(w) for w in content), "puree"], ["baby", *content],
              ["babyfood", *content, "strained"], ["babyfood", *content]]
    for words in tries:
        baby = table.resolve(words)
        said = {singular(w) for w in content}
        if baby.foods and not baby.unknown and baby.foods[-1].record.food_group == "0300" and any(
                d.startswith(w) for d in desc_words(baby.foods[-1].record.description) for w in said):
            return baby  # "apple" -> applesauce, never a vegetable mix
    return resolution


def _item(found: ResolvedFood, name: str, raw: str, grams: Grams, p: ParsedItem,
          age_months: int | None, unit_grams: float | None = None) -> FoodItem:
    offered, eaten = grams.grams, grams.grams
    if p.eaten_bites is not None:
        eaten = p.eaten_bites * _bite_grams(found, p.bite_unit, age_months)
        offered = max(offered, eaten) if not grams.estimated else eaten  # nothing offered is invented
    elif p.eaten_share is not None:
        eaten = offered * p.eaten_share
    estimated = grams.estimated and p.eaten_bites is None  # "2 bites" is an amount eaten
    record = found.record
    return FoodItem(name, record.ndb_no, record.description, record.food_group, round(eaten, 1),
                    round(offered, 1), estimated, raw, nutrients_for(record.nutrients, eaten), unit_grams)


def _bite_grams(found: ResolvedFood, unit: str, age_months: int | None) -> float:
    """Grams in one bite, spoonful or sip of the food for a child of this age."""
    data = servings()
    q = Quantity(1.0, unit)
    if unit == "sip":
        q = Quantity(data["volume_ml"]["sip"], "ml")
    if unit == "lick":  # "a few licks of banana": a fraction of a bite
        return LICK_SHARE * grams_for(found.record, Quantity(1.0, "bite"), found.category, found.unit_hint,
                                      age_months).grams
    return grams_for(found.record, q, found.category, found.unit_hint, age_months).grams


def _protected(words: list[str], table: FoodTable) -> frozenset[int]:
    """Word positions inside food names that must not be read as units ("cheese stick", "2% milk")."""
    keep: set[int] = set()
    for match in table.names.cover(words):
        span = words[match.start : match.end]
        if len(span) >= 2 and any(w in SIZES for w in span):
            keep.update(range(match.start, match.end))  # "mini babybel" is a food, not a small babybel
            continue
        if len(span) < 2 or not any(w in UNIT_ALIASES or "%" in w for w in span):
            continue
        if table.names.exact(" ".join(words[match.end - 1 : match.end + 1])) is not None \
                and match.end < len(words):  # "slice of cheese pizza" is a slice of the cheese pizza
            continue
        before = words[match.start - 1] if match.start > 0 else ""
        if UNIT_ALIASES.get(span[0]) in MEASURES and (number_value(before) is not None or before in NUMBER_WORDS):
            continue  # "half cup noodles" is half a cup of noodles, not Cup Noodles
        bare = [w for w in span if w not in UNIT_ALIASES and w != "of"]
        other = table.names.exact(" ".join(bare))
        if other is None or other.name != match.entry.name or any("%" in w for w in span):
            keep.update(range(match.start, match.end))  # "juice box" is not a box of juice
    return frozenset(keep)


def _merge_outcome(items: list[FoodItem], item: FoodItem, p: ParsedItem, table: FoodTable) -> bool:
    """"…, refused the peas": update the peas already listed instead of adding them again."""
    if p.eaten_share is None and p.eaten_bites is None:
        return False
    if not item.estimated and p.eaten_bites is None:  # "refused 2 eggs": a new, weighed item
        return False
    for i, earlier in enumerate(items):
        if earlier.ndb_no == item.ndb_no:
            if p.eaten_bites is not None:
                eaten = min(earlier.offered_grams, item.grams)
            else:
                eaten = earlier.offered_grams * p.eaten_share
            items[i] = _with_eaten(earlier, eaten, table)
            return True
    return False


def _apply_back(items: list[FoodItem], clauses: list[int], p: ParsedItem, table: FoodTable,
                age_months: int | None) -> None:
    """"… but she refused it" / "only ate half": apply to the items just before."""
    same = [i for i, c in enumerate(clauses) if c == p.clause]
    targets = same or [i for i, c in enumerate(clauses) if c == p.clause - 1]
    if p.kind is None and p.eaten_share is not None and same:  # "a muffin and a kiwi, half": the kiwi
        targets = same[-1:]
    if not targets and items:
        targets = [len(items) - 1]
    if p.words and targets and _apply_amount(items, targets[-1], p, table, age_months):
        return
    if p.eaten_bites is not None:
        offered = sum(items[i].offered_grams for i in targets) or 1.0
        eaten = p.eaten_bites * servings()["bite_g"][age_band(age_months)]
        for i in targets:
            share = items[i].offered_grams / offered
            items[i] = _with_eaten(items[i], min(items[i].offered_grams, eaten * share), table)
        return
    for i in targets:
        item = items[i]
        if item.estimated and (p.bite_unit == OF_WHOLE or p.eaten_share and _one_of(item, table)):
            item = replace(item, offered_grams=round(_one_whole(item, table, age_months), 1))  # "cut into 4,
            # ate 2", "beef empanada, ate half": a share of one whole one
        items[i] = _with_eaten(item, item.offered_grams * (p.eaten_share or 0.0), table)


def _apply_amount(items: list[FoodItem], i: int, p: ParsedItem, table: FoodTable, age_months: int | None) -> bool:
    """"half of the 4oz": the item held 4 oz, half was eaten; "an ounce went down": an ounce was eaten."""
    q, _ = parse_quantity(list(p.words))
    record = table.get(items[i].ndb_no or "")
    if not q.given or record is None:
        return False
    grams = grams_for(record, q, table.category(record), table.unit_hint(record), age_months).grams
    item = items[i]
    if p.eaten_share is not None:
        items[i] = _with_eaten(replace(item, offered_grams=round(grams, 1), estimated=False), grams * p.eaten_share,
                               table)
    else:
        offered = max(item.offered_grams, grams)
        items[i] = _with_eaten(replace(item, offered_grams=round(offered, 1), estimated=False), grams, table)
    return True


def _one_of(item: FoodItem, table: FoodTable) -> bool:
    """A food named in the singular that comes whole ("empanada", "pb&j"), not by the cup ("pasta")."""
    words = normalise(item.name).split()
    if not words or singular(words[-1]) != words[-1] or words[-1].endswith("s"):
        return False
    record = table.get(item.ndb_no or "")
    hint = table.unit_hint(record) if record is not None else ""
    return item.dish is not None or bool(hint) and hint not in VOLUME_UNITS and hint not in MEASURES \
        and hint not in _PACKAGES


def _one_whole(item: FoodItem, table: FoodTable, age_months: int | None) -> float:
    """Grams of one whole dish or food, for an item whose amount was not said."""
    if item.dish:
        return item.offered_grams / _dish_share(age_months)
    record = table.get(item.ndb_no or "")
    if record is None:
        return item.offered_grams
    whole = grams_for(record, Quantity(1.0), table.category(record), table.unit_hint(record), age_months)
    return item.offered_grams if whole.basis.startswith("default") else whole.grams


def _dish_share(age_months: int | None) -> float:
    """The share of a whole dish taken when the parent gives no amount (servings.json)."""
    return servings()["dish_share"][age_band(age_months)]


def _apply_count(items: list[FoodItem], clauses: list[int], p: ParsedItem, table: FoodTable) -> None:
    """"gave him 5 strawberries and he ate 3": three of the pieces offered were eaten."""
    counted = [i for i, item in enumerate(items) if item.unit_grams]
    if not counted or p.eaten_count is None:
        return
    target = items[counted[-1]]
    eaten = min(target.offered_grams, p.eaten_count * (target.unit_grams or 0.0))
    items[counted[-1]] = _with_eaten(target, eaten, table)


def _eaten_of_offered(items: list[FoodItem], offered: set[int], item: FoodItem, p: ParsedItem,
                      table: FoodTable) -> bool:
    """"offered 1 cup of milk, she drank 4 oz": the amount eaten of a food already offered."""
    if p.kind != EAT or item.estimated:
        return False
    for i in sorted(offered, reverse=True):  # the same food, or the same words ("steamed carrot sticks")
        if items[i].ndb_no == item.ndb_no or normalise(items[i].name) == normalise(item.name):
            items[i] = _with_eaten(items[i], min(items[i].offered_grams, item.grams), table)
            offered.discard(i)
            return True
    return False


def _with_eaten(item: FoodItem, eaten: float, table: FoodTable) -> FoodItem:
    record = table.get(item.ndb_no) if item.ndb_no else None
    nutrients = nutrients_for(record.nutrients, eaten) if record else item.nutrients
    return replace(item, grams=round(eaten, 1), nutrients=nutrients)


def _ask_llm(text, items, unknown, table, age_months, llm_parse):
    """Let an LLM name the foods we could not; weigh its answers with our own table."""
    try:
        answer = llm_parse(text) or []
    except Exception:  # the model is an optional helper: never let it break logging a meal
        logger.warning("llm_parse failed; keeping the local parse", exc_info=True)
        return items, unknown
    known = {item.ndb_no for item in items}
    remaining = list(unknown)
    for name, amount, unit in answer:
        if not remaining or not name:
            break
        phrase = " ".join(str(x) for x in (amount, unit) if x is not None) + f" {name}"
        new, missing = _weigh(ParsedItem(name, tuple(normalise(phrase).split())), table, age_months)
        if missing or not new or {i.ndb_no for i in new} <= known:
            continue
        explained = next((u for u in remaining if fuzz.partial_ratio(u, name.lower()) >= 80), remaining[0])
        remaining.remove(explained)
        for item in new:
            items.append(replace(item, name=explained, raw=explained))
            known.add(item.ndb_no)
    return items, remaining

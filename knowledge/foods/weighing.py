"""Weigh one parsed item: match its words to SR28 foods and say how many grams were offered and eaten.

`weigh(p, table, age_months, brand_before)` reads a brand ("McDonald's nuggets"), the amount, a
bracketed aside ("2 waffles (eggo)"), baby food, counted pieces and dishes, and returns the items
with the words it could not match.
"""
from __future__ import annotations

from dataclasses import replace

from knowledge.foods.baby_food import baby_food, baby_food_named, brand_pouch, pack_unit, stage_jar
from knowledge.foods.brands import BrandSplit, split_brand
from knowledge.foods.counts import (as_count, counted_pieces, fast_food_order, gnawed_leftover, one_whole_dish,
                                    puree_cubes, single_serving, sliced)
from knowledge.foods.dish_amounts import dish_grams
from knowledge.foods.eaten import shared_dish_bites, weighed_item
from knowledge.foods.food_item import FoodItem
from knowledge.foods.meal_parser import ParsedItem
from knowledge.foods.pieces import part_words, piece_of_whole
from knowledge.foods.portions import VOLUME_UNITS, Grams, grams_for
from knowledge.foods.quantities import (MEASURES, NUMBER_WORDS, PACKAGES, SIZES, UNIT_ALIASES, Quantity,
                                       number_value, parse_quantity)
from knowledge.foods.search import desc_words
from knowledge.foods.sr28 import singular
from knowledge.foods.table import FoodTable, Resolution
from knowledge.foods.text import STOPWORDS, content_tokens

TOPPING_SHARE = 0.5  # a fruit or vegetable on toast or in oatmeal: half a serving

SPREADS = frozenset({"spread", "condiment", "dip", "cheese", "sweet"})
# A drink named with no amount ("only milk today", "some of her milk", "breastfed") is listed but not
# counted: a glass could be a sip or 8 oz, and a guessed full glass outweighs the rest of a toddler's
# meal. Any amount or container makes it count ("a sippy of milk", "4 oz juice", "a juice box", "3 sips").
UNMEASURED_DRINKS = frozenset({"milk", "formula", "juice", "drink", "water"})


def weigh(p: ParsedItem, table: FoodTable, age_months: int | None,
          brand_before: BrandSplit | None = None) -> tuple[list[FoodItem], str | None]:
    """Match one parsed item to foods and weigh the offered and eaten amounts.

    `brand_before` is the restaurant named earlier in the message: "McDonald's nuggets and fries".
    A bracketed aside is read with the food ("pouch (apple and spinach)") unless that names nothing
    ("3 chicken nuggets (the dino ones)")."""
    if p.aside and (p.aside[-1] in _ALSO or p.aside[0] in _ALSO) and len(p.aside) <= 4:  # "hot dog (bun too)"
        plain, missing = weigh(replace(p, aside=()), table, age_months, brand_before)
        extra = tuple(w for w in p.aside if w not in _ALSO)
        more, _ = weigh(ParsedItem(" ".join(extra), (*p.words, *extra), kind=p.kind), table, age_months) \
            if extra else ([], None)  # "hot dog (bun too)": a hot dog bun, when the names have one
        if len(more) != 1 or more[0].ndb_no in {i.ndb_no for i in plain}:
            more, _ = weigh(ParsedItem(" ".join(extra), extra, kind=p.kind), table, age_months) if extra else ([], None)
        return plain + more, missing
    if p.aside:
        return _weigh_with_aside(p, table, age_months, brand_before)
    words = list(p.words)
    split = brand_of(words, table)
    if split.brand is None and brand_before is not None and brand_before.brand is not None \
            and brand_before.brand.food_for(_item_words(words)) is not None:
        split = BrandSplit(brand_before.brand, brand_before.brand_words, split.stage, split.rest)
    if _brand_as_place(split, p):
        return [], None
    words = split.rest
    q, rest = parse_quantity(words, protected(words, table))
    measured_brand = split.brand is not None and split.brand.default and q.unit in MEASURES  # "1 cup KD"
    if q.unit and not content_tokens(rest) and not measured_brand:  # "a pouch": the unit is the food, if it is one
        rest = [w for w in words if UNIT_ALIASES.get(w) == q.unit][:1]
        unit, q = q.unit, replace(q, unit=None)
        if split.brand is None and (not rest or table.names.exact(rest[0]) is None):
            if unit in ("spoonful", "bite", "sip", "piece", "handful"):  # "she kept sneaking spoons"
                return [], None
            return [], p.raw  # "a bottle": of what? ask
    resolution = _resolve(p, rest, split, table)
    if resolution.unknown:
        return [], resolution.unknown
    if q.unit in PACKAGES or (split.brand is not None and split.brand.baby) or split.stage:
        resolution = baby_food_named(rest, split, table) or baby_food(resolution, rest, table, split.stage)
    q = counted_pieces(q, rest)
    resolution = sliced(resolution, rest, q, table)
    if not q.given and q.vague is None and len(resolution.foods) == 1 and (
            single_serving(resolution.foods[0], rest) or one_whole_dish(resolution.foods[0], rest, age_months)):
        q = Quantity(1.0)  # "string cheese + a clementine": one stick of it; "beef empanada": one empanada
    if split.brand is not None and not q.given and q.vague is None:  # "a Yo Baby yogurt": one of its packs
        q = replace(q, amount=1.0, unit=pack_unit(split, table))
    if q.unit is None and q.vague is None and (pack := _package_named(rest)) is not None:
        q = replace(q, amount=q.amount or 1.0, unit=pack)  # "an apple sweet potato pouch": one pouch of it
    if q.unit in PACKAGES and len(resolution.foods) > 1:  # "a pouch (apple and spinach)": mostly the first
        resolution = baby_food(Resolution(resolution.foods[:1]), rest[: resolution.foods[0].end], table, split.stage)
    out = []
    brand = " ".join(split.brand_words)
    for n, found in enumerate(resolution.foods):
        if found.per_dish is not None:
            grams = dish_grams(found, q, age_months, table, p.cut_into)
            name = table.part_name(found.record)
        else:
            if n == len(resolution.foods) - 1 and _unmeasured_drink(found.category, q, p, rest):
                grams = Grams(0.0, True, "drink, amount not said")
            elif n == len(resolution.foods) - 1:
                grams = stage_jar(q, split) or brand_pouch(q, split, found.unit_hint) or puree_cubes(q, found, p.words) \
                    or gnawed_leftover(q, found, rest) or fast_food_order(q, found, rest) or piece_of_whole(found, q, p, age_months) \
                    or grams_for(found.record, as_count(q, found, rest), found.category, found.unit_hint, age_months)
            else:  # "avocado toast": the avocado is a topping, the quantity belongs to the toast
                topping = Quantity(vague=1.0 if found.category in SPREADS else TOPPING_SHARE)
                grams = grams_for(found.record, topping, found.category, found.unit_hint, age_months)
            name = " ".join(rest[found.start : found.end]) or " ".join(_item_words(rest)) or (
                "" if brand else p.raw)
        name = f"{brand} {name}".strip() if brand and n == len(resolution.foods) - 1 else name
        counted = q.given and q.amount and (not q.unit or q.unit not in MEASURES | set(VOLUME_UNITS))
        unit_grams = grams.grams / q.amount if counted else None  # "2 fish sticks (ate 1)": one stick
        bites_of_dish = found.dish is not None and p.eaten_bites is not None
        item = weighed_item(found, name, p.raw, grams, replace(p, eaten_bites=None) if bites_of_dish else p,
                            age_months, unit_grams)
        out.append(replace(item, dish=found.dish.name) if found.dish is not None else item)
    if out and p.eaten_bites is not None and any(i.dish for i in out):
        out = shared_dish_bites(out, p, resolution.foods[-1], age_months, table)
    return out, None


def _package_named(words: list[str]) -> str | None:
    """The package a food's own name ends in ("apple banana pouch", "fruit cup"), else None."""
    last = UNIT_ALIASES.get(words[-1]) if words else None
    return last if last in PACKAGES else None


_ALSO = frozenset({"too", "also", "included", "including", "plus"})


def _brand_as_place(split: BrandSplit, p: ParsedItem) -> bool:
    """"DD at mcdonalds: 4 nuggets": a restaurant said after "at"/"from" with no food of its own is where the
    meal was; it names the brand of what follows, and is no food itself."""
    if split.brand is None or content_tokens(split.rest) or any(number_value(w) is not None for w in split.rest):
        return False
    words = list(p.words)
    start = next((i for i in range(len(words)) if tuple(words[i : i + len(split.brand_words)]) == split.brand_words), 0)
    return start > 0 and words[start - 1] in ("at", "from") and all(w in _WHO_WENT for w in words[: start - 1])


_WHO_WENT = frozenset("dd ds lo she he we they i us baby kid kids toddler son daughter were was went to then and so "
                      "also just the today tonight our".split())  # "DD at", "we were at": who went there


def _unmeasured_drink(category: str, q: Quantity, p: ParsedItem, rest: list[str]) -> bool:
    """A drink with no amount, container or sips said: shown, counted as nothing."""
    return category in UNMEASURED_DRINKS and not q.given and p.eaten_bites is None \
        and not any(singular(w) in _DRINK_CONTAINERS for w in rest)


_DRINK_CONTAINERS = frozenset({"jug", "carton", "bottle", "box", "glass", "cup", "sippy", "mug", "can", "pouch",
                               "tetra", "flask", "beaker"})  # "chocolate milk jug": one of them


def _weigh_with_aside(p: ParsedItem, table: FoodTable, age_months: int | None,
                      brand_before: BrandSplit | None) -> tuple[list[FoodItem], str | None]:
    """"2 waffles (eggo)", "6 oz milk (1%)", "pouch (apple and spinach)": the aside names the food more
    precisely; "(the skinny kind)", "(whole wheat)" after the peanut butter: it does not, and is dropped.

    An aside is taken when the food it gives differs from the food without it, no new food appears,
    and every word of it the food's name or SR28 description holds (or the name is a curated one)."""
    plain, plain_missing = weigh(replace(p, aside=()), table, age_months, brand_before)
    aside = tuple(w for w in p.aside if w not in ("and", "with", "n"))
    if (own_part := _dish_part_aside(p, plain, aside, table, age_months, brand_before)) is not None:
        return own_part, None
    said = [singular(w) for w in content_tokens(list(aside))]
    taken = []
    for words in ((*aside, *p.words), (*p.words, *aside)) if part_words(aside) is None else ():
        new, missing = weigh(replace(p, words=words, aside=()), table, age_months, brand_before)
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


def _dish_part_aside(p: ParsedItem, plain: list[FoodItem], aside: tuple[str, ...], table: FoodTable,
                     age_months: int | None, brand_before: BrandSplit | None) -> list[FoodItem] | None:
    """"a cheese quesadilla (1 small tortilla)", "(little 6 inch one)": the aside names the dish's own
    part or nothing at all but its size, so the dish stays, as big as the aside says."""
    if not plain or not all(i.dish for i in plain):
        return None
    sizes = tuple(w for w in aside if w in SIZES)
    named, missing = weigh(replace(p, words=aside, aside=()), table, age_months, brand_before)
    own_part = not missing and named and {i.ndb_no for i in named} < {i.ndb_no for i in plain}
    if not (own_part or sizes and not named):
        return None
    return weigh(replace(p, words=(*sizes, *p.words), aside=()), table, age_months, brand_before)[0]


def _curated(items: list[FoodItem], table: FoodTable) -> bool:
    """Every food is one the curated names map to (not a search hit among branded SR28 rows)."""
    return all(table.unit_hint(table.get(i.ndb_no)) or i.dish for i in items if i.ndb_no and table.get(i.ndb_no))


def _resolve(p: ParsedItem, rest: list[str], split: BrandSplit, table: FoodTable) -> Resolution:
    """Resolve the food words: a brand's own item, its default, a "made with" dish, else the words."""
    content = content_tokens(rest)
    if split.brand is not None:
        own = split.brand.food_for(_item_words(rest)) if _item_words(rest) else None
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


def _item_words(words: list[str]) -> list[str]:
    """The words that may name a brand's item: "2 strips" at Chick-fil-A is its strips, though "strips"
    alone is only a shape elsewhere."""
    return content_tokens(words) or [w for w in words if w not in STOPWORDS and number_value(w) is None]


def brand_of(words: list[str], table: FoodTable) -> BrandSplit:
    """The brand in an item, unless its words are a food here ("2 plums", "brussels sprouts")."""
    split = split_brand(words)
    if split.brand is None:
        return split
    start = next(i for i in range(len(words)) if tuple(words[i : i + len(split.brand_words)]) == split.brand_words)
    end = start + len(split.brand_words)
    for match in table.names.cover(words):
        inside = match.start <= start and match.end >= end
        if inside and (match.end - match.start > end - start or not content_tokens(split.rest)) \
                and not any(UNIT_ALIASES.get(w) in PACKAGES for w in split.rest):
            return BrandSplit(None, (), split.stage, words)
    return split


def protected(words: list[str], table: FoodTable) -> frozenset[int]:
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

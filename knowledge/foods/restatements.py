"""Later words about a food already listed: "1 egg, fried", "pb&j, half a sandwich", "soup, about a cup",
"scrambled egg (1 whole egg)", "rice and beans, 2 tbsp each", "trying rice cereal!! maybe 2 tbsp".

`MealSoFar` is a meal while its items are read; `restates` and `redescribes` apply a segment that
names no new food to the item (or clause) before it, and say whether they did.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from knowledge.foods.brands import BrandSplit
from knowledge.foods.food_item import FoodItem, with_eaten
from knowledge.foods.meal_parser import ParsedItem
from knowledge.foods.portions import VOLUME_UNITS, grams_for
from knowledge.foods.quantities import MEASURES, UNIT_ALIASES, parse_quantity
from knowledge.foods.sr28 import singular
from knowledge.foods.table import FoodTable
from knowledge.foods.text import DESCRIPTORS, STOPWORDS, content_tokens, normalise
from knowledge.foods.weighing import protected, weigh


@dataclass
class MealSoFar:
    """A meal while its items are read: items, their clauses, unknown words and what came before."""

    items: list[FoodItem] = field(default_factory=list)
    clauses: list[int] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)
    previous: tuple[ParsedItem, int] | None = None  # last parsed item and where its foods start
    offered: set[int] = field(default_factory=set)  # offered items whose eaten amount is not said yet
    brand: BrandSplit | None = None  # the restaurant or brand named last
    first: tuple[ParsedItem, int, int] | None = None  # the clause's first item and its foods' span
    amended: tuple[int, int] = (-1, -1)  # items re-weighed by a bare amount in a later sentence, and its clause
    touched: tuple[int, int] | None = None  # the clause that last said what became of an earlier item, and the item


_SERVING_NOUNS = frozenset({"sandwich", "sandwiches", "serving", "servings", "portion", "portions", "one", "ones",
                            "bowl", "bowls", "plate", "plates", "helping", "order", "ball", "balls",
                            "scoop", "scoops"})


def redescribes(meal: MealSoFar, p: ParsedItem, table: FoodTable, age_months: int | None) -> bool:
    """"1 egg, fried" / "pb&j, half a sandwich" / "soup, about a cup": re-describes an item before it."""
    if meal.previous is None:
        return False
    if _head_restated(meal, p, table, age_months):
        return True
    if meal.previous[0].clause != p.clause:  # "trying rice cereal!! maybe 2 tbsp": the amount opens the next
        return p.clause - 1 in (meal.previous[0].clause, meal.amended[1]) and \
            _amount_for_before(meal, p, table, age_months)
    return _each(meal, p, table, age_months) or _requantify(meal, p, table, age_months) \
        or _refine(meal, p, table, age_months)


def restates(meal: MealSoFar, p: ParsedItem, table: FoodTable, age_months: int | None) -> bool:
    """"scrambled egg (1 whole egg)", "teething biscuit (1 arrowroot cookie)": a measured bracket right after
    an unmeasured food says how much of it there was, or what exactly it was."""
    if meal.previous is None or meal.previous[0].clause != p.clause:
        return False
    before, start = meal.previous
    olds = meal.items[start:]
    same = len(olds) == 1 and not olds[0].dish and _same_food(olds[0], p, table)
    uncounted = same and _COUNTED.search(before.raw) is None  # "half the apple slices (1 small apple)": the
    if same and not olds[0].estimated and not uncounted:  # slices were not counted, the bracket says how many
        return True  # "a strip of omelette (1/4 egg maybe)": the amount was said already; one food, once
    if len(olds) != 1 or not (olds[0].estimated or uncounted) or olds[0].dish:
        return False
    q, rest = parse_quantity(list(p.words))
    if set(content_tokens(rest)) <= _SERVING_NOUNS:  # "(1 full sheet)", "(half a sandwich)": for _requantify
        return False
    new, missing = weigh(p, table, age_months, meal.brand)
    if missing or len(new) != 1 or new[0].estimated:
        return False
    said, named = {singular(w) for w in content_tokens(rest)}, {singular(w) for w in normalise(olds[0].name).split()}
    if said & named:  # the same food: the bracket's amount of the food named before
        unmeasured = [w for w in before.words if w not in UNIT_ALIASES or w in rest]  # "apple slices (1 apple)"
        new, missing = weigh(replace(before, words=(*[w for w in p.words if w not in rest], *unmeasured)),
                             table, age_months, meal.brand)
        if missing or not new:
            return False
    meal.items[start:] = new
    meal.clauses[start:] = [p.clause] * len(new)
    return True


_COUNTED = re.compile(r"\d|\b(?:an?|one|two|three|four|five|six|half|quarter|third|some|few|couple|handful|bit)\b", re.I)


def _same_food(old: FoodItem, p: ParsedItem, table: FoodTable) -> bool:
    """The bracket names the food before it again: its row, or words its SR28 description or name holds
    ("omelette" then "(1/4 egg)": "Egg, whole, cooked, omelet")."""
    _, rest = parse_quantity(list(p.words))
    said = [singular(w) for w in content_tokens(rest)]
    found = table.resolve(content_tokens(rest)) if said else None
    if found is None or found.unknown or len(found.foods) != 1:
        return False
    if found.foods[0].record.ndb_no == old.ndb_no:
        return True
    held = {singular(w) for w in re.findall(r"[a-z]+", f"{old.description} {old.name}".lower())}
    return all(w in held for w in said)


def _amount_for_before(meal: MealSoFar, p: ParsedItem, table: FoodTable, age_months: int | None) -> bool:
    """A bare amount opening a sentence is the amount of the unmeasured food just before it."""
    before, start = meal.previous
    if p.aside:  # "pouch (Ella's apple banana)": a pack that names its own food is a new item
        return False
    if start >= len(meal.items) or (meal.clauses and meal.clauses[-1] == p.clause) or not (
            all(i.estimated for i in meal.items[start:]) or meal.amended[0] == start  # "i said 2oz but like 1 oz"
            or _same_unit(before, p, table)):  # "a can of sprite - ok fine, half a can"
        return False
    requantified = _requantified(before, p, table)
    if requantified is None:
        return False
    new, missing = weigh(replace(requantified, clause=before.clause), table, age_months, meal.brand)
    if new and not missing:
        meal.items[start:] = new
        meal.clauses[start:] = [before.clause] * len(new)
        meal.amended = (start, p.clause)
    return True


_LENGTHS = frozenset({"inch", "inches", "in", "cm", "centimeter", "centimeters", "centimetre", "centimetres"})


def _each(meal: MealSoFar, p: ParsedItem, table: FoodTable, age_months: int | None) -> bool:
    """"3 cubes of squash (about 1 oz each)": the weight of each piece; "rice and beans, 2 tbsp of each":
    that amount of every food the item before named."""
    q, rest = parse_quantity(list(p.words))
    if [w for w in content_tokens(rest) if w not in _LENGTHS] != ["each"]:
        return False
    if _LENGTHS & set(p.words):  # "2 cubes of tofu, about an inch each": how big, which the count already says
        return True
    before, start = meal.previous
    if meal.first is not None and meal.first[0].clause == p.clause and not any(
            not i.estimated for i in meal.items[meal.first[1]:start]):
        start = meal.first[1]  # "peas and corn, 1 tbsp each"
    items = meal.items[start:]
    if not q.given or not items:
        return False
    said, _ = parse_quantity(list(before.words), protected(list(before.words), table))
    pieces = said.amount if said.given and said.amount and said.unit not in MEASURES | set(VOLUME_UNITS) else None
    foods = 1 if pieces else max(1, len(re.findall(r"\b(?:and|&|n)\b", before.raw)) + 1 - (len(items) - 1))
    for i, item in enumerate(items, start):
        record = table.get(item.ndb_no or "")
        if record is None:
            continue
        one = grams_for(record, q, table.category(record), table.unit_hint(record), age_months).grams
        offered = one * (pieces or foods)
        share = item.grams / item.offered_grams if item.offered_grams else 1.0
        meal.items[i] = replace(with_eaten(item, offered * share, table), offered_grams=round(offered, 1),
                                estimated=False, unit_grams=one if pieces else item.unit_grams)
    return True


def _head_restated(meal: MealSoFar, p: ParsedItem, table: FoodTable, age_months: int | None) -> bool:
    """"sweet potato fries baked at home, ate 8 fries": a counted food named by the last words of a food
    listed before is that food ("8 sweet potato fries"), not a second, plainer one (potato fries); the
    meatballs of "spaghetti and meatballs" are a part, not the whole dish again."""
    q, rest = parse_quantity(list(p.words))
    said = [singular(w) for w in content_tokens(rest)]
    if not q.given or not said or p.refers_back:
        return False
    for i in range(len(meal.items) - 1, -1, -1):
        earlier = meal.items[i]
        named = [singular(w) for w in normalise(earlier.name).split()]
        if earlier.dish or len(named) <= len(said) or named[-len(said):] != said or {"and", "with"} & set(named):
            continue
        words = (*[w for w in p.words if w not in rest or w not in content_tokens(rest)], *normalise(earlier.name).split())
        new, missing = weigh(replace(p, words=words), table, age_months, meal.brand)
        if missing or len(new) != 1 or new[0].ndb_no != earlier.ndb_no:
            return False
        meal.items[i] = new[0] if earlier.estimated else with_eaten(earlier, min(earlier.offered_grams, new[0].grams), table)
        return True
    return False


def _refine(meal: MealSoFar, p: ParsedItem, table: FoodTable, age_months: int | None) -> bool:
    before, start = meal.previous
    refined = _refined(before, p)
    if refined is None:
        return False
    new, missing = weigh(refined, table, age_months, meal.brand)
    if new and not missing and {i.ndb_no for i in new} != {i.ndb_no for i in meal.items[start:]}:
        _replace_from(meal, start, new, p.clause)
    return True


def _refined(previous: ParsedItem, p: ParsedItem) -> ParsedItem | None:
    """"1 egg, fried": a segment of preparation words only re-describes the item before it."""
    if not p.words or not all(w in DESCRIPTORS or w in STOPWORDS for w in p.words):
        return None
    if not any(w in DESCRIPTORS for w in p.words):
        return None
    return replace(previous, words=(*p.words, *previous.words), raw=f"{previous.raw}, {p.raw}")


def _requantify(meal: MealSoFar, p: ParsedItem, table: FoodTable, age_months: int | None) -> bool:
    """"oatmeal with banana, about 1/2 cup": a bare amount is the clause's first item's."""
    if meal.first is None or meal.first[0].clause != p.clause:
        return False
    first, start, end = meal.first
    before, at = meal.previous
    if before is not first and before.kind is not None and at < len(meal.items):
        first, start, end = before, at, len(meal.items)  # "…, ate his mac n cheese tho, about 1/2 cup"
    elif before is not first and at < len(meal.items) and _same_unit(before, p, table):
        first, start, end = before, at, len(meal.items)  # "2 wings and a can of sprite - ok fine, half a can"
    elif before is not first and at < len(meal.items) and not any(i.estimated for i in meal.items[start:end]) \
            and all(i.estimated for i in meal.items[at:]):  # "half a roti w a bit of dal, like 2 tbsp": the dal's
        first, start, end = before, at, len(meal.items)
    requantified = _requantified(first, p, table)
    if requantified is None:
        return False
    new, missing = weigh(requantified, table, age_months, meal.brand)
    if new and not missing:
        meal.items[start:end] = new
        meal.clauses[start:end] = [p.clause] * len(new)
        if meal.first[0] is first:
            meal.first = (requantified, start, start + len(new))
    return True


def _same_unit(before: ParsedItem, p: ParsedItem, table: FoodTable) -> bool:
    """The restated amount is in the unit the item before was said in: "a can of sprite ... half a can"."""
    q, _ = parse_quantity(list(p.words))
    said, _ = parse_quantity(list(before.words), protected(list(before.words), table))
    return q.given and q.unit is not None and said.given and said.unit == q.unit


def _requantified(before: ParsedItem, p: ParsedItem, table: FoodTable) -> ParsedItem | None:
    """"pb&j, half a sandwich": the amount for the item before, in a segment naming no new food."""
    q, rest = parse_quantity(list(p.words))
    if not q.given or not set(content_tokens(rest)) <= _SERVING_NOUNS:
        return None
    _, food_words = parse_quantity(list(before.words), protected(list(before.words), table))
    amount = [w for w in p.words if w not in _SERVING_NOUNS]
    return replace(before, words=(*amount, *food_words), raw=f"{before.raw}, {p.raw}",
                   cut_into=p.cut_into or before.cut_into)


def _replace_from(meal: MealSoFar, start: int, new: list[FoodItem], clause: int) -> None:
    del meal.items[start:], meal.clauses[start:]
    meal.items.extend(new)
    meal.clauses.extend([clause] * len(new))

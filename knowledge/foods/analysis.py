"""From a parent's message to nutrients: `analyze_meal(text, table, age_months)`.

Parse the message into items (meal_parser), match each to SR28 foods and weigh it (weighing),
apply what was eaten (eaten: refused, half, two bites) and later words about an item
(restatements), count each dish once (dish_parts) and add up the nutrients.
An optional `llm_parse(text) -> [(name, amount, unit)]` is asked only about words left unknown; its
foods are matched and weighed here, so the numbers always come from the table.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field, replace
from typing import Callable, Sequence

from rapidfuzz import fuzz

from knowledge.foods.details import more_precise, split_details, superseded
from knowledge.foods.dips import dips_counted
from knowledge.foods.dish_amounts import as_food, dish_share, dish_words
from knowledge.foods.brands import without_brand_labels
from knowledge.foods.dish_parts import minor_parts_follow, settle_dish_parts, without_unmeasured_repeats
from knowledge.foods.eaters import eaters, for_child
from knowledge.foods.eaten import apply_back, apply_count, eaten_of_offered, merge_outcome
from knowledge.foods.food_item import FoodItem, with_eaten
from knowledge.foods.joins import joined_items
from knowledge.foods.eating_verbs import OFFER, REFUSE
from knowledge.foods.meal_parser import ParsedItem, parse_meal
from knowledge.foods.nutrition import add_up
from knowledge.foods.package_sizes import stated_package
from knowledge.foods.pieces import eat_part, part_words
from knowledge.foods.plausibility import Doubt, find_doubts
from knowledge.foods.portions import default_serving
from knowledge.foods.regional import chips_as_fries, chips_as_said
from knowledge.foods.restatements import MealSoFar, redescribes, restates
from knowledge.foods.table import FoodTable
from knowledge.foods.text import normalise
from knowledge.foods.weighing import SPREADS, brand_of, weigh

__all__ = ["FoodItem", "MealAnalysis", "analyze_meal"]

logger = logging.getLogger(__name__)
LlmParse = Callable[[str], "Sequence[tuple[str, float | None, str | None]] | None"]


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
                 llm_parse: LlmParse | None = None, child_name: str | None = None) -> MealAnalysis:
    """Parse, match, weigh and total one meal message: what `child_name` ate (else the first child it names)."""
    said, text = text, for_child(text, child_name)  # "Noah ate rice, Eli just ate the plantains": Noah's
    if said != text:
        return replace(analyze_meal(text, table, age_months, llm_parse), text=said)
    if (parts := split_details(text)) is not None:  # "...I asked for details: 1/2 cup cheerios, 1 cookie"
        return _story_then_details(text, parts, table, age_months, llm_parse)
    parsed = parse_meal(text, tuple(table.names.separator_keys))
    meal = MealSoFar()
    names = {n.lower() for n in eaters(text)}  # "Kai had 1/2 cup": Kai is who ate, not kai lan
    for p in joined_items(chips_as_fries([p for p in parsed.items if p.raw.strip().lower() not in names], text), table):
        if p.refers_back and p.eaten_count is not None:
            apply_count(meal.items, meal.clauses, p, table, age_months)
        elif p.refers_back:
            apply_back(meal.items, meal.clauses, p, table, age_months,
                       meal.touched[1] if meal.touched and meal.touched[0] == p.clause else None)
            if p.eaten_share is not None and meal.previous and meal.previous[1] == len(meal.items) - 1:
                meal.amended = (meal.previous[1], p.clause)  # "drank half the glass, maybe 4oz": the ounces restate it
        elif (parts := part_words(p.words)) is not None:  # "he only ate the white", "the crust"
            eat_part(meal.items, parts, p.kind == REFUSE, table)
        elif not (p.bracketed and (stated_package(meal, p, table, age_months) or restates(meal, p, table, age_months))) \
                and not redescribes(meal, p, table, age_months):
            _add(meal, p, table, age_months)
            if (parts := part_words(p.aside)) is not None:  # "1 egg (just the white)"
                eat_part(meal.items, parts, p.kind == REFUSE, table)
    _spreads_follow_carriers(meal, table, age_months)
    _measured_again(meal, table)
    settled = settle_dish_parts(meal.items, meal.clauses, lambda dish: dish_words(dish, table),
                                lambda item, grams: with_eaten(item, grams, table),
                                dish_share(age_months), lambda item, ndb: as_food(item, ndb, table, age_months))
    items, unknown = without_brand_labels(without_unmeasured_repeats(
        minor_parts_follow(settled, lambda item, grams: with_eaten(item, grams, table)))), meal.unknown
    items = chips_as_said(dips_counted(items, text, table, age_months))
    if unknown and llm_parse is not None:
        items, unknown = _ask_llm(text, items, unknown, table, age_months, llm_parse)
    totals = add_up(item.nutrients for item in items)
    categories = ["mixed" if i.dish else table.category(table.get(i.ndb_no)) if i.ndb_no and table.get(i.ndb_no)
                  else "other" for i in items]
    return MealAnalysis(text, items, unknown, parsed.meal_type, totals, find_doubts(items, categories, age_months))


def _story_then_details(text: str, parts: tuple[str, str], table: FoodTable, age_months: int | None,
                        llm_parse: LlmParse | None) -> MealAnalysis:
    """The details list counts; a food of the story counts only when the details do not name it again."""
    story, details = (analyze_meal(part, table, age_months, llm_parse) for part in parts)
    items = [i for i in story.items if not superseded(i, details.items, table, story.items)]
    for detail in details.items:
        precise = more_precise(detail, story.items)
        again = analyze_meal(detail.raw.replace(detail.name, precise.name, 1), table, age_months).items \
            if precise is not None and detail.name in detail.raw else []
        items += again if len(again) == 1 else [detail]  # "1 tbsp of cereal" is the oatmeal cereal said before
    categories = ["mixed" if i.dish else table.category(table.get(i.ndb_no)) if i.ndb_no and table.get(i.ndb_no)
                  else "other" for i in items]
    return MealAnalysis(text, items, story.unknown + details.unknown,
                        parse_meal(text, tuple(table.names.separator_keys)).meal_type,
                        add_up(i.nutrients for i in items), find_doubts(items, categories, age_months))


def _add(meal: MealSoFar, p: ParsedItem, table: FoodTable, age_months: int | None) -> None:
    """Weigh one item and add its foods, or apply it to an item already listed."""
    new, missing = weigh(p, table, age_months, meal.brand)
    seen = brand_of(list(p.words), table)
    meal.brand = seen if seen.brand is not None and seen.brand.foods else meal.brand
    if missing:
        meal.unknown.append(missing)
    meal.previous = (p, len(meal.items))
    opens_clause = meal.first is None or meal.first[0].clause != p.clause
    start = len(meal.items)
    for item in new:
        if (at := eaten_of_offered(meal.items, meal.offered, item, p, table)) is not None \
                or (at := merge_outcome(meal.items, item, p, table)) is not None:
            meal.touched = (p.clause, at)
            if len(new) == 1 and at == len(meal.items) - 1:  # "…, she ate the sweet potato, about 1/4 cup"
                meal.previous = (p, at)
            continue
        if p.kind == OFFER or (p.kind is None and not (item.dish and item.estimated)):  # "2 idli w sambar, ate 1.5":
            meal.offered.add(len(meal.items))  # a food listed with no verb is what was served
        meal.items.append(item)
        meal.clauses.append(p.clause)
    if opens_clause:
        meal.first = (p, start, len(meal.items))
    if p.only and not p.refers_back:
        _rest_not_eaten(meal, p.clause, table)


def _rest_not_eaten(meal: MealSoFar, clause: int, table: FoodTable) -> None:
    """"offered salmon, peas and sweet potato and she only ate the sweet potato": the other foods served
    in that sentence with no amount of their own were not eaten."""
    for i in sorted(meal.offered):
        if meal.clauses[i] == clause and meal.items[i].estimated:
            meal.items[i] = with_eaten(meal.items[i], 0.0, table)
            meal.offered.discard(i)


def _spreads_follow_carriers(meal: MealSoFar, table: FoodTable, age_months: int | None) -> None:
    """"half a piece of toast w butter": an unmeasured spread is as much smaller as the bread it is on."""
    for i, item in enumerate(meal.items):
        record = table.get(item.ndb_no or "")
        if not item.estimated or item.dish or record is None or table.category(record) not in SPREADS - {"cheese"}:
            continue
        bread = _carrier(meal, i)
        if bread is None:
            continue
        factor = bread.offered_grams / default_serving("bread", age_months)
        if factor < 1.0:
            meal.items[i] = replace(with_eaten(item, item.grams * factor, table),
                                    offered_grams=round(item.offered_grams * factor, 1))


_MEASURE = re.compile(r"\b(?:\d+(?:[./]\d+)?|an?|half|one)\s*(?:cups?|tbsp|tsp|oz|ounces?|g|grams?|ml|tablespoons?|"
                      r"teaspoons?)\b", re.I)


def _measured_again(meal: MealSoFar, table: FoodTable) -> None:
    """"a bowl of rice w salmon, like 1/2 cup rice and 1 oz salmon": a food measured again later in the same
    sentence is the same food, now measured; the first, rougher mention goes."""
    drop = set()
    for j, later in enumerate(meal.items):
        if later.dish or later.estimated or not _MEASURE.search(later.raw):
            continue
        drop.update(i for i in range(j) if meal.items[i].ndb_no == later.ndb_no and not meal.items[i].dish
                    and meal.clauses[i] == meal.clauses[j] and not _MEASURE.search(meal.items[i].raw))
        said = set(normalise(later.name).split())
        for i in range(j):  # "a few rice noodles ... maybe 1/3 cup noodles total": the rice noodles, measured
            first = meal.items[i]
            if i not in drop and first.ndb_no != later.ndb_no and not first.dish and meal.clauses[i] == meal.clauses[j] \
                    and said < set(normalise(first.name).split()) and not _MEASURE.search(first.raw) \
                    and normalise(first.name).split()[-1] == normalise(later.name).split()[-1]:  # same head noun
                meal.items[i] = replace(with_eaten(first, later.grams, table), offered_grams=later.offered_grams,
                                        estimated=False)
                drop.add(j)
                break
    meal.items[:] = [item for i, item in enumerate(meal.items) if i not in drop]
    meal.clauses[:] = [c for i, c in enumerate(meal.clauses) if i not in drop]


def _carrier(meal: MealSoFar, i: int) -> FoodItem | None:
    """The counted bread, cracker or rice cake the spread at `i` is on: said before it ("toast w butter"),
    else after it ("hummus on a rice cake")."""
    def carries(j: int) -> bool:
        b = meal.items[j]
        return (b.food_group == "1800" or any(w in b.description.lower() for w in _CARRIER_WORDS)) \
            and not b.estimated and not b.dish and meal.clauses[j] == meal.clauses[i]
    before = [j for j in range(i - 1, -1, -1) if carries(j)]
    after = [j for j in range(i + 1, len(meal.items)) if carries(j)]
    found = (before or after)[:1]
    return meal.items[found[0]] if found else None


_CARRIER_WORDS = ("rice cake", "cracker", "waffle", "pancake", "bagel", "english muffin", "tortilla")


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
        new, missing = weigh(ParsedItem(name, tuple(normalise(phrase).split())), table, age_months)
        if missing or not new or {i.ndb_no for i in new} <= known:
            continue
        explained = next((u for u in remaining if fuzz.partial_ratio(u, name.lower()) >= 80), remaining[0])
        remaining.remove(explained)
        for item in new:
            items.append(replace(item, name=explained, raw=explained))
            known.add(item.ndb_no)
    return items, remaining

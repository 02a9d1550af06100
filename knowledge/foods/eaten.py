"""How much was eaten: bites and sips, "refused the peas", "only ate half", "offered 5, ate 3".

A weighed food starts as offered; what the parent says was eaten (in the same item, or in a later
one that refers back) sets its eaten grams. Bites and licks are weighed for the child's age.
"""
from __future__ import annotations

import re

from dataclasses import replace
from typing import TYPE_CHECKING

from knowledge.foods.dish_amounts import dish_share
from knowledge.foods.food_item import FoodItem, with_eaten
from knowledge.foods.eaten_shares import OF_WHOLE
from knowledge.foods.eating_verbs import EAT
from knowledge.foods.meal_parser import ParsedItem
from knowledge.foods.nutrition import nutrients_for
from knowledge.foods.portions import VOLUME_UNITS, Grams, age_band, grams_for, is_liquid, servings
from knowledge.foods.quantities import MEASURES, PACKAGES, Quantity, parse_quantity
from knowledge.foods.sr28 import singular
from knowledge.foods.text import normalise

if TYPE_CHECKING:
    from knowledge.foods.table import FoodTable, ResolvedFood

LICK_SHARE = 0.3  # estimate: a lick of a food takes about a third of what a bite does


def weighed_item(found: ResolvedFood, name: str, raw: str, grams: Grams, p: ParsedItem,
                 age_months: int | None, unit_grams: float | None = None) -> FoodItem:
    """The food as weighed, with what the item says was eaten (a share, or bites weighed for the age)."""
    offered, eaten = grams.grams, grams.grams
    if p.eaten_bites is not None:
        eaten = p.eaten_bites * bite_grams(found, p.bite_unit, age_months)
        offered = max(offered, eaten) if not grams.estimated else eaten  # nothing offered is invented
    elif p.eaten_share is not None:
        eaten = offered * p.eaten_share
    estimated = grams.estimated and p.eaten_bites is None  # "2 bites" is an amount eaten
    record = found.record
    return FoodItem(name, record.ndb_no, record.description, record.food_group, round(eaten, 1),
                    round(offered, 1), estimated, raw, nutrients_for(record.nutrients, eaten), unit_grams)


def bite_grams(found: ResolvedFood, unit: str, age_months: int | None) -> float:
    """Grams in one bite, spoonful or sip of the food for a child of this age."""
    data = servings()
    q = Quantity(1.0, unit)
    if unit == "sip":
        q = Quantity(data["volume_ml"]["sip"], "ml")
    if unit == "lick":  # "a few licks of banana": a fraction of a bite
        return LICK_SHARE * grams_for(found.record, Quantity(1.0, "bite"), found.category, found.unit_hint,
                                      age_months).grams
    return grams_for(found.record, q, found.category, found.unit_hint, age_months).grams


def shared_dish_bites(items: list[FoodItem], p: ParsedItem, found: ResolvedFood, age_months: int | None,
                      table: FoodTable) -> list[FoodItem]:
    """"a few bites of a pb&j": the bites are of the whole dish, shared by its parts as the dish is."""
    total = sum(i.offered_grams for i in items) or 1.0
    eaten = min(total, p.eaten_bites * bite_grams(found, p.bite_unit, age_months))
    out = []
    for item in items:
        share = eaten * item.offered_grams / total
        offered = share if item.estimated else item.offered_grams  # nothing offered is invented
        out.append(with_eaten(replace(item, offered_grams=round(offered, 1), estimated=False), share, table))
    return out


def merge_outcome(items: list[FoodItem], item: FoodItem, p: ParsedItem, table: FoodTable) -> int | None:
    """"…, refused the peas": update the peas already listed instead of adding them again; where they are."""
    if p.eaten_share is None and p.eaten_bites is None:
        return None
    if not item.estimated and p.eaten_bites is None:  # "refused 2 eggs": a new, weighed item
        return None
    for i, earlier in enumerate(items):
        if earlier.ndb_no == item.ndb_no:
            if p.eaten_bites is not None:
                eaten = min(earlier.offered_grams, item.grams)
            else:
                eaten = earlier.offered_grams * p.eaten_share
            items[i] = with_eaten(earlier, eaten, table)
            return i
    return None


def eaten_of_offered(items: list[FoodItem], offered: set[int], item: FoodItem, p: ParsedItem,
                     table: FoodTable) -> int | None:
    """"offered 1 cup of milk, she drank 4 oz": the amount eaten of a food already offered; where it is.

    "offered salmon and rice, she ate the rice" with no amount is the rice served, not a second rice."""
    if p.kind != EAT or item.estimated and (p.eaten_share is not None or p.eaten_bites is not None):
        return None
    for i in sorted(offered, reverse=True):  # the same food, or the same words ("steamed carrot sticks")
        if items[i].ndb_no == item.ndb_no or normalise(items[i].name) == normalise(item.name) \
                or item.estimated and _said_shorter(item.name, items[i].name):
            if item.estimated:
                offered.discard(i)
                return i
            if items[i].estimated or item.grams > items[i].offered_grams:  # "cucumber slices ... she ate 3 cucumber
                # slices": the count eaten is what counts, and more was served than the first words said
                items[i] = replace(with_eaten(items[i], item.grams, table),
                                   offered_grams=max(items[i].offered_grams, item.grams))
            else:
                items[i] = with_eaten(items[i], min(items[i].offered_grams, item.grams), table)
            offered.discard(i)
            return i
    return None


_VESSEL = re.compile(r"\b(?:glass|glasses|mug|sippy|bottle|can|carton|drank|sipped)\b", re.I)


def apply_back(items: list[FoodItem], clauses: list[int], p: ParsedItem, table: FoodTable,
               age_months: int | None, touched: int | None = None) -> None:
    """"… but she refused it" / "only ate half": apply to the items just before. `touched` is an earlier
    item this clause already spoke of ("she smeared the couscous, maybe 1 spoonful went in")."""
    same = [i for i, c in enumerate(clauses) if c == p.clause] or ([touched] if touched is not None else [])
    targets = same or [i for i, c in enumerate(clauses) if c == p.clause - 1]
    if p.kind is None and p.eaten_share is not None and same:  # "a muffin and a kiwi, half": the kiwi
        targets = same[-1:]
    drinks = [i for i in targets if is_liquid(table.category(table.get(items[i].ndb_no))) if items[i].ndb_no
              and table.get(items[i].ndb_no)]
    if _VESSEL.search(p.raw) and drinks:  # "fig newtons and a glass of milk. she drank half the glass": the milk
        targets = drinks
    if not targets and items:
        targets = [len(items) - 1]
    if p.words and targets and _apply_dish_weight(items, targets, p, table):
        return
    if p.words and targets and _apply_amount(items, targets[-1], p, table, age_months):
        return
    if p.eaten_bites is not None:
        offered = sum(items[i].offered_grams for i in targets) or 1.0
        eaten = p.eaten_bites * servings()["bite_g"][age_band(age_months)]
        for i in targets:
            share = items[i].offered_grams / offered
            items[i] = with_eaten(items[i], min(items[i].offered_grams, eaten * share), table)
        return
    for i in targets:
        item = items[i]
        if item.estimated and not item.offered_grams:  # "cereal with breastmilk, ate half of it": the unmeasured
            continue  # milk counted as nothing stays so, not a bottle's share
        if item.estimated and (p.bite_unit == OF_WHOLE or p.eaten_share and _one_of(item, table)):
            item = replace(item, offered_grams=round(_one_whole(item, table, age_months), 1))  # "cut into 4,
            # ate 2", "beef empanada, ate half": a share of one whole one
        items[i] = with_eaten(item, item.offered_grams * (p.eaten_share or 0.0), table)


def _apply_amount(items: list[FoodItem], i: int, p: ParsedItem, table: FoodTable, age_months: int | None) -> bool:
    """"half of the 4oz": the item held 4 oz, half was eaten; "an ounce went down": an ounce was eaten."""
    q, _ = parse_quantity(list(p.words))
    record = table.get(items[i].ndb_no or "")
    if not q.given or record is None:
        return False
    grams = grams_for(record, q, table.category(record), table.unit_hint(record), age_months).grams
    item = items[i]
    if p.eaten_share is not None:
        items[i] = with_eaten(replace(item, offered_grams=round(grams, 1), estimated=False), grams * p.eaten_share,
                              table)
    else:
        offered = max(item.offered_grams, grams)
        items[i] = with_eaten(replace(item, offered_grams=round(offered, 1), estimated=False), grams, table)
    return True


def _apply_dish_weight(items: list[FoodItem], targets: list[int], p: ParsedItem, table: FoodTable) -> bool:
    """"cottage pie - ate about 2/3 of his 100g portion": the weight is the whole dish's, shared by its parts
    as the recipe shares them, not the last part's alone."""
    q, _ = parse_quantity(list(p.words))
    dish = items[targets[-1]].dish
    mass = servings()["mass_g"].get(q.unit or "")
    parts = [i for i in targets if items[i].dish == dish]
    offered = sum(items[i].offered_grams for i in parts)
    if dish is None or mass is None or not q.amount or not offered:
        return False
    served = q.amount * mass
    for i in parts:
        share = items[i].offered_grams / offered
        items[i] = with_eaten(replace(items[i], offered_grams=round(served * share, 1), estimated=False),
                              served * share * (p.eaten_share if p.eaten_share is not None else 1.0), table)
    return True


def _one_of(item: FoodItem, table: FoodTable) -> bool:
    """A food named in the singular that comes whole ("empanada", "pb&j"), not by the cup ("pasta")."""
    words = normalise(item.name).split()
    if not words or singular(words[-1]) != words[-1] or words[-1].endswith("s"):
        return False
    record = table.get(item.ndb_no or "")
    hint = table.unit_hint(record) if record is not None else ""
    return item.dish is not None or bool(hint) and hint not in VOLUME_UNITS and hint not in MEASURES \
        and hint not in PACKAGES


def _one_whole(item: FoodItem, table: FoodTable, age_months: int | None) -> float:
    """Grams of one whole dish or food, for an item whose amount was not said."""
    if item.dish:
        return item.offered_grams / dish_share(age_months)
    record = table.get(item.ndb_no or "")
    if record is None:
        return item.offered_grams
    whole = grams_for(record, Quantity(1.0), table.category(record), table.unit_hint(record), age_months)
    return item.offered_grams if whole.basis.startswith("default") else whole.grams


def apply_count(items: list[FoodItem], clauses: list[int], p: ParsedItem, table: FoodTable,
                age_months: int | None = None) -> None:
    """"gave him 5 strawberries and he ate 3": three of the pieces offered were eaten."""
    counted = [i for i, item in enumerate(items) if item.unit_grams]
    if p.eaten_count is not None and 0 < p.eaten_count < 1 and items and not items[-1].dish \
            and (not items[-1].unit_grams or items[-1].offered_grams <= items[-1].unit_grams * 1.01):
        # "pupusa, ate about half of one", "a pupusa - split one": a share of the one food just named;
        last = items[-1]  # "mashed banana (maybe a quarter of one)": of one whole banana, not of a guessed serving
        whole = _one_whole(last, table, age_months) if last.estimated and not last.unit_grams else last.offered_grams
        items[-1] = with_eaten(replace(last, offered_grams=round(whole, 1), estimated=False), whole * p.eaten_count, table)
        return
    if p.eaten_count is not None and items and items[-1].estimated and not items[-1].dish \
            and (not counted or counted[-1] != len(items) - 1) and p.eaten_count >= 1:
        items[-1] = _pieces_of_unmeasured(items[-1], p.eaten_count, table)  # "crackers, she ate 4 of 10"
        return
    if not counted or p.eaten_count is None:
        return
    target = items[counted[-1]]
    if target.dish is not None and target.unit_grams:  # "2 mini bagels w cream cheese, she ate 1": half of each part
        share = min(1.0, p.eaten_count * target.unit_grams / max(target.offered_grams, 0.1))
        for i, item in enumerate(items):
            if item.dish == target.dish:
                items[i] = with_eaten(item, item.offered_grams * share, table)
        return
    eaten = min(target.offered_grams, p.eaten_count * (target.unit_grams or 0.0))
    items[counted[-1]] = with_eaten(target, eaten, table)


def _pieces_of_unmeasured(item: FoodItem, count: float, table: FoodTable) -> FoodItem:
    """"crackers, she ate 4": an unmeasured food served in pieces; the pieces eaten are its amount, when
    SR28 knows the weight of one piece."""
    record = table.get(item.ndb_no or "")
    if record is None:
        return item
    one = grams_for(record, Quantity(1.0), table.category(record), table.unit_hint(record), None)
    if one.basis.startswith("default") or one.grams > 60 or re.match(r"(?:cup|tbsp|tsp|oz|fl oz|container)\b", one.basis):
        return item  # "some pasta, she ate 3": three what? not three cups
    grams = round(one.grams * count, 1)
    return with_eaten(replace(item, offered_grams=max(grams, item.offered_grams), estimated=False), grams, table)


def _said_shorter(short: str, long: str) -> bool:
    """"corn tortillas ... she ate the tortillas": fewer words for the food served, same head noun."""
    said, served = normalise(short).split(), normalise(long).split()
    return bool(said) and len(said) < len(served) and singular(said[-1]) == singular(served[-1]) \
        and set(said) <= set(served)

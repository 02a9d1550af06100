"""Whether the words of an item name a food at all before SR28's descriptions are searched for them.

SR28 descriptions hold many ordinary words ("Nutritional supplement for people with diabetes", "Beef,
round, eye of round", "Side dishes, potato salad", "M&M"), so a search for "14 people", "I kept an eye
on her" or "the side" finds a food although the parent named none. A search needs an anchor: a word
that ends a curated food name ("salad", "bison"), opens a one-word SR28 head ("Octopus, common"), or is
no ordinary English word ("weetabix", a typo like "brocoli"); ordinary words only narrow it down.
"""
from __future__ import annotations

import re
from typing import Iterable

from knowledge.foods.brands import brands
from knowledge.foods.english import is_english
from knowledge.foods.not_food import not_food
from knowledge.foods.sr28 import singular


# Kind words that end SR28 first parts ("Cheese product", "Side dishes") but name no food alone.
_KINDS = frozenset("prepared product products concentrate substitute substitutes supplement replacement composite "
                   "industrial agents blend isolate lunch dishes protein".split())
_PLAIN_HEAD = re.compile(r"[A-Z]?[a-z]+(?: [a-z]+){0,2}")  # "Bison", "Bread stuffing", "Ice cream cones"; no brands
# Family words that open SR28 rows whose second part is the food itself ("Mollusks, octopus", "Game meat, rabbit").
_FAMILIES = frozenset({"mollusks", "crustaceans", "fish", "game meat", "seaweed", "mushrooms", "spices", "nuts", "fungi"})
# Second parts that are also everyday words a parent uses of anything but the food ("a sucker for", "on the spot").
_EVERYDAY = frozenset("spot sucker perch pike sage mace horse common mixed raw dried ground".split())


def food_heads(name_keys: Iterable[str], descriptions: Iterable[str]) -> frozenset[str]:
    """Words a food name or brand ends with, and the head noun of SR28 rows' first parts."""
    heads = {key.split()[-1] for key in name_keys if key.strip()}
    heads |= {w for spelling in brands() for w in spelling if len(w) > 2 and not is_english(w)}  # "fil", "gerber"
    heads |= {w for brand in brands().values() for key, _ in brand.foods for w in key.split()}  # "chick n strips"
    for description in descriptions:
        first = description.split(",")[0].strip()
        if _PLAIN_HEAD.fullmatch(first) and (head := first.split()[-1].lower()) not in _KINDS:
            heads.add(head)  # "Octopus", "Bread stuffing"; not "Nutritional supplement for people with diabetes"
        heads |= _family_member(description)
    return frozenset(heads | {singular(w) for w in heads})


def _family_member(description: str) -> set[str]:
    """The one-word second part of a family row: "octopus" of "Mollusks, octopus, common, raw"."""
    parts = [p.strip().lower() for p in description.split(",")]
    if len(parts) > 1 and parts[0] in _FAMILIES and parts[1].isalpha() and parts[1] not in _EVERYDAY:
        return {parts[1]}
    return set()


def anchored(words: list[str], heads: frozenset[str]) -> bool:
    """True when some word can carry a food search: a food head, or a longer word no dictionary has."""
    return any(not not_food(w) and (w in heads or singular(w) in heads or (len(w) > 2 and w.isalpha() and not is_english(w)))
               for w in words) or _names_brand(words)  # "the dog" is a pet, though "hot dog" ends in it


def _names_brand(words: list[str]) -> bool:
    """"chick fil a whole chick n": a brand spelt whole anchors its own menu ("birds eye", not "an eye")."""
    return any(tuple(words[i : i + len(spelling)]) == spelling
               for spelling in brands() if len(spelling) > 1 for i in range(len(words) - len(spelling) + 1))


def chatter_only(words: list[str], heads: frozenset[str]) -> bool:
    """Ordinary words and no food in them ("doing better", "it actually went in his mouth this time"):
    nothing to ask the parent about."""
    return bool(words) and not anchored(words, heads) and all(is_english(w) or len(w) < 3 for w in words)

"""Words that mean another food in British and Australian English: "chips" are fries there.

The rule: "chips" alone are potato chips (crisps), as most of our parents are American. They are
fries (SR28's oven-heated french fries) when the phrase says so ("hot chips", "oven chips", "fish and
chips", a chain's chips) or when the message reads British or Australian: a word only those parents
use ("crisps", "mum", "fish fingers", "for tea", "fromage frais", "brekkie", "maccas") or a British
spelling ("yoghurt", "favourite", "colour"); or chips eaten with ketchup or gravy. A bag or packet of chips stays crisps everywhere.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Sequence

from knowledge.foods.food_item import FoodItem
from knowledge.foods.meal_parser import ParsedItem

_UK_STYLE = re.compile(
    r"\b(?:crisps|mum|mummy|fish fingers?|fromage frais|brekkie|brekky|maccas|macca's|chippy|nappy|nappies|"
    r"yoghurts?|favourite|colour|flavour|petrol station|takeaway|beans on toast|baked beans|mince|"
    r"fairy bread|vegemite|marmite|weetabix|ready brek|squash|sausage rolls?|jacket potato|"
    r"(?:for|at|after|before) (?:her |his |their |the )?tea|tea ?time|hot chips|oven chips)\b", re.I)
_CHIPS = frozenset({"chips", "chip"})
_PACKS = frozenset({"bag", "bags", "packet", "packets", "pack", "packs", "bowl", "sharing"})


# What fries are eaten with and crisps are not: "chips and ketchup", "chips with gravy".
_FRIES_CUE = re.compile(r"\b(?:ketchup|catsup|tomato sauce|gravy|curry sauce|aioli)\b", re.I)


def uk_style(text: str) -> bool:
    """The message reads British or Australian ("fish fingers and chips for tea")."""
    return bool(_UK_STYLE.search(text))


def chips_are_fries(text: str) -> bool:
    """Bare "chips" in this message are fries: a British or Australian message, or chips with ketchup."""
    return uk_style(text) or bool(_FRIES_CUE.search(text))


def chips_as_fries(items: Sequence[ParsedItem], text: str) -> list[ParsedItem]:
    """Bare "chips" are fries when the message says so (see `chips_are_fries`): "hot chips" to the names."""
    if not chips_are_fries(text):
        return list(items)
    out = []
    for p in items:
        words = list(p.words)
        at = next((i for i, w in enumerate(words) if w in _CHIPS), None)
        if at is not None and not _PACKS & set(words) and (at == 0 or words[at - 1] not in _FOOD_BEFORE):
            p = replace(p, words=(*words[:at], "hot", "chips", *words[at + 1:]))
        out.append(p)
    return out


# "potato chips", "tortilla chips", "chocolate chips": a food before "chips" says which chips they are.
_FOOD_BEFORE = frozenset({"potato", "tortilla", "corn", "pita", "veggie", "vegetable", "banana", "apple", "kale",
                          "chocolate", "choc", "plantain", "sweet", "coconut", "bagel", "nacho", "rice", "lentil",
                          "pea", "salt", "kettle", "hot", "oven", "chunky", "shop", "chippy", "unsalted", "salted",
                          "cheesy", "fish"})


def chips_as_said(items: Sequence[FoodItem]) -> list[FoodItem]:
    """Show fries read from "chips" by the parent's word: "chips", not "hot chips"."""
    return [replace(i, name=re.sub(r"\bhot chips\b", "chips", i.name))
            if "hot chips" in i.name and not re.search(r"\bhot\s+chips\b", i.raw, re.I) else i for i in items]

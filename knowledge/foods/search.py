"""Search all SR28 descriptions for foods that are not in the curated names table.

Every word the parent used must be found in the description (exactly, as a plural, or as a close
typo with the same first letter); among the foods that contain them all, plain, cooked, unsalted,
non-branded, generic forms win. Anything else stays unknown: no guessing at random foods.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable

from rapidfuzz import fuzz, process

from knowledge.foods.not_food import may_be_typo, not_food
from knowledge.foods.sr28 import singular

if TYPE_CHECKING:
    from knowledge.foods.table import FoodRecord

# (phrase in a description, score change). Generic, ready-to-eat forms float up.
PREFERENCES: tuple[tuple[str, float], ...] = (
    ("cooked", 3), ("boiled", 2), ("roasted", 2), ("baked", 1), ("without salt", 2), ("raw", 1),
    ("unsalted", 1), ("plain", 1), ("with salt", -1), ("canned", -2), ("frozen", -1),
    ("unprepared", -5), ("dry", -4), ("dehydrated", -6), ("dried", -3), ("powder", -6),
    ("concentrate", -5), ("not reconstituted", -6), ("imitation", -5), ("reduced fat", -2),
    ("low fat", -2), ("lowfat", -2), ("fat free", -3), ("nonfat", -2), ("low sodium", -2),
    ("reduced sodium", -2), ("usda commodity", -3), ("school lunch", -4), ("industrial", -10),
    ("babyfood", -8), ("infant formula", -6), ("child formula", -6), ("restaurant", -4),
    ("fast food", -3), ("fast foods", -3), ("with added", -1), ("fortified", -1), ("sweetened", -1),
    ("mature seeds, raw", -6), ("meat and skin and giblets", -4), ("separable lean and fat", -2),
    ("breaded", -3), ("batter", -3), ("microwaved", -1), ("heavy syrup", -2), ("light syrup", -1),
    ("solids and liquids", -1),
)
GROUP_PENALTY = {"3500": -6, "3600": -3, "2100": -2, "0300": 0}
_RAW_MEAT_GROUPS = {"0500", "0700", "1000", "1300", "1500", "1700", "2000", "1600"}
_SYNONYMS = {"baby": ("babyfood", "baby", "infant"), "veggie": ("vegetable",), "yoghurt": ("yogurt",)}
_WORD = re.compile(r"[a-z]+")
_BRAND = re.compile(r"\b[A-Z][A-Z'&.]{2,}\b")
_LEADING_BRAND = re.compile(r"^(?:[A-Z][A-Z'&.]{1,}(?:\s+|,|$))+")


def desc_words(text: str) -> list[str]:
    """Lower-case singular words of a description."""
    return [singular(w) for w in _WORD.findall(text.lower())]


@dataclass(frozen=True)
class SearchHit:
    """The best SR28 food for a query and how sure the search is."""

    index: int
    score: float


class DescriptionIndex:
    """An inverted index of SR28 description words with preference scoring."""

    def __init__(self, foods: Iterable[FoodRecord]) -> None:
        self.foods = list(foods)
        self.postings: dict[str, set[int]] = defaultdict(set)
        self._words: list[set[str]] = []
        self._head: list[set[str]] = []
        self._lead: list[set[str]] = []  # words of the first two segments and the common name
        self._brand: list[set[str]] = []  # "KASHI Pizza, ...": the brand that opens the description
        self._brand_first: list[str] = []
        self._first: list[str] = []
        self._bias: list[float] = []
        for i, food in enumerate(self.foods):
            words = desc_words(food.description + " " + (food.common_name or ""))
            self._words.append(set(words))
            self._head.append(set(desc_words(food.description.split(",")[0])))
            lead = ",".join(food.description.split(",")[:2]) + " " + (food.common_name or "")
            self._lead.append(set(desc_words(lead)))
            first = desc_words(food.description)
            self._first.append(first[0] if first else "")
            self._bias.append(self._static_bias(food, len(set(first))))
            brand = _LEADING_BRAND.match(food.description)
            self._brand.append(set(desc_words(brand.group(0))) if brand else set())
            self._brand_first.append(desc_words(brand.group(0))[0] if brand and desc_words(brand.group(0)) else "")
            for word in words:
                self.postings[word].add(i)
        self.vocab = sorted(self.postings)
        self.head_vocab = frozenset(w for head in self._head for w in head)
        self._by_letter: dict[str, list[str]] = defaultdict(list)
        for word in self.vocab:
            self._by_letter[word[0]].append(word)

    def knows(self, word: str) -> bool:
        return singular(word) in self.postings

    def _static_bias(self, food: FoodRecord, n_words: int) -> float:
        text = food.description.lower()
        bias = sum(delta for phrase, delta in PREFERENCES if phrase in text)
        bias += GROUP_PENALTY.get(food.food_group, 0)
        if food.food_group in _RAW_MEAT_GROUPS and re.search(r"\b(raw|uncooked)\b", text):
            bias -= 6
        bias -= 4 * len(_BRAND.findall(food.description))
        return bias - 0.8 * min(n_words, 25)

    def _expand(self, word: str) -> set[str]:
        """Description words that `word` can stand for: itself, its singular, or a close typo."""
        base = singular(word)
        if base in _SYNONYMS:
            return {w for w in _SYNONYMS[base] if w in self.postings}
        if base in self.postings:
            return {base}
        if len(base) < 5 or not may_be_typo(word):  # "checking" is not a misspelt chicken
            return set()
        hits = process.extract(base, self._by_letter.get(base[0], []), scorer=fuzz.ratio,
                               score_cutoff=86, limit=3)
        return {h[0] for h in hits}

    def search(self, words: list[str], all_in_lead: bool = False) -> SearchHit | None:
        """Best food whose description contains every word in `words`; None when none does.

        A branded product only matches when its brand was named; `all_in_lead` asks for every
        word in the first two segments ("Lasagna, Vegetable" for "veggie lasagna")."""
        if not words or any(not_food(w) for w in words):  # "she's 9 months" names no Mothbeans
            return None
        candidates: set[int] | None = None
        expanded = []
        for word in words:
            options = self._expand(word)
            if not options:
                return None
            found = set().union(*(self.postings[o] for o in options))
            candidates = found if candidates is None else candidates & found
            if not candidates:
                return None
            expanded.append(options)
        head_noun = expanded[-1]
        best: SearchHit | None = None
        for i in candidates:
            if not any(opts & self._lead[i] for opts in expanded):
                continue  # "bottle" only in "…, stick/tub/bottle": not what the parent meant
            if all_in_lead and not all(opts & self._lead[i] for opts in expanded):
                continue
            if self._brand[i] and not any(opts & self._brand[i] for opts in expanded):
                continue  # "tzatziki" is not "KASHI Pizza, Greek Tzatziki"
            if self._brand[i] and len(expanded) < 2 and expanded[0] & self._brand[i] \
                    and self._brand_first[i] not in expanded[0]:
                continue  # "gone in 2 min" is not "MARY'S GONE CRACKERS": a brand is said from its start
            score = self._bias[i]
            score += 6 * sum(1 for opts in expanded if opts & self._head[i])
            if self._first[i] in head_noun:
                score += 8
            if "babyfood" in self._words[i] and any("babyfood" in opts for opts in expanded):
                score += 8
            if best is None or score > best.score:
                best = SearchHit(i, score)
        return best

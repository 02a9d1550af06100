"""Brands and packaged baby foods: "a Yo Baby yogurt", "Gerber 2nd foods sweet potatoes", "4 Chick-fil-A nuggets".

`split_brand(words)` finds a brand (brands.tsv) and a baby-food stage in an item's food words and
returns what is left to match, so the brand is shown but the food is counted once. A stage says
how big a jar is: SR28 lists "1 jar Gerber First Foods (2.5 oz) = 71 g", "Second Foods (4 oz) =
113 g" and "Third Foods (6 oz) = 170 g" for its strained and junior baby foods.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from knowledge.foods.search import desc_words
from knowledge.foods.sr28 import singular
from knowledge.foods.text import normalise

BRANDS_FILE = Path(__file__).with_name("brands.tsv")
STAGE_JAR_G = {1: 71.0, 2: 113.0, 3: 170.0}  # SR28 WEIGHT.txt jar portions (Gerber First/Second/Third Foods)
STAGE_TUB_G = {1: 56.0}  # Gerber 1st Foods label: sold now in 2 oz (56 g) tubs; 2nd Foods tubs hold the jar's 4 oz
_STAGE_WORDS = {"1st": 1, "first": 1, "one": 1, "1": 1, "2nd": 2, "second": 2, "two": 2, "2": 2,
                "3rd": 3, "third": 3, "three": 3, "3": 3}
_MAX_BRAND_WORDS = 5


@dataclass(frozen=True)
class Brand:
    """One row of brands.tsv."""

    name: str
    baby: bool
    default: str  # a curated name, or "" (ask what it was)
    foods: tuple[tuple[str, str], ...]  # (food words, curated name or SR28 ndb_no)

    def food_for(self, words: list[str]) -> str | None:
        """This brand's own item for the words left ("nuggets" at McDonald's), else None."""
        phrase = " ".join(singular(w) for w in words)
        last = singular(words[-1]) if words else ""
        for key, target in self.foods:
            key_singular = " ".join(singular(w) for w in key.split())
            if phrase == key_singular or (len(key.split()) == 1 and last == key_singular):
                return target
        return None


@dataclass(frozen=True)
class BrandSplit:
    """A brand found in an item: which, its words as written, the stage and the words left."""

    brand: Brand | None
    brand_words: tuple[str, ...]
    stage: int | None
    rest: list[str]


@lru_cache(maxsize=1)
def brands() -> dict[tuple[str, ...], Brand]:
    """Every spelling of every brand, as word tuples."""
    lines = [line for line in BRANDS_FILE.read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    out: dict[tuple[str, ...], Brand] = {}
    for row in csv.reader(lines[1:], delimiter="\t", quoting=csv.QUOTE_NONE):
        name, variants, kind, default, foods = (row + [""] * 5)[:5]
        pairs = tuple(tuple(p.split("=", 1)) for p in foods.split(";") if "=" in p)
        brand = Brand(name, kind == "baby", default.strip(), pairs)  # type: ignore[arg-type]
        for spelling in (name, *variants.split(",")):
            if spelling.strip():
                out[tuple(normalise(spelling).split())] = brand
    return out


def split_brand(words: list[str]) -> BrandSplit:
    """Take the brand and stage words out of `words` ("gerber 2nd foods sweet potatoes")."""
    table = brands()
    found: Brand | None = None
    brand_words: tuple[str, ...] = ()
    rest = list(words)
    for i in range(len(words)):
        for size in range(min(_MAX_BRAND_WORDS, len(words) - i), 0, -1):
            key = tuple(words[i : i + size])
            if key in table:
                found, brand_words = table[key], key
                rest = words[:i] + words[i + size :]
                break
        if found:
            break
    rest, stage = _stage(rest)
    return BrandSplit(found, brand_words, stage, rest)


def _stage(words: list[str]) -> tuple[list[str], int | None]:
    """"2nd foods", "stage 2", "stage two": the baby-food stage, and the words without it."""
    for i, word in enumerate(words):
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if word in ("1", "2", "3") and nxt in ("st", "nd", "rd") and i + 2 < len(words) \
                and words[i + 2] in ("foods", "food"):  # "2nd foods" normalises to "2 nd foods"
            return words[:i] + words[i + 3 :], _STAGE_WORDS[word]
        if word in _STAGE_WORDS and nxt in ("foods", "food") and not word.isdigit():
            return words[:i] + words[i + 2 :], _STAGE_WORDS[word]
        if word == "stage" and nxt in _STAGE_WORDS:
            return words[:i] + words[i + 2 :], _STAGE_WORDS[nxt]
    return words, None


def without_brand_labels(items: list) -> list:
    """"mcdonalds - 4 piece nugget": a restaurant named alone before its items is where, not a food; so is
    "Wendy's kids meal, 4 nuggets": words that name none of the food it stood for ("kids meal"); so is
    "mac n cheese ... box kraft kind": a brand that names the food already told."""
    out = []
    for i, item in enumerate(items):
        words = item.name.split()
        brand = split_brand(words)
        label = brand.brand is not None and not _names_its_food(brand, item) and (any(
            later.name.split()[: len(brand.brand_words)] == list(brand.brand_words)
            and len(later.name.split()) > len(brand.brand_words) for later in items[i + 1:])
            or any(_head(other) == _head(item) for other in items if other is not item))  # "mac n cheese ... kraft kind"
        if not label:
            out.append(item)
    return out


def _names_its_food(brand, item) -> bool:
    """The words after the brand name the item: one of the brand's own ("nuggets" at Chick-fil-A) or a
    word of its description; "kids meal" or "dd at" name nothing."""
    if brand.rest and brand.brand.food_for(brand.rest) is not None:
        return True
    return any(len(w) > 2 and any(w[:4] in d for d in desc_words(item.description)) for w in brand.rest)


def _head(item) -> str:
    """The SR28 description's head ("macaroni and cheese"): a box or a restaurant's is the same food told."""
    return item.description.split(",")[0].lower()

"""The in-memory food table: SR28 rows from the database plus the name indexes, built once per process.

`FoodTable.from_session(session)` reads `food` and `food_portion` once (about 0.3 s) and caches the
table per database URL; a cheap row count notices a reload, `reload=True` forces one.
`FoodTable.resolve(words)` turns the food words of one item into SR28 foods, or says it is unknown.
"""
from __future__ import annotations

import re
import threading
from collections import defaultdict
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Iterable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from knowledge.foods.bakes import flavoured_bake
from knowledge.foods.anchors import anchored, chatter_only, food_heads
from knowledge.foods.names import CuratedName, NameIndex, extra_portions, name_index
from knowledge.foods.not_food import may_be_typo, not_food
from knowledge.foods.portions import VOLUME_UNITS, servings
from knowledge.foods.search import DescriptionIndex, desc_words
from knowledge.foods.sr28 import portion_unit, read_sr28
from knowledge.foods.text import DESCRIPTORS, STOPWORDS, content_tokens
from storage.foods import NUTRIENTS, Food, FoodPortion

_COOKING = frozenset({"steamed", "boiled", "cooked", "roasted", "baked", "sauteed", "sautéed", "grilled", "stewed"})
_NOT_CARRIERS = frozenset({"milk", "formula", "juice", "water", "drink", "soup"})
# Foods that carry a topping or mix-in: "peanut butter toast", "banana oatmeal", "chicken rice".
_CARRIERS = frozenset({"bread", "grain", "cereal", "yogurt", "infant_cereal", "snack", "baby_puree",
                       "mixed", "fruit", "veg", "dish"})
_DISHES = frozenset({"mixed", "soup", "dish"})
_FLAVOURS = frozenset({"fruit", "dried_fruit", "sweet", "spice", "spread", "nut", "veg"})  # "chocolate cupcake"
_FLAVOURED = frozenset({"dessert", "bread", "snack", "sweet", "cereal", "yogurt"})
_DERIVED = re.compile(r"(\d+(?:\.\d+)?|\d+/\d+)\s*(cup|tbsp|tablespoon|fl oz|tsp)", re.I)
_CACHE: dict[str, tuple[int, "FoodTable"]] = {}
_LOCK = threading.Lock()


@dataclass(frozen=True)
class Portion:
    """`amount` x `unit` of a food weighs `grams`; `words` are the description's words."""

    amount: float
    unit: str
    description: str
    grams: float
    words: frozenset[str] = field(default=frozenset())


@dataclass(frozen=True)
class FoodRecord:
    """One SR28 food with its per-100 g nutrients and household portions."""

    ndb_no: str
    description: str
    food_group: str
    nutrients: dict[str, float | None]
    portions: tuple[Portion, ...] = ()
    common_name: str | None = None


@dataclass(frozen=True)
class ResolvedFood:
    """A food found in an item: the record, its serving category and natural unit, and where."""

    record: FoodRecord
    category: str
    unit_hint: str
    start: int
    end: int
    per_dish: tuple[float, str] | None = None  # amount and unit of this food in one whole dish
    dish: CuratedName | None = None  # the dish this food is a part of


@dataclass(frozen=True)
class Resolution:
    """The foods an item names (several for "peanut butter toast"), or the words not understood."""

    foods: tuple[ResolvedFood, ...] = ()
    unknown: str | None = None


class FoodTable:
    """All SR28 foods in memory with the curated names and the description search."""

    def __init__(self, records: Iterable[FoodRecord], names: NameIndex | None = None) -> None:
        self.records: dict[str, FoodRecord] = {r.ndb_no: r for r in records}
        self.names = names or name_index()
        self._curated_by_ndb: dict[str, CuratedName] = {}
        for entry in self.names.keys.values():
            if not entry.components:
                self._curated_by_ndb.setdefault(entry.ndb_no, entry)
        self._search: DescriptionIndex | None = None
        self._search_lock = threading.Lock()
        self._resolved: dict[tuple[str, ...], Resolution] = {}
        self.heads = food_heads(self.names.keys, (r.description for r in self.records.values()))

    def __len__(self) -> int:
        return len(self.records)

    @classmethod
    def from_session(cls, session: Session, reload: bool = False) -> FoodTable:
        """Build the table from the database once per process (per URL); rebuild when rows change."""
        key = str(session.get_bind().url)
        count = session.scalar(select(func.count()).select_from(Food)) or 0
        with _LOCK:
            cached = _CACHE.get(key)
            if cached and cached[0] == count and not reload:
                return cached[1]
        table = cls.from_rows(
            session.execute(select(*(getattr(Food, c) for c in _FOOD_COLUMNS))).all(),
            session.execute(select(*(getattr(FoodPortion, c) for c in _PORTION_COLUMNS))
                            .order_by(FoodPortion.ndb_no, FoodPortion.seq)).all(),
        )
        with _LOCK:
            _CACHE[key] = (count, table)
        return table

    @classmethod
    def from_sr28(cls) -> FoodTable:
        """Build straight from the SR28 files, without a database (tests, one-off scripts)."""
        foods, portions = read_sr28()
        return cls.from_rows(
            [tuple(f[c] for c in _FOOD_COLUMNS) for f in foods],
            [tuple(p[c] for c in _PORTION_COLUMNS) for p in portions],
        )

    @classmethod
    def from_rows(cls, food_rows, portion_rows) -> FoodTable:
        """Build from (ndb_no, description, group, common_name, *nutrients) and portion tuples."""
        portions: dict[str, list[Portion]] = defaultdict(list)
        for ndb_no, amount, unit, description, grams in portion_rows:
            portions[ndb_no].extend(_portions(amount, unit, description, grams))
        for ndb_no, amount, unit, grams in extra_portions():
            if not any(p.unit == unit for p in portions[ndb_no]):
                portions[ndb_no].append(Portion(amount, unit, unit, grams, frozenset({unit})))
        records = [
            FoodRecord(row[0], row[1], row[2], dict(zip(NUTRIENTS, row[4:])), tuple(portions[row[0]]), row[3])
            for row in food_rows
        ]
        return cls(records)

    def get(self, ndb_no: str) -> FoodRecord | None:
        return self.records.get(ndb_no)

    @property
    def search_index(self) -> DescriptionIndex:
        """The SR28 description index, built on first use (about 0.5 s)."""
        with self._search_lock:
            if self._search is None:
                self._search = DescriptionIndex(self.records.values())
        return self._search

    def category(self, record: FoodRecord) -> str:
        """Serving category: the curated one, else guessed from the SR28 group and description."""
        entry = self._curated_by_ndb.get(record.ndb_no)
        return entry.category if entry else guess_category(record)

    def unit_hint(self, record: FoodRecord) -> str:
        """The natural count unit names.tsv gives the food ("slice", "large"), else ""."""
        entry = self._curated_by_ndb.get(record.ndb_no)
        return entry.unit if entry else ""

    def part_name(self, record: FoodRecord) -> str:
        """What a parent calls a dish part: its curated name, else the start of its SR28 description."""
        entry = self._curated_by_ndb.get(record.ndb_no)
        if entry is not None:
            return entry.name
        head = record.description.split(",")[0].lower()
        return re.sub(r"^(?:babyfood|fast foods?|cereals ready-to-eat)\s*", "", head) or head

    def resolve_named(self, target: str) -> Resolution:
        """Resolve a curated name ("baby yogurt") or an SR28 NDB number ("21309") as a whole item."""
        if target in self.records:
            record = self.records[target]
            return Resolution((ResolvedFood(record, self.category(record), "", 0, 0),))
        return self.resolve(target.split())

    def clear_caches(self) -> None:
        """Forget resolved phrases (the evaluation times lines from cold)."""
        self._resolved.clear()

    def resolve(self, words: list[str]) -> Resolution:
        """Find the food(s) named by `words` (already stripped of quantities), or return unknown."""
        key = tuple(words)
        found = self._resolved.get(key)
        if found is None:
            found = self._cooked(self._resolve(list(words)), words)
            if len(self._resolved) > 20_000:
                self._resolved.clear()
            self._resolved[key] = found
        return found

    def _resolve(self, words: list[str]) -> Resolution:
        content = content_tokens(words)
        if not content:
            return Resolution()
        entry = self.names.exact(" ".join(words))
        if entry is not None and entry.ndb_no in self.records:
            entry = flavoured_bake(self.names, words, entry) or entry  # "banana muffins" are muffins
            return Resolution(tuple(self._curated_all(entry, 0, len(words))))
        said = [i for i, w in enumerate(words) if w not in STOPWORDS]
        entry = self.names.exact(" ".join(words[i] for i in said)) if len(said) < len(words) else None
        if entry is not None and entry.ndb_no in self.records:  # "(a corn one) tortilla" is a corn tortilla
            start, end = (said[0], said[-1] + 1) if said[-1] - said[0] + 1 == len(said) else (0, 0)  # shown by its words
            return Resolution(tuple(self._curated_all(entry, start, end)))
        cover = self._cover(words)
        if sum(m.end - m.start for m in cover) < len(words):  # "grilled chese": a misspelt dish name
            entry = self.names.correct_phrase(" ".join(words))
            if entry is not None and entry.ndb_no in self.records and entry not in [m.entry for m in cover]:
                return Resolution(tuple(self._curated_all(entry, 0, len(words))))
        bare = [w for w in words if w not in DESCRIPTORS]
        if len(cover) > 1 and len(bare) < len(words) and (entry := self.names.exact(" ".join(bare))) is not None \
                and entry.ndb_no in self.records:  # "baked sweet potato fries": not a baked sweet potato and fries
            entry = flavoured_bake(self.names, words, entry) or entry  # "banana mini muffins"
            return Resolution(tuple(self._curated_all(entry, 0, len(words))))
        if cover and not _leftover(words, cover) and self._compound_ok(cover):
            if (entry := self._canonical(words, cover)) is not None:  # "cheese quesadila": a cheese quesadilla
                return Resolution(tuple(self._curated_all(entry, 0, len(words))))
            if len(cover) > 1:  # "veggie lasagna" is SR28's "Lasagna, Vegetable", not two foods
                whole = self.search_index.search(content_tokens(words), all_in_lead=True)
                if whole is not None:
                    return self._searched(whole, words)
            return self._from_cover(cover, words)
        fixed = self._corrected(words)
        entry = self.names.exact(" ".join(fixed)) if fixed != words else None
        if entry is not None and entry.ndb_no in self.records:  # "grilled chese"
            return Resolution(tuple(self._curated_all(entry, 0, len(words))))
        fixed_cover = self._cover(fixed) if fixed != words else cover
        complete = fixed_cover and not _leftover(fixed, fixed_cover) and self._compound_ok(fixed_cover)
        if fixed != words and complete:
            return self._from_cover(fixed_cover, fixed)
        searched = content_tokens(fixed)  # "14 people", "I kept an eye": ordinary words alone name no food
        hit = self.search_index.search(searched) if anchored(searched, self.heads) else None
        if hit is not None:
            return self._searched(hit, words)
        if (flavoured := self._flavoured(words, cover)) is not None:
            return flavoured
        for partial, basis in ((cover, words), (fixed_cover, fixed)):
            leftover = _leftover(basis, partial)
            if partial and leftover and self._compound_ok(partial) and (
                    not self._food_words(leftover) or self._trailing_chatter(basis, partial)):
                return self._from_cover(partial, basis)
        if all(not_food(w) for w in content) or chatter_only(content, self.heads):  # "in the garden": nothing to ask
            return Resolution()
        return Resolution(unknown=" ".join(content))

    def _cooked(self, found: Resolution, words: tuple[str, ...]) -> Resolution:
        """"steamed carrot sticks": a raw food said to be cooked is its cooked row, when the names have one."""
        cooking = [w for w in words if w in _COOKING]
        if not cooking or len(found.foods) != 1 or found.foods[0].dish is not None \
                or ", raw" not in found.foods[0].record.description.lower():
            return found
        food = found.foods[0]
        name = " ".join(w for w in self.part_name(food.record).split() if w not in ("raw", "fresh"))
        for phrase in (f"{cooking[0]} {name}", f"cooked {name}", f"{name} cooked"):
            entry = self.names.exact(phrase)
            record = self.records.get(entry.ndb_no) if entry is not None and not entry.components else None
            if record is not None and ", raw" not in record.description.lower():
                return Resolution((replace(self._curated(entry, food.start, food.end), unit_hint=food.unit_hint),))
        return found

    def curated_phrase(self, words: list[str]) -> CuratedName | None:
        """The curated name or dish the words spell, typos fixed ("spagetti with meat sauce"), else None."""
        phrase = " ".join(words)
        entry = self.names.exact(phrase) or self.names.exact(" ".join(self._corrected(words))) \
            or self.names.correct_phrase(phrase)
        return entry if entry is not None and entry.ndb_no in self.records else None

    def _flavoured(self, words: list[str], cover) -> Resolution | None:
        """"chocolate cupcake", "banana muffin": a flavour before a food that is no carrier is that food, in
        the flavour SR28 has for its kind ("Cake, chocolate, ...") or else as the plain food."""
        head = cover[-1] if len(cover) == 2 and not _leftover(words, cover) else None
        if head is None or head.entry.components or head.end != len(words) or head.entry.ndb_no not in self.records \
                or cover[0].entry.category not in _FLAVOURS or head.entry.category not in _FLAVOURED:
            return None
        kind = desc_words(self.records[head.entry.ndb_no].description.split(",")[0])
        flavour = content_tokens(words[: head.start])
        entry = self.names.exact(" ".join([*flavour, *kind])) if flavour and kind else None
        if entry is not None and flavoured_bake(self.names, [*flavour, *kind], entry) is not None:
            entry = head.entry  # "mini muffins (banana)": a muffin with banana in, not banana bread
        hit = self.search_index.search([*flavour, *kind], all_in_lead=True) if flavour and kind else None
        plain = self.records[head.entry.ndb_no]
        record = self.records[entry.ndb_no] if entry is not None and not entry.components and entry.ndb_no in \
            self.records else self.search_index.foods[hit.index] if hit is not None else plain
        sized = replace(record, portions=plain.portions)  # the flavour's nutrients, the food's sizes: a chocolate
        return Resolution((ResolvedFood(sized, head.entry.category, head.entry.unit, 0, len(words)),))  # cupcake
        # is one cupcake, not a piece of a chocolate cake

    def _canonical(self, words: list[str], cover) -> CuratedName | None:
        """The one curated name the words make once each covered name is spelled as its row says."""
        if len(cover) < 2:
            return None
        out, at = [], 0
        for m in cover:
            out += words[at : m.start] + [m.entry.name]
            at = m.end
        entry = self.names.exact(" ".join(out + words[at:]))
        return entry if entry is not None and entry.ndb_no in self.records else None

    def _cover(self, words: list[str]):
        """Curated names in `words`, minus lone preparation words ("boiled")."""
        return [m for m in self.names.cover(words, _is_content)
                if not all(w in DESCRIPTORS for w in words[m.start : m.end])]

    def _searched(self, hit, words: list[str]) -> Resolution:
        record = self.search_index.foods[hit.index]
        return Resolution((ResolvedFood(record, self.category(record), "", 0, len(words)),))

    def _from_cover(self, cover, words: list[str]) -> Resolution:
        if len(cover) > 1 and cover[-1].entry.category in _DISHES:
            last = cover[-1]
            tails = {" ".join(words[k : last.end]) for k in range(last.start, last.end)} | {last.entry.name}
            for m in cover[:-1]:  # "tofu veggie stir fry": a tofu stir fry, not the chicken one
                for tail in sorted(tails, key=len, reverse=True):
                    entry = self.names.exact(f"{m.entry.name} {tail}")
                    if entry is not None and entry.components and entry.ndb_no in self.records:
                        return Resolution(tuple(self._curated_all(entry, cover[0].start, last.end)))
            cover = cover[-1:]  # "lamb stew", "turkey chili": the word before names the dish's kind
        return Resolution(tuple(f for m in cover for f in self._curated_all(m.entry, m.start, m.end)))

    def _curated_all(self, entry: CuratedName, start: int, end: int) -> list[ResolvedFood]:
        """The food of a names.tsv row, or every component of a dish."""
        if not entry.components:
            return [self._curated(entry, start, end)]
        out = []
        for ndb_no, amount, unit in entry.components:
            record = self.records[ndb_no]
            out.append(ResolvedFood(record, self.category(record), "", start, end, (amount, unit), entry))
        return out

    def _compound_ok(self, cover) -> bool:
        """"peanut butter toast" is two foods; "oat milk" is not oats plus milk."""
        if len(cover) < 2:
            return True
        if cover[-1].entry.category not in _CARRIERS:
            return False
        return not any(m.entry.category in _NOT_CARRIERS for m in cover[:-1])

    def _trailing_chatter(self, words: list[str], cover) -> bool:
        """"strawberries red everything", "pancakes sticky everything": words after the food that name no food
        of their own (a colour or a texture word is a food word only with its food)."""
        tail = words[cover[-1].end:]
        before = [w for w in words[: cover[0].start] if _is_content(w)]
        return bool(tail) and not before and not self._cover(tail)

    def _food_words(self, words: list[str]) -> list[str]:
        """Words that name foods themselves: leaving them out would change the food."""
        return [w for w in words if (w in self.names.vocab_set or w in self.search_index.head_vocab) and not not_food(w)]

    def _curated(self, entry: CuratedName, start: int, end: int) -> ResolvedFood:
        return ResolvedFood(self.records[entry.ndb_no], entry.category, entry.unit, start, end)

    def _corrected(self, words: list[str]) -> list[str]:
        """Fix typos in words that neither the curated names nor SR28 know."""
        vocab = self.names.vocab_set
        out = []
        for word in words:
            if word in STOPWORDS or word in DESCRIPTORS or word in vocab or self.search_index.knows(word) \
                    or not may_be_typo(word):  # "rash" is not a misspelt radish
                out.append(word)
            else:
                out.append(self.names.correct(word) or word)
        return out


def _is_content(word: str) -> bool:
    return word not in STOPWORDS and word not in DESCRIPTORS


def _leftover(words: list[str], cover) -> list[str]:
    covered = {i for m in cover for i in range(m.start, m.end)}
    return [w for i, w in enumerate(words) if i not in covered and w in content_tokens([w])]


def _portions(amount: float, unit: str, description: str, grams: float) -> list[Portion]:
    """One SR28 portion, plus a volume portion hidden in text like "serving 1/2 cup"."""
    words = frozenset(desc_words(description)) | {unit}
    out = [Portion(amount, unit, description, grams, words)]
    if unit not in VOLUME_UNITS and (m := _DERIVED.search(description)):
        num = _fraction(m.group(1)) * amount
        derived = portion_unit(m.group(2))
        if num > 0:
            out.append(Portion(num, derived, description, grams, words | {derived}))
    return out


def _fraction(text: str) -> float:
    if "/" in text:
        a, b = text.split("/")
        return int(a) / int(b) if int(b) else 0.0
    return float(text)


_FIRST_WORD_CATEGORY = {"milk": "milk", "yogurt": "yogurt", "egg": "egg", "cheese": "cheese",
                        "soup": "soup", "water": "water", "kefir": "yogurt"}


@lru_cache(maxsize=4096)
def _guess(description: str, group: str) -> str:
    text = description.lower()
    if "formula" in text:
        return "formula"
    if "juice" in text:
        return "juice"
    first = re.split(r"[ ,(]", text, maxsplit=1)[0]
    category = _FIRST_WORD_CATEGORY.get(first)
    return category or servings()["category_by_group"].get(group, "other")


def guess_category(record: FoodRecord) -> str:
    """Serving category for a food that is not in the curated table."""
    return _guess(record.description, record.food_group)


_FOOD_COLUMNS = ("ndb_no", "description", "food_group", "common_name", *NUTRIENTS)
_PORTION_COLUMNS = ("ndb_no", "amount", "unit", "description", "grams")

"""The in-memory food table: SR28 rows from the database plus the name indexes, built once per process.

`FoodTable.from_session(session)` reads `food` and `food_portion` once (about 0.3 s) and caches the
table per database URL; a cheap row count notices a reload, `reload=True` forces one.
`FoodTable.resolve(words)` turns the food words of one item into SR28 foods, or says it is unknown.
"""
from __future__ import annotations

import re
import threading
from collections import defaultdict
from typing import Iterable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from knowledge.foods.anchors import food_heads
from knowledge.foods.food_lookup import FoodLookup
from knowledge.foods.food_records import (  # re-exported: callers import them from here
    FoodRecord, Portion, Resolution, ResolvedFood, _portions, guess_category,
)
from knowledge.foods.names import CuratedName, NameIndex, extra_portions, name_index
from knowledge.foods.search import DescriptionIndex
from knowledge.foods.sr28 import read_sr28
from storage.foods import NUTRIENTS, Food, FoodPortion

__all__ = ["FoodRecord", "FoodTable", "Portion", "Resolution", "ResolvedFood", "guess_category"]

_CACHE: dict[str, tuple[int, "FoodTable"]] = {}
_LOCK = threading.Lock()


class FoodTable(FoodLookup):
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


_FOOD_COLUMNS = ("ndb_no", "description", "food_group", "common_name", *NUTRIENTS)
_PORTION_COLUMNS = ("ndb_no", "amount", "unit", "description", "grams")

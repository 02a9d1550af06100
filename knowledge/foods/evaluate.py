"""Measure the meal parser against tests/data/meals_labelled.json.

    python -m knowledge.foods.evaluate [--database-url URL] [--verbose]

Without a URL it loads SR28 into a temporary SQLite file first. Prints, for all meals and for
the development and held-out splits (the parser was tuned on the first only): the share of
explicit-quantity meals whose energy is within ±20% of the dietitian's (target >= 90%), the share
of labelled items whose food is identified (same NDB number or one the label accepts; target
>= 95%), unknown words caught, and the time to analyse 1,000 lines once the table is built.
"""
from __future__ import annotations

import argparse
import json
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from knowledge.foods.analysis import MealAnalysis, analyze_meal
from knowledge.foods.sr28 import load_foods
from knowledge.foods.table import FoodTable
from storage.db import Base, make_engine, make_sessionmaker
from storage.foods import Food, FoodPortion

LABELLED = Path(__file__).resolve().parents[2] / "tests" / "data" / "meals_labelled.json"
ENERGY_TOLERANCE = 0.20


@dataclass
class Report:
    explicit_meals: int = 0
    explicit_within: int = 0
    items: int = 0
    items_correct: int = 0
    extra_items: int = 0
    unknown_expected: int = 0
    unknown_caught: int = 0
    seconds_per_1000: float = 0.0
    misses: list[str] = field(default_factory=list)

    @property
    def energy_share(self) -> float:
        return self.explicit_within / self.explicit_meals if self.explicit_meals else 0.0

    @property
    def identification_share(self) -> float:
        return self.items_correct / self.items if self.items else 0.0

    def lines(self) -> list[str]:
        return [
            f"explicit meals within ±20% energy: {self.explicit_within}/{self.explicit_meals} "
            f"= {self.energy_share:.1%} (target >= 90%)",
            f"items identified: {self.items_correct}/{self.items} = {self.identification_share:.1%} "
            f"(target >= 95%); extra items not in the labels: {self.extra_items}",
            f"unknown words caught: {self.unknown_caught}/{self.unknown_expected}",
            f"1,000 lines analysed in {self.seconds_per_1000:.2f} s",
        ]


def load_labelled(path: Path = LABELLED) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["meals"]


def truth_kcal(meal: dict, table: FoodTable) -> float:
    return sum(i["grams"] * (table.get(i["ndb_no"]).nutrients["kcal"] or 0) / 100 for i in meal["items"])


def score_meal(meal: dict, result: MealAnalysis, table: FoodTable, report: Report) -> None:
    """Add one meal's identification, energy and unknown-word results to `report`."""
    unused = list(result.items)
    for label in meal["items"]:
        accepted = {label["ndb_no"], *label.get("accept", [])}
        hit = next((item for item in unused if item.ndb_no in accepted), None)
        report.items += 1
        if hit is not None:
            report.items_correct += 1
            unused.remove(hit)
        else:
            wanted = f"{label['ndb_no']} {label['description'][:50]}"
            report.misses.append(f"item  {meal['text']!r}: wanted {wanted}")
    report.extra_items += len(unused)
    for word in meal.get("unknown", []):
        report.unknown_expected += 1
        if any(word in u or u in word for u in result.unknown):
            report.unknown_caught += 1
        else:
            report.misses.append(f"unknown {meal['text']!r}: {word!r} not reported ({result.unknown})")
    if meal["explicit"]:
        truth = truth_kcal(meal, table)
        report.explicit_meals += 1
        got = result.totals["kcal"]
        if (truth == 0 and got < 5) or (truth and abs(got - truth) <= ENERGY_TOLERANCE * truth):
            report.explicit_within += 1
        else:
            report.misses.append(f"energy {meal['text']!r}: {got:.0f} kcal, dietitian {truth:.0f}")


def time_lines(meals: list[dict], table: FoodTable, n: int = 1000) -> float:
    """Seconds to analyse `n` lines (the labelled texts, cycled; ages vary) from cold caches."""
    texts = [m["text"] for m in meals]
    for text in texts:
        analyze_meal(text, table)
    lines = [texts[i % len(texts)] for i in range(n)]
    table.clear_caches()
    started = time.perf_counter()
    for i, text in enumerate(lines):
        analyze_meal(text, table, age_months=6 + i % 54)
    return time.perf_counter() - started


def evaluate(table: FoodTable, meals: list[dict] | None = None, timing: bool = True) -> Report:
    """Score every labelled meal (and time 1,000 lines)."""
    meals = meals if meals is not None else load_labelled()
    report = Report()
    for meal in meals:
        score_meal(meal, analyze_meal(meal["text"], table, meal.get("age_months")), table, report)
    if timing:
        report.seconds_per_1000 = time_lines(meals, table)
    return report


def evaluate_splits(table: FoodTable) -> dict[str, Report]:
    """Reports for all meals, the meals the parser was tuned on, and the two held-out sets."""
    meals = load_labelled()
    out = {"all": evaluate(table, meals)}
    for split in ("development", "holdout", "holdout2"):
        chosen = [m for m in meals if m.get("split", "development") == split]
        out[split] = evaluate(table, chosen, timing=False)
    return out


def table_from_url(url: str | None) -> FoodTable:
    """A FoodTable from `url`, or from a temporary SQLite file loaded here (and removed) when None."""
    if url is None:
        with tempfile.TemporaryDirectory(prefix="tinytummy-foods-") as folder:
            return _load_and_build(f"sqlite:///{folder}/foods.db")
    return _load_and_build(url)


def _load_and_build(url: str) -> FoodTable:
    engine = make_engine(url)
    try:
        Base.metadata.create_all(engine, tables=[Food.__table__, FoodPortion.__table__])
        sessions = make_sessionmaker(engine)
        with sessions() as session, session.begin():
            load_foods(session)
        with sessions() as session:
            return FoodTable.from_session(session)
    finally:
        engine.dispose()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=None)
    parser.add_argument("--verbose", action="store_true", help="list every miss")
    args = parser.parse_args(argv)
    reports = evaluate_splits(table_from_url(args.database_url))
    for name, report in reports.items():
        lines = report.lines() if name == "all" else report.lines()[:3]
        print(f"[{name}: {report.items} items]", *lines, sep="\n  ")
    if args.verbose:
        print(*reports["all"].misses, sep="\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

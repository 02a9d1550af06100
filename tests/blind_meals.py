"""Score the meal parser on a blind meal set: python -m tests.blind_meals [FILE] [--verbose]

FILE defaults to tests/data/meals_blind.json. Each meal is {"text", "items": [{"food", "grams",
"kcal_100g"}], optional "age_months" (default 18)}. Energy counts when the parser's total is within
20% of the set's SR28 arithmetic; a food counts as named when some item's SR28 description holds
every word of "food", or, where the set gives the SR28 row ("sr28": "NDB_No description"), when
some item is that very row. Items the set gives 0 g (refused) count as named if the parser lists them.
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from knowledge.foods import FoodTable, analyze_meal

DEFAULT = Path(__file__).parent / "data" / "meals_blind.json"
DEFAULT_AGE_MONTHS = 18


def score(meals: list[dict], table: FoodTable, verbose: bool = True) -> tuple[int, int, int, int]:
    """(meals with energy within 20%, meals, foods named, foods) over `meals`."""
    energy_ok = found = total = 0
    for meal in meals:
        analysis = analyze_meal(meal["text"], table, meal.get("age_months", DEFAULT_AGE_MONTHS))
        truth = sum(i["grams"] * i["kcal_100g"] / 100 for i in meal["items"])
        got = analysis.totals.get("kcal", 0.0)
        close = abs(got - truth) <= 0.2 * truth
        energy_ok += close
        descriptions = [i.description.lower() for i in analysis.items]
        rows = {i.ndb_no for i in analysis.items if i.ndb_no}
        for item in meal["items"]:
            total += 1
            hit = any(all(w in d for w in item["food"].lower().split()) for d in descriptions) \
                or item.get("sr28", "")[:5] in rows
            found += hit
            if not hit and verbose:
                print(f"  food missed: {item['food']!r} in {meal['text']!r} -> {descriptions}")
        if not close and verbose:
            print(f"  energy off: {meal['text']!r}: {got:.0f} kcal vs {truth:.0f} "
                  f"({[(i.name, round(i.grams)) for i in analysis.items]})")
    return energy_ok, len(meals), found, total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", type=Path, default=DEFAULT)
    args = parser.parse_args(argv)
    meals = json.loads(args.file.read_text(encoding="utf-8"))["meals"]
    energy_ok, count, found, total = score(meals, FoodTable.from_sr28())
    print(f"energy within 20%: {energy_ok}/{count} = {energy_ok / count:.1%}; "
          f"foods identified: {found}/{total} = {found / total:.1%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

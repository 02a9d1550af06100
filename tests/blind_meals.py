"""Score the meal parser on tests/data/meals_blind.json: python -m tests.blind_meals"""
from __future__ import annotations

import json
from pathlib import Path

from knowledge.foods import FoodTable, analyze_meal


def main() -> None:
    meals = json.loads((Path(__file__).parent / "data" / "meals_blind.json").read_text())["meals"]
    table = FoodTable.from_sr28()
    energy_ok = found = total = 0
    for meal in meals:
        analysis = analyze_meal(meal["text"], table, 18)
        truth = sum(i["grams"] * i["kcal_100g"] / 100 for i in meal["items"])
        got = analysis.totals.get("kcal", 0.0)
        close = abs(got - truth) <= 0.2 * truth
        energy_ok += close
        descriptions = [i.description.lower() for i in analysis.items]
        for item in meal["items"]:
            total += 1
            hit = any(all(w in d for w in item["food"].lower().split()) for d in descriptions)
            found += hit
            if not hit:
                print(f"  food missed: {item['food']!r} in {meal['text']!r} -> {descriptions}")
        if not close:
            print(f"  energy off: {meal['text']!r}: {got:.0f} kcal vs {truth:.0f} "
                  f"({[(i.name, round(i.grams)) for i in analysis.items]})")
    print(f"energy within 20%: {energy_ok}/{len(meals)} = {energy_ok / len(meals):.1%}; "
          f"foods identified: {found}/{total} = {found / total:.1%}")


if __name__ == "__main__":
    main()

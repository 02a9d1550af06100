"""Foods and nutrition: USDA SR28 table, meal parsing, portions and reference intakes.

    table = FoodTable.from_session(session)          # once per process, cached
    meal = analyze_meal("Maya had ½ cup oatmeal and a banana", table, age_months=14)
    meal.items[0].grams, meal.totals["iron_mg"], meal.unknown
"""
from knowledge.foods.analysis import MealAnalysis, analyze_meal
from knowledge.foods.food_item import FoodItem
from knowledge.foods.nutrition import key_nutrients, reference_intakes, share_of_reference
from knowledge.foods.sr28 import LoadReport, load_foods
from knowledge.foods.table import FoodTable
from storage.foods import NUTRIENTS

__all__ = [
    "NUTRIENTS",
    "FoodItem",
    "FoodTable",
    "LoadReport",
    "MealAnalysis",
    "analyze_meal",
    "key_nutrients",
    "load_foods",
    "reference_intakes",
    "share_of_reference",
]

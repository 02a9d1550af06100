"""Meal plans: the local planner, the rules every plan keeps, and plan shapes.

    plan = generate(table, ChildFacts(age_months=10, allergies=("egg",)), days=7, seed=1)
    problems(plan, child, Planner(table, child).describe)  # [] for every plan we send
"""
from knowledge.planner.build import MAX_DAYS, Planner, generate
from knowledge.planner.model import ChildFacts, Plan, PlanDay, PlanItem, PlanMeal
from knowledge.planner.rules import meals_for_age, problems

__all__ = ["MAX_DAYS", "ChildFacts", "Plan", "PlanDay", "PlanItem", "PlanMeal", "Planner", "generate",
           "meals_for_age", "problems"]

"""`flask --app wsgi plan generate`: a plan as one JSON document, for operators and tests."""
from __future__ import annotations

import json

import click
from flask.cli import AppGroup

from knowledge.planner import MAX_DAYS, ChildFacts, generate


@click.group("plan", cls=AppGroup, help="Meal plans.")
def plan_group() -> None:
    pass


@plan_group.command("generate", help="Print a plan for a child of this age as JSON (numbers from SR28).")
@click.option("--age-months", type=click.IntRange(6, 60), required=True)
@click.option("--allergy", "allergies", multiple=True, help="Repeat for each allergy (peanut, egg, kiwi ...).")
@click.option("--dislike", "dislikes", multiple=True)
@click.option("--tolerated", multiple=True, help="A major allergen already eaten without trouble (kept in the diet).")
@click.option("--days", type=click.IntRange(1, MAX_DAYS), default=1)
@click.option("--seed", type=int, default=0)
def plan_generate(age_months: int, allergies: tuple[str, ...], dislikes: tuple[str, ...], tolerated: tuple[str, ...],
                  days: int, seed: int) -> None:
    from flask import current_app

    table = current_app.extensions["tinytummy"].knowledge.food_table()
    child = ChildFacts(age_months=age_months, allergies=allergies, dislikes=dislikes, tolerated_allergens=tolerated)
    click.echo(json.dumps(generate(table, child, days, seed).to_json()))

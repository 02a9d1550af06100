"""How many SQL statements a message costs, on the real Postgres (and SQLite for growth).

Every statement is a round trip and work for the database on the same two cores as the app, so
the count is bounded: a meal message within MEAL_BUDGET, and no message type sends more
statements as a family's history grows (no query per meal or per item). Counted with an
SQLAlchemy listener (tests/statements.py); the figures are in the README's speed section.
"""
from __future__ import annotations

import pytest

from storage.badges import Badge
from storage.meals import AllergenExposure
from tests.statements import counting
from tests.support import all_rows, build_app, household, truncate_all

# A logged meal: sender with family (1), claim (1), last-seen time (1), meal and items (2),
# today's nutrients, the child's foods (first tries and food badges, one read), streak days,
# badges held, allergens (5), stored reply (2) = 12. It was 22 before the sender loaded in one
# statement and badges and summaries stopped reading item by item, 13 before first tries and
# food badges shared their read.
MEAL_BUDGET = 12
ALLERGEN_COST = 2  # the meal has a major allergen (eggs): its exposure row is read, then written
BADGE_COST = 3  # a badge earned with the meal: savepoint, insert, release (a concurrent win is no error)
HISTORY = ["1/2 cup oatmeal and a banana", "2 scrambled eggs and toast", "peas and rice",
           "salmon, sweet potato and broccoli", "blueberries and yogurt", "chicken and avocado"]


def _statements(app, parent, clock, body: str) -> int:
    clock.advance(minutes=3)  # a later message, as in life: the last-seen time changes
    with counting(app.extensions["tinytummy"].engine) as seen:
        reply = parent.say(body)
    assert reply, body
    return seen.count


def _history(parent, clock, days: int) -> None:
    for _ in range(days):
        for meal in HISTORY:
            parent.say(meal)
            clock.advance(hours=2)
        clock.advance(hours=12)


@pytest.fixture
def pg_app(postgres_url, clock, tmp_path, chroma_path):
    """The budget is for the production database: SQLite inserts a meal's items one by one (in
    process, no round trip), Postgres in one batch."""
    app = build_app(postgres_url, clock, tmp_path, env={"CHROMA_PATH": chroma_path})
    yield app
    truncate_all(app.extensions["tinytummy"].engine)
    app.extensions["tinytummy"].engine.dispose()


@pytest.mark.postgres
def test_a_meal_message_stays_within_its_statement_budget(pg_app, clock):
    app = pg_app
    parent = household(app, "+12125550190", "Maya", "2026-02-01")
    _history(parent, clock, days=2)
    for body in ("Maya had 1/2 cup oatmeal and a banana", "a banana", "2 scrambled eggs and toast"):
        clock.advance(minutes=3)
        badges, exposures = len(all_rows(app, Badge)), _exposures(app)
        with counting(app.extensions["tinytummy"].engine) as seen:
            assert parent.say(body).startswith("Logged Maya's")
        earned = len(all_rows(app, Badge)) - badges
        allergens = _exposures(app) != exposures
        assert seen.count <= MEAL_BUDGET + BADGE_COST * earned + ALLERGEN_COST * allergens, seen.summary()


def _exposures(app) -> list[tuple[str, int]]:
    return [(e.allergen, e.times) for e in all_rows(app, AllergenExposure)]


@pytest.mark.parametrize("body", ["a banana", "summary", "this week", "streak", "can she have honey?", "settings"])
def test_statements_do_not_grow_with_history(app, clock, body):
    parent = household(app, "+12125550191", "Maya", "2026-02-01")
    _history(parent, clock, days=1)
    short = _statements(app, parent, clock, body)
    _history(parent, clock, days=3)  # three more days, 18 more meals with 2-3 items each
    assert _statements(app, parent, clock, body) <= short

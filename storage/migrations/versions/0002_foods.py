"""USDA SR28 food table and household portions.

Revision ID: 0002_foods
Revises: 0001_spine
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_foods"
down_revision = "0001_spine"
branch_labels = None
depends_on = None

NUTRIENT_COLUMNS = (
    "kcal",
    "protein_g",
    "fat_g",
    "carbs_g",
    "fiber_g",
    "sugar_g",
    "calcium_mg",
    "iron_mg",
    "zinc_mg",
    "vitamin_c_mg",
    "vitamin_a_ug",
    "vitamin_d_ug",
    "folate_ug",
    "sodium_mg",
)


def upgrade() -> None:
    """Create `food` and `food_portion`."""
    op.create_table(
        "food",
        sa.Column("ndb_no", sa.String(5), nullable=False),
        sa.Column("description", sa.String(200), nullable=False),
        sa.Column("short_description", sa.String(60), nullable=False),
        sa.Column("common_name", sa.String(100), nullable=True),
        sa.Column("food_group", sa.String(4), nullable=False),
        *(sa.Column(name, sa.Float(), nullable=True) for name in NUTRIENT_COLUMNS),
        sa.PrimaryKeyConstraint("ndb_no", name="pk_food"),
    )
    op.create_index("ix_food_food_group", "food", ["food_group"])
    op.create_table(
        "food_portion",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("ndb_no", sa.String(5), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("amount", sa.Float(), nullable=False),
        sa.Column("unit", sa.String(40), nullable=False),
        sa.Column("description", sa.String(100), nullable=False),
        sa.Column("grams", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_food_portion"),
        sa.ForeignKeyConstraint(
            ["ndb_no"], ["food.ndb_no"], name="fk_food_portion_ndb_no_food", ondelete="CASCADE"
        ),
        sa.UniqueConstraint("ndb_no", "seq", name="uq_food_portion_ndb_no"),
    )


def downgrade() -> None:
    """Drop `food_portion` and `food`."""
    op.drop_table("food_portion")
    op.drop_index("ix_food_food_group", table_name="food")
    op.drop_table("food")

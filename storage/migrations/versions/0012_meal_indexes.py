"""Meal indexes for the lookups every meal message makes: a child's meals by local day (streaks,
today's nutrients, summaries) and a meal's items by food ("first time trying")

Revision ID: 0012_meal_indexes
Revises: 0010_caregivers
"""
from alembic import op


revision = '0012_meal_indexes'
down_revision = '0011_links'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('meal', schema=None) as batch_op:
        batch_op.create_index('ix_meal_child_id_local_date', ['child_id', 'local_date', 'eaten_at'], unique=False)
        batch_op.drop_index(batch_op.f('ix_meal_child_id'))
    with op.batch_alter_table('meal_item', schema=None) as batch_op:
        batch_op.create_index('ix_meal_item_meal_id_ndb_no', ['meal_id', 'ndb_no'], unique=False)
        batch_op.drop_index(batch_op.f('ix_meal_item_meal_id'))


def downgrade() -> None:
    with op.batch_alter_table('meal_item', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_meal_item_meal_id'), ['meal_id'], unique=False)
        batch_op.drop_index('ix_meal_item_meal_id_ndb_no')
    with op.batch_alter_table('meal', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_meal_child_id'), ['child_id'], unique=False)
        batch_op.drop_index('ix_meal_child_id_local_date')

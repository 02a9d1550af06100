"""meal plans and calendar links

Revision ID: 0009_plans
Revises: 0006_streaks
"""
from alembic import op
import sqlalchemy as sa
import storage.db


revision = '0009_plans'
down_revision = '0006_streaks'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('meal_plan',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('child_id', sa.Integer(), nullable=False),
    sa.Column('made_by_id', sa.Integer(), nullable=True),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('day_count', sa.Integer(), nullable=False),
    sa.Column('seed', sa.Integer(), nullable=False),
    sa.Column('body', sa.JSON(), nullable=False),
    sa.Column('created_at', storage.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['child_id'], ['child.id'], name=op.f('fk_meal_plan_child_id_child'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['made_by_id'], ['person.id'], name=op.f('fk_meal_plan_made_by_id_person'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_meal_plan'))
    )
    with op.batch_alter_table('meal_plan', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_meal_plan_child_id'), ['child_id'], unique=False)
    op.create_table('plan_link',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('expires_at', storage.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('created_at', storage.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['plan_id'], ['meal_plan.id'], name=op.f('fk_plan_link_plan_id_meal_plan'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_plan_link')),
    sa.UniqueConstraint('token_hash', name=op.f('uq_plan_link_token_hash'))
    )
    with op.batch_alter_table('plan_link', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_plan_link_plan_id'), ['plan_id'], unique=False)


def downgrade() -> None:
    op.drop_table('plan_link')
    op.drop_table('meal_plan')

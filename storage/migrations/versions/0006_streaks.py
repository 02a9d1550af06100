"""Badges (with the day earned) and daily nudges (one per person per local day)

Revision ID: 0006_streaks
Revises: 0005_safety
"""
from alembic import op
import sqlalchemy as sa
import storage.db


revision = '0006_streaks'
down_revision = '0005_safety'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('badge',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('household_id', sa.Integer(), nullable=False),
    sa.Column('child_id', sa.Integer(), nullable=True),
    sa.Column('key', sa.String(length=60), nullable=False),
    sa.Column('code', sa.String(length=30), nullable=False),
    sa.Column('earned_on', sa.Date(), nullable=False),
    sa.Column('created_at', storage.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['child_id'], ['child.id'], name=op.f('fk_badge_child_id_child'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['household_id'], ['household.id'], name=op.f('fk_badge_household_id_household'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_badge')),
    sa.UniqueConstraint('household_id', 'key', name=op.f('uq_badge_household_id'))
    )
    with op.batch_alter_table('badge', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_badge_household_id'), ['household_id'], unique=False)

    op.create_table('nudge',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('local_date', sa.Date(), nullable=False),
    sa.Column('due_at', storage.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('variant', sa.String(length=12), nullable=True),
    sa.Column('reason', sa.String(length=160), nullable=True),
    sa.Column('outbound_id', sa.Integer(), nullable=True),
    sa.Column('created_at', storage.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['outbound_id'], ['outbound.id'], name=op.f('fk_nudge_outbound_id_outbound'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_nudge_person_id_person'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_nudge')),
    sa.UniqueConstraint('person_id', 'local_date', name=op.f('uq_nudge_person_id'))
    )
    with op.batch_alter_table('nudge', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_nudge_status'), ['status'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('nudge', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_nudge_status'))

    op.drop_table('nudge')
    with op.batch_alter_table('badge', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_badge_household_id'))

    op.drop_table('badge')

"""private links for every kind (plan calendars, exports, reports, charts, the household page); media on outbound

Revision ID: 0011_links
Revises: 0010_caregivers
"""
from alembic import op
import sqlalchemy as sa
import storage.db


revision = '0011_links'
down_revision = '0010_caregivers'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('private_link',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=True),
    sa.Column('household_id', sa.Integer(), nullable=True),
    sa.Column('child_id', sa.Integer(), nullable=True),
    sa.Column('plan_id', sa.Integer(), nullable=True),
    sa.Column('days', sa.Integer(), nullable=True),
    sa.Column('channel', sa.String(length=10), nullable=True),
    sa.Column('token_hash', sa.String(length=64), nullable=True),
    sa.Column('content', sa.LargeBinary(), nullable=True),
    sa.Column('content_type', sa.String(length=40), nullable=True),
    sa.Column('expires_at', storage.db.UTCDateTime(timezone=True), nullable=True),
    sa.Column('revoked_at', storage.db.UTCDateTime(timezone=True), nullable=True),
    sa.Column('created_at', storage.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_private_link_person_id_person'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['household_id'], ['household.id'], name=op.f('fk_private_link_household_id_household'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['child_id'], ['child.id'], name=op.f('fk_private_link_child_id_child'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['plan_id'], ['meal_plan.id'], name=op.f('fk_private_link_plan_id_meal_plan'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_private_link')),
    sa.UniqueConstraint('token_hash', name=op.f('uq_private_link_token_hash'))
    )
    with op.batch_alter_table('private_link', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_private_link_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_private_link_household_id'), ['household_id'], unique=False)
    # Calendar links made so far keep working: they become private links of kind "plan", given to
    # whoever made the plan (a plan whose maker is gone keeps its link until it expires).
    op.execute("INSERT INTO private_link (kind, person_id, plan_id, token_hash, expires_at, created_at) "
               "SELECT 'plan', meal_plan.made_by_id, plan_link.plan_id, plan_link.token_hash, plan_link.expires_at, "
               "plan_link.created_at FROM plan_link JOIN meal_plan ON meal_plan.id = plan_link.plan_id")
    op.drop_table('plan_link')
    with op.batch_alter_table('outbound', schema=None) as batch_op:
        batch_op.add_column(sa.Column('media_url', sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('outbound', schema=None) as batch_op:
        batch_op.drop_column('media_url')
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
    op.execute("INSERT INTO plan_link (plan_id, token_hash, expires_at, created_at) SELECT plan_id, token_hash, "
               "expires_at, created_at FROM private_link WHERE kind = 'plan' AND token_hash IS NOT NULL")
    op.drop_table('private_link')

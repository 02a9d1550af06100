"""caregivers: membership name, children and digest; invites; wrong join codes

Revision ID: 0010_caregivers
Revises: 0009_plans
"""
from alembic import op
import sqlalchemy as sa
import storage.db


revision = '0010_caregivers'
down_revision = '0009_plans'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('membership', schema=None) as batch_op:
        batch_op.add_column(sa.Column('name', sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column('child_ids', sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column('digest', sa.Boolean(), nullable=False, server_default=sa.false()))
    op.create_table('invite',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('household_id', sa.Integer(), nullable=False),
    sa.Column('invited_by_id', sa.Integer(), nullable=True),
    sa.Column('phone', sa.String(length=20), nullable=False),
    sa.Column('name', sa.String(length=40), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.Column('child_ids', sa.JSON(), nullable=True),
    sa.Column('code_hash', sa.String(length=64), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('created_at', storage.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('expires_at', storage.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('accepted_at', storage.db.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['household_id'], ['household.id'], name=op.f('fk_invite_household_id_household'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['invited_by_id'], ['person.id'], name=op.f('fk_invite_invited_by_id_person'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_invite'))
    )
    with op.batch_alter_table('invite', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_invite_household_id'), ['household_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_invite_phone'), ['phone'], unique=False)
    op.create_table('join_failure',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('phone', sa.String(length=20), nullable=False),
    sa.Column('at', storage.db.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_join_failure'))
    )
    with op.batch_alter_table('join_failure', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_join_failure_phone'), ['phone'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('join_failure', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_join_failure_phone'))
    op.drop_table('join_failure')
    with op.batch_alter_table('invite', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_invite_phone'))
        batch_op.drop_index(batch_op.f('ix_invite_household_id'))
    op.drop_table('invite')
    with op.batch_alter_table('membership', schema=None) as batch_op:
        batch_op.drop_column('digest')
        batch_op.drop_column('child_ids')
        batch_op.drop_column('name')

"""safety: conversation memory apart from step data; reactions reported on a child

Revision ID: 0005_safety
Revises: 0004_tasks
"""
from alembic import op
import sqlalchemy as sa
import storage.db


revision = '0005_safety'
down_revision = '0004_tasks'
branch_labels = None
depends_on = None

MEMORY_KEYS = ("last_question", "last_question_at", "last_child_id", "turns")


def upgrade() -> None:
    with op.batch_alter_table('conversation', schema=None) as batch_op:
        batch_op.add_column(sa.Column('memory', sa.JSON(), nullable=True))
    conversation = sa.table('conversation', sa.column('person_id', sa.Integer()), sa.column('data', sa.JSON()),
                            sa.column('memory', sa.JSON()))
    bind = op.get_bind()
    for person_id, data in bind.execute(sa.select(conversation.c.person_id, conversation.c.data)).all():
        data = dict(data or {})
        memory = {k: data.pop(k) for k in MEMORY_KEYS if k in data}
        bind.execute(conversation.update().where(conversation.c.person_id == person_id)
                     .values(data=data, memory=memory))
    op.create_table('reaction',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('child_id', sa.Integer(), nullable=False),
    sa.Column('food', sa.String(length=80), nullable=False),
    sa.Column('symptoms', sa.String(length=120), nullable=False),
    sa.Column('reported_at', storage.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('cleared_at', storage.db.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['child_id'], ['child.id'], name=op.f('fk_reaction_child_id_child'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reaction'))
    )
    with op.batch_alter_table('reaction', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_reaction_child_id'), ['child_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('reaction', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_reaction_child_id'))
    op.drop_table('reaction')
    with op.batch_alter_table('conversation', schema=None) as batch_op:
        batch_op.drop_column('memory')

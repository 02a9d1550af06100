"""meals

Revision ID: 0003_meals
Revises: 0002_foods
"""
from alembic import op
import sqlalchemy as sa
import storage.db


revision = '0003_meals'
down_revision = '0002_foods'
branch_labels = None
depends_on = None


def upgrade() -> None:
    
    op.create_table('allergen_exposure',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('child_id', sa.Integer(), nullable=False),
    sa.Column('allergen', sa.String(length=20), nullable=False),
    sa.Column('last_eaten_on', sa.Date(), nullable=False),
    sa.Column('times', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['child_id'], ['child.id'], name=op.f('fk_allergen_exposure_child_id_child'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_allergen_exposure')),
    sa.UniqueConstraint('child_id', 'allergen', name=op.f('uq_allergen_exposure_child_id'))
    )
    with op.batch_alter_table('allergen_exposure', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_allergen_exposure_child_id'), ['child_id'], unique=False)

    op.create_table('meal',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('child_id', sa.Integer(), nullable=False),
    sa.Column('logged_by_id', sa.Integer(), nullable=True),
    sa.Column('inbound_id', sa.Integer(), nullable=True),
    sa.Column('eaten_at', storage.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('local_date', sa.Date(), nullable=False),
    sa.Column('meal_type', sa.String(length=12), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('nutrients', sa.JSON(), nullable=False),
    sa.Column('photo_url', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['child_id'], ['child.id'], name=op.f('fk_meal_child_id_child'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['inbound_id'], ['inbound.id'], name=op.f('fk_meal_inbound_id_inbound'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['logged_by_id'], ['person.id'], name=op.f('fk_meal_logged_by_id_person'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_meal'))
    )
    with op.batch_alter_table('meal', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_meal_child_id'), ['child_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_meal_local_date'), ['local_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_meal_logged_by_id'), ['logged_by_id'], unique=False)

    op.create_table('meal_item',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('meal_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.Column('ndb_no', sa.String(length=5), nullable=True),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('food_group', sa.String(length=4), nullable=False),
    sa.Column('grams', sa.Float(), nullable=False),
    sa.Column('offered_grams', sa.Float(), nullable=False),
    sa.Column('estimated', sa.Boolean(), nullable=False),
    sa.Column('nutrients', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['meal_id'], ['meal.id'], name=op.f('fk_meal_item_meal_id_meal'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_meal_item'))
    )
    with op.batch_alter_table('meal_item', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_meal_item_meal_id'), ['meal_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_meal_item_ndb_no'), ['ndb_no'], unique=False)




def downgrade() -> None:
    
    with op.batch_alter_table('meal_item', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_meal_item_ndb_no'))
        batch_op.drop_index(batch_op.f('ix_meal_item_meal_id'))

    op.drop_table('meal_item')
    with op.batch_alter_table('meal', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_meal_logged_by_id'))
        batch_op.drop_index(batch_op.f('ix_meal_local_date'))
        batch_op.drop_index(batch_op.f('ix_meal_child_id'))

    op.drop_table('meal')
    with op.batch_alter_table('allergen_exposure', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_allergen_exposure_child_id'))

    op.drop_table('allergen_exposure')


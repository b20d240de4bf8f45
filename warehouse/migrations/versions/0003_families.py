"""Document families: facts stated once per family, figures as their mentions; documents keep page metadata and publication time.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27 16:35:18.163588
"""

from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table('facts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('family_key', sa.String(length=64), nullable=False),
    sa.Column('fact_key', sa.String(length=64), nullable=False),
    sa.Column('indicator_text', sa.String(length=200), nullable=False),
    sa.Column('value_base', sa.Float(), nullable=False),
    sa.Column('unit', sa.String(length=24), nullable=False),
    sa.Column('period', sa.String(length=40), nullable=True),
    sa.Column('basis', sa.String(length=16), nullable=True),
    sa.Column('direction', sa.String(length=8), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_facts')),
    sa.UniqueConstraint('family_key', 'fact_key', name=op.f('uq_facts_family_key'))
    )
    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.add_column(sa.Column('published_at', sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column('meta', sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column('family_key', sa.String(length=64), nullable=True))
        batch_op.create_index(batch_op.f('ix_documents_family_key'), ['family_key'], unique=False)

    with op.batch_alter_table('figures', schema=None) as batch_op:
        batch_op.add_column(sa.Column('fact_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_figures_fact_id'), ['fact_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_figures_fact_id_facts'), 'facts', ['fact_id'], ['id'], ondelete='SET NULL')




def downgrade() -> None:

    with op.batch_alter_table('figures', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_figures_fact_id_facts'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_figures_fact_id'))
        batch_op.drop_column('fact_id')

    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_documents_family_key'))
        batch_op.drop_column('family_key')
        batch_op.drop_column('meta')
        batch_op.drop_column('published_at')

    op.drop_table('facts')


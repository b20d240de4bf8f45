"""Facts: figures, speakers and agencies, measures and measure groups, press events; documents record their extractor version.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27 16:04:36.489651
"""

from alembic import op
import sqlalchemy as sa


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table('agencies',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_agencies')),
    sa.UniqueConstraint('name', name=op.f('uq_agencies_name'))
    )
    op.create_table('events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('type', sa.String(length=32), nullable=False),
    sa.Column('organizer', sa.String(length=100), nullable=False),
    sa.Column('date', sa.String(length=10), nullable=True),
    sa.Column('topic', sa.Text(), nullable=True),
    sa.Column('evidence', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_events_document_id_documents'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_events')),
    sa.UniqueConstraint('document_id', name=op.f('uq_events_document_id'))
    )
    op.create_table('figures',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('category', sa.String(length=24), nullable=False),
    sa.Column('is_primary', sa.Boolean(), nullable=False),
    sa.Column('indicator_text', sa.String(length=200), nullable=False),
    sa.Column('indicator_full', sa.String(length=200), nullable=False),
    sa.Column('qualifiers', sa.JSON(), nullable=False),
    sa.Column('parent_seq', sa.Integer(), nullable=True),
    sa.Column('value', sa.Float(), nullable=False),
    sa.Column('value_text', sa.String(length=40), nullable=True),
    sa.Column('unit', sa.String(length=24), nullable=False),
    sa.Column('unit_text', sa.String(length=24), nullable=True),
    sa.Column('scale', sa.Float(), nullable=False),
    sa.Column('value_base', sa.Float(), nullable=False),
    sa.Column('value_low', sa.Float(), nullable=True),
    sa.Column('value_high', sa.Float(), nullable=True),
    sa.Column('approx', sa.Boolean(), nullable=True),
    sa.Column('bound', sa.String(length=4), nullable=True),
    sa.Column('basis', sa.String(length=16), nullable=True),
    sa.Column('basis_text', sa.String(length=40), nullable=True),
    sa.Column('basis_period', sa.String(length=40), nullable=True),
    sa.Column('price_basis', sa.String(length=16), nullable=True),
    sa.Column('direction', sa.String(length=8), nullable=True),
    sa.Column('period', sa.String(length=40), nullable=True),
    sa.Column('period_text', sa.String(length=40), nullable=True),
    sa.Column('period_type', sa.String(length=16), nullable=True),
    sa.Column('streak', sa.JSON(), nullable=True),
    sa.Column('is_target', sa.Boolean(), nullable=False),
    sa.Column('speaker', sa.String(length=40), nullable=True),
    sa.Column('agency', sa.String(length=100), nullable=True),
    sa.Column('paragraph', sa.Integer(), nullable=False),
    sa.Column('evidence', sa.Text(), nullable=False),
    sa.Column('from_table', sa.Boolean(), nullable=False),
    sa.Column('extractor_version', sa.String(length=32), nullable=False),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_figures_document_id_documents'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_figures')),
    sa.UniqueConstraint('document_id', 'seq', name=op.f('uq_figures_document_id'))
    )
    with op.batch_alter_table('figures', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_figures_document_id'), ['document_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_figures_indicator_text'), ['indicator_text'], unique=False)
        batch_op.create_index(batch_op.f('ix_figures_period'), ['period'], unique=False)

    op.create_table('measure_groups',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('group_key', sa.String(length=8), nullable=False),
    sa.Column('agency', sa.String(length=100), nullable=True),
    sa.Column('speaker', sa.String(length=40), nullable=True),
    sa.Column('framing', sa.Text(), nullable=False),
    sa.Column('declared_count', sa.Integer(), nullable=True),
    sa.Column('found_count', sa.Integer(), nullable=False),
    sa.Column('count_mismatch', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_measure_groups_document_id_documents'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_measure_groups')),
    sa.UniqueConstraint('document_id', 'group_key', name=op.f('uq_measure_groups_document_id'))
    )
    with op.batch_alter_table('measure_groups', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_measure_groups_document_id'), ['document_id'], unique=False)

    op.create_table('measures',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('group_key', sa.String(length=8), nullable=False),
    sa.Column('heading', sa.Text(), nullable=False),
    sa.Column('heading_form', sa.String(length=32), nullable=False),
    sa.Column('keyword', sa.String(length=16), nullable=True),
    sa.Column('agency', sa.String(length=100), nullable=True),
    sa.Column('speaker', sa.String(length=40), nullable=True),
    sa.Column('paragraph', sa.Integer(), nullable=False),
    sa.Column('sub_items', sa.JSON(), nullable=False),
    sa.Column('extractor_version', sa.String(length=32), nullable=False),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_measures_document_id_documents'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_measures')),
    sa.UniqueConstraint('document_id', 'seq', name=op.f('uq_measures_document_id'))
    )
    with op.batch_alter_table('measures', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_measures_document_id'), ['document_id'], unique=False)

    op.create_table('speakers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=40), nullable=False),
    sa.Column('agency_id', sa.Integer(), nullable=True),
    sa.Column('titles', sa.JSON(), nullable=False),
    sa.Column('speech_verb', sa.String(length=16), nullable=True),
    sa.Column('paragraph', sa.Integer(), nullable=False),
    sa.Column('evidence', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['agency_id'], ['agencies.id'], name=op.f('fk_speakers_agency_id_agencies')),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_speakers_document_id_documents'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_speakers')),
    sa.UniqueConstraint('document_id', 'name', name=op.f('uq_speakers_document_id'))
    )
    with op.batch_alter_table('speakers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_speakers_document_id'), ['document_id'], unique=False)

    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.add_column(sa.Column('extractor_version', sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column('facts_sha256', sa.String(length=64), nullable=True))




def downgrade() -> None:

    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.drop_column('facts_sha256')
        batch_op.drop_column('extractor_version')

    with op.batch_alter_table('speakers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_speakers_document_id'))

    op.drop_table('speakers')
    with op.batch_alter_table('measures', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_measures_document_id'))

    op.drop_table('measures')
    with op.batch_alter_table('measure_groups', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_measure_groups_document_id'))

    op.drop_table('measure_groups')
    with op.batch_alter_table('figures', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_figures_period'))
        batch_op.drop_index(batch_op.f('ix_figures_indicator_text'))
        batch_op.drop_index(batch_op.f('ix_figures_document_id'))

    op.drop_table('figures')
    op.drop_table('events')
    op.drop_table('agencies')


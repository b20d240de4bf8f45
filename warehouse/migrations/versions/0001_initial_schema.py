"""Initial schema: ETL runs, source days, landed pages, documents, paragraphs, parse failures.

Revision ID: 0001
Revises: 
Create Date: 2026-11-27 15:40:35.678173
"""

from alembic import op
import sqlalchemy as sa


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table('etl_runs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('run_uid', sa.String(length=40), nullable=False),
    sa.Column('stage', sa.String(length=16), nullable=False),
    sa.Column('source', sa.String(length=32), nullable=False),
    sa.Column('date_from', sa.Date(), nullable=False),
    sa.Column('date_to', sa.Date(), nullable=False),
    sa.Column('started_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('finished_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('counts', sa.JSON(), nullable=False),
    sa.Column('message', sa.Text(), nullable=True),
    sa.Column('trigger', sa.String(length=16), nullable=False),
    sa.Column('airflow_run_id', sa.String(length=250), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_etl_runs')),
    sa.UniqueConstraint('run_uid', name=op.f('uq_etl_runs_run_uid'))
    )
    op.create_table('landed_pages',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('url', sa.String(length=1000), nullable=False),
    sa.Column('source', sa.String(length=32), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('status', sa.Integer(), nullable=False),
    sa.Column('final_url', sa.String(length=1000), nullable=False),
    sa.Column('content_type', sa.String(length=200), nullable=True),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('path', sa.String(length=500), nullable=False),
    sa.Column('fetched_at', sa.String(length=40), nullable=False),
    sa.Column('parse_status', sa.String(length=16), nullable=False),
    sa.Column('parse_error', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_landed_pages')),
    sa.UniqueConstraint('url', name=op.f('uq_landed_pages_url'))
    )
    with op.batch_alter_table('landed_pages', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_landed_pages_day'), ['day'], unique=False)
        batch_op.create_index(batch_op.f('ix_landed_pages_source'), ['source'], unique=False)

    op.create_table('parse_failures',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('url', sa.String(length=1000), nullable=False),
    sa.Column('source', sa.String(length=32), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('reason', sa.String(length=64), nullable=False),
    sa.Column('detail', sa.Text(), nullable=True),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('path', sa.String(length=500), nullable=False),
    sa.Column('parser_version', sa.String(length=32), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_parse_failures')),
    sa.UniqueConstraint('url', name=op.f('uq_parse_failures_url'))
    )
    with op.batch_alter_table('parse_failures', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_parse_failures_day'), ['day'], unique=False)

    op.create_table('source_days',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('source', sa.String(length=32), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('generation', sa.String(length=8), nullable=True),
    sa.Column('pages', sa.Integer(), nullable=False),
    sa.Column('counts', sa.JSON(), nullable=False),
    sa.Column('detail', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_source_days')),
    sa.UniqueConstraint('source', 'day', name=op.f('uq_source_days_source'))
    )
    with op.batch_alter_table('source_days', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_source_days_day'), ['day'], unique=False)

    op.create_table('documents',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('url', sa.String(length=1000), nullable=False),
    sa.Column('source', sa.String(length=32), nullable=False),
    sa.Column('publisher', sa.String(length=64), nullable=False),
    sa.Column('pub_date', sa.Date(), nullable=True),
    sa.Column('page_no', sa.String(length=8), nullable=True),
    sa.Column('page_name', sa.String(length=64), nullable=True),
    sa.Column('pre_title', sa.Text(), nullable=True),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('title_tag', sa.String(length=64), nullable=True),
    sa.Column('subtitle', sa.Text(), nullable=True),
    sa.Column('byline', sa.Text(), nullable=True),
    sa.Column('editors', sa.JSON(), nullable=False),
    sa.Column('captions', sa.JSON(), nullable=False),
    sa.Column('print_line', sa.String(length=200), nullable=True),
    sa.Column('generation', sa.String(length=8), nullable=True),
    sa.Column('content_sha256', sa.String(length=64), nullable=False),
    sa.Column('landed_page_id', sa.Integer(), nullable=True),
    sa.Column('parser_version', sa.String(length=32), nullable=False),
    sa.Column('load_run_uid', sa.String(length=40), nullable=True),
    sa.ForeignKeyConstraint(['landed_page_id'], ['landed_pages.id'], name=op.f('fk_documents_landed_page_id_landed_pages')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_documents')),
    sa.UniqueConstraint('url', name=op.f('uq_documents_url'))
    )
    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_documents_pub_date'), ['pub_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_documents_source'), ['source'], unique=False)

    op.create_table('paragraphs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_paragraphs_document_id_documents'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_paragraphs')),
    sa.UniqueConstraint('document_id', 'seq', name=op.f('uq_paragraphs_document_id'))
    )



def downgrade() -> None:

    op.drop_table('paragraphs')
    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_documents_source'))
        batch_op.drop_index(batch_op.f('ix_documents_pub_date'))

    op.drop_table('documents')
    with op.batch_alter_table('source_days', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_source_days_day'))

    op.drop_table('source_days')
    with op.batch_alter_table('parse_failures', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_parse_failures_day'))

    op.drop_table('parse_failures')
    with op.batch_alter_table('landed_pages', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_landed_pages_source'))
        batch_op.drop_index(batch_op.f('ix_landed_pages_day'))

    op.drop_table('landed_pages')
    op.drop_table('etl_runs')


"""Star schema: dimensions for date, source, person and indicator; facts made global (one per distinct
fact, figures their mentions, conflicting values flagged); document versions; the crawl run of each
landed page; analysts' views, and on PostgreSQL a read-only role for them.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-27 16:46:39.714555
"""

from alembic import op
import sqlalchemy as sa


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


FACT_COMMENTS = {
    "fact_key": (sa.String(40), "hash of indicator, period, basis, unit, sign, value"),
    "period": (sa.String(40), "canonical period: 2024-02, 2024-01/2024-02, 2024-Q1, @2024-03-26 …"),
    "basis": (sa.String(16), "yoy | mom | vs_period | two_year_avg | null"),
    "unit": (sa.String(24), "canonical unit: pct, pp, CNY, USD, person, count …"),
    "direction": (sa.String(8), "up | down | flat | null"),
    "value_base": (sa.Float(), "value in base units (亿元 scaled to CNY)"),
}
#: Views for analysts (plain SQL that SQLite and PostgreSQL both read).
VIEWS = {
    "v_figures": """
        SELECT f.id AS figure_id, i.name AS indicator, f.indicator_full AS indicator_as_written, f.category,
               f.period, f.value, f.unit_text, f.unit, f.value_base, f.basis, f.direction,
               d.source, d.pub_date, f.speaker, f.agency, f.evidence, d.url, d.title,
               f.fact_id, fa.conflict, f.extractor_version
        FROM figures f
        JOIN documents d ON d.id = f.document_id
        LEFT JOIN indicators i ON i.id = f.indicator_id
        LEFT JOIN facts fa ON fa.id = f.fact_id
        WHERE f.is_primary""",
    "v_indicator_series": """
        SELECT i.name AS indicator, fa.period, fa.basis, fa.unit, fa.direction, fa.value_base, fa.conflict,
               fa.id AS fact_id, COUNT(f.id) AS mentions, MIN(d.pub_date) AS first_reported
        FROM facts fa
        JOIN indicators i ON i.id = fa.indicator_id
        JOIN figures f ON f.fact_id = fa.id
        JOIN documents d ON d.id = f.document_id
        GROUP BY i.name, fa.period, fa.basis, fa.unit, fa.direction, fa.value_base, fa.conflict, fa.id""",
    "v_measures_by_agency": """
        SELECT m.agency, d.pub_date, d.source, m.heading, m.heading_form, m.keyword, m.speaker,
               g.declared_count, g.found_count, g.count_mismatch, d.title, d.url
        FROM measures m
        JOIN documents d ON d.id = m.document_id
        LEFT JOIN measure_groups g ON g.document_id = m.document_id AND g.group_key = m.group_key""",
}
#: A role analysts log in through (or are granted): it reads every table and view and writes none.
ANALYST_ROLE = """
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'pressroom_analyst') THEN
    CREATE ROLE pressroom_analyst NOLOGIN;
  END IF;
END $$;
GRANT USAGE ON SCHEMA public TO pressroom_analyst;
GRANT SELECT ON ALL TABLES IN SCHEMA public TO pressroom_analyst;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO pressroom_analyst;
"""


def upgrade() -> None:
    op.create_table('dates',
    sa.Column('date_key', sa.Integer(), autoincrement=False, nullable=False, comment='YYYYMMDD'),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('quarter', sa.Integer(), nullable=False),
    sa.Column('month', sa.Integer(), nullable=False),
    sa.Column('weekday', sa.Integer(), nullable=False, comment='1 = Monday'),
    sa.PrimaryKeyConstraint('date_key', name=op.f('pk_dates')),
    sa.UniqueConstraint('day', name=op.f('uq_dates_day')),
    comment='dim_date: publication days'
    )
    op.create_table('indicators',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False, comment='canonical name'),
    sa.Column('norm_key', sa.String(length=200), nullable=False, comment='name without punctuation, for matching'),
    sa.Column('aliases', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_indicators')),
    sa.UniqueConstraint('name', name=op.f('uq_indicators_name')),
    comment='dim_indicator: normalised indicators and their aliases'
    )
    with op.batch_alter_table('indicators', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_indicators_norm_key'), ['norm_key'], unique=False)

    op.create_table('sources',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sources')),
    sa.UniqueConstraint('code', name=op.f('uq_sources_code')),
    comment='dim_source: the sites pressroom crawls'
    )
    op.create_table('persons',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=40), nullable=False),
    sa.Column('agency_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['agency_id'], ['agencies.id'], name=op.f('fk_persons_agency_id_agencies')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_persons')),
    sa.UniqueConstraint('name', 'agency_id', name=op.f('uq_persons_name')),
    comment='dim_person: officials by name and agency'
    )
    op.create_table('document_versions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('content_sha256', sa.String(length=64), nullable=False),
    sa.Column('parser_version', sa.String(length=32), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('paragraphs', sa.JSON(), nullable=False),
    sa.Column('replaced_by_run', sa.String(length=40), nullable=True),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_document_versions_document_id_documents'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_document_versions')),
    sa.UniqueConstraint('document_id', 'version', name=op.f('uq_document_versions_document_id')),
    comment='earlier versions of changed documents'
    )
    with op.batch_alter_table('document_versions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_document_versions_document_id'), ['document_id'], unique=False)

    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.add_column(sa.Column('version', sa.Integer(), server_default='1', nullable=False, comment='1, then +1 each time the page changed'))

    # facts are derived from the figures: they are emptied here and rebuilt by the next load, which
    # re-extracts every document because its facts hash is cleared
    op.execute("UPDATE figures SET fact_id = NULL")
    op.execute("DELETE FROM facts")
    op.execute("UPDATE documents SET facts_sha256 = NULL")
    with op.batch_alter_table('facts', schema=None) as batch_op:
        batch_op.add_column(sa.Column('indicator_id', sa.Integer(), nullable=False))
        batch_op.add_column(sa.Column('category', sa.String(length=24), nullable=False))
        batch_op.add_column(sa.Column('conflict', sa.Boolean(), nullable=False, comment='another value exists for the same indicator, period, basis and unit'))
        batch_op.alter_column('fact_key',
               existing_type=sa.VARCHAR(length=64),
               type_=sa.String(length=40),
               existing_nullable=False)
        batch_op.drop_constraint(batch_op.f('uq_facts_family_key'), type_='unique')
        batch_op.create_index('ix_facts_series', ['indicator_id', 'period'], unique=False)
        batch_op.create_unique_constraint(batch_op.f('uq_facts_fact_key'), ['fact_key'])
        batch_op.create_foreign_key(batch_op.f('fk_facts_indicator_id_indicators'), 'indicators', ['indicator_id'], ['id'])
        batch_op.drop_column('family_key')
        batch_op.drop_column('indicator_text')

    with op.batch_alter_table('figures', schema=None) as batch_op:
        batch_op.add_column(sa.Column('indicator_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('person_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('date_key', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_figures_date_key'), ['date_key'], unique=False)
        batch_op.create_index(batch_op.f('ix_figures_indicator_id'), ['indicator_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_figures_date_key_dates'), 'dates', ['date_key'], ['date_key'])
        batch_op.create_foreign_key(batch_op.f('fk_figures_indicator_id_indicators'), 'indicators', ['indicator_id'], ['id'])
        batch_op.create_foreign_key(batch_op.f('fk_figures_person_id_persons'), 'persons', ['person_id'], ['id'])

    with op.batch_alter_table('landed_pages', schema=None) as batch_op:
        batch_op.add_column(sa.Column('fetch_run_uid', sa.String(length=40), nullable=True, comment='the crawl run that fetched it'))

    if op.get_bind().dialect.name == "postgresql":  # SQLite keeps no comments
        op.create_table_comment("facts", "fact_figure: one row per distinct fact")
        for column, (type_, comment) in FACT_COMMENTS.items():
            op.alter_column("facts", column, comment=comment, existing_type=type_)
    for name, sql in VIEWS.items():
        op.execute(f"CREATE VIEW {name} AS {sql}")
    if op.get_bind().dialect.name == "postgresql":
        op.execute(ANALYST_ROLE)



def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("REVOKE SELECT ON ALL TABLES IN SCHEMA public FROM pressroom_analyst")
    for name in reversed(list(VIEWS)):
        op.execute(f"DROP VIEW IF EXISTS {name}")
    op.execute("UPDATE figures SET fact_id = NULL")
    op.execute("DELETE FROM facts")
    op.execute("UPDATE documents SET facts_sha256 = NULL")
    with op.batch_alter_table('landed_pages', schema=None) as batch_op:
        batch_op.drop_column('fetch_run_uid')

    with op.batch_alter_table('figures', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_figures_person_id_persons'), type_='foreignkey')
        batch_op.drop_constraint(batch_op.f('fk_figures_indicator_id_indicators'), type_='foreignkey')
        batch_op.drop_constraint(batch_op.f('fk_figures_date_key_dates'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_figures_indicator_id'))
        batch_op.drop_index(batch_op.f('ix_figures_date_key'))
        batch_op.drop_column('date_key')
        batch_op.drop_column('person_id')
        batch_op.drop_column('indicator_id')

    with op.batch_alter_table('facts', schema=None) as batch_op:
        batch_op.add_column(sa.Column('indicator_text', sa.VARCHAR(length=200), nullable=False))
        batch_op.add_column(sa.Column('family_key', sa.VARCHAR(length=64), nullable=False))
        batch_op.drop_constraint(batch_op.f('fk_facts_indicator_id_indicators'), type_='foreignkey')
        batch_op.drop_constraint(batch_op.f('uq_facts_fact_key'), type_='unique')
        batch_op.drop_index('ix_facts_series')
        batch_op.create_unique_constraint(batch_op.f('uq_facts_family_key'), ['family_key', 'fact_key'])
        batch_op.alter_column('fact_key',
               existing_type=sa.String(length=40),
               type_=sa.VARCHAR(length=64),
               existing_nullable=False)
        batch_op.drop_column('conflict')
        batch_op.drop_column('category')
        batch_op.drop_column('indicator_id')

    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.drop_column('version')

    with op.batch_alter_table('document_versions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_document_versions_document_id'))

    op.drop_table('document_versions')
    op.drop_table('persons')
    op.drop_table('sources')
    with op.batch_alter_table('indicators', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_indicators_norm_key'))

    op.drop_table('indicators')
    op.drop_table('dates')

"""Every table and view says what one row is and how it is keyed, as a comment in the database
(PostgreSQL; SQLite keeps no comments).

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-27 17:40:00
"""

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

# frozen copy of warehouse.models.TABLE_COMMENTS as of this revision
TABLES = {
    "etl_runs": "one row per run of a stage (crawl, parse, load) over a source and date range; key run_uid",
    "source_days": "one row per source and publication day: what the crawl found (status, pages, counts); key (source, day)",
    "landed_pages": "one row per fetched URL: the raw file (path, sha256) and the run that fetched it; key url",
    "parse_failures": "one row per landed page that could not be parsed, with the reason; key url",
    "documents": "one row per article URL, its current version; key url; family_key groups reprints",
    "paragraphs": "one row per paragraph of a document, in order; key (document_id, seq)",
    "agencies": "dim_agency: agencies that speak or pledge measures; key name",
    "speakers": "one row per official quoted in a document; key (document_id, name)",
    "figures": "figure mentions: one row per figure stated in a document sentence, pointing to its fact; key (document_id, seq)",
    "measure_groups": "one row per announced group of measures (主要从3个方面) in a document; key (document_id, group_key)",
    "measures": "one row per measure pledged in a document, in order; key (document_id, seq)",
    "events": "one row per press event a document reports (organizer, date, topic); key document_id",
}
VIEWS = {
    "v_figures": "one row per figure mention, flattened: indicator, period, value with unit, basis, direction, source, "
                 "date, speaker, agency, evidence sentence, URL",
    "v_indicator_series": "one row per distinct fact: the values of an indicator by period, with how many documents state each",
    "v_measures_by_agency": "one row per pledged measure with its agency and publication date",
}


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table, comment in TABLES.items():
        op.create_table_comment(table, comment)
    for view, comment in VIEWS.items():
        op.execute(f"COMMENT ON VIEW {view} IS '{comment}'")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for view in VIEWS:
        op.execute(f"COMMENT ON VIEW {view} IS NULL")
    for table in TABLES:
        op.drop_table_comment(table)

"""figures, the mention table (one row per figure a document states, the warehouse's biggest
table), keeps its five references (document, fact, indicator, person, date) as indexed columns
without database foreign keys: the loader checks the references of the figures it writes in one
set-based query before it commits (warehouse.checks), instead of one trigger per row and key,
which took three quarters of PostgreSQL's COPY time. Loads are serialised (an advisory lock on
PostgreSQL; SQLite has one writer), so no concurrent load can delete a fact a load refers to.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-27 18:40:00
"""

from collections.abc import Iterator
from contextlib import contextmanager

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

#: constraint name: (column, referenced table, referenced column, on delete)
REFERENCES = {
    "fk_figures_document_id_documents": ("document_id", "documents", "id", "CASCADE"),
    "fk_figures_fact_id_facts": ("fact_id", "facts", "id", "SET NULL"),
    "fk_figures_indicator_id_indicators": ("indicator_id", "indicators", "id", None),
    "fk_figures_person_id_persons": ("person_id", "persons", "id", None),
    "fk_figures_date_key_dates": ("date_key", "dates", "date_key", None),
}


@contextmanager
def views_left_alone() -> Iterator[None]:
    """SQLite's batch mode copies the table and renames the copy; since SQLite 3.26 the rename
    checks every view, and the views on figures name a table that is gone at that moment. The
    legacy rename leaves views alone (they name the table, which exists again after it)."""
    sqlite = op.get_bind().dialect.name == "sqlite"
    if sqlite:
        op.execute("PRAGMA legacy_alter_table=ON")
    yield
    if sqlite:
        op.execute("PRAGMA legacy_alter_table=OFF")


def upgrade() -> None:
    with views_left_alone(), op.batch_alter_table("figures", schema=None) as batch_op:
        for name in REFERENCES:
            batch_op.drop_constraint(name, type_="foreignkey")


def downgrade() -> None:
    with views_left_alone(), op.batch_alter_table("figures", schema=None) as batch_op:
        for name, (column, table, remote, ondelete) in REFERENCES.items():
            batch_op.create_foreign_key(name, table, [column], [remote], ondelete=ondelete)

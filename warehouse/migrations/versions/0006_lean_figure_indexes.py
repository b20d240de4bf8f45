"""Drop three indexes on figures that no query uses since the star schema (series and lineage go
through facts): by document (the unique (document_id, seq) serves), by indicator as written and
by period. Each index cost every bulk load time.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-27 17:10:00
"""

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

INDEXES = {"ix_figures_document_id": "document_id", "ix_figures_indicator_text": "indicator_text", "ix_figures_period": "period"}


def upgrade() -> None:
    with op.batch_alter_table("figures", schema=None) as batch_op:
        for name in INDEXES:
            batch_op.drop_index(name)


def downgrade() -> None:
    with op.batch_alter_table("figures", schema=None) as batch_op:
        for name, column in INDEXES.items():
            batch_op.create_index(name, [column], unique=False)

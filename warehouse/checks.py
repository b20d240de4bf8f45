"""Checks of what the database does not enforce itself: the references of figure rows (the mention
table carries no foreign keys, see migration 0007). The loader runs them on the figures it writes
before it commits; quality gates run them on the whole warehouse."""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import Connection, text

from warehouse.db import in_list

#: figures column -> (table, column) it refers to
FIGURE_REFERENCES: dict[str, tuple[str, str]] = {
    "document_id": ("documents", "id"),
    "fact_id": ("facts", "id"),
    "indicator_id": ("indicators", "id"),
    "person_id": ("persons", "id"),
    "date_key": ("dates", "date_key"),
}


@dataclass(frozen=True)
class Dangling:
    """A figure whose reference names no row."""

    figure_id: int
    column: str
    value: int

    def __str__(self) -> str:
        table, key = FIGURE_REFERENCES[self.column]
        return f"figures.id={self.figure_id}: {self.column}={self.value} but no {table}.{key}={self.value}"


def dangling_references(conn: Connection, document_ids: list[int] | None = None, limit: int = 20) -> list[Dangling]:
    """Figures (of `document_ids`, or all) whose references name no row; at most `limit`, in one query."""
    if document_ids is None:
        scope, params = "TRUE", {}
    else:
        member, params = in_list(conn.dialect.name, "docs", document_ids)
        scope = f"f.document_id {member}"
    checks = " UNION ALL ".join(
        f"SELECT f.id, '{column}', f.{column} FROM scoped f WHERE f.{column} IS NOT NULL "
        f"AND NOT EXISTS (SELECT 1 FROM {table} r WHERE r.{key} = f.{column})"
        for column, (table, key) in FIGURE_REFERENCES.items())
    sql = (f"WITH scoped AS (SELECT f.id, {', '.join(FIGURE_REFERENCES)} FROM figures f WHERE {scope}) "
           f"{checks} LIMIT {int(limit)}")
    return [Dangling(*row) for row in conn.execute(text(sql), params)]


#: Every table a load writes, for content checksums.
LOADED_TABLES = ("source_days", "landed_pages", "documents", "paragraphs", "parse_failures", "document_versions",
                 "facts", "figures", "indicators", "dates", "sources", "persons", "agencies", "speakers", "measures",
                 "measure_groups", "events")
#: Columns a checksum leaves out: surrogate keys and what differs by run (ids, run uids, fetch times).
_VOLATILE = {"id", "document_id", "landed_page_id", "fact_id", "indicator_id", "person_id", "agency_id", "load_run_uid",
             "fetch_run_uid", "fetched_at", "replaced_by_run"}


def content_checksums(conn: Connection, tables: tuple[str, ...] = LOADED_TABLES) -> dict[str, str]:
    """Row count and a checksum of the content of each table, over every column but surrogate keys
    and run ids: two warehouses that hold the same facts compare equal however they were loaded."""
    import hashlib

    out = {}
    for table in tables:
        rows = conn.execute(text(f"SELECT * FROM {table}")).mappings().all()  # names from LOADED_TABLES only
        norm = sorted(json.dumps({k: str(v) for k, v in r.items() if k not in _VOLATILE}, sort_keys=True, ensure_ascii=False)
                      for r in rows)
        out[table] = f"{len(rows)}:" + hashlib.sha256("\n".join(norm).encode()).hexdigest()[:16]
    return out

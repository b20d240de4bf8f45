"""Queries analysts (and the CLI) run: figures through the flat view, an indicator's series,
lineage from a figure to the raw files and the run that fetched them, exports."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, text

from transforms.extract.indicators import canonical_indicator

#: Everything `pressroom export` writes, one file each: the star schema and the views.
EXPORTED = ("documents", "paragraphs", "document_versions", "landed_pages", "parse_failures", "etl_runs", "source_days", "sources", "dates", "agencies", "persons",
            "indicators", "facts", "figures", "speakers", "measures", "measure_groups", "events",
            "v_figures", "v_indicator_series", "v_measures_by_agency")


def figures(conn: Connection, *, indicator: str | None = None, first: date | None = None, last: date | None = None,
            source: str | None = None, limit: int = 1000) -> list[dict[str, Any]]:
    """Rows of v_figures, newest first; `indicator` matches the canonical name, an alias or a part of
    the indicator as written."""
    where, params = ["1 = 1"], {"limit": limit}
    if indicator:
        where.append("(indicator = :canonical OR indicator_as_written LIKE :like OR indicator LIKE :like)")
        params.update(canonical=canonical_indicator(indicator), like=f"%{indicator}%")
    if first:
        where.append("pub_date >= :first")
        params["first"] = first
    if last:
        where.append("pub_date <= :last")
        params["last"] = last
    if source:
        where.append("source = :source")
        params["source"] = source
    sql = ("SELECT figure_id, indicator, period, value, unit_text, basis, direction, source, pub_date, speaker, agency, evidence, url, "
           "conflict FROM v_figures WHERE " + " AND ".join(where) + " ORDER BY pub_date DESC, figure_id LIMIT :limit")
    return [dict(r._mapping) for r in conn.execute(text(sql), params)]


def series(conn: Connection, indicator: str, *, basis: str | None = None, unit: str | None = None) -> list[dict[str, Any]]:
    """An indicator's distinct facts over time: period, value, basis, unit, how often it was reported."""
    params: dict[str, Any] = {"name": canonical_indicator(indicator)}
    extra = ""
    if basis:
        extra += " AND fa.basis = :basis"
        params["basis"] = basis
    if unit:
        extra += " AND fa.unit = :unit"
        params["unit"] = unit
    sql = ("SELECT fa.period, fa.value_base, fa.unit, fa.basis, fa.direction, fa.conflict, fa.id AS fact_id "
           "FROM facts fa JOIN indicators i ON i.id = fa.indicator_id WHERE i.name = :name" + extra +
           " ORDER BY fa.period, fa.basis, fa.unit")
    return [dict(r._mapping) for r in conn.execute(text(sql), params)]


LINEAGE = text("""
SELECT fa.id AS fact_id, f.id AS figure_id, f.evidence, d.id AS document_id, d.url, d.title, d.source, d.pub_date,
       lp.path AS raw_path, lp.sha256 AS raw_sha256, lp.fetched_at, lp.fetch_run_uid,
       r.stage AS run_stage, r.started_at AS run_started_at, r.status AS run_status, r.trigger AS run_trigger
FROM figures f0
JOIN facts fa ON fa.id = f0.fact_id
JOIN figures f ON f.fact_id = fa.id
JOIN documents d ON d.id = f.document_id
LEFT JOIN landed_pages lp ON lp.id = d.landed_page_id
LEFT JOIN etl_runs r ON r.run_uid = lp.fetch_run_uid
WHERE f0.id = :figure_id
ORDER BY d.pub_date, f.id
""")


def lineage(conn: Connection, figure_id: int) -> list[dict[str, Any]]:
    """From a figure row to its fact's every mention, their documents, the raw landed files (path
    and sha256) and the crawl run that fetched them — one query."""
    return [dict(r._mapping) for r in conn.execute(LINEAGE, {"figure_id": figure_id})]


def export(conn: Connection, out: Path, fmt: str = "csv") -> dict[str, int]:
    """Write every table and view of EXPORTED to out/<name>.<fmt> (csv or parquet); returns row counts."""
    import pyarrow as pa
    import pyarrow.csv as pacsv
    import pyarrow.parquet as pq

    out.mkdir(parents=True, exist_ok=True)
    counts = {}
    for name in EXPORTED:
        result = conn.execute(text(f"SELECT * FROM {name}"))  # noqa: S608 (names from EXPORTED only)
        columns = list(result.keys())
        rows = result.fetchall()
        data = {c: [_plain(r[i]) for r in rows] for i, c in enumerate(columns)}
        table = pa.table(data) if rows else pa.table({c: pa.array([], pa.string()) for c in columns})
        if fmt == "parquet":
            pq.write_table(table, out / f"{name}.parquet")
        else:
            pacsv.write_csv(table, out / f"{name}.csv")
        counts[name] = len(rows)
    return counts


def _plain(value: Any) -> Any:
    """JSON and date values as strings, so every column has one Arrow type."""
    if isinstance(value, (dict, list)):
        import json

        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, date):
        return value.isoformat()
    return value

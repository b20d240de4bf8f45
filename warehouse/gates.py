"""Quality gates on one loaded day of one source: SQL that returns the offending rows (none: the
gate passes). The Airflow DAGs run them as a task after the load, `pressroom check` runs them by
hand; a failed gate names its rows, so an operator sees at once what is wrong.

Thresholds are arguments (Airflow Variables in the DAGs) with the defaults below.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Connection, Date, bindparam, text

from warehouse.checks import dangling_references

#: Defaults for the thresholds a run may override.
THRESHOLDS: dict[str, float] = {
    "max_parse_failure_rate": 0.2,  # parse failures / (failures + documents) of the day
    "min_figure_share": 0.2,  # the day's figures against the mean of recent days that had figures...
    "min_figure_base": 20,  # ...when that mean is at least this many
    "recent_days": 14,
}

#: Sources whose every crawled day should hold articles (a newspaper appears daily; the other
#: sites publish on some days only).
DAILY_SOURCES = ("rmrb",)

#: The day's documents: those on pages landed for the day.
_DAY_DOCUMENTS = ("SELECT d.id, d.url, d.title, d.pub_date FROM documents d JOIN landed_pages lp ON lp.id = d.landed_page_id "
                  "WHERE lp.source = :source AND lp.day = :day")

GATE_SQL: dict[str, str] = {
    # a paper day has articles, unless the crawl found there was no paper
    "day_has_documents": """
        SELECT :source AS source, :day AS day, COALESCE(sd.status, 'not crawled') AS crawl_status
        FROM (SELECT 1 AS one) o LEFT JOIN source_days sd ON sd.source = :source AND sd.day = :day
        WHERE COALESCE(sd.status, '') <> 'no_paper'
          AND NOT EXISTS (SELECT 1 FROM documents d JOIN landed_pages lp ON lp.id = d.landed_page_id
                          WHERE lp.source = :source AND lp.day = :day)""",
    # no document lacks its title or its date
    "documents_have_title_and_date": f"""
        SELECT url, title, pub_date FROM ({_DAY_DOCUMENTS}) dd
        WHERE title IS NULL OR TRIM(title) = '' OR pub_date IS NULL ORDER BY url""",
    # parse failures stay under the rate; the failures are the offending rows
    "parse_failure_rate": f"""
        SELECT pf.url, pf.reason, pf.detail FROM parse_failures pf
        WHERE pf.source = :source AND pf.day = :day
          AND (SELECT COUNT(*) FROM parse_failures WHERE source = :source AND day = :day)
              > :max_parse_failure_rate * ((SELECT COUNT(*) FROM parse_failures WHERE source = :source AND day = :day)
                                           + (SELECT COUNT(*) FROM ({_DAY_DOCUMENTS}) dd))
        ORDER BY pf.url""",
    # the day's figures are not implausibly few against recent days that had figures
    "figure_count_plausible": f"""
        SELECT :day AS day, today.n AS figures, recent.mean AS recent_daily_mean
        FROM (SELECT COUNT(*) AS n FROM figures f JOIN ({_DAY_DOCUMENTS}) dd ON dd.id = f.document_id) today,
             (SELECT AVG(n) AS mean FROM (
                  SELECT lp.day, COUNT(*) AS n FROM figures f JOIN documents d ON d.id = f.document_id
                  JOIN landed_pages lp ON lp.id = d.landed_page_id
                  WHERE lp.source = :source AND lp.day >= :since AND lp.day < :day GROUP BY lp.day) per_day) recent
        WHERE recent.mean >= :min_figure_base AND today.n < :min_figure_share * recent.mean""",
}


@dataclass
class GateResult:
    name: str
    rows: list[dict[str, Any]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.rows

    def __str__(self) -> str:
        if self.ok:
            return f"{self.name}: ok"
        shown = "; ".join(", ".join(f"{k}={v}" for k, v in row.items()) for row in self.rows[:10])
        more = f" (and {len(self.rows) - 10} more)" if len(self.rows) > 10 else ""
        return f"{self.name}: FAILED, {len(self.rows)} offending row(s): {shown}{more}"


class GateFailed(Exception):
    """One or more quality gates failed; the message names each and its offending rows."""


def run_gates(conn: Connection, source: str, day: date, **overrides: float) -> list[GateResult]:
    """Every gate that applies to `source`, for `day`."""
    params: dict[str, Any] = {**THRESHOLDS, **overrides, "source": source, "day": day}
    params["since"] = day - timedelta(days=int(params["recent_days"]))
    results = []
    for name, sql in GATE_SQL.items():
        if name == "day_has_documents" and source not in DAILY_SOURCES:
            continue
        used = {k: v for k, v in params.items() if f":{k}" in sql}
        stmt = text(sql).bindparams(*(bindparam(k, type_=Date) for k in ("day", "since") if k in used))
        results.append(GateResult(name, [dict(r._mapping) for r in conn.execute(stmt, used)]))
    day_docs = [r.id for r in conn.execute(text(_DAY_DOCUMENTS).bindparams(bindparam("day", type_=Date)),
                                           {"source": source, "day": day})]
    results.append(GateResult("figure_references", [
        {"figure_id": d.figure_id, "column": d.column, "value": d.value} for d in dangling_references(conn, day_docs)]))
    return results


def check(conn: Connection, source: str, days: list[date],
          report: Callable[[date, GateResult], None] = lambda day, result: None, **overrides: float) -> list[GateResult]:
    """Run the gates on each day, telling `report` every verdict; raise GateFailed naming every
    failed gate of every day and its rows."""
    results, failed = [], []
    for day in days:
        for result in run_gates(conn, source, day, **overrides):
            report(day, result)
            results.append(result)
            if not result.ok:
                failed.append(f"{day} {result}")
    if failed:
        raise GateFailed(f"{len(failed)} quality gate(s) failed for {source}: " + " | ".join(failed))
    return results

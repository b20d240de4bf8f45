"""Task bodies for the Airflow DAGs in dags/ (which hold only wiring). Each task does one stage for
one or more days, passes days and paths (never data) to the next, records itself in etl_runs
(counts, start and finish) and ends its log with the stage's summary line, failed or not.

Settings, in order: the Airflow connection `pressroom_warehouse` (the warehouse), Airflow
Variables `pressroom_data` (landing location), `pressroom_db_url`, `pressroom_mirror`, thresholds
`pressroom_max_parse_failure_rate`, `pressroom_min_figure_share`; then PRESSROOM_* environment
variables; then the embedded defaults (./data).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable
from datetime import date, datetime
from typing import Any

from pressroom.cli import summary_line
from pressroom.config import Config

log = logging.getLogger("pressroom.airflow")
TIMEZONE = "Asia/Shanghai"
WAREHOUSE_CONN = "pressroom_warehouse"


def landed_asset(source: str):  # type: ignore[no-untyped-def]
    """The asset a crawl updates when it has landed a day of `source` (its events carry the day)."""
    from airflow.sdk import Asset

    return Asset(name=f"pressroom_landed_{source}", uri=f"pressroom://landing/{source}")


def loaded_asset(source: str):  # type: ignore[no-untyped-def]
    """The asset a load updates when a day of `source` is in the warehouse."""
    from airflow.sdk import Asset

    return Asset(name=f"pressroom_loaded_{source}", uri=f"pressroom://warehouse/{source}")


def _variable(name: str) -> str | None:
    """An Airflow Variable (or AIRFLOW_VAR_* env), falling back to PRESSROOM_* env."""
    try:
        from airflow.sdk import Variable

        value = Variable.get(f"pressroom_{name}", default=None)
    except Exception:  # outside a task context (e.g. unit tests calling helpers)
        value = None
    return value or os.environ.get(f"PRESSROOM_{name.upper()}") or None


def connection_url(conn: Any) -> str:
    """A SQLAlchemy URL for an Airflow connection: postgres → psycopg 3, sqlite → its file.

    >>> from types import SimpleNamespace as C
    >>> connection_url(C(conn_type="postgres", login="etl", password="s3cret", host="db", port=5432, schema="warehouse"))
    'postgresql+psycopg://etl:s3cret@db:5432/warehouse'
    >>> connection_url(C(conn_type="sqlite", login=None, password=None, host="/data/pressroom.db", port=None, schema=None))
    'sqlite:////data/pressroom.db'
    """
    from sqlalchemy.engine import URL

    if conn.conn_type in ("postgres", "postgresql"):
        return URL.create("postgresql+psycopg", username=conn.login or None, password=conn.password or None,
                          host=conn.host or None, port=conn.port or None,
                          database=conn.schema or None).render_as_string(hide_password=False)
    if conn.conn_type == "sqlite":
        return f"sqlite:///{conn.host}"
    return conn.get_uri()


def _warehouse_url() -> str | None:
    try:
        from airflow.sdk import Connection

        conn = Connection.get(_variable("warehouse_conn") or WAREHOUSE_CONN)
    except Exception:  # no such connection: fall back to the Variable / environment
        return _variable("db_url")
    return connection_url(conn)


def config() -> Config:
    return Config.from_env(data=_variable("data"), db_url=_warehouse_url())


def paper_day(context: dict[str, Any]) -> date:
    """The day a scheduled or manual run is for: params.day, else its logical date in Asia/Shanghai."""
    params = context.get("params") or {}
    if params.get("day"):
        return date.fromisoformat(str(params["day"]))
    logical: datetime | None = context.get("logical_date")
    if logical is None:
        raise ValueError("a manual run without a logical date needs params.day")
    import pendulum

    return pendulum.instance(logical).in_timezone(TIMEZONE).date()



def landed_days(context: dict[str, Any]) -> list[str]:
    """The days an asset-triggered run processes: those its triggering landing events name (a
    run may gather several); a manual run gives params.day."""
    days = {str(event.extra["day"]) for events in (context.get("triggering_asset_events") or {}).values()
            for event in events if (event.extra or {}).get("day")}
    if not days:
        days = {paper_day(context).isoformat()}
    return sorted(days)


def _recorded(stage: str, source: str, days: Iterable[date], context: dict[str, Any],
              body: Callable[[Config, str], tuple[dict[str, int], list[str], dict[str, Any]]]) -> dict[str, Any]:
    """Run `body` as an etl_runs row; log the summary line last whatever happens; raise on problems."""
    from warehouse.db import make_engine, upgrade
    from warehouse.runs import finish_run, start_run

    days = sorted(days)
    first, last = days[0], days[-1]
    cfg = config()
    upgrade(cfg.db_url)
    engine = make_engine(cfg.db_url)
    uid = start_run(engine, stage, source, first, last, trigger="airflow", airflow_run_id=context.get("run_id"))
    try:
        counts, problems, result = body(cfg, uid)
    except Exception as exc:
        finish_run(engine, uid, "failed", {}, f"{type(exc).__name__}: {exc}")
        engine.dispose()
        log.error("%s %s %s..%s failed: %s: %s", stage, source, first, last, type(exc).__name__, exc)
        log.info(summary_line(stage, source, first, last, {"failed": 1}))
        raise
    finish_run(engine, uid, "failed" if problems else "success", counts, "; ".join(problems) or None)
    engine.dispose()
    for p in problems:
        log.error("%s %s: %s", stage, source, p)
    log.info(summary_line(stage, source, first, last, counts))
    if problems:
        raise RuntimeError(f"{stage} {source} {first}..{last} failed: " + "; ".join(problems))
    return {"source": source, "days": [d.isoformat() for d in days], **result}


def spider_args(source: str) -> dict[str, str]:
    """Spider arguments for `source` from the Variable `pressroom_<source>_spider_args` (a JSON
    object, e.g. {"channels": "http://finance.people.com.cn/GB/70846/"}); none by default."""
    import json

    raw = _variable(f"{source}_spider_args")
    return {str(k): str(v) for k, v in json.loads(raw).items()} if raw else {}


def crawl_task(source: str, context: dict[str, Any], timeout: float = 3000) -> dict[str, Any]:
    """Crawl one day in a subprocess with a timeout; succeed only if its stats say so; tell the
    landing asset which day landed."""
    from pressroom.stages import crawl_problems, crawl_subprocess

    day = paper_day(context)

    def body(cfg: Config, uid: str):  # type: ignore[no-untyped-def]
        stats_path = os.path.join(os.environ.get("TMPDIR", "/tmp"), f"pressroom-crawl-{source}-{day}-{os.getpid()}.json")
        summary = crawl_subprocess(cfg, source, day, day, mirror=_variable("mirror"), timeout=timeout, stats_file=stats_path,
                                   run_uid=uid, spider_args=spider_args(source))
        counts = {k: summary.get(k, 0) for k in ("fetched", "landed", "skipped", "failed")}
        problems = crawl_problems(summary)
        if summary.get("exit_code") not in (0, 1):
            problems.append(f"crawl process exited {summary.get('exit_code')}")
        return counts, problems, {"stats_path": stats_path, "day_status": summary.get("days", {}).get(day.isoformat())}

    result = _recorded("crawl", source, [day], context, body)
    events = context.get("outlet_events")
    if events is not None:
        events[landed_asset(source)].extra = {"day": day.isoformat(), "status": result.get("day_status")}
    return result


def parse_task(source: str, days: list[str], context: dict[str, Any]) -> dict[str, Any]:
    """Parse the landed days (no network). Pages that cannot be parsed are recorded as parse
    failures, not a task failure: the parse-failure gate judges their rate."""
    from pressroom.stages import parse

    dates = [date.fromisoformat(d) for d in days]

    def body(cfg: Config, uid: str):  # type: ignore[no-untyped-def]
        counts = parse(cfg, source, dates, log.info)
        return dict(counts), [], {}

    return _recorded("parse", source, dates, context, body)


def load_task(source: str, days: list[str], context: dict[str, Any]) -> dict[str, Any]:
    from pressroom.stages import load

    dates = [date.fromisoformat(d) for d in days]

    def body(cfg: Config, uid: str):  # type: ignore[no-untyped-def]
        counts = load(cfg, source, dates, uid, log.info)
        return dict(counts), [], {"loaded": counts["loaded"]}

    result = _recorded("load", source, dates, context, body)
    events = context.get("outlet_events")
    if events is not None:
        events[loaded_asset(source)].extra = {"days": days}
    return result


def gates_task(source: str, days: list[str], context: dict[str, Any]) -> dict[str, Any]:
    """The quality gates for each day; fails naming every failed gate and its offending rows."""
    from warehouse.db import make_engine
    from warehouse.gates import THRESHOLDS, check

    dates = [date.fromisoformat(d) for d in days]
    overrides = {k: float(v) for k in THRESHOLDS if (v := _variable(k)) is not None}

    def body(cfg: Config, uid: str):  # type: ignore[no-untyped-def]
        engine = make_engine(cfg.db_url)
        try:
            with engine.connect() as conn:
                check(conn, source, dates, lambda day, r: (log.info if r.ok else log.error)("gate %s %s %s", source, day, r),
                      **overrides)
        finally:
            engine.dispose()
        return {"checked": len(dates)}, [], {}

    return _recorded("gates", source, dates, context, body)


def reparse_task(context: dict[str, Any]) -> dict[str, Any]:
    """Re-apply the current parser and extractor to landed pages of params.source over
    params.from_date..to_date, and reload (no network)."""
    from datetime import timedelta

    from pressroom.stages import load, parse

    params = context["params"]
    source = params["source"]
    first = date.fromisoformat(str(params["from_date"]))
    last = date.fromisoformat(str(params.get("to_date") or params["from_date"]))
    if last < first:
        raise ValueError(f"to_date {last} is before from_date {first}")
    dates = [first + timedelta(days=i) for i in range((last - first).days + 1)]

    def body(cfg: Config, uid: str):  # type: ignore[no-untyped-def]
        from pressroom.landing import LandingStore

        store = LandingStore(cfg.data)
        landed = [d for d in dates if store.has_day(source, d)]
        parsed = parse(cfg, source, dates, log.info)
        loaded = load(cfg, source, dates, uid, log.info)
        counts = {"parsed": parsed["parsed"], "failed": parsed["failed"], "loaded": loaded["loaded"]}
        return counts, [], {"landed_days": [d.isoformat() for d in landed]}

    return _recorded("reparse", source, dates, context, body)

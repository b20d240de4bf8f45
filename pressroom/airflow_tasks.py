"""Task bodies for the Airflow DAGs in dags/ (which hold only wiring). Each task does one stage for
one paper day, passes paths (never data) to the next, records itself in etl_runs and ends its log
with the stage's summary line."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from pressroom.cli import summary_line
from pressroom.config import Config

log = logging.getLogger("pressroom.airflow")
TIMEZONE = "Asia/Shanghai"


def _variable(name: str) -> str | None:
    """An Airflow Variable (or AIRFLOW_VAR_* env), falling back to PRESSROOM_* env."""
    try:
        from airflow.sdk import Variable

        value = Variable.get(f"pressroom_{name}", default=None)
    except Exception:  # outside a task context (e.g. unit tests calling helpers)
        value = None
    return value or os.environ.get(f"PRESSROOM_{name.upper()}") or None


def config() -> Config:
    return Config.from_env(data=_variable("data"), db_url=_variable("db_url"))


def paper_day(context: dict[str, Any]) -> date:
    """The paper day a run is for: its logical date in Asia/Shanghai (params.day for manual runs)."""
    params = context.get("params") or {}
    if params.get("day"):
        return date.fromisoformat(str(params["day"]))
    logical: datetime | None = context.get("logical_date")
    if logical is None:
        raise ValueError("a manual run without a logical date needs params.day")
    import pendulum

    return pendulum.instance(logical).in_timezone(TIMEZONE).date()


def _recorded(stage: str, source: str, day: date, context: dict[str, Any],
              body: Callable[[Config, str], tuple[dict[str, int], list[str], dict[str, Any]]]) -> dict[str, Any]:
    from warehouse.db import make_engine, upgrade
    from warehouse.runs import finish_run, start_run

    cfg = config()
    upgrade(cfg.db_url)
    engine = make_engine(cfg.db_url)
    uid = start_run(engine, stage, source, day, day, trigger="airflow", airflow_run_id=context.get("run_id"))
    try:
        counts, problems, result = body(cfg, uid)
    except Exception as exc:
        finish_run(engine, uid, "failed", {}, f"{type(exc).__name__}: {exc}")
        engine.dispose()
        raise
    finish_run(engine, uid, "failed" if problems else "success", counts, "; ".join(problems) or None)
    engine.dispose()
    log.info(summary_line(stage, source, day, day, counts))
    if problems:
        raise RuntimeError(f"{stage} {source} {day} failed: " + "; ".join(problems))
    return {"source": source, "day": day.isoformat(), **result}


def crawl_task(source: str, context: dict[str, Any], timeout: float = 3000) -> dict[str, Any]:
    """Crawl one day in a subprocess; succeed only if its stats say so."""
    from pressroom.stages import crawl_problems, crawl_subprocess

    day = paper_day(context)

    def body(cfg: Config, uid: str):  # type: ignore[no-untyped-def]
        stats_path = os.path.join(os.environ.get("TMPDIR", "/tmp"), f"pressroom-crawl-{source}-{day}-{os.getpid()}.json")
        summary = crawl_subprocess(cfg, source, day, day, mirror=_variable("mirror"), timeout=timeout, stats_file=stats_path,
                                   run_uid=uid)
        counts = {k: summary.get(k, 0) for k in ("fetched", "landed", "skipped", "failed")}
        problems = crawl_problems(summary)
        if summary.get("exit_code") not in (0, 1):
            problems.append(f"crawl process exited {summary.get('exit_code')}")
        return counts, problems, {"stats_path": stats_path, "day_status": summary.get("days", {}).get(day.isoformat())}

    return _recorded("crawl", source, day, context, body)


def parse_task(source: str, context: dict[str, Any]) -> dict[str, Any]:
    from pressroom.landing import LandingStore
    from pressroom.stages import parse

    day = paper_day(context)

    def body(cfg: Config, uid: str):  # type: ignore[no-untyped-def]
        counts = parse(cfg, source, [day], log.info)
        problems = [f"{counts['failed']} pages could not be parsed (see parse failures)"] if counts["failed"] else []
        store = LandingStore(cfg.data)
        return dict(counts), problems, {"documents_path": store.parsed_path(source, day, "documents.jsonl")}

    return _recorded("parse", source, day, context, body)


def load_task(source: str, context: dict[str, Any]) -> dict[str, Any]:
    from pressroom.stages import load

    day = paper_day(context)

    def body(cfg: Config, uid: str):  # type: ignore[no-untyped-def]
        counts = load(cfg, source, [day], uid, log.info)
        return dict(counts), [], {"loaded": counts["loaded"]}

    return _recorded("load", source, day, context, body)

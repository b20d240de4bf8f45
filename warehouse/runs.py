"""The etl_runs table: every stage run, its counts, duration and outcome."""

from __future__ import annotations

import uuid
from datetime import date, datetime, timezone
from typing import Any

from sqlalchemy import Engine, update

from warehouse.models import EtlRun


def start_run(engine: Engine, stage: str, source: str, first: date, last: date, *, trigger: str = "cli", airflow_run_id: str | None = None) -> str:
    uid = uuid.uuid4().hex
    with engine.begin() as conn:
        conn.execute(
            EtlRun.__table__.insert().values(
                run_uid=uid, stage=stage, source=source, date_from=first, date_to=last,
                started_at=datetime.now(timezone.utc), status="running", counts={}, trigger=trigger,
                airflow_run_id=airflow_run_id,
            )
        )
    return uid


def finish_run(engine: Engine, uid: str, status: str, counts: dict[str, Any], message: str | None = None) -> None:
    with engine.begin() as conn:
        conn.execute(
            update(EtlRun)
            .where(EtlRun.run_uid == uid)
            .values(finished_at=datetime.now(timezone.utc), status=status, counts=counts, message=message)
        )

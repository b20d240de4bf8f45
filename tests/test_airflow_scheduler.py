"""The real thing: Airflow's scheduler, dag-processor, api-server and triggerer as separate processes
run rmrb_daily for a fixture day (its deadline alert fires through the triggerer to a webhook) (its landed day triggers rmrb_process through the asset), then
`airflow backfill create` over three days, twice; the warehouse holds each document once."""

from __future__ import annotations

import json
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.engine import make_url

from pressroom.samplesite import SAMPLE_DAYS
from tests.airflow_cluster import ROOT, AirflowCluster
from tests.conftest import PG_ADMIN
from tests.webhook import Webhook
from warehouse.db import make_engine, scratch_database
from warehouse.models import Document, FigureRow, SourceDay


def _warehouse(url: str) -> dict[str, object]:
    engine = make_engine(url)
    with engine.connect() as conn:
        state = {
            "documents": conn.scalar(select(func.count()).select_from(Document)),
            "distinct_urls": conn.scalar(select(func.count(Document.url.distinct()))),
            "figures": conn.scalar(select(func.count()).select_from(FigureRow)),
            "days": dict(conn.execute(select(SourceDay.day, SourceDay.status)).all()),
        }
    engine.dispose()
    return state


def test_scheduler_runs_a_paper_day_and_backfills_without_duplicates(tmp_path, sample_mirror) -> None:
    with scratch_database(PG_ADMIN, "pressroom_airflow_meta") as meta_url, scratch_database(PG_ADMIN, "pressroom_airflow_wh") as wh_url:
        wh = make_url(wh_url)
        hook = Webhook().__enter__()
        env = {
            "AIRFLOW_CONN_PRESSROOM_ALERTS": hook.connection(),
            "PRESSROOM_CRAWL_DEADLINE_S": "1",  # every crawl run misses it: the deadline alert must fire
            "AIRFLOW_VAR_PRESSROOM_DATA": str(tmp_path / "landing"),
            "AIRFLOW_VAR_PRESSROOM_MIRROR": sample_mirror.url,
            "AIRFLOW_CONN_PRESSROOM_WAREHOUSE": json.dumps({"conn_type": "postgres", "host": wh.host, "port": wh.port,
                                                            "login": wh.username, "schema": wh.database}),
        }
        (tmp_path / "airflow").mkdir()
        cluster = AirflowCluster(tmp_path / "airflow", meta_url, env)
        cluster.cli("db", "migrate")
        cluster.cli("pools", "import", str(ROOT / "docker" / "pools.json"))
        cluster.cli("dags", "reserialize")
        for dag_id in ("rmrb_daily", "rmrb_process"):
            cluster.cli("dags", "unpause", dag_id)
        cluster.start()
        try:
            g3 = SAMPLE_DAYS["G3"]
            cluster.cli("dags", "trigger", "rmrb_daily", "-l", f"{g3}T06:30:00+08:00", "-r", "fixture-g3")
            cluster.wait_for("rmrb_daily fixture-g3 to succeed",
                             lambda: [r for r in cluster.runs("rmrb_daily") if r.run_id == "fixture-g3" and r.state == "success"])
            # the fixture day's run of rmrb_process, not just any: the scheduled run for today's paper
            # (no paper in the mirror) lands an event too, and its process run may finish first
            cluster.wait_for("rmrb_process to load the fixture day", lambda: _warehouse(wh_url)["days"].get(g3) == "complete"
                             and all(r.state == "success" for r in cluster.runs("rmrb_process")))
            missed = cluster.wait_for("the deadline alert of a crawl run", lambda: [
                h for h in hook.received if h.get("kind") == "deadline_missed" and h.get("dag_id") == "rmrb_daily"])
            assert "rmrb_daily run" in missed[0]["text"] and "not done 0:00:01 after it was queued" in missed[0]["text"]
            assert not [h for h in hook.received if h.get("kind") != "deadline_missed"]  # no task failed
            first = _warehouse(wh_url)
            # unpausing also made the latest scheduled run (today's paper, which the mirror lacks)
            assert first["documents"] == 6 and first["days"][g3] == "complete"

            # three paper days around the G2 fixture: two without a paper, one with
            g2 = SAMPLE_DAYS["G2"]
            window = ("--from-date", "2024-03-26T06:30:00+08:00", "--to-date", "2024-03-28T06:30:00+08:00")
            days = {date(2024, 3, 26): "no_paper", g2: "complete", date(2024, 3, 28): "no_paper", g3: "complete"}

            def settled(backfills: int, landed_events: int):  # type: ignore[no-untyped-def]
                """Every backfill done, every landed day's event consumed by a run of rmrb_process,
                every run of both DAGs succeeded, the days loaded."""
                def check():  # type: ignore[no-untyped-def]
                    done = cluster.query("SELECT completed_at FROM backfill")
                    events = cluster.query(
                        "SELECT e.id, EXISTS (SELECT 1 FROM dagrun_asset_event d WHERE d.event_id = e.id) AS consumed "
                        "FROM asset_event e JOIN asset a ON a.id = e.asset_id WHERE a.uri = 'pressroom://landing/rmrb'")
                    loaded = {d: s for d, s in _warehouse(wh_url)["days"].items() if d in days}
                    return (len(done) == backfills and all(d.completed_at for d in done) and loaded == days
                            and len(events) == landed_events and all(e.consumed for e in events)
                            and all(r.state == "success" for r in cluster.runs("rmrb_daily") + cluster.runs("rmrb_process")))
                return check

            cluster.cli("backfill", "create", "--dag-id", "rmrb_daily", *window)
            cluster.wait_for("the backfill and the loads it triggers", settled(1, 5), state=lambda: _warehouse(wh_url))
            after = _warehouse(wh_url)
            assert after["documents"] == after["distinct_urls"] == 12 and after["figures"] > first["figures"]

            # the same range again, every day re-run (its crawl finds everything landed): nothing changes
            cluster.cli("backfill", "create", "--dag-id", "rmrb_daily", *window, "--reprocess-behavior", "completed")
            cluster.wait_for("the repeated backfill", settled(2, 8), state=lambda: _warehouse(wh_url))
            assert _warehouse(wh_url) == after
            failed = cluster.query("SELECT dag_id, task_id FROM task_instance WHERE state <> 'success'")
            assert failed == []
        finally:
            codes = cluster.stop()
            hook.__exit__(None, None, None)
        assert all(code is not None for code in codes.values()), f"not stopped by SIGTERM: {codes}"

"""Every DAG file imports cleanly with the settings operators rely on, and every DAG runs under
dag.test() against a mirror; a failed quality gate and a failed crawl each fail their task with
the reason logged and posted to the alert webhook."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pendulum
import pytest
from sqlalchemy import func, select

from pressroom.samplesite import SAMPLE_DAYS
from tests.conftest import ROOT
from tests.faultserver import FaultServer
from tests.webhook import Webhook

SOURCES = ("rmrb", "govcn", "stats", "scio", "people")


@pytest.fixture(scope="module")
def dagbag():
    from airflow.dag_processing.dagbag import DagBag
    from airflow.utils import db

    db.initdb()
    return DagBag(dag_folder=str(ROOT / "dags"))


@pytest.fixture()
def airflow_env(cfg, monkeypatch):
    """Settings the way an operator gives them: the warehouse as an Airflow connection, the landing
    location as a Variable."""
    monkeypatch.setenv("AIRFLOW_VAR_PRESSROOM_DATA", cfg.data)
    monkeypatch.setenv("AIRFLOW_CONN_PRESSROOM_WAREHOUSE", json.dumps({"conn_type": "sqlite", "host": cfg.db_url.removeprefix("sqlite:///")}))
    monkeypatch.delenv("PRESSROOM_DB_URL", raising=False)
    return monkeypatch


def test_every_dag_file_imports(dagbag) -> None:
    from pressroom.airflow_alerts import notify_failure

    assert dagbag.import_errors == {}
    assert set(dagbag.dag_ids) == {f"{s}_{kind}" for s in SOURCES for kind in ("daily", "process")} | {"reparse"}
    for source in SOURCES:
        daily, process = dagbag.dags[f"{source}_daily"], dagbag.dags[f"{source}_process"]
        assert [t.task_id for t in daily.topological_sort()] == ["crawl"]
        assert daily.task_dict["crawl"].pool == f"pressroom_{source}"
        assert [o.uri for o in daily.task_dict["crawl"].outlets] == [f"pressroom://landing/{source}"]
        assert [t.task_id for t in process.topological_sort()] == ["days", "parse", "load", "gates"]
        assert type(process.timetable).__name__ == "AssetTriggeredTimetable"
        assert str(daily.timezone) in ("Asia/Shanghai", "Timezone('Asia/Shanghai')")
        for dag in (daily, process):
            assert dag.deadline, f"{dag.dag_id} has no deadline alert"
            for t in dag.tasks:
                assert t.execution_timeout is not None and t.on_failure_callback == [notify_failure]
                assert t.retries >= 1 or t.task_id == "gates"
                assert t.retry_exponential_backoff
    assert (dagbag.dags["rmrb_daily"].timetable.expression, str(dagbag.dags["rmrb_daily"].timetable.timezone)) == ("30 6 * * *", "Asia/Shanghai")
    assert set(dagbag.dags["reparse"].params) == {"source", "from_date", "to_date"}
    pools = json.loads((ROOT / "docker" / "pools.json").read_text())
    assert set(pools) == {f"pressroom_{s}" for s in SOURCES} and all(p["slots"] == 1 for p in pools.values())


def _test(dag, **kwargs):  # type: ignore[no-untyped-def]
    """dag.test() without the DAG's deadline alerts: in Airflow 3.3.2 dag.test() round-trips the DAG
    through serialisation without giving its alerts ids, and a finishing run then fails looking
    them up ('dict' object has no attribute 'hex'). The scheduler test runs them for real."""
    deadline, dag.deadline = dag.deadline, None
    try:
        return dag.test(**kwargs)
    finally:
        dag.deadline = deadline


def _count_documents(cfg, day: date) -> int:  # type: ignore[no-untyped-def]
    from warehouse.db import make_engine
    from warehouse.models import Document

    engine = make_engine(cfg.db_url)
    with engine.connect() as conn:
        n = conn.scalar(select(func.count()).select_from(Document).where(Document.pub_date == day))
    engine.dispose()
    return n


def _stages(cfg) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    from warehouse.db import make_engine
    from warehouse.models import EtlRun

    engine = make_engine(cfg.db_url)
    with engine.connect() as conn:
        rows = conn.execute(select(EtlRun.stage, EtlRun.status, EtlRun.trigger).order_by(EtlRun.id)).all()
    engine.dispose()
    return [(s, st) for s, st, trigger in rows if trigger == "airflow"]


def _site(source: str, shared, tmp_path):  # type: ignore[no-untyped-def]
    """(site folder, day, documents expected on the day, spider args) for each source's mirror."""
    from pressroom.samplesite import SAMPLE_SITE
    from tests import sites

    if source == "rmrb":
        return sites.copy_tree(SAMPLE_SITE, tmp_path / "site"), SAMPLE_DAYS["G3"], 6, {}
    if source == "govcn":
        return sites.govcn_site(shared, tmp_path / "site", date(2026, 9, 17), date(2026, 9, 17)), date(2026, 9, 17), 2, {}
    if source == "stats":
        return sites.stats_site(shared, tmp_path / "site"), date(2016, 3, 12), 1, {}
    if source == "scio":
        return sites.scio_site(tmp_path / "site"), date(2024, 4, 16), 2, {}
    channels = "http://finance.people.com.cn/GB/70846/,http://culture.people.com.cn/GB/87423/"
    return sites.people_site(shared, tmp_path / "site"), date(2024, 5, 10), 1, {"channels": channels}


@pytest.mark.parametrize("source", SOURCES)
def test_daily_then_process_run_against_a_mirror(dagbag, cfg, airflow_env, shared, tmp_path, source) -> None:
    site, day, expected, spider_args = _site(source, shared, tmp_path)
    if spider_args:
        airflow_env.setenv(f"AIRFLOW_VAR_PRESSROOM_{source.upper()}_SPIDER_ARGS", json.dumps(spider_args))
    with FaultServer(site, {}) as server:
        airflow_env.setenv("AIRFLOW_VAR_PRESSROOM_MIRROR", server.url)
        crawl = _test(dagbag.dags[f"{source}_daily"], logical_date=pendulum.datetime(day.year, day.month, day.day, 23, 0, tz="Asia/Shanghai"))
    assert crawl.state == "success"
    assert _count_documents(cfg, day) == 0  # the crawl only lands; the process DAG loads
    process = _test(dagbag.dags[f"{source}_process"], run_conf={"day": day.isoformat()})
    assert process.state == "success"
    assert _count_documents(cfg, day) >= expected
    assert _stages(cfg) == [("crawl", "success"), ("parse", "success"), ("load", "success"), ("gates", "success")]


def test_reparse_reapplies_the_parser_to_landed_days_offline(dagbag, cfg, airflow_env, sample_mirror) -> None:
    day = SAMPLE_DAYS["G2"]
    airflow_env.setenv("AIRFLOW_VAR_PRESSROOM_MIRROR", sample_mirror.url)
    assert _test(dagbag.dags["rmrb_daily"], logical_date=pendulum.datetime(day.year, day.month, day.day, 6, 30, tz="Asia/Shanghai")).state == "success"
    airflow_env.setenv("AIRFLOW_VAR_PRESSROOM_MIRROR", "http://127.0.0.1:9")  # nothing answers there: no network used
    run = _test(dagbag.dags["reparse"], run_conf={"source": "rmrb", "from_date": day.isoformat(), "to_date": (day + timedelta(days=1)).isoformat()})
    assert run.state == "success"
    assert _count_documents(cfg, day) == 6
    assert _stages(cfg)[1:] == [("reparse", "success"), ("gates", "success")]


def test_a_failed_gate_fails_its_task_names_the_rows_and_alerts(dagbag, cfg, airflow_env, caplog) -> None:
    from pressroom.landing import LandingStore
    from warehouse.db import make_engine
    from warehouse.models import EtlRun

    day = date(2024, 3, 28)  # crawled, complete, and yet no article: the gate must catch it
    store = LandingStore(cfg.data)
    store.write_day("rmrb", day, {"status": "complete", "outcomes": []})
    with Webhook() as hook:
        airflow_env.setenv("AIRFLOW_CONN_PRESSROOM_ALERTS", hook.connection())
        run = _test(dagbag.dags["rmrb_process"], run_conf={"day": day.isoformat()})
    assert run.state == "failed"
    states = {ti.task_id: ti.state for ti in run.get_task_instances()}
    assert states == {"days": "success", "parse": "success", "load": "success", "gates": "failed"}
    engine = make_engine(cfg.db_url)
    with engine.connect() as conn:
        message = conn.scalar(select(EtlRun.message).where(EtlRun.stage == "gates"))
    engine.dispose()
    expected = "day_has_documents: FAILED, 1 offending row(s): source=rmrb, day=2024-03-28, crawl_status=complete"
    assert expected in message
    assert expected in caplog.text and "pressroom gates rmrb 2024-03-28: " in caplog.text  # the log ends with the summary
    assert [h["task_id"] for h in hook.received] == ["gates"]
    assert expected in hook.received[0]["text"] and hook.received[0]["dag_id"] == "rmrb_process"


def test_a_failed_crawl_fails_its_task_with_the_reason_and_alerts(dagbag, cfg, airflow_env, site_copy, caplog) -> None:
    from pressroom.samplesite import plan_day

    day = SAMPLE_DAYS["G2"]
    article = next(a.url for page in plan_day("G2", day).values() for a in page)
    faults = {"/" + article.split("://", 1)[1]: ["truncate"] * 4}
    dag = dagbag.dags["rmrb_daily"]
    with FaultServer(site_copy, faults) as server, Webhook() as hook:
        airflow_env.setenv("AIRFLOW_VAR_PRESSROOM_MIRROR", server.url)
        airflow_env.setenv("AIRFLOW_CONN_PRESSROOM_ALERTS", hook.connection())
        dag.task_dict["crawl"].retries = 0  # the retry delay is minutes; one try shows the failure
        try:
            run = _test(dag, logical_date=pendulum.datetime(day.year, day.month, day.day, 6, 30, tz="Asia/Shanghai"))
        finally:
            dag.task_dict["crawl"].retries = 2
    assert run.state == "failed"
    assert "crawl rmrb: 1 URLs failed" in caplog.text and "crawl rmrb: 2024-03-27: partial" in caplog.text
    assert len(hook.received) == 1 and "1 URLs failed" in hook.received[0]["text"]
    assert _stages(cfg) == [("crawl", "failed")]

"""Every DAG file imports cleanly, and rmrb_daily runs end to end under dag.test() against the mirror."""

from __future__ import annotations

from datetime import date

import pendulum
import pytest
from sqlalchemy import func, select

from pressroom.samplesite import SAMPLE_DAYS
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def dagbag():
    from airflow.dag_processing.dagbag import DagBag
    from airflow.utils import db

    db.initdb()
    return DagBag(dag_folder=str(ROOT / "dags"))


def test_every_dag_file_imports(dagbag) -> None:
    assert dagbag.import_errors == {}
    daily = ("rmrb_daily", "govcn_daily", "stats_daily", "scio_daily", "people_daily")
    assert set(daily) <= set(dagbag.dag_ids)
    for dag_id in daily:
        dag = dagbag.get_dag(dag_id)
        assert [t.task_id for t in dag.topological_sort()] == ["crawl", "parse", "load"]
        assert all(t.execution_timeout is not None and t.retries >= 1 for t in dag.tasks)
        assert str(dag.timezone) in ("Asia/Shanghai", "Timezone('Asia/Shanghai')")


def test_rmrb_daily_runs_against_the_mirror(dagbag, cfg, sample_mirror, monkeypatch) -> None:
    from warehouse.db import make_engine
    from warehouse.models import Document, EtlRun, SourceDay

    monkeypatch.setenv("AIRFLOW_VAR_PRESSROOM_DATA", cfg.data)
    monkeypatch.setenv("AIRFLOW_VAR_PRESSROOM_DB_URL", cfg.db_url)
    monkeypatch.setenv("AIRFLOW_VAR_PRESSROOM_MIRROR", sample_mirror.url)
    day: date = SAMPLE_DAYS["G3"]
    dag = dagbag.get_dag("rmrb_daily")
    run = dag.test(logical_date=pendulum.datetime(day.year, day.month, day.day, 6, 30, tz="Asia/Shanghai"))
    assert run.state == "success"

    engine = make_engine(cfg.db_url)
    with engine.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(Document).where(Document.pub_date == day)) == 6
        assert conn.scalar(select(SourceDay.status).where(SourceDay.day == day)) == "complete"
        stages = conn.execute(select(EtlRun.stage, EtlRun.status, EtlRun.trigger).order_by(EtlRun.id)).all()
    assert stages == [("crawl", "success", "airflow"), ("parse", "success", "airflow"), ("load", "success", "airflow")]


def test_govcn_daily_runs_against_a_mirror(dagbag, cfg, shared, tmp_path, monkeypatch) -> None:
    from tests.faultserver import FaultServer
    from tests.sites import govcn_site
    from warehouse.db import make_engine
    from warehouse.models import Document

    site = govcn_site(shared, tmp_path / "site", date(2026, 9, 17), date(2026, 9, 17))
    with FaultServer(site, {}) as server:
        monkeypatch.setenv("AIRFLOW_VAR_PRESSROOM_DATA", cfg.data)
        monkeypatch.setenv("AIRFLOW_VAR_PRESSROOM_DB_URL", cfg.db_url)
        monkeypatch.setenv("AIRFLOW_VAR_PRESSROOM_MIRROR", server.url)
        run = dagbag.get_dag("govcn_daily").test(logical_date=pendulum.datetime(2026, 9, 17, 23, 0, tz="Asia/Shanghai"))
    assert run.state == "success"
    engine = make_engine(cfg.db_url)
    with engine.connect() as conn:
        assert set(conn.scalars(select(Document.title))) == {"国务院办公厅关于进一步加强烟花爆竹全链条安全监管的意见", "国务院常务会议部署推动消费扩容提质"}
    engine.dispose()

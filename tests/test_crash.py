"""Crash safety: a loader killed with SIGKILL in the middle of a batch leaves the warehouse
consistent (each day whole or absent) and the re-run completes it, on both databases; a crawl
killed in the middle of a day resumes without downloading what had landed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from contextlib import nullcontext
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bench.warehouse import PER_DOC, write_day
from pressroom.config import Config
from pressroom.landing import LandingStore
from pressroom.samplesite import SAMPLE_DAYS, plan_day
from tests.conftest import PG_ADMIN, ROOT, run_cli, warehouse_checksums
from tests.faultserver import FaultServer
from warehouse.checks import dangling_references
from warehouse.db import downgrade, make_engine, scratch_database, upgrade
from warehouse.models import Document, FigureRow, SourceDay

DAYS = [date(2024, 3, 1) + timedelta(days=i) for i in range(4)]
DOCS = 40  # 20,000 figures a day: about a second per day to load


def _spawn(cfg: Config, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "pressroom", "--data", cfg.data, "--db", cfg.db_url, *args], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)


def _state(url: str) -> tuple[dict[date, int], dict[date, int], set[date], list]:
    engine = make_engine(url)
    with engine.connect() as conn:
        docs = dict(conn.execute(select(Document.pub_date, func.count()).group_by(Document.pub_date)).all())
        figures = dict(conn.execute(select(Document.pub_date, func.count()).join(FigureRow, FigureRow.document_id == Document.id)
                                    .group_by(Document.pub_date)).all())
        days = set(conn.scalars(select(SourceDay.day)))
        dangling = dangling_references(conn)
    engine.dispose()
    return docs, figures, days, dangling


@pytest.mark.parametrize("db", ["sqlite", "postgresql"])
def test_a_loader_killed_mid_batch_leaves_whole_days_and_the_rerun_completes(db, tmp_path, request) -> None:
    url = request.getfixturevalue("pg_url") if db == "postgresql" else f"sqlite:///{tmp_path / 'w.db'}"
    cfg = Config(str(tmp_path / "landing"), url, "test")
    store = LandingStore(cfg.data)
    for n, day in enumerate(DAYS):
        write_day(store, day, DOCS, seed=n, source="rmrb")
    upgrade(url)
    loader = _spawn(cfg, "load", "rmrb", "--date", DAYS[0].isoformat(), "--to", DAYS[-1].isoformat())
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(_state(url)[2]) < 2 and loader.poll() is None:
        time.sleep(0.05)
    time.sleep(0.3)  # into the next day's transaction
    assert loader.poll() is None, "the loader finished before it could be killed; give it more to do"
    os.killpg(loader.pid, signal.SIGKILL)
    loader.wait()

    docs, figures, days, dangling = _state(url)
    assert 2 <= len(days) < len(DAYS)  # killed with some days loaded and some not
    assert set(docs) == set(figures) == days  # a day is there whole or not at all
    assert set(docs.values()) == {DOCS} and set(figures.values()) == {DOCS * PER_DOC}
    assert dangling == []

    again = run_cli(cfg, "load", "rmrb", "--date", DAYS[0].isoformat(), "--to", DAYS[-1].isoformat())
    assert again.returncode == 0, again.stderr
    docs, figures, days, dangling = _state(url)
    assert days == set(DAYS) and set(figures.values()) == {DOCS * PER_DOC} and dangling == []
    after_crash = warehouse_checksums(url)
    with (scratch_database(PG_ADMIN, "pressroom_clean") if db == "postgresql" else nullcontext(f"sqlite:///{tmp_path / 'clean.db'}")) as clean_url:
        clean = Config(cfg.data, clean_url, "test")
        assert run_cli(clean, "load", "rmrb", "--date", DAYS[0].isoformat(), "--to", DAYS[-1].isoformat()).returncode == 0
        assert after_crash == warehouse_checksums(clean_url)  # as if it had never crashed
    if db == "postgresql":
        downgrade(url)


def test_a_crawl_killed_mid_day_resumes_without_downloading_landed_pages(cfg, site_copy: Path) -> None:
    day = SAMPLE_DAYS["G2"]
    articles = ["/" + a.url.split("://", 1)[1] for page in plan_day("G2", day).values() for a in page]
    store = LandingStore(cfg.data)
    with FaultServer(site_copy, {p: ["slow"] for p in articles}) as server:
        crawl = _spawn(cfg, "crawl", "rmrb", "--date", day.isoformat(), "--mirror", server.url, "-q")
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and sum(m["kind"] == "article" for m in store.pages("rmrb", day)) < 2:
            time.sleep(0.05)
        os.killpg(crawl.pid, signal.SIGKILL)
        crawl.wait()
        landed_before = {m["url"] for m in store.pages("rmrb", day)}
        assert 2 <= sum(1 for u in landed_before if "/nw." in u) < len(articles)
        assert store.read_day("rmrb", day) is None or store.read_day("rmrb", day)["status"] != "complete"

        n = len(server.requests)
        resumed = run_cli(cfg, "crawl", "rmrb", "--date", day.isoformat(), "--mirror", server.url, "-q")
        assert resumed.returncode == 0, resumed.stderr
        asked_again = {"http:/" + p for p in server.requests[n:]}
    assert not asked_again & landed_before  # nothing landed was downloaded again
    record = store.read_day("rmrb", day)
    assert record["status"] == "complete"
    assert {m["url"] for m in store.pages("rmrb", day)} >= {"http:/" + p for p in articles}

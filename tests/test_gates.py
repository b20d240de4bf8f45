"""Quality gates on a loaded day: a good day passes every gate; each kind of bad day fails its
gate with the offending rows named."""

from __future__ import annotations

from datetime import timedelta

import pytest

from pressroom.landing import LandingStore
from pressroom.stages import load
from tests.conftest import LANDED_DAY as DAY
from warehouse.db import downgrade, make_engine
from warehouse.gates import GateFailed, check, run_gates


def _gates(cfg, day=DAY, **overrides):  # type: ignore[no-untyped-def]
    engine = make_engine(cfg.db_url)
    with engine.connect() as conn:
        results = {r.name: r for r in run_gates(conn, "rmrb", day, **overrides)}
    engine.dispose()
    return results


@pytest.mark.parametrize("db", ["sqlite", "postgresql"])
def test_a_good_day_passes_every_gate(landed_day, db, request) -> None:
    from pressroom.config import Config

    cfg = landed_day if db == "sqlite" else Config(landed_day.data, request.getfixturevalue("pg_url"), landed_day.contact)
    load(cfg, "rmrb", [DAY], "run-1")
    results = _gates(cfg)
    assert set(results) == {"day_has_documents", "documents_have_title_and_date", "parse_failure_rate",
                            "figure_count_plausible", "figure_references"}
    assert all(r.ok for r in results.values()), [str(r) for r in results.values()]
    if db == "postgresql":
        downgrade(cfg.db_url)


def test_a_day_without_articles_fails_unless_there_was_no_paper(landed_day) -> None:
    load(landed_day, "rmrb", [DAY], "run-1")
    empty = DAY + timedelta(days=1)
    assert str(_gates(landed_day, empty)["day_has_documents"]) == (
        f"day_has_documents: FAILED, 1 offending row(s): source=rmrb, day={empty}, crawl_status=not crawled")
    store = LandingStore(landed_day.data)
    for day, status in ((empty, "no_paper"), (empty + timedelta(days=1), "complete")):
        store.write_day("rmrb", day, {"status": status, "outcomes": []})
        store.put_jsonl(store.parsed_path("rmrb", day, "documents.jsonl"), [])
        store.put_jsonl(store.parsed_path("rmrb", day, "failures.jsonl"), [])
        load(landed_day, "rmrb", [day], "run-2")
    assert _gates(landed_day, empty)["day_has_documents"].ok
    assert _gates(landed_day, empty + timedelta(days=1))["day_has_documents"].rows[0]["crawl_status"] == "complete"


def test_untitled_documents_and_parse_failures_are_named(landed_day) -> None:
    store = LandingStore(landed_day.data)
    path = store.parsed_path("rmrb", DAY, "documents.jsonl")
    docs = store.get_jsonl(path)
    docs[0]["title"] = " "
    store.put_jsonl(path, docs)
    store.put_jsonl(store.parsed_path("rmrb", DAY, "failures.jsonl"), [
        {"url": "http://paper.people.com.cn/broken.htm", "reason": "no_title", "detail": "no title element", "parser_version": "t"}])
    load(landed_day, "rmrb", [DAY], "run-1")
    results = _gates(landed_day)
    assert [r["url"] for r in results["documents_have_title_and_date"].rows] == [docs[0]["url"]]
    assert results["parse_failure_rate"].ok  # 1 failure in 7 pages is under the default 20 %
    failing = _gates(landed_day, max_parse_failure_rate=0.1)["parse_failure_rate"]
    assert failing.rows == [{"url": "http://paper.people.com.cn/broken.htm", "reason": "no_title", "detail": "no title element"}]
    engine = make_engine(landed_day.db_url)
    with engine.connect() as conn, pytest.raises(GateFailed) as failed:
        check(conn, "rmrb", [DAY])
    engine.dispose()
    assert "1 quality gate(s) failed" in str(failed.value) and docs[0]["url"] in str(failed.value)


def test_a_day_with_far_fewer_figures_than_recent_days_fails(landed_day) -> None:
    load(landed_day, "rmrb", [DAY], "run-1")
    later = DAY + timedelta(days=3)
    store = LandingStore(landed_day.data)
    store.write_day("rmrb", later, {"status": "complete", "outcomes": []})
    store.put_jsonl(store.parsed_path("rmrb", later, "documents.jsonl"), [])
    store.put_jsonl(store.parsed_path("rmrb", later, "failures.jsonl"), [])
    load(landed_day, "rmrb", [later], "run-2")
    gate = _gates(landed_day, later, min_figure_base=5)["figure_count_plausible"]
    assert len(gate.rows) == 1 and gate.rows[0]["figures"] == 0 and gate.rows[0]["recent_daily_mean"] >= 5
    assert _gates(landed_day, later)["figure_count_plausible"].ok  # the fixture day has fewer than 20 figures


def test_pressroom_check_runs_the_gates_and_exits_1_on_a_failure(landed_day) -> None:
    from tests.conftest import run_cli

    load(landed_day, "rmrb", [DAY], "run-1")
    good = run_cli(landed_day, "check", "rmrb", "--date", DAY.isoformat())
    assert good.returncode == 0 and good.stdout.strip().endswith(": 0 gate(s) failed")
    assert f"rmrb {DAY} day_has_documents: ok" in good.stdout
    bad = run_cli(landed_day, "check", "rmrb", "--date", DAY.isoformat(), "--to", (DAY + timedelta(days=1)).isoformat())
    assert bad.returncode == 1 and "1 gate(s) failed" in bad.stdout
    assert f"rmrb {DAY + timedelta(days=1)} day_has_documents: FAILED" in bad.stderr

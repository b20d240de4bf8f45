"""End to end over real HTTP: the `pressroom` command crawls the mirror, lands, parses and loads."""

from __future__ import annotations

import hashlib
import re
from datetime import date
from pathlib import Path

from sqlalchemy import select

from pressroom.landing import LandingStore
from pressroom.samplesite import SAMPLE_DAYS, plan_day
from tests.conftest import run_cli, warehouse_checksums
from tests.faultserver import FaultServer
from warehouse.db import make_engine
from warehouse.models import Document, LandedPage, ParseFailureRow, SourceDay

E2E_TABLES = ("source_days", "landed_pages", "documents", "paragraphs", "parse_failures")


def counts_of(line: str) -> dict[str, int]:
    return {k: int(v) for k, v in re.findall(r"(\w+)=(\d+)", line)}


def test_run_twice_lands_everything_once(cfg, sample_mirror) -> None:
    day = SAMPLE_DAYS["G2"]
    before = len(sample_mirror.requests)
    first = run_cli(cfg, "run", "rmrb", "--date", day.isoformat(), "--mirror", sample_mirror.url, "-q")
    assert first.returncode == 0, first.stderr
    summary = first.stdout.strip().splitlines()[-1]
    assert summary.startswith("pressroom run rmrb 2024-03-27:")
    assert counts_of(summary) == {"fetched": 10, "landed": 9, "skipped": 0, "parsed": 6, "loaded": 6, "failed": 0}
    assert len(sample_mirror.requests) - before == 10  # robots.txt, 3 layouts, 6 articles

    engine = make_engine(cfg.db_url)
    with engine.connect() as conn:
        titles = conn.scalars(select(Document.title).where(Document.pub_date == day).order_by(Document.url)).all()
        assert len(titles) == 6 and "外贸进出口实现良好开局" in titles
        assert conn.scalar(select(SourceDay.status)) == "complete"
        landed = conn.execute(select(LandedPage.path, LandedPage.sha256)).all()
    engine.dispose()
    assert len(landed) == 9
    store = LandingStore(cfg.data)
    for path, sha in landed:  # the warehouse points at the raw bytes, which are really there
        assert hashlib.sha256(store.get(f"{store.root}/{path}")).hexdigest() == sha

    checksum = warehouse_checksums(cfg.db_url, E2E_TABLES)
    requests_after_first = len(sample_mirror.requests)
    second = run_cli(cfg, "run", "rmrb", "--date", day.isoformat(), "--mirror", sample_mirror.url, "-q")
    assert second.returncode == 0, second.stderr
    assert counts_of(second.stdout.splitlines()[-1]) == {"fetched": 0, "landed": 0, "skipped": 9, "parsed": 6, "loaded": 0, "failed": 0}
    assert len(sample_mirror.requests) == requests_after_first  # nothing downloaded again
    assert warehouse_checksums(cfg.db_url, E2E_TABLES) == checksum  # nothing added or changed


def test_stages_run_on_their_own_and_refresh_refetches(cfg, sample_mirror) -> None:
    day = SAMPLE_DAYS["G3"].isoformat()
    crawl = run_cli(cfg, "crawl", "rmrb", "--date", day, "--mirror", sample_mirror.url, "-q")
    assert crawl.returncode == 0, crawl.stderr
    assert counts_of(crawl.stdout.splitlines()[-1])["landed"] == 9
    load_first = run_cli(cfg, "load", "rmrb", "--date", day)
    assert load_first.returncode == 1 and "has not been parsed" in load_first.stderr
    assert run_cli(cfg, "parse", "rmrb", "--date", day).returncode == 0
    loaded = run_cli(cfg, "load", "rmrb", "--date", day)
    assert loaded.returncode == 0 and counts_of(loaded.stdout.splitlines()[-1])["loaded"] == 6
    checksum = warehouse_checksums(cfg.db_url, E2E_TABLES)
    assert checksum["documents"].startswith("6:")

    n = len(sample_mirror.requests)
    refreshed = run_cli(cfg, "crawl", "rmrb", "--date", day, "--mirror", sample_mirror.url, "--refresh", "-q")
    assert refreshed.returncode == 0, refreshed.stderr
    assert len(sample_mirror.requests) - n == 9  # every page asked for again (robots.txt is still fresh)
    for stage in ("parse", "load"):
        assert run_cli(cfg, stage, "rmrb", "--date", day).returncode == 0
    assert warehouse_checksums(cfg.db_url, E2E_TABLES)["documents"] == checksum["documents"]  # unchanged pages, same rows

    listing = run_cli(cfg, "landed", "rmrb", "--date", day)
    assert listing.stdout.splitlines()[0] == f"{day} complete G3"
    assert len(listing.stdout.splitlines()) == 10


def test_bad_input_ends_in_recorded_outcomes(cfg, site_copy: Path) -> None:
    day = SAMPLE_DAYS["G2"]
    plan = plan_day("G2", day)
    url = {(p.page_no, i): p.url for page in plan.values() for i, p in enumerate(page, 1)}
    path = {k: "/" + v.split("://", 1)[1] for k, v in url.items()}

    gb_file = site_copy / path[("02", 1)].lstrip("/")
    gb_file.write_bytes(gb_file.read_text("utf-8").replace("charset=utf-8", "charset=gb2312").encode("gb18030"))
    no_title = site_copy / path[("02", 2)].lstrip("/")
    no_title.write_text(re.sub(r"<h1>.*?</h1>", "", no_title.read_text("utf-8")), "utf-8")

    faults = {path[("01", 1)]: ["500"], path[("01", 2)]: ["truncate"] * 4}
    with FaultServer(site_copy, faults) as server:
        result = run_cli(cfg, "run", "rmrb", "--date", "2024-03-27", "--to", "2024-03-28", "--mirror", server.url)
        assert result.returncode == 1, result.stderr
        assert counts_of(result.stdout.splitlines()[-1]) == {"fetched": 12, "landed": 8, "skipped": 0, "parsed": 4, "loaded": 4, "failed": 2}
        assert "FAILED: 1 URLs failed" in result.stderr and "FAILED: 2024-03-27: partial" in result.stderr
        assert server.requests.count(path[("01", 1)]) == 2  # a 500, then the page
        assert server.requests.count(path[("01", 2)]) == 4  # truncated every time: 1 + 3 retries

        store = LandingStore(cfg.data)
        record = store.read_day("rmrb", day)
        outcome = {o["url"]: o["outcome"] for o in record["outcomes"]}
        assert record["status"] == "partial"
        assert outcome[url[("01", 1)]] == "landed"
        assert outcome[url[("01", 2)]] == "truncated"
        assert store.read_day("rmrb", date(2024, 3, 28))["status"] == "no_paper"

        engine = make_engine(cfg.db_url)
        with engine.connect() as conn:
            days = dict(conn.execute(select(SourceDay.day, SourceDay.status)).all())
            assert days == {day: "partial", date(2024, 3, 28): "no_paper"}
            assert conn.scalar(select(Document.title).where(Document.url == url[("02", 1)])) == "图片报道"
            failure = conn.execute(select(ParseFailureRow.url, ParseFailureRow.reason, ParseFailureRow.sha256)).one()
            assert failure[:2] == (url[("02", 2)], "no_title")
            page = conn.execute(select(LandedPage.parse_status, LandedPage.path).where(LandedPage.url == url[("02", 2)])).one()
        assert page.parse_status == "failed"
        assert hashlib.sha256(store.get(f"{store.root}/{page.path}")).hexdigest() == failure.sha256  # kept raw

        # The server behaves now: a re-run fetches only what is missing and completes the day.
        n = len(server.requests)
        again = run_cli(cfg, "run", "rmrb", "--date", "2024-03-27", "--to", "2024-03-28", "--mirror", server.url)
        new_requests = server.requests[n:]
        assert sorted(p for p in new_requests if "2024-03/27" in p) == [path[("01", 2)]]
        assert store.read_day("rmrb", day)["status"] == "complete"
        assert again.returncode == 1  # the page without a title still fails to parse, and says so
        assert counts_of(again.stdout.splitlines()[-1])["loaded"] == 1
        engine.dispose()


def test_the_other_url_scheme_is_probed(cfg, tmp_path: Path) -> None:
    """A day after 2024-12-01 that the site still serves on the html/ scheme is found by probing."""
    from pressroom.samplesite import build_day

    day = date(2025, 1, 15)
    build_day(tmp_path / "site", "G2", day)
    with FaultServer(tmp_path / "site", {}) as server:
        result = run_cli(cfg, "crawl", "rmrb", "--date", day.isoformat(), "--mirror", server.url, "-q")
    assert result.returncode == 0, result.stderr
    assert server.requests[:3] == ["/paper.people.com.cn/robots.txt", "/paper.people.com.cn/rmrb/pc/layout/202501/15/node_01.html",
                                   "/paper.people.com.cn/rmrb/html/2025-01/15/nbs.D110000renmrb_01.htm"]
    record = LandingStore(cfg.data).read_day("rmrb", day)
    assert (record["status"], record["generation"], record["counts"]) == ("complete", "G2", {"landed": 9, "not_found": 1})

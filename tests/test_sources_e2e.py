"""The other sources end to end through the mirror: crawl, land, parse, load, twice."""

from __future__ import annotations

import re
from datetime import date

from sqlalchemy import func, select

from tests.conftest import run_cli
from tests.faultserver import FaultServer
from tests.sites import govcn_site
from warehouse.db import make_engine
from warehouse.models import Document, FigureRow, SourceDay


def counts_of(line: str) -> dict[str, int]:
    return {k: int(v) for k, v in re.findall(r"(\w+)=(\d+)", line)}


def test_govcn_days_through_the_search_api(cfg, shared, tmp_path) -> None:
    site = govcn_site(shared, tmp_path / "site", date(2026, 9, 17), date(2026, 9, 18))
    with FaultServer(site, {}) as server:
        first = run_cli(cfg, "run", "govcn", "--date", "2026-09-17", "--to", "2026-09-18", "--mirror", server.url, "-q")
        assert first.returncode == 0, first.stderr
        assert counts_of(first.stdout.splitlines()[-1]) == {"fetched": 5, "landed": 3, "skipped": 0, "parsed": 1, "loaded": 1, "failed": 0}  # robots.txt of two hosts
        n = len(server.requests)
        second = run_cli(cfg, "run", "govcn", "--date", "2026-09-17", "--to", "2026-09-18", "--mirror", server.url, "-q")
        assert second.returncode == 0 and len(server.requests) == n  # nothing downloaded again
        assert counts_of(second.stdout.splitlines()[-1])["loaded"] == 0
    engine = make_engine(cfg.db_url)
    with engine.connect() as conn:
        doc = conn.execute(select(Document.title, Document.pub_date, Document.publisher, Document.url)).one()
        assert doc.title == "国务院办公厅关于进一步加强烟花爆竹全链条安全监管的意见" and doc.pub_date == date(2026, 9, 17)
        assert doc.url == "https://www.gov.cn/zhengce/content/202609/content_7081356.htm"
        assert dict(conn.execute(select(SourceDay.day, SourceDay.status)).all()) == {
            date(2026, 9, 17): "complete", date(2026, 9, 18): "complete"}
        assert conn.scalar(select(FigureRow.unit).where(FigureRow.value == 2)) == "day"
    engine.dispose()


def test_stats_releases_from_the_list(cfg, shared, tmp_path) -> None:
    from tests.sites import stats_site

    site = stats_site(shared, tmp_path / "site")
    with FaultServer(site, {}) as server:
        result = run_cli(cfg, "run", "stats", "--date", "2016-03-11", "--to", "2016-03-12", "--mirror", server.url, "-q")
        assert result.returncode == 0, result.stderr
        assert "/www.stats.gov.cn/tjsj/zxfb/index_1.html" not in server.requests  # the first page already went past the range
        assert "/www.stats.gov.cn/tjsj/zxfb/201603/t20160310_1329800.html" not in server.requests
    engine = make_engine(cfg.db_url)
    with engine.connect() as conn:
        assert conn.scalar(select(Document.title)) == "2016年1-2月份规模以上工业增加值增长5.4%"
        assert conn.scalar(select(func.count()).select_from(FigureRow)) >= 113
    engine.dispose()


def test_stats_anti_bot_challenge_is_recorded_as_blocked(cfg, tmp_path) -> None:
    from tests.sites import place

    site = tmp_path / "site"
    place(site, "http://www.stats.gov.cn/tjsj/zxfb/index.html",
          b"<html><head><script>var wzws_cid='1';function wzwschallenge(){location.reload();}</script></head>"
          b"<body onload='wzwschallenge()'></body></html>")
    with FaultServer(site, {}) as server:
        result = run_cli(cfg, "run", "stats", "--date", "2016-03-12", "--mirror", server.url, "-q")
    assert result.returncode == 1
    assert "anti-bot challenge" in result.stderr and "FAILED: 2016-03-12: blocked" in result.stderr
    engine = make_engine(cfg.db_url)
    with engine.connect() as conn:
        assert conn.execute(select(SourceDay.status, SourceDay.detail)).one() == (
            "blocked", "stats.gov.cn answered with its anti-bot challenge (wzws), not the release list")
        assert conn.scalar(select(func.count()).select_from(Document)) == 0
    engine.dispose()

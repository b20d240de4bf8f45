"""The other sources end to end through the mirror: crawl, land, parse, load, twice."""

from __future__ import annotations

import re
from datetime import date

from sqlalchemy import select

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

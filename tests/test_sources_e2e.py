"""The other sources end to end through the mirror: crawl, land, parse, load, twice."""

from __future__ import annotations

import re
from datetime import date

from sqlalchemy import func, select

from tests.conftest import run_cli
from tests.faultserver import FaultServer
from tests.sites import govcn_site
from warehouse.db import make_engine
from warehouse.models import (
    Agency,
    Document,
    EventRow,
    FigureRow,
    Paragraph,
    SourceDay,
    SpeakerRow,
)


def counts_of(line: str) -> dict[str, int]:
    return {k: int(v) for k, v in re.findall(r"(\w+)=(\d+)", line)}


def test_govcn_days_through_the_search_api(cfg, shared, tmp_path) -> None:
    site = govcn_site(shared, tmp_path / "site", date(2026, 9, 17), date(2026, 9, 18))
    with FaultServer(site, {}) as server:
        first = run_cli(cfg, "run", "govcn", "--date", "2026-09-17", "--to", "2026-09-18", "--mirror", server.url, "-q")
        assert first.returncode == 0, first.stderr
        # robots.txt of two hosts, two search pages, two news lists, the policy and the news release
        assert counts_of(first.stdout.splitlines()[-1]) == {"fetched": 8, "landed": 6, "skipped": 0, "parsed": 2, "loaded": 2, "failed": 0}
        n = len(server.requests)
        second = run_cli(cfg, "run", "govcn", "--date", "2026-09-17", "--to", "2026-09-18", "--mirror", server.url, "-q")
        assert second.returncode == 0 and len(server.requests) == n  # nothing downloaded again
        assert counts_of(second.stdout.splitlines()[-1])["loaded"] == 0
    engine = make_engine(cfg.db_url)
    with engine.connect() as conn:
        docs = {d.url: d for d in conn.execute(select(Document.title, Document.pub_date, Document.published_at, Document.url, Document.meta))}
        doc = docs["https://www.gov.cn/zhengce/content/202609/content_7081356.htm"]
        assert doc.title == "国务院办公厅关于进一步加强烟花爆竹全链条安全监管的意见" and doc.pub_date == date(2026, 9, 17)
        assert doc.meta["发文字号"] == "国办发〔2026〕26号"
        news = docs["https://www.gov.cn/yaowen/liebiao/202609/content_7081400.htm"]
        assert (news.title, news.published_at, news.meta["来源"]) == ("国务院常务会议部署推动消费扩容提质", "2026-09-17T20:15:00+08:00", "新华社")
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
        n = len(server.requests)
        again = run_cli(cfg, "run", "stats", "--date", "2016-03-11", "--to", "2016-03-12", "--mirror", server.url, "-q")
        assert again.returncode == 0 and len(server.requests) == n
        assert counts_of(again.stdout.splitlines()[-1])["loaded"] == 0
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


def test_people_channel_lists_multi_page_articles_and_reprints(cfg, shared, tmp_path) -> None:
    from tests.sites import people_site

    site = people_site(shared, tmp_path / "site")
    channels = "http://finance.people.com.cn/GB/70846/,http://culture.people.com.cn/GB/87423/"
    with FaultServer(site, {}) as server:
        for first, last in (("2019-06-15", "2019-06-15"), ("2024-05-10", "2024-05-10")):
            crawl = run_cli(cfg, "crawl", "people", "--date", first, "--to", last, "--mirror", server.url, "-q",
                            "-a", f"channels={channels}")
            assert crawl.returncode == 0, crawl.stderr
        assert "/finance.people.com.cn/n1/2024/0511/c1004-40233000.html" not in server.requests
        n = len(server.requests)
        again = run_cli(cfg, "crawl", "people", "--date", "2019-06-15", "--mirror", server.url, "-q", "-a", f"channels={channels}")
        # nothing landed is downloaded again; only the list page that did not exist is asked for once more
        assert again.returncode == 0 and server.requests[n:] == ["/finance.people.com.cn/GB/70846/index2.html"]
    for day in ("2019-06-15", "2024-05-10"):
        assert run_cli(cfg, "parse", "people", "--date", day).returncode == 0
        assert run_cli(cfg, "load", "people", "--date", day).returncode == 0
    engine = make_engine(cfg.db_url)
    with engine.connect() as conn:
        docs = {r.title: r for r in conn.execute(select(Document.title, Document.id, Document.publisher, Document.pub_date))}
        culture = docs["女儿出嫁，郑板桥画了几笔兰花当嫁妆"]
        texts = conn.scalars(select(Paragraph.text).where(Paragraph.document_id == culture.id).order_by(Paragraph.seq)).all()
        assert texts[-3:] == ["第2页的正文。", "第3页的正文。", "第4页的正文。"]  # the article's four pages joined
        finance = docs["在新时代中部地区崛起中争先出彩"]
        assert (finance.publisher, finance.pub_date) == ("人民日报", date(2024, 5, 10))
    engine.dispose()


def test_scio_conference_and_transcript_attribute_statements(cfg, tmp_path) -> None:
    from tests.sites import scio_site

    with FaultServer(scio_site(tmp_path / "site"), {}) as server:
        result = run_cli(cfg, "run", "scio", "--date", "2024-04-16", "--mirror", server.url, "-q")
        assert result.returncode == 0, result.stderr
        assert not any("t20240410" in r or "t20240417" in r for r in server.requests)
        n = len(server.requests)
        again = run_cli(cfg, "run", "scio", "--date", "2024-04-16", "--mirror", server.url, "-q")
        assert again.returncode == 0 and len(server.requests) == n
        assert counts_of(again.stdout.splitlines()[-1])["loaded"] == 0
    engine = make_engine(cfg.db_url)
    with engine.connect() as conn:
        titles = set(conn.scalars(select(Document.title)))
        assert titles == {"国新办举行2024年一季度国民经济运行情况新闻发布会", "国新办举行2024年一季度国民经济运行情况新闻发布会图文实录"}
        speakers = set(conn.execute(select(SpeakerRow.name, Agency.name).join(Agency, Agency.id == SpeakerRow.agency_id)))
        assert speakers == {("盛来运", "国家统计局"), ("寿小丽", "国务院新闻办")}
        figs = {(f.value, f.speaker, f.agency) for f in conn.execute(select(FigureRow.value, FigureRow.speaker, FigureRow.agency))}
        assert (5.3, "盛来运", "国家统计局") in figs and (5.2, "盛来运", "国家统计局") in figs
        events = set(conn.execute(select(EventRow.organizer, EventRow.date, EventRow.topic)))
        assert events == {("国新办", "2024-04-16", "2024年一季度国民经济运行情况")}
    engine.dispose()


def test_a_page_of_an_unknown_template_is_landed_and_recorded_unparsed(cfg, shared, tmp_path) -> None:
    from tests.sites import api_response, place
    from transforms.govcn_api import search_url
    from warehouse.models import LandedPage, ParseFailureRow

    site = tmp_path / "site"
    url = "https://www.gov.cn/zhengce/content/202609/content_7081400.htm"
    place(site, url, "<html><body><div class='new-layout'><p>改版后的页面。</p></div></body></html>".encode())
    place(site, search_url(1, start=date(2026, 9, 20), end=date(2026, 9, 20)),
          api_response([{"id": "1", "title": "改版页面", "url": url, "cat": "gongwen", "day": "2026-09-20"}]))
    with FaultServer(site, {}) as server:
        result = run_cli(cfg, "run", "govcn", "--date", "2026-09-20", "--mirror", server.url)
    assert result.returncode == 1
    assert "1 pages could not be parsed" in result.stderr and "unknown_govcn_template" in result.stderr
    engine = make_engine(cfg.db_url)
    with engine.connect() as conn:
        assert conn.execute(select(ParseFailureRow.url, ParseFailureRow.reason)).one() == (url, "unknown_govcn_template")
        assert conn.scalar(select(LandedPage.parse_status).where(LandedPage.url == url)) == "failed"
    engine.dispose()

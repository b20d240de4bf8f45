"""Layout (版面) pages of every generation: real G3 pages from ../shared and the sample site's G1/G2/G3."""

from __future__ import annotations

from datetime import date

import pytest

from pressroom.samplesite import SAMPLE_DAYS, SAMPLE_SITE
from transforms import rmrb_patterns as P
from transforms.records import ParseFailure
from transforms.rmrb_layout import parse_layout


def _real(shared, name: str) -> bytes:
    return (shared / "corpus/rmrb/epaper" / name).read_bytes()


def test_real_2024_12_25_layout_yields_20_pages_and_7_articles(shared) -> None:
    url = "http://paper.people.com.cn/rmrb/pc/layout/202412/25/node_01.html"
    lp = parse_layout(_real(shared, "rmrb_pc_layout_20241225_node_01.html"), url)
    assert lp.generation == "G3"
    assert (lp.issue_date, lp.page_no, lp.page_name) == (date(2024, 12, 25), "01", "要闻")
    assert len(lp.pages) == 20
    assert [p.page_no for p in lp.pages] == [f"{i:02d}" for i in range(1, 21)]
    assert lp.pages[9].page_name == "特别报道"
    assert lp.pages[19].url == "http://paper.people.com.cn/rmrb/pc/layout/202412/25/node_20.html"
    assert len(lp.articles) == 7
    assert lp.articles[0].url == "http://paper.people.com.cn/rmrb/pc/content/202412/25/content_30048054.html"
    assert lp.articles[2].title == "李强主持召开国务院常务会议"
    assert [a.title for a in lp.articles].count("图片报道") == 1
    assert lp.pdf_url.endswith("/rmrb/pc/attachement/202412/25/58d97d37-6229-4f3b-872d-3911f85cb11b.pdf")


def test_real_2026_03_10_layout(shared) -> None:
    url = "http://paper.people.com.cn/rmrb/pc/layout/202603/10/node_01.html"
    lp = parse_layout(_real(shared, "rmrb_pc_layout_20260310_node_01.readfile-text.html"), url)
    assert (lp.issue_date, len(lp.pages), len(lp.articles)) == (date(2026, 3, 10), 20, 7)
    assert all(P.classify_url(a.url)[0] == "article" for a in lp.articles)


@pytest.mark.parametrize("gen", ["G1", "G2", "G3"])
def test_sample_layouts_of_each_generation(gen: str) -> None:
    day = SAMPLE_DAYS[gen]
    scheme = "pc" if gen == "G3" else "html"
    url = P.layout_url(day, "01", scheme)
    body = (SAMPLE_SITE / url.split("://", 1)[1]).read_bytes()
    lp = parse_layout(body, url)
    assert lp.generation == gen
    assert (lp.issue_date, lp.page_no, lp.page_name) == (day, "01", "要闻")
    assert [(p.page_no, p.page_name) for p in lp.pages] == [("01", "要闻"), ("02", "要闻"), ("03", "经济")]
    # the 本版责编 item is not an article: its names become the 版's editors
    assert len(lp.articles) == 2 and not any("责编" in a.title for a in lp.articles)
    assert lp.editors == ["王斌", "李晓晴"]
    assert lp.articles[0].title == "前两月规模以上工业增加值同比增长7.0%"


def test_g1_titles_come_from_the_view_script() -> None:
    day = SAMPLE_DAYS["G1"]
    url = P.layout_url(day, "02", "html")
    lp = parse_layout((SAMPLE_SITE / url.split("://", 1)[1]).read_bytes(), url)
    assert [a.title for a in lp.articles] == ["图片报道", "外贸进出口实现良好开局"]
    assert lp.articles[0].url.endswith("/rmrb/html/2019-06-14/nw.D110000renmrb_20190614_1-02.htm".replace("2019-06-14", "2019-06/14"))


def test_a_page_of_another_template_is_a_parse_failure() -> None:
    with pytest.raises(ParseFailure) as err:
        parse_layout("<html><body><p>系统维护中</p></body></html>".encode(), P.layout_url(date(2024, 3, 27)))
    assert err.value.reason == "unknown_layout_template"

"""Article pages: the seed article placed in a faithful G2 page, the sample site, encodings, bad pages."""

from __future__ import annotations

from datetime import date

import pytest

from pressroom.sample_articles import ARTICLES, SampleArticle
from pressroom.samplesite import SAMPLE_DAYS, SAMPLE_SITE, plan_day, render_article
from transforms.records import ArticleHint, ParseFailure
from transforms.rmrb_article import parse_article
from transforms.rmrb_day import RawPage, parse_day

SEED_URL = "http://paper.people.com.cn/rmrb/html/2024-03/27/nw.D110000renmrb_20240327_1-03.htm"
SEED_HEADINGS = [
    "规模以上高技术制造业增加值连续3个月加快增长",
    "前两月社会消费品零售总额同比增长5.5%,消费市场保持稳步增长态势",
    "今年全力实现外贸“质升量稳”任务目标",
]


def seed_page(shared) -> tuple[bytes, list[str]]:
    """The seed text in a G2 article page: headline, then every body line, print line and 责编 line
    as paragraphs (the 发布时间 stamp of the re-publication is left out). Returns (page, expected body)."""
    lines = [ln.strip() for ln in (shared / "seeds/rmrb_20240327_p03_seed.txt").read_text().splitlines()]
    title, rest = lines[0], [ln for ln in lines[1:] if ln and not ln.startswith("发布时间")]
    body = [ln for ln in rest if not ln.startswith("《") and not ln.startswith("(责编")]
    article = SampleArticle(title=title, paragraphs=rest)
    page = render_article("G2", date(2024, 3, 27), "03", "要闻", article)
    return page.encode("utf-8"), body


def test_seed_article_parses_exactly(shared) -> None:
    page, body = seed_page(shared)
    doc = parse_article(page, SEED_URL)
    assert doc.title == "多措并举推动经济持续回升向好"
    assert doc.title_tag == "权威发布"
    assert doc.pub_date == date(2024, 3, 27)
    assert doc.page_no == "03" and doc.page_name == "要闻"
    assert doc.editors == ["牛镛", "岳弘彬"]
    assert doc.print_line == "《人民日报》（2024年03月27日 第 03 版）"  # the page's own; the body's copy is not body text
    assert [p.text for p in doc.paragraphs] == body
    assert [p.text for p in doc.paragraphs if p.kind == "subheading"] == SEED_HEADINGS
    assert doc.paragraphs[0].text.startswith("3月26日,国务院新闻办举行新闻发布会")
    assert doc.generation == "G2" and doc.publisher == "人民日报"


@pytest.mark.parametrize("gen", ["G1", "G2", "G3"])
def test_sample_day_articles(gen: str) -> None:
    day = SAMPLE_DAYS[gen]
    plan = plan_day(gen, day)
    placed = plan["01"][1]  # 消费市场稳步恢复: a 副题 and one <strong> sub-heading
    body = (SAMPLE_SITE / placed.url.split("://", 1)[1]).read_bytes()
    doc = parse_article(body, placed.url, hint=ArticleHint("01", "要闻", ["王斌", "李晓晴"]))
    src = ARTICLES[placed.index]
    assert (doc.title, doc.subtitle, doc.pre_title) == (src.title, src.subtitle, None)
    assert doc.byline == "本报记者 李晓明"
    assert doc.pub_date == day and doc.page_no == "01" and doc.page_name == "要闻"
    assert [p.text for p in doc.paragraphs] == src.paragraphs
    assert [p.kind for p in doc.paragraphs] == ["body", "subheading", "body", "body"]
    assert doc.editors == ["王斌", "李晓晴"]
    assert doc.generation == gen


def test_g1_duplicate_body_copy_is_ignored_and_captions_are_kept() -> None:
    day = SAMPLE_DAYS["G1"]
    placed = plan_day("G1", day)["02"][0]  # 图片报道
    doc = parse_article((SAMPLE_SITE / placed.url.split("://", 1)[1]).read_bytes(), placed.url)
    assert len(doc.paragraphs) == 1
    assert doc.captions == ["江苏省某地农民驾驶农机在田间作业。 本报记者 张 伟摄"]
    assert doc.pre_title is None and doc.print_line == "《 人民日报 》（ 2019年06月14日 02 版）"


def test_gb2312_page_is_decoded_as_gb18030() -> None:
    # 镕 is outside GB2312 but in GBK/GB18030: real "GB2312" pages carry such characters.
    article = SampleArticle(title="朱镕基同志在会议上讲话", paragraphs=["会议在北京举行。"])
    html = render_article("G2", date(2024, 3, 27), "04", "要闻", article).replace("charset=utf-8", "charset=gb2312")
    doc = parse_article(html.encode("gb18030"), SEED_URL.replace("_1-03", "_1-04"))
    assert doc.title == "朱镕基同志在会议上讲话"
    assert doc.paragraphs[0].text == "会议在北京举行。"


def test_a_page_without_a_title_is_a_parse_failure() -> None:
    html = render_article("G2", date(2024, 3, 27), "03", "要闻", ARTICLES[0]).replace("<h1>", "<div>").replace("</h1>", "</div>")
    with pytest.raises(ParseFailure) as err:
        parse_article(html.encode(), SEED_URL)
    assert err.value.reason == "no_title"


def test_a_truncated_page_is_a_parse_failure_not_a_crash() -> None:
    html = render_article("G2", date(2024, 3, 27), "03", "要闻", ARTICLES[0]).encode()
    cut = html[: html.index(b"<founder-content>")]
    with pytest.raises(ParseFailure) as err:
        parse_article(cut, SEED_URL)
    assert err.value.reason == "empty_body"


def test_parse_day_records_failures_and_keeps_going() -> None:
    good = render_article("G2", date(2024, 3, 27), "03", "要闻", ARTICLES[0]).encode()
    pages = [
        RawPage(SEED_URL, "article", good),
        RawPage(SEED_URL.replace("_1-03", "_2-03"), "article", b"\xff\xfe<html>garbage"),
        RawPage(SEED_URL.replace("_1-03", "_3-03"), "article", b""),
    ]
    result = parse_day(pages)
    assert [d.title for d in result.documents] == [ARTICLES[0].title]
    assert [(f.url[-13:], f.reason) for f in result.failures] == [
        ("0327_2-03.htm", "unknown_article_template"),
        ("0327_3-03.htm", "unknown_article_template"),
    ]


def test_a_print_line_naming_no_real_day_is_ignored_not_a_crash() -> None:
    """Found by bench/same_output.py's mutated pages: 《人民日报》(2024年13月27日…) raised ValueError
    out of the parser; the page now parses, dated by its URL."""
    html = render_article("G2", date(2024, 3, 27), "03", "要闻", ARTICLES[0]).replace("2024年03月27日", "2024年13月27日")
    assert "2024年13月27日" in html
    doc = parse_article(html.encode(), SEED_URL)
    assert doc.pub_date == date(2024, 3, 27) and doc.page_no == "03" and doc.print_line is not None

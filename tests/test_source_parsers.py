"""Parsers of the other sources on every real page in ../shared/corpus: www.gov.cn policies (both
current templates and the 60 pages of the 2018–19 SQL dump), the search API, 国家统计局 releases,
people.com.cn articles."""

from __future__ import annotations

import re
from datetime import date

import pytest

from transforms.govcn import parse_govcn
from transforms.govcn_api import parse_search, search_url
from transforms.people import join_pages, parse_people
from transforms.records import ParseFailure
from transforms.stats import parse_stats

GOV = "corpus/gov/www.gov.cn"


def test_current_policy_templates(shared) -> None:
    sc = parse_govcn((shared / GOV / "policy/2026-09-17_zhengce_content_202609_content_7081356.html").read_bytes(),
                     "https://www.gov.cn/zhengce/content/202609/content_7081356.htm")
    assert sc.title == "国务院办公厅关于进一步加强烟花爆竹全链条安全监管的意见"
    assert (sc.pub_date, sc.published_at, sc.generation) == (date(2026, 9, 17), "2026-09-17T17:00:00+08:00", "state_council_file")
    assert (sc.meta["发文机关"], sc.meta["发文字号"], sc.meta["成文日期"], sc.meta["主题分类"]) == (
        "国务院办公厅", "国办发〔2026〕26号", "2026年09月12日", "市场监管、安全生产监管\\安全生产监管")
    assert sc.paragraphs[-1].text == "（本文有删减）" and any(p.text.startswith("（一）严格生产企业准入许可审批") for p in sc.paragraphs)
    dept = parse_govcn((shared / GOV / "policy/2026-09-28_zhengce_zhengceku_202609_content_7082302.html").read_bytes(),
                       "https://www.gov.cn/zhengce/zhengceku/202609/content_7082302.htm")
    assert dept.generation == "department_file" and dept.meta["来源"] == "中国人民银行网站"
    assert dept.pub_date == date(2026, 9, 28) and dept.meta["manuscriptId"] == "7082302"
    texts = [p.text for p in dept.paragraphs]
    assert texts.count(texts[0]) == 1  # the mobile copy of the body (.pchide) is not read a second time


def sql_fragments(path) -> list[tuple[str, str]]:
    """(crawl_url, html) of every row of the SQL dump's ge_policy_raw table."""
    text = path.read_text()
    rows = []
    for stmt in text.split("insert into ge_policy_raw")[1:]:
        url = re.search(r"values \(\d+, '([^']+)'", stmt).group(1)
        start = stmt.index("'<div class=\"wrap\"")
        end = stmt.rindex("');")
        html = stmt[start + 1: end].rsplit("', ", 1)[0] if stmt[start + 1: end].count("', ") else stmt[start + 1: end]
        rows.append((url, html.replace("''", "'").replace("\\\\", "\\")))
    return rows


def test_all_sixty_2018_policy_fragments_parse(shared) -> None:
    rows = sql_fragments(shared / GOV / "fragments/2018-11_to_2019-02_ge_policy_raw20190217.sql")
    assert len(rows) == 60
    numbered = 0
    for url, html in rows:
        doc = parse_govcn(html.encode(), url)
        assert doc.title and doc.paragraphs, url
        assert doc.meta["发文机关"], url
        assert date(2018, 10, 1) <= doc.pub_date <= date(2019, 2, 28), (url, doc.pub_date)
        assert doc.generation == "policy_table_2018"
        numbered += bool(doc.meta.get("发文字号"))
    assert numbered >= 50


def test_search_api_response_enumerates_its_items(shared) -> None:
    page = parse_search((shared / GOV / "api/2026-09-30_sousuo_search-gov_data_type-gwyzcwjk_p1_n5.json").read_bytes())
    assert len(page.items) == 20 and {i.category for i in page.items} == {"gongwen", "bumenfile", "otherfile", "gongbao"}
    first = page.items[0]
    assert (first.title, first.published, first.pcode) == ("国务院办公厅关于发展体育赛事激发消费活力的意见", date(2026, 9, 30), "国办发〔2026〕28号")
    assert all(i.url.startswith("https://www.gov.cn/") for i in page.items)
    assert page.total_pages["gongwen"] == 1245  # 6221 items, 5 a page
    assert "p=3" in search_url(3, start=date(2026, 9, 1), end=date(2026, 9, 30)) and "mintime=2026-09-01" in search_url(3, start=date(2026, 9, 1))
    with pytest.raises(ValueError):
        parse_search(b'{"code": 500, "msg": "error"}')


@pytest.mark.parametrize("name,title,when,tables", [
    ("2015-01-21_tjsj_zxfb_201501_t20150121_671820.html", "2014年1-4季度我国GDP（国内生产总值）初步核算情况", "2015-01-21T09:30:00+08:00", 23),
    ("2016-03-12_tjsj_zxfb_201603_t20160312_1330113.html", "2016年1-2月份规模以上工业增加值增长5.4%", "2016-03-12T13:30:00+08:00", 74),
])
def test_stats_releases(shared, name: str, title: str, when: str, tables: int) -> None:
    doc = parse_stats((shared / "corpus/gov/stats.gov.cn/release" / name).read_bytes(), "http://www.stats.gov.cn/tjsj/zxfb/x.html")
    assert (doc.title, doc.published_at, doc.publisher, doc.meta["来源"]) == (title, when, "国家统计局", "国家统计局")
    assert sum(p.kind == "table_row" for p in doc.paragraphs) == tables


def test_an_anti_bot_challenge_is_blocked_not_content() -> None:
    challenge = (b"<html><head><script>var wzws_cid='3f8a';function wzwschallenge(){document.cookie='wzws_sid='+"
                 b"wzws_cid;location.reload();}</script></head><body onload='wzwschallenge()'></body></html>")
    with pytest.raises(ParseFailure) as err:
        parse_stats(challenge, "https://www.stats.gov.cn/sj/zxfb/202609/t20260915_1965308.html")
    assert err.value.reason == "blocked_anti_bot"


@pytest.mark.parametrize("name,url,template,title,published,editors", [
    ("people_js_20220213_c360307-35131671.gb2312.html", "http://js.people.com.cn/n2/2022/0213/c360307-35131671.html",
     "rm_txt", "江苏多地要求中高风险地区师生员工暂不返校", "2022-02-13T07:48:00+08:00", ["萧潇", "张妍"]),
    ("people_finance_20240510_c1004-40232587.html", "http://finance.people.com.cn/n1/2024/0510/c1004-40232587.html",
     "rm_txt", "在新时代中部地区崛起中争先出彩", "2024-05-10T06:58:00+08:00", ["胡永秋", "杨光宇"]),
    ("people_culture_20190615_c1013-31153719.html", "http://culture.people.com.cn/n1/2019/0615/c1013-31153719.html",
     "2016wb", "女儿出嫁，郑板桥画了几笔兰花当嫁妆", "2019-06-15T08:18:00+08:00", ["汤诗瑶", "丁涛"]),
    ("people_health_20240517_c14739-40237861.html", "http://health.people.com.cn/n1/2024/0517/c14739-40237861.html",
     "health", "关注青少年心理健康“心成长”服务项目启动", "2024-05-17T08:59:00+08:00", ["郝帅", "杨迪"]),
])
def test_people_portal_pages(shared, name, url, template, title, published, editors) -> None:
    doc = parse_people((shared / "corpus/rmrb/portal" / name).read_bytes(), url)
    assert (doc.generation, doc.title, doc.published_at, doc.editors) == (template, title, published, editors)
    assert doc.paragraphs and not any("分享让更多人看到" in p.text for p in doc.paragraphs)


def test_people_reprint_and_multi_page_links(shared) -> None:
    finance = parse_people((shared / "corpus/rmrb/portal/people_finance_20240510_c1004-40232587.html").read_bytes(),
                           "http://finance.people.com.cn/n1/2024/0510/c1004-40232587.html")
    assert finance.meta["reprint_of"] == "http://paper.people.com.cn/rmrb/html/2024-05/10/nw.D110000renmrb_20240510_2-04.htm"
    assert (finance.publisher, finance.pub_date, finance.page_no, finance.pre_title) == ("人民日报", date(2024, 5, 10), "04", "河南着力培育新动能塑造新优势")
    culture = parse_people((shared / "corpus/rmrb/portal/people_culture_20190615_c1013-31153719.html").read_bytes(),
                           "http://culture.people.com.cn/n1/2019/0615/c1013-31153719.html")
    pages = culture.meta["pages"].split()
    assert len(pages) == 4 and pages[1].endswith("-2.html")
    joined = join_pages(culture, [culture.__class__(url=pages[1], source="people", publisher="人民网", title="t",
                                                     paragraphs=list(culture.paragraphs[:2]))])
    assert "pages" not in joined.meta and len(joined.paragraphs) == 30

"""Mirror trees for the other sources, assembled in a temporary folder at test time from the real
pages in ../shared/corpus (never copied into the project) plus listings written here, shaped like
the real ones (STRUCTURE.md)."""

from __future__ import annotations

import json
import shutil
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from urllib.parse import unquote, urlsplit

from transforms.govcn_api import search_url

BEIJING = timezone(timedelta(hours=8))


def place(root: Path, url: str, data: bytes) -> Path:
    """Put `data` where the mirror serves `url` (query strings are part of the file name)."""
    parts = urlsplit(url)
    rel = parts.netloc + unquote(parts.path) + (("?" + unquote(parts.query)) if parts.query else "")
    target = root / rel
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    return target


def api_response(items: list[dict], page: int = 1, n: int = 50) -> bytes:
    """A search-gov/data response in the shape of the saved one (code, searchVO.catMap, paramsVO)."""
    cats = {c: {"totalCount": 0, "listVO": []} for c in ("gongwen", "bumenfile", "otherfile", "gongbao")}
    for it in items:
        day = datetime.fromisoformat(it["day"]).replace(hour=9, tzinfo=BEIJING)
        cats[it["cat"]]["listVO"].append({
            "id": it["id"], "title": it["title"], "url": it["url"], "pubtimeStr": day.strftime("%Y.%m.%d"),
            "pubtime": int(day.timestamp() * 1000), "ptime": 0, "pcode": it.get("pcode", ""),
            "puborg": it.get("puborg", ""), "childtype": "", "index": "", "summary": ""})
        cats[it["cat"]]["totalCount"] += 1
    return json.dumps({"code": 200, "msg": "操作成功", "data": None,
                       "searchVO": {"totalCount": len(items), "catMap": cats, "listVO": []},
                       "paramsVO": {"t": "zhengcelibrary", "p": page, "n": n, "type": "gwyzcwjk"}}, ensure_ascii=False).encode()


GOV_PAGES = {
    "2026-09-17": ("policy/2026-09-17_zhengce_content_202609_content_7081356.html",
                   "https://www.gov.cn/zhengce/content/202609/content_7081356.htm", "gongwen", "国务院办公厅关于进一步加强烟花爆竹全链条安全监管的意见"),
    "2026-09-28": ("policy/2026-09-28_zhengce_zhengceku_202609_content_7082302.html",
                   "https://www.gov.cn/zhengce/zhengceku/202609/content_7082302.htm", "bumenfile", "中国人民银行等八部门联合印发《关于金融支持服务业扩能提质的指导意见》"),
}


NEWS_URL = "https://www.gov.cn/yaowen/liebiao/202609/content_7081400.htm"


def govcn_news_page() -> bytes:
    """A 2023+ news release in the shape STRUCTURE.md §3b gives (h1, .pages-date with 来源, #UCAP-CONTENT);
    written here, no real news page was available."""
    return ('<!DOCTYPE html><html><head><meta charset="utf-8"><title>国务院常务会议部署推动消费扩容提质_滚动新闻_中国政府网</title>'
            '<meta name="firstpublishedtime" content="2026-09-17-20:15:00"></head><body><div class="article oneColumn pub_border">'
            '<h1 id="ti">国务院常务会议部署推动消费扩容提质</h1><div class="pages-date">2026-09-17 20:15 <span class="font">来源：新华社</span></div>'
            '<div class="pages_content" id="UCAP-CONTENT"><p>新华社北京9月17日电 国务院常务会议17日召开，部署推动消费扩容提质。</p>'
            '<p>会议指出，今年前8个月，社会消费品零售总额同比增长4.6%。</p></div></div></body></html>').encode()


def news_list(items: list[tuple[str, str, str]]) -> bytes:
    lis = "".join(f'<li><a href="{href}" target="_blank">{title}</a><span class="date">{day}</span></li>' for href, title, day in items)
    return f'<html><head><meta charset="utf-8"></head><body><div class="list list_1 list_2"><ul>{lis}</ul></div></body></html>'.encode()


def govcn_site(shared: Path, root: Path, first: date, last: date) -> Path:
    """www.gov.cn for the days first..last: one search page a day, the two real policy pages, and
    the news lists with one release of 2026-09-17."""
    place(root, NEWS_URL, govcn_news_page())
    place(root, "https://www.gov.cn/yaowen/liebiao/home.htm", news_list([
        ("./202609/content_7081400.htm", "国务院常务会议部署推动消费扩容提质", "2026-09-17"),
        ("./202609/content_7081200.htm", "更早的一条新闻", "2026-09-10")]))
    place(root, "https://www.gov.cn/lianbo/bumen/home.htm", news_list([
        ("./202609/content_7081100.htm", "更早的部门新闻", "2026-09-09")]))
    day = first
    while day <= last:
        items = []
        if day.isoformat() in GOV_PAGES:
            src, url, cat, title = GOV_PAGES[day.isoformat()]
            place(root, url, (shared / "corpus/gov/www.gov.cn" / src).read_bytes())
            items.append({"id": url[-12:-4], "title": title, "url": url, "cat": cat, "day": day.isoformat()})
        place(root, search_url(1, start=day, end=day), api_response(items))
        day += timedelta(days=1)
    return root


def copy_tree(src: Path, dst: Path) -> Path:
    shutil.copytree(src, dst, dirs_exist_ok=True)
    return dst


STATS_RELEASES = {
    "http://www.stats.gov.cn/tjsj/zxfb/201603/t20160312_1330113.html": "2016-03-12_tjsj_zxfb_201603_t20160312_1330113.html",
    "http://www.stats.gov.cn/tjsj/zxfb/201501/t20150121_671820.html": "2015-01-21_tjsj_zxfb_201501_t20150121_671820.html",
}


def stats_list_page(links: list[tuple[str, str, str]], next_page: str | None) -> bytes:
    """A ≤2022 release list page: ul.center_list_contlist of links with their dates, a next-page link."""
    items = "\n".join(
        f'<li><a href="{href}" target="_blank"><font class="cont_tit03">{title}</font></a>'
        f'<font class="cont_tit02">{day}</font></li>' for href, title, day in links)
    nxt = f'<a class="next-page" href="{next_page}">下一页</a>' if next_page else ""
    return (f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>最新发布</title></head><body>'
            f'<div class="center_list"><ul class="center_list_contlist">\n{items}\n</ul>{nxt}</div></body></html>').encode()


def stats_site(shared: Path, root: Path) -> Path:
    """/tjsj/zxfb/ with two list pages around 2016-03-12 and the two real releases."""
    for url, name in STATS_RELEASES.items():
        place(root, url, (shared / "corpus/gov/stats.gov.cn/release" / name).read_bytes())
    place(root, "http://www.stats.gov.cn/tjsj/zxfb/index.html", stats_list_page([
        ("./201603/t20160315_1331000.html", "2016年2月份国民经济运行情况", "2016-03-15"),
        ("./201603/t20160312_1330113.html", "2016年1-2月份规模以上工业增加值增长5.4%", "2016-03-12"),
        ("./201603/t20160310_1329800.html", "2016年2月份居民消费价格指数", "2016-03-10"),
    ], "index_1.html"))
    place(root, "http://www.stats.gov.cn/tjsj/zxfb/index_1.html", stats_list_page([
        ("./201501/t20150121_671820.html", "2014年1-4季度我国GDP初步核算情况", "2015-01-21")], None))
    return root


PEOPLE_PAGES = {
    "http://finance.people.com.cn/n1/2024/0510/c1004-40232587.html": "people_finance_20240510_c1004-40232587.html",
    "http://culture.people.com.cn/n1/2019/0615/c1013-31153719.html": "people_culture_20190615_c1013-31153719.html",
}


def channel_list_page(links: list[tuple[str, str]]) -> bytes:
    """A channel list page: headlines linking to /n1/YYYY/MMDD/c…html articles, with their dates."""
    items = "\n".join(f'<li><a href="{href}" target="_blank">{title}</a><em>{href.split("/n1/")[1][:9]}</em></li>'
                      for href, title in links)
    return (f'<html><head><meta charset="GB2312"><title>财经--人民网</title></head><body>'
            f'<div class="ej_list_box clear"><ul class="list_ej2">\n{items}\n</ul></div></body></html>').encode("gb18030")


def people_site(shared: Path, root: Path) -> Path:
    """Two channel lists, the real finance and culture pages, and the culture article's pages 2–4
    (page 1's template with a body of their own)."""
    for url, name in PEOPLE_PAGES.items():
        place(root, url, (shared / "corpus/rmrb/portal" / name).read_bytes())
    culture = (shared / "corpus/rmrb/portal/people_culture_20190615_c1013-31153719.html").read_text("utf-8")
    start, end = culture.index('<div class="box_con" id="rwb_zw">'), culture.index('<div class="zdfy clearfix">')
    for n in (2, 3, 4):
        body = f'<div class="box_con" id="rwb_zw"><p>\u3000\u3000第{n}页的正文。</p>'
        place(root, f"http://culture.people.com.cn/n1/2019/0615/c1013-31153719-{n}.html",
              (culture[:start] + body + culture[end:]).encode("utf-8"))
    place(root, "http://finance.people.com.cn/GB/70846/index.html", channel_list_page([
        ("/n1/2024/0511/c1004-40233000.html", "次日的一篇文章"),
        ("/n1/2024/0510/c1004-40232587.html", "在新时代中部地区崛起中争先出彩"),
        ("/n1/2024/0509/c1004-40231000.html", "前一日的一篇文章")]))
    place(root, "http://culture.people.com.cn/GB/87423/index.html", channel_list_page([
        ("/n1/2019/0615/c1013-31153719.html", "女儿出嫁，郑板桥画了几笔兰花当嫁妆"),
        ("/n1/2019/0614/c1013-31150000.html", "前一日的一篇文章")]))
    return root


def scio_page(title: str, published: str, paragraphs: list[str], links: str = "") -> bytes:
    """A www.scio.gov.cn detail page in the TRS shape of the other State Council sites (title h1,
    发布时间 line, body .TRS_Editor). Written here: no real SCIO page was available (STRUCTURE.md §10)."""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}_国务院新闻办公室网站</title></head><body>'
            f'<div class="detail"><h1>{title}</h1><div class="info">发布时间：{published}　来源：国务院新闻办公室网站</div>'
            f'<div class="TRS_Editor">{body}</div>{links}</div></body></html>').encode()


def scio_site(root: Path) -> Path:
    """The SCIO column with one conference on 2024-04-16 and its transcript."""
    conf = "https://www.scio.gov.cn/xwfb/gwyxwbgsxwfbh/wqfb_55300/202404/t20240416_842000.html"
    transcript = "https://www.scio.gov.cn/xwfb/gwyxwbgsxwfbh/wqfb_55300/202404/t20240416_842001.html"
    place(root, "https://www.scio.gov.cn/xwfb/gwyxwbgsxwfbh/index.html", (
        '<html><head><meta charset="utf-8"></head><body><ul class="list">'
        '<li><a href="./wqfb_55300/202404/t20240417_842100.html" title="次日的发布会">次日的发布会</a><span>2024-04-17</span></li>'
        '<li><a href="./wqfb_55300/202404/t20240416_842000.html" title="国新办举行2024年一季度国民经济运行情况新闻发布会">国新办举行2024年一季度国民经济运行情况新闻发布会</a><span>2024-04-16</span></li>'
        '<li><a href="./wqfb_55300/202404/t20240410_841000.html" title="更早的发布会">更早的发布会</a><span>2024-04-10</span></li>'
        '</ul></body></html>').encode())
    roster = ["发布人：国家统计局副局长、新闻发言人盛来运", "主持人：国务院新闻办新闻局副局长、新闻发言人寿小丽"]
    place(root, conf, scio_page("国新办举行2024年一季度国民经济运行情况新闻发布会", "2024-04-16 10:00",
                                roster + ["时间：2024年4月16日 10:00", "国家统计局介绍2024年一季度国民经济运行情况，并答记者问。"],
                                '<a href="./t20240416_842001.html">图文实录</a>'))
    place(root, transcript, scio_page("国新办举行2024年一季度国民经济运行情况新闻发布会图文实录", "2024-04-16 18:00", roster + [
        "寿小丽：女士们、先生们，大家上午好。欢迎出席国务院新闻办新闻发布会。",
        "盛来运：一季度，国内生产总值296299亿元，按不变价格计算，同比增长5.3%，比上年四季度环比增长1.6%。",
        "寿小丽：下面开始提问。",
        "盛来运：3月份，全国城镇调查失业率为5.2%，比上月下降0.1个百分点。"]))
    return root

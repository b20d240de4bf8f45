"""The sample e-paper site: one full day per generation, rendered from templates that follow
../shared/corpus/rmrb/STRUCTURE.md (G1 classic Founder, G2 swiper on html/, G3 pc/).

`pressroom demo` and the tests serve `pressroom/sample_site/` (built by
`python -m pressroom.samplesite DIR`). Tests also use `render_article` to place other texts,
such as the seed article, in a faithful page.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from datetime import date
from html import escape
from pathlib import Path

from pressroom.sample_articles import ARTICLES, SampleArticle
from transforms import rmrb_patterns as P

SAMPLE_SITE = Path(__file__).with_name("sample_site")
WEEKDAYS_CN = "一二三四五六日"
WEEKDAYS_EN = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]

#: The sample days: generation → (day, first G3 content id).
SAMPLE_DAYS: dict[str, date] = {"G1": date(2019, 6, 14), "G2": date(2024, 3, 27), "G3": date(2025, 1, 15)}
#: 版 number → (版名, indexes into ARTICLES, 本版责编 item text).
SAMPLE_PAGES: dict[str, tuple[str, list[int], str]] = {
    "01": ("要闻", [0, 1], "本版责编：王  斌  李晓晴  版式设计：沈亦伶"),
    "02": ("要闻", [2, 3], "本版责编：赵  成"),
    "03": ("经济", [4, 5], "本版责编：孙振宇  周  静"),
}
G3_FIRST_ID = 30070001


@dataclass(frozen=True)
class Placed:
    """Where an article sits in a day: its URL and its 版."""

    url: str
    page_no: str
    page_name: str
    index: int


def _cn_date(d: date) -> str:
    return f"{d:%Y}年{d:%m}月{d:%d}日"


def _print_line_g1(d: date, page: str) -> str:
    return f"《 人民日报 》（ {_cn_date(d)} {page} 版）"


def _print_line_g2(d: date, page: str) -> str:
    return f"《人民日报》（{_cn_date(d)} 第 {page} 版）"


def article_url(gen: str, d: date, page: str, n: int, serial: int = 0) -> str:
    """URL of the n-th article (1-based) of 版 `page`; G3 ids are a running `serial`."""
    if gen == "G3":
        return f"{P.BASE}/rmrb/pc/content/{d:%Y%m}/{d:%d}/content_{G3_FIRST_ID + serial}.html"
    return f"{P.BASE}/rmrb/html/{d:%Y-%m}/{d:%d}/nw.D110000renmrb_{d:%Y%m%d}_{n}-{page}.htm"


def plan_day(gen: str, d: date) -> dict[str, list[Placed]]:
    """The articles of each 版 on a sample day."""
    plan: dict[str, list[Placed]] = {}
    serial = 0
    for page, (name, idxs, _) in SAMPLE_PAGES.items():
        plan[page] = []
        for n, i in enumerate(idxs, 1):
            plan[page].append(Placed(article_url(gen, d, page, n, serial), page, name, i))
            serial += 1
    return plan


def _rel(url: str) -> str:
    """The relative href a layout page uses for an article URL."""
    if "/rmrb/pc/" in url:
        return "../../../content/" + url.split("/rmrb/pc/content/", 1)[1]
    return url.rsplit("/", 1)[1]


def _paragraph_html(a: SampleArticle, gen: str) -> str:
    out = []
    for i, text in enumerate(a.paragraphs):
        body = f"<strong>{escape(text)}</strong>" if i in a.subheadings else escape(text)
        indent = "" if i in a.subheadings else "\u3000\u3000"
        out.append(f"<P>{indent}{body}</P>" if gen == "G1" else f"<p>{indent}{body}</p>")
    return "\n".join(out)


def _caption_html(a: SampleArticle) -> str:
    if not a.caption:
        return ""
    return (
        '<table class="pci_c" width="100%"><tr><td align="center"><img src="../../../res/1.jpg" width="400"></td></tr>'
        f"<tr><td><p>{escape(a.caption)}</p></td></tr></table>"
    )


def render_article(
    gen: str, d: date, page: str, page_name: str, a: SampleArticle, *, extra_paragraphs: list[str] = ()
) -> str:
    """A whole article page of generation `gen` holding `a`."""
    paras = _paragraph_html(a, gen) + "".join(f"\n<p>{escape(t)}</p>" for t in extra_paragraphs)
    if gen == "G1":
        return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">\r
<html xmlns="http://www.w3.org/1999/xhtml">\r
<head>\r
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />\r
<title>{escape(a.title)}--人民日报</title>\r
<META name='catalogs' content='XTW_0009002'>\r
<link href="../../../tplimg/mulu_m1.css" rel="stylesheet" type="text/css" />\r
</head>\r
<body>\r
<div id="riqi_">人民日报 {_cn_date(d)} 星期{WEEKDAYS_CN[d.weekday()]}</div>\r
<div id="paperdatediv" style="display:none">{d.year}-{d:%B}-{d:%d}</div>\r
<div class="ban_t"><ul><li>{page}版:{page_name}</li><li><a href="nbs.D110000renmrb_{page}.htm">返回本版</a></li></ul></div>\r
<div class="text_c">\r
<h3>{escape(a.pre_title)}</h3>\r
<h1>{escape(a.title)}</h1>\r
<h2>{escape(a.subtitle)}</h2>\r
<h4>{escape(a.byline)}</h4>\r
<div class="lai">{_print_line_g1(d, page)}</div>\r
<div class="c_c" id="articleContent">\r
{_caption_html(a)}\r
<!--enpcontent--><div id="ozoom">\r
{paras}\r
</div><!--/enpcontent-->\r
</div>\r
</div>\r
<!--enpproperty <articleid>1</articleid><date>{d.isoformat()} 00:00:00:0</date><author>{escape(a.byline)}</author><title>{escape(a.title)}</title><subtitle>{escape(a.subtitle)}</subtitle><introtitle>{escape(a.pre_title)}</introtitle><siteid>1</siteid><nodeid>1</nodeid><nodename>{page}版</nodename>/enpproperty-->\r
<div id="articleContent" style="display:none"><div id="ozoom">{paras}</div></div>\r
</body>\r
</html>\r
"""
    return f"""\r
<!DOCTYPE html>\r
<html lang="en">\r
<head>\r
\t<meta http-equiv="Content-Type" content="text/html;charset=utf-8" />\r
\t<title>{escape(a.title)}</title>\r
\t<META name='catalogs' content='XTW_0009002'>\r
</head>\r
<body>\r
\t<div class="main w1000">\r
\t\t<div class="left paper-box">\r
\t\t\t<div class="paper-bot"><p class="left ban">\r
\t\t\t\t\t\t第{page}版：{page_name}\r
\t\t\t\t\t</p></div>\r
\t\t</div>\r
\t\t<div class="right right-main">\r
\t\t\t<div class="article-box">\r
\t\t\t\t<div class="article">\r
\t\t\t\t\t<h3>{escape(a.pre_title)}</h3>\r
\t\t\t\t\t<h1>{escape(a.title)}</h1>\r
\t\t\t\t\t<h2>{escape(a.subtitle)}</h2>\r
\t\t\t\t\t<p class="sec">{escape(a.byline)}<span class="date">{_print_line_g2(d, page)}</span></p>\r
\t\t\t\t\t{_caption_html(a)}\r
\t\t\t\t\t<div class="article-content"><div id="ozoom"><founder-content>\r
{paras}\r
</founder-content></div></div>\r
\t\t\t\t</div>\r
\t\t\t</div>\r
\t\t</div>\r
\t</div>\r
</body>\r
</html>\r
"""


def render_layout(gen: str, d: date, page: str, plan: dict[str, list[Placed]]) -> str:
    """A layout (版面) page of generation `gen`."""
    name, _, editors_item = SAMPLE_PAGES[page]
    arts = plan[page]
    items = [(_rel(p.url), ARTICLES[p.index].title) for p in arts] + [(_rel(arts[-1].url).replace(".htm", "_ze.htm"), editors_item)]
    if gen == "G1":
        page_list = "\r\n".join(
            f'<div class="right_title{1 if pn == "01" else 2}"><div class="right_title-name"><a id="pageLink" href="./nbs.D110000renmrb_{pn}.htm">第{pn}版：{pname}</a></div>'
            f'<div class="right_title-pdf"><a href="../../../page/{d:%Y-%m}/{d:%d}/{pn}/rmrb{d:%Y%m%d}{pn}.pdf"><img src="../../../img/pdf.gif" border="0"></a></div></div>'
            for pn, (pname, _, _) in SAMPLE_PAGES.items()
        )
        title_list = "\r\n".join(
            f'<li><a href={href}><script>document.write(view("{escape(title)}"))</script></a></li>' for href, title in items
        )
        areas = "".join(f'<Area coords="0,0,10,10" shape="polygon" href="{href}">' for href, _ in items[:-1])
        return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">\r
<html><head><meta charset=utf-8><title>人民日报-人民网</title>\r
<META name='catalogs' content='XTW_0009002'>\r
<link href="../../../tplimg/mulu_m1.css" rel="stylesheet" type="text/css" /></head>\r
<body>\r
<div id="riqi_">人民日报 {_cn_date(d)} 星期{WEEKDAYS_CN[d.weekday()]}</div>\r
<div id="paperdatediv" style="display:none">{d.year}-{d:%B}-{d:%d}</div>\r
<DIV id=ozoom><div class="list_t"><div class="list_l"><div class="l_t">{page}版:{name}</div></div></div>\r
<img src="../../../page/{d:%Y-%m}/{d:%d}/{page}/rmrb{d:%Y%m%d}{page}_b.jpg" usemap="#PagePicMap">\r
<map name=PagePicMap>{areas}</map></DIV>\r
<div id="pageList"><ul>\r
{page_list}\r
</ul></div>\r
<div id="titleList"><ul>\r
{title_list}\r
</ul></div>\r
<div class="ban_t"><ul><li>{page}版:{name}</li><li>PDF版下载</li><li>下一版</li></ul></div>\r
<input type="hidden" name="channelid" value="1921"><input type="hidden" name="nodename" value="{page}">\r
</body></html>\r
"""
    link = (lambda pn: f"node_{pn}.html") if gen == "G3" else (lambda pn: f"nbs.D110000renmrb_{pn}.htm")
    slides = "\r\n".join(
        f'\t\t\t\t\t\t\t<div class="swiper-slide">\r\n\t\t\t\t\t\t\t\t<a id="pageLink" href="{link(pn)}">{pn}版：{pname}</a>\r\n\t\t\t\t\t\t\t</div>'
        for pn, (pname, _, _) in SAMPLE_PAGES.items()
    )
    news = "\r\n".join(
        f"\t\t\t\t\t\t\t\t<li>\r\n\t\t\t\t\t\t\t\t\t<span>·</span>\r\n\t\t\t\t\t\t\t\t\t<a href=\"{href}\"> {escape(title)} </a>\r\n\t\t\t\t\t\t\t\t</li>"
        for href, title in items
    )
    areas = "".join(f'<Area coords="0,0,10,10" shape="polygon" href="{href}">' for href, _ in items[:-1])
    pdf = (
        f"../../../attachement/{d:%Y%m}/{d:%d}/5e1c0c7a-0000-4000-8000-0000000000{page}.pdf"
        if gen == "G3"
        else f"../../../images/{d:%Y-%m}/{d:%d}/{page}/rmrb{d:%Y%m%d}{page}.pdf"
    )
    return f"""\r
<!DOCTYPE html>\r
<html lang="en">\r
<head>\r
\t<meta http-equiv="Content-Type" content="text/html;charset=utf-8" />\r
\t\t<title>人民日报-人民网</title>\r
\t<META name='catalogs' content='XTW_0009002'>\r
</head>\r
<body>\r
\t\t<div class="main w1000">\r
\t\t\t<div class="left paper-box">\r
\t\t\t\t<div class="paper">\r
\t\t\t\t\t<MAP NAME="PagePicMap">{areas}</MAP>\r
\t\t\t\t</div>\r
\t\t\t\t<div class="paper-bot">\r
\t\t\t\t\t<p class="left ban">\r
\t\t\t\t\t\t第{page}版：{name}\r
\t\t\t\t\t</p>\r
\t\t\t\t\t<p class="right btn">\r
\t\t\t\t\t\t<a href="{pdf}">PDF下载</a>\r
\t\t\t\t\t</p>\r
\t\t\t\t</div>\r
\t\t\t</div>\r
\t\t\t<div class="right right-main">\r
\t\t\t\t<div class="date-box">\r
\t\t\t\t\t<p class="date left">\r
\t\t\t\t\t\t人民日报 <span class="newstime">{_cn_date(d)} {WEEKDAYS_EN[d.weekday()]}</span>\r
\t\t\t\t\t</p>\r
\t\t\t\t</div>\r
\t\t\t\t<div class="swiper-box">\r
\t\t\t\t\t<div class="swiper-container">\r
{slides}\r
\t\t\t\t\t</div>\r
\t\t\t\t</div>\r
\t\t\t\t<div class="news">\r
\t\t\t\t\t<ul class="news-list">\r
{news}\r
\t\t\t\t\t</ul>\r
\t\t\t\t</div>\r
\t\t\t</div>\r
\t\t</div>\r
</body>\r
</html>\r
"""


def _path(root: Path, url: str) -> Path:
    host_path = url.split("://", 1)[1]
    return root.joinpath(*host_path.split("/"))


def build_day(root: Path, gen: str, d: date) -> list[str]:
    """Write one sample day under root/<host>/<path>; return the article URLs."""
    plan = plan_day(gen, d)
    urls = []
    for page, placed in plan.items():
        scheme = "pc" if gen == "G3" else "html"
        out = _path(root, P.layout_url(d, page, scheme))
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(render_layout(gen, d, page, plan).encode("utf-8"))
        for p in placed:
            body = render_article(gen, d, page, p.page_name, ARTICLES[p.index])
            target = _path(root, p.url)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(body.encode("utf-8"))
            urls.append(p.url)
    return urls


def build(root: Path) -> None:
    """Write every sample day and the site's robots.txt."""
    robots = root / P.HOST / "robots.txt"
    robots.parent.mkdir(parents=True, exist_ok=True)
    robots.write_text("User-agent: *\nDisallow: /rmrb/pad/\n")
    for gen, d in SAMPLE_DAYS.items():
        build_day(root, gen, d)


if __name__ == "__main__":
    build(Path(sys.argv[1]) if len(sys.argv) > 1 else SAMPLE_SITE)

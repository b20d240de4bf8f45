"""People's Daily e-paper: URL schemes, generations, selectors and text patterns, as data.

Everything site-specific that the rmrb parsers and spider look for lives here (see
../shared/corpus/rmrb/STRUCTURE.md for where each comes from).
"""

from __future__ import annotations

import re
from datetime import date

from transforms.text import calendar_day

HOST = "paper.people.com.cn"
BASE = f"http://{HOST}"
PUBLISHER = "人民日报"
SOURCE = "rmrb"

#: First day of the rmrb/pc/ URL scheme (G3).
PC_SCHEME_FROM = date(2024, 12, 1)
#: Approximate first day of the swiper DOM on rmrb/html/ URLs (G2); the parser detects DOMs by
#: content, this date only names the generation expected for a day.
SWIPER_DOM_FROM = date(2020, 7, 1)

# -- URLs ---------------------------------------------------------------------------------------

HTML_LAYOUT = BASE + "/rmrb/html/{d:%Y-%m}/{d:%d}/nbs.D110000renmrb_{page}.htm"
PC_LAYOUT = BASE + "/rmrb/pc/layout/{d:%Y%m}/{d:%d}/node_{page}.html"

URL_PATTERNS: dict[str, re.Pattern[str]] = {
    "html_layout": re.compile(r"/rmrb/html/(\d{4})-(\d{2})/(\d{2})/nbs\.D110000renmrb_(\d{2})\.htm$"),
    "html_article": re.compile(r"/rmrb/html/(\d{4})-(\d{2})/(\d{2})/nw\.D110000renmrb_(\d{8})_(\d+)-(\d{2})\.htm$"),
    "pc_layout": re.compile(r"/rmrb/pc/layout/(\d{4})(\d{2})/(\d{2})/node_(\d{2})\.html$"),
    "pc_article": re.compile(r"/rmrb/pc/content/(\d{4})(\d{2})/(\d{2})/content_(\d+)\.html$"),
}


def expected_scheme(day: date) -> str:
    """The URL scheme a day should use: 'pc' from 2024-12-01, 'html' before.

    >>> expected_scheme(date(2024, 11, 30)), expected_scheme(date(2024, 12, 1))
    ('html', 'pc')
    """
    return "pc" if day >= PC_SCHEME_FROM else "html"


def layout_url(day: date, page: str = "01", scheme: str | None = None) -> str:
    """The layout (版面) URL of `page` on `day`.

    >>> layout_url(date(2024, 3, 27))
    'http://paper.people.com.cn/rmrb/html/2024-03/27/nbs.D110000renmrb_01.htm'
    >>> layout_url(date(2024, 12, 25), "03")
    'http://paper.people.com.cn/rmrb/pc/layout/202412/25/node_03.html'
    """
    template = PC_LAYOUT if (scheme or expected_scheme(day)) == "pc" else HTML_LAYOUT
    return template.format(d=day, page=page)


def classify_url(url: str) -> tuple[str, date | None, str | None]:
    """Return (kind, day, page_no) for an e-paper URL; kind is layout, article or other.

    >>> classify_url("http://paper.people.com.cn/rmrb/html/2024-03/27/nw.D110000renmrb_20240327_1-03.htm")
    ('article', datetime.date(2024, 3, 27), '03')
    >>> classify_url("http://paper.people.com.cn/rmrb/pc/layout/202412/25/node_20.html")
    ('layout', datetime.date(2024, 12, 25), '20')
    >>> classify_url("http://paper.people.com.cn/rmrb/pc/layout/202413/25/node_20.html")  # no such day
    ('other', None, None)
    """
    path = url.split("?", 1)[0]
    for name, pat in URL_PATTERNS.items():
        m = pat.search(path)
        if not m:
            continue
        day = calendar_day(*m.group(1, 2, 3))
        if day is None:
            continue
        kind = name.split("_", 1)[1]
        page = m.group(4) if name == "pc_layout" or name == "html_layout" else None
        if name == "html_article":
            page = m.group(6)
        return kind, day, page
    return "other", None, None


# -- Layout pages ------------------------------------------------------------------------------

#: Per DOM family: where the issue's 版 links, this 版's articles, its name, date and PDF sit.
LAYOUT_SELECTORS: dict[str, dict[str, str]] = {
    "swiper": {  # G2 (html/ URLs, 2020-07 … 2024-11) and G3 (pc/ URLs, 2024-12 …)
        "detect": ".swiper-container .swiper-slide",
        "page_links": ".swiper-container .swiper-slide a",
        "article_links": ".news ul.news-list li a, ul.news-list li a",
        "map_links": "map[name=PagePicMap] area",
        "page_name": ".paper-bot p.ban",
        "date": ".date-box .newstime, p.date",
        "pdf": ".paper-bot p.btn a",
    },
    "classic": {  # G1 (html/ URLs, up to ~2020-06)
        "detect": "#pageList, #titleList",
        "page_links": "#pageList a#pageLink, #pageList .right_title-name a",
        "article_links": "#titleList li a",
        "map_links": "map[name=PagePicMap] area",
        "page_name": "#ozoom .l_t, .l_t",
        "date": "#riqi_",
        "pdf": "#pageList .right_title-pdf a",
    },
}

PAGE_LINK_TEXT = re.compile(r"第?\s*(\d{1,2})\s*版\s*[:：]\s*(.*)")
#: G1 layout anchors carry their title in document.write(view("…")).
VIEW_CALL = re.compile(r"""view\(\s*["'](.*?)["']\s*\)""", re.S)
#: Layout list items that are not articles but the 版's editors.
EDITORS_ITEM = re.compile(r"^\s*本版责编\s*[:：]\s*(.*)$")
#: Labels that end a 责编 name list ("本版责编：张三  李四  版式设计：王五").
EDITORS_STOP = re.compile(r"\s*(?:版式设计|美编|图片编辑|制图)\s*[:：].*$")

# -- Article pages -----------------------------------------------------------------------------

ARTICLE_SELECTORS: dict[str, dict[str, str]] = {
    "swiper": {
        "detect": ".article",
        "pre_title": ".article > h3",
        "title": ".article > h1",
        "subtitle": ".article > h2",
        "byline": ".article > p.sec",
        "date": ".article p.sec .date, .article .date",
        "body": "#ozoom",
        "page_name": ".paper-bot p.ban",
        "captions": "table.pci_c",
    },
    "classic": {
        "detect": ".text_c",
        "pre_title": ".text_c > h3",
        "title": ".text_c > h1",
        "subtitle": ".text_c > h2",
        "byline": ".text_c > h4",
        "date": ".text_c .lai, .lai",
        "body": "#articleContent, #ozoom",
        "page_name": ".ban_t li, .l_t",
        "captions": "table.pci_c",
    },
}

#: "《 人民日报 》( 2024年03月27日 03 版)" and "《人民日报》（2024年01月07日 第 01 版）".
PRINT_LINE = re.compile(
    r"《\s*人民日报\s*》\s*[（(]\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*(?:第\s*)?(\d{1,2})\s*版\s*[）)]"
)
#: "(责编:牛镛、岳弘彬)" as a paragraph or block of its own.
EDITORS_LINE = re.compile(r"^[（(]\s*责编\s*[:：]\s*(.+?)\s*[）)]$")
#: A trailing column tag on a title: "多措并举推动经济持续回升向好(权威发布)".
TITLE_TAG = re.compile(r"^(.+?)\s*[（(]([^（）()]{2,20})[）)]\s*$")
#: A short paragraph without closing punctuation reads as an in-body sub-heading.
SUBHEADING_MAX_CHARS = 40
SENTENCE_END = tuple("。！？；：…!?;:")

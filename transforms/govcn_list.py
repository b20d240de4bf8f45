"""www.gov.cn news list pages (要闻, 部门联播): each item's link and the day printed beside it."""

from __future__ import annotations

from urllib.parse import urljoin

from transforms import govcn_patterns as P
from transforms.select import DatedLink, page_tree, text_of
from transforms.text import calendar_day, clean


def list_page_url(root: str, n: int) -> str:
    """Page n (0 = first) of a news list.

    >>> list_page_url("https://www.gov.cn/yaowen/liebiao/", 0), list_page_url("https://www.gov.cn/yaowen/liebiao/", 2)
    ('https://www.gov.cn/yaowen/liebiao/home.htm', 'https://www.gov.cn/yaowen/liebiao/home_2.htm')
    """
    return f"{root}home.htm" if n == 0 else f"{root}home_{n}.htm"


def parse_news_list(body: bytes, url: str, content_type: str | None = None) -> list[DatedLink]:
    """Items of a list page: an <li> holding a link to a news page and a YYYY-MM-DD date."""
    tree = page_tree(body, content_type)
    out: list[DatedLink] = []
    for li in tree.xpath("//li[.//a[@href]]"):
        m = P.LIST_DATE.search(clean(text_of(li)))
        a = li.xpath(".//a[@href]")[0]
        link = urljoin(url, a.get("href").strip())
        day = calendar_day(*m.groups()) if m else None
        if day and P.URL_KINDS["news"].search(link.split("?")[0]):
            out.append(DatedLink(link, clean(text_of(a)), day))
    return out

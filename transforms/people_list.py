"""people.com.cn channel list pages: the article links of a page, each with the day its URL carries
(/n1/YYYY/MMDD/c<catalog>-<id>.html), and the next page (index2.html, index3.html …)."""

from __future__ import annotations

import re

from transforms.select import DatedLink, links_dated_by_url

#: Channel list pages crawled by default: 财经 (finance), 时政 (politics), 经济·科技 (economy).
CHANNELS = (
    "http://finance.people.com.cn/GB/70846/",
    "http://politics.people.com.cn/GB/1024/",
    "http://finance.people.com.cn/GB/153179/",
)
ARTICLE_URL = re.compile(r"^https?://[a-z0-9.]*people\.com\.cn/n[12]/(?P<y>\d{4})/(?P<m>\d{2})(?P<d>\d{2})/c\d+-\d+\.html$")


def page_url(root: str, n: int) -> str:
    """Page n (1 = the first) of a channel list.

    >>> page_url("http://finance.people.com.cn/GB/70846/", 1), page_url("http://finance.people.com.cn/GB/70846/", 3)
    ('http://finance.people.com.cn/GB/70846/index.html', 'http://finance.people.com.cn/GB/70846/index3.html')
    """
    return f"{root}index.html" if n == 1 else f"{root}index{n}.html"


def parse_list(body: bytes, url: str, content_type: str | None = None) -> list[DatedLink]:
    """Article links of a channel list page (continuation pages …-2.html do not match ARTICLE_URL)."""
    return links_dated_by_url(body, url, ARTICLE_URL, content_type)

"""国家统计局 release lists (/tjsj/zxfb/ up to 2022, /sj/zxfb/ since): the release links of a list
page, each with the day its URL carries, and the URL of the next list page."""

from __future__ import annotations

import re
from datetime import date

from transforms.select import DatedLink, links_dated_by_url

HOST = "www.stats.gov.cn"
LISTS = {"tjsj": f"http://{HOST}/tjsj/zxfb/", "sj": f"https://{HOST}/sj/zxfb/"}
#: Up to this day releases live under /tjsj/zxfb/, after it under /sj/zxfb/.
OLD_SCHEME_UNTIL = date(2022, 12, 31)
RELEASE_URL = re.compile(r"/(?:tjsj|sj)/zxfb/\d{6}/t(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})_\d+\.html?$")


def list_roots(first: date, last: date) -> list[str]:
    """The list roots that cover a date range.

    >>> list_roots(date(2016, 3, 1), date(2016, 3, 31))
    ['http://www.stats.gov.cn/tjsj/zxfb/']
    >>> len(list_roots(date(2022, 12, 1), date(2023, 1, 31)))
    2
    """
    roots = []
    if first <= OLD_SCHEME_UNTIL:
        roots.append(LISTS["tjsj"])
    if last > OLD_SCHEME_UNTIL:
        roots.append(LISTS["sj"])
    return roots


def page_url(root: str, n: int) -> str:
    """List page n (0 = the first) under a root, in the TRS paging scheme (index.html, index_1.html …).

    >>> page_url("https://www.stats.gov.cn/sj/zxfb/", 2)
    'https://www.stats.gov.cn/sj/zxfb/index_2.html'
    """
    return f"{root}index.html" if n == 0 else f"{root}index_{n}.html"


def parse_list(body: bytes, url: str, content_type: str | None = None) -> list[DatedLink]:
    """The releases a list page links to, with the day from their URL."""
    return links_dated_by_url(body, url, RELEASE_URL, content_type)

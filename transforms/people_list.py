"""people.com.cn channel list pages: the article links of a page, each with the day its URL carries
(/n1/YYYY/MMDD/c<catalog>-<id>.html), and the next page (index2.html, index3.html …)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from urllib.parse import urljoin

from lxml import html as lxml_html

from transforms.encoding import decode_html
from transforms.text import clean

#: Channel list pages crawled by default: 财经 (finance), 时政 (politics), 经济·科技 (economy).
CHANNELS = (
    "http://finance.people.com.cn/GB/70846/",
    "http://politics.people.com.cn/GB/1024/",
    "http://finance.people.com.cn/GB/153179/",
)
ARTICLE_URL = re.compile(r"^https?://[a-z0-9.]*people\.com\.cn/n[12]/(\d{4})/(\d{2})(\d{2})/c\d+-\d+\.html$")


@dataclass(frozen=True)
class ListedArticle:
    url: str
    title: str
    day: date


def page_url(root: str, n: int) -> str:
    """Page n (1 = the first) of a channel list.

    >>> page_url("http://finance.people.com.cn/GB/70846/", 1), page_url("http://finance.people.com.cn/GB/70846/", 3)
    ('http://finance.people.com.cn/GB/70846/index.html', 'http://finance.people.com.cn/GB/70846/index3.html')
    """
    return f"{root}index.html" if n == 1 else f"{root}index{n}.html"


def parse_list(body: bytes, url: str, content_type: str | None = None) -> list[ListedArticle]:
    """Article links of a channel list page (continuation pages -2.html … are not articles)."""
    _, text = decode_html(body, content_type)
    tree = lxml_html.fromstring(text or "<html/>")
    out: list[ListedArticle] = []
    seen: set[str] = set()
    for a in tree.xpath("//a[@href]"):
        link = urljoin(url, a.get("href").strip())
        m = ARTICLE_URL.match(link)
        if not m or link in seen:  # continuation pages (…-2.html) do not match ARTICLE_URL
            continue
        seen.add(link)
        out.append(ListedArticle(link, clean(a.text_content()), date(int(m.group(1)), int(m.group(2)), int(m.group(3)))))
    return out

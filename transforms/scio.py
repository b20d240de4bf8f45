"""国务院新闻办公室 (SCIO) press-conference pages and their 图文实录 transcripts, and the column lists
that link them (../shared/corpus/gov/STRUCTURE.md §5; the 2022+ www.scio.gov.cn/xwfb/ scheme).
The conference page names the 发布人 (speakers, titles, agencies); the transcript gives each
statement after its speaker's name, which the extractor follows."""

from __future__ import annotations

import re
from datetime import date
from urllib.parse import urljoin

from transforms.govcn import body_blocks
from transforms.pageindex import PageIndex
from transforms.records import Document, ParseFailure
from transforms.select import (
    DatedLink,
    class_xpath,
    id_xpath,
    links_dated_by_url,
    page_tree,
    strip_tags,
    text_of,
    xpath,
)
from transforms.text import beijing_time, calendar_day, clean

HOST = "www.scio.gov.cn"
SOURCE = "scio"
PUBLISHER = "国务院新闻办公室"
#: The State Council Information Office's own press conferences.
COLUMN = f"https://{HOST}/xwfb/gwyxwbgsxwfbh/"
ITEM_URL = re.compile(r"/xwfb/[a-z0-9_/]+/\d{6}/t(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})_\d+\.html?$")
BODY = (class_xpath("TRS_Editor", "trs_editor_view", "TRS_UEDITOR"), id_xpath("content"), '//div[contains(@class, "article")]')
PUBLISHED = re.compile(r"(?:发布时间|时间)[:：]\s*(\d{4})-(\d{2})-(\d{2})(?:\s+(\d{2}):(\d{2}))?")


def list_page_url(n: int, column: str = COLUMN) -> str:
    """Page n (0 = first) of a column, TRS paging.

    >>> list_page_url(0), list_page_url(2)
    ('https://www.scio.gov.cn/xwfb/gwyxwbgsxwfbh/index.html', 'https://www.scio.gov.cn/xwfb/gwyxwbgsxwfbh/index_2.html')
    """
    return f"{column}index.html" if n == 0 else f"{column}index_{n}.html"


def parse_list(body: bytes, url: str) -> list[DatedLink]:
    """The conferences a column page links to, with the day from their URL."""
    return links_dated_by_url(body, url, ITEM_URL)


def parse_scio(body: bytes, url: str, content_type: str | None = None) -> Document:
    """A conference page or its transcript. meta['transcript'] links the transcript when the page
    has one; meta['page_kind'] is conference or transcript."""
    tree = page_tree(body, content_type)
    strip_tags(tree, "script", "style")
    page = PageIndex(tree)
    root = next((f[0] for xp in BODY if (f := page.xpath(xp))), None)
    if root is None:
        raise ParseFailure("unknown_scio_template", "no .TRS_Editor, #content or .article body")
    title = clean(" ".join(xpath("//h1[1]//text()")(tree))) or clean(" ".join(xpath("//title//text()")(tree))).split("_")[0]
    if not title:
        raise ParseFailure("no_title", "no h1 or title")
    paragraphs = body_blocks(root)
    if not paragraphs:
        raise ParseFailure("empty_body", "the page body holds no text")
    meta = {"page_kind": "transcript" if "实录" in title else "conference"}
    for a in xpath("//a[@href]")(tree):
        if "实录" in clean(text_of(a)) and meta["page_kind"] == "conference":
            meta["transcript"] = urljoin(url, a.get("href"))
    m = PUBLISHED.search(clean(text_of(tree)))
    um = ITEM_URL.search(url)
    published = None
    if m:
        published = beijing_time(*m.groups())
    pub_date = date.fromisoformat(published[:10]) if published else (
        calendar_day(um["y"], um["m"], um["d"]) if um else None)
    return Document(url=url, source=SOURCE, publisher=PUBLISHER, title=title, pub_date=pub_date, paragraphs=paragraphs,
                    published_at=published, meta=meta, generation=meta["page_kind"])

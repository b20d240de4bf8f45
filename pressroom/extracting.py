"""`pressroom extract`: one saved page (any supported source) or a plain-text article in, the
document and its facts out as SCHEMA.md records. Reads the file; the parsing is transforms/'s."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from transforms import rmrb_patterns as P
from transforms.encoding import decode_html
from transforms.extract import Extraction, extract
from transforms.generic_html import html_to_text
from transforms.plaintext import looks_like_html, parse_text
from transforms.govcn import parse_govcn
from transforms.people import parse_people
from transforms.records import Document, ParseFailure
from transforms.rmrb_article import parse_article
from transforms.scio import parse_scio
from transforms.stats import parse_stats
from transforms.text import calendar_day

#: Page parsers by source; sources without one are read by the generic HTML reader.
PAGE_PARSERS = {"govcn": parse_govcn, "stats": parse_stats, "people": parse_people, "scio": parse_scio}

PAGE_DATE = re.compile(
    r"(?:name=[\"']?publishdate[\"']?\s+content=[\"']?|(?:发布时间|发布日期|发文日期|时间)[:：]\s*(?:<[^>]+>\s*)*)"
    r"(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})"
)
SOURCES_BY_HOST = {"paper.people.com.cn": "rmrb", "people.com.cn": "people", "www.gov.cn": "govcn",
                   "stats.gov.cn": "stats", "scio.gov.cn": "scio"}


def page_date(html_text: str) -> date | None:
    """The publication date a page declares (meta publishdate, 发布时间/发布日期)."""
    m = PAGE_DATE.search(html_text)
    return calendar_day(m.group(1), m.group(2), m.group(3)) if m else None


def source_of(url: str | None) -> str:
    host = re.sub(r"^https?://", "", url or "").split("/")[0]
    return next((s for h, s in SOURCES_BY_HOST.items() if host.endswith(h)), "text")


def read_document(data: bytes, *, url: str | None = None, source: str | None = None,
                  pub_date: date | None = None) -> tuple[Document, str]:
    """A Document from saved bytes: e-paper pages by their parser, other HTML through the generic
    reader, text as text. Returns (document, how it was read)."""
    source = source or source_of(url)
    if looks_like_html(data):
        if url and P.classify_url(url)[0] == "article":
            try:
                return parse_article(data, url), "rmrb_article"
            except ParseFailure:
                pass
        if source in PAGE_PARSERS:
            try:
                doc = PAGE_PARSERS[source](data, url or "")
                doc.pub_date = doc.pub_date or pub_date
                return doc, source
            except ParseFailure:
                pass
        _, html_text = decode_html(data)
        doc = parse_text(html_to_text(data), url=url, source=source, pub_date=pub_date or page_date(html_text))
        return doc, "generic_html"
    text = data.decode("utf-8", errors="replace")
    return parse_text(text, url=url, source=source, pub_date=pub_date), "text"


def looks_binary(data: bytes) -> bool:
    """NUL bytes, or text that is mostly undecodable: not a page or an article.

    >>> looks_binary(b"\\x00\\x01\\x02"), looks_binary("正文。".encode())
    (True, False)
    """
    head = data[:8192]
    if b"\x00" in head:
        return True
    text = head.decode("utf-8", errors="replace")
    if text.count("\ufffd") <= len(text) // 20:
        return False
    return head.decode("gb18030", errors="replace").count("\ufffd") > len(text) // 20


def extract_file(path: str | Path, *, url: str | None = None, source: str | None = None,
                 pub_date: date | None = None) -> Extraction:
    data = Path(path).read_bytes()
    if looks_binary(data):
        empty = Extraction(Document(url=url or "", source=source or source_of(url), publisher="", title=""))
        empty.problems.append(f"binary_input: {Path(path).name} is neither text nor HTML")
        return empty
    doc, how = read_document(data, url=url, source=source, pub_date=pub_date)
    result = extract(doc)
    if not doc.paragraphs:
        result.problems.append(f"no_paragraphs: nothing readable in {Path(path).name} ({how})")
    return result

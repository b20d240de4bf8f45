"""Typed records that leave the parsers: layout pages, documents, parse failures."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any, Literal

ParagraphKind = Literal["body", "subheading", "table_row"]


class ParseFailure(Exception):
    """A page that could not be parsed; `reason` is a short stable code, `detail` says what was seen.

    >>> str(ParseFailure("no_title", "no h1 in .article"))
    'no_title: no h1 in .article'
    """

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail


@dataclass(frozen=True, slots=True)
class Paragraph:
    text: str
    kind: ParagraphKind = "body"


@dataclass(frozen=True, slots=True)
class PageLink:
    """One 版 of an issue as listed on a layout page."""

    url: str
    page_no: str
    page_name: str


@dataclass(frozen=True, slots=True)
class ArticleLink:
    url: str
    title: str


@dataclass(slots=True)
class LayoutPage:
    """A 版面 page: the issue's 版 list, this 版's articles, and its 本版责编 when listed."""

    url: str
    generation: str
    issue_date: date | None
    page_no: str | None
    page_name: str | None
    pages: list[PageLink] = field(default_factory=list)
    articles: list[ArticleLink] = field(default_factory=list)
    editors: list[str] = field(default_factory=list)
    pdf_url: str | None = None


@dataclass(slots=True)
class ArticleHint:
    """What the 版's layout page knows about an article; the day parser passes it in."""

    page_no: str | None = None
    page_name: str | None = None
    editors: list[str] = field(default_factory=list)
    listed_title: str | None = None


@dataclass(slots=True)
class Document:
    url: str
    source: str
    publisher: str
    title: str
    pub_date: date | None = None
    page_no: str | None = None
    page_name: str | None = None
    pre_title: str | None = None
    title_tag: str | None = None
    subtitle: str | None = None
    byline: str | None = None
    paragraphs: list[Paragraph] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    editors: list[str] = field(default_factory=list)
    print_line: str | None = None
    generation: str | None = None
    published_at: str | None = None  # the page's own publication time, ISO 8601 with +08:00 when known
    meta: dict[str, str] = field(default_factory=dict)  # page metadata: 发文机关, 发文字号, 来源, reprint_of …

    @property
    def body_text(self) -> str:
        return "\n".join(p.text for p in self.paragraphs)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["pub_date"] = self.pub_date.isoformat() if self.pub_date else None
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Document:
        d = dict(d)
        d["pub_date"] = date.fromisoformat(d["pub_date"]) if d.get("pub_date") else None
        d["paragraphs"] = [Paragraph(**p) for p in d.get("paragraphs", [])]
        return cls(**d)

    @property
    def content_sha256(self) -> str:
        """A hash of everything parsed: equal hashes mean a reload changes nothing."""
        blob = json.dumps(self.to_dict(), ensure_ascii=False, sort_keys=True).encode()
        return hashlib.sha256(blob).hexdigest()

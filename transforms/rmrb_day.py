"""Parse a whole landed e-paper day: layout pages first (they give each article its 版名 and 本版责编),
then every article. Pure: pages in, documents and failures out."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from transforms.records import ArticleHint, Document, ParseFailure
from transforms.rmrb_article import parse_article
from transforms.rmrb_layout import parse_layout


@dataclass(frozen=True, slots=True)
class RawPage:
    url: str
    kind: str  # layout | article
    body: bytes
    content_type: str | None = None


@dataclass(frozen=True, slots=True)
class Failure:
    url: str
    reason: str
    detail: str


@dataclass(slots=True)
class DayParse:
    documents: list[Document] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    layouts: int = 0


def _guard(fn, page: RawPage, *args):  # type: ignore[no-untyped-def]
    """Run a parser; turn any exception into a recorded failure instead of a crash."""
    try:
        return fn(page.body, page.url, page.content_type, *args), None
    except ParseFailure as exc:
        return None, Failure(page.url, exc.reason, exc.detail)
    except Exception as exc:  # a parser bug must not lose the rest of the day
        return None, Failure(page.url, "parser_error", f"{type(exc).__name__}: {exc}")


def parse_day(pages: Iterable[RawPage]) -> DayParse:
    """Parse a day's landed pages into documents, recording every page that fails."""
    pages = list(pages)
    out = DayParse()
    hints: dict[str, ArticleHint] = {}
    for page in (p for p in pages if p.kind == "layout"):
        layout, failure = _guard(parse_layout, page)
        if failure:
            out.failures.append(failure)
            continue
        out.layouts += 1
        for art in layout.articles:
            hints[art.url] = ArticleHint(layout.page_no, layout.page_name, list(layout.editors), art.title or None)
    for page in (p for p in pages if p.kind == "article"):
        doc, failure = _guard(parse_article, page, hints.get(page.url))
        if failure:
            out.failures.append(failure)
        else:
            out.documents.append(doc)
    return out

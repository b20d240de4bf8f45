"""Parse a landed day of a source whose pages stand alone (www.gov.cn, 国家统计局, people.com.cn):
every article page through the source's page parser; list and API pages are only for links.
Pure: pages in, documents and failures out."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from urllib.parse import urldefrag

from transforms.people import join_pages
from transforms.records import Document
from transforms.rmrb_day import DayParse, Failure, RawPage, _guard

PageParser = Callable[[bytes, str, str | None], Document]


def parse_pages_day(pages: Iterable[RawPage], parser: PageParser) -> DayParse:
    """Documents of the day's article pages; continuation pages (kind 'article_page') are joined to
    the article that lists them in meta['pages']."""
    pages = list(pages)
    out = DayParse()
    continuations: dict[str, Document] = {}
    for page in (p for p in pages if p.kind == "article_page"):
        doc, failure = _guard(parser, page)
        if doc is not None:
            continuations[urldefrag(page.url)[0]] = doc
        elif failure:
            out.failures.append(failure)
    for page in (p for p in pages if p.kind == "article"):
        doc, failure = _guard(parser, page)
        if failure:
            out.failures.append(failure)
            continue
        rest = [continuations[u] for u in doc.meta.get("pages", "").split() if u in continuations and u != page.url]
        out.documents.append(join_pages(doc, rest) if rest or "pages" in doc.meta else doc)
    return out


def parser_for(parser: PageParser) -> Callable[[Iterable[RawPage]], DayParse]:
    """A day parser for `parser`, in the shape sources.SourceSpec wants."""
    return lambda pages: parse_pages_day(pages, parser)


__all__ = ["parse_pages_day", "parser_for", "Failure"]

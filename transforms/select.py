"""parsel helpers shared by the page parsers."""

from __future__ import annotations

from parsel import Selector

from transforms.encoding import decode_html
from transforms.records import ParseFailure
from transforms.text import clean


def first_text(sel: Selector, css: str) -> str | None:
    """Cleaned text of the first element matching `css` (a selector list), or None.

    >>> first_text(Selector(text="<div class=a> x <b>y</b></div><div class=a>z</div>"), ".b, .a")
    'x y'
    """
    found = sel.css(css)
    if not found:
        return None
    return clean(" ".join(found[0].css("::text").getall())) or None


def dom_family(sel: Selector, table: dict[str, dict[str, str]]) -> str | None:
    """Which DOM family in `table` the page belongs to (the first whose `detect` selector matches)."""
    for family, selectors in table.items():
        if sel.css(selectors["detect"]):
            return family
    return None


def open_page(body: bytes, content_type: str | None, table: dict[str, dict[str, str]], what: str) -> tuple[Selector, str]:
    """Decode a page and find its DOM family in `table`; ParseFailure unknown_<what>_template if none."""
    _, text = decode_html(body, content_type)
    sel = Selector(text=text)
    family = dom_family(sel, table)
    if family is None:
        tried = " / ".join(t["detect"] for t in table.values())
        raise ParseFailure(f"unknown_{what}_template", f"none of {tried} found")
    return sel, family

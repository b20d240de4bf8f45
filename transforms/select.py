"""lxml and parsel helpers shared by the page parsers."""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from urllib.parse import urljoin

from lxml import etree
from lxml import html as lxml_html
from parsel import css2xpath

from transforms.encoding import decode_html, decode_page, utf8_as_is
from transforms.records import ParseFailure
from transforms.text import calendar_day, clean

#: libxml2's HTML parser handing out plain elements: lxml.html's own parser looks a Python class up
#: for every element it gives out, which on a page of big tables costs more than the parse.
#: lxml serialises a parser's use across threads. collect_ids=False: libxml2 keeps no table of the
#: id attributes (nothing here asks for id(); 15 % of the parse of a page of big tables).
PARSER = etree.HTMLParser(collect_ids=False)
#: What lxml.html takes for a whole page rather than a fragment.
WHOLE_PAGE = re.compile(r"^\s*<(?:html|!doctype)", re.IGNORECASE)

#: PARSER for a page's own UTF-8 bytes, one per thread (utf8_parser)
_THREAD = threading.local()


def html_tree(text: str, utf8: bytes | None = None) -> etree._Element:
    """The lxml tree of a page's text, as lxml.html reads it; a page with no element at all (empty,
    or cut off after "<!") is an empty document, so the parser says what it misses instead of lxml
    raising. A whole page gets plain elements; a fragment (a damaged page) goes through lxml.html's
    own parser, whose fragment handling needs its element classes. `utf8`: the page's bytes when
    `text` is exactly their UTF-8 reading (DecodedPage.utf8), which libxml2 then parses as they
    are, the same tree without converting the text back (a twentieth of the parse).

    >>> html_tree("<!").tag, text_of(html_tree("<p>x</p>")), text_of(html_tree("<body>a</body><body>b</body>"))
    ('html', 'x', 'ab')
    """
    text = text or "<html/>"
    whole = WHOLE_PAGE.match(text) is not None
    try:
        if whole and utf8:
            return lxml_html.fromstring(utf8, parser=utf8_parser())
        return lxml_html.fromstring(text, parser=PARSER if whole else None)
    except (etree.ParserError, ValueError):
        return lxml_html.fromstring("<html/>", parser=PARSER)


def utf8_parser() -> etree.HTMLParser:
    """This thread's parser of UTF-8 bytes (as PARSER, no id table), made on its first page. One
    per thread: page_tree reads what libxml2 reported of a parse from the parser that made it,
    which another thread must not be using meanwhile."""
    parser = getattr(_THREAD, "parser", None)
    if parser is None:
        parser = _THREAD.parser = etree.HTMLParser(collect_ids=False, encoding="utf-8")
    return parser


#: A whole page, seen in its bytes (ASCII white space only: a page opening with other white
#: space goes the way of its text)
WHOLE_PAGE_BYTES = re.compile(rb"^\s*<(?:html|!doctype)", re.IGNORECASE)
#: libxml2 reports at most this many problems of one parse (XML_MAX_ERRORS); past them an
#: invalid byte may go unreported
_MAX_REPORTED = 100


def page_tree(body: bytes, content_type: str | None = None) -> etree._Element:
    """A page's lxml tree: html_tree of its decoded text (decode_page). A whole page that
    decode_page would read as the UTF-8 its bytes are (encoding.utf8_as_is) is handed to
    libxml2 as it stands, without decoding it first: libxml2 checks the bytes' UTF-8 itself and
    reports any invalid byte (ERR_INVALID_ENCODING); such a page, rare, is decoded and parsed
    again, since libxml2 and Python replace invalid bytes differently.

    >>> [e.text for e in page_tree("<html><p>人民日报</p></html>".encode()).iter("p")]
    ['人民日报']
    >>> [e.text for e in page_tree(b"<html><p>\\xe4\\xba\\xba\\xe4\\xba</p></html>").iter("p")]  # Python's one U+FFFD, not libxml2's two
    ['人\\ufffd']
    """
    if WHOLE_PAGE_BYTES.match(body) and utf8_as_is(body, content_type):
        parser = utf8_parser()
        try:
            tree = lxml_html.fromstring(body, parser=parser)
        except (etree.ParserError, ValueError):
            tree = None
        if tree is not None:
            log = parser.error_log
            if len(log) < _MAX_REPORTED and all(e.type != etree.ErrorTypes.ERR_INVALID_ENCODING for e in log):
                return tree
    page = decode_page(body, content_type)
    return html_tree(page.text, page.utf8)


def class_xpath(*parts: str, word: bool = False) -> str:
    """XPath of the elements whose class contains any of `parts` (as a word of it with word=True),
    written from the attribute up: libxml2 then tests only class attributes, not every element,
    2.5x faster than the //*[contains(@class, …)] it equals on a big page.

    >>> class_xpath("a", "b")
    '//@class[contains(., "a") or contains(., "b")]/..'
    >>> html_tree('<div class="x pages_content"><p class="pages_contents">t</p></div>').xpath(class_xpath("pages_content", word=True))[0].tag
    'div'
    """
    tests = [f'contains(concat(" ", normalize-space(.), " "), " {p} ")' if word else f'contains(., "{p}")' for p in parts]
    return f"//@class[{' or '.join(tests)}]/.."


def id_xpath(ident: str) -> str:
    """XPath of the element with this id, from the attribute up (see class_xpath).

    >>> id_xpath("UCAP-CONTENT")
    '//@id[. = "UCAP-CONTENT"]/..'
    """
    return f'//@id[. = "{ident}"]/..'


def drop_tree(el: etree._Element) -> None:
    """Remove an element and what it holds, keeping the text after it (lxml.html's drop_tree).

    >>> t = html_tree("<div>a<b>x</b>b<i>y</i>c</div>")
    >>> drop_tree(t.find(".//b")); drop_tree(t.find(".//i")); text_of(t)
    'abc'
    """
    parent = el.getparent()
    if parent is None:
        return
    if el.tail:
        previous = el.getprevious()
        if previous is None:
            parent.text = (parent.text or "") + el.tail
        else:
            previous.tail = (previous.tail or "") + el.tail
    parent.remove(el)


def text_of(el: etree._Element) -> str:
    """All the text under an element, its tail excluded: what lxml.html's text_content() gives,
    serialised by libxml2 in one call instead of through an XPath string() per element (4x faster
    on a table cell).

    >>> text_of(lxml_html.fromstring("<td>a<!-- c -->b&amp;<span>x</span>y</td>"))
    'ab&xy'
    """
    return etree.tostring(el, method="text", encoding=str, with_tail=False)


def top_elements(tree: etree._Element) -> list[etree._Element]:
    """The root and its siblings, in document order: a broken page can leave a second <html>
    beside the root, where `//` XPath still reaches, so whatever stands for `//` walks them all.

    >>> [t.tag for t in top_elements(html_tree("<html><p>a</p></html><html><p>b</p></html>"))]
    ['html', 'html']
    """
    return [*reversed(list(tree.itersiblings(preceding=True))), tree, *tree.itersiblings()]


def strip_tags(tree: etree._Element, *tags: str) -> None:
    """Remove every element of these tags with what it holds, keeping the text after each, in
    libxml2 in one pass per top-level element (top_elements: the root's siblings too).

    >>> t = lxml_html.fromstring("<div>a<script>x</script>b<p>c<style>y</style></p></div>")
    >>> strip_tags(t, "script", "style"); text_of(t)
    'abc'
    """
    for top in top_elements(tree):
        if isinstance(top.tag, str):
            etree.strip_elements(top, *tags, with_tail=False)


@lru_cache(maxsize=512)
def xpath(expr: str) -> etree.XPath:
    """An XPath expression compiled once: `xpath(e)(node)` gives what `node.xpath(e)` gives,
    without compiling `e` again on every call (a few microseconds each).

    >>> [t.tag for t in xpath(".//b")(html_tree("<p>a<b>x</b><b>y</b></p>"))]
    ['b', 'b']
    """
    return etree.XPath(expr)


@lru_cache(maxsize=256)
def css(query: str) -> etree.XPath:
    """A CSS selector (parsel's dialect: ::text, ::attr(name)) compiled once as lxml XPath, the
    translation parsel's Selector.css makes. Text and attribute results are plain strings (no
    smart strings: lxml would make each a string that knows its parent, half the cost of a
    ::text query).

    >>> css("p ::text")(document_root("<div><p>a<b>b</b></p><p>c</p></div>"))
    ['a', 'b', 'c']
    """
    return etree.XPath(css2xpath(query), smart_strings=False)


def texts(el: etree._Element, query: str = "::text") -> list[str]:
    """The text nodes a CSS query finds under an element, as strings (parsel's .css(q).getall())."""
    return css(query)(el)  # plain strings already (css: no smart strings)


#: parsel's reading of a page: recovering HTML parser, UTF-8 bytes, large documents allowed (and, as
#: PARSER, no id table)
_SELECTOR_PARSER = etree.HTMLParser(recover=True, encoding="utf-8", huge_tree=True, collect_ids=False)


def document_root(text: str) -> etree._Element:
    """The whole document's root as parsel's Selector(text=…) reads it (stripped, NUL characters
    removed, an empty page read as <html/>), with plain lxml elements.

    >>> document_root("  ").tag, document_root("<p>x</p>").tag
    ('html', 'html')
    """
    body = text.strip().replace("\x00", "").encode("utf-8") or b"<html/>"
    root = etree.fromstring(body, parser=_SELECTOR_PARSER)
    return root if root is not None else etree.fromstring(b"<html/>", parser=_SELECTOR_PARSER)


def first_text(root: etree._Element, query: str) -> str | None:
    """Cleaned text of the first element matching `query` (a CSS selector list), or None.

    >>> first_text(document_root("<div class=a> x <b>y</b></div><div class=a>z</div>"), ".b, .a")
    'x y'
    """
    found = css(query)(root)
    if not found:
        return None
    return clean(" ".join(texts(found[0]))) or None


def dom_family(root: etree._Element, table: dict[str, dict[str, str]]) -> str | None:
    """Which DOM family in `table` the page belongs to (the first whose `detect` selector matches)."""
    for family, selectors in table.items():
        if css(selectors["detect"])(root):
            return family
    return None


def open_page(body: bytes, content_type: str | None, table: dict[str, dict[str, str]], what: str) -> tuple[etree._Element, str]:
    """Decode a page and find its DOM family in `table`; ParseFailure unknown_<what>_template if none."""
    _, text = decode_html(body, content_type)
    root = document_root(text)
    family = dom_family(root, table)
    if family is None:
        tried = " / ".join(t["detect"] for t in table.values())
        raise ParseFailure(f"unknown_{what}_template", f"none of {tried} found")
    return root, family


@dataclass(frozen=True)
class DatedLink:
    """An item of a list page: the linked page's absolute URL, its title and its day."""

    url: str
    title: str
    day: date


def links_dated_by_url(body: bytes, url: str, pattern: re.Pattern[str], content_type: str | None = None) -> list[DatedLink]:
    """Every distinct link whose URL matches `pattern`, the day read from its named groups y, m, d
    — list pages of sites that put the date in their article URLs.

    >>> links_dated_by_url(b'<a href="t20160312_1.html" title="T">x</a>', "http://h/zxfb/",
    ...                    re.compile(r"/t(?P<y>\\d{4})(?P<m>\\d{2})(?P<d>\\d{2})_\\d+\\.html$"))
    [DatedLink(url='http://h/zxfb/t20160312_1.html', title='T', day=datetime.date(2016, 3, 12))]
    """
    tree = page_tree(body, content_type)
    out: list[DatedLink] = []
    seen: set[str] = set()
    for a in tree.xpath("//a[@href]"):
        link = urljoin(url, a.get("href").strip())
        m = pattern.search(link)
        day = calendar_day(m["y"], m["m"], m["d"]) if m else None
        if day and link not in seen:
            seen.add(link)
            out.append(DatedLink(link, clean(a.get("title") or text_of(a)), day))
    return out

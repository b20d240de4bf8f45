"""Parse a People's Daily e-paper article page (文章) into a Document."""

from __future__ import annotations

from datetime import date

from lxml import etree

from transforms import rmrb_patterns as P
from transforms.records import ArticleHint, Document, Paragraph, ParseFailure
from transforms.select import css, first_text, open_page, texts
from transforms.text import calendar_day, clean, split_names

#: Paragraphs of the body, leaving out the captions of embedded image tables.
_BODY_PARAGRAPHS = etree.XPath(".//p[not(ancestor::table[contains(concat(' ', @class, ' '), ' pci_c ')])]")
#: A byline's own text, leaving out its date element.
_BYLINE_TEXT = etree.XPath("./text() | ./*[not(contains(@class, 'date'))]//text()", smart_strings=False)


def split_title_tag(title: str) -> tuple[str, str | None]:
    """Split a trailing column tag off a headline.

    >>> split_title_tag("多措并举推动经济持续回升向好(权威发布)")
    ('多措并举推动经济持续回升向好', '权威发布')
    >>> split_title_tag("李强主持召开国务院常务会议")
    ('李强主持召开国务院常务会议', None)
    """
    m = P.TITLE_TAG.match(title)
    return (m.group(1), m.group(2)) if m else (title, None)


def is_subheading(p: etree._Element, text: str) -> bool:
    """A body paragraph that is an in-body sub-heading: wholly bold, or short and unpunctuated."""
    bold = clean(" ".join(texts(p, "strong ::text, b ::text"))) if next(p.iter("strong", "b"), None) is not None else ""
    if bold and bold == text:
        return True
    return len(text) <= P.SUBHEADING_MAX_CHARS and not text.endswith(P.SENTENCE_END)


def parse_print_line(text: str) -> tuple[date, str] | None:
    """(print date, 版) from a 《人民日报》 print line.

    >>> parse_print_line("《 人民日报 》( 2024年03月27日 03 版)")
    (datetime.date(2024, 3, 27), '03')
    >>> parse_print_line("《人民日报》（2024年01月07日 第 1 版）")
    (datetime.date(2024, 1, 7), '01')
    >>> parse_print_line("《 人民日报 》( 2024年13月27日 03 版)") is None  # no such day: not a print line
    True
    """
    m = P.PRINT_LINE.search(text)
    if not m:
        return None
    y, mo, d, page = m.groups()
    day = calendar_day(y, mo, d)
    return (day, page.zfill(2)) if day else None


def parse_article(
    body: bytes,
    url: str,
    content_type: str | None = None,
    hint: ArticleHint | None = None,
) -> Document:
    """Parse an e-paper article page of any generation.

    Raises ParseFailure (unknown_article_template, no_title, empty_body) when the page is not a
    readable article.
    """
    hint = hint or ArticleHint()
    root, family = open_page(body, content_type, P.ARTICLE_SELECTORS, "article")
    sel = P.ARTICLE_SELECTORS[family]

    raw_title = first_text(root, sel["title"])
    if not raw_title:
        raise ParseFailure("no_title", f"{sel['title']} missing or empty")
    title, title_tag = split_title_tag(raw_title)

    date_text = first_text(root, sel["date"]) or ""
    byline = None
    byline_el = css(sel["byline"])(root)
    if byline_el:
        byline = clean(" ".join(_BYLINE_TEXT(byline_el[0]))) or None

    print_line = P.PRINT_LINE.search(date_text)
    editors: list[str] = []
    paragraphs: list[Paragraph] = []
    body_el = css(sel["body"])(root)
    for p in _BODY_PARAGRAPHS(body_el[0]) if body_el else []:
        ptext = clean(" ".join(texts(p)))
        if not ptext:
            continue
        if P.PRINT_LINE.fullmatch(ptext):
            print_line = print_line or P.PRINT_LINE.fullmatch(ptext)
            continue
        m = P.EDITORS_LINE.match(ptext)
        if m:
            editors = split_names(m.group(1))
            continue
        kind = "subheading" if is_subheading(p, ptext) else "body"
        paragraphs.append(Paragraph(ptext, kind))
    if not paragraphs:
        raise ParseFailure("empty_body", f"no paragraphs under {sel['body']}")
    # The last paragraph closes the article; it is never a heading (a signature or a dateline).
    if paragraphs[-1].kind == "subheading":
        paragraphs[-1] = Paragraph(paragraphs[-1].text, "body")

    captions = [
        c
        for t in css(sel["captions"])(root)
        if (c := clean(" ".join(texts(t, "p ::text, td ::text"))))
    ]
    _, url_day, url_page = P.classify_url(url)
    printed = parse_print_line(print_line.group(0)) if print_line else None
    page_no = (printed[1] if printed else None) or url_page or hint.page_no
    page_name = hint.page_name
    if page_name is None:
        m = P.PAGE_LINK_TEXT.search(first_text(root, sel["page_name"]) or "")
        page_name = clean(m.group(2)).split(" ")[0] if m else None

    return Document(
        url=url,
        source=P.SOURCE,
        publisher=P.PUBLISHER,
        title=title,
        title_tag=title_tag,
        pub_date=(printed[0] if printed else None) or url_day,
        page_no=page_no,
        page_name=page_name,
        pre_title=first_text(root, sel["pre_title"]),
        subtitle=first_text(root, sel["subtitle"]),
        byline=byline,
        paragraphs=paragraphs,
        captions=captions,
        editors=editors or list(hint.editors),
        print_line=clean(print_line.group(0)) if print_line else None,
        generation="G1" if family == "classic" else ("G3" if "/rmrb/pc/" in url else "G2"),
    )

"""Parse a People's Daily e-paper article page (文章) into a Document."""

from __future__ import annotations

from datetime import date

from parsel import Selector

from transforms import rmrb_patterns as P
from transforms.records import ArticleHint, Document, Paragraph, ParseFailure
from transforms.select import first_text, open_page
from transforms.text import clean, split_names

#: Paragraphs of the body, leaving out the captions of embedded image tables.
_BODY_PARAGRAPHS = ".//p[not(ancestor::table[contains(concat(' ', @class, ' '), ' pci_c ')])]"


def split_title_tag(title: str) -> tuple[str, str | None]:
    """Split a trailing column tag off a headline.

    >>> split_title_tag("多措并举推动经济持续回升向好(权威发布)")
    ('多措并举推动经济持续回升向好', '权威发布')
    >>> split_title_tag("李强主持召开国务院常务会议")
    ('李强主持召开国务院常务会议', None)
    """
    m = P.TITLE_TAG.match(title)
    return (m.group(1), m.group(2)) if m else (title, None)


def is_subheading(p: Selector, text: str) -> bool:
    """A body paragraph that is an in-body sub-heading: wholly bold, or short and unpunctuated."""
    bold = clean(" ".join(p.css("strong ::text, b ::text").getall()))
    if bold and bold == text:
        return True
    return len(text) <= P.SUBHEADING_MAX_CHARS and not text.endswith(P.SENTENCE_END)


def parse_print_line(text: str) -> tuple[date, str] | None:
    """(print date, 版) from a 《人民日报》 print line.

    >>> parse_print_line("《 人民日报 》( 2024年03月27日 03 版)")
    (datetime.date(2024, 3, 27), '03')
    >>> parse_print_line("《人民日报》（2024年01月07日 第 1 版）")
    (datetime.date(2024, 1, 7), '01')
    """
    m = P.PRINT_LINE.search(text)
    if not m:
        return None
    y, mo, d, page = m.groups()
    return date(int(y), int(mo), int(d)), page.zfill(2)


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
    sel, family = open_page(body, content_type, P.ARTICLE_SELECTORS, "article")
    css = P.ARTICLE_SELECTORS[family]

    raw_title = first_text(sel, css["title"])
    if not raw_title:
        raise ParseFailure("no_title", f"{css['title']} missing or empty")
    title, title_tag = split_title_tag(raw_title)

    date_text = first_text(sel, css["date"]) or ""
    byline = None
    byline_sel = sel.css(css["byline"])
    if byline_sel:
        parts = byline_sel[0].xpath("./text() | ./*[not(contains(@class, 'date'))]//text()").getall()
        byline = clean(" ".join(parts)) or None

    print_line = P.PRINT_LINE.search(date_text)
    editors: list[str] = []
    paragraphs: list[Paragraph] = []
    body_sel = sel.css(css["body"])
    for p in body_sel[0].xpath(_BODY_PARAGRAPHS) if body_sel else []:
        ptext = clean(" ".join(p.css("::text").getall()))
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
        raise ParseFailure("empty_body", f"no paragraphs under {css['body']}")
    # The last paragraph closes the article; it is never a heading (a signature or a dateline).
    if paragraphs[-1].kind == "subheading":
        paragraphs[-1] = Paragraph(paragraphs[-1].text, "body")

    captions = [
        c
        for t in sel.css(css["captions"])
        if (c := clean(" ".join(t.css("p ::text, td ::text").getall())))
    ]
    _, url_day, url_page = P.classify_url(url)
    printed = parse_print_line(print_line.group(0)) if print_line else None
    page_no = (printed[1] if printed else None) or url_page or hint.page_no
    page_name = hint.page_name
    if page_name is None:
        m = P.PAGE_LINK_TEXT.search(first_text(sel, css["page_name"]) or "")
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
        pre_title=first_text(sel, css["pre_title"]),
        subtitle=first_text(sel, css["subtitle"]),
        byline=byline,
        paragraphs=paragraphs,
        captions=captions,
        editors=editors or list(hint.editors),
        print_line=clean(print_line.group(0)) if print_line else None,
        generation="G1" if family == "classic" else ("G3" if "/rmrb/pc/" in url else "G2"),
    )

"""Parse a People's Daily e-paper layout (版面) page into a LayoutPage."""

from __future__ import annotations

import re
from urllib.parse import urljoin

from lxml import etree
from w3lib.url import canonicalize_url

from transforms import rmrb_patterns as P
from transforms.records import ArticleLink, LayoutPage, PageLink
from transforms.select import css, first_text, open_page, texts
from transforms.text import clean, cn_date, split_names


def _generation(url: str, family: str) -> str:
    if family == "classic":
        return "G1"
    return "G3" if "/rmrb/pc/" in url else "G2"


def _anchor_text(a: etree._Element) -> str:
    """Visible text of a layout anchor; G1 writes it through document.write(view("…"))."""
    raw = "".join(texts(a))
    m = P.VIEW_CALL.search(raw) or P.VIEW_CALL.search(etree.tostring(a, method="html", encoding="unicode", with_tail=False))
    if m:
        return clean(re.sub(r"<br\s*/?>", " ", m.group(1)))
    return clean(raw)


def editors_from_item(title: str) -> list[str] | None:
    """Names from a '本版责编：…' list item, or None when the item is a real article.

    >>> editors_from_item("本版责编：吴  刚  李晓晴  版式设计：沈亦伶")
    ['吴刚', '李晓晴']
    >>> editors_from_item("图片报道") is None
    True
    """
    m = P.EDITORS_ITEM.match(title)
    if not m:
        return None
    return split_names(P.EDITORS_STOP.sub("", m.group(1)))


def absolute(base: str, href: str) -> str:
    """A link made absolute and canonical (w3lib: no fragment, sorted query, normalised escapes).

    >>> absolute("http://paper.people.com.cn/rmrb/pc/layout/202412/25/node_01.html", "../../../content/202412/25/content_1.html#top")
    'http://paper.people.com.cn/rmrb/pc/content/202412/25/content_1.html'
    """
    return canonicalize_url(urljoin(base, href.strip()))


def parse_layout(body: bytes, url: str, content_type: str | None = None) -> LayoutPage:
    """Parse a layout page of any generation.

    Raises ParseFailure when the page has neither the classic nor the swiper 版面 DOM.
    """
    root, family = open_page(body, content_type, P.LAYOUT_SELECTORS, "layout")
    sel = P.LAYOUT_SELECTORS[family]
    kind, url_day, url_page = P.classify_url(url)

    pages: list[PageLink] = []
    seen: set[str] = set()
    for a in css(sel["page_links"])(root):
        href = a.get("href")
        m = P.PAGE_LINK_TEXT.search(_anchor_text(a))
        if not href or not m:
            continue
        link = absolute(url, href)
        if link not in seen:
            seen.add(link)
            pages.append(PageLink(link, m.group(1).zfill(2), clean(m.group(2))))

    articles: list[ArticleLink] = []
    editors: list[str] = []
    seen = set()
    for a in css(sel["article_links"])(root):
        href, title = a.get("href"), _anchor_text(a)
        if not href:
            continue
        names = editors_from_item(title)
        if names is not None:
            editors.extend(n for n in names if n not in editors)
            continue
        link = absolute(url, href)
        if link not in seen:
            seen.add(link)
            articles.append(ArticleLink(link, title))
    # The page image map may carry articles the list omits; keep list order, append the rest.
    for area in css(sel["map_links"])(root):
        href = area.get("href")
        link = absolute(url, href) if href else ""
        if link and link not in seen and P.classify_url(link)[0] == "article":
            seen.add(link)
            articles.append(ArticleLink(link, ""))

    m = P.PAGE_LINK_TEXT.search(first_text(root, sel["page_name"]) or "")
    page_no = url_page or (m.group(1).zfill(2) if m else None)
    page_name = clean(m.group(2)).split(" ")[0] if m else None
    if page_name is None:
        page_name = next((p.page_name for p in pages if p.page_no == page_no), None)

    issue_date = url_day or cn_date(first_text(root, sel["date"]))
    pdf_links = css(sel["pdf"])(root)
    pdf = pdf_links[0].get("href") if pdf_links else None
    return LayoutPage(
        url=url,
        generation=_generation(url, family),
        issue_date=issue_date,
        page_no=page_no,
        page_name=page_name,
        pages=pages,
        articles=articles,
        editors=editors,
        pdf_url=absolute(url, pdf) if pdf else None,
    )

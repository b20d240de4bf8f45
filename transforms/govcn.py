"""Parse www.gov.cn pages (policies of the 2018 table template and the current TRS templates, news
releases) into Documents; the policy metadata table lands in Document.meta."""

from __future__ import annotations

import re
from datetime import date

from lxml import etree

from transforms import govcn_patterns as P
from transforms.pageindex import PageIndex
from transforms.records import Document, Paragraph, ParseFailure
from transforms.select import page_tree, strip_tags, text_of
from transforms.text import beijing_time, clean, cn_date


def first_published(value: str | None) -> str | None:
    """gov.cn's 'YYYY-MM-DD-HH:MM:SS' (Beijing time) as ISO 8601.

    >>> first_published("2026-09-17-17:00:00")
    '2026-09-17T17:00:00+08:00'
    """
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})-(\d{2}):(\d{2}):(\d{2})", (value or "").strip())
    return beijing_time(*m.groups()) if m else None


def metadata_table(page: PageIndex) -> dict[str, str]:
    """Label → value from the policy metadata table(s): a cell whose text is a known label
    ending in '：', its value the next cell."""
    out: dict[str, str] = {}
    for td in page.xpath("//td"):  # every <td>, as // reaches them: lxml may hang part of a broken page under a second <html>
        label = "".join(text_of(td).split()).rstrip("：:")  # str.split's whitespace is the regex's \s
        if label in P.META_LABELS and label not in out:
            nxt = td.getnext()
            while nxt is not None and nxt.tag != "td":
                nxt = nxt.getnext()
            if nxt is not None:
                out[label] = clean(text_of(nxt))
    return out


BLOCK_TAGS = frozenset({"p", "h1", "h2", "h3", "h4"})


def body_blocks(root: etree._Element) -> list[Paragraph]:
    """Paragraphs and table rows of a body, in order; headings as sub-headings. A paragraph or
    heading inside another (or inside a table row) is part of it; a paragraph holding a table
    gives the table's rows instead. One walk of the tree above the blocks; lxml's own iteration
    finds the rows inside them.

    >>> from transforms.select import html_tree
    >>> [(b.kind, b.text) for b in body_blocks(html_tree(
    ...     "<div><h2>一、总体情况</h2><p>全年增长5%。<p>一是扩大内需。</p></p><div><table><tr><td>指标</td><td>5.2</td></tr></table></div></div>"))]
    [('subheading', '一、总体情况'), ('body', '全年增长5%。'), ('body', '一是扩大内需。'), ('table_row', '指标\\t5.2')]
    """
    blocks: list[Paragraph] = []
    holders = _row_holders(root)

    def rows(el: etree._Element) -> None:  # every row at or under el, nested tables' too, in order
        for tr in el.iter("tr"):
            cells = [c for c in (clean(text_of(td)) for td in tr if td.tag in ("td", "th")) if c]
            if len(cells) > 1:
                blocks.append(Paragraph("\t".join(cells), "table_row"))
            elif cells:
                blocks.append(Paragraph(cells[0], "body"))

    def walk(el: etree._Element) -> None:
        for child in el:
            tag = child.tag
            if not isinstance(tag, str):  # comments, processing instructions
                continue
            if tag == "tr":
                rows(child)
            elif tag in BLOCK_TAGS:
                if child in holders:
                    rows(child)
                    continue
                text = clean(text_of(child))
                if text:
                    short = len(text) <= 40 and not text.endswith(("。", "；", "：", "！", "？"))
                    blocks.append(Paragraph(text, "subheading" if (tag.startswith("h") or short) else "body"))
            else:
                walk(child)

    walk(root)
    return blocks


def _row_holders(root: etree._Element) -> set[etree._Element]:
    """The paragraphs and headings under `root` that hold a table row: the ancestors of each row
    climbed once (rows of one table share theirs), cheaper than asking every paragraph for a row.

    >>> from transforms.select import html_tree
    >>> [e.tag for e in _row_holders(html_tree("<div><p>a<span><table><tr><td>1</td></tr></table></span></p><p>b</p></div>"))]
    ['p']
    """
    holders: set[etree._Element] = set()
    seen: set[etree._Element] = {root}
    for tr in root.iter("tr"):
        el = tr.getparent()
        while el is not None and el not in seen:
            seen.add(el)
            if el.tag in BLOCK_TAGS:
                holders.add(el)
            el = el.getparent()
    return holders


def parse_govcn(body: bytes, url: str, content_type: str | None = None) -> Document:
    """A www.gov.cn policy or news page. Raises ParseFailure when no body container is found."""
    tree = page_tree(body, content_type)
    strip_tags(tree, "script", "style")
    page = PageIndex(tree)
    root = next((found[0] for xp in P.BODY if (found := page.xpath(xp))), None)
    if root is None:
        raise ParseFailure("unknown_govcn_template", "no #UCAP-CONTENT, .pages_content or .TRS_Editor")
    meta = metadata_table(page)
    head = {m.get("name"): (m.get("content") or "").strip() for m in page.xpath("//meta") if m.get("name") in P.HEAD_META}
    title = meta.get("标题") or next((clean(text_of(f[0])) for xp in P.TITLE if (f := page.xpath(xp))), "")
    title = title.split("_")[0] if "_中国政府网" in title else title
    if not title:
        raise ParseFailure("no_title", "no 标题, share-title, h1 or title")
    paragraphs = body_blocks(root)
    if not paragraphs:
        raise ParseFailure("empty_body", "the body container holds no text")
    published = first_published(head.get("firstpublishedtime"))
    date_line = clean(" ".join(page.xpath(P.DATE_LINE)))
    news_time = P.NEWS_DATE.search(date_line)
    if published is None and news_time:
        published = beijing_time(*news_time.groups())
    pub_date = date.fromisoformat(published[:10]) if published else cn_date(meta.get("发布日期")) or cn_date(meta.get("成文日期"))
    sm = P.SOURCE_LINE.search(date_line)
    src = meta.get("来源") or (sm.group(1) if sm else None)
    if src:
        meta["来源"] = src
    meta.update({k: v for k, v in head.items() if v})
    return Document(url=url, source=P.SOURCE, publisher=P.PUBLISHER, title=title, pub_date=pub_date,
                    paragraphs=paragraphs, published_at=published, meta=meta, generation=_template(page, meta))


def _template(page: PageIndex, meta: dict[str, str]) -> str:
    body_class = " ".join(page.xpath("//body/@class"))
    if "ZC_GWYBMWJ" in body_class:
        return "department_file"
    if "XXGK_GWYWJ" in body_class:
        return "state_council_file"
    if "发文机关" in meta:
        return "policy_table_2018"
    return "news"

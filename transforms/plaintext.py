"""A plain-text article (a saved copy, a transcript, a gold text) to a Document: title first,
metadata lines (发布时间, 来源, bylines, the 《人民日报》 print line, 责编) recognised and kept apart,
tab-separated lines read as table rows."""

from __future__ import annotations

import re
from datetime import date

from transforms import rmrb_patterns as P
from transforms.records import Document, Paragraph
from transforms.rmrb_article import parse_print_line, split_title_tag
from transforms.govcn_patterns import META_LABELS as GOV_META_LABELS
from transforms.text import calendar_day, clean, cn_date, split_names

META = re.compile(r"^(?:发布时间|来源|时间|日期|作者|编辑|责任编辑|【字号|字号)[:：]|^\d{4}年\d{1,2}月\d{1,2}日\s*\d{1,2}[:：]\d{2}|^本报记者|^本报评论员|^新华社记者|^记者")
DATE_IN_META = re.compile(r"(\d{4})[-年/.](\d{1,2})[-月/.](\d{1,2})")
SOURCE_IN_META = re.compile(r"来源[:：]\s*([^\s|]+)")
PUBLISHERS = {"人民日报": "人民日报", "国家统计局": "国家统计局", "中国政府网": "中国政府网", "新华社": "新华社", "国务院": "国务院"}


def looks_like_html(data: bytes | str) -> bool:
    head = (data[:2000].decode("utf-8", "ignore") if isinstance(data, bytes) else data[:2000]).lower()
    return "<html" in head or "<!doctype html" in head or "<head" in head or "<body" in head or "<p>" in head


def parse_text(text: str, *, url: str | None = None, source: str = "text", publisher: str | None = None,
               pub_date: date | None = None) -> Document:
    """Parse a plain-text article.

    >>> d = parse_text("标题(权威发布)\\n\\n发布时间:2024-11-22 03:41:54\\n\\n正文第一段。\\n\\n《 人民日报 》( 2024年03月27日 03 版)\\n\\n(责编:牛镛、岳弘彬)")
    >>> (d.title, d.title_tag, d.pub_date, d.page_no, d.editors, [p.text for p in d.paragraphs])
    ('标题', '权威发布', datetime.date(2024, 3, 27), '03', ['牛镛', '岳弘彬'], ['正文第一段。'])
    """
    lines = [ln.rstrip() for ln in text.replace("\r\n", "\n").split("\n")]
    lines = [ln for ln in lines if ln.strip()]
    meta: dict[str, str] = {}
    while lines and (cells := metadata_cells(lines[0])) is not None:  # a saved policy page's 索引号/发文机关 table
        meta.update(cells)
        lines = lines[1:]
    if not lines:
        return Document(url=url or "", source=source, publisher=publisher or "", title=meta.get("标题", ""), meta=meta)
    title, tag = split_title_tag(clean(meta.get("标题") or lines[0]))
    if meta.get("标题") and "".join(meta["标题"].split()).startswith("".join(lines[0].split())):
        lines = lines[1:]  # the title printed again over the body (perhaps over two lines)
        while lines and len(lines[0]) < 40 and "".join(meta["标题"].split()).endswith("".join(lines[0].split())):
            lines = lines[1:]
    else:
        lines = lines if meta.get("标题") else lines
    paragraphs: list[Paragraph] = []
    editors: list[str] = []
    byline = print_line = None
    meta_date: date | None = None
    for raw in lines[1:]:
        line = clean(raw) if "\t" not in raw else raw.strip()
        if "\t" in raw:
            paragraphs.append(Paragraph("\t".join(c.strip() for c in raw.split("\t")), "table_row"))
            continue
        if P.PRINT_LINE.fullmatch(line):
            print_line = line
            continue
        em = P.EDITORS_LINE.match(line)
        if em:
            editors = split_names(em.group(1))
            continue
        if len(line) < 80 and META.search(line):
            if line.startswith(("本报记者", "本报评论员", "新华社记者", "记者")):
                byline = byline or line
            dm = DATE_IN_META.search(line)
            if dm and meta_date is None:
                meta_date = calendar_day(dm.group(1), dm.group(2), dm.group(3))
            sm = SOURCE_IN_META.search(line)
            if sm and not publisher:
                publisher = next((v for k, v in PUBLISHERS.items() if k in sm.group(1)), None)
            continue
        short = len(line) <= P.SUBHEADING_MAX_CHARS and not line.endswith(P.SENTENCE_END)
        paragraphs.append(Paragraph(line, "subheading" if short else "body"))
    printed = parse_print_line(print_line) if print_line else None
    if printed:
        publisher = publisher or P.PUBLISHER
    return Document(
        url=url or "", source=source, publisher=publisher or "", title=title, title_tag=tag,
        pub_date=(printed[0] if printed else None) or pub_date or meta_date or cn_date(meta.get("发布日期")),
        page_no=printed[1] if printed else None, byline=byline, paragraphs=paragraphs, editors=editors,
        print_line=print_line, meta=meta,
    )


#: A metadata label cell: 发文机关：, 标　　题： (spaces inside labels are ignored).
META_LABEL = re.compile(r"^[\u4e00-\u9fff\s\u3000]{2,10}[:：]$")


def metadata_cells(line: str) -> dict[str, str] | None:
    """The label → value pairs of a tab-separated metadata line ('发文机关：<tab>国务院<tab>成文日期：<tab>…'),
    or None when the line is not one (a table row, a paragraph).

    >>> metadata_cells("发文机关：\\t国务院\\t成文日期：\\t2018年11月16日"), metadata_cells("钢材\\t16228\\t-2.1")
    ({'发文机关': '国务院', '成文日期': '2018年11月16日'}, None)
    """
    if "\t" not in line:
        return None
    cells = [c.strip() for c in line.split("\t")]
    out: dict[str, str] = {}
    label: str | None = None
    for cell in cells:
        if META_LABEL.match(cell):
            label = "".join(cell[:-1].split())
            out[label] = ""
        elif label is not None:
            out[label] = (out[label] + " " + cell).strip()
        elif cell:
            return None
    return out if out and all(k in GOV_META_LABELS for k in out) else None

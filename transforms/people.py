"""Parse people.com.cn portal article pages (the rm_txt, 2016wb and health-channel templates of
../shared/corpus/rmrb/STRUCTURE.md §4) into Documents. Pages of a multi-page article name their
other pages in meta['pages']; join_pages merges them. A page reprinting the e-paper names it in
meta['reprint_of']."""

from __future__ import annotations

import re
from datetime import date
from urllib.parse import urljoin

from transforms import rmrb_patterns as RP
from transforms.pageindex import PageIndex
from transforms.records import Document, Paragraph, ParseFailure
from transforms.rmrb_article import parse_print_line, split_title_tag
from transforms.select import (
    class_xpath,
    drop_tree,
    page_tree,
    strip_tags,
    text_of,
    xpath,
)
from transforms.text import beijing_time, clean, split_names

SOURCE = "people"
PUBLISHER = "人民网"

#: Per template (first whose body is present): title, 引题, 副题, author, date/source line, body, editors.
TEMPLATES: dict[str, dict[str, str]] = {
    "rm_txt": {"title": '//div[contains(@class,"rm_txt")]//h1', "pre": '//h3[contains(@class,"pre")]',
               "sub": '//h4[contains(@class,"sub")]', "author": '//div[contains(@class,"author")]',
               "line": '//div[contains(@class,"channel")]/div[contains(@class,"col-1-1")]',
               "body": '//div[contains(@class,"rm_txt_con")]', "edit": '//div[contains(@class,"edit")]'},
    "2016wb": {"title": '//div[contains(@class,"text_title")]//h1', "pre": '//div[contains(@class,"text_title")]//h3',
               "sub": '//div[contains(@class,"text_title")]//h4', "author": '//div[contains(@class,"text_title")]//p[contains(@class,"author")]',
               "line": '//div[contains(@class,"box01")]/div[contains(@class,"fl")]', "body": '//div[@id="rwb_zw"]',
               "edit": '//div[contains(@class,"edit")]'},
    "health": {"title": '//div[contains(@class,"articleCont")]//div[contains(@class,"title")]//h2',
               "pre": '//div[contains(@class,"articleCont")]//div[contains(@class,"title")]//h4',
               "sub": '//div[contains(@class,"articleCont")]//div[contains(@class,"title")]//h3', "author": "//nonexistent",
               "line": '//div[contains(@class,"artOri")]', "body": '//div[contains(@class,"artDet")]',
               "edit": '//div[contains(@class,"editor")]'},
}
TIME = re.compile(r"(\d{4})年(\d{2})月(\d{2})日\s*(\d{2}):(\d{2})")
EDITORS = re.compile(r"责编[:：]\s*([^)）]+)")


def _text(page: PageIndex, xp: str) -> str | None:
    found = page.xpath(xp)
    return clean(text_of(found[0])) or None if found else None


def parse_people(body: bytes, url: str, content_type: str | None = None) -> Document:
    """A people.com.cn article page. Raises ParseFailure for pages of an unknown template."""
    tree = page_tree(body, content_type)
    strip_tags(tree, "script", "style")
    for bad in xpath(class_xpath("otitle", "section-common-share-wrap"))(tree):
        drop_tree(bad)
    page = PageIndex(tree)
    name, xp, roots = next(((n, t, r) for n, t in TEMPLATES.items() if (r := page.xpath(t["body"]))), (None, None, None))
    if xp is None:
        raise ParseFailure("unknown_people_template", "no .rm_txt_con, #rwb_zw nor .artDet")
    titles = page.xpath("//title")
    raw_title = _text(page, xp["title"]) or clean(text_of(titles[0]).split("--")[0]) if titles else ""
    if not raw_title:
        raise ParseFailure("no_title", "no h1/h2 title")
    title, tag = split_title_tag(raw_title)
    root = roots[0]
    paragraphs = []
    print_line = None
    for p in xpath(".//p")(root):
        t = clean(text_of(p))
        if not t:
            continue
        if RP.PRINT_LINE.fullmatch(t):
            print_line = t
            continue
        short = len(t) <= 40 and not t.endswith(RP.SENTENCE_END)
        paragraphs.append(Paragraph(t, "subheading" if short and next(p.iter("strong", "b"), None) is not None else "body"))
    if not paragraphs:
        raise ParseFailure("empty_body", "the article body holds no paragraph")
    print_line = print_line or _text(page, '//span[@id="paper_num"]')
    printed = parse_print_line(print_line) if print_line and RP.PRINT_LINE.search(print_line) else None
    line_el = page.xpath(xp["line"])
    line = clean(text_of(line_el[0])) if line_el else ""
    tm = TIME.search(line)
    meta: dict[str, str] = {}
    src = re.search(r"来源[:：]\s*(\S+)", line)
    if src:
        meta["来源"] = src.group(1)
    for a in xpath(".//a[@href]")(line_el[0]) if line_el else []:
        href = urljoin(url, a.get("href"))
        if RP.classify_url(href)[0] == "article":
            meta["reprint_of"] = href
    pages = [urljoin(url, h) for h in page.xpath('//div[contains(@class,"zdfy")]//a/@href')]
    if pages:
        meta["pages"] = " ".join(dict.fromkeys(pages))
    em = EDITORS.search(_text(page, xp["edit"]) or "")
    published = beijing_time(*tm.groups()) if tm else None
    return Document(
        url=url, source=SOURCE, publisher=PUBLISHER if not printed else RP.PUBLISHER, title=title, title_tag=tag,
        pre_title=_text(page, xp["pre"]), subtitle=_text(page, xp["sub"]), byline=_text(page, xp["author"]),
        pub_date=printed[0] if printed else (date.fromisoformat(published[:10]) if published else None),
        page_no=printed[1] if printed else None, paragraphs=paragraphs, editors=split_names(em.group(1)) if em else [],
        print_line=print_line if printed else None, published_at=published, meta=meta, generation=name,
    )


def join_pages(first: Document, rest: list[Document]) -> Document:
    """One document from the pages of a multi-page article, paragraphs in page order."""
    for doc in rest:
        first.paragraphs.extend(doc.paragraphs)
    first.meta.pop("pages", None)
    return first

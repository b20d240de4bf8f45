"""Parse 国家统计局 release pages (the ≤2022 xilan template and the 2023+ detail template) into
Documents, tables included as tab-separated rows. A page that is an anti-bot challenge is a
ParseFailure('blocked_anti_bot'), never content."""

from __future__ import annotations

import re

from transforms.encoding import decode_html
from transforms.govcn import body_blocks
from transforms.pageindex import PageIndex
from transforms.records import Document, ParseFailure
from transforms.select import class_xpath, page_tree, strip_tags, text_of
from transforms.text import beijing_time, calendar_day, clean

SOURCE = "stats"
PUBLISHER = "国家统计局"
#: Per template: title, date/source line, body container (XPath). The xilan elements by their
#: documented tags (STRUCTURE.md §6): a tag's class values are read in a fraction of the time of
#: every element's on these table-heavy pages.
TEMPLATES = {
    "xilan": ('//h2[contains(@class, "xilan_tit")]', '//font[contains(@class, "xilan_titf")]', '//div[contains(@class, "xilan_con")]'),
    "detail": ('//div[contains(@class, "detail-title")]//h1', '//div[contains(@class, "detail-title-des")]',
               class_xpath("TRS_Editor", "TRS_UEDITOR")),
}
PUBLISHED = re.compile(r"发布时间[:：]\s*(\d{4})-(\d{2})-(\d{2})(?:\s+(\d{2}):(\d{2}))?")
SOURCE_LINE = re.compile(r"来源[:：]\s*([^\s发]+)")
#: Signs of the site's JavaScript anti-bot wall (wzws) instead of content.
CHALLENGE = re.compile(r"wzws|WZWS|请开启JavaScript|Please enable JavaScript|安全验证|访问验证", re.I)


def parse_stats(body: bytes, url: str, content_type: str | None = None) -> Document:
    tree = page_tree(body, content_type)
    strip_tags(tree, "script", "style")  # a challenge's script is still in the page's text, read below
    page = PageIndex(tree)
    for name, (title_xp, line_xp, body_xp) in TEMPLATES.items():
        roots = page.xpath(body_xp)
        if roots:
            break
    else:
        if CHALLENGE.search(decode_html(body, content_type)[1]):
            raise ParseFailure("blocked_anti_bot", "the site answered with its JavaScript challenge, not the release")
        raise ParseFailure("unknown_stats_template", "no .xilan_con nor .TRS_Editor/.TRS_UEDITOR")
    title = clean(" ".join(text_of(t) for t in page.xpath(title_xp)[:1])) or clean(" ".join(text_of(t) for t in page.xpath("//title")[:1]))
    if not title:
        raise ParseFailure("no_title", "no release title")
    line = clean(" ".join(text_of(x) for x in page.xpath(line_xp)))
    m = PUBLISHED.search(line) or PUBLISHED.search(clean(text_of(tree)))
    published = None
    pub_date = None
    if m:
        pub_date = calendar_day(m.group(1), m.group(2), m.group(3))
        published = beijing_time(*m.groups()) if pub_date else None
    paragraphs = body_blocks(roots[0])
    if not paragraphs:
        raise ParseFailure("empty_body", "the release body holds no text")
    sm = SOURCE_LINE.search(line)
    return Document(url=url, source=SOURCE, publisher=PUBLISHER, title=title, pub_date=pub_date, paragraphs=paragraphs,
                    published_at=published, meta={"来源": sm.group(1)} if sm else {}, generation=name)

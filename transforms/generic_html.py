"""A page of a site without a dedicated parser, read as plain text: headings, paragraphs and table
rows in document order (cells joined by tabs), scripts, styles and navigation left out. The
result goes through transforms.plaintext like any saved text."""

from __future__ import annotations

import re

from transforms.select import class_xpath, drop_tree, id_xpath, page_tree, text_of
from transforms.text import clean

BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "li", "title"}
SKIP = {"script", "style", "noscript", "nav", "select", "option", "iframe"}
CONTENT = ["#UCAP-CONTENT", ".trs_editor_view", ".TRS_Editor", ".rm_txt_con", "#rwb_zw", ".artDet", ".article",
           ".center_xilan", ".xilan_con", "#zoom", ".pages_content", ".content", "body"]


def _xpath(selector: str) -> str:
    """'#id', '.class' or a tag name as XPath (ids keep their case, unlike cssselect's HTML mode)."""
    if selector.startswith("#"):
        return id_xpath(selector[1:])
    if selector.startswith("."):
        return class_xpath(selector[1:], word=True)
    return f"//{selector}"


def html_to_text(body: bytes, content_type: str | None = None) -> str:
    """Title line, then the main content's blocks, one per line."""
    tree = page_tree(body, content_type)
    for bad in tree.xpath("|".join(f"//{t}" for t in SKIP)):  # xpath reaches every <html> lxml made of a broken page
        drop_tree(bad)
    title = ""
    h1 = tree.xpath("//h1")
    if h1:
        title = clean(text_of(h1[0]))
    if not title:
        t = tree.xpath("//title")
        title = clean(text_of(t[0])).split("_")[0].split("--")[0] if t else ""
    root = next((found[0] for sel in CONTENT if (found := tree.xpath(_xpath(sel)))), tree)
    lines = [title] if title else []
    inside = set(root.iter())
    for el in root.iter(*BLOCKS - {"title"}):
        if el.tag != "tr" and any(a.tag in BLOCKS for a in el.iterancestors() if a in inside):
            continue
        if el.tag == "tr":
            cells = [clean(text_of(td)) for td in el.xpath("./td|./th")]
            cells = [c for c in cells if c]
            if cells:
                lines.append("\t".join(cells) if len(cells) > 1 else cells[0])
            continue
        if el.xpath(".//tr"):
            continue
        line = clean(text_of(el))
        if line and line != title:
            lines.append(line)
    return "\n\n".join(re.sub(r"\n+", " ", ln) for ln in lines)

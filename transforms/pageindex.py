"""A parsed page whose class selectors are answered from one read of its elements.

libxml2 evaluates `contains(@class, "x")` anew on every candidate element for every selector, at
about half a microsecond each; the parsers ask a dozen such selectors of one page. PageIndex reads
a tag's elements once (lxml's iteration by tag; every `//@class` for selectors over any tag) and
tests their class and id in Python, giving exactly what `tree.xpath(expr)` gives, in document
order. Selectors of any other shape go to lxml unchanged (compiled once).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from lxml import etree

from transforms.select import top_elements, xpath

#: //tag[contains(@class, "x")], then any further steps
_TAG_CLASS = re.compile(r"""//([a-z][a-z0-9]*)\[contains\(@class,\s*(["'])([^"']+)\2\)\]((?:/.*)?)""")
#: //tag[@id="x"], then any further steps
_TAG_ID = re.compile(r"""//([a-z][a-z0-9]*)\[@id\s*=\s*(["'])([^"']+)\2\]((?:/.*)?)""")
#: //tag alone, then any further steps
_TAG = re.compile(r"""//([a-z][a-z0-9]*)((?:/.*)?)""")
#: transforms.select.class_xpath's substring form: //@class[contains(., "a") or …]/.., then any further steps
_ANY_CLASS = re.compile(r"""//@class\[((?:contains\(\., "[^"]+"\)(?: or )?)+)\]/\.\.((?:/.*)?)""")
_PART = re.compile(r'contains\(\., "([^"]+)"\)')
#: Further steps that go down from a descendant step (so that an outer match's steps meet all an
#: inner match's would): descendant and child steps by tag, with class tests, then an attribute or
#: the text nodes.
_DOWNWARD = re.compile(r"""(?=//)(?:/{1,2}[a-z][a-z0-9]*(?:\[contains\(@class,\s*(["'])[^"']+\1\)\])?)*(?:/{1,2}@[a-z]+|/{1,2}text\(\))?""")


@lru_cache(maxsize=256)
def plan(expr: str) -> tuple[str, str | None, tuple[str, ...], str] | None:
    """(what it tests: class, id or just the tag; tag or None for any; class parts or the id;
    further steps) of a selector PageIndex answers itself; None for one it hands to lxml.

    >>> plan('//div[contains(@class,"rm_txt")]//h1'), plan('//@class[contains(., "a") or contains(., "b")]/..')
    (('class', 'div', ('rm_txt',), '//h1'), ('class', None, ('a', 'b'), ''))
    >>> plan('//span[@id="paper_num"]'), plan('//*[@id="x"]') is None, plan('//div[contains(@class, "a")][2]') is None
    (('id', 'span', ('paper_num',), ''), True, True)
    >>> plan('//title'), plan('//body/@class'), plan('//h1[1]//text()') is None
    (('tag', 'title', (), ''), ('tag', 'body', (), '/@class'), True)
    """
    m = _TAG_CLASS.fullmatch(expr)
    if m:
        return "class", m.group(1), (m.group(3),), m.group(4)
    m = _TAG_ID.fullmatch(expr)
    if m:
        return "id", m.group(1), (m.group(3),), m.group(4)
    m = _ANY_CLASS.fullmatch(expr)
    if m:
        return "class", None, tuple(_PART.findall(m.group(1))), m.group(2)
    m = _TAG.fullmatch(expr)
    if m and "[" not in m.group(1):
        return "tag", m.group(1), (), m.group(2)
    return None


class PageIndex:
    """Selectors over one page's tree. Build it once the parser has finished changing the tree
    (stripping scripts, dropping boilerplate): it keeps the elements it has read.

    >>> from transforms.select import html_tree
    >>> page = PageIndex(html_tree('<div class="a x"><h1>T</h1></div><div class="b"><p class="a">p</p></div>'))
    >>> [e.tag for e in page.xpath('//div[contains(@class, "a")]//h1')], [e.tag for e in page.xpath('//@class[contains(., "a")]/..')]
    (['h1'], ['div', 'p'])
    >>> nested = PageIndex(html_tree('<div class="t"><div class="t x"><h1>A</h1></div><h1>B</h1></div><div class="t"><h1>C</h1></div>'))
    >>> [e.text for e in nested.xpath('//div[contains(@class, "t")]//h1')], [e.tag for e in nested.xpath('//div[contains(@class, "t")]/h1')]
    (['A', 'B', 'C'], ['h1', 'h1', 'h1'])
    """

    def __init__(self, tree: etree._Element) -> None:
        self.tree = tree
        self._tags: dict[str, list[Any]] = {}
        self._classes: dict[str, list[tuple[str, Any]]] = {}
        self._any_classes: list[tuple[str, Any]] | None = None
        self._asked_any = False

    def _tag(self, tag: str) -> list[Any]:
        """The tag's elements, in document order, from lxml's own iteration by tag: a third faster
        than XPath's //tag/@class (and at once when the page has no such tag). From every
        top-level element (select.top_elements), as // reaches them."""
        found = self._tags.get(tag)
        if found is None:
            found = self._tags[tag] = [el for top in top_elements(self.tree) for el in top.iter(tag)]
        return found

    def _class_values(self, tag: str | None) -> list[tuple[str, Any]]:
        """(class value, element) of the tag's elements that have one (any tag: None), in document order."""
        if tag is not None:
            found = self._classes.get(tag)
            if found is None:
                found = self._classes[tag] = [(c, el) for el in self._tag(tag) if (c := el.get("class")) is not None]
            return found
        if self._any_classes is None:
            self._any_classes = [(str(c), c.getparent()) for c in xpath("//@class")(self.tree)]
        return self._any_classes

    def xpath(self, expr: str) -> list[Any]:
        """What `tree.xpath(expr)` gives."""
        p = plan(expr)
        if p is None:
            return xpath(expr)(self.tree)
        attribute, tag, parts, rest = p
        if attribute == "tag":
            matched = list(self._tag(tag))  # type: ignore[arg-type]
        elif attribute == "id":
            ident = parts[0]
            matched = [el for el in self._tag(tag) if el.get("id") == ident]  # type: ignore[arg-type]
        elif tag is None and not self._asked_any:
            # every class value of a big page costs more to read than one lxml scan: read them
            # for the second selector over any tag, not for the first
            self._asked_any = True
            return xpath(expr)(self.tree)
        elif len(parts) == 1:
            part = parts[0]
            matched = [el for cls, el in self._class_values(tag) if part in cls]
        else:
            matched = [el for cls, el in self._class_values(tag) if any(x in cls for x in parts)]
        if not rest:
            return matched
        if len(matched) > 1:
            if not _DOWNWARD.fullmatch(rest):  # steps that may leave a match's subtree: lxml orders and merges
                return xpath(expr)(self.tree)
            # downward steps from nested matches meet the same nodes: take them from the outermost
            # matches only, whose subtrees are disjoint and in document order
            outer: list[Any] = []
            for el in matched:
                if not outer or not any(a is outer[-1] for a in el.iterancestors()):
                    outer.append(el)
            return [found for el in outer for found in xpath("." + rest)(el)]
        return xpath("." + rest)(matched[0]) if matched else []

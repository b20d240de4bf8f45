"""A parsed page whose class selectors are answered from one read of its elements.

libxml2 evaluates `contains(@class, "x")` anew on every candidate element for every selector, at
about half a microsecond each; the parsers ask a dozen such selectors of one page. PageIndex reads
the class values of a tag's elements once (`//div/@class`, or every `//@class`) and tests them in
Python, giving exactly what `tree.xpath(expr)` gives, in document order. Selectors of any other
shape go to lxml unchanged.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from lxml import etree

#: //tag[contains(@class, "x")], then any further steps
_TAG_CLASS = re.compile(r"""//([a-z][a-z0-9]*)\[contains\(@class,\s*(["'])([^"']+)\2\)\]((?:/.*)?)""")
#: transforms.select.class_xpath's substring form: //@class[contains(., "a") or …]/.., then any further steps
_ANY_CLASS = re.compile(r"""//@class\[((?:contains\(\., "[^"]+"\)(?: or )?)+)\]/\.\.((?:/.*)?)""")
_PART = re.compile(r'contains\(\., "([^"]+)"\)')


@lru_cache(maxsize=256)
def plan(expr: str) -> tuple[str | None, tuple[str, ...], str] | None:
    """(tag or None for any, class parts, further steps) of a selector PageIndex answers itself;
    None for one it hands to lxml.

    >>> plan('//div[contains(@class,"rm_txt")]//h1'), plan('//@class[contains(., "a") or contains(., "b")]/..')
    (('div', ('rm_txt',), '//h1'), (None, ('a', 'b'), ''))
    >>> plan('//*[@id="x"]') is None, plan('//div[contains(@class, "a")][2]') is None
    (True, True)
    """
    m = _TAG_CLASS.fullmatch(expr)
    if m:
        return m.group(1), (m.group(3),), m.group(4)
    m = _ANY_CLASS.fullmatch(expr)
    if m:
        return None, tuple(_PART.findall(m.group(1))), m.group(2)
    return None


class PageIndex:
    """Selectors over one page's tree. Build it once the parser has finished changing the tree
    (stripping scripts, dropping boilerplate): it keeps the elements it has read.

    >>> from transforms.select import html_tree
    >>> page = PageIndex(html_tree('<div class="a x"><h1>T</h1></div><div class="b"><p class="a">p</p></div>'))
    >>> [e.tag for e in page.xpath('//div[contains(@class, "a")]//h1')], [e.tag for e in page.xpath('//@class[contains(., "a")]/..')]
    (['h1'], ['div', 'p'])
    """

    def __init__(self, tree: etree._Element) -> None:
        self.tree = tree
        self._classes: dict[str | None, list[Any]] = {}
        self._asked_any = False

    def _class_values(self, tag: str | None) -> list[Any]:
        """The class values of the tag's elements (any tag: None), in document order: lxml's smart
        strings, whose getparent() is the element."""
        found = self._classes.get(tag)
        if found is None:
            found = self._classes[tag] = self.tree.xpath(f"//{tag}/@class" if tag else "//@class")
        return found

    def xpath(self, expr: str) -> list[Any]:
        """What `tree.xpath(expr)` gives."""
        p = plan(expr)
        if p is None:
            return self.tree.xpath(expr)
        tag, parts, rest = p
        if tag is None and not self._asked_any:
            # every class value of a big page costs more to read than one lxml scan: read them
            # for the second selector over any tag, not for the first
            self._asked_any = True
            return self.tree.xpath(expr)
        if len(parts) == 1:
            part = parts[0]
            matched = [cls.getparent() for cls in self._class_values(tag) if part in cls]
        else:
            matched = [cls.getparent() for cls in self._class_values(tag) if any(x in cls for x in parts)]
        if not rest:
            return matched
        if len(matched) > 1:  # the steps after may meet the same nodes from nested matches: lxml orders and merges
            return self.tree.xpath(expr)
        return matched[0].xpath("." + rest) if matched else []

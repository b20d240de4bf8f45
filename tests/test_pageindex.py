"""PageIndex answers the parsers' selectors itself (class values read once per tag, ids, nested
matches); whatever it answers must be exactly what lxml's XPath gives, in the same order, on real
pages of every template and on damaged ones."""

from __future__ import annotations

from typing import Any

import pytest

from bench.same_output import seed_pages
from transforms import govcn_patterns, people, scio, stats
from transforms.pageindex import PageIndex, plan
from transforms.select import class_xpath, page_tree, strip_tags

#: Every selector the parsers hand to PageIndex, and shapes it must get right that they do not
#: use yet: nested class matches followed by descendant and child steps, attributes, text.
SELECTORS = sorted({
    *(xp for template in people.TEMPLATES.values() for xp in template.values()),
    '//span[@id="paper_num"]', '//div[contains(@class,"zdfy")]//a/@href',
    *govcn_patterns.BODY, *govcn_patterns.TITLE, govcn_patterns.DATE_LINE,
    *(xp for template in stats.TEMPLATES.values() for xp in template),
    *scio.BODY,
    '//div[contains(@class, "a")]//p', '//div[contains(@class, "a")]/p', '//div[contains(@class, "a")]//text()',
    '//div[contains(@class, "a")]/@class', '//div[@id="x"]//p', class_xpath("a", "b"), class_xpath("a") + "//p",
    "//title", "//td", "//meta", "//body/@class", "//div//p",
})
NESTED = ('<html><body><div class="a"><p>1</p><div class="a b" id="x"><p>2</p><span>t</span></div><p>3</p></div>'
          '<div class="c"><p>4</p></div><div class="ab"><p class="b">5</p></div></body></html>').encode()


def _same(ours: list[Any], theirs: list[Any]) -> bool:
    """Node for node the same: elements by identity (lxml keeps one proxy per live node),
    strings by value and parent."""
    if len(ours) != len(theirs):
        return False
    for a, b in zip(ours, theirs):
        if isinstance(b, str):
            if str(a) != str(b) or getattr(a, "getparent", lambda: None)() is not getattr(b, "getparent", lambda: None)():
                return False
        elif a is not b:
            return False
    return True


@pytest.mark.parametrize("name,body", [("nested", NESTED), *seed_pages(8, seed=11)], ids=lambda v: v if isinstance(v, str) else "")
def test_page_index_gives_what_lxml_gives(name: str, body: bytes) -> None:
    tree = page_tree(body, "text/html")
    strip_tags(tree, "script", "style")
    page = PageIndex(tree)
    for _ in range(2):  # the first any-tag selector goes to lxml, later ones are answered from the read
        for xp in SELECTORS:
            assert _same(page.xpath(xp), tree.xpath(xp)), (name, xp)


def test_the_selectors_are_answered_by_page_index_not_passed_on() -> None:
    """The check above is worth something only where PageIndex answers itself: every shape it
    knows is among the selectors (the others go to lxml unchanged)."""
    shapes = {(p[0], p[1] is None, bool(p[3])) for xp in SELECTORS if (p := plan(xp)) is not None}
    assert shapes >= {("class", False, False), ("class", False, True), ("class", True, False), ("class", True, True),
                      ("id", False, False), ("id", False, True), ("tag", False, False), ("tag", False, True)}

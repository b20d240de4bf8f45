"""page_tree hands a UTF-8 page's bytes to libxml2 without decoding them first, trusting libxml2
to report invalid bytes; the tree must be exactly the one its decoded text gives (decode_page,
then html_tree), on real pages, damaged ones and the cases where the two could part."""

from __future__ import annotations

import codecs
import sys

import pytest
from lxml import etree

from bench.fuzz import seeds
from bench.same_output import seed_pages
from transforms.encoding import decode_page
from transforms.select import html_tree, page_tree, top_elements

#: More problems than libxml2 reports of one parse (it stops at 100), then an invalid byte: the
#: byte goes unreported, so only the count tells that the bytes were not all checked.
MANY_PROBLEMS = b"<html><body>" + b"</x>" * 150 + b"<p>\xe4\xba\xba\xe4\xba</p></body></html>"
CASES = {
    "invalid byte": b"<html><body><p>\xe4\xba\xba\xe4\xba and \xff</p></body></html>",
    "invalid byte in an attribute": b'<html><body><a href="/a\xffb">x</a></body></html>',
    "many problems first": MANY_PROBLEMS,
    "a literal U+FFFD": "<html><body><p>a\ufffdb</p></body></html>".encode(),
    "control bytes": b"<html><body><p>a\x01b\x0bc</p></body></html>",
    "BOM": codecs.BOM_UTF8 + "<html><body><p>人民日报</p></body></html>".encode(),
    "declared GB, UTF-8 bytes": '<html><head><meta charset="gb2312"></head><body><p>人民日报</p></body></html>'.encode(),
    "declared GB, GB bytes": '<html><head><meta charset="gb2312"></head><body><p>人民日报</p></body></html>'.encode("gb18030"),
    "Chinese white space first": "\u3000<html><body><p>人民日报</p></body></html>".encode(),
    "a fragment": "<p>人民日报</p>".encode(),
    "empty": b"",
}


def _serialised(tree: etree._Element) -> list[bytes]:
    return [etree.tostring(top) for top in top_elements(tree)]


def _by_text(body: bytes, content_type: str | None) -> list[bytes]:
    page = decode_page(body, content_type)
    return _serialised(html_tree(page.text, page.utf8))


@pytest.mark.parametrize("name,body", [*CASES.items(), *seed_pages(6, seed=5)], ids=lambda v: v if isinstance(v, str) else "")
def test_page_tree_is_the_tree_of_the_decoded_text(name: str, body: bytes) -> None:
    for content_type in (None, "text/html; charset=utf-8"):
        assert _serialised(page_tree(body, content_type)) == _by_text(body, content_type), (name, content_type)


def test_the_cases_take_both_ways() -> None:
    """The comparison above is worth something only if libxml2 alone would part from the decoded
    text on the invalid pages (it replaces bytes its own way) and really reads the others."""
    raw = etree.HTMLParser(collect_ids=False, encoding="utf-8")
    for name in ("invalid byte", "many problems first"):
        assert _serialised(etree.fromstring(CASES[name], raw)) != _by_text(CASES[name], None), name
    etree.fromstring(MANY_PROBLEMS, raw)
    assert len(raw.error_log) == 100 and all(e.type != etree.ErrorTypes.ERR_INVALID_ENCODING for e in raw.error_log)


def test_threads_each_read_their_own_parse() -> None:
    """page_tree decides by what libxml2 reported of the parse it just made, so each thread has
    its own parser: pages parsed on several threads at once, valid and invalid mixed, still each
    get the decoded text's tree. (With one parser shared, another thread's report is read now
    and then: this fails in about one run of three then, a race, not every time.)"""
    from concurrent.futures import ThreadPoolExecutor

    bodies = [CASES["invalid byte"], CASES["many problems first"], *(s.body for s in seeds())]
    expected = [_by_text(b, None) for b in bodies]

    def run(offset: int) -> bool:
        order = [(offset + k) % len(bodies) for k in range(len(bodies))] * 20
        return all(_serialised(page_tree(bodies[i])) == expected[i] for i in order)

    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # threads take turns between any two statements
    try:
        with ThreadPoolExecutor(4) as pool:
            assert all(pool.map(run, range(4)))
    finally:
        sys.setswitchinterval(interval)

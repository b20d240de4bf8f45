"""Decode landed bytes by the declared charset (HTTP header, then <meta>), GB2312/GBK read as gb18030."""

from __future__ import annotations

import codecs
import re
from functools import lru_cache
from typing import NamedTuple

from w3lib.encoding import (
    html_body_declared_encoding,
    html_to_unicode,
    http_content_type_encoding,
    read_bom,
)


class DecodedPage(NamedTuple):
    encoding: str
    text: str
    #: the bytes themselves when `text` is exactly their UTF-8 reading (no BOM, nothing replaced
    #: or removed): libxml2 reads those faster than the text
    utf8: bytes | None


def decode_page(body: bytes, content_type: str | None = None) -> DecodedPage:
    """decode_html's (encoding, text), and the bytes when the text is exactly their UTF-8 reading.

    >>> decode_page("<p>人民日报</p>".encode()).utf8 is not None, decode_page(b"<p>\\xff</p>").utf8
    (True, None)
    """
    content_type = _trusted_header(body, content_type)
    declared = declared_encoding(body, content_type)
    if declared in GB_FAMILY and (utf8_text := _utf8_text(body)) is not None:
        # a browser snapshot re-serialised as UTF-8 that kept its GB2312 <meta> (STRUCTURE.md §5):
        # real GB bytes of Chinese text are practically never valid UTF-8
        encoding, text = "utf-8", utf8_text
        exact = True
    else:
        encoding, text = html_to_unicode(content_type, body)  # reads the encoding declared_encoding names
        exact = _read_as_utf8(body, declared) and "\ufffd" not in text  # nothing replaced
    if any(b in body for b in CONTROL_BYTES):  # rare; 28 memchr scans tell, faster than a translate copy or a regex
        text = CONTROL.sub("", text)
        exact = False
    return DecodedPage(encoding, text, body if exact else None)


def _trusted_header(body: bytes, content_type: str | None) -> str | None:
    """The Content-Type header to go by: none when it names a server's Western default
    (ISO-8859-1 was HTTP/1.1's; w3lib reads every Western single-byte name as cp1252) on a page
    of Chinese text, whose own <meta> or BOM, else its bytes, then decide."""
    if _header_encoding(content_type) == "cp1252" and not body[:20000].isascii():
        return None
    return content_type


def utf8_as_is(body: bytes, content_type: str | None = None) -> bool:
    """Whether decode_page reads `body` as the UTF-8 its bytes are, given that they are valid
    UTF-8: declared UTF-8 or declaring nothing, no BOM, no control byte. A page declared GB
    is not (decode_page decides such a page by decoding it). What reads the bytes must check
    their validity itself: libxml2 does, reporting ERR_INVALID_ENCODING (select.page_tree).

    >>> utf8_as_is("<meta charset=utf-8><p>人民日报</p>".encode()), utf8_as_is(b"<p>x</p>", "text/html; charset=gbk")
    (True, False)
    >>> utf8_as_is(codecs.BOM_UTF8 + b"<p>x</p>"), utf8_as_is(b"<p>a\\x01</p>")
    (False, False)
    """
    return _read_as_utf8(body, declared_encoding(body, _trusted_header(body, content_type))) and not any(b in body for b in CONTROL_BYTES)


def _read_as_utf8(body: bytes, declared: str | None) -> bool:
    """Whether html_to_unicode reads `body`, whose declared encoding is `declared`, as UTF-8 with
    nothing to skip first: declared UTF-8 or nothing (w3lib's default, "utf8"), and no BOM."""
    return declared in (None, "utf-8", "utf8") and not body.startswith(codecs.BOM_UTF8)


def decode_html(body: bytes, content_type: str | None = None) -> tuple[str, str]:
    """Return (encoding, text). w3lib maps gb2312 and gbk to their superset gb18030.

    >>> decode_html('<meta charset="gb2312"><p>人民日报</p>'.encode("gb2312"))[0]
    'gb18030'
    >>> decode_html(b"<p>x</p>", "text/html; charset=utf-8")
    ('utf-8', '<p>x</p>')
    >>> decode_html('<meta charset="gb2312"><p>人民日报</p>'.encode("utf-8"))  # meta kept, bytes re-encoded
    ('utf-8', '<meta charset="gb2312"><p>人民日报</p>')
    >>> decode_html('<meta charset="utf-8"><p>人民日报</p>'.encode("utf-8"), "text/html; charset=ISO-8859-1")
    ('utf-8', '<meta charset="utf-8"><p>人民日报</p>')
    >>> decode_html(b"<p>a" + bytes([1]) + b"b" + bytes([0]) + b"</p>", "text/html; charset=utf-8")
    ('utf-8', '<p>ab</p>')
    """
    page = decode_page(body, content_type)
    return page.encoding, page.text


#: w3lib's reading of a Content-Type header, kept per header: a site sends the same few.
_header_encoding = lru_cache(maxsize=64)(http_content_type_encoding)
GB_FAMILY = {"gb18030", "gbk", "gb2312", "cp936"}
#: C0 controls but tab and line ends, and DEL: never text in HTML, and lxml refuses them in names
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
#: The same as bytes: in UTF-8 and the GB encodings they never occur inside a multi-byte character
CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])


def declared_encoding(body: bytes, content_type: str | None = None) -> str | None:
    """The encoding w3lib's html_to_unicode goes by, without decoding: a BOM's, else the header's,
    else the page's own declaration (None: none, its UTF-8 default).

    >>> declared_encoding('<meta charset="gb2312">'.encode()), declared_encoding(b"<p>x</p>", "text/html; charset=GBK")
    ('gb18030', 'gb18030')
    """
    bom, _ = read_bom(body)
    return bom or _header_encoding(content_type) or html_body_declared_encoding(body)


def _utf8_text(body: bytes) -> str | None:
    """The bytes read as UTF-8 when they are valid UTF-8 holding more than ASCII, else None."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return None if body[:20000].isascii() else text

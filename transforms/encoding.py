"""Decode landed bytes by the declared charset (HTTP header, then <meta>), GB2312/GBK read as gb18030."""

from __future__ import annotations

from w3lib.encoding import html_to_unicode


def decode_html(body: bytes, content_type: str | None = None) -> tuple[str, str]:
    """Return (encoding, text). w3lib maps gb2312 and gbk to their superset gb18030.

    >>> decode_html('<meta charset="gb2312"><p>人民日报</p>'.encode("gb2312"))[0]
    'gb18030'
    >>> decode_html(b"<p>x</p>", "text/html; charset=utf-8")
    ('utf-8', '<p>x</p>')
    >>> decode_html('<meta charset="gb2312"><p>人民日报</p>'.encode("utf-8"))  # meta kept, bytes re-encoded
    ('utf-8', '<meta charset="gb2312"><p>人民日报</p>')
    """
    encoding, text = html_to_unicode(content_type, body)
    if encoding in GB_FAMILY and _is_utf8(body):
        # a browser snapshot re-serialised as UTF-8 that kept its GB2312 <meta> (STRUCTURE.md §5):
        # real GB bytes of Chinese text are practically never valid UTF-8
        return "utf-8", body.decode("utf-8")
    return encoding, text


GB_FAMILY = {"gb18030", "gbk", "gb2312", "cp936"}


def _is_utf8(body: bytes) -> bool:
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return any(b >= 0x80 for b in body[:20000])

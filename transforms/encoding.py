"""Decode landed bytes by the declared charset (HTTP header, then <meta>), GB2312/GBK read as gb18030."""

from __future__ import annotations

from w3lib.encoding import html_to_unicode


def decode_html(body: bytes, content_type: str | None = None) -> tuple[str, str]:
    """Return (encoding, text). w3lib maps gb2312 and gbk to their superset gb18030.

    >>> decode_html('<meta charset="gb2312"><p>人民日报</p>'.encode("gb2312"))[0]
    'gb18030'
    >>> decode_html(b"<p>x</p>", "text/html; charset=utf-8")
    ('utf-8', '<p>x</p>')
    """
    encoding, text = html_to_unicode(content_type, body)
    return encoding, text

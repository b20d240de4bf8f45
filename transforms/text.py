"""Small text helpers shared by the parsers."""

from __future__ import annotations

import re
from datetime import date, datetime


def clean(text: str | None) -> str:
    """Collapse runs of whitespace (ASCII, U+3000, NBSP) to one space and strip.

    >>> clean("\\u3000\\u3000本报北京3月26日电  记者\\r\\n张三 ")
    '本报北京3月26日电 记者 张三'
    """
    return " ".join((text or "").split())  # str.split's whitespace is the regex's \s (U+3000, NBSP included), 5x faster


def calendar_day(y: str | int, m: str | int, d: str | int) -> date | None:
    """The day the numbers name, or None when they name none (a damaged page: 2024年13月27日).

    >>> calendar_day("2024", "03", "27"), calendar_day(2024, 13, 27), calendar_day("0000", 1, 1)
    (datetime.date(2024, 3, 27), None, None)
    """
    try:
        return date(int(y), int(m), int(d))
    except ValueError:
        return None


_CN_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")


def cn_date(text: str | None) -> date | None:
    """The first '2026年09月17日' in a text, as a date (None when there is none, or no such day).

    >>> cn_date("人民日报 2026年09月17日 星期四"), cn_date("2026年13月17日")
    (datetime.date(2026, 9, 17), None)
    """
    m = _CN_DATE.search(text or "")
    return calendar_day(*m.groups()) if m else None


def beijing_time(y: str, m: str, d: str, hh: str | None = None, mm: str | None = None, ss: str | None = None) -> str | None:
    """ISO 8601 in Beijing time from the pieces a page prints, or None when they name no moment.

    >>> beijing_time("2024", "03", "27", "10", "05"), beijing_time("2024", "03", "27", "25", "00")
    ('2024-03-27T10:05:00+08:00', None)
    """
    text = f"{y}-{m}-{d}T{hh or '00'}:{mm or '00'}:{ss or '00'}+08:00"
    try:
        datetime.fromisoformat(text)
    except ValueError:
        return None
    return text


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

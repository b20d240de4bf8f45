"""Numbers as printed: Arabic (with thousands separators, full-width digits) or Chinese numerals.
cn2an converts Chinese numeral spans only, never whole sentences."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import cn2an  # type: ignore[import-untyped, import-not-found, unused-ignore]

ARABIC = r"\d+(?:[.,]\d+)*(?:\.\d+)?"
#: The characters Chinese numerals are written with.
NUMERAL_CHARS = "零〇一二三四五六七八九十百千万亿两"
CHINESE = rf"[{NUMERAL_CHARS}]+(?:点[零〇一二三四五六七八九]+)?"
NUMBER = rf"(?:{ARABIC}|{CHINESE})"
#: Numerals of one character.
DIGITS = {c: float(v) for v, c in enumerate("零一二三四五六七八九十")} | {"〇": 0.0, "两": 2.0}


@lru_cache(maxsize=4096)
def to_number(span: str) -> float | None:
    """The value of a numeral span, or None when it is not one.

    >>> to_number("81,307"), to_number("7.5"), to_number("８１３０７")
    (81307.0, 7.5, 81307.0)
    >>> to_number("百分之八点八"), to_number("三点四"), to_number("二十九万六千二百九十九")
    (8.8, 3.4, 296299.0)
    >>> to_number("两"), to_number("一批") is None
    (2.0, True)
    """
    if span in DIGITS:  # 一批, 两个, 三大 (what cn2an gives, without its parsing; before float(), whose
        return DIGITS[span]  # ValueError on them costs more than this lookup does on every number)
    try:
        return float(span)  # the common case: 7.5, 81307 (float reads full-width digits too)
    except ValueError:
        pass
    s = unicodedata.normalize("NFKC", span).strip()
    s = s.removeprefix("百分之")
    if re.fullmatch(r"\d+(?:,\d{3})+(?:\.\d+)?", s):
        s = s.replace(",", "")
    if re.fullmatch(r"\d+(?:\.\d+)?", s):
        return float(s)
    if re.fullmatch(CHINESE, s):
        span = s.replace("两", "二").replace("〇", "零")
        for mode in ("strict", "smart"):  # strict is the faster and reads every well-formed numeral
            try:
                return float(cn2an.cn2an(span, mode))
            except (ValueError, KeyError):
                continue
        return None
    return None


def clean_float(x: float) -> float | int:
    """Printed precision without float noise: 8.8*1e8 stays 880000000.

    >>> clean_float(8.1307 * 1e12), clean_float(0.1 + 0.2)
    (8130700000000.0, 0.3)
    """
    if x.is_integer() and -1e10 < x < 1e10:  # ten digits or fewer print exactly
        return x
    return float(f"{x:.10g}") if x == x else x

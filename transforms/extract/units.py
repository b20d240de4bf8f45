"""Units as printed (亿元, 万辆, 个百分点, %) → canonical unit and scale."""

from __future__ import annotations

import re
from functools import lru_cache

from transforms.extract.lexicon import BASE_UNITS, PEOPLE, PERCENT, PP, SCALES

_BASES = sorted(BASE_UNITS, key=len, reverse=True)
_EXTRA = {"公斤": "kg", "平方公里": "sqkm", "门": "count", "倍": "times", "番": "doubling", "天": "day", "个月": "month",
          "小时": "hour", "个工作日": "workday", "工作日": "workday", "次": "count", "国": "count", "岁": "year",
          "度": "kwh"}
_BASES = sorted([*BASE_UNITS, *_EXTRA], key=len, reverse=True)
_SCALE_RE = "|".join(sorted(SCALES, key=len, reverse=True))
_LISTED = [b for b in _BASES if b not in ("个", "种", "项", "家", "批")]
#: Every character a unit can start with: re checks this one class before trying each unit in turn
#: after every numeral (一 in 进一步 included).
UNIT_FIRST = "".join(sorted({"个", "百", "%", "％", "日", "年", "万", "亿", "家", "种", "项", "成"} | {w[0] for w in SCALES} | {b[0] for b in _LISTED}))
UNIT = (
    rf"(?=[{re.escape(UNIT_FIRST)}])"
    + r"(?:个百分点|百分点|%|％|"
    + rf"(?:{_SCALE_RE})?(?:余|多)?(?:{'|'.join(re.escape(b) for b in _LISTED)})"
    # 3年以上; 不超过3年。 期限为2年， (a span a rule or a term states; not 近3年， or 2023年，)
    + r"|日(?=内)|年(?=以上|以下|及以上)|(?:(?<=[过于为满达足少多至]\d)|(?<=[过于为满达足少多至]\d\d))年(?=[，,。；;）)]|$)|(?:万|亿)?(?:余|多)?(?:家|个|种|项)"
    # 三成: tenths, as per cent (not 成为, 成功, 成本, 成果 …)
    + r"|成(?![为功本长效果绩员都就立交型品])"
    # 五百万高级专门人才, 30万黄河滩区居民: a scale alone before people counts persons
    + rf"|(?:万|亿)(?=[\u4e00-\u9fff]{{0,8}}?(?:{'|'.join(PEOPLE)}))"
    + r")"
)


_SCALES_LONGEST_FIRST = sorted(SCALES.items(), key=lambda kv: -len(kv[0]))


@lru_cache(maxsize=512)
def parse_unit(text: str) -> tuple[str, float | int]:
    """(canonical unit, scale) of a printed unit.

    >>> parse_unit("亿元"), parse_unit("万亿元"), parse_unit("个百分点"), parse_unit("%")
    (('CNY', 100000000.0), ('CNY', 1000000000000.0), ('pp', 1), ('pct', 1))
    >>> parse_unit("万辆"), parse_unit("家"), parse_unit("亿千瓦时"), parse_unit("万家")
    (('vehicle', 10000.0), ('count', 1), ('kwh', 100000000.0), ('count', 10000.0))
    >>> parse_unit("万多项"), parse_unit("个工作日"), parse_unit("亿度"), parse_unit("成")
    (('count', 10000.0), ('workday', 1), ('kwh', 100000000.0), ('pct', 10))
    """
    if "多" in text or "余" in text:  # 3万多项, 二十多万个: the approximation is the value's
        text = text.replace("多", "").replace("余", "")
    if text in PERCENT:
        return "pct", 1
    if text in PP:
        return "pp", 1
    for prefix, scale in _SCALES_LONGEST_FIRST:
        rest = text[len(prefix):]
        if text.startswith(prefix) and rest and (rest in BASE_UNITS or rest in _EXTRA):
            return BASE_UNITS.get(rest) or _EXTRA[rest], scale
    if text == "日":
        return "day", 1
    if text == "成":  # 三成: 30 per cent
        return "pct", 10
    if text == "年":  # 3年以上 in a rule: a duration
        return "year", 1
    if text in ("万", "亿"):  # a scale alone (read only before people): persons
        return "person", SCALES[text]
    return BASE_UNITS.get(text) or _EXTRA.get(text, text), 1

"""Listed subjects that distribute their values: 分别 pairs k values with k listed indicators in
order ("A、B分别增长3.1%和4.2%"), 均/都 gives one value to each ("A和B均增长5%"), and a list of
periods (一、二、三季度GDP分别增长…) gives each value its period. Pure functions on a sentence's
figures, run after they are read."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from transforms.extract import lexicon as L
from transforms.extract.clauses import clause_span, clean_indicator, head_text, split_qualifiers
from transforms.extract.periods import find_periods
from transforms.extract.records import Figure

#: The words that make a listed subject share its values (not 人均's 均, not 首都's 都).
RESPECTIVELY = re.compile(r"分别|(?<![人亩户日月年平])均|(?<![首])都")
#: What the subject of a 分别 clause may end with before the word: its basis.
BASIS_BEFORE = re.compile(r"(?:同比|环比)$")
#: Conjunctions that join a list's last item (A、B和C).
CONJUNCTIONS = "和及与"
#: A subject that is only a rate's name (涨幅, 增速): the rates of the figures named before.
RATE_ONLY = re.compile(r"(?:其)?(?:涨幅|增幅|增速|降幅|跌幅|增长速度|增长幅度)")
#: A listed period's items: 一、二、三季度, 1、2月份.
PERIOD_ITEMS = re.compile(r"^(?P<items>(?:[一二三四1-4]、)+)(?P<last>[一二三四1-4](?:和|、)?)?(?P<unit>季度|月份|月)(?P<rest>.*)$")


def list_items(phrase: str, n: int | None) -> list[str] | None:
    """The items of a listed subject: split at 、, and the last at its conjunction when one more
    item is needed (or always, for 均 lists of unknown length).

    >>> list_items("汽车制造业、电气机械和器材制造业增加值", 2)
    ['汽车制造业', '电气机械和器材制造业增加值']
    >>> list_items("集成电路、服务机器人和新能源汽车产量", 3), list_items("出口和进口", None)
    (['集成电路', '服务机器人', '新能源汽车产量'], ['出口', '进口'])
    >>> list_items("新能源汽车产销", 2)
    ['新能源汽车产量', '新能源汽车销量']
    """
    if n == 2 and (word := next((w for w in L.PAIRED_MEASURES if phrase.endswith(w)), None)) is not None:
        return [phrase[: -len(word)] + m for m in L.PAIRED_MEASURES[word]]  # 新能源汽车产销分别完成…: two measures in one word
    items = [x for x in phrase.split("、") if x]
    if n is not None and len(items) == n:
        return items if n >= 2 else None
    last = items[-1] if items else ""
    cut = max(last.rfind(c) for c in CONJUNCTIONS)
    if cut > 0 and cut < len(last) - 1 and (n is None or len(items) + 1 == n):
        items = [*items[:-1], last[:cut], last[cut + 1:]]
    return items if len(items) >= 2 and (n is None or len(items) == n) else None


def shared_head(items: list[str]) -> str:
    """The measure the last item carries for all: what follows the first item's ending inside the
    last one (汽车制造业、电气机械和器材制造业增加值 → 增加值), the last one's words from a subject's
    head word on (城镇和农村居民人均可支配收入 → 居民人均可支配收入), else a known head word.

    >>> shared_head(["汽车制造业", "电气机械和器材制造业增加值"]), shared_head(["城镇", "农村居民人均可支配收入"])
    ('增加值', '居民人均可支配收入')
    >>> shared_head(["集成电路", "服务机器人", "新能源汽车产量"]), shared_head(["出口", "进口"])
    ('产量', '')
    >>> shared_head(["鸡蛋", "淡水鱼", "食用植物油价格"]), shared_head(["基本养老", "失业", "工伤保险参保人数"])
    ('价格', '保险参保人数')

    """
    first, last = items[0], items[-1]
    for n in range(min(4, len(first)), 0, -1):
        i = last.rfind(first[-n:])
        if i >= 0:
            return last[i + n:]
    for k in range(1, len(last) - 1):  # 城镇和农村|居民人均可支配收入: a subject's head word opens the shared part
        if last.startswith(L.SUBJECT_HEADS, k) or (last.startswith(L.KIND_HEADS, k) and k <= max(map(len, items[:-1]))):
            return last[k:]  # (基本养老、失业、工伤|保险参保人数: a kind noun too)
    return next((h for h in L.LIST_HEADS if last.endswith(h) and last != h), "")


def _named(fig: Figure, full: str) -> None:
    fig.indicator_full = full
    head, fig.qualifiers = split_qualifiers(full)
    fig.indicator_text = head_text(head)


def distribute(sentence: str, figs: list[Figure], anchor: date) -> list[Figure]:
    """The figures of a sentence with listed subjects distributed: each value renamed after its
    item (分别), copied for every item (均), or dated by its listed period; the copies returned."""
    if not figs or ("分别" not in sentence and "均" not in sentence and "都" not in sentence):
        return []
    copies: list[Figure] = []
    evidence = sentence.strip()
    previous: list[str] | None = None
    for km in RESPECTIVELY.finditer(sentence):
        start, end = clause_span(sentence, km.start(), km.end())
        clause = sentence[start:end]
        in_clause = [f for f in figs if f.evidence == evidence and clause.find(f.value_text) >= 0]
        if not in_clause:
            continue
        written = BASIS_BEFORE.sub("", sentence[start:km.start()])
        subject = clean_indicator(written)
        if km.group(0) == "分别":
            by_category: dict[str, list[Figure]] = {}
            for f in in_clause:
                by_category.setdefault(f.category, []).append(f)
            for group in by_category.values():
                opening = sentence[:start].rstrip("，, ")  # 一、二、三季度，服务业增加值分别…
                if _by_period(written.strip(), group, anchor) or (
                        opening and "、" in opening and _by_period(opening + written.strip(), group, anchor)):
                    continue
                items = list_items(subject, len(group)) if subject else None
                items = items or (previous if previous is not None and len(previous) == len(group) else None)
                if items is None and (not subject or RATE_ONLY.fullmatch(subject)):  # …，涨幅分别回落A和B: of the figures before
                    before = list(dict.fromkeys(f.indicator_full for f in figs if f.evidence == evidence and f not in in_clause
                                                and f.category == "growth_rate"))
                    items = before if len(before) == len(group) else None
                if items is None:
                    continue
                head = shared_head(items)
                for f, item in zip(group, items):
                    _named(f, item if not head or item.endswith(head) else item + head)
                previous = items
        elif len(in_clause) == 1 and subject:  # 出口和进口均增长5%: the value is each item's
            items = list_items(subject, None)
            if items is None:
                continue
            head = shared_head(items)
            f = in_clause[0]
            for k, item in enumerate(items):
                target = f if k == 0 else replace(f)
                _named(target, item if not head or item.endswith(head) else item + head)
                if k:
                    copies.append(target)
            previous = items
    return copies


def _by_period(subject: str, group: list[Figure], anchor: date) -> bool:
    """一、二、三季度GDP分别增长5.3%、4.7%和4.6%: each value is its listed period's, of the rest."""
    m = PERIOD_ITEMS.match(subject)
    if m is None:
        return False
    numerals = [x for x in re.split(r"[、和]", m.group("items") + (m.group("last") or "")) if x]
    if len(numerals) != len(group):
        return False
    periods = [find_periods(f"{x}{m.group('unit')}", anchor) for x in numerals]
    if not all(periods):
        return False
    rest = m.group("rest")
    for f, p in zip(group, periods):
        f.period, f.period_text, f.period_type = p[0].canonical, p[0].text, p[0].type
        if rest:
            _named(f, rest)
    return True

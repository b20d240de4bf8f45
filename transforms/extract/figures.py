"""Headline figures from a document's paragraphs: growth rates, percentage-point changes, levels,
shares, counts, index levels, contributions and targets, each with indicator, period, basis,
direction and streak, read against the document's context (context.py). Each value is read in
named steps: its number and unit, whether it is a figure at all, its category, its indicator (the
clause's noun phrase, or the subject an elliptical clause leaves out), its period (the clause's,
the paragraph's, the section's, the document's), its basis. Rules only; every word list comes
from lexicon.py."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field

from transforms.extract import lexicon as L
from transforms.extract.clauses import (
    HEAD_VERB_AT,
    RELATIONAL,
    has_any,
    alt,
    clause_span,
    clean_indicator,
    full_text,
    head_text,
    split_qualifiers,
    split_sentences,
    subject_of,
    trie_arms,
)
from transforms.extract.clauses import CLAUSE_SPLIT as CLAUSE_SPLIT
from transforms.extract.lists import distribute
from transforms.extract.context import PASSAGE_BASIS, Context, begin_paragraph, finished, shift_month, stock_period
from transforms.extract.numerals import CHINESE, NUMBER, NUMERAL_CHARS, clean_float, to_number
from transforms.extract.periods import YEARS_COUNTED, Period, base_period, counted_years, find_periods, since_period, year_period
from transforms.extract.records import Figure
from transforms.extract.units import UNIT, UNIT_FIRST, parse_unit

_ALT = alt
__all__ = ["Context", "extract_paragraph", "trie_arms"]

# -- the value: its number, unit, bounds ----------------------------------------------------------

#: What may stand between a value's number and its unit's first character, besides digits and
#: spaces: numerals, a decimal point or separator, %, a range, 余/多.
_NUMBER_TO_UNIT = NUMERAL_CHARS + "点.,%％—-－~～至到余多几"
#: The same from where a value starts: the words that open a value (约, 不超过) too.
_BEFORE_UNIT = "".join(sorted({c for w in (*L.APPROX_BEFORE, *L.BOUND_BEFORE) for c in w})) + _NUMBER_TO_UNIT
VALUE = re.compile(
    r"(?=[约近大接将超逾突不至百\d零〇一二三四五六七八九十两])"  # cheap reject of every other position
    # a unit (or 百分之) ahead, past only what may stand before one: a year, a date or a bare
    # numeral (进一步) fails here at once
    rf"(?=[{re.escape(_BEFORE_UNIT)}\d\s]*[{re.escape(UNIT_FIRST)}百分])"
    rf"(?P<pre>{_ALT([*L.APPROX_BEFORE, *L.BOUND_BEFORE])})?\s*"
    rf"(?:百分之(?P<pcn>{CHINESE})(?:\s*[—\-－~～至到]\s*(?:百分之)?(?P<pcn2>{CHINESE}))?(?:{_ALT(L.APPROX_AFTER)})?(?P<pcn_post>{_ALT(list(L.BOUND_AFTER))})?"
    rf"|(?P<fden>[二三四五六七八九十]|\d{{1,2}})分之(?P<fnum>[一二三四五六七八九十]|\d{{1,2}})"
    rf"|(?P<num>{NUMBER})\s*(?:[%％])?(?:\s*[—\-－~～至到]\s*(?P<num2>{NUMBER}))?\s*(?P<more>余|多|几)?\s*(?P<unit>{UNIT}))"
    rf"(?P<post>{_ALT([*L.BOUND_AFTER, '左右'])}|(?<=倍)多)?"  # (增加了一倍多: more than that)
)
#: What every VALUE match holds, as a pattern that starts with a plain character class: re skips
#: the characters outside such a class in a tight loop, while a pattern that starts with a
#: look-ahead (VALUE) is tried at every position, about 25x slower on a paragraph without figures.
#: A digit; 百分之; or a Chinese numeral, then numerals or digits, spaces, %, a range or 余/多,
#: then a unit: it matches at the first character of every value's number.
VALUE_HINT = re.compile(
    rf"[\d{NUMERAL_CHARS}](?:(?<=\d)|分之|(?<=[{NUMERAL_CHARS}])[{re.escape(_NUMBER_TO_UNIT)}\d\s]*[{re.escape(UNIT_FIRST)}])"
)
#: The longest word a value may open with (不得超过).
_PRE_MAX = max(len(w) for w in (*L.APPROX_BEFORE, *L.BOUND_BEFORE))
APPROX_WORD = re.compile(r"左右|余|多")


def value_from(text: str) -> int | None:
    """A position no VALUE match in `text` starts before (the first hint, less the spaces and
    the word that may open a value), or None when none can match: re then begins its slow,
    position-by-position scan there rather than at the start.

    >>> value_from("今年以来，全国规模以上工业增加值同比增长7.5%"), value_from("坚持稳中求进") is None
    (16, True)
    """
    h = VALUE_HINT.search(text)
    if h is None:
        return None
    i = h.start()
    while i and text[i - 1].isspace():
        i -= 1
    return max(0, i - _PRE_MAX)


def value_matches(text: str, at: int) -> Iterator[re.Match[str]]:
    """VALUE.finditer(text, at), its slow position-by-position scan confined to where a hint
    stands: each value's number starts at a VALUE_HINT match, and the value at most the spaces and
    the opening word (约, 不超过) before it.

    >>> [m.group(0) for m in value_matches("2024年，增长7.5%，达到81307亿元", 0)]
    ['7.5%', '81307亿元']
    """
    pos, n = at, len(text)
    while pos < n:
        h = VALUE_HINT.search(text, pos)
        if h is None:
            return
        start = h.start()
        while start > pos and text[start - 1].isspace():
            start -= 1
        m = None
        for st in range(max(pos, start - _PRE_MAX), h.start() + 1):  # the value starts here, or not at all
            m = VALUE.match(text, st)
            if m is not None:
                break
        if m is None:
            pos = h.start() + 1
            continue
        yield m
        pos = m.end()


@dataclass
class Value:
    """A value as printed: number, unit and scale, approximation, bound, range."""

    value: float
    unit: str
    unit_text: str
    scale: float | int  # (1 stays an int: a float field would make it 1.0 compiled, 1 pure)
    value_base: float
    approx: bool | None
    bound: str | None
    value_text: str
    value_low: float | None = None
    value_high: float | None = None


def read_value(m: re.Match[str]) -> Value | None:
    """The value a VALUE match holds (None when its numeral does not read as a number).

    >>> v = read_value(VALUE.search("增长百分之八至百分之九"))
    >>> (v.value, v.unit, v.value_low, v.value_high)
    (8.0, 'pct', 8.0, 9.0)
    >>> v = read_value(VALUE.search("取得成果3万多项"))
    >>> (v.value_base, v.unit, v.approx)
    (30000.0, 'count', True)
    """
    pre_, pcn, pcn2, pcn_post, fden, fnum, num, num2, more, unit_text, post = m.group(*_VALUE_GROUPS)
    pre = pre_ or ""
    scale: float | int
    if fden:  # 三分之一: a share, in per cent
        den, part = to_number(fden), to_number(fnum)
        if not den or part is None or part >= den:
            return None
        share = part * 100 / den
        return Value(share, "pct", "分之", 1, share, True if pre in L.APPROX_BEFORE else None,
                     L.BOUND_BEFORE.get(pre) or L.BOUND_AFTER.get(post or ""), f"{fden}分之{fnum}")
    v: float | None
    if pcn:
        v = to_number(pcn)
        unit, unit_text, scale = "pct", "百分之", 1
        v2 = to_number(pcn2) if pcn2 else None
        post = pcn_post or post
        printed = pcn
        approx = pre in L.APPROX_BEFORE or post == "左右" or APPROX_WORD.search(m.group(0)) is not None
    else:
        printed = num
        unit, scale = parse_unit(unit_text)
        v = to_number(printed)
        if "亿" in printed and unit_text.startswith("万") and not printed.endswith("亿") and (whole := to_number(printed + "万")):
            v = whole / 1e4  # 六亿三千多万平方米: 63000万, not 六亿三千 ten-thousands
        v2 = to_number(num2) if num2 else None
        approx = (pre in L.APPROX_BEFORE or more is not None or post in ("左右", "多") or "多" in unit_text or "余" in unit_text
                  or "几" in printed)
    if v is None:
        return None
    bound = L.BOUND_BEFORE.get(pre) or L.BOUND_AFTER.get(post or "")
    out = Value(v, unit, unit_text, scale, clean_float(v * scale), True if approx else None, bound, printed)
    if v2 is not None:
        out.value_low, out.value_high = v, v2
    return out


#: VALUE's groups, in the order read_value takes them.
_VALUE_GROUPS = ("pre", "pcn", "pcn2", "pcn_post", "fden", "fnum", "num", "num2", "more", "unit", "post")


# -- is it a figure at all --------------------------------------------------------------------------

#: Words that make a duration in their clause a rule's time limit: 应于3日内, 不得超过2天, 至少提前3个月.
NORMATIVE = re.compile(r"应当|应于|应在|应按|应(?=\d)|不得|必须|须|至少|不超过|不少于|最长|最迟|以内|之内|(?<!国)内")
DURATIONS = ("天", "日", "个月", "小时", "个工作日", "工作日", "年")
#: A value that modifies the noun after it: 15万元的创业担保贷款, 3—12个月的就业见习.
#: A bound written right after a value's unit: 1年以上劳动合同.
BOUND_AFTER = re.compile(r"^(?:以上|以下|以内)")
OF_NOUN = re.compile(r"(?:以上|以下|以内|左右)?的(?P<noun>[\u4e00-\u9fffA-Za-z]{2,16}?)(?=[，,。；;、\d]|$|和|及(?!其)|与|为|是|的|中|达到|达|超过|不超过|不低于)")
CHINESE_RE = re.compile(CHINESE)
#: Units a numeral one may count: 增长一倍, 翻一番 (elsewhere 一 is a word: 一批, 一个).
ONE_COUNTS = ("倍", "番")


#: A duration stated as a measured quantity (周转天数为16.8天, 同比减少1.6天): a figure, not a span.
STATED_DURATION = re.compile(r"(?:为|是|达|到|均|少|加|短|长)$")


def is_time_limit(sentence: str, m: re.Match[str]) -> bool:
    """Whether the duration `m` is a rule's time limit: a normative word stands in its clause.

    >>> s = "应收账款平均回收期为49.5天，收货人应于3日内交回"; [is_time_limit(s, m) for m in VALUE.finditer(s)]
    [False, True]
    """
    return NORMATIVE.search(sentence, *clause_span(sentence, m.start(), m.end())) is not None


def is_non_figure(sentence: str, m: re.Match[str], unit_text: str) -> bool:
    """Numerals that are not figures: ordinals, 一批/一个, durations outside rules, 5G, 十四五.

    >>> s = "连续3个月加快增长"; is_non_figure(s, VALUE.search(s), "个月")
    True
    """
    if unit_text in DURATIONS and not is_time_limit(sentence, m) and not OF_NOUN.match(sentence, m.end()) \
            and not STATED_DURATION.search(sentence, max(0, m.start() - 2), m.start()) \
            and m.group("post") not in ("以上", "以下", "以内"):
        return True  # 连续3个月, 前两个月: streaks and periods, not figures (3—12个月的就业见习 is one)
    if unit_text == "年" and len(m.group("num") or "") >= 3:
        return True  # a year, not a span
    if m.group("num") in ("零", "〇"):
        return True  # 零担, 零售: a word, no zero
    start = m.start("num") if m.group("num") else m.start()
    before = sentence[max(0, start - 2): start]
    if before.endswith("几"):
        return True  # 几十种: a vague number
    num = m.group("num") or ""
    if before.endswith("第") or before.endswith("前") and unit_text in ("个", "名"):
        return True  # (第3个, 前10名: ordinals and ranks)
    if num and CHINESE_RE.fullmatch(num) and to_number(num) == 1 and not m.group("num2") and unit_text not in ONE_COUNTS:
        return True  # 一批, 一个, 一项: a word, not a count
    if unit_text == "番" and not before.endswith(("翻", "翻了")):
        return True
    after = sentence[m.end(): m.end() + 4]
    if unit_text.endswith("个") and after.lstrip("多余").startswith(L.NOT_COUNTED_AFTER_GE):  # (5个多月: a duration)
        return True
    return False


# -- category and direction -----------------------------------------------------------------------

GROWTH_VERB = re.compile(
    r"(?P<narrow>(?P<rate>降幅|增幅|涨幅|增速|跌幅)(?:比[^，,。；]{0,14}?)?(?P<how>收窄|缩小|减小|扩大|加深|回落|加快|放缓|提高|回升))(?:了)?\s*$"
    rf"|(?P<verb>{_ALT([*L.UP_VERBS, *L.DOWN_VERBS])})(?:了|为|到|至)?\s*$"
)
RATE_WORDS = re.compile(r"(?:涨幅|增幅|增速|增长率|增长速度|增长幅度|上涨幅度|降幅)[^，,。；]{0,4}?(?:为|是|达到|高达|达|在|控制在|保持在)?\s*$")
#: An indicator that is a rate of growth (its value is a growth rate, not a share).
IS_RATE = re.compile(r"涨幅|增幅|增速|增长率|增长速度|增长幅度|上涨幅度|降幅")
SHARE = re.compile(r"(?:占[^，。；]{0,30}?(?:的)?比重|比重|占比|率|覆盖面|增长面|比例|份额|水平)(?:为|是|达到|达|超过|提高到|升至)?\s*$|占[^，。；]{0,30}?$")
INDEX = re.compile(r"(?:指数|PMI)(?:（PMI）)?(?:为|是|达到|录得)?\s*$")
CONTRIB = re.compile(r"(?:影响|拉动|贡献率|贡献|带动|(?<!价格)(?<!物价)因素)[^，。；]{0,20}?(?:约|大约)?(?:上涨|下降|增长|为|达到|超过|有)?\s*(?:约|大约)?\s*$")
#: A contribution that pulls (拉动, 带动): a magnitude, not a signed effect (影响…下降).
PULLS = re.compile(r"拉动|带动")
ANY_VERB = re.compile(_ALT([*L.UP_VERBS, *L.DOWN_VERBS]))
#: A share named just before a change: 比重提高.
SHARE_BEFORE = re.compile(r"(?:比重|占比|份额|率)[^，,]{0,6}$")
#: A gap to another figure: 高于全国1.2个百分点.
ABOVE_BELOW_TAIL = re.compile(r"(?:高于|低于|快于|慢于)[^，,]{0,10}$")
ABOVE_BELOW = re.compile(r"高于|低于|快于|慢于")
#: A plain statement of a level: …为, …达到.
IS_BEFORE = re.compile(r"(?:为|是|达到|达|超过|在)\s*$")
NARROWING_WORDS = tuple(L.NARROWING)
#: A rate named at the end of a clause (涨幅比上月扩大): the change is of the figure before.
RATE_CHANGE_AT_END = re.compile(r"(?:降幅|增幅|涨幅|增速|跌幅)(?:比[^，,。；]{0,14}?)?\S{0,3}$")
#: A rate's change named at the end of a clause (降幅收窄, 涨幅扩大): its indicator is the figure before's.
RATE_CHANGES = tuple(w + h for w in ("降幅", "增幅", "涨幅", "增速", "跌幅") for h in ("收窄", "扩大", "回落", "加快", "放缓"))
#: What ends a phrase that names a measured quantity (利润总额, 产量, 增加值): the value is its.
MEASURE_NOUN = re.compile(r"(?:额|量|值|数|率|费|金|收入|支出|规模|面积|产量|总量|余额|投资|贷款|人口|储蓄|资金|消费|价格|指数|产值)$")
#: What a value's 的 may name that makes it no share: a rate (2.3%的同比涨幅).
RATE_NOUN = re.compile(r"^(?:同比|环比)?(?:增长|速度|水平|比重)|涨幅|增幅|增速|降幅")
#: A rate named after its value: 百分之八至百分之九的增长率.
RATE_AFTER = re.compile(r"的?(?:增长率|增长速度|增速|年均增长率)")
#: The transition a value is reached by, with what may stand between (增加到1985年的).
REACHED_AT = re.compile(rf"(?:{_ALT(L.TRANSITIONS)})[^，,。；]{{0,12}}$")
#: A value reached by a change (由X回落到Y, 压缩至Y): the value's own reading, not the verb's.
REACHED = re.compile(rf"(?:{_ALT(L.TRANSITIONS)}|压缩至|压缩到|控制在|降低到|降低至|减少到|增加到|增至|降到)\s*$")


def _direction(word: str | None) -> str | None:
    if not word:
        return None
    if word in L.NARROWING:
        return L.NARROWING[word]
    if word in L.FLAT_VERBS:
        return "flat"
    if word.startswith(L.DOWN_VERBS):
        return "down"
    return "up"


RULE_ADVERBS_TAIL = re.compile(rf"(?:{_ALT(list(L.RULE_ADVERBS))})+$")


def classify(left: str, unit: str, unit_text: str) -> tuple[str | None, str | None, str | None]:
    """(category, direction, direction word) from what stands left of a value in its clause.

    >>> classify("规模以上工业增加值同比增长", "pct", "%"), classify("城镇调查失业率为", "pct", "%")[0]
    (('growth_rate', 'up', '增长'), 'share')
    """
    tail = left[-24:]
    if tail.endswith(L.RULE_ADVERBS):  # 比例原则上不低于20%: the rule's words before its bound
        tail = RULE_ADVERBS_TAIL.sub("", tail)
    moves = tail.endswith(("由", "从")) and unit == "pct"  # 失业率由4.1%下降到…: the rate it starts from
    if moves:
        tail = tail[:-1]
    if unit == "doubling":  # 翻了一番
        return "growth_rate", "up", "翻"
    if unit in ("pct", "pp", "times"):
        if CONTRIB.search(tail):
            # the predicate's verb: not one inside the indicator (食品价格上涨的因素)
            m = next((v for v in reversed(list(ANY_VERB.finditer(tail))) if tail[v.end():v.end() + 1] != "的"), None)
            if PULLS.search(tail):
                return "contribution", None, m.group(0) if m else None
            if m is None and unit == "pp" and "影响" in tail:  # 翘尾影响约为0.6个百分点: a push up
                return "contribution", "up", None
            return "contribution", _direction(m.group(0)) if m and unit == "pp" else None, m.group(0) if m else None
        if REACHED.search(tail):  # 由…回落到Y: Y is the rate itself
            if IS_RATE.search(tail):
                return "growth_rate", "up", None
            return ("share", None, None) if unit == "pct" else (None, None, None)
        m = GROWTH_VERB.search(tail)
        if m and m.group("narrow"):
            word = m.group("rate") + m.group("how")
            return ("pp_change" if unit == "pp" else "growth_rate"), L.NARROWING.get(word) or _direction(m.group("how")), word
        if m and m.group("verb"):
            word = m.group("verb")
            if unit == "pp":
                return "pp_change", _direction(word), word
            if SHARE_BEFORE.search(tail[: m.start()]) and unit == "pct":
                return "pp_change", _direction(word), word  # 比重提高2% reads as a change of a share
            return "growth_rate", _direction(word), word
        if unit == "pp" and (lead := LEADING_CHANGE.match(tail)) is not None:  # 下调支小再贷款利率0.5个百分点
            return "pp_change", _direction(lead.group("verb")), lead.group("verb")
        if ABOVE_BELOW_TAIL.search(tail) and unit == "pp":
            w = ABOVE_BELOW.search(tail).group(0)  # type: ignore[union-attr]  # ABOVE_BELOW_TAIL found one
            return "pp_change", "up" if w in ("高于", "快于") else "down", w
        if unit == "pct" and RATE_WORDS.search(tail):
            return "growth_rate", "up", None
        if unit == "pct" and INDEX.search(tail):
            return "index_level", None, None
        if unit == "pct" and (SHARE.search(tail) or IS_BEFORE.search(tail)):
            return "share", None, None
        if unit == "pp" and IS_BEFORE.search(tail):  # a gap stated as a level: 剪刀差为10.6个百分点
            return "pp_change", None, None
        return ("share", None, None) if moves else (None, None, None)  # (恩格尔系数从30.2%下降到…: a level in per cent)
    return "level", None, None


# -- the indicator --------------------------------------------------------------------------------

#: Units that count things (3个, 2万家).
COUNTED_BY = frozenset(L.COUNT_CLASSIFIERS) | {"万家", "亿个", "万个", "国"}
COUNT_TAIL_STOP = re.compile(r"[，,。；;：:、）)”\"]|中有|中，|的基础|基础上|之中|以上|以内|左右|(?<=[\u4e00-\u9fff])中(?=[^\u4e00-\u9fff]|有|$)|(?<=[\u4e00-\u9fff]{2})的")
DIGIT_SPLIT = re.compile(r"[\d０-９]")
#: What follows a value but names no counted thing: a verb, a base, a relation (增长一倍, 比上年…).
NOT_COUNTED = re.compile(r"(?:" + _ALT([*L.UP_VERBS, *L.DOWN_VERBS, "比", "较", "同比", "环比", "占", "为", "是", "达", "以上",
                                        "左右", "增", "减", "的", "等", "和", "与", "及"]) + ")")
COUNTED_NOUN = re.compile(r"[\u4e00-\u9fffA-Za-z（）()·Ⅰ-Ⅻ]{2,24}")
#: A numeral right after a counted noun: the count was part of a name (十种有色金属761万吨).
NUMERAL_NEXT = re.compile(r"\s*(?:\d|[零〇一二三四五六七八九十百千万亿两]+[^\u4e00-\u9fff])")
#: Nouns that make a count structure of the text, not data (3个方面, 15条政策措施).
DISCOURSE_AFTER = (*L.DISCOURSE_NOUNS, "政策", "措施", "举措", "意见", "要求", "建议")
ONLY_LEAD_WORDS = re.compile(r"(?:" + alt([*L.LEAD_VERBS, *L.GEO_PREFIXES]) + r")+")
#: A level that is a change: 比上年减产120亿公斤.
#: A bound between a share's name and the quantity it is of: 比例不超过贷款利息, 占比不低于全部.
MID_BOUND = re.compile(r"^(?P<subject>[^，,。；]{2,20}?(?:比例|比重|占比|份额))(?P<word>不得超过|不超过|不高于|不得低于|不低于|不少于|超过|高于|低于)"
                       r"[^，,。；]{2,20}$")
#: A change's verb opening its clause, before the rate it changes: 下调支小再贷款利率.
LEADING_CHANGE = re.compile(r"^\s*(?:再|将|并)?(?P<verb>上调|下调|提高|降低)[^，,。；]{2,16}?(?:率|比例|比重|价格|标准)$")
ENDS_WITH_LEAD = re.compile(r"(?:" + alt([w for w in L.LEAD_VERBS if len(w) > 1]) + r")$")
CHANGE_BEFORE = re.compile(r"(?:减产|增产|增加|减少|新增|增长|下降|多增|少增|多减|少减|净增|净减)(?:了)?\s*$")
#: 平均每年增长N: a yearly change, on the year before.
YEARLY = re.compile(r"平均每年|每年平均|年均|年平均")
DIGITS_ONLY = re.compile(r"\d+")
#: A list of values going on: 增长14.4%、9.6%.
LIST_GOES_ON = re.compile(r"[、和及]\s*$")
#: 'X的有37个': a relative clause names what is counted.
HAS_COUNT = re.compile(r"的有\s*$")


def count_indicator(right: str) -> str:
    """What a count counts, named after the value: '178家国家高新区' → 国家高新区.

    >>> count_indicator("国家高新区、45个集群"), count_indicator("，比上月")
    ('国家高新区', '')
    """
    m = COUNT_TAIL_STOP.search(right)
    head = right[: m.start()] if m else right
    head = DIGIT_SPLIT.split(head.removeprefix("的"), maxsplit=1)[0]
    return head if COUNTED_NOUN.fullmatch(head) and not NOT_COUNTED.match(head) else ""


# -- the period -----------------------------------------------------------------------------------

#: Words of now: a stock said with them is as of the event or publication date.
NOW = re.compile(r"截至目前|截止目前|目前|当前|现在|如今|现已|迄今")
#: Words of always: what they say of has no period (粮食播种面积常年稳定在1.6亿亩以上).
ALWAYS = re.compile(r"常年|历年|长年|一直|若干年")
#: '由上月的下降1.2%转为增长…': the period a change starts from.
CARRIED_FROM = re.compile(r"由\s*((?:上年|去年|今年|\d{4}年)?[^，,。；由]{0,10}?(?:月份?|季度|半年|年))[^，,。；]*$")
TRANSITION_AFTER = re.compile(rf"[^，,。；]{{0,4}}?(?:{_ALT(L.TRANSITIONS)})")
#: A comparison that frames a change: 'A同B相比，…由X增加到Y' (X is B's, Y is A's).
FRAME = re.compile(r"(?:同|与|和|比)(?P<prior>[^，,。；]{2,14}?)相比")
#: A value named for a base period: '比“五五”时期的577亿元增长一倍' (577亿元 is 五五's).
BASE_VALUE = re.compile(r"(?:比|较|同|与)\s*(?P<base>[^，,。；比较]{2,16}?)的?\s*$")
LAST_YEAR = re.compile(r"去年|上年")
SET_TARGET = re.compile(r"提出|确定|要求")
TARGET_IS = re.compile(r"预期目标|目标是|目标为")
STOCK_CHANGE = re.compile(r"新增|增加|增量|减少")
#: Words that make a clause a target: a goal, a plan, 把X控制在.
TARGET = re.compile("|".join(trie_arms([*L.TARGET_WORDS, "目标", "力争", "控制在"])))
#: 今年计划…增长: a plan's figure (计划 opening a clause or after a year), not 计划生育 or a 研发计划.
PLAN_TARGET = re.compile(r"(?:^|[，,；;：:]|今年|明年|全年|年内)\s*计划(?!单列|生育)|计划(?=增长|达到|完成|下降|降低|提高|实现)")
#: 把X压缩至/控制在/提高到 Y: bringing X to Y is a target.
BRING_TO = re.compile(r"(?:把|将)[^，,。；]{2,30}?(?:压缩|控制|降低|降|提高|提升|增加|扩大|减少)(?:至|到|在)\s*$")
#: 本月/当月 and 上月: the month of the passage and the one before.
THIS_MONTH = re.compile(r"本月|当月")
PRIOR_MONTH = re.compile(r"上月|上个月")

# -- the basis ------------------------------------------------------------------------------------

#: The words naming a comparison base: 比上年同期, 较上月.
BASE_TEXT = re.compile(r"(?:比|较)[^，,。；]{0,14}?(?:月份?|季度|半年|年末|年底)")
#: A base that is the opening of the figure's own period: 比年初, 较年初.
OPEN_BASE = re.compile(r"(?:比|较)(?:年初|月初|季初)")
#: A base year: 比2019年.
BASE_YEAR = re.compile(r"(?:比|较)\s*(\d{4})\s*年")
#: Any price-basis word (L.PRICE_WORDS): most clauses have none, and one search says so
PRICE_WORD = re.compile(_ALT(list(L.PRICE_WORDS)))


def _basis(text: str, ctx: Context) -> tuple[str | None, str | None, str | None]:
    """(basis, basis_text, basis_period) named in a clause."""
    if not has_any(text, "比较同环两"):  # every basis word holds one of these
        return None, None, None
    for words, name in ((L.TWO_YEAR, "two_year_avg"), (L.MOM, "mom")):
        for w in words:
            if w in text:
                return name, w, None
    bp = base_period(text, ctx.anchor)
    if bp:
        m = BASE_TEXT.search(text)
        return "vs_period", m.group(0) if m else None, bp
    for w in L.YOY:
        if w in text:
            return "yoy", w, None
    m = OPEN_BASE.search(text)
    if m:  # 比年初: against the stock the period opened with (a date the figure's own period sets)
        return "vs_period", m.group(0), None
    m = BASE_YEAR.search(text)
    if m:
        return "vs_period", m.group(0), m.group(1)
    plan = PLAN_BASE.search(text)
    if plan:
        found = find_periods(plan.group(1), ctx.anchor)
        if found:
            return "vs_period", plan.group(0), found[0].canonical
    return None, None, None


#: 比“六五”期间, 比“五五”时期的: a base that is a plan.
PLAN_BASE = re.compile(r"(?:比|较)\s*(“[^”]{2,4}”[^，,。；比较]{0,4}?)(?:的|增长|增加|提高|下降|减少|翻)")
STREAK = re.compile(r"连续\s*(?P<first>第)?\s*(?P<n>\d+|[一二三四五六七八九十两]+)\s*个?\s*(?P<unit>月|季度|年)")
#: A run of years before a value (连续7年保持在…).
STREAK_BEFORE = re.compile(r"连续\s*(?:\d+|[一二三四五六七八九十两]+)\s*年")


def _streak(text: str) -> dict | None:
    m = STREAK.search(text) if "连续" in text else None
    if not m:
        return None
    n = to_number(m.group("n"))
    unit = {"月": "month", "季度": "quarter", "年": "year"}[m.group("unit")]
    return {"n": int(n) if n else None, "unit": unit, "text": m.group(0) + text[m.end():m.end() + 6].split("，")[0].split("。")[0]}


# -- digits ---------------------------------------------------------------------------------------

#: Years written digit by digit in Chinese numerals: 一九九四年, 一九七九和一九八○两年.
CN_YEAR = re.compile(r"([一二][〇○Ｏ零一二三四五六七八九]{3})(?=两?年|[和至到比、—－-]\s*[一二][〇○Ｏ零一二三四五六七八九]{3}两?年)")  # a leading class: re's fast scan
CN_DIGITS = str.maketrans("〇○Ｏ零一二三四五六七八九", "0000123456789")
HAS_FULLWIDTH = re.compile(r"[０-９％]")
FULLWIDTH_POINT = re.compile(r"(?<=\d)．(?=\d)")
FULLWIDTH = str.maketrans("０１２３４５６７８９％", "0123456789%")


def normalize_digits(text: str) -> str:
    """Full-width digits and decimal points as ASCII, so that ５．５％ reads as 5.5%; years in
    Chinese numerals as digits; nothing else moves.

    >>> normalize_digits("增长５．５％，１９９４年")
    '增长5.5%，1994年'
    >>> normalize_digits("一九九四年国内生产总值，一九七九和一九八○两年")
    '1994年国内生产总值，1979和1980两年'
    """
    if "年" in text and CN_YEAR.search(text):
        text = CN_YEAR.sub(lambda m: m.group(1).translate(CN_DIGITS), text)
    if not HAS_FULLWIDTH.search(text):
        return text
    text = text.translate(FULLWIDTH)
    return FULLWIDTH_POINT.sub(".", text) if "．" in text else text


#: A number before 和/、 whose unit is written once, after the last of its list: 5.3和5.5个百分点.
SHARED_UNIT = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)(?=\s*[和、与及]\s*\d+(?:\.\d+)?(?:\s*[和、与及]\s*\d+(?:\.\d+)?)*"
                         r"\s*(个百分点|%|％|倍|万亿元|亿元|万元|亿美元|万吨|万人))")
SHARED_UNIT_HINT = re.compile(r"\d\s*[和、与及]\s*\d")


def shared_units(text: str) -> str:
    """Each number of a list whose unit is written once, after the last, with that unit written
    out: '分别回落5.3和5.5个百分点' reads as two values.

    >>> shared_units("涨幅分别比上年回落5.3和5.5个百分点，增长1.2、3.4和5.6%")
    '涨幅分别比上年回落5.3个百分点和5.5个百分点，增长1.2%、3.4%和5.6%'
    >>> shared_units("2023和2024年")
    '2023和2024年'
    """
    if SHARED_UNIT_HINT.search(text) is None:
        return text
    return SHARED_UNIT.sub(lambda m: m.group(1) + m.group(2), text)


# -- rules' time limits ---------------------------------------------------------------------------

#: A rule's words between the noun it limits and the value: 补贴期限最长为 → 补贴期限.
RULE_LIMIT_WORDS = re.compile(r"(?:应当|应|须|必须|一般|原则上)?(?:最长|最短|最多|最少|至少|最迟)?(?:不超过|不少于|为|是|可达)?\s*$")


def rule_indicator(left: str, right: str, bound_word: str = "") -> tuple[str, str, list[str]]:
    """What a rule's time limit applies to. 'X不得超过2天…' limits X; 'S应于3日内将…核销' and
    'S应至少提前3个月发布…' limit S's action, written around the value.

    >>> rule_indicator("拟调整燃放政策地区应至少提前", "向社会发布相关政策，制定措施")[0]
    '拟调整燃放政策地区应提前向社会发布相关政策'
    >>> rule_indicator("危险品中转库储存药量不得超过", "生产用量")[0], rule_indicator("储存药量", "生产用量", "不得超过")[0]
    ('危险品中转库储存药量', '储存药量')
    """
    m = re.search(r"(?:不得超过|不超过|不得少于|不少于|不得低于|超过|少于)\s*$", left)
    if m or bound_word in ("不得超过", "不超过", "不得少于", "不少于", "不得低于", "不低于", "超过"):
        full = RULE_LIMIT_WORDS.sub("", left[: m.start()] if m else left)  # (贴息期限最长不超过3年)
    else:
        action = re.split(r"[，,。；;]", right, maxsplit=1)[0]
        action = re.sub(r"^(?:以内|之内|内)", "", action)
        if not action.strip():  # 要在…之日起30日内，制定出台具体实施办法: the action is the clause after
            nxt = re.split(r"[，,。；;]", right.lstrip("以内之内，, "), maxsplit=1)[0] if re.match(r"^(?:以内|之内|内)?[，,]", right) else ""
            if not nxt.strip():  # 补贴期限最长为12个月: the limit is of the noun before it
                nxt = RULE_LIMIT_WORDS.sub("", left)
            return nxt.strip(), nxt.strip(), []
        full = re.sub(r"(?:至少|最迟|最长|于|在)", "", left) + action
    full = full.strip()
    head = re.sub(r"^.*?(?:应当|应|须|必须)(?:将)?", "", full) or full
    return full, head, []


# -- a sentence, then each value in it ------------------------------------------------------------

@dataclass
class Sentence:
    """What a sentence says before its values are read: its periods, clause ends, whether it
    sets targets, the comparison framing a change."""

    text: str
    evidence: str
    periods: list[Period]
    clause_ends: list[int]
    target: bool
    frame: tuple[Period, Period] | None  # (current, prior) of a change 由X到Y
    figs: list[Figure] = field(default_factory=list)
    prev_end: int = 0
    rule: bool = False  # a decision that sets rules (会议确定，…): its figures are dated only where it dates them
    cs: int = 0  # where the clause of the value being read starts


def text_periods(text: str, ctx: Context) -> list[Period]:
    """Every period a text names, in order: periods written out, spans of years counted (在过去的
    五年中, 五年内, in the passage's plan) and words of now (目前: as of the event or publication)."""
    periods = find_periods(text, ctx.anchor)
    if ctx.policy and "当年" in text:  # a rule's 当年新招用 is the year it is applied in, not a date
        periods = [p for p in periods if p.text != "当年"]
    elif "当年" in text:
        periods = [that_year(p, periods, ctx) if p.text == "当年" else p for p in periods]
    if "全年" in text:  # 完成全年目标任务的58%, 占全年的比重: the year's total, not the figure's period
        periods = [p for p in periods if not (p.text == "全年" and text[max(0, p.start - 2):p.start].endswith(("完成", "占")))]
    counted = counted_years(text, ctx.anchor, ctx.plan or ctx.section_period, ctx.review is not None)
    if counted:
        taken = [(p.start, p.end) for p in periods]
        periods = sorted([*periods, *(c for c in counted if not any(a <= c.start < b or c.start <= a < c.end for a, b in taken))],
                         key=lambda p: p.start)
    if NOW.search(text):
        taken = [(p.start, p.end) for p in periods]
        now = [Period(n.group(0), ctx.as_of, "as_of", n.start(), n.end()) for n in NOW.finditer(text)
               if not any(a <= n.start() < b for a, b in taken)]
        periods = sorted([*periods, *now], key=lambda p: p.start)
    return periods


def that_year(p: Period, periods: list[Period], ctx: Context) -> Period:
    """当年, 'that year': the last year named before it in the sentence, else in the passage,
    else the publication's.

    >>> from datetime import date
    >>> ctx = Context(anchor=date(1998, 3, 5), as_of="@1998-03-05")
    >>> ps = find_periods("1997年，全国…，当年新增岗位", ctx.anchor); that_year(ps[1], ps, ctx).canonical
    '1997'
    """
    named = [q.canonical[:4] for q in periods if q.end <= p.start and q.canonical[:4].isdigit() and q.text != "当年"]
    if not named and ctx.period is not None and ctx.period.canonical[:4].isdigit():
        named = [ctx.period.canonical[:4]]
    return Period(p.text, named[-1], "year", p.start, p.end) if named else p


#: 从环比看 after a clause that gives the voice (董莉娟解读说，从环比看，…): the basis of what follows.
BASIS_AFTER_VOICE = re.compile(r"[，,：:]\s*(?:从|就)?(?P<basis>同比|环比)(?:来)?看")
#: A sentence that sets rules: 会议确定，…; 会议决定，….
RULE_SETTING = re.compile(r"^\s*(?:[^，,。]{0,6}[，,])?\s*会议(?:确定|决定|通过)")


def read_sentence(sentence: str, ctx: Context, valued: bool = True, periods: list[Period] | None = None,
                  ends: list[int] | None = None) -> Sentence:
    """A sentence's periods and clause ends (`periods` and `ends` when the paragraph's are read
    already); when it holds values (`valued`), also whether it sets targets and the comparison that
    frames a change in it."""
    if periods is None:
        periods = text_periods(sentence, ctx)
    if ends is None:
        ends = [c.end() for c in CLAUSE_SPLIT.finditer(sentence)]
    if not valued:
        return Sentence(sentence, sentence.strip(), periods, ends, False, None)
    frame: tuple[Period, Period] | None = None
    fm = FRAME.search(sentence) if "相比" in sentence else None
    if fm:
        prior = find_periods(fm.group("prior"), ctx.anchor)
        current = [p for p in periods if p.end <= fm.start()]
        if prior and current:
            frame = (current[-1], prior[0])
    if frame is None:
        for p in periods:  # 从1980年至1985年，…由X增加到Y
            if p.type == "years" and sentence[max(0, p.start - 1): p.start] == "从":
                a, b = p.canonical.split("/")
                frame = (Period(p.text, b, "year", p.start, p.end), Period(p.text, a, "year", p.start, p.end))
    target = TARGET.search(sentence) is not None or ("计划" in sentence and PLAN_TARGET.search(sentence) is not None)
    return Sentence(sentence, sentence.strip(), periods, ends, target, frame,
                    rule=ctx.rules or "会议" in sentence[:8] and RULE_SETTING.match(sentence) is not None)


def _clause_start(sent: Sentence, ms: int) -> int:
    k = bisect_right(sent.clause_ends, ms)
    return max(sent.clause_ends[k - 1] if k else 0, sent.prev_end)


#: A clause that only qualifies the figures around it: 扣除价格因素影响, 按可比口径计算, 经季节调整.
QUALIFIER_CLAUSE = re.compile(r"^\s*(?:扣除|剔除|按|经|以)[^，,。；]{1,14}?(?:影响|因素|计算|计|计价|调整|口径)?\s*$")


def _previous_subject(sent: Sentence, clause_start: int, after: int = 0) -> str:
    """The subject of the nearest clause before this one in the sentence that names one (a rate
    word, 涨幅比上月扩大, refers back and names none), among the clauses that start at `after` or later."""
    ends = [e for e in sent.clause_ends if e <= clause_start]
    for i in range(len(ends) - 1, -1, -1):
        start = ends[i - 1] if i else 0
        if start < after:
            break
        clause = sent.text[start: ends[i] - 1]
        if QUALIFIER_CLAUSE.match(clause):
            continue  # 扣除价格因素影响，实际增长5.1%: a qualifier names no subject
        subject = subject_of(clause)
        if subject and not IS_RATE.fullmatch(subject):
            return subject
    return ""


def _eligible_periods(sent: Sentence, ms: int, flow: bool) -> list[Period]:
    """The periods that may be a value's: those of its own clause before it, and those that open
    an earlier clause of the sentence ('1—11月，我国进出口总额…'); a period inside another
    clause (叠加接近年底节日消费) qualifies something else. A day is no flow's period."""
    cs = sent.cs
    starts = [0, *sent.clause_ends]
    out = []
    for p in sent.periods:
        if p.end > ms or (flow and p.type == "day" and "/" not in p.canonical):  # (a span of days, 国庆假期, holds flows)
            continue
        if p.start >= cs:
            out.append(p)
            continue
        k = bisect_right(starts, p.start) - 1
        if OPENING.match(sent.text[starts[k]: p.start]):
            out.append(p)
    return out


#: A rule that moves a threshold: 将S由A…放宽至B…; a value in A or B measures S, as written in its arm.
RULE_CHANGE = re.compile(rf"将(?P<subject>[^，,。；由将]{{2,24}}?)由(?P<old>[^，,。；]*?)(?:(?:{alt(L.RULE_CHANGE_VERBS)})(?:至|到)(?P<new>[^，,。；]*?))?$")


def rule_change(before: str) -> tuple[str, str, bool] | None:
    """(subject, the arm's words, whether it is the old arm) of a value inside a rule's 由…至… change.

    >>> rule_change("将补贴申领条件由企业职工参加失业保险"), rule_change("将补贴申领条件由职工参保3年以上放宽至参保")
    (('补贴申领条件', '企业职工参加失业保险', True), ('补贴申领条件', '参保', False))
    """
    if "由" not in before[-40:]:
        return None
    m = RULE_CHANGE.search(before, max(0, len(before) - 60))
    if m is None:
        return None
    new = m.group("new")
    return m.group("subject"), new if new is not None else m.group("old"), new is None


QUALIFIER_WORDS = frozenset(L.QUALIFIERS)


def _indicator(sent: Sentence, m: re.Match[str], left: str, category: str, val: Value, ctx: Context,
               direction: str | None) -> tuple[str, str, str, list[str]] | None:
    """(category, full indicator, head, qualifiers) of a value, or None when it names nothing."""
    ms, me = m.span()
    sentence = sent.text
    unit, unit_text = val.unit, val.unit_text
    right = sentence[me:me + 60]
    k = max(left.rfind("由"), left.rfind("从"))
    if k >= 0 and (VALUE_HINT.search(left, k) or "百分之" in left[k:]) and REACHED.search(left) is not None:
        left = left[:k]  # 失业率由4.1%下降到3.9%: the rate the change reaches, named before its start
    tail = left.rstrip()
    narrowing = direction is not None and tail.endswith(NARROWING_WORDS) or tail.endswith(RATE_CHANGES)
    full = "" if narrowing or (category == "pp_change" and RATE_CHANGE_AT_END.search(tail) is not None) else clean_indicator(left)
    chinese_num = CHINESE_RE.fullmatch(m.group("num") or "") is not None
    tail_ind = ""  # what a count counts, named after it: read only where it is used below
    if category == "level" or chinese_num or unit_text in ("次", "万", "亿"):
        tail_ind = count_indicator(right)
        if tail_ind and NUMERAL_NEXT.match(right, len(tail_ind)):
            tail_ind = ""  # "十种有色金属761万吨": the numeral names a thing that has its own value
            if chinese_num:
                return None
    if unit == "person" and right.startswith("口"):  # 十亿多人口
        full = "人口"
    if unit_text == "次" and not DIGITS_ONLY.fullmatch(m.group("num") or ""):
        return None  # 三次产业, 两次: words, not frequencies
    if unit_text == "次" and tail_ind:  # 先后5次赴河南考察调研: a frequency of what is done
        category, full = "count", clean_indicator(left) + tail_ind
    elif category == "level" and unit == "count" and (unit_text in COUNTED_BY or unit_text.endswith(("个", "条", "项", "点"))):
        if right.startswith(DISCOURSE_AFTER) or (chinese_num and val.value < 10 and not HAS_COUNT.search(left)):
            # 3个方面, 15条政策措施, 两个确保: structure of the text, not data
            category = "discourse_count"
            full = tail_ind or right[:2]
        elif HAS_COUNT.search(left):  # 价格上涨的有37个
            category, full = "count", left.rstrip()[:-1].strip()
        elif tail_ind:
            category = "count"
            full = (full_text(full) if full and ONLY_LEAD_WORDS.fullmatch(full_text(full)) else "") + tail_ind
        elif full:
            category = "count"
        elif sent.figs and sent.figs[-1].unit == "count":  # …有37个，比上月增加1个: the count before's
            prev = sent.figs[-1]
            return "count", prev.indicator_full, prev.indicator_text, prev.qualifiers
        else:
            return None
    elif unit_text in ("万", "亿") and tail_ind:  # 共培养近五百万高级专门人才: the people counted
        full = tail_ind
    elif category == "level" and tail_ind and (not full or not head_text(full) or ONLY_LEAD_WORDS.fullmatch(full_text(full))
                                                or unit in ("person", "count") and ENDS_WITH_LEAD.search(full) is not None):
        # (已经建成 + 高标准农田; 每个县至少配备5名农业技术推广人员: the people counted)
        printed = full_text(full) if full else ""
        full = (printed if printed and ONLY_LEAD_WORDS.fullmatch(printed) else "") + tail_ind  # 已经建成 + 高标准农田
        if unit == "count":
            category = "count"
    elif category == "level" and unit == "count":
        category = "count"
        full = full or tail_ind
    of = OF_NOUN.match(sentence, me) if unit != "pct" and not (m.group("post") and head_text(full)) else None  # (单户授信1000万元及以下的企业: a threshold of the noun before)
    if of is not None and not RATE_NOUN.search(of.group("noun")) and not MEASURE_NOUN.search(full):
        full = of.group("noun")  # 最高不超过15万元的创业担保贷款, 6个月的当地月人均失业保险金: the value measures it
    elif unit_text in ("年", "岁", "个月") and not MEASURE_NOUN.search(full):
        tail = tail_ind or count_indicator(BOUND_AFTER.sub("", right, count=1))
        full = tail or full  # 1年以上劳动合同, 16—24岁失业青年
    changed = rule_change(sentence[:ms]) if val.unit_text in DURATIONS or val.bound else None
    if changed is not None and not changed[2] and not changed[1] and count_indicator(right):
        changed = None  # 扩展至16—24岁失业青年: the new arm names whom, the value describes them
    if changed is not None and changed[1]:
        return category, changed[1], changed[0], []
    clause_start = sent.cs
    achieved = ""  # 完成全年目标任务的58%: the share of a target its subject achieved, named whole
    if full and category in ("share", "contribution") and RELATIONAL.match(sentence[clause_start:ms].lstrip()):
        # 占GDP的比重, 拉动GDP增长: of the subject before (带动…企业4万家 counts what it names)
        subject = _previous_subject(sent, clause_start)
        if subject and not full.startswith(subject):
            full = subject + _relational_phrase(sentence[clause_start:ms])
            if sentence[clause_start:ms].lstrip().startswith("完成"):
                achieved = head_text(split_qualifiers(subject)[0]) + _relational_phrase(sentence[clause_start:ms])
    if category == "contribution" and full and not RELATIONAL.match(sentence[clause_start:ms].lstrip()):
        full = _relational_phrase(left) if RELATIONAL.search(left) is None and "影响" in left else full
    scope = ""
    if full in QUALIFIER_WORDS:  # 按可比口径，同比增长…: a qualifier alone names nothing; the subject before is meant
        scope, full = full, ""
    if not full:
        before = sent.figs[-1] if sent.figs else None
        subject = _previous_subject(sent, clause_start, after=sent.prev_end if before is not None else 0)
        if before is not None and not subject:
            return category, before.indicator_full, before.indicator_text, [*before.qualifiers, *([scope] if scope else [])]
        if subject:
            full = subject
        elif ctx.indicator:
            return category, ctx.indicator[0], ctx.indicator[1], ctx.indicator[2]
        elif scope:
            full = scope  # nothing before it: the words are all there is
        else:
            return None
    full = full_text(full) or full
    if full.startswith("对") and sentence.startswith("的", me):  # 对单户担保金额500万元以下的企业: whom a rule covers
        full = full[1:]
    head, quals = split_qualifiers(full)
    if achieved:
        return category, full, achieved, quals
    text = head_text(head)
    if len(text) < len(head):
        text = parallel_subject(head, text, sentence)
    elif sent.figs and (same := next((f for f in reversed(sent.figs) if f.category == category), None)) is not None:
        text = restored_measure(text, same.indicator_text)  # (采矿业增加值下降0.9%，降幅…；制造业增长8.2%)
    elif sent.figs and IS_RATE.fullmatch(text) and not IS_RATE.search(sent.figs[-1].indicator_text):
        text = sent.figs[-1].indicator_text + text  # …增长18.2%，增速快于全部工业: the rate of the figure before
    elif not sent.figs and clause_start > 0 and len(text) >= 3 and sentence.find(text[:2], 0, clause_start) >= 0:
        text = overlap_merge(_previous_subject(sent, clause_start), text)
    return category, full, text, quals


def overlap_merge(subject: str, head: str) -> str:
    """The head completed by the topic the clause before opened with, where that topic ends with
    the head's first word (城乡居民储蓄存款大幅度增加，年末存款余额达到… → 城乡居民储蓄存款余额).

    >>> overlap_merge("城乡居民储蓄存款", "存款余额"), overlap_merge("工业增加值", "增加值"), overlap_merge("", "存款余额")
    ('城乡居民储蓄存款余额', '增加值', '存款余额')
    """
    for k in range(min(len(subject), len(head) - 1), 1, -1):
        if subject.endswith(head[:k]) and len(subject) > k:
            return subject + head[k:]
    return head


def parallel_subject(phrase: str, head: str, sentence: str) -> str:
    """The head with its subject when the sentence reports the same head for other subjects too.

    >>> s = "国有控股企业实现利润总额2万亿元；私营企业实现利润总额1万亿元"
    >>> parallel_subject("国有控股企业实现利润总额", "利润总额", s), parallel_subject("工业企业实现出口交货值", "出口交货值", "")
    ('国有控股企业利润总额', '出口交货值')
    """
    verb = None
    for verb in HEAD_VERB_AT.finditer(phrase):
        pass
    if verb is None or verb.end() + len(head) != len(phrase) or sentence.count(verb.group(0) + head) < 2:
        return head
    subject = phrase[:verb.start()]
    return subject + head if len(subject) >= 2 and not HEAD_VERB_AT.search(subject) else head


def restored_measure(head: str, before: str) -> str:
    """A bare subject after a figure of the same kind takes its measure: the longest ending of the
    subject found inside the figure before marks where that figure's measure starts (its first
    place there that does not open another subject's head word: 工业|企业营业收入 is no split).

    >>> restored_measure("集体企业", "国有控股企业增加值"), restored_measure("城镇居民", "全国居民人均可支配收入")
    ('集体企业增加值', '城镇居民人均可支配收入')
    >>> restored_measure("化纤业", "纺织业营业收入"), restored_measure("采矿业", "工业企业营业收入")
    ('化纤业营业收入', '采矿业营业收入')
    >>> restored_measure("制造业增加值", "工业增加值"), restored_measure("进口", "出口")
    ('制造业增加值', '进口')
    """
    for n in range(min(4, len(head) - 1), 0, -1):
        end = head[-n:]
        i = before.find(end)
        if i < 0:
            continue
        while i >= 0 and before.startswith(L.SUBJECT_HEADS, i + n):
            i = before.find(end, i + 1)
        measure = before[i + n:] if i >= 0 else ""
        ok = len(measure) >= 2 and measure not in head and head not in before and MEASURE_NOUN.search(measure)
        return head + measure if ok else head
    return head


#: What a relational clause keeps (影响CPI上涨, 拉动GDP增长): all but approximations and 为.
_RELATION_NOISE = re.compile(r"(?:约|大约|近|为|达到|达|了|的)+\s*$")


def _relational_phrase(text: str) -> str:
    phrase = _RELATION_NOISE.sub("", text.strip()).strip().translate(str.maketrans("", "", "“”\""))
    return phrase[2:] if phrase.startswith("大约") else phrase[1:] if phrase[:1] in "约已" else phrase  # 约占…的60%


def _period(sent: Sentence, m: re.Match[str], left: str, category: str, full: str, ctx: Context) -> tuple[Period | None, bool]:
    """The period of a value, and whether it is the earlier side of a change (由X转为Y)."""
    ms, me = m.span()
    sentence = sent.text
    flow = category in ("growth_rate", "pp_change", "contribution", "target_growth")
    before = _eligible_periods(sent, ms, flow)
    period: Period | None
    bm = BASE_VALUE.search(left) if "的" in left[-3:] else None
    if bm:  # 比“五五”时期的577亿元: the base's own value
        named = find_periods(bm.group("base"), ctx.anchor)
        if named:
            return named[0], True
    if ALWAYS.search(sentence, sent.cs, ms) and not [p for p in before if p.start >= sent.cs]:
        return Period("", "", "none"), False
    streak = STREAK_BEFORE.search(sentence, sent.cs, ms)
    if streak is not None and not [p for p in before if p.start >= streak.start() - 8]:
        # 连续7年保持在…, 在连续两年增长…的基础上: a run of years up to the last one reported
        return ctx.review or (ctx.section_period if ctx.section_period and ctx.section_period.type == "year" else None) or Period(
            streak.group(0), str(ctx.anchor.year - 1), "year"), True
    if before:
        period = before[-1]
    else:
        segment_start = max(sentence.rfind("；", 0, ms), sentence.rfind(";", 0, ms)) + 1
        since = None if ctx.review is not None and "年来" in sentence[segment_start: ms] else since_period(
            sentence[segment_start: ms], ctx.anchor, ctx.as_of)  # (in a review, 五年来 counts finished years)
        if since is not None and since.type == "as_of" and any(f.period == since.canonical for f in sent.figs):
            since = Period(since.text, since.canonical[1:5], "year")  # 2022年起: later actions are that year's
        # (a span of years counted before the value is among the sentence's periods, read once)
        counted = next((p for p in reversed(sent.periods) if p.end <= ms and p.type in ("plan", "years")
                        and YEARS_COUNTED.match(p.text)), None)
        same_clause = [p for p in sent.periods if p.start >= me and not (flow and p.type == "day" and "/" not in p.canonical)
                       and not CLAUSE_SPLIT.search(sentence, me, p.start)]
        passage = ctx.period if ctx.period is None or not (flow and ctx.period.type == "day" and "/" not in ctx.period.canonical) else None
        period = since or counted or (same_clause[0] if same_clause else None)
        if period is None and category in ("count", "level") and _already(sentence, ms):
            return Period("", ctx.as_of, "as_of"), False  # 我国已建成充电桩260万个: a stock as of the event
        period = period or passage
        if period is None and THIS_MONTH.search(left):
            period = ctx.default_period
        period = period or ctx.section_period or ctx.default_period
    # 由…转为/增加到: the value before the transition is the earlier period's
    tm = CARRIED_FROM.search(left) if "由" in left else None
    carried = "由" in left[-20:] and TRANSITION_AFTER.match(sentence, me) is not None
    if carried:
        if tm and tm.group(1) in ("上年", "去年") and period is not None and period.canonical[:4].isdigit():
            earlier = str(int(finished(period, ctx.anchor).canonical[:4]) - 1)  # the year before the passage's
            return Period(tm.group(1), earlier, "year"), True
        prior = find_periods(tm.group(1), ctx.anchor) if tm and not PRIOR_MONTH.fullmatch(tm.group(1)) else []  # (上月: below)
        if prior:
            return prior[-1], True
        if sent.frame:
            return sent.frame[1], True
        if PRIOR_MONTH.search(left[left.rfind("由"):]) or ctx.basis == "mom" or ctx.passage_basis == "mom":
            current = period or ctx.default_period
            shifted = shift_month(current, -1, "上月") if current else None
            if shifted:
                return shifted, True
        return period, True
    reached = REACHED_AT.search(left)
    if reached is not None:  # …增加到1985年的170万人, 从1980年至1985年…增加到Y: the later side
        after = [p for p in sent.periods if ms - len(left) + reached.start() <= p.start < ms]
        if after:
            return after[-1], False
        if sent.frame:
            return sent.frame[0], False
    return period, False


def is_future(period: Period, ctx: Context) -> bool:
    """A period that starts now or later and ends after the publication year (今后五年, 到1995年):
    what is said of it is a target."""
    if "@" in period.canonical or period.type == "none":
        return False
    first, last = period.canonical.split("/")[0], period.canonical.split("/")[-1]
    return int(last[:4]) > ctx.anchor.year and int(first[:4]) >= ctx.anchor.year


ALREADY = re.compile(r"(?<![而早])已(?![于在])")


def _already(sentence: str, ms: int) -> bool:
    """Whether the clause of the value at `ms` states a stock as already reached (已建成, 已累计)."""
    return ALREADY.search(sentence, clause_span(sentence, ms, ms)[0], ms) is not None


def _resolve_period(period: Period | None, category: str, full: str, carried: bool, target: bool, sentence: str,
                    ms: int, ctx: Context) -> Period | None:
    """A value's period made definite: over before the publication date unless a target, a
    stock's at its end, a target's this year, an undated stock's as of the event or publication."""
    if period is not None and period.type == "none":  # said of always
        return None
    if period is not None and not target and not carried:
        period = finished(period, ctx.anchor)
    if target and period is not None and sentence.find(period.text) < 0 and period.canonical[:4].isdigit() \
            and int(period.canonical.split("/")[-1][:4]) < ctx.anchor.year and not ctx.policy:
        period = None  # a target is never for a finished period its passage reviewed: it is this year's (below)
    if target and LAST_YEAR.search(sentence[: ms]) and SET_TARGET.search(sentence):
        period = Period("去年", str(ctx.anchor.year - 1), "year")  # last year's target, recalled
    if period is not None and period.type in ("year", "month") and any(w in full for w in L.STOCK_WORDS) and not STOCK_CHANGE.search(full):
        period = stock_period(period)
    if target and (period is None or period.type == "as_of") and not ctx.policy:
        period = Period("今年" if "今年" in sentence else "", str(ctx.anchor.year), "year")
    if full in L.STANDING and period is not None and period.type in ("plan", "years", "year") and not period.text:
        period = None
    if full in L.STANDING:  # 我国有十亿多人口: a standing quantity, dated only where printed
        return period if period is not None and period.text and period.start >= 0 and sentence.find(period.text) != -1 else None
    if ctx.policy and (period is None or not period.text):  # a rule stands: no period unless one is printed
        return None if period is None or not period.text else period
    if period is None and not target and ctx.review is not None:
        period = ctx.review
    if period is None and category in ("count", "level", "share", "contribution"):
        period = Period("", ctx.as_of, "as_of")
    return period


#: A means that makes a change an effect (通过推广…技术，亩均增产25斤): before and after, on no period.
EFFECT = re.compile(r"通过|采用|推广|得益于|实施[^，,。]{0,12}后")
#: A base that is the span of years before the figure's own: 比前五年, 比上一个五年.
PREVIOUS_SPAN = re.compile(r"(?:比|较|同|与)(?:前|上一个)(?P<n>[一二三四五六七八九十两]|\d{1,2})个?年")


def previous_span(left: str, period: Period | None) -> tuple[str, str] | None:
    """(base words, base period) of a figure for a span of years compared with the span before it.

    >>> previous_span("比前五年增长", Period("五年间", "1988/1992", "years"))
    ('比前五年', '1983/1987')
    """
    m = PREVIOUS_SPAN.search(left) if "前" in left or "上一个" in left else None
    if m is None or period is None or "/" not in period.canonical or "@" in period.canonical:
        return None
    first, last = period.canonical.split("/")
    if not (first.isdigit() and last.isdigit()):
        return None
    n = int(last) - int(first) + 1
    return m.group(0), f"{int(first) - n}/{int(first) - 1}"


def _figure_basis(category: str, left: str, sentence: str, ms: int, direction: str | None, dword: str | None,
                  period: Period | None, sent: Sentence, ctx: Context) -> tuple[str | None, str | None, str | None]:
    basis = basis_text = basis_period = None
    if category in ("level", "count") and direction:  # 比上年减产120亿公斤: a change, on a basis
        basis, basis_text, basis_period = _basis(left, ctx)
        if basis is None and (span := previous_span(left, period)) is not None:
            return "vs_period", span[0], span[1]
        if basis is None and YEARLY.search(left):
            basis = "yoy"
        elif basis is None and sent.frame is not None:
            return "vs_period", None, sent.frame[1].canonical
        elif basis is None and period is not None and period.type == "year" and not EFFECT.search(sentence, 0, ms):
            basis = "yoy"  # 1983年国内财政收入增加127亿元: a year's change is on the year before (an effect, 通过…增产, is on none)
    if category == "pp_change" and direction is None:
        return None, None, None
    if category in ("growth_rate", "pp_change", "target_growth"):
        basis, basis_text, basis_period = _basis(left, ctx) if left.strip() else (None, None, None)
        if basis is None:  # the base may stand before the value before it: 比“五五”时期的577亿元增长一倍
            whole = sentence[(sent.clause_ends[k - 1] if (k := bisect_right(sent.clause_ends, ms)) else 0): ms]
            if whole != left:
                basis, basis_text, basis_period = _basis(whole, ctx)
        if basis is None and (span := previous_span(left, period)) is not None:
            return "vs_period", span[0], span[1]  # 比前五年增长一点一倍: on the span before the figure's
        if basis is None and sent.frame is not None and dword not in L.COMPARE_WORDS and not YEARLY.search(left):
            return "vs_period", None, sent.frame[1].canonical  # 1992年同1987年相比，钢产量增长31%
        if basis is None:
            if category == "pp_change" and dword in L.COMPARE_WORDS:
                return None, None, None
            if category == "pp_change" and direction is None:
                return None, None, None  # a gap stated as a level (剪刀差为…)
            if category == "pp_change":
                # a change of a rate named for no base: on last month in a monthly passage
                if period is not None and period.type == "month" and dword and dword[:2] in ("降幅", "增幅", "涨幅", "增速", "跌幅"):
                    return "mom", None, None
                parallel = next((f for f in reversed(sent.figs) if f.category == "pp_change" and f.basis), None)
                if parallel is not None and not ctx.passage_basis:  # …，降幅比1-2月份收窄1.7个百分点；制造业…，加快1.3个百分点
                    return parallel.basis, None, parallel.basis_period
                basis = ctx.passage_basis or (sent.figs[-1].basis if sent.figs and sent.figs[-1].category != "pp_change" else None)
            elif period is not None and period.type in ("plan", "years") and not YEARLY.search(left) and "/" in period.canonical:
                # 五年内增长38%: the span's growth, on the year before it began
                return "vs_period", None, str(int(period.canonical[:4]) - 1)
            else:
                # (a two-year average is always printed: it is never the basis of a figure after it)
                growth = [f for f in sent.figs if f.category in ("growth_rate", "target_growth") and f.basis
                          and f.basis != "two_year_avg"]
                basis = ctx.passage_basis or (growth[-1].basis if growth else None) or ctx.basis or "yoy"
            if basis == "vs_period" and sent.figs:
                basis_period = sent.figs[-1].basis_period
        if dword in L.COMPARE_WORDS:
            basis = basis_text = basis_period = None
        if category != "pp_change" and basis in ("yoy", "mom") and basis_text is not None:
            ctx.basis = basis
    if category == "contribution" and "影响" in left and not PULLS.search(left):  # 影响CPI上涨: on the passage's basis
        said = sentence[:ms]
        basis = "mom" if "环比" in left else ctx.passage_basis or (
            "mom" if "环比" in said else "yoy" if "同比" in said else None) or ctx.basis
    return basis, basis_text, basis_period


def extract_paragraph(text: str, index: int, ctx: Context, *, kind: str = "body", continues: bool = True) -> list[Figure]:
    """Figures of one paragraph, read against the document's context; `ctx` carries the
    paragraph's period, subject and basis across its sentences (and to the next paragraph when it
    `continues` this one: 其中…)."""
    text = shared_units(normalize_digits(text))
    figures: list[Figure] = []
    begin_paragraph(ctx, text, kind)
    ctx.rules = "会议" in text[:8] and RULE_SETTING.match(text) is not None  # 会议确定：一是…。二是…: every sentence a rule
    at = value_from(text)
    found = list(value_matches(text, at)) if at is not None else []
    if not found:  # no figure in it: it may still open the passage's period
        if kind == "body":
            opening = [p for p in find_periods(text[:12], ctx.anchor) if p.type != "day"]
            ctx.period = opening[0] if opening else ctx.period
            counted = counted_years(text[:12], ctx.anchor, ctx.plan, ctx.review is not None) if "年" in text[:12] else []
            if counted and not opening and not PLEDGE.search(text):
                ctx.section_period = counted[0]  # 过去的五年，是…的五年。: a section about those years opens
        return figures
    sentences = split_sentences(text)
    # each sentence's values, matched again on the sentence (a value never spans a 。, so the
    # paragraph's matches are the sentences')
    values: list[list[int]] = [[] for _ in sentences]
    k = 0
    for m in found:
        while sentences[k][0] + len(sentences[k][1]) <= m.start():
            k += 1
        values[k].append(m.start() - sentences[k][0])
    last = k
    for k, (s_off, sentence) in enumerate(sentences):
        if k > last and not continues and "持平" not in sentence and "相同" not in sentence:
            break  # after the paragraph's last value nothing read here is used again
        aside = None
        if k and sentence.lstrip()[:1] in "从就同环" and (pb := PASSAGE_BASIS.match(sentence)) is not None:
            ctx.passage_basis = ctx.basis = "mom" if pb.group("basis") == "环比" else "yoy"  # …。从环比看，3月份…
            aside = ctx.period  # its month is its own: the passage goes on over the period before it
        elif "比看" in sentence and (pb := BASIS_AFTER_VOICE.search(sentence)) is not None:
            ctx.passage_basis = ctx.basis = "mom" if pb.group("basis") == "环比" else "yoy"  # …解读说，从环比看，CPI…
        sent = read_sentence(sentence, ctx, valued=bool(values[k]))
        for start in values[k]:
            vm = VALUE.match(sentence, start)
            fig = read_figure(sent, vm, index, ctx) if vm is not None else None
            if fig is not None:
                sent.figs.append(fig)
                if fig.category != "discourse_count":
                    ctx.indicator = (fig.indicator_full, fig.indicator_text, fig.qualifiers)
        close_sentence(sent, ctx, figures, index)
        if aside is not None:
            ctx.period = aside
        if k == 0 and kind == "body" and ctx.period is not None and ctx.period.type in ("years", "plan") \
                and ctx.period.start <= 4 and YEARS_COUNTED.match(ctx.period.text) and not ctx.policy:
            ctx.section_period = ctx.period  # 五年来，…: the review of those years runs on past this paragraph
    return figures


def read_figure(sent: Sentence, m: re.Match[str], index: int, ctx: Context) -> Figure | None:
    """One value of a sentence as a figure, or None when it is none."""
    val = read_value(m)
    if val is None:
        return None
    sentence = sent.text
    ms, me = m.span()
    if is_non_figure(sentence, m, val.unit_text):
        return None
    sent.cs = _clause_start(sent, ms)
    left = sentence[sent.cs: ms]
    if left.startswith(("、", "和", "及")) and sent.figs:
        left = left.lstrip("、和及")
    scope = SCOPE_NOTE.match(left) if left.lstrip()[:1] in "（(" else None
    if scope and sent.figs and sent.figs[-1].unit == val.unit:  # …增长4%（包括村办工业为6%）: the same figure in a wider scope
        return _scoped(sent, m, val, scope.group(1), index)
    prior = PRIOR_NOTE.match(left) if left.lstrip()[:1] in "（(" else None
    if prior and sent.figs and sent.figs[-1].period and (sent.figs[-1].unit == val.unit or sent.figs[-1].unit == "index" and val.unit == "pct"):
        val.unit = sent.figs[-1].unit  # (PMI为50.3%（上月为50.1%）: an index reading too)
        return _earlier(sent, m, val, prior.group(1), index)  # …增长5.2%（上年同期为3.0%）: the figure a period before
    listed: Figure | None = None
    if not left.strip() and sent.figs and sent.figs[-1].unit == val.unit and LIST_GOES_ON.search(sentence[max(0, ms - 3):ms]):
        prev = listed = sent.figs[-1]  # "增长14.4%、9.6%": the list goes on
        category, direction, dword = prev.category, prev.direction, prev.direction_text
    elif sent.figs and sent.figs[-1].unit == val.unit and REACHED.search(left) and "由" in sentence[:ms]:
        prev = sent.figs[-1]  # 增长幅度由58.6%回落到27.8%: the rate the change reaches
        category, direction, dword = prev.category, ("up" if prev.category == "growth_rate" else None), None
    else:
        cat, direction, dword = classify(left or sentence[max(0, ms - 30):ms], val.unit, val.unit_text)
        rate = RATE_AFTER.match(sentence, me) if cat is None and val.unit == "pct" else None
        if rate is not None:  # 保持8%至9%的增长率: the rate named after it, of the passage's subject
            cat, direction, dword = "growth_rate", "up", None
            left = rate.group(0).lstrip("的")
        if cat is None and val.unit == "pct" and left.rstrip().endswith("的") and clean_indicator(left):
            cat = "share"  # 可返还其上年度实际缴纳失业保险费的50%: a share of what it follows
        elif cat is None and val.unit == "pct" and sentence[me:me + 1] == "的" and MEASURE_NOUN.search(clean_indicator(left)):
            cat = "share"  # 企业及其职工应缴纳社会保险费50%的标准: of the noun before it
        elif cat is None and val.unit == "pct" and (r := REACH_OF.search(left)) and MEASURE_NOUN.search(r.group("base")):
            cat = "share"  # 新招用人员达到职工总数25%: a share of the quantity it reaches
        elif cat is None and val.unit == "pct" and sentence[me:me + 1] == "的":  # 三分之一的县实现了…: a share of what follows
            return _share_of_what_follows(sent, m, val, index, ctx)
        if cat is None:
            return None
        category = cat
    if category == "index_level" and val.unit == "pct":
        val.unit = "index"  # PMI为50.3%: an index reading, whatever sign is printed
    named = _indicator(sent, m, left, category, val, ctx, direction)
    if named is None:
        return None
    category, full, head, quals = named
    if category == "share" and val.bound is None and (mb := MID_BOUND.search(full)) is not None:
        # 贴息比例不超过贷款利息的50%: the share named before its bound, of what follows the bound
        val.bound = L.BOUND_BEFORE.get(mb.group("word"), "le" if mb.group("word") == "低于" else "ge")
        full = mb.group("subject")
        head, quals = split_qualifiers(full)
        head = head_text(head)
    if category in ("level", "count") and direction is None:
        dm = CHANGE_BEFORE.search(left)
        if dm and (not full.endswith(dm.group(0)) or full.endswith("均" + dm.group(0))):  # (亩均增产: a change all the same)
            direction = "down" if dm.group(0).startswith(("减产", "减少", "少增", "多减", "净减")) else "up"
            dword = dm.group(0)
    target = sent.target or BRING_TO.search(left) is not None
    period, carried = _period(sent, m, left, category, full, ctx)
    future = period is not None and not carried and is_future(period, ctx)
    target = target or future
    period = _resolve_period(period, category, full, carried, target, sentence, ms, ctx)
    if period is not None and period.type == "as_of" and not period.text and val.unit in SPANS_OF_TIME \
            and full and full in sentence[me:me + 24]:
        period = None  # 2—6个月的岗位实习: a span of time that describes a noun is a parameter, not a stock as of a day
    if sent.rule and period is not None and not any(p.canonical == period.canonical for p in sent.periods):
        period = None  # 会议确定，…的30%返还: a rule, not a fact of the passage's period
    if period is not None and (val.unit_text in DURATIONS or val.bound) and (rc := rule_change(sentence[:ms])) and rc[2]:
        period = None  # the threshold a rule replaces (由3年以上放宽至…) holds before the rule's period
    basis, basis_text, basis_period = _figure_basis(category, left, sentence, ms, direction, dword, period, sent, ctx)
    if listed is not None and basis is None:  # 同比分别增加1186万人、469万人: on the first one's basis
        basis, basis_text, basis_period = listed.basis, listed.basis_text, listed.basis_period
    sent.prev_end = me
    right = sentence[me:me + 60]
    if val.unit_text in DURATIONS and not OF_NOUN.match(sentence, me) and val.unit_text not in ("年",) \
            and (ctx.policy or is_time_limit(sentence, m)):
        # a rule's time limit: 不得超过2天, 应于3日内, 至少提前3个月 (not 6个月的…: that measures a noun)
        category, period = "target_level", None
        if not BRING_TO.search(left):  # (把退税平均时间压缩至6个工作日: the time itself, read above)
            full, head, quals = rule_indicator(left, right, m.group("pre") or "")
        if val.bound is None:
            val.bound = "le" if re.search(r"内|不得超过|不超过|最长|最迟", sentence[ms - 6: me + 2]) else (
                "ge" if re.search(r"至少|不少于", sentence[max(0, ms - 6): ms]) else None)
    elif val.unit in ("month", "year", "day", "workday") and ctx.policy:
        category = "target_level"  # a rule's duration: 6个月的…, 1年以上劳动合同
    if category == "growth_rate" and target:
        category = "target_growth"
    elif category in ("level", "count") and target and (TARGET_IS.search(sentence) or BRING_TO.search(left) or future):
        category = "target_level"
    price = next((v for w, v in L.PRICE_WORDS.items() if w in left), None) if PRICE_WORD.search(left) else None
    return Figure(  # by position, in the field order of records.Figure: keywords cost a microsecond more
        category, head, full, val.value, val.unit, val.unit_text, val.value_base, quals, val.value_text,
        val.value_low, val.value_high, val.approx, val.bound, val.scale,
        basis, basis_text, basis_period, price, direction, dword,
        period.text if period else None, period.canonical if period else None, period.type if period else None,
        _streak(sentence[me:me + 40]) if category in ("growth_rate", "pp_change") else None,
        category.startswith("target"), None, index, sent.evidence,
    )


#: Units of a span of time: a value in them with no printed period is a parameter, never as of a day.
SPANS_OF_TIME = frozenset({"day", "workday", "month", "year", "hour"})
#: A quantity a percentage is of, named after the verb that reaches it: 达到职工总数25%.
REACH_OF = re.compile(r"(?:达到|达|不低于|不少于|超过)(?P<base>[^，,。；、达]{2,16})$")
#: A parenthesis that restates a figure for another scope: （包括村办工业为百分之六）.
SCOPE_NOTE = re.compile(r"^\s*[（(]\s*((?:不包括|包括|不含|含|扣除|剔除)[^，,。；;（）()]{1,16}?)(?:为|是|则为|计算)?\s*$")


#: The change a scope note restates, after its scope: 扣除价格因素|实际增长.
SCOPED_CHANGE = re.compile(r"(?:实际|名义)?(?:" + _ALT([*L.UP_VERBS, *L.DOWN_VERBS]) + r")$")


def _scoped(sent: Sentence, m: re.Match[str], val: Value, scope: str, index: int) -> Figure:
    """A figure restated for another scope in a parenthesis: the figure before's, qualified."""
    prev = sent.figs[-1]
    price = next((v for w, v in L.PRICE_WORDS.items() if w in scope), prev.price_basis)  # （扣除价格因素实际增长9.7%）: real
    scope = SCOPED_CHANGE.sub("", scope) or scope
    return _restated(sent, m, val, index, [*prev.qualifiers, scope], price, (prev.period_text, prev.period, prev.period_type))


def _restated(sent: Sentence, m: re.Match[str], val: Value, index: int, qualifiers: list[str], price: str | None,
              period: tuple[str | None, str | None, str | None]) -> Figure:
    """The figure before in the sentence with another value: its indicator, kind, basis and
    direction, these qualifiers, price basis and (text, canonical, type) period."""
    prev = sent.figs[-1]
    sent.prev_end = m.end()
    return Figure(prev.category, prev.indicator_text, prev.indicator_full, val.value, val.unit, val.unit_text, val.value_base,
                  qualifiers, val.value_text, val.value_low, val.value_high, val.approx, val.bound, val.scale,
                  prev.basis, prev.basis_text, prev.basis_period, price, prev.direction, prev.direction_text,
                  *period, None, prev.is_target, None, index, sent.evidence)


#: A parenthesis that gives the figure before for an earlier period: （上年同期为3.0%）, （上月为49.8%）.
PRIOR_NOTE = re.compile(r"^\s*[（(]\s*(上年同期|去年同期|上年|去年|上月)\s*(?:为|是)?\s*$")


def _earlier(sent: Sentence, m: re.Match[str], val: Value, when: str, index: int) -> Figure:
    """The figure before, restated for the period a year or a month earlier."""
    prev = sent.figs[-1]
    canonical = prev.period or ""
    if when == "上月":
        shifted = shift_month(Period(prev.period_text or "", canonical, prev.period_type or ""), -1, when)
        canonical = shifted.canonical if shifted else ""
    else:
        canonical = re.sub(r"(?<!\d)(\d{4})", lambda y: str(int(y.group(1)) - 1), canonical)
    return _restated(sent, m, val, index, list(prev.qualifiers), prev.price_basis,
                     (when, canonical or None, prev.period_type if canonical else None))


def _share_of_what_follows(sent: Sentence, m: re.Match[str], val: Value, index: int, ctx: Context) -> Figure | None:
    """'有三分之一的县实现了收支平衡', '百分之四十左右的主要工业产品达到…': the share of the things
    named after the value that do what the clause says."""
    sentence = sent.text
    end = CLAUSE_SPLIT.search(sentence, m.end())
    what = sentence[m.end() + 1: end.start() if end else len(sentence)].rstrip("。！？")
    full = what.replace("了", "").strip()
    if len(full) < 2 or len(full) > 40 or RATE_NOUN.search(full):  # (2.3%的同比涨幅中: a rate restated, no share)
        return None
    sent.prev_end = m.end()
    sent.cs = _clause_start(sent, m.start())
    period, carried = _period(sent, m, sentence[sent.cs: m.start()], "share", full, ctx)
    period = _resolve_period(period, "share", full, carried, sent.target, sentence, m.start(), ctx)
    head, quals = split_qualifiers(full)
    return Figure("share", head_text(head), full, val.value, "pct", val.unit_text, val.value_base, quals, val.value_text,
                  val.value_low, val.value_high, val.approx, val.bound, val.scale, None, None, None, None, None, None,
                  period.text if period else None, period.canonical if period else None, period.type if period else None,
                  None, sent.target, None, index, sent.evidence)


def close_sentence(sent: Sentence, ctx: Context, figures: list[Figure], index: int) -> None:
    """After a sentence's values: the paragraph's opening period, 分别 lists, 其中 parents, 持平."""
    opening = opening_period(sent)
    # a year named inside a passage about a span of years (五年内…，1990年…) is a point in it: the span holds
    if opening is not None and (ctx.period is None or opening.type != "year" or ctx.period.type not in ("plan", "years")):
        ctx.period = opening
    if not sent.figs and ANY_VERB.search(sent.text):  # 城乡居民储蓄大幅度增加。1985年末达到…: what follows is about it
        starts = [0, *sent.clause_ends]
        for a, b in zip(starts, [*sent.clause_ends, len(sent.text)]):
            subject = subject_of(sent.text[a:b])
            if subject and not ENUM_MARK.fullmatch(subject):
                head, quals = split_qualifiers(subject)
                ctx.indicator = (subject, head_text(head), quals)
                break
    sent.figs.extend(distribute(sent.text, sent.figs, ctx.anchor))
    if sent.text.lstrip().startswith("其中") and figures:
        previous = [f for f in figures if f.evidence != sent.evidence]
        for f in sent.figs:
            f.parent = next((p for p in reversed(previous) if p.unit == f.unit and p.category == f.category and p.basis == f.basis), None)
            if f.parent is not None and len(f.indicator_text) <= 3 and not set(f.indicator_text) & set(f.parent.indicator_text):
                f.indicator_text += f.parent.indicator_text  # 其中，城市上涨1.3%: the city part of the total's measure
            passage = ctx.period is not None and f.period == ctx.period.canonical and ctx.period.text not in sent.text
            if f.parent is not None and f.parent.period and (passage or f.period is None):
                # 其中，民间固定资产投资…: the item of its total, over the total's period
                f.period, f.period_text, f.period_type = f.parent.period, f.parent.period_text, f.parent.period_type
    figures.extend(sent.figs)
    figures.extend(_flat_figures(sent, index, ctx))


#: What may stand before a sentence's opening period: 在, 从, 截至.
OPENING = re.compile(r"^\s*[“\"‘]?\s*(?:在|从|截至|截止|到)?\s*$")
PLEDGE = re.compile(r"将|要|计划|力争|预计")
#: An enumeration's marker: 一是, 第二, 其三.
ENUM_MARK = re.compile(r"(?:第|其)?[一二三四五六七八九十]+是?")


def opening_period(sent: Sentence) -> Period | None:
    """The period the sentence's last clause that opens with one opens with ('1—2月，…增长7.0%',
    '在1992年…的基础上，1993年我国经济继续蓬勃发展。'), before its last value: the paragraph's
    period from then on. A pledge without figures (今年将…) sets none."""
    if not sent.periods or (not sent.figs and "相比" in sent.text):
        return None
    pledge = not sent.figs and PLEDGE.search(sent.text) is not None  # 今年将开展…: a plan's year sets nothing, its date does
    last_value = sent.text.rfind(sent.figs[-1].value_text) if sent.figs else len(sent.text)
    starts = [0, *sent.clause_ends]
    found: Period | None = None
    for p in sent.periods:
        if p.end > last_value or (p.type == "day" and sent.figs) or (pledge and p.type != "day"):
            continue
        k = bisect_right(starts, p.start) - 1
        if OPENING.match(sent.text[starts[k]: p.start]) and not _in_item(sent.text, p.start):
            found = p
    return found


def _in_item(text: str, at: int) -> bool:
    """Whether `at` is inside a 其中 item (其中，9月份增长3.0%): its period is the item's, not the passage's."""
    segment = max(text.rfind("；", 0, at), text.rfind(";", 0, at), 0)
    return "其中" in text[segment:at]


def _flat_clauses(sentence: str) -> Iterator[tuple[str, str | None]]:
    """(what is flat, 同比/环比 or None) of each 持平: what re.finditer of
    "(?P<left>[^，,。；;]*?)(?P<basis>同比|环比)?持平" gives, read back from each 持平 to its clause's
    start instead of that pattern's try at every position (quadratic in a long clause).

    >>> list(_flat_clauses("价格同比持平，环比上涨0.1%；产量持平"))
    [('价格', '同比'), ('产量', None)]
    """
    pos = 0
    while (k := sentence.find("持平", pos)) != -1:
        if sentence[k - 1:k] == "保":  # 保持平稳: no 持平
            pos = k + 2
            continue
        start = max(pos, *(sentence.rfind(c, pos, k) + 1 for c in "，,。；;"))
        basis = sentence[k - 2:k] if k - 2 >= start and sentence[k - 2:k] in ("同比", "环比") else None
        yield sentence[start:k - 2 if basis else k], basis
        pos = k + 2


#: A change of nothing: 与上月相同.
SAME_AS = re.compile(r"与(?P<base>上月|上年同期|去年同期|上年|去年)(?:相同|持平)")


def _flat_figures(sent: Sentence, index: int, ctx: Context) -> list[Figure]:
    """'X同比持平' is a growth rate of 0; 'X环比持平' after X's other figure in the sentence too;
    '…约为11.7个百分点，与上月相同' a change of 0 points on last month."""
    out: list[Figure] = []
    sentence = sent.text
    same = SAME_AS.search(sentence) if "相同" in sentence or "持平" in sentence else None
    if same and sent.figs and (sent.figs[-1].unit == "pp" or sent.figs[-1].unit == "pct" and sent.figs[-1].category == "share"):
        # (失业率为5.0%，与上月持平: a rate unchanged, a change of 0 points)
        prev = sent.figs[-1]
        out.append(Figure("pp_change", prev.indicator_text, prev.indicator_full, 0.0, "pp", "个百分点", 0.0, list(prev.qualifiers),
                          value_text="0", basis="mom" if same.group("base") == "上月" else "yoy", basis_text=same.group(0),
                          direction="flat", direction_text=same.group(0), period=prev.period, period_text=prev.period_text,
                          period_type=prev.period_type, paragraph=index, evidence=sentence.strip()))
    if "持平" not in sentence:
        return out
    for left, basis_text in _flat_clauses(sentence):
        full = clean_indicator(left)
        if sent.figs and (not full and basis_text or VALUE_HINT.search(left)):
            full = sent.figs[-1].indicator_full  # 同比上涨12.9%；环比持平, 由上月上涨2.5%转为持平: the figure before's
        if not full:
            continue
        head, quals = split_qualifiers(full)
        period = ctx.period or ctx.section_period or ctx.default_period
        basis = "mom" if basis_text == "环比" or (basis_text is None and ctx.passage_basis == "mom") else "yoy"
        out.append(Figure("growth_rate", head_text(head), full, 0.0, "pct", "%", 0.0, quals, value_text="0", basis=basis,
                          basis_text=basis_text, direction="flat", direction_text="持平",
                          period=period.canonical if period else None, period_text=period.text if period else None,
                          period_type=period.type if period else None, paragraph=index, evidence=sentence.strip()))
    return out


def year_of_text(text: str) -> Period | None:
    """A bare 'YYYY年' in a text, as a year (kept for callers that read a title's year)."""
    return year_period(text)

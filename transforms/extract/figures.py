"""Headline figures from a document's paragraphs: growth rates, percentage-point changes, levels,
shares, counts, index levels, contributions and targets, each with indicator, period, basis,
direction and streak. Rules only; every pattern and word list comes from lexicon.py."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from transforms.extract import lexicon as L
from transforms.extract.numerals import (
    CHINESE,
    NUMBER,
    NUMERAL_CHARS,
    clean_float,
    to_number,
)
from transforms.extract.periods import (
    Period,
    base_period,
    find_periods,
    period_spans,
    since_period,
    year_period,
)
from transforms.extract.records import Figure
from transforms.extract.units import UNIT, UNIT_FIRST, parse_unit

_ALT = lambda words: "|".join(sorted(map(re.escape, words), key=len, reverse=True))  # noqa: E731


def _trie_arms(words: list[str]) -> list[str]:
    """The words as regex branches, one per first character, each branching a character at a time
    after it, so that re tries a handful of first characters instead of every word in turn. Joined
    with "|", they match the same strings as _ALT(words) but, words sharing a prefix, may prefer
    another word at a position: use them only where the span matters, not which word filled it.

    >>> _trie_arms(["同比", "同期", "环比", "了"])
    ['了', '同(?:期|比)', '环比']
    """
    tree: dict[str, dict] = {}
    for w in words:
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        alts = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return [re.escape(ch) + emit(sub) for ch, sub in sorted(tree.items()) if ch]


#: What may stand between a value's number and its unit's first character, besides digits and
#: spaces: numerals, a decimal point or separator, %, a range, 余/多.
_NUMBER_TO_UNIT = NUMERAL_CHARS + "点.,%％—-－~～至到余多"
#: The same from where a value starts: the words that open a value (约, 不超过) too.
_BEFORE_UNIT = "".join(sorted({c for w in (*L.APPROX_BEFORE, *L.BOUND_BEFORE) for c in w})) + _NUMBER_TO_UNIT
VALUE = re.compile(
    r"(?=[约近大接将超逾突不至百\d零〇一二三四五六七八九十两])"  # cheap reject of every other position
    # a unit (or 百分之) ahead, past only what may stand before one: a year, a date or a bare
    # numeral (进一步) fails here at once
    rf"(?=[{re.escape(_BEFORE_UNIT)}\d\s]*[{re.escape(UNIT_FIRST)}百])"
    rf"(?P<pre>{_ALT([*L.APPROX_BEFORE, *L.BOUND_BEFORE])})?\s*"
    rf"(?:百分之(?P<pcn>{CHINESE})(?:{_ALT(L.APPROX_AFTER)})?(?P<pcn_post>{_ALT(L.BOUND_AFTER)})?"
    rf"|(?P<num>{NUMBER})\s*(?:[%％])?(?:\s*[—\-－~～至到]\s*(?P<num2>{NUMBER}))?\s*(?P<more>余|多)?\s*(?P<unit>{UNIT}))"
    rf"(?P<post>{_ALT([*L.BOUND_AFTER, '左右'])})?"
)
#: What every VALUE match holds, as a pattern that starts with a plain character class: re skips
#: the characters outside such a class in a tight loop, while a pattern that starts with a
#: look-ahead (VALUE) is tried at every position, about 25x slower on a paragraph without figures.
#: A digit; 百分之; or a Chinese numeral, then numerals or digits, spaces, %, a range or 余/多,
#: then a unit: it matches at the first character of every value's number.
VALUE_HINT = re.compile(
    rf"[\d{NUMERAL_CHARS}](?:(?<=\d)|(?<=百)分之|(?<=[{NUMERAL_CHARS}])[{re.escape(_NUMBER_TO_UNIT)}\d\s]*[{re.escape(UNIT_FIRST)}])"
)
#: The longest word a value may open with (不得超过).
_PRE_MAX = max(len(w) for w in (*L.APPROX_BEFORE, *L.BOUND_BEFORE))


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


GROWTH_VERB = re.compile(
    r"(?P<narrow>(?P<rate>降幅|增幅|涨幅|增速|跌幅)(?:比[^，,。；]{0,14}?)?(?P<how>收窄|缩小|减小|扩大|加深|回落|加快|放缓|提高|回升))(?:了)?\s*$"
    rf"|(?P<verb>{_ALT([*L.UP_VERBS, *L.DOWN_VERBS])})(?:了|为|到|至)?\s*$"
)
RATE_WORDS = re.compile(r"(?:涨幅|增幅|增速|增长率|增长速度|增长幅度|上涨幅度|降幅)[^，,。；]{0,4}?(?:为|是|达到|高达|达|在|控制在|保持在)?\s*$")
SHARE = re.compile(r"(?:占[^，。；]{0,30}?(?:的)?比重|比重|占比|率|覆盖面|增长面|比例|份额|水平)(?:为|是|达到|达|超过|提高到|升至)?\s*$|占[^，。；]{0,30}?$")
INDEX = re.compile(r"(?:指数|PMI)(?:（PMI）)?(?:为|是|达到|录得)?\s*$")
CONTRIB = re.compile(r"(?:影响|拉动|贡献率|贡献|带动|(?<!价格)(?<!物价)因素)[^，。；]{0,20}?(?:上涨|下降|增长|为|达到|超过|有)?\s*(?:约|大约)?\s*$")
STREAK = re.compile(r"连续\s*(?P<first>第)?\s*(?P<n>\d+|[一二三四五六七八九十两]+)\s*个?\s*(?P<unit>月|季度|年)")
#: '由上月的下降1.2%转为增长…': the period a change starts from.
CARRIED_FROM = re.compile(r"由\s*((?:上年|去年|今年|\d{4}年)?[^，,。；由]{0,10}?(?:月份?|季度|半年|年))[^，,。；]*$")
CLAUSE_SPLIT = re.compile(r"[，,；;：:]")
#: A sentence: the text up to and with a 。！？ (or the end). A run of characters, not a split at a
#: look-behind, which re tries at every position.
SENTENCE_PIECE = re.compile(r"[^。！？!?]*(?:[。！？!?]|$)")
LEADING_NOISE = re.compile(
    r"^(?:其中|同时|此外|另外|而且|而|并且|并|但是|但|以及|及|和|与|首先|其次|再次|最后|总体看|总的来看|具体来看|"
    r"从环比看|从同比看|分[^，,]{1,8}看|按[^，,]{1,8}(?:计算|看|分)|扣除[^，,]{1,8}因素|我国|今年|去年|上年|当年|全年|目前|截至目前|"
    r"据[^，,]{1,10}(?:统计|监测|测算)|数据显示|统计显示|记者[^，,]{0,6}获悉)\s*[，,：:]?\s*"
)
#: Words a figure's indicator never ends with. Only the span of a match counts (it is cut off), so
#: the words go in as a trie. Every branch opens with a literal character and the repeat is
#: written out once (X+ as XX*): re then finds the positions a match can start at in a tight scan
#: of those characters instead of trying the pattern at every position.
_NOISE_WORD = "|".join([
    *_trie_arms([*L.YOY, *L.MOM, *L.TWO_YEAR, *(v for v in (*L.UP_VERBS, *L.DOWN_VERBS) if len(v) > 1), *L.NARROWING, "了", "到", "至",
                 "实际", "名义", "累计", "共", "总计", "合计", "为", "达到", "达", "是", "约", "近",
                 "超过", "分别", "完成", "实现", "有", "在", "的", "保持", "扣除价格因素", "扣除物价因素", "比", "较", "转为", "由",
                 *L.TRAILING_WORDS]),
    r"比[^，,。；]{0,14}?(?:月份?|季度|半年|年|同期)",
    *(re.escape(w) + r"[^，,。；]{0,8}" for w in L.COMPARE_WORDS),
    r"连续\s*第?\s*(?:\d+|[一二三四五六七八九十两]+)\s*个?\s*(?:月|季度|年)",
])
TRAILING_NOISE = re.compile(rf"(?:{_NOISE_WORD})(?:{_NOISE_WORD})*\s*$")
HEAD_VERBS = re.compile(r"^.*(?:实现|完成|达到|建成|创建|培育|引进|新设立|新设)(?=[\u4e00-\u9fff])")
#: The first characters of HEAD_VERBS' verbs: without one, it cannot match.
HEAD_VERB_HINT = re.compile(r"[实完达建创培引新]")
COUNT_TAIL_STOP = re.compile(r"[，,。；;：:、）)”\"]|中有|中，|的基础|基础上|之中|以上|以内|左右|(?<=[\u4e00-\u9fff])中(?=[^\u4e00-\u9fff]|有|$)")

#: The words naming a comparison base: 比上年同期, 较上月.
BASE_TEXT = re.compile(r"(?:比|较)[^，,。；]{0,14}?(?:月份?|季度|半年|年末|年底)")
#: A base year: 比2019年.
BASE_YEAR = re.compile(r"(?:比|较)\s*(\d{4})\s*年")
#: A share named just before a change: 比重提高.
SHARE_BEFORE = re.compile(r"(?:比重|占比|份额|率)[^，,]{0,6}$")
#: A gap to another figure: 高于全国1.2个百分点.
ABOVE_BELOW_TAIL = re.compile(r"(?:高于|低于|快于|慢于)[^，,]{0,10}$")
ABOVE_BELOW = re.compile(r"高于|低于|快于|慢于")
#: A plain statement of a level: …为, …达到.
IS_BEFORE = re.compile(r"(?:为|是|达到|达|超过|在)\s*$")
APPROX_WORD = re.compile(r"左右|余|多")
DIGITS_ONLY = re.compile(r"\d+")
#: A list of values going on: 增长14.4%、9.6%.
LIST_GOES_ON = re.compile(r"[、和及]\s*$")
#: Units that count things (3个, 2万家).
COUNTED_BY = frozenset(L.COUNT_CLASSIFIERS) | {"万家", "亿个", "万个"}
#: A level that is a change: 比上年减产120亿公斤.
CHANGE_BEFORE = re.compile(r"(?:减产|增产|增加|减少|新增)\s*$")
LAST_YEAR = re.compile(r"去年|上年")
SET_TARGET = re.compile(r"提出|确定|要求")
TARGET_IS = re.compile(r"预期目标|目标是|目标为")


@dataclass
class Context:
    """What a paragraph knows as it is read: the latest period, basis and indicator."""

    anchor: date
    as_of: str
    default_period: Period | None = None
    section_period: Period | None = None  # from the last sub-heading that named one
    period: Period | None = None
    indicator: tuple[str, str, list[str]] | None = None
    basis: str | None = None


TRANSITION_AFTER = re.compile(rf"[^，,。；]{{0,4}}?(?:{_ALT(L.TRANSITIONS)})")


def stock_period(period: Period) -> Period:
    """A stock's figure for a year or month is its balance at the period's end.

    >>> stock_period(Period("全年", "1994", "year")).canonical, stock_period(Period("2月", "2024-02", "month")).canonical
    ('@1994-12-31', '@2024-02-29')
    """
    import calendar

    y = int(period.canonical[:4])
    mo = int(period.canonical[5:7]) if period.type == "month" else 12
    return Period(period.text, f"@{y}-{mo:02d}-{calendar.monthrange(y, mo)[1]:02d}", "as_of", period.start, period.end)


EXPLICIT_YEAR = re.compile(r"\d{4}|今年|本年|当年")


def finished(period: Period, anchor: date) -> Period:
    """A reported (not targeted) figure is for a period already over: an unqualified 全年 in a text
    published before December is last year's.

    >>> finished(Period("全年", "2024", "year"), date(2024, 3, 5)).canonical
    '2023'
    """
    if "@" in period.canonical or EXPLICIT_YEAR.search(period.text):
        return period
    last = period.canonical.split("/")[-1]
    y = int(last[:4])
    if y != anchor.year:
        return period
    tail = last[5:]
    end_month = 12 if not tail else (int(tail[1]) * 3 if tail[0] == "Q" else (int(tail[1]) * 6 if tail[0] == "H" else int(tail)))
    if end_month > anchor.month:
        shifted = re.sub(r"\d{4}", lambda mm: str(int(mm.group(0)) - 1), period.canonical)
        return Period(period.text, shifted, period.type, period.start, period.end)
    return period


def split_sentences(text: str) -> list[tuple[int, str]]:
    """(offset, sentence) pairs, split after 。！？.

    >>> split_sentences("增长5%。 回落！x")
    [(0, '增长5%。'), (5, ' 回落！'), (9, 'x')]
    """
    out, pos = [], 0
    for part in SENTENCE_PIECE.findall(text):
        if part.strip():
            out.append((pos, part))
        pos += len(part)
    return out


QUALIFIER_HEAD = re.compile(rf"(?:{_ALT(L.QUALIFIERS)})(?=..)")
SCOPE_PAREN = re.compile(r"[（(]([^（）()]*(?:不含|含|扣除|剔除)[^（）()]*)[）)]")


def split_qualifiers(phrase: str) -> tuple[str, list[str]]:
    """(head, qualifiers) of an indicator phrase.

    >>> split_qualifiers("规模以上高技术制造业增加值")
    ('高技术制造业增加值', ['规模以上'])
    >>> split_qualifiers("全国固定资产投资（不含农户）")
    ('固定资产投资', ['全国', '不含农户'])
    """
    quals: list[str] = []
    head = phrase
    while (m := QUALIFIER_HEAD.match(head)) is not None:
        quals.append(m.group(0))
        head = head[m.end():]
    for inner in SCOPE_PAREN.findall(head) if "（" in head or "(" in head else ():
        quals.append(inner)
        head = head.replace(f"（{inner}）", "").replace(f"({inner})", "")
    return head.strip(), quals


_PROVINCE_SHORT = tuple(sorted({re.sub(r"(?:省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$", "", p) for p in L.PROVINCES}
                              | set(L.PROVINCES), key=len, reverse=True))
_LEAD_ALTS = [re.escape(v) + ("(?!色)" if v == "有" else "(?![能兴型材设])" if v == "新" else "")
              for v in sorted(L.LEAD_VERBS, key=len, reverse=True)]
ANY_VERB = re.compile(_ALT([*L.UP_VERBS, *L.DOWN_VERBS]))
ONLY_LEAD_WORDS = re.compile(r"(?:" + _ALT([*L.LEAD_VERBS, *L.GEO_PREFIXES]) + r")+")
#: One leading piece of geography or verb, when at least two characters follow it.
LEAD_HEAD = re.compile(rf"(?:{_ALT(_PROVINCE_SHORT)}|{_ALT(L.GEO_PREFIXES)}|{'|'.join(_LEAD_ALTS)})(?=[\u4e00-\u9fff]{{2}})")


def head_text(full: str) -> str:
    """The indicator head: without geography and leading verbs.

    >>> head_text("河南全省有拖拉机"), head_text("获得国家重点研发计划立项"), head_text("有色金属冶炼和压延加工业")
    ('拖拉机', '国家重点研发计划立项', '有色金属冶炼和压延加工业')
    >>> head_text("新能源汽车"), head_text("全国城镇新增就业")
    ('新能源汽车', '城镇新增就业')
    """
    s = full
    while True:
        m = LEAD_HEAD.match(s)
        if not m or not m.group(0):
            return s
        s = s[m.end():]


BASE_PHRASE = re.compile(r"(?:比|较|与|由)(?:上年|去年)?同期(?:相比)?|(?:比|较|与|由)[^，,。；比较由]{0,16}?(?:同期|月份|月|季度|半年|年末|年底|年)(?:相比)?")
YEAR_WORDS = re.compile(r"\d{4}\s*年(?:以来)?|今年以来|年初以来|以来|当月")


def clean_indicator(left: str) -> str:
    """The indicator phrase of the text left of a figure in its clause.

    >>> clean_indicator("今年1—2月规模以上高技术制造业增加值同比")
    '规模以上高技术制造业增加值'
    >>> clean_indicator("工业企业实现出口交货值")
    '出口交货值'
    >>> clean_indicator("从环比看，2月份比上月")
    ''
    """
    s = BASE_PHRASE.sub(" ", left)
    for start, end in period_spans(s):  # where periods stand, whatever their year
        s = s[:start] + " " * (end - start) + s[end:]
    s = YEAR_WORDS.sub(" ", s)
    s = s.split("，")[-1].split(",")[-1]
    parts = s.split()
    if len(parts) > 1 and parts[0] in ("对", "在", "于", "从", "据", "至", "到", "自", "截至", "截止"):  # "对 规模以上…"
        s = " ".join(parts[1:])
    s = s.strip(" \u3000“”\"")
    while True:  # leading and trailing noise off, until neither is left
        led = LEADING_NOISE.sub("", s).strip()
        cut = TRAILING_NOISE.search(led)
        trimmed = led[:cut.start()].strip() if cut else led
        if trimmed == s:
            break
        if led == s and (cut is None or not led[:cut.start()][-1:].isspace()):
            # no leading noise, and the trailing noise went whole (re takes it from its leftmost
            # start): another round would find neither (a word before it would have been part of it)
            s = trimmed
            break
        s = trimmed
    if HEAD_VERB_HINT.search(s):
        s = HEAD_VERBS.sub("", s)
    s = s.strip("的和及与、 ")
    if len(s) > 40 or "。" in s or "！" in s or "？" in s:
        return ""
    return s.replace(" ", "")


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


def _basis(text: str, anchor: date) -> tuple[str | None, str | None, str | None]:
    """(basis, basis_text, basis_period) named in a clause."""
    for words, name in ((L.TWO_YEAR, "two_year_avg"), (L.MOM, "mom")):
        for w in words:
            if w in text:
                return name, w, None
    bp = base_period(text, anchor)
    if bp:
        m = BASE_TEXT.search(text)
        return "vs_period", m.group(0) if m else None, bp
    for w in L.YOY:
        if w in text:
            return "yoy", w, None
    m = BASE_YEAR.search(text)
    if m:
        return "vs_period", m.group(0), m.group(1)
    return None, None, None


def _streak(text: str) -> dict | None:
    m = STREAK.search(text) if "连续" in text else None
    if not m:
        return None
    n = to_number(m.group("n"))
    unit = {"月": "month", "季度": "quarter", "年": "year"}[m.group("unit")]
    return {"n": int(n) if n else None, "unit": unit, "text": m.group(0) + text[m.end():m.end() + 6].split("，")[0].split("。")[0]}


#: A numeral right after a counted noun: the count was part of a name (十种有色金属761万吨).
NUMERAL_NEXT = re.compile(r"\s*(?:\d|[零〇一二三四五六七八九十百千万亿两]+[^\u4e00-\u9fff])")


DIGIT_SPLIT = re.compile(r"[\d０-９]")
COUNTED_NOUN = re.compile(r"[\u4e00-\u9fffA-Za-z（）()·Ⅰ-Ⅻ]{2,24}")
CHINESE_RE = re.compile(CHINESE)


def _count_indicator(right: str) -> str:
    m = COUNT_TAIL_STOP.search(right)
    head = right[: m.start()] if m else right
    head = DIGIT_SPLIT.split(head.removeprefix("的"), maxsplit=1)[0]
    return head if COUNTED_NOUN.fullmatch(head) else ""


def classify(left: str, unit: str, unit_text: str) -> tuple[str | None, str | None, str | None]:
    """(category, direction, direction word) from what stands left of a value in its clause."""
    tail = left[-24:]
    if unit in ("pct", "pp", "times"):
        if CONTRIB.search(tail):
            m = ANY_VERB.search(tail)
            return "contribution", _direction(m.group(0)) if m and unit == "pp" else None, m.group(0) if m else None
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
        if ABOVE_BELOW_TAIL.search(tail) and unit == "pp":
            w = ABOVE_BELOW.search(tail).group(0)  # type: ignore[union-attr]  # ABOVE_BELOW_TAIL found one
            return "pp_change", "up" if w in ("高于", "快于") else "down", w
        if unit == "pct" and RATE_WORDS.search(tail):
            return "growth_rate", "up", None
        if unit == "pct" and INDEX.search(tail):
            return "index_level", None, None
        if unit == "pct" and (SHARE.search(tail) or IS_BEFORE.search(tail)):
            return "share", None, None
        return None, None, None
    return "level", None, None


def _value_fields(m: re.Match[str]) -> dict | None:
    pre, pcn, pcn_post, num, num2, more, unit_text, post = m.groups()  # VALUE's groups, in order
    scale: float | int
    if pcn:
        v = to_number(pcn)
        unit, unit_text, scale = "pct", "百分之", 1
        v2 = None
        post = pcn_post or post
    else:
        v = to_number(num)
        unit, scale = parse_unit(unit_text)
        v2 = to_number(num2) if num2 else None
    if v is None:
        return None
    pre = pre or ""
    approx = True if (pre in L.APPROX_BEFORE or more or post == "左右"
                      or (pcn and APPROX_WORD.search(m.group(0)))) else None
    bound = L.BOUND_BEFORE.get(pre) or L.BOUND_AFTER.get(post or "")
    out = {"value": v, "unit": unit, "unit_text": unit_text, "scale": scale, "value_base": clean_float(v * scale),
           "approx": approx, "bound": bound, "value_text": pcn or num}
    if v2 is not None:
        out.update(value_low=v, value_high=v2)
    return out


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
        full = left[: m.start()] if m else left
    else:
        action = re.split(r"[，,。；;]", right, maxsplit=1)[0]
        action = re.sub(r"^(?:以内|之内|内)", "", action)
        full = re.sub(r"(?:至少|最迟|最长|于|在)", "", left) + action
    full = full.strip()
    head = re.sub(r"^.*?(?:应当|应|须|必须)(?:将)?", "", full) or full
    return full, head, []


NORMATIVE = re.compile(r"应当|应于|应|不得|必须|须|至少|不超过|不少于|最长|最迟|以内|之内")
DURATIONS = ("天", "日", "个月", "小时", "个工作日", "工作日")


def _is_non_figure(sentence: str, m: re.Match[str], unit_text: str) -> bool:
    """Numerals that are not figures: ordinals, 一批/一个, durations outside rules, dates, 5G, 十四五."""
    if unit_text in DURATIONS and not NORMATIVE.search(sentence):
        return True  # 连续3个月, 前两个月: streaks and periods, not figures
    start = m.start("num") if m.group("num") else m.start()
    before = sentence[max(0, start - 2): start]
    num = m.group("num") or ""
    if before.endswith("第") or before.endswith("前") and unit_text == "个":
        return True
    if num and CHINESE_RE.fullmatch(num) and to_number(num) == 1 and not m.group("num2"):
        return True  # 一批, 一个, 一项: a word, not a count
    after = sentence[m.end(): m.end() + 4]
    if unit_text.endswith("个") and after.startswith(L.NOT_COUNTED_AFTER_GE):
        return True
    return False


TARGET = re.compile(_ALT([*L.TARGET_WORDS, "目标", "力争", "控制在"]))
#: Any price-basis word (L.PRICE_WORDS): most clauses have none, and one search says so
PRICE_WORD = re.compile(_ALT(L.PRICE_WORDS))
#: Years written digit by digit in Chinese numerals: 一九九四年.
CN_YEAR = re.compile(r"([〇零一二三四五六七八九][〇零一二三四五六七八九]{3})年")  # a leading class: re's fast scan
CN_DIGITS = str.maketrans("〇零一二三四五六七八九", "00123456789")
HAS_FULLWIDTH = re.compile(r"[０-９％]")
FULLWIDTH_POINT = re.compile(r"(?<=\d)．(?=\d)")
FULLWIDTH = str.maketrans("０１２３４５６７８９％", "0123456789%")


def normalize_digits(text: str) -> str:
    """Full-width digits and decimal points as ASCII, so that ５．５％ reads as 5.5%; nothing else moves.

    >>> normalize_digits("增长５．５％，１９９４年")
    '增长5.5%，1994年'
    >>> normalize_digits("一九九四年国内生产总值")
    '1994年国内生产总值'
    """
    if "年" in text and CN_YEAR.search(text):
        text = CN_YEAR.sub(lambda m: m.group(1).translate(CN_DIGITS) + "年", text)
    if not HAS_FULLWIDTH.search(text):
        return text
    text = text.translate(FULLWIDTH)
    return FULLWIDTH_POINT.sub(".", text) if "．" in text else text


def extract_paragraph(text: str, index: int, ctx: Context, *, kind: str = "body") -> list[Figure]:
    """Figures of one paragraph; `ctx` carries period, basis and indicator across its sentences."""
    text = normalize_digits(text)
    figures: list[Figure] = []
    period: Period | None
    prev: Figure | None
    category: str | None
    direction: str | None
    dword: str | None
    ctx.period = None
    ctx.indicator = None
    ctx.basis = None
    if kind == "subheading":
        named = find_periods(text, ctx.anchor) or ([yp] if (yp := year_period(text)) else [])
        if named:
            ctx.section_period = named[0]
    at = value_from(text)
    first = VALUE.search(text, at) if at is not None else None
    if first is None:  # no figure in it (and the context resets anyway)
        return figures
    for s_off, sentence in split_sentences(text):
        periods = find_periods(sentence, ctx.anchor)
        sentence_figs: list[Figure] = []
        evidence = sentence.strip()
        # where this sentence's values start: none before the paragraph's first (a value never
        # spans a 。, so the text's matches are the sentences'), at it, or from the hint on
        if s_off + len(sentence) <= first.start():
            at = None
        elif s_off <= first.start():
            at = first.start() - s_off
        else:
            at = value_from(sentence)
        if at is not None:
            target = TARGET.search(sentence) is not None
            prev_end = 0
            clause_ends = [c.end() for c in CLAUSE_SPLIT.finditer(sentence)]  # one character each: end <= start means before it
        for m in VALUE.finditer(sentence, at) if at is not None else ():
            vf = _value_fields(m)
            if vf is None:
                continue
            ms, me = m.span()
            unit, unit_text = vf["unit"], vf["unit_text"]
            if _is_non_figure(sentence, m, unit_text):
                continue
            k = bisect_right(clause_ends, ms)
            clause_start = max(clause_ends[k - 1] if k else 0, prev_end)
            left = sentence[clause_start: ms]
            if left.startswith(("、", "和", "及")) and sentence_figs:
                left = left.lstrip("、和及")
            if not left.strip() and sentence_figs and sentence_figs[-1].unit == unit and LIST_GOES_ON.search(
                    sentence[max(0, ms - 3):ms]):  # "增长14.4%、9.6%": the list goes on
                prev = sentence_figs[-1]
                category, direction, dword = prev.category, prev.direction, prev.direction_text
            else:
                category, direction, dword = classify(left or sentence[max(0, ms - 30):ms], unit, unit_text)
            if category is None:
                continue
            right = sentence[me:me + 60]
            full = "" if dword and dword[:2] in ("降幅", "增幅", "涨幅", "增速", "跌幅") else clean_indicator(left)
            chinese_num = CHINESE_RE.fullmatch(m.group("num") or "") is not None
            tail_ind = ""  # what a count counts, named after it: read only where it is used below
            if category == "level" or chinese_num or unit_text == "次":
                tail_ind = _count_indicator(right)
                if tail_ind and NUMERAL_NEXT.match(right, len(tail_ind)):
                    tail_ind = ""  # "十种有色金属761万吨": the numeral names a thing that has its own value
                    if chinese_num:
                        continue
            prev_end = me
            if unit_text == "次" and not DIGITS_ONLY.fullmatch(m.group("num") or ""):
                continue  # 三次产业, 两次: words, not frequencies
            if unit_text == "次" and tail_ind:  # 先后5次赴河南考察调研: a frequency of what is done
                category, full = "count", clean_indicator(left) + tail_ind
            elif category == "level" and unit == "count" and unit_text in COUNTED_BY:
                if (unit_text.endswith("个") and right.startswith(L.DISCOURSE_NOUNS)) or (chinese_num and vf["value"] < 10):
                    # 3个方面, 两个确保, 三种途径: structure of the text, not data
                    category = "discourse_count"
                    full = tail_ind or right[:2]
                elif tail_ind:
                    category, full = "count", tail_ind
                elif full:
                    category = "count"
                else:
                    continue
            elif category == "level" and (not head_text(full) or ONLY_LEAD_WORDS.fullmatch(head_text(full))) and tail_ind:
                full = tail_ind
                if unit == "count":
                    category = "count"
            elif category == "level" and unit == "count":
                category = "count"
                full = full or tail_ind
            if not full:
                prev = sentence_figs[-1] if sentence_figs else None
                if prev is not None:
                    full, head, quals = prev.indicator_full, prev.indicator_text, prev.qualifiers
                elif ctx.indicator:
                    full, head, quals = ctx.indicator
                else:
                    continue
            else:
                head, quals = split_qualifiers(full)
                head = head_text(head)
            if category == "level" and direction is None:
                dm = CHANGE_BEFORE.search(left)
                if dm and not full.endswith(dm.group(0)):
                    direction = "down" if dm.group(0) in ("减产", "减少") else "up"
                    dword = dm.group(0)
            # period: the nearest before the value in this sentence, else the paragraph's, else the document's
            before = [p for p in periods if p.end <= ms]
            if before:
                period = before[-1]
            else:
                segment_start = max(sentence.rfind("；", 0, ms), sentence.rfind(";", 0, ms)) + 1
                since = since_period(sentence[segment_start: ms], ctx.anchor, ctx.as_of)
                if since is not None and since.type == "as_of" and any(f.period == since.canonical for f in sentence_figs):
                    since = Period(since.text, since.canonical[1:5], "year")  # 2022年起: later actions are that year's
                period = since or (periods[0] if periods else (
                    year_period(sentence[: ms]) or ctx.period or ctx.section_period or ctx.default_period))
            tm = CARRIED_FROM.search(left) if "由" in left else None
            carried = tm is not None and TRANSITION_AFTER.match(sentence, me) is not None
            if carried and tm is not None:  # (carried: tm was found)
                # 由上年12月份下降3.2%转为增长0.4%, 由上年的58.6%回落到27.8%: the first value is the earlier period's
                prior = find_periods(tm.group(1), ctx.anchor)
                if prior:
                    period = prior[0]
                elif re.fullmatch(r"上年|去年", tm.group(1)) and period is not None and re.match(r"\d{4}", period.canonical):
                    earlier = str(int(finished(period, ctx.anchor).canonical[:4]) - 1)
                    period = Period(tm.group(1), earlier, "year")
            if period is not None and not target and not carried:
                period = finished(period, ctx.anchor)
            if target and LAST_YEAR.search(sentence[: ms]) and SET_TARGET.search(sentence):
                period = Period("去年", str(ctx.anchor.year - 1), "year")  # last year's target, recalled
            if period is not None and period.type in ("year", "month") and any(w in full for w in L.STOCK_WORDS) and not re.search(
                    r"新增|增加|增量|减少", full):
                period = stock_period(period)
            if target and (period is None or period.type == "as_of"):
                period = Period("今年" if "今年" in sentence else "", str(ctx.anchor.year), "year")
            if period is None and category in ("count", "level", "share", "contribution"):
                period = Period("", ctx.as_of, "as_of")
            basis = basis_text = basis_period = None
            if category == "level" and direction:  # 比上年减产120亿公斤: a change, on a basis
                basis, basis_text, basis_period = _basis(left, ctx.anchor)
            if category in ("growth_rate", "pp_change"):
                basis, basis_text, basis_period = _basis(left or sentence[:ms], ctx.anchor)
                if basis is None:
                    basis = (sentence_figs[-1].basis if sentence_figs and sentence_figs[-1].basis else None) or ctx.basis or (
                        "yoy" if category == "growth_rate" else None)
                    if basis == "vs_period" and sentence_figs:
                        basis_period = sentence_figs[-1].basis_period
                if dword in L.COMPARE_WORDS:
                    basis = basis_text = basis_period = None
                ctx.basis = basis if basis not in ("vs_period", None) else ctx.basis
            if unit_text in DURATIONS:  # a rule's time limit: 不得超过2天, 应于3日内, 至少提前3个月
                category, period = "target_level", None
                full, head, quals = rule_indicator(left, right, m.group("pre") or "")
                if vf["bound"] is None:
                    vf["bound"] = "le" if re.search(r"内|不得超过|不超过|最长|最迟", sentence[ms - 6: me + 2]) else (
                        "ge" if re.search(r"至少|不少于", sentence[max(0, ms - 6): ms]) else None)
            if category == "growth_rate" and target:
                category = "target_growth"
            elif category in ("level", "count") and target and TARGET_IS.search(sentence):
                category = "target_level"
            price = next((v for w, v in L.PRICE_WORDS.items() if w in left), None) if PRICE_WORD.search(left) else None
            fig = Figure(  # by position, in the field order of records.Figure: keywords cost a microsecond more
                category, head, full, vf["value"], unit, unit_text, vf["value_base"], quals, vf["value_text"],
                vf.get("value_low"), vf.get("value_high"), vf["approx"], vf["bound"], vf["scale"],
                basis, basis_text, basis_period, price, direction, dword,
                period.text if period else None, period.canonical if period else None, period.type if period else None,
                _streak(sentence[me:me + 40]) if category in ("growth_rate", "pp_change") else None,
                category.startswith("target"), None, index, evidence,
            )
            sentence_figs.append(fig)
            if category != "discourse_count":
                ctx.indicator = (fig.indicator_full, fig.indicator_text, fig.qualifiers)
        if periods:
            ctx.period = periods[-1]
        distribute_respectively(sentence, sentence_figs)
        if sentence.lstrip().startswith("其中") and figures:
            previous = [f for f in figures if f.evidence != evidence]
            for f in sentence_figs:
                f.parent = next((p for p in reversed(previous) if p.unit == f.unit and p.category == f.category), None)
        figures.extend(sentence_figs)
        figures.extend(_flat_figures(sentence, index, ctx, sentence_figs))
    return figures


HEADS = ("增加值", "投资", "产量", "销量", "销售额", "营业收入", "利润", "零售额", "进出口", "出口", "进口", "价格", "收入")


def distribute_respectively(sentence: str, figs: list[Figure]) -> None:
    """'A、B增加值同比分别增长14.4%、9.6%': the k values of a 分别 clause go to the k listed indicators in
    order, a shared head word (增加值) going to each."""
    if "分别" not in sentence:
        return
    for cm in re.finditer(r"([^，,。；;：:]*?)(?:同比|环比)?分别([^，,。；;]*)", sentence):
        items = [x for x in re.split(r"[、和及与]", clean_indicator(cm.group(1))) if x]
        in_clause = [f for f in figs if f.evidence == sentence.strip() and cm.group(0).find(f.value_text) >= 0]
        by_unit: dict[str, list[Figure]] = {}
        for f in in_clause:
            by_unit.setdefault(f.category, []).append(f)
        for group in by_unit.values():
            if len(items) < 2 or len(group) != len(items):
                continue
            head = next((h for h in HEADS if items[-1].endswith(h)), "")
            for f, item in zip(group, items):
                full = item if item.endswith(head) else item + head
                f.indicator_full = full
                f.indicator_text, f.qualifiers = split_qualifiers(full)


def _flat_clauses(sentence: str) -> Iterator[tuple[str, str | None]]:
    """(what is flat, 同比/环比 or None) of each 持平: what re.finditer of
    "(?P<left>[^，,。；;]*?)(?P<basis>同比|环比)?持平" gives, read back from each 持平 to its clause's
    start instead of that pattern's try at every position (quadratic in a long clause).

    >>> list(_flat_clauses("价格同比持平，环比上涨0.1%；产量持平"))
    [('价格', '同比'), ('产量', None)]
    """
    pos = 0
    while (k := sentence.find("持平", pos)) != -1:
        start = max(pos, *(sentence.rfind(c, pos, k) + 1 for c in "，,。；;"))
        basis = sentence[k - 2:k] if k - 2 >= start and sentence[k - 2:k] in ("同比", "环比") else None
        yield sentence[start:k - 2 if basis else k], basis
        pos = k + 2


def _flat_figures(sentence: str, index: int, ctx: Context, seen: list[Figure]) -> list[Figure]:
    """'X同比持平' is a growth rate of 0."""
    out: list[Figure] = []
    if "持平" not in sentence:
        return out
    for left, basis_text in _flat_clauses(sentence):
        full = clean_indicator(left)
        if not full:
            continue
        head, quals = split_qualifiers(full)
        period = ctx.period or ctx.default_period
        basis = "mom" if basis_text == "环比" else "yoy"
        out.append(Figure("growth_rate", head, full, 0.0, "pct", "%", 0.0, quals, value_text="0", basis=basis,
                          basis_text=basis_text, direction="flat", direction_text="持平",
                          period=period.canonical if period else None, period_text=period.text if period else None,
                          period_type=period.type if period else None, paragraph=index, evidence=sentence.strip()))
    return out

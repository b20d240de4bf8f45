"""Period expressions (1—2月, 前两个月, 一季度, 上半年, 今年以来, 6月末 …) to canonical form,
anchored to the publication date: 今年 is its year, and a month later than its month is last year's."""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from datetime import date
from typing import NamedTuple

from transforms.extract.lexicon import CN_MONTHS, CONGRESSES, QUARTERS
from transforms.extract import lexicon as L
from transforms.extract.numerals import to_number

_M = r"(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"
#: A day of a month: 1—31 in digits or numerals.
_D = r"(?:3[01]|[12]\d|0?[1-9]|[二三]?十[一二三四五六七八九]?|二十|三十|[一二三四五六七八九])"
_SEP = r"\s*[—–\-－~～至到]\s*"
_YEAR = r"(?:(?P<y>\d{4})\s*年|(?P<rel>今年|本年|去年|上年|当年|明年|前年))?"
#: The characters every period expression holds one of; a text without any has no period.
_HINT_CHARS = "月季年来末底"
#: What a period can hold before its first 月/季/年/来/末/底, besides digits and spaces.
_BEFORE_HINT = frozenset("今本去上当明一二三四五六七八九十两份前个第半以全下—–-－~～至到和比")
PERIOD = re.compile(
    r"(?=[\d今本去上当明前第一二三四五六七八九十下全以年])"  # cheap reject of every other position
    # a hint ahead, past only what may stand before one: most digits (5.4%, 0.38) fail here at once
    + rf"(?=[{re.escape(''.join(sorted(_BEFORE_HINT)))}\d\s]*[{_HINT_CHARS}])"
    + _YEAR
    + r"(?:"
    # a day, or a span of days: 2022年1月1日, 2019年1月1日至12月31日, 10月1日至8日 (not 2019年1月1日起,
    # the day a rule takes effect)
    + rf"(?P<dm>{_M})\s*月\s*(?P<dd>{_D})\s*日(?:{_SEP}(?:(?P<y2>\d{{4}})\s*年)?(?:(?P<dm2>{_M})\s*月)?\s*(?P<dd2>{_D})\s*日)?(?!\s*(?:起|开始))"
    + rf"|(?P<m1>{_M})\s*月?份?{_SEP}(?P<m2>{_M})\s*月份?(?P<avg>平均)?"
    + r"|前\s*(?P<n>\d{1,2}|[一二三四五六七八九十两]+)\s*个?月(?:份)?"
    + r"|(?P<qa>[1-4一二三四])\s*[—–\-－~～至到]\s*(?P<qb>[1-4一二三四])\s*季度"
    + r"|(?P<qq>前三季度|前两季度|前二季度)"
    + r"|第?(?P<q>[一二三四1-4])\s*季度"
    + r"|(?P<half>上半年|下半年)"
    + r"|(?P<ytd>以来)"
    + r"|(?P<eom>" + _M + r")\s*月(?:份)?(?:末|底)"
    + r"|(?P<eoy>年末|年底|(?<=年)末|(?<=年)底)"
    + r"|(?P<m>" + _M + r")\s*月份?(?P<cur>当月)?(?P<msince>以来)?(?!\s*\d{1,2}\s*日)"
    + r"|(?P<full>全年)"
    + r"|(?P<lm>(?<![年\d])上个?月)份?(?![末底初])"  # 上月: the month before the publication's (not 比上月, a base)
    # a span of years: 1953年至1980年, 1979和1980两年 (the first year read by _YEAR, or here)
    + rf"|{_SEP}(?P<yb>\d{{4}})\s*年(?:间)?"
    + r"|(?P<ya>\d{4})\s*(?:年\s*)?(?:[—–\-－~～至到]|和)\s*(?P<yc>\d{4})\s*(?:两)?年(?:间)?"
    + r"|(?P<yx>\d{4})(?=\s*比\s*\d{4}\s*年)"
    # a year named alone: 今年, 去年, 2023年 (not 上年同期, 2023年以来, 2023年末)
    + r"|(?P<yr>(?<=年))(?!同期|同月|以来|初|起|开始|全年|[\d一二三四五六七八九十前上下第度])"
    + r")"
)
HINT = re.compile(f"[{_HINT_CHARS}]")


def period_from(text: str, hint: int) -> int:
    """A position no PERIOD match starts before, given the first HINT at `hint`: the start of the
    run of characters a period may hold before its hint, for re's position-by-position scan to
    begin there.

    >>> period_from("规模以上工业增加值1—2月同比增长7.0%", 12)
    9
    """
    i = hint
    while i and (text[i - 1] in _BEFORE_HINT or text[i - 1].isdecimal() or text[i - 1].isspace()):
        i -= 1
    return i


#: A period named right after one of these is a comparison base, not the figure's period.
BASE_PREFIX = re.compile(r"(?:比|较|与|同|由|相比|低于|高于|快于|慢于)\s*$")


class Period(NamedTuple):
    """A period as written and in canonical form, with where it stands in its text. (A named tuple:
    the extractor makes one for every period it reads, at a third of a frozen dataclass's cost.)"""

    text: str
    canonical: str
    type: str
    start: int = 0
    end: int = 0


#: A relative year that opens a noun phrase with 的 modifies it: 去年价格变动的…
ATTRIBUTIVE = re.compile(r"[^，,。；;的]{0,8}的")


def _month(s: str) -> int:
    return int(s) if s.isdigit() else CN_MONTHS[s]


def _year(m: re.Match[str], anchor: date, first_month: int) -> int:
    """The year of a period: written, relative (今年/去年), or the anchor's unless the period
    would only begin after the anchor's month (then it is last year's)."""
    if m.group("y"):
        return int(m.group("y"))
    rel = m.group("rel")
    if rel in ("去年", "上年"):
        return anchor.year - 1
    if rel in ("今年", "本年", "当年"):
        return anchor.year
    if rel == "明年":
        return anchor.year + 1
    if rel == "前年":
        return anchor.year - 2
    return anchor.year - 1 if first_month > anchor.month else anchor.year


#: PERIOD's alternatives by the last group each closes (m.lastgroup), so that canonical() goes to
#: the one that matched instead of asking every group in turn.
_ARM = {"m1": "m1", "m2": "m1", "avg": "m1", "n": "n", "qa": "qa", "qb": "qa", "qq": "qq", "q": "q", "half": "half",
        "ytd": "ytd", "eom": "eom", "eoy": "eoy", "m": "m", "cur": "m", "msince": "m", "full": "full",
        "dm": "day", "dd": "day", "y2": "day", "dm2": "day", "dd2": "day", "yb": "yspan", "ya": "ypair", "yc": "ypair",
        "yr": "yr", "yx": "yx", "lm": "lm"}


def _day(s: str) -> int:
    return int(s) if s.isdigit() else int(to_number(s) or 0)


def _days(m: re.Match[str], anchor: date) -> tuple[str, str] | None:
    """A day as of which a stock stands (@2022-01-01), or a span of days: whole years and whole
    months read as such (2019年1月1日至12月31日 is 2019), other spans as day ranges.

    >>> _days(PERIOD.search("2019年1月1日至2020年12月31日"), date(2018, 12, 5)), _days(PERIOD.search("10月1日至8日"), date(2025, 10, 9))
    (('2019/2020', 'years'), ('2025-10-01/2025-10-08', 'days'))
    """
    g = m.group
    mo, d = _month(g("dm")), _day(g("dd"))
    y = _year(m, anchor, mo)
    if not 1 <= d <= calendar.monthrange(y, mo)[1]:
        return None
    if not g("dd2"):
        return f"@{y}-{mo:02d}-{d:02d}", "day"
    y2 = int(g("y2")) if g("y2") else y
    mo2 = _month(g("dm2")) if g("dm2") else mo
    d2 = _day(g("dd2"))
    if not 1 <= d2 <= calendar.monthrange(y2, mo2)[1] or (y2, mo2, d2) <= (y, mo, d):
        return None
    if (mo, d, mo2, d2) == (1, 1, 12, 31):
        return (f"{y}", "year") if y == y2 else (f"{y}/{y2}", "years")
    if d == 1 and d2 == calendar.monthrange(y2, mo2)[1]:
        return (f"{y}-{mo:02d}", "month") if (y, mo) == (y2, mo2) else (f"{y}-{mo:02d}/{y2}-{mo2:02d}", "ytd_months")
    return f"{y}-{mo:02d}-{d:02d}/{y2}-{mo2:02d}-{d2:02d}", "days"


def canonical(m: re.Match[str], anchor: date) -> tuple[str, str] | None:
    """(canonical, type) of a PERIOD match.

    >>> set(_ARM) == set(PERIOD.groupindex) - {"y", "rel"}  # every alternative's groups are known
    True
    """
    g = m.group
    arm = _ARM.get(m.lastgroup or "")
    if arm == "m":
        mo = _month(g("m"))
        y = _year(m, anchor, mo)
        if g("msince"):
            return f"{y}-{mo:02d}/@{anchor.isoformat()}", "ytd_open"
        return f"{y}-{mo:02d}", "month"
    if arm == "day":
        return _days(m, anchor)
    if arm == "lm":
        y, mo = (anchor.year, anchor.month - 1) if anchor.month > 1 else (anchor.year - 1, 12)
        return f"{y}-{mo:02d}", "month"
    if arm == "yspan":
        if not g("y"):
            return None
        a, b = int(g("y")), int(g("yb"))
        return (f"{a}/{b}", "years") if a < b else None
    if arm == "ypair":
        if g("y") or g("rel"):
            return None
        a, b = int(g("ya")), int(g("yc"))
        return (f"{a}/{b}", "years") if a < b else None
    if arm == "yx":
        return (g("yx"), "year") if not g("y") and not g("rel") else None
    if arm == "yr":
        if not g("y") and not g("rel"):
            return None
        if g("rel") and ATTRIBUTIVE.match(m.string, m.end()):  # 去年价格变动的翘尾影响: a modifier, not a period
            return None
        return f"{_year(m, anchor, 1)}", "year"
    if arm == "m1":
        a, b = _month(g("m1")), _month(g("m2"))
        if not 1 <= a < b <= 12:
            return None
        y = _year(m, anchor, a)
        return f"{y}-{a:02d}/{y}-{b:02d}", "month_avg" if g("avg") else "ytd_months"
    if arm == "n":
        n = int(to_number(g("n")) or 0)
        if not 1 <= n <= 12:
            return None
        y = _year(m, anchor, 1)
        return (f"{y}-01/{y}-{n:02d}" if n > 1 else f"{y}-01"), "ytd_months"
    if arm == "qa":
        a, b = QUARTERS[g("qa")], QUARTERS[g("qb")]
        if not 1 <= a < b <= 4:
            return None
        y = _year(m, anchor, a * 3 - 2)
        if (a, b) == (1, 4):
            return f"{y}", "year"
        return f"{y}-Q{a}/{y}-Q{b}", "ytd_quarters"
    if arm == "qq":
        n = 3 if g("qq") == "前三季度" else 2
        y = _year(m, anchor, 1)
        return f"{y}-Q1/{y}-Q{n}", "ytd_quarters"
    if arm == "q":
        q = QUARTERS[g("q")]
        y = _year(m, anchor, q * 3 - 2)
        return f"{y}-Q{q}", "quarter"
    if arm == "half":
        y = _year(m, anchor, 1 if g("half") == "上半年" else 7)
        return f"{y}-H{1 if g('half') == '上半年' else 2}", "half"
    if arm == "ytd":
        if not g("rel") and not g("y"):
            return None
        y = _year(m, anchor, 1)
        return f"{y}-01/@{anchor.isoformat()}", "ytd_open"
    if arm == "eom":
        mo = _month(g("eom"))
        y = _year(m, anchor, mo)
        return f"@{y}-{mo:02d}-{calendar.monthrange(y, mo)[1]:02d}", "as_of"
    if arm == "eoy":
        y = _year(m, anchor, 1) if (g("y") or g("rel")) else anchor.year - 1
        return f"@{y}-12-31", "as_of"
    if arm == "full":
        y = _year(m, anchor, 1)
        return f"{y}", "year"
    return None


#: A five-year plan: “六五”时期, “七五”计划, 第七个五年计划, “十四五”.
PLAN = re.compile(r"(?:“(?P<q>十[一二三四五六七八九]?|[一二三四五六七八九])五[”’](?P<what>时期|期间|计划|规划|末期|末|初期|初)?"
                  r"|第(?P<nth>十[一二三四五六七八九]?|[一二三四五六七八九])个五年(?:计划|规划))"
                  r"(?:(?:计划|规划)?的?(?P<part>前|头|后)(?P<k>[一二两三四])年)?")


def plan_years(n: int) -> tuple[int, int]:
    """The years of the n-th five-year plan (1953—1957 the first; 1963—1965 had none).

    >>> plan_years(1), plan_years(6), plan_years(14)
    ((1953, 1957), (1981, 1985), (2021, 2025))
    """
    first = 1953 + 5 * (n - 1) if n <= 2 else 1966 + 5 * (n - 3)
    return first, first + 4


def find_plans(text: str) -> list[Period]:
    """Five-year plans named in `text`, as spans of years (the end of one, 末期, as its last year).

    >>> [p.canonical for p in find_plans("“六五”期间比“五五”末期，第七个五年计划")]
    ['1981/1985', '1980', '1986/1990']
    >>> [p.canonical for p in find_plans("“八五”计划的前两年，“七五”后三年")]
    ['1991/1992', '1988/1990']
    """
    out: list[Period] = []
    for m in PLAN.finditer(text) if "五" in text else ():
        n = int(to_number(m.group("q") or m.group("nth")) or 0)
        if not 1 <= n <= 20 or text.startswith(("以来", "时期以来", "期间以来"), m.end()):
            continue  # (“十四五”以来 runs from the plan's start to now: since_period)
        a, b = plan_years(n)
        what = m.group("what") or ""
        if m.group("part"):  # “八五”计划的前两年: the plan's first (or last) years
            k = int(to_number(m.group("k")) or 0)
            a, b = (a, a + k - 1) if m.group("part") in ("前", "头") else (b - k + 1, b)
            out.append(Period(m.group(0), f"{a}/{b}" if a != b else f"{a}", "years" if a != b else "year", m.start(), m.end()))
        elif what.startswith("末"):
            out.append(Period(m.group(0), f"{b}", "year", m.start(), m.end()))
        elif what.startswith("初"):
            out.append(Period(m.group(0), f"{a}", "year", m.start(), m.end()))
        else:
            out.append(Period(m.group(0), f"{a}/{b}", "plan", m.start(), m.end()))
    return out


#: A canonical period whose (first) year is a year of our era's last two millennia.
REAL_YEAR = re.compile(r"^@?[12]\d{3}(?:$|[-/])")


def find_periods(text: str, anchor: date) -> list[Period]:
    """Every period expression in `text` that is not a comparison base.

    >>> [p.canonical for p in find_periods("今年1—2月规模以上工业增加值同比增长7.5%", date(2024, 3, 27))]
    ['2024-01/2024-02']
    >>> [p.canonical for p in find_periods("前两个月，比2015年12月份回落", date(2016, 3, 12))]
    ['2016-01/2016-02']
    >>> [p.canonical for p in find_periods("一季度 上半年 前三季度 全年 11月份 今年以来", date(2024, 3, 27))]
    ['2024-Q1', '2024-H1', '2024-Q1/2024-Q3', '2024', '2023-11', '2024-01/@2024-03-27']
    >>> [p.canonical for p in find_periods("1~6月份 1至9月 六月末", date(2020, 10, 5))]
    ['2020-01/2020-06', '2020-01/2020-09', '@2020-06-30']
    >>> [p.canonical for p in find_periods("上月，新增贷款1.2万亿元，比上月多增", date(2024, 1, 17))]
    ['2023-12']
    >>> [p.canonical for p in find_periods("2014年1-4季度 2013年1季度 1-3季度", date(2015, 1, 21))]
    ['2014', '2013-Q1', '2015-Q1/2015-Q3']
    """
    out: list[Period] = []
    for m in _period_matches(text):
        c = canonical(m, anchor)
        if c and REAL_YEAR.match(c[0]):  # (0000年1-2月 names no time)
            out.append(Period(m.group(0), c[0], c[1], m.start(), m.end()))
    if "五" in text and ("“" in text or "个五年" in text):
        plans = [p for p in find_plans(text) if not BASE_PREFIX.search(text[max(0, p.start - 4): p.start])]
        if plans:
            out = sorted([*out, *plans], key=lambda p: p.start)
    if "世纪末" in text:
        out = sorted([*out, *century_ends(text, anchor)], key=lambda p: p.start)
    if "假" in text or "黄金周" in text:
        out = sorted([*out, *holidays(text, anchor)], key=lambda p: p.start)
    return out


HOLIDAY = re.compile(rf"(?:(?P<y>\d{{4}})年|今年|去年)?(?P<name>{'|'.join(sorted(L.HOLIDAY_NAMES, key=len, reverse=True))})"
                     r"(?:节)?(?:假期|长假|小长假|黄金周)")


def holidays(text: str, anchor: date) -> list[Period]:
    """Public holidays as the day spans of their official notice: 国庆中秋假期 in 2025 is 10-01 to
    10-08; this year's, or last year's when this year's has not begun by the publication date.

    >>> [p.canonical for p in holidays("国庆中秋假期，全国国内出游8.88亿人次", date(2025, 10, 9))]
    ['2025-10-01/2025-10-08']
    >>> [p.canonical for p in holidays("春节假期消费", date(2026, 1, 10))]
    ['2025-01-28/2025-02-04']
    """
    out = []
    for m in HOLIDAY.finditer(text):
        spans = L.HOLIDAYS[L.HOLIDAY_NAMES[m.group("name")]]
        year = int(m.group("y")) if m.group("y") else anchor.year - 1 if m.group(0).startswith("去年") else anchor.year
        if not m.group("y") and not m.group(0).startswith("去年") and year in spans \
                and f"{year}-{spans[year][0]}" > anchor.isoformat():
            year -= 1  # not yet begun: the last one
        if year in spans:
            first, last = spans[year]
            out.append(Period(m.group(0), f"{year}-{first}/{year}-{last}", "day", m.start(), m.end()))
    return out


CENTURY_END = re.compile(r"(?P<which>本|上|下)世纪末")


def century_ends(text: str, anchor: date) -> list[Period]:
    """本世纪末 and its kin: the last year of the century the publication date is in (or of the one before or after).

    >>> [p.canonical for p in century_ends("到本世纪末，国民生产总值翻两番", date(1993, 3, 15))]
    ['2000']
    """
    century_last = (anchor.year - 1) // 100 * 100 + 100
    shift = {"本": 0, "上": -100, "下": 100}
    return [Period(m.group(0), str(century_last + shift[m.group("which")]), "year", m.start(), m.end())
            for m in CENTURY_END.finditer(text)]


def _period_matches(text: str) -> Iterator[re.Match[str]]:
    """PERIOD's matches in `text` that are not comparison bases."""
    h = HINT.search(text)
    if h is None:
        return
    for m in PERIOD.finditer(text, period_from(text, h.start())):
        if not BASE_PREFIX.search(text[max(0, m.start() - 4): m.start()]):
            yield m


#: The alternatives whose numbers may name no period (3—1月, 前13个月, 以来 alone); the others always do.
_MAY_FAIL = frozenset({"m1", "n", "qa", "ytd", "day", "yspan", "ypair", "yr", "yx"})
_ANY_DAY = date(2000, 6, 15)


def period_spans(text: str) -> list[tuple[int, int]]:
    """Where find_periods finds periods, whatever their year: their spans, without reading them.

    >>> period_spans("今年1—2月规模以上工业增加值比上年12月份加快，3—1月")
    [(0, 6)]
    """
    spans = [m.span() for m in _period_matches(text)
             if _ARM.get(m.lastgroup or "") not in _MAY_FAIL or canonical(m, _ANY_DAY) is not None]
    if "五" in text and ("“" in text or "个五年" in text):
        spans = sorted([*spans, *((p.start, p.end) for p in find_plans(text))])
    if "世纪末" in text:
        spans = sorted([*spans, *(m.span() for m in CENTURY_END.finditer(text))])
    if "假" in text or "黄金周" in text:
        spans = sorted([*spans, *(m.span() for m in HOLIDAY.finditer(text))])
    return spans


SINCE = re.compile(r"(?:党的)?(?P<congress>十[六七八九]大|二十大)以来|(?P<n>\d{1,2}|[一二三四五六七八九十两])\s*年来|(?P<y>\d{4})\s*年起")
#: Every SINCE match holds one of these words: a literal search rules most texts out at once.
SINCE_HINT = re.compile("以来|年来|年起")
#: A plan named as the start of an open period: “十四五”以来.
PLAN_SINCE = re.compile(r"“(?P<q>十[一二三四五六七八九]?|[一二三四五六七八九])五[”’](?:时期|期间)?以来")


def since_period(text: str, anchor: date, as_of: str) -> Period | None:
    """Open periods that run up to now: 党的十八大以来, 3年来, 2022年起.

    >>> [since_period(t, date(2024, 5, 10), "@2024-05-09").canonical for t in ("党的十八大以来", "河南3年来", "2022年起")]
    ['2012-11/@2024-05-09', '2021-05/@2024-05-09', '@2022-01-01']
    >>> since_period("“十四五”以来，能源自给率稳定", date(2025, 9, 13), "@2025-09-12").canonical
    '2021/@2025-09-12'

    """
    m = SINCE.search(text) if SINCE_HINT.search(text) else None
    if m is None and "以来" in text and "五" in text:  # “十四五”以来: from the plan's first year
        plan = PLAN_SINCE.search(text)
        if plan is not None:
            first, _ = plan_years(int(to_number(plan.group("q")) or 0))
            return Period(plan.group(0), f"{first}/{as_of}", "ytd_open", plan.start(), plan.end())
    if not m or (m.group("y") and not 1000 <= int(m.group("y")) <= 2999):
        return None
    if m.group("congress"):
        return Period(m.group(0), f"{CONGRESSES[m.group('congress')]}/{as_of}", "ytd_open", m.start(), m.end())
    if m.group("n"):
        n = int(to_number(m.group("n")) or 0)
        return Period(m.group(0), f"{anchor.year - n}-{anchor.month:02d}/{as_of}", "ytd_open", m.start(), m.end())
    return Period(m.group(0), f"@{m.group('y')}-01-01", "as_of", m.start(), m.end())


#: (The look-behind stands after the first digit, so that the pattern starts with a class, which re
#: scans for in a tight loop.)
BARE_YEAR = re.compile(r"(\d(?<![比较]\d)\d{3})\s*年(?![\d一二三四五六七八九十]|以来|初|末|底|前|后)")


def year_period(text: str) -> Period | None:
    """A bare 'YYYY年' as a period (a year's total), when nothing more specific is written."""
    m = BARE_YEAR.search(text) if "年" in text else None
    return Period(m.group(0), m.group(1), "year", m.start(), m.end()) if m else None


#: A comparison base: 比上年12月份, 比2019年1—2月份.
BASE = re.compile(r"(?:比|较)\s*((?:\d{4}\s*年|上年|去年|今年)?[^，,。；;比较]{0,12}?(?:月份?|季度|半年|年末|年底))")


def base_period(text: str, anchor: date) -> str | None:
    """The canonical period of a 'vs_period' base such as 比上年12月份 or 比2019年1—2月份.

    >>> base_period("比上年12月份加快1.1个百分点", date(2024, 3, 19)), base_period("比一季度回落", date(2024, 7, 1))
    ('2023-12', '2024-Q1')
    """
    m = BASE.search(text)
    if not m:
        return None
    inner = m.group(1)
    for p in PERIOD.finditer(inner):
        c = canonical(p, anchor) if p.lastgroup != "lm" else None  # (由上月…转为: the month before, read as such)
        if c:
            return c[0]
    return None


#: A span of years counted, not named: 五年内, 这五年, 过去的五年, 今后五年, 五年间.
YEARS_COUNTED = re.compile(r"(?P<pre>过去的?|这|近|今后|未来)?(?P<n>[一二三四五六七八九十两]{1,3}|\d{1,2})\s*年(?P<post>内|间|中|里|合计|来)?")


#: A counted span's number and its 年 (the scan), and the word that may stand before it.
COUNTED_NUMBER = re.compile(r"(?:[一二三四五六七八九十两]{1,3}|\d{1,2})\s*年")
YEARS_PRE = re.compile(r"(?:过去的?|这|近|今后|未来)$")
#: What every counted span holds besides its 年: a word before the number or after the 年.
COUNTED_HINT = re.compile(r"年[内间中里来]|年合计|过去|这|近|今后|未来")


def relative_years(text: str, anchor: date, plan: Period | None, review: bool = False) -> Period | None:
    """The years the last counted span in `text` names: the passage's five-year plan when it
    counts five; else counted back (过去的N年) or on (今后N年) from the publication year.

    >>> plan = Period("“六五”时期", "1981/1985", "plan")
    >>> relative_years("五年内新增", date(1986, 3, 25), plan).canonical, relative_years("过去的五年中", date(1993, 3, 15), None).canonical
    ('1981/1985', '1988/1992')
    >>> relative_years("今后五年", date(1993, 3, 15), None).canonical, relative_years("连续7年", date(2021, 1, 1), None) is None
    ('1993/1997', True)
    """
    spans = counted_years(text, anchor, plan, review)
    return spans[-1] if spans else None


def counted_years(text: str, anchor: date, plan: Period | None, review: bool = False) -> list[Period]:
    """Every span of years `text` counts (relative_years reads the last). N年来 counts finished
    years only in a review (五年来 in a report of March 1993 is 1988/1992); elsewhere it runs up
    to now (since_period).

    >>> [p.canonical for p in counted_years("五年来，过去五年", date(1993, 3, 15), None, review=True)]
    ['1988/1992', '1988/1992']
    """
    out: list[Period] = []
    if "年" not in text or (COUNTED_HINT.search(text) is None and not (plan is not None and "五年" in text)):
        return out
    for num in COUNTED_NUMBER.finditer(text):  # a class-led scan for the number, its words read around it
        before = YEARS_PRE.search(text, max(0, num.start() - 3), num.start())
        m = YEARS_COUNTED.match(text, before.start() if before else num.start())
        if m is None:
            continue
        if m.group("post") == "来" and not review:
            continue
        if not (m.group("pre") or m.group("post") or (plan is not None and plan.type == "plan" and m.group("n") == "五")):
            continue
        n = int(to_number(m.group("n")) or 0)
        if n < 2 or n > 50 or BASE_PREFIX.search(text[max(0, m.start() - 4): m.start()]):
            continue
        pre = m.group("pre") or ""
        if plan is not None and plan.type == "plan" and n == 5:
            out.append(Period(m.group(0), plan.canonical, "plan", m.start(), m.end()))
        elif pre in ("今后", "未来"):
            out.append(Period(m.group(0), f"{anchor.year}/{anchor.year + n - 1}", "years", m.start(), m.end()))
        elif pre or m.group("post") == "来":
            out.append(Period(m.group(0), f"{anchor.year - n}/{anchor.year - 1}", "years", m.start(), m.end()))
    return out

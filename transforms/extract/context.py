"""A document's context as explicit state, read before its sentences and carried along them:
the publication date, the event and its date, the period the title and lead are about, the
finished year a review reports on, and, as the paragraphs are read, the passage's section period,
five-year plan, opening period, subject and basis. Figures are read against it."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from transforms.extract.periods import Period, counted_years, find_periods, find_plans

#: Period types a title or lead may set for the whole document: flows over a stretch of time.
TOPIC_TYPES = frozenset({"month", "ytd_months", "month_avg", "quarter", "ytd_quarters", "half", "year"})
#: A review of a finished year: a government work report, a 回顾, a text about 去年.
REVIEW_WORDS = re.compile(r"工作报告|回顾|过去的一年|一年来|去年")
#: Openers that continue the paragraph before (其中, 同时): its period still holds.
CONTINUES = re.compile(r"^\s*(?:其中|同时|此外|另外|与此同时|分[^，,。]{1,8}看|从[^，,。]{1,6}看)")
#: 从同比看, 从环比看, 分地区看 …: the basis a passage is read on.
PASSAGE_BASIS = re.compile(r"^\s*(?:从|就)?(?P<basis>同比|环比)(?:来)?看")


@dataclass
class Context:
    """What is known as a paragraph is read: the document's reading (anchor, as_of, topic,
    review) and the passage's state (section, plan, opening period, subject, basis)."""

    anchor: date
    as_of: str
    default_period: Period | None = None  # what the title and lead are about
    review: Period | None = None  # the finished year a review reports on
    section_period: Period | None = None  # named by the last sub-heading (a year, a plan)
    plan: Period | None = None  # the five-year plan the passage is about
    period: Period | None = None  # the paragraph's opening period (or the figure it continues)
    indicator: tuple[str, str, list[str]] | None = None  # the subject a later figure may elide
    basis: str | None = None  # the basis the passage is read on (从环比看), or the last one named
    passage_basis: str | None = None  # set by 从同比看/从环比看 for its paragraph
    policy: bool = False  # a policy document: its undated figures are standing rules, of no period
    rules: bool = False  # the paragraph sets rules (会议确定：一是…), each of its sentences


#: A lead's bare year is as often a plan's (今年将…) as a topic: a lead sets a stretch of months.
LEAD_TYPES = TOPIC_TYPES - {"year"}


def topic_period(lines: list[str], anchor: date, types: frozenset[str] = TOPIC_TYPES) -> Period | None:
    """The period a document is about: the first flow period its title or lead names.

    >>> topic_period(["最新数据！11月CPI、PPI公布"], date(2021, 12, 9)).canonical
    '2021-11'
    >>> topic_period(["2022年1月1日，协定将正式生效"], date(2021, 12, 30)) is None
    True
    """
    for line in lines:
        for p in find_periods(line, anchor):
            if p.type in types:
                return p
    return None


def review_period(lines: list[str], anchor: date) -> Period | None:
    """The finished year a review published early in the next one is about (a 政府工作报告 in
    March, a January review): its unqualified figures are that year's.

    >>> review_period(["1994年政府工作报告"], date(1994, 3, 10)).canonical, review_period(["今年工作"], date(1994, 3, 10))
    ('1993', None)
    """
    if anchor.month > 3:
        return None
    last = str(anchor.year - 1)
    for line in lines:
        if REVIEW_WORDS.search(line) or f"{last}年" in line:
            return Period("", last, "year")
    return None


def read_context(title_lines: list[str], lead: list[str], anchor: date, as_of: str, policy: bool = False) -> Context:
    """The document's reading before its paragraphs: topic period of the title (or lead), the
    review year, whether it is a policy document."""
    return Context(anchor=anchor, as_of=as_of,
                   default_period=None if policy else topic_period(title_lines, anchor) or topic_period(lead[:2], anchor, LEAD_TYPES),
                   review=None if policy else review_period(title_lines + lead[:3], anchor), policy=policy)


def begin_paragraph(ctx: Context, text: str, kind: str) -> None:
    """A paragraph starts: its opening period is not yet known, unless it continues the one before
    (其中…); a sub-heading that names a period or plan sets the section's; 从环比看 sets the basis."""
    if not CONTINUES.match(text):
        ctx.period = None
        ctx.indicator = None
    ctx.passage_basis = None
    ctx.basis = None
    pb = PASSAGE_BASIS.match(text)
    if pb:
        ctx.passage_basis = ctx.basis = "mom" if pb.group("basis") == "环比" else "yoy"
    if kind == "subheading":
        plans = find_plans(text)
        named = [p for p in find_periods(text, ctx.anchor) if p.type != "day"]
        counted = counted_years(text, ctx.anchor, ctx.plan, ctx.review is not None)
        if plans:
            ctx.plan = plans[0]
            ctx.section_period = plans[0]
        elif named or counted:  # 一、１９９３年国内工作的回顾; 二、今后五年的主要任务
            ctx.section_period = min([*named, *counted], key=lambda p: p.start)
            ctx.plan = None if ctx.section_period.type in TOPIC_TYPES else ctx.plan


def stock_period(period: Period) -> Period:
    """A stock's figure for a year or month is its balance at the period's end.

    >>> stock_period(Period("全年", "1994", "year")).canonical, stock_period(Period("2月", "2024-02", "month")).canonical
    ('@1994-12-31', '@2024-02-29')
    """
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
    if len(tail) > 2:  # a day (10-08): a stated date, not moved
        return period
    end_month = 12 if not tail else (int(tail[1]) * 3 if tail[0] == "Q" else (int(tail[1]) * 6 if tail[0] == "H" else int(tail)))
    if end_month > anchor.month:
        shifted = re.sub(r"\d{4}", lambda mm: str(int(mm.group(0)) - 1), period.canonical)
        return Period(period.text, shifted, period.type, period.start, period.end)
    return period


def shift_month(period: Period, months: int, text: str) -> Period | None:
    """The month `months` before or after a month period (上月 of 2021-11 is 2021-10).

    >>> shift_month(Period("11月份", "2021-11", "month"), -1, "上月").canonical
    '2021-10'
    """
    if period.type != "month":
        return None
    y, mo = int(period.canonical[:4]), int(period.canonical[5:7]) + months
    while mo < 1:
        y, mo = y - 1, mo + 12
    while mo > 12:
        y, mo = y + 1, mo - 12
    return Period(text, f"{y}-{mo:02d}", "month")

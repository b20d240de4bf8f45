"""Figures from release tables (NBS style): a caption naming the period, header rows naming the
columns (绝对额（亿元）, 比上年同期增长（%）, 环比增速（%）), then rows labelled by an indicator
('钢材（万吨）<TAB>16228<TAB>-2.1') or by a period ('2013年1季度<TAB>1.7<TAB>7.8')."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from transforms.extract import lexicon as L
from transforms.extract.clauses import clean_indicator, split_qualifiers
from transforms.extract.context import Context
from transforms.extract.numerals import clean_float
from transforms.extract.periods import HINT, Period, find_periods
from transforms.extract.records import Figure
from transforms.extract.units import parse_unit

NUMERIC = re.compile(r"-?\d+(?:\.\d+)?(?:\s*[（(]百分点[）)])?")
EMPTY = {"…", "...", "-", "—", "－", ""}
UNIT_PAREN = re.compile(r"[（(]([^（）()]+)[）)]\s*$")
GROWTH_HEAD = re.compile(r"增长|增速|增幅|涨幅|速度")
YEAR_LABEL = re.compile(r"(\d{4})\s*年")
#: What a row label that names only a period is made of.
PERIOD_LABEL = re.compile(r"\d{4}年|\d{1,2}月份?|[1-4一二三四]季度|\s")
#: Parenthesised notes that are no unit: （折美元）, （含…）.
NOT_A_UNIT = re.compile(r"折|含|不含")


@dataclass
class Table:
    rows: list[tuple[int, list[str]]]
    context: list[str] = field(default_factory=list)  # the paragraphs just before it, nearest last


@dataclass
class Column:
    kind: str  # level | growth
    unit_text: str | None = None
    basis: str | None = None
    indicator: str | None = None


#: A table without a header row: a level, then its growth on a year before.
DEFAULT_COLUMNS = [Column("level"), Column("growth", "%", "yoy")]


def column(cell: str) -> Column | None:
    """What a header cell says about its column.

    >>> column("比上年同期增长（%）"), column("绝对额（亿元）").unit_text, column("GDP环比增长速度（%）").indicator
    (Column(kind='growth', unit_text='%', basis='yoy', indicator=None), '亿元', 'GDP')
    """
    text = "".join(cell.split())
    um = UNIT_PAREN.search(text)
    unit = um.group(1) if um else None
    head = text[: um.start()] if um else text
    if GROWTH_HEAD.search(head):
        basis = "mom" if any(w in head for w in L.MOM) else "yoy"
        ind = re.split(r"环比|同比|比上年同期|比上年|增长|增速", head)[0] or None
        return Column("growth", unit, basis, ind)
    if re.search(r"绝对额|绝对量|绝对数|总量|金额|数值|产量", head) or (unit and unit not in ("%", "％")):
        return Column("level", unit)
    return None


def _context_indicator(context: list[str]) -> tuple[str | None, str | None]:
    """(indicator, basis) named by the text that introduces a period-row table."""
    for text in reversed(context):
        m = re.search(r"(环比|同比)?(?:增速|增长速度|增长率)", text)
        if m:
            left = text[: m.start()]
            ind = clean_indicator(left)
            if ind:
                return ind, ("mom" if m.group(1) == "环比" else "yoy" if m.group(1) else None)
    return None, None


def table_figures(table: Table, ctx: Context) -> list[Figure]:
    figures: list[Figure] = []
    caption_periods = [p for t in table.context[-2:] for p in find_periods(t, ctx.anchor)]
    period: Period | None = caption_periods[-1] if caption_periods else ctx.default_period
    columns: list[Column] = []
    year: str | None = None
    parents: dict[str, Figure] = {}
    introduced: tuple[str | None, str | None] | None = None  # _context_indicator, read once when a column needs it
    split: dict[str, tuple[str, tuple[str, ...]]] = {}  # split_qualifiers of each indicator, once: a row's values share it
    for index, cells in table.rows:
        cells = [c.strip() for c in cells]
        numeric = [NUMERIC.fullmatch(c) is not None for c in cells]  # (no EMPTY mark is numeric)
        is_value = [n or c in EMPTY for n, c in zip(numeric, cells)]  # a value cell: a number or an empty mark
        if not any(numeric):  # a header row
            specs = [c for c in (column(x) for x in cells) if c]
            if specs:
                columns = specs
            hp = [p for c in cells for p in find_periods(c, ctx.anchor)]
            if hp:
                period = hp[0]
            continue
        k = 0
        while k < len(cells) and not is_value[k]:
            k += 1
        labels, values = cells[:k], cells[k:]
        if not labels or not values:
            continue
        specs = columns[-len(values):] if len(columns) >= len(values) else (
            DEFAULT_COLUMNS[-len(values):] if len(values) <= 2 else [])
        if len(specs) != len(values):
            continue
        label = "".join(labels)
        ym = YEAR_LABEL.match(label)
        if ym:
            year = ym.group(1)
        # a label holding no 月/季/年/来/末/底 names no period, with the table's year before it or not
        row_periods = find_periods(label if ym or not year else f"{year}年{label}", ctx.anchor) if HINT.search(label) else []
        is_period_row = bool(row_periods) and not PERIOD_LABEL.sub("", label)
        if is_period_row:
            row_period: Period | None = row_periods[0]
            name = None
        else:
            row_period = period
            name = label[3:] if label.startswith(("其中：", "其中:")) else label
        unit_text = None
        if name:
            um = UNIT_PAREN.search(name)
            if um and not NOT_A_UNIT.search(um.group(1)):
                unit_text = um.group(1)
                name = name[: um.start()]
            name = "".join(name.split())
        is_child = label.startswith(("其中：", "其中:"))
        evidence = "\t".join(cells)
        period_key, period_text, period_type = (row_period.canonical, row_period.text, row_period.type) if row_period else (None, None, None)
        for spec, cell, valued in zip(specs, values, is_value[k:]):
            if cell in EMPTY or not valued:  # a stray text cell among the values
                continue
            ind = name or spec.indicator
            basis = spec.basis
            if not ind:
                if introduced is None:
                    introduced = _context_indicator(table.context)
                ind, ctx_basis = introduced
                basis = basis or ctx_basis
            if not ind:
                continue
            pp = "百分点" in cell
            v = float(cell.replace("（百分点）", "").replace("(百分点)", ""))
            basis_of = direction = None
            scale: float | int = 1
            ut: str | None
            if spec.kind == "growth":
                category, value, unit, ut, value_text = ("pp_change" if pp else "growth_rate"), abs(v), ("pp" if pp else "pct"), (
                    "个百分点" if pp else "%"), str(abs(v))
                value_base = value
                basis_of, direction = basis or "yoy", ("flat" if v == 0 else ("down" if v < 0 else "up"))
            else:
                ut = unit_text or spec.unit_text
                if not ut:
                    continue
                if ut in ("%", "％"):
                    category, value, unit, ut, value_base, value_text = "share", v, "pct", "%", v, cell
                else:
                    unit, scale = parse_unit(ut)
                    category, value, value_base, value_text = "level", v, clean_float(v * scale), cell
            if ind not in split:
                h, q = split_qualifiers(ind)
                split[ind] = (h, tuple(q))
            head, quals = split[ind]
            fig = Figure(category, head, ind, value, unit, ut, value_base, list(quals), value_text,  # records.Figure's order
                         None, None, None, None, scale, basis_of, None, None, None, direction, None,
                         period_text, period_key, period_type, None, False, None, index, evidence, True)
            if is_child:
                fig.parent = parents.get(fig.category)
            elif not is_period_row:
                parents[fig.category] = fig
            figures.append(fig)
    return figures

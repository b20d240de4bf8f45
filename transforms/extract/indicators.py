"""Indicator normalisation: the canonical name of an indicator and the aliases it is written as,
so that 社会消费品零售总额 and 社零总额 meet in one dimension row. Data, then one function."""

from __future__ import annotations

import re
import unicodedata

#: Canonical name → aliases (as written in releases and reports).
ALIASES: dict[str, tuple[str, ...]] = {
    "国内生产总值": ("GDP", "国内生产总值（GDP）", "地区生产总值"),
    "社会消费品零售总额": ("社零总额", "社零", "社会消费品零售额"),
    "居民消费价格": ("CPI", "居民消费价格指数", "居民消费价格指数（CPI）", "消费者价格指数"),
    "工业生产者出厂价格": ("PPI", "工业生产者出厂价格指数", "工业品出厂价格"),
    "规模以上工业增加值": ("规上工业增加值", "工业增加值"),
    "固定资产投资": ("全国固定资产投资", "固定资产投资（不含农户）", "全国固定资产投资（不含农户）"),
    "制造业采购经理指数": ("PMI", "制造业PMI", "制造业采购经理指数（PMI）", "采购经理指数"),
    "货物贸易进出口总值": ("进出口总值", "外贸进出口总值", "货物进出口总额", "进出口总额"),
    "城镇调查失业率": ("全国城镇调查失业率",),
    "高技术制造业增加值": ("规模以上高技术制造业增加值",),
    "广义货币": ("M2", "广义货币（M2）", "广义货币余额"),
    "实际使用外资": ("实际使用外资金额", "外商直接投资实际金额"),
}
_BY_ALIAS = {_k: canonical for canonical, aliases in ALIASES.items() for _k in (canonical, *aliases)}
_PUNCT = re.compile(r"[\W_]+")


def norm_key(text: str) -> str:
    """The comparison key of an indicator phrase: NFKC, no punctuation or spaces, upper-case Latin.

    >>> norm_key("居民消费价格指数（CPI）"), norm_key(" 社零 总额")
    ('居民消费价格指数CPI', '社零总额')
    """
    return _PUNCT.sub("", unicodedata.normalize("NFKC", text)).upper()


_BY_KEY = {norm_key(alias): canonical for alias, canonical in _BY_ALIAS.items()}


def canonical_indicator(text: str) -> str:
    """The canonical name of an indicator; unknown indicators are their own canonical name.

    >>> canonical_indicator("社零总额"), canonical_indicator("CPI"), canonical_indicator("钢材")
    ('社会消费品零售总额', '居民消费价格', '钢材')
    """
    return _BY_KEY.get(norm_key(text), text.strip())


def aliases_of(canonical: str) -> tuple[str, ...]:
    return ALIASES.get(canonical, ())

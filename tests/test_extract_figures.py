"""One short sentence per figure pattern (written for these tests), and what must come out."""

from __future__ import annotations

from datetime import date

import pytest

from transforms.extract import extract
from transforms.records import Document, Paragraph

PUB = date(2024, 3, 27)


def figs(*paragraphs: str, pub: date = PUB, title: str = "测试") -> list:
    doc = Document(url="t", source="text", publisher="", title=title, pub_date=pub,
                   paragraphs=[Paragraph(p, "table_row" if "\t" in p else "body") for p in paragraphs])
    return [f for f in extract(doc).figures if f.primary]


def one(*paragraphs: str, **kw):
    found = figs(*paragraphs, **kw)
    assert len(found) == 1, [(f.indicator_full, f.value, f.unit) for f in found]
    return found[0]


def test_growth_rate_yoy_with_period_and_qualifier() -> None:
    f = one("今年1—2月规模以上高技术制造业增加值同比增长7.5%。")
    assert (f.category, f.indicator_text, f.qualifiers, f.value_base, f.unit) == ("growth_rate", "高技术制造业增加值", ["规模以上"], 7.5, "pct")
    assert (f.period, f.basis, f.direction) == ("2024-01/2024-02", "yoy", "up")


def test_decline_is_down() -> None:
    f = one("1—5月份，全国规模以上工业企业利润总额同比下降18.8%。", pub=date(2023, 6, 28))
    assert (f.direction, f.value_base, f.period) == ("down", 18.8, "2023-01/2023-05")


def test_pp_change_against_a_fixed_period() -> None:
    found = figs("2月份，规模以上工业增加值同比增长7.0%，比上年12月份加快0.2个百分点。")
    pp = [f for f in found if f.category == "pp_change"][0]
    assert (pp.indicator_full, pp.value_base, pp.unit, pp.basis, pp.basis_period, pp.direction) == (
        "规模以上工业增加值", 0.2, "pp", "vs_period", "2023-12", "up")


def test_narrowing_decline_is_plus() -> None:
    found = figs("1—5月份，利润总额同比下降18.8%，降幅比1—4月份收窄1.8个百分点。", pub=date(2023, 6, 28))
    pp = [f for f in found if f.category == "pp_change"][0]
    assert (pp.value_base, pp.direction, pp.indicator_full) == (1.8, "up", "利润总额")


def test_levels_are_scaled() -> None:
    found = figs("前两个月，社会消费品零售总额81307亿元，同比增长5.5%。上半年，外贸进出口总值20.1万亿元。")
    level = {f.indicator_full: (f.value, f.value_base, f.unit) for f in found if f.category == "level"}
    assert level["社会消费品零售总额"] == (81307, 8.1307e12, "CNY")
    assert level["外贸进出口总值"] == (20.1, 2.01e13, "CNY")
    growth = [f for f in found if f.category == "growth_rate"][0]
    assert (growth.indicator_full, growth.value_base) == ("社会消费品零售总额", 5.5)


@pytest.mark.parametrize("sentence,unit,base", [
    ("1—2月份，全国城镇新增就业148万人。", "person", 1.48e6),
    ("实际使用外资1553亿美元。", "USD", 1.553e11),
    ("新能源汽车产量492.9万辆。", "vehicle", 4.929e6),
])
def test_level_units(sentence: str, unit: str, base: float) -> None:
    f = one(sentence)
    assert (f.unit, f.value_base, f.category) == (unit, base, "level")


def test_share_of_a_total() -> None:
    found = figs("全国实物商品网上零售额同比增长12.3%，占社会消费品零售总额的比重为22%。")
    share = [f for f in found if f.category == "share"][0]
    assert (share.value_base, share.unit) == (22, "pct")


def test_counts_take_the_noun_after_the_classifier() -> None:
    found = figs("在已有的178家国家高新区、45个国家先进制造业集群基础上，今年将启动创建示范区。")
    assert [(f.category, f.indicator_text, f.value_base, f.period) for f in found] == [
        ("count", "国家高新区", 178, "@2024-03-27"), ("count", "国家先进制造业集群", 45, "@2024-03-27")]


def test_pmi_is_an_index_level_not_growth() -> None:
    f = one("3月份，制造业采购经理指数为50.8%。")
    assert (f.category, f.value_base, f.direction) == ("index_level", 50.8, None)


def test_contribution() -> None:
    found = figs("畜肉类价格下降25.5%，影响CPI下降约1.12个百分点。")
    c = [f for f in found if f.category == "contribution"][0]
    assert (c.value_base, c.unit, c.approx) == (1.12, "pp", True)


def test_targets_with_approx_and_bounds() -> None:
    found = figs("今年发展主要预期目标是：国内生产总值增长5%左右；城镇新增就业1200万人以上，城镇调查失业率5.5%左右；居民消费价格涨幅3%左右。")
    by = {f.indicator_full: f for f in found}
    gdp = by["国内生产总值"]
    assert (gdp.category, gdp.value_base, gdp.approx, gdp.period) == ("target_growth", 5, True, "2024")
    jobs = by["城镇新增就业"]
    assert (jobs.category, jobs.value_base, jobs.bound) == ("target_level", 1.2e7, "ge")
    assert by["居民消费价格涨幅"].category == "target_growth"


def test_range() -> None:
    f = one("今年国内生产总值预期增长6.5%-7%。", pub=date(2016, 3, 5))
    assert (f.value_low, f.value_high) == (6.5, 7)


def test_bound_below() -> None:
    found = figs("预期目标是城镇登记失业率4.5%以内。")
    assert found[0].bound == "le"


@pytest.mark.parametrize("text,canonical", [
    ("1-2月份，工业增加值增长5.4%。", "2024-01/2024-02"),
    ("1~6月份，工业增加值增长5.4%。", "2023-01/2023-06"),  # not over by 2024-03-27: last year's
    ("1至9月，工业增加值增长5.4%。", "2023-01/2023-09"),
    ("前两个月，工业增加值增长5.4%。", "2024-01/2024-02"),
    ("一季度，工业增加值增长5.4%。", "2024-Q1"),
    ("前三季度，工业增加值增长5.4%。", "2023-Q1/2023-Q3"),
    ("今年前三季度，工业增加值增长5.4%。", "2024-Q1/2024-Q3"),  # 今年 is said outright
    ("今年以来，工业增加值增长5.4%。", "2024-01/@2024-03-27"),
    ("5月当月，实际使用外资686.3亿元。", "2023-05"),
    ("2月末，广义货币余额299.56万亿元。", "@2024-02-29"),
])
def test_periods(text: str, canonical: str) -> None:
    assert figs(text)[0].period == canonical


def test_full_year_reported_before_it_ends_is_last_year() -> None:
    assert one("全年进出口总额2367亿美元。", pub=date(1995, 3, 5)).period == "1994"


def test_bases() -> None:
    assert one("从环比看，2月份规模以上工业增加值比上月增长0.56%。").basis == "mom"
    assert one("社会消费品零售总额两年平均增长3.9%。").basis == "two_year_avg"
    assert one("出口比上年同期增长10.3%。").basis == "yoy"


def test_streaks() -> None:
    f = figs("规模以上高技术制造业增加值同比增长7.5%，连续3个月加快增长。")[0]
    assert f.streak["n"] == 3 and f.streak["unit"] == "month"
    g = figs("居民消费价格同比下降0.3%，为连续第三个月降幅收窄。")[0]
    assert g.streak["n"] == 3


def test_qualifiers() -> None:
    f = figs("全国固定资产投资（不含农户）50847亿元，同比增长4.2%。")[0]
    assert (f.indicator_text, f.qualifiers) == ("固定资产投资", ["全国", "不含农户"])
    g = one("实际使用外资金额10037.6亿元人民币，按可比口径同比增长15.6%。".split("，")[1])
    assert g.price_basis is None and g.value_base == 15.6


def test_chinese_numerals() -> None:
    f = one("利润总额同比下降百分之二十一点二。")
    assert (f.value_base, f.unit, f.direction) == (21.2, "pct", "down")
    g = [x for x in figs("工业增加值下降百分之二十一点二，降幅比一至五月份减小三点四个百分点。", pub=date(2009, 7, 15)) if x.unit == "pp"][0]
    assert g.value_base == 3.4
    h = one("全国财政收入二十九万六千二百九十九亿元。")
    assert h.value_base == 2.96299e13
    gdp = figs("一九九四年国内生产总值达到四万三千八百亿元，比上年增长百分之十一点八。", pub=date(1995, 3, 5))
    assert [(f.indicator_full, f.value_base, f.period) for f in gdp] == [("国内生产总值", 4.38e12, "1994"), ("国内生产总值", 11.8, "1994")]


def test_full_width_and_ascii_punctuation_read_alike() -> None:
    a = one("前两个月,社会消费品零售总额同比增长5.5%.")
    b = one("前两个月，社会消费品零售总额同比增长５．５％。")
    assert (a.indicator_full, a.value_base, a.period) == (b.indicator_full, b.value_base, b.period)


def test_headline_restatement_is_one_fact() -> None:
    found = figs("前两个月社会消费品零售总额同比增长5.5%，消费市场保持稳步增长。",
                 title="前两月社会消费品零售总额同比增长5.5%")
    assert len(found) == 1


def test_respectively_lists_are_distributed_in_order() -> None:
    found = figs("高技术制造业、装备制造业增加值同比分别增长14.4%、9.6%。")
    assert [(f.indicator_full, f.value_base) for f in found] == [("高技术制造业增加值", 14.4), ("装备制造业增加值", 9.6)]


def test_transition_gives_two_facts() -> None:
    found = figs("规模以上工业出口交货值由上年12月份同比下降3.2%转为增长0.4%。")
    assert sorted((f.value_base, f.direction, f.period) for f in found) == [(0.4, "up", None), (3.2, "down", "2023-12")]


def test_sub_items_have_their_parent() -> None:
    found = figs("一季度，货物贸易进出口总值6.57万亿元，下降6.4%。其中，出口3.33万亿元，下降11.4%；进口3.24万亿元，下降0.7%。")
    parent = [f for f in found if f.indicator_full == "货物贸易进出口总值" and f.unit == "CNY"][0]
    child = [f for f in found if f.indicator_full == "出口" and f.unit == "CNY"][0]
    assert child.parent is parent


@pytest.mark.parametrize("text", [
    "将新建一批国家制造业创新中心。", "下一步，将推进5G建设。", "加快推进“十四五”规划实施。",
    "第二是巩固提升优势产业。", "推动新一代信息技术发展，拓展“单一窗口”功能，出台“一企一策”。",
    "3月26日，国务院新闻办举行新闻发布会。", "《人民日报》（2024年03月27日 03 版）", "推动二手房交易和零售业发展。",
])
def test_non_figures_are_never_emitted(text: str) -> None:
    assert figs(text) == []


def test_release_table() -> None:
    found = figs("2016年1-2月份规模以上工业生产主要数据", "指 标\t1-2月", "绝对量\t同比增长（%）",
                 "钢材（万吨）\t16228\t-2.1", "产品销售率（%）\t97.5\t0.2（百分点）", pub=date(2016, 3, 12))
    got = {(f.indicator_full, f.category): (f.value_base, f.unit, f.direction, f.period) for f in found}
    assert got[("钢材", "level")] == (1.6228e8, "ton", None, "2016-01/2016-02")
    assert got[("钢材", "growth_rate")] == (2.1, "pct", "down", "2016-01/2016-02")
    assert got[("产品销售率", "share")][0] == 97.5
    assert got[("产品销售率", "pp_change")][:3] == (0.2, "pp", "up")


def test_malformed_or_empty_input_gives_no_facts_and_a_reason() -> None:
    empty = extract(Document(url="", source="text", publisher="", title=""))
    assert empty.figures == [] and empty.problems and empty.problems[0].startswith("empty_document")
    garbage = extract(Document(url="", source="text", publisher="", title="\ufffd\x00%%%",
                               paragraphs=[Paragraph("%%%。。。12个百分点个", "body"), Paragraph("\t\t\t", "table_row")]))
    assert isinstance(garbage.figures, list)


def test_time_limits_in_rules_are_target_levels_but_streaks_and_periods_are_not() -> None:
    found = figs("危险品中转库储存药量不得超过2天生产用量。", "拟调整燃放政策地区应至少提前3个月向社会发布相关政策。")
    assert [(f.category, f.indicator_full, f.value_base, f.unit, f.bound, f.period) for f in found] == [
        ("target_level", "危险品中转库储存药量", 2, "day", "le", None),
        ("target_level", "拟调整燃放政策地区应提前向社会发布相关政策", 3, "month", "ge", None)]
    assert all(f.unit != "month" for f in figs("前两个月工业增加值同比增长7.0%，连续3个月加快增长。"))


@pytest.mark.parametrize("text,canonical", [
    ("党的十八大以来，总书记先后5次赴当地考察调研。", "2012-11/@2024-03-27"),
    ("3年来累计引进顶尖人才28人。", "2021-03/@2024-03-27"),
    ("2022年起，在已经建成8500万亩高标准农田的基础上推进建设。", "@2022-01-01"),
])
def test_open_periods_up_to_now(text: str, canonical: str) -> None:
    assert figs(text)[0].period == canonical


def test_stocks_are_balances_at_the_end_of_their_period() -> None:
    f = one("全年国家外汇储备达到516亿美元。", pub=date(1995, 3, 5))
    assert f.period == "@1994-12-31"


def test_a_rate_carried_from_an_earlier_period() -> None:
    found = figs("全年固定资产投资增长幅度由上年的百分之五十八点六回落到百分之二十七点八。", pub=date(1995, 3, 5))
    assert sorted((f.value_base, f.period) for f in found) == [(27.8, "1994"), (58.6, "1993")]


def test_frequencies_count_what_is_done_but_numeral_words_do_not() -> None:
    f = one("党的十八大以来，总书记先后5次赴当地考察调研。")
    assert (f.category, f.indicator_full, f.value_base) == ("count", "总书记先后赴当地考察调研", 5)
    assert figs("三次产业分类依据国家标准。") == []


def test_discourse_counts_are_structure_not_data() -> None:
    doc = Document(url="t", source="text", publisher="", title="t", pub_date=PUB, paragraphs=[
        Paragraph("下一步，工业和信息化部主要从3个方面努力。", "body"), Paragraph("锚定“两个确保”奋斗目标，实现“三个转变”。", "body")])
    found = extract(doc).figures
    assert [(f.category, f.value_base, f.primary) for f in found] == [
        ("discourse_count", 3, False), ("discourse_count", 2, False), ("discourse_count", 3, False)]


def test_flat_clauses_read_what_the_lazy_pattern_matched() -> None:
    """_flat_clauses replaced re.finditer of a lazy pattern (quadratic in a long clause): on random
    strings of the characters that matter, it must give exactly that pattern's matches."""
    import random
    import re

    from transforms.extract.figures import _flat_clauses

    lazy = re.compile(r"(?P<left>[^，,。；;]*?)(?P<basis>同比|环比)?持平")
    rng = random.Random(3)
    pieces = ["持平", "同比", "环比", "，", ",", "。", "；", ";", "价", "格", "比", "同", "环", "持", "平", "x"]
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        assert list(_flat_clauses(text)) == [(m.group("left"), m.group("basis")) for m in lazy.finditer(text)], text


def test_the_shortcuts_in_reading_an_indicator_change_nothing() -> None:
    """clean_indicator reads period spans without their canonical form and stops stripping noise
    as soon as another round provably finds none; on random phrases of period, noise and plain
    words it must give what find_periods and the plain loop to a fixpoint gave."""
    import random

    from transforms.extract import clauses as F
    from transforms.extract.periods import find_periods, period_spans

    def reference(left: str) -> str:
        s = left
        for p in find_periods(s, date(2000, 6, 15)):
            s = s[: p.start] + " " * (p.end - p.start) + s[p.end:]
        s = F.BASE_PHRASE.sub(" ", s)
        for p in find_periods(s, date(2000, 6, 15)):
            s = s[: p.start] + " " * (p.end - p.start) + s[p.end:]
        s = F.YEAR_WORDS.sub(" ", s)
        s = F.YEARS_COUNTED.sub(" ", s)
        s = s.split("，")[-1].split(",")[-1]
        parts = s.split()
        if len(parts) > 1 and parts[0] in ("对", "在", "于", "从", "据", "至", "到", "自", "截至", "截止"):
            s = " ".join(parts[1:])
        s = s.strip(" \u3000“”\"")
        prev = None
        while prev != s:
            prev = s
            s = F.LEADING_NOISE.sub("", s).strip()
            s = F.TRAILING_NOISE.sub("", s).strip()
        s = s.strip("的和及与、 ")
        return "" if len(s) > 40 or "。" in s or "！" in s or "？" in s or s in F.LONE_WORDS else s.replace(" ", "").translate(F.QUOTES)

    rng = random.Random(5)
    pieces = ["其中", "同时", "，", " ", "1—2月", "3—1月", "13个月", "前两个月", "上半年", "以来", "比上年", "同期", "同比",
              "增长", "下降", "实现", "工业", "增加值", "规模以上", "的", "了", "分别", "连续3个月", "高于全国", "比", "年", "月"]
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 9)))
        assert period_spans(text) == [(p.start, p.end) for p in find_periods(text, date(2000, 6, 15))], text
        assert F.clean_indicator(text) == reference(text), text


def test_figures_are_built_in_the_field_order_the_extractor_assumes() -> None:
    """The extractor and the table reader build Figure by position (keywords cost a microsecond a
    figure): a field moved or added in between must fail here, not shift values silently."""
    from dataclasses import fields

    from transforms.extract.records import Figure

    assert [f.name for f in fields(Figure)][:29] == [
        "category", "indicator_text", "indicator_full", "value", "unit", "unit_text", "value_base", "qualifiers",
        "value_text", "value_low", "value_high", "approx", "bound", "scale", "basis", "basis_text", "basis_period",
        "price_basis", "direction", "direction_text", "period_text", "period", "period_type", "streak", "is_target",
        "parent", "paragraph", "evidence", "from_table"]


def test_a_table_label_without_a_period_character_names_no_period() -> None:
    """The table reader skips find_periods on a row label holding no 月/季/年/来/末/底, with or
    without the table's year put before it: on random labels, find_periods must agree."""
    import random

    from transforms.extract.periods import HINT, find_periods

    rng = random.Random(9)
    pieces = ["工业", "增加值", "1", "2", "-", "—", "季度", "月", "份", "末", "底", "全", "半", "上", "下", "以", "来", "年",
              "前", "个", "两", "三", "（万吨）", " "]
    for _ in range(20000):
        label = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 6)))
        if not HINT.search(label):
            assert find_periods(label, date(2016, 3, 12)) == [], label
            # the table's year put before it names the year itself, nothing of the label
            assert [(p.canonical, p.end) for p in find_periods(f"2016年{label}", date(2016, 3, 12))] in ([], [("2016", 5)]), label

"""Issue 16's five classes of failure on unseen articles, each on sentences written for the test
(none copied from a gold text): periods from context, indicator boundaries, speakers, measures
that are pledges, and the Chinese-numeral prose of the 1990s."""

from __future__ import annotations

from datetime import date

from transforms.extract import extract
from transforms.records import Document, Paragraph


def run(*paragraphs: str, pub: date = date(2024, 3, 27), title: str = "测试"):
    kinds = ["subheading" if len(p) < 24 and not p.endswith(("。", "：")) else "body" for p in paragraphs]
    doc = Document(url="t", source="text", publisher="", title=title, pub_date=pub,
                   paragraphs=[Paragraph(p, k) for p, k in zip(paragraphs, kinds)])
    return extract(doc)


def facts(*paragraphs: str, **kw) -> dict[tuple[str, float], object]:
    """(indicator as printed, base value) → the figure."""
    return {(f.indicator_full, f.value_base): f for f in run(*paragraphs, **kw).figures if f.primary}


# -- 1. periods from context --------------------------------------------------------------------

def test_a_january_review_gives_the_finished_year_to_unqualified_figures() -> None:
    got = facts("去年我国经济运行总体平稳。全年粮食产量6.9亿吨，比上年增加1800万吨。", "工业企业利润增长8.3%。",
                pub=date(2021, 1, 20), title="回顾2020年经济")
    assert {k: f.period for k, f in got.items()} == {
        ("粮食产量", 6.9e8): "2020", ("粮食产量", 1.8e7): "2020", ("工业企业利润", 8.3): "2020"}


def test_a_release_about_a_quarter_gives_the_quarter_to_its_figures() -> None:
    got = facts("国家统计局今天发布数据。", "居民人均可支配收入10870元，名义增长6.2%。",
                title="2023年一季度居民收入和消费支出情况", pub=date(2023, 4, 18))
    assert {f.period for f in got.values()} == {"2023-Q1"}


def test_a_paragraph_opened_by_a_period_lends_it_to_later_sentences() -> None:
    got = facts("1—4月，全国网上零售额4.2万亿元，同比增长11.5%。其中，实物商品网上零售额3.5万亿元，增长9.6%。",
                pub=date(2024, 5, 17))
    assert {f.period for f in got.values()} == {"2024-01/2024-04"}


def test_a_release_paragraph_keeps_its_total_period_basis_and_parallel_changes() -> None:
    got = run("一季度，全国房地产开发投资2.1万亿元，同比增长9.1%。从环比看，3月份房地产开发投资增长0.6%。"
              "其中，住宅投资1.5万亿元，同比增长11.2%。",
              "3月份，采矿业增加值同比下降1.2%，降幅比1-2月份收窄0.5个百分点；制造业增长7.1%，加快0.8个百分点。",
              pub=date(2017, 4, 17), title="2017年一季度国民经济运行情况").figures
    by_value = {f.value: f for f in got}
    assert (by_value[0.6].basis, by_value[0.6].period) == ("mom", "2017-03")
    assert {(by_value[v].period, by_value[v].basis) for v in (1.5, 11.2)} == {("2017-Q1", None), ("2017-Q1", "yoy")}
    assert (by_value[7.1].indicator_text, by_value[0.8].indicator_text) == ("制造业增加值", "制造业增加值")
    assert (by_value[0.8].basis, by_value[0.8].basis_period) == ("vs_period", "2017-01/2017-02")


def test_a_month_on_month_aside_does_not_change_the_period_the_passage_goes_on_with() -> None:
    got = run("1—5月份，全国固定资产投资18.8万亿元，同比增长4.0%。从环比看，5月份固定资产投资增长0.2%。",
              "分产业看，第一产业投资3400亿元，同比增长2.1%。", pub=date(2024, 6, 17)).figures
    assert [(f.value, f.period, f.basis) for f in got] == [
        (18.8, "2024-01/2024-05", None), (4.0, "2024-01/2024-05", "yoy"), (0.2, "2024-05", "mom"),
        (3400.0, "2024-01/2024-05", None), (2.1, "2024-01/2024-05", "yoy")]


def test_last_month_opening_a_sentence_is_the_month_before_publication_and_a_base_stays_a_base() -> None:
    got = run("上月，新增人民币贷款1.3万亿元，增速比上月回落0.2个百分点。", pub=date(2025, 1, 15)).figures
    got += run("12月份，食品价格由上月下降1.5%转为上涨0.8%。", pub=date(2025, 1, 15)).figures
    assert [(f.value, f.period, f.basis) for f in got] == [
        (1.3, "2024-12", None), (0.2, "2024-12", "mom"), (1.5, "2024-11", "yoy"), (0.8, "2024-12", "yoy")]


def test_a_parenthesis_restating_a_figure_for_the_period_before() -> None:
    got = run("前三季度，国内生产总值同比增长4.9%（上年同期为3.5%）。", "9月份，制造业PMI为49.8%（上月为49.5%）。", pub=date(2025, 10, 20)).figures
    assert [(f.indicator_text, f.value, f.unit, f.period) for f in got] == [
        ("国内生产总值", 4.9, "pct", "2025-Q1/2025-Q3"), ("国内生产总值", 3.5, "pct", "2024-Q1/2024-Q3"),
        ("制造业PMI", 49.8, "index", "2025-09"), ("制造业PMI", 49.5, "index", "2025-08")]


def test_a_passage_basis_after_the_clause_that_gives_the_voice() -> None:
    got = run("国家统计局城市司首席统计师王丽解读说，从环比看，CPI上涨0.3%，PPI下降0.2%。", title="2025年3月份CPI和PPI数据解读",
              pub=date(2025, 4, 10)).figures
    assert [(f.indicator_text, f.basis, f.period) for f in got] == [("CPI", "mom", "2025-03"), ("PPI", "mom", "2025-03")]


def test_a_real_rate_restated_in_a_parenthesis() -> None:
    got = run("3月份，社会消费品零售总额35000亿元，同比名义增长8.1%（扣除价格因素实际增长7.2%）。", pub=date(2019, 4, 17)).figures
    assert [(f.value, f.price_basis, f.qualifiers) for f in got][1:] == [(8.1, "nominal", []), (7.2, "real", ["扣除价格因素"])]


def test_a_public_holiday_is_its_official_span_of_days() -> None:
    got = run("国庆中秋假期，全国铁路发送旅客1.5亿人次，按可比口径同比增长5.2%。", pub=date(2025, 10, 9)).figures
    assert [(f.indicator_text, f.period) for f in got] == [("铁路发送旅客", "2025-10-01/2025-10-08")] * 2


def test_undated_stocks_are_as_of_the_press_conference() -> None:
    got = facts("5月8日，国务院新闻办举行新闻发布会，介绍有关情况。",
                "国家能源局副局长周明介绍，目前，全国充电基础设施总数达到360万台，已建成的换电站超过3000座。",
                pub=date(2024, 5, 9))
    assert {f.period for f in got.values()} == {"@2024-05-08"}


# -- 2. indicator boundaries --------------------------------------------------------------------

def test_verbs_bounds_and_framing_stay_out_of_the_indicator() -> None:
    got = facts("全年快递业务量突破1500亿件，跨境电商进出口额有望达到2.8万亿元。",
                "到2025年，全国高速铁路营业里程将达到5万公里。", pub=date(2024, 1, 10))
    names = {k[0] for k in got}
    assert names == {"快递业务量", "跨境电商进出口额", "全国高速铁路营业里程"}
    assert got[("快递业务量", 1.5e11)].bound == "ge"


def test_elided_subjects_are_restored_from_the_clause_before() -> None:
    got = facts("前三季度，最终消费支出对经济增长的贡献率为64.5%，拉动GDP增长3.5个百分点。"
                "民营企业进出口12.5万亿元，占外贸总值的比重为53.1%。", pub=date(2024, 10, 20))
    assert set(k[0] for k in got) == {"最终消费支出对经济增长的贡献率", "最终消费支出拉动GDP增长", "民营企业进出口",
                                      "民营企业进出口占外贸总值的比重"}


def test_an_elided_share_subject_keeps_its_measure_noun_and_a_name_opening_with_a_digit() -> None:
    got = run("2022年，全部工业增加值达到40.2万亿元，占国内生产总值比重为33.2%。",
              "截至2022年底，4G基站总数达603万个，占移动基站总数的55.5%。", pub=date(2023, 1, 18)).figures
    assert [(f.indicator_text, f.value) for f in got] == [
        ("全部工业增加值", 40.2), ("全部工业增加值占国内生产总值比重", 33.2), ("4G基站总数", 603.0), ("4G基站总数占移动基站总数", 55.5)]


def test_a_scope_written_before_its_head_is_a_qualifier_and_a_distinguishing_one_stays() -> None:
    got = run("10月份，扣除食品和能源价格的核心CPI同比上涨0.4%；除汽车以外的消费品零售额增长4.1%。", pub=date(2025, 11, 10)).figures
    assert [(f.indicator_text, f.qualifiers) for f in got] == [
        ("核心CPI", ["扣除食品和能源价格"]), ("除汽车以外的消费品零售额", [])]


def test_a_share_of_the_year_s_target_achieved_is_of_the_passage_and_its_subject() -> None:
    got = run("1—9月，全国城镇新增就业1020万人，完成全年目标任务的85%。", pub=date(2025, 10, 20)).figures
    assert [(f.indicator_text, f.category, f.period) for f in got] == [
        ("城镇新增就业", "level", "2025-01/2025-09"), ("城镇新增就业完成全年目标任务", "share", "2025-01/2025-09")]


def test_a_qualifier_clause_is_no_subject_for_the_figure_after_it() -> None:
    got = run("全国居民人均可支配收入41314元，比上年名义增长5.3%，扣除价格因素影响，实际增长5.1%。", pub=date(2025, 1, 20)).figures
    assert [(f.indicator_text, f.value, f.price_basis) for f in got] == [
        ("居民人均可支配收入", 41314.0, None), ("居民人均可支配收入", 5.3, "nominal"), ("居民人均可支配收入", 5.1, "real")]


def test_a_short_part_of_a_total_takes_the_total_s_measure() -> None:
    got = run("3月份，全国居民消费价格同比上涨0.7%。其中，城市上涨0.8%，农村上涨0.5%；食品价格下降1.0%。",
              pub=date(2019, 4, 11)).figures
    assert [f.indicator_text for f in got] == ["居民消费价格", "城市居民消费价格", "农村居民消费价格", "食品价格"]
    assert {f.parent.indicator_text for f in got[1:]} == {"居民消费价格"}


def test_respectively_lists_joined_by_dunhao_are_split() -> None:
    got = facts("4月份，集成电路、服务机器人、新能源汽车产量同比分别增长24.4%、19.6%和31.0%。", pub=date(2024, 5, 17))
    assert sorted((k[0], k[1]) for k in got) == [("新能源汽车产量", 31.0), ("服务机器人产量", 19.6), ("集成电路产量", 24.4)]


def test_subjects_that_tell_parallel_facts_apart_stay_and_an_elided_measure_is_restored() -> None:
    got = facts("1—10月份，国有控股企业实现利润总额2.1万亿元，增长52.3%；私营企业实现利润总额2.2万亿元，增长24.3%。",
                "纺织业营业收入增长9.1%，化学纤维制造业增长27.4%。", pub=date(2021, 11, 27))
    texts = {k: f.indicator_text for k, f in got.items()}
    assert texts[("国有控股企业实现利润总额", 2.1e12)] == "国有控股企业利润总额"
    assert texts[("私营企业实现利润总额", 24.3)] == "私营企业利润总额"
    assert texts[("化学纤维制造业", 27.4)] == "化学纤维制造业营业收入"
    alone = facts("1—10月份，规模以上工业企业实现营业收入104.3万亿元。", pub=date(2021, 11, 27))
    assert [f.indicator_text for f in alone.values()] == ["营业收入"]


def test_a_bare_rate_is_the_rate_of_the_figure_before_and_built_stocks_are_as_of_the_event() -> None:
    got = facts("1月18日，国务院新闻办举行新闻发布会。", "全年装备制造业增加值增长12.9%，增速快于全部工业3.3个百分点。"
                "我国已建成充电桩260万个。", pub=date(2022, 1, 19), title="2021年工业经济稳定恢复")
    assert got[("增速", 3.3)].indicator_text == "装备制造业增加值增速"
    assert (got[("已建成充电桩", 2.6e6)].indicator_text, got[("已建成充电桩", 2.6e6)].period) == ("充电桩", "@2022-01-18")
    assert got[("装备制造业增加值", 12.9)].period == "2021"


def test_account_names_and_stated_durations_are_indicators() -> None:
    got = facts("10月末，规模以上工业企业资产总计134.9万亿元，负债合计76.3万亿元；"
                "应收账款平均回收期为51.2天，同比减少1.3天。", pub=date(2021, 11, 27))
    assert {(f.indicator_text, f.unit, f.category, f.direction) for f in got.values()} == {
        ("工业企业资产总计", "CNY", "level", None), ("负债合计", "CNY", "level", None),
        ("应收账款平均回收期", "day", "level", None), ("应收账款平均回收期", "day", "level", "down")}


def test_a_rule_that_moves_a_threshold_measures_its_subject() -> None:
    got = run("将培训补贴申领条件由参加失业保险2年以上放宽至参保1年以上。", title="关于做好就业工作的意见",
              pub=date(2019, 1, 10)).figures
    assert [(f.indicator_text, f.indicator_full, f.value) for f in got] == [
        ("培训补贴申领条件", "参加失业保险", 2.0), ("培训补贴申领条件", "参保", 1.0)]


def test_a_rule_s_parameters_measure_what_they_describe_and_carry_no_date() -> None:
    got = run("从2020年1月1日起，将技能培训补贴范围由在职职工扩展至18—30岁待业青年；组织待业青年参加2—6个月的岗位实习。",
              "企业当年新招用人员达到职工总数20%并与其签订2年以上劳动合同的，可按3个月的企业及其职工应缴纳社会保险费的标准给予补贴。",
              title="国务院关于做好青年就业工作的意见", pub=date(2019, 12, 20)).figures
    assert [(f.indicator_text, f.value, f.unit, f.period) for f in got] == [
        ("待业青年", 18.0, "year", None), ("岗位实习", 2.0, "month", None), ("职工总数", 20.0, "pct", None),
        ("劳动合同", 2.0, "year", None), ("企业及其职工应缴纳社会保险费", 3.0, "month", None)]
    assert got[2].category == "share"


def test_a_span_of_time_describing_a_noun_is_not_a_stock_and_a_limit_names_what_it_limits() -> None:
    got = run("人社部将组织青年参加2—6个月的岗位实习，补贴期限最长为12个月。", title="人社部举行新闻发布会").figures
    assert [(f.indicator_text, f.value, f.period, f.bound) for f in got] == [
        ("岗位实习", 2.0, None, None), ("补贴期限", 12.0, None, "le")]


def test_a_change_on_the_same_month_of_last_year_is_of_the_rate_before() -> None:
    got = run("5月份，规模以上工业企业产品销售率为96.5%，比上年同月回落0.3个百分点。", pub=date(2022, 6, 15)).figures
    assert [(f.indicator_text, f.value, f.basis, f.direction) for f in got] == [
        ("工业企业产品销售率", 96.5, None, None), ("工业企业产品销售率", 0.3, "yoy", "down")]


def test_two_measures_written_as_one_word_are_distributed_in_order() -> None:
    got = run("1—8月，电动自行车产销分别完成2100万辆和2080万辆，同比分别增长6.1%和5.9%。", pub=date(2024, 9, 12)).figures
    assert [(f.indicator_text, f.value, f.unit) for f in got] == [
        ("电动自行车产量", 2100.0, "vehicle"), ("电动自行车销量", 2080.0, "vehicle"),
        ("电动自行车产量", 6.1, "pct"), ("电动自行车销量", 5.9, "pct")]


def test_a_list_sharing_a_kind_noun_and_its_basis() -> None:
    got = run("截至9月底，全国养老、医疗、生育保险参保人数分别为10.2亿人、13.3亿人、2.5亿人，同比分别增加900万人、300万人、500万人。",
              pub=date(2023, 10, 20)).figures
    assert [(f.indicator_text, f.value, f.basis) for f in got] == [
        ("养老保险参保人数", 10.2, None), ("医疗保险参保人数", 13.3, None), ("生育保险参保人数", 2.5, None),
        ("养老保险参保人数", 900.0, "yoy"), ("医疗保险参保人数", 300.0, "yoy"), ("生育保险参保人数", 500.0, "yoy")]


def test_a_unit_written_once_for_a_list_and_rates_that_refer_back_to_their_figures() -> None:
    got = run("全年商品零售价格比上年上涨1.5%，居民消费价格上涨2.1%，涨幅分别比上年回落3.2和2.6个百分点。",
              pub=date(1999, 2, 27)).figures
    assert [(f.indicator_text, f.value, f.unit, f.direction) for f in got] == [
        ("商品零售价格", 1.5, "pct", "up"), ("居民消费价格", 2.1, "pct", "up"),
        ("商品零售价格", 3.2, "pp", "down"), ("居民消费价格", 2.6, "pp", "down")]


def test_a_policy_s_limits_on_people_years_and_shares() -> None:
    got = run("对企业技术改造贷款给予贴息，贴息比例不超过贷款利息的40%，贴息期限最长不超过2年。",
              "到2026年，培养乡村工匠2000名左右，每个乡镇至少配备3名农产品质量安全监管人员。",
              title="国务院办公厅关于支持乡村产业振兴的意见", pub=date(2023, 6, 10)).figures
    assert [(f.indicator_text, f.value, f.unit, f.bound, f.period) for f in got] == [
        ("贴息比例", 40.0, "pct", "le", None), ("贴息期限", 2.0, "year", "le", None),
        ("乡村工匠", 2000.0, "person", None, "2026"), ("农产品质量安全监管人员", 3.0, "person", None, "2026")]


def test_lists_distribute_values_indicators_and_periods() -> None:
    got = run("1—9月份，汽车制造业、电气机械和器材制造业增加值分别增长5.5%和9.1%。城镇和农村居民人均可支配收入分别增长4.5%和6.6%。"
              "一、二、三季度，服务业增加值分别增长5.0%、4.4%和4.7%。1—9月份，出口和进口均增长2.5%。", pub=date(2024, 10, 20)).figures
    nine = "2024-01/2024-09"
    assert [(f.indicator_text, f.value, f.period) for f in got] == [
        ("汽车制造业增加值", 5.5, nine), ("电气机械和器材制造业增加值", 9.1, nine),
        ("城镇居民人均可支配收入", 4.5, nine), ("农村居民人均可支配收入", 6.6, nine),
        ("服务业增加值", 5.0, "2024-Q1"), ("服务业增加值", 4.4, "2024-Q2"), ("服务业增加值", 4.7, "2024-Q3"),
        ("出口", 2.5, nine), ("进口", 2.5, nine)]


# -- 3. speakers (tests/test_extract_people_measures.py has the rest) ---------------------------

def test_every_official_of_a_multi_speaker_conference_is_found() -> None:
    r = run("国家发展改革委副主任刘苏社、财政部副部长王东伟、中国人民银行副行长宣昌能出席发布会。",
            "刘苏社说，今年以来固定资产投资稳步增长。", "王东伟表示，将加快专项债券发行使用。")
    assert [(s.name, s.agency) for s in r.speakers] == [
        ("刘苏社", "国家发展改革委"), ("王东伟", "财政部"), ("宣昌能", "中国人民银行")]
    assert [(m.agency, m.heading) for m in r.measures] == [("财政部", "加快专项债券发行使用")]


def test_an_official_announcing_today_at_a_conference() -> None:
    r = run("本报北京1月10日讯　记者张明报道：国家统计局局长王平今天在新闻发布会上宣布，去年国内生产总值比上年增长6.1%。",
            pub=date(2000, 1, 11))
    assert [(s.name, s.agency, s.titles) for s in r.speakers] == [("王平", "国家统计局", ["局长"])]
    assert [(f.indicator_text, f.agency, f.period) for f in r.figures] == [("国内生产总值", "国家统计局", "1999")]


def test_officials_introduced_with_an_assistant_s_title_or_before_an_interview() -> None:
    r = run("发布会上，水利部部长助理陈刚在回答记者提问时表示，将加快推进重大水利工程建设。",
            "农业农村部副部长孙明接受本报记者采访时表示，将加快建设高标准农田。")
    assert [(s.name, s.agency, s.titles) for s in r.speakers] == [
        ("陈刚", "水利部", ["部长助理"]), ("孙明", "农业农村部", ["副部长"])]
    assert [(m.agency, m.heading) for m in r.measures] == [
        ("水利部", "加快推进重大水利工程建设"), ("农业农村部", "加快建设高标准农田")]


def test_officials_of_provincial_governments_and_commissions() -> None:
    r = run("江苏省人民政府副秘书长王海介绍，将加快建设现代化产业体系。", "天津市经济和信息化委员会主任李明说，全市工业增加值增长4.2%。")
    assert [(s.name, s.agency, s.titles) for s in r.speakers] == [
        ("王海", "江苏省人民政府", ["副秘书长"]), ("李明", "天津市经济和信息化委员会", ["主任"])]
    assert [(m.agency, m.heading) for m in r.measures] == [("江苏省人民政府", "加快建设现代化产业体系")]


def test_a_transcript_roster_with_spaces_before_names_and_its_turns() -> None:
    r = run("发布人：海关总署副署长 王平；海关总署统计分析司司长 李强",
            "王平：前三季度，我国货物贸易进出口总值32.3万亿元，同比增长5.3%。", "记者：请问下一步有何考虑？",
            "李强：下一步，要持续优化口岸营商环境。", pub=date(2024, 10, 15))
    assert [(s.name, s.agency) for s in r.speakers] == [("王平", "海关总署"), ("李强", "海关总署")]
    assert [(m.agency, m.speaker, m.heading) for m in r.measures] == [("海关总署", "李强", "持续优化口岸营商环境")]
    assert {f.speaker for f in r.figures} == {"王平"}


def test_a_name_referred_to_with_its_title_after_it() -> None:
    r = run("国家统计局局长王平介绍，上半年经济运行平稳。", "商务部副部长李强介绍，消费持续恢复。", "王平局长表示，下一步将加强统计监测。",
            pub=date(2024, 7, 16))
    assert [(m.agency, m.speaker, m.heading) for m in r.measures] == [("国家统计局", "王平", "加强统计监测")]


def test_a_roster_of_one_agency_and_the_event_it_opens() -> None:
    r = run("国务院新闻办公室15日举行新闻发布会，商务部新闻发言人、对外贸易司司长李兴乾，外资司司长宗长青介绍有关情况。",
            "宗长青表示，下一步将进一步扩大鼓励外商投资产业目录。", pub=date(2021, 12, 16))
    assert [(s.name, s.agency, s.titles) for s in r.speakers] == [
        ("李兴乾", "商务部", ["新闻发言人", "对外贸易司司长"]), ("宗长青", "商务部", ["外资司司长"])]
    assert (r.event.organizer, r.event.date) == ("国务院新闻办公室", "2021-12-15")
    assert [(m.agency, m.speaker) for m in r.measures] == [("商务部", "宗长青")]


def test_an_agency_pledging_in_its_own_name_and_an_unnamed_official() -> None:
    r = run("记者从交通运输部获悉，前三季度，全国完成交通固定资产投资2.8万亿元。",
            "交通运输部将加快推进综合立体交通网建设，着力提升物流效率。",
            "“港口生产保持增长。”交通运输部新闻发言人李华说，下一步，交通运输部将推动降低物流成本。",
            "据国家统计局有关负责人介绍，前三季度，全国规模以上工业增加值同比增长6.2%。", pub=date(2025, 10, 28))
    assert [(m.agency, m.speaker, m.heading) for m in r.measures] == [
        ("交通运输部", None, "加快推进综合立体交通网建设"), ("交通运输部", "李华", "推动降低物流成本")]
    assert [(f.agency, f.speaker) for f in r.figures] == [("交通运输部", None), ("国家统计局", None)]


# -- 4. measures are pledges ----------------------------------------------------------------------

def test_an_agency_speaking_in_its_own_name_pledges_and_owns_its_figures() -> None:
    r = run("央行表示，10月末广义货币余额同比增长7.5%，下一步将保持流动性合理充裕。")
    assert [(m.agency, m.heading) for m in r.measures] == [("中国人民银行", "保持流动性合理充裕")]
    assert [(f.indicator_text, f.agency) for f in r.figures] == [("广义货币余额", "中国人民银行")]


def test_news_of_a_policy_document_pledges_for_its_issuer() -> None:
    r = run("《意见》明确，要扩大社区养老服务，加强老年用品研发。", title="国务院办公厅印发《关于发展社区养老服务的意见》",
            pub=date(2024, 1, 16))
    assert [(m.agency, m.heading) for m in r.measures] == [("国务院办公厅", "扩大社区养老服务")]


def test_descriptions_of_the_economy_are_not_measures() -> None:
    r = run("商务部副部长李林表示，消费市场保持稳定，服务消费持续向好，市场供应充足。")
    assert r.measures == []


def test_pledges_with_their_agency() -> None:
    r = run("工业和信息化部副部长辛国斌介绍，下一步，将着力推动大规模设备更新，加快培育新兴产业。",
            "会议确定，加大对民营企业的金融支持，完善中小企业融资担保体系，推动出台一批稳就业举措。",
            title="国务院常务会议部署稳增长措施")
    got = [(m.agency, m.heading) for m in r.measures]
    assert ("工业和信息化部", "着力推动大规模设备更新") in got
    assert {h for a, h in got if a == "国务院"} == {"加大对民营企业的金融支持", "完善中小企业融资担保体系", "推动出台一批稳就业举措"}


def test_enumerated_pledges_one_to_five() -> None:
    r = run("自然资源部副部长王广华介绍，今年将重点抓好五方面工作：一是加强耕地保护，二是优化用地审批，"
            "三是推进不动产登记，四是加快地质调查，五是强化执法监督。")
    g = r.groups[0]
    assert (g.agency, g.declared_count, g.found) == ("自然资源部", 5, 5)
    assert [m.heading for m in r.measures] == ["加强耕地保护", "优化用地审批", "推进不动产登记", "加快地质调查", "强化执法监督"]


def test_an_executive_meeting_report_pledges_for_the_state_council() -> None:
    r = run("国务院总理王强3月8日主持召开国务院常务会议，研究稳外贸措施。",
            "会议指出，1—2月货物贸易进出口同比增长5.5%。",
            "会议确定，延续实施外贸企业出口信用保险支持政策，对小微企业的保费给予50%补贴，"
            "按上年度实际缴纳保费的30%返还中小企业。"
            "会议要求，各地区要抓好政策落实。", pub=date(2024, 3, 9), title="王强主持召开国务院常务会议")
    assert [(s.name, s.agency, s.titles) for s in r.speakers] == [("王强", "国务院", ["总理"])]
    assert {m.agency for m in r.measures} == {"国务院"}
    assert [m.heading for m in r.measures] == ["延续实施外贸企业出口信用保险支持政策", "对小微企业的保费给予50%补贴",
                                               "按上年度实际缴纳保费的30%返还中小企业", "各地区要抓好政策落实"]
    periods = {f.value: f.period for f in r.figures}
    assert periods[5.5] == "2024-01/2024-02" and periods[30.0] is None  # a rule's rate: no period of the passage


def test_a_meeting_s_list_of_actions_after_semicolons_is_a_list_of_measures() -> None:
    r = run("国务院总理王强5月6日主持召开国务院常务会议，研究稳外贸措施。",
            "会议强调，要加大出口信用保险支持力度；优化出口退税流程，将退税办理时间压缩至3个工作日以内；"
            "支持有条件的地方建设一批海外仓。", pub=date(2024, 5, 7), title="王强主持召开国务院常务会议")
    assert [(m.agency, m.heading) for m in r.measures] == [
        ("国务院", "加大出口信用保险支持力度"), ("国务院", "优化出口退税流程"), ("国务院", "支持有条件的地方建设一批海外仓")]
    assert [(f.indicator_text, f.value, f.unit, f.bound) for f in r.figures] == [("退税办理时间", 3.0, "workday", "le")]


def test_a_paragraph_that_pledges_itself_is_no_framing_of_the_enumeration_after_it() -> None:
    r = run("我代表国务院向大会作政府工作报告。",
            "今年国内生产总值计划增长百分之九。要切实加强农业，增加对农业的投入；要加快交通、通信和能源建设。",
            "第一，积极推进国有企业改革。第二，加快发展第三产业。", title="政府工作报告", pub=date(1995, 3, 5))
    assert [m.heading for m in r.measures] == ["切实加强农业", "加快交通、通信和能源建设", "积极推进国有企业改革", "加快发展第三产业"]
    assert [(f.indicator_text, f.category, f.period) for f in r.figures] == [("国内生产总值", "target_growth", "1995")]


def test_a_meeting_s_decided_items_are_measures_and_rules_whatever_their_verbs() -> None:
    r = run("国务院总理王强3月8日主持召开国务院常务会议，部署支持小微企业融资。",
            "会议确定：一是增加普惠贷款额度800亿元，下调普惠再贷款利率0.25个百分点。"
            "二是将单户授信500万元及以下的小微企业贷款纳入合格担保品范围。"
            "三是从今年7月1日起，将小微企业融资担保费率降至1%以下。", pub=date(2024, 3, 9), title="王强主持召开国务院常务会议")
    assert [m.heading for m in r.measures] == [
        "增加普惠贷款额度800亿元", "将单户授信500万元及以下的小微企业贷款纳入合格担保品范围",
        "从今年7月1日起，将小微企业融资担保费率降至1%以下"]
    assert [(f.indicator_text, f.value, f.bound, f.direction, f.period) for f in r.figures][1:] == [
        ("普惠再贷款利率", 0.25, None, "down", None), ("单户授信", 500.0, "le", None, None), ("小微企业融资担保费率", 1.0, "le", None, None)]


def test_inline_first_to_third_items_are_measures() -> None:
    r = run("海关总署副署长张军表示，下一步将做好三方面工作：第一，优化口岸营商环境；第二，提升通关便利化水平；"
            "第三，加强进出口商品质量安全监管。", pub=date(2022, 1, 15))
    assert (r.groups[0].declared_count, r.groups[0].found) == (3, 3)
    assert [(m.agency, m.heading) for m in r.measures] == [
        ("海关总署", "优化口岸营商环境"), ("海关总署", "提升通关便利化水平"), ("海关总署", "加强进出口商品质量安全监管")]


def test_ordinal_words_enumerate_a_declared_group_inline() -> None:
    r = run("水利部副部长王勇介绍，下一步将从三个方面发力：首先，加快完善防洪工程体系；其次，着力提升水资源调配能力；最后，持续复苏河湖生态环境。")
    assert [(m.agency, m.heading) for m in r.measures] == [
        ("水利部", "加快完善防洪工程体系"), ("水利部", "着力提升水资源调配能力"), ("水利部", "持续复苏河湖生态环境")]
    assert [(g.declared_count, g.found) for g in r.groups] == [(3, 3)]


def test_first_to_third_paragraphs_are_a_group_of_measures() -> None:
    r = run("国家市场监管总局副局长柳军表示，主要从三个方面推进工作：",
            "第一，加强食品安全抽检，扩大抽检覆盖面。", "第二，完善产品质量追溯体系。", "第三，严厉打击侵权假冒行为。")
    assert [m.heading for m in r.measures] == ["加强食品安全抽检，扩大抽检覆盖面", "完善产品质量追溯体系", "严厉打击侵权假冒行为"]
    assert r.groups[0].declared_count == 3


# -- 5. Chinese-numeral prose of the 1990s ------------------------------------------------------

def test_last_year_in_a_january_article_and_stocks_at_year_end() -> None:
    got = facts("去年，全国社会商品零售总额一万零八百亿元，比上年增长百分之十点二。",
                "年末城乡居民储蓄存款余额达到二万一千五百亿元。", pub=date(1996, 1, 8), title="一九九五年经济综述")
    assert got[("全国社会商品零售总额", 1.08e12)].period == "1995"
    assert got[("城乡居民储蓄存款余额", 2.15e12)].period == "@1995-12-31"


def test_tenths_and_shares_named_by_their_ratio() -> None:
    got = run("全国超三成的乡镇实现了集中供水。新能源汽车销量占比接近五成，外贸进出口总值首次突破40万亿元。",
              pub=date(2025, 11, 20)).figures
    assert [(f.indicator_text, f.value_base, f.unit, f.bound, f.approx) for f in got] == [
        ("集中供水", 30.0, "pct", "ge", None), ("新能源汽车销量占比", 50.0, "pct", None, True),
        ("外贸进出口总值", 4e13, "CNY", "ge", None)]


def test_a_rate_unchanged_an_approximate_share_and_more_or_less_than_a_year_ago() -> None:
    got = run("9月份，全国城镇调查失业率为5.1%，与上月持平。", "油菜籽产量约占全国的五分之一。",
              "9月份，新增人民币贷款1.6万亿元，同比少增2300亿元。", pub=date(2024, 10, 15)).figures
    assert [(f.indicator_text, f.value, f.unit, f.basis, f.direction) for f in got] == [
        ("城镇调查失业率", 5.1, "pct", None, None), ("城镇调查失业率", 0.0, "pp", "mom", "flat"),
        ("油菜籽产量占全国", 20.0, "pct", None, None),
        ("人民币贷款", 1.6, "CNY", None, None), ("人民币贷款", 2300.0, "CNY", "yoy", "down")]


def test_a_net_addition_is_a_change_of_the_stock_before() -> None:
    got = run("截至9月末，全国累计建成充电桩1200万个，比上年末净增340万个。", pub=date(2025, 10, 20)).figures
    assert [(f.indicator_text, f.value, f.basis, f.direction, f.period) for f in got] == [
        ("充电桩", 1200.0, None, None, "@2025-09-30"), ("充电桩", 340.0, "vs_period", "up", "@2025-09-30")]


def test_units_of_transport_and_finance() -> None:
    got = run("前三季度，全国港口完成集装箱吞吐量2.5亿标箱，铁路货物周转量2.7万亿吨公里，旅客周转量1.2万亿人公里，发放创业担保贷款90万笔。",
              pub=date(2025, 10, 20)).figures
    assert [(f.indicator_text, f.value_base, f.unit) for f in got] == [
        ("集装箱吞吐量", 2.5e8, "teu"), ("铁路货物周转量", 2.7e12, "ton_km"), ("旅客周转量", 1.2e12, "person_km"),
        ("创业担保贷款", 9e5, "count")]
    got = run("全国能源消费总量59.6亿吨标准煤。", pub=date(2025, 2, 28)).figures
    assert [(f.indicator_text, f.value_base, f.unit) for f in got] == [("能源消费总量", 5.96e9, "tce")]


def test_bounds_approximations_and_fractions() -> None:
    got = facts("全年新增就业七百万人以上，乡镇企业产值近二万亿元，有二十几个省区市的财政收入超过百亿元，"
                "约三分之一的国有企业扭亏为盈。", pub=date(1996, 1, 8))
    assert got[("新增就业", 7e6)].bound == "ge"
    assert got[("乡镇企业产值", 2e12)].approx is True
    assert got[("省区市", 20)].approx is True
    share = got[("国有企业扭亏为盈", 100 / 3)]
    assert (share.category, share.unit, share.value_text, share.approx) == ("share", "pct", "三分之一", True)


def test_a_year_before_a_place_word_and_newly_approved_counts() -> None:
    got = run("1996年全国新批外商投资项目24556个，合同外资金额732亿美元。", "上半年，全国新设企业1.2万户。", pub=date(1997, 1, 20)).figures
    assert [(f.indicator_text, f.period) for f in got] == [
        ("外商投资项目", "1996"), ("合同外资金额", "1996"), ("企业", "1996-H1")]


def test_more_than_a_multiple_a_share_already_reached_and_a_span_of_months() -> None:
    got = run("城乡居民储蓄存款增加了一倍多，乡镇企业产值已占农村社会总产值的三分之一以上，工期延长了5个多月。",
              pub=date(1991, 3, 25), title="政府工作报告").figures
    assert [(f.indicator_text, f.value, f.unit, f.approx, f.bound) for f in got] == [
        ("城乡居民储蓄存款", 1.0, "times", True, None), ("乡镇企业产值占农村社会总产值", 100 / 3, "pct", None, "ge")]


def test_that_year_is_the_year_named_before_it() -> None:
    got = run("1996年，全国新建商品住房1.2亿平方米，当年竣工投资额达到800亿元。", pub=date(1997, 3, 5)).figures
    assert [(f.value, f.period) for f in got] == [(1.2, "1996"), (800.0, "1996")]


def test_a_rate_that_moves_from_one_level_to_another() -> None:
    got = run("城镇登记失业率由百分之四点一下降到百分之三点九，下降了零点二个百分点。", pub=date(1996, 3, 5), title="政府工作报告").figures
    assert [(f.indicator_text, f.value, f.unit, f.category) for f in got] == [
        ("城镇登记失业率", 4.1, "pct", "share"), ("城镇登记失业率", 3.9, "pct", "share"), ("城镇登记失业率", 0.2, "pp", "pp_change")]
    got = run("居民恩格尔系数从30.5%下降到29.9%。", pub=date(2025, 3, 5)).figures
    assert [(f.indicator_text, f.value) for f in got] == [("居民恩格尔系数", 30.5), ("居民恩格尔系数", 29.9)]


def test_a_1990s_conference_report_dated_by_its_dateline() -> None:
    r = run("本报北京1月9日讯 国务院新闻办公室今天举行新闻发布会，请国家经贸委副主任李明介绍去年工业生产情况。",
            "李明说，去年全国工业总产值比上年增长百分之十三，其中乡镇工业增长百分之二十以上。",
            "在回答记者提问时，他表示，今年将继续推进国有企业改革。",
            "外经贸部副部长王华在发布会上介绍，去年出口总额达到一千八百多亿美元。", pub=date(1998, 1, 10))
    assert (r.event.organizer, r.event.date) == ("国务院新闻办公室", "1998-01-09")
    assert [(s.name, s.agency) for s in r.speakers] == [("李明", "国家经贸委"), ("王华", "外经贸部")]
    assert [(m.agency, m.speaker, m.heading) for m in r.measures] == [("国家经贸委", "李明", "继续推进国有企业改革")]
    got = {(f.indicator_full, f.value): f for f in r.figures}
    village = got[("乡镇工业", 20.0)]
    assert (village.indicator_text, village.bound, village.period) == ("乡镇工业总产值", "ge", "1997")
    assert got[("出口总额", 1800.0)].approx and got[("出口总额", 1800.0)].speaker == "王华"

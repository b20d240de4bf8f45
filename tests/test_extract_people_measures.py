"""Speakers, measures and press events, on sentences written for the tests and on the seed."""

from __future__ import annotations

import json
from datetime import date

from transforms.extract import extract
from transforms.plaintext import parse_text
from transforms.records import Document, Paragraph


def run(*paragraphs: str, pub: date = date(2024, 3, 27)):
    doc = Document(url="t", source="text", publisher="", title="测试", pub_date=pub,
                   paragraphs=[Paragraph(p, "body") for p in paragraphs])
    return extract(doc)


def test_speaker_with_agency_titles_and_name() -> None:
    r = run("“今年1—2月工业增加值同比增长7.0%。”工业和信息化部新闻发言人、总工程师赵志国介绍，发展势头良好。")
    (s,) = r.speakers
    assert (s.agency, s.titles, s.name, s.verb) == ("工业和信息化部", ["新闻发言人", "总工程师"], "赵志国", "介绍")
    assert r.figures[0].agency == "工业和信息化部" and r.figures[0].speaker == "赵志国"


def test_short_agency_forms_and_provinces() -> None:
    r = run("国家发展改革委副主任李春临表示，将加快项目建设。", "河南省委常委、常务副省长孙守刚介绍，全省经济稳中向好。")
    assert [(s.agency, s.name) for s in r.speakers] == [("国家发展改革委", "李春临"), ("河南省", "孙守刚")]
    assert r.speakers[1].titles == ["省委常委", "常务副省长"]


def test_press_conference_roster() -> None:
    r = run("发布人：国家统计局新闻发言人、国民经济综合统计司司长付凌晖；商务部副部长盛秋平")
    assert [(s.agency, s.name) for s in r.speakers] == [("国家统计局", "付凌晖"), ("商务部", "盛秋平")]


def test_figures_follow_the_speaker_of_their_paragraph() -> None:
    r = run("商务部副部长郭婷婷表示，消费市场稳步增长。", "前两个月社会消费品零售总额同比增长5.5%。",
            "海关总署副署长王令浚介绍，前两个月进出口总值6.61万亿元。")
    assert [(f.value, f.agency) for f in r.figures] == [(5.5, "商务部"), (6.61, "海关总署")]


def test_event_of_a_press_conference() -> None:
    r = run("3月26日，国务院新闻办举行新闻发布会，介绍近期生产、消费、进出口有关数据及政策情况。")
    e = r.event
    assert (e.type, e.organizer, e.date, e.topic) == ("新闻发布会", "国务院新闻办", "2024-03-26", "近期生产、消费、进出口有关数据及政策情况")


def test_measure_group_with_declared_count_headings_and_sub_items() -> None:
    r = run(
        "工业和信息化部新闻发言人赵志国介绍，下一步，工业和信息化部主要从3个方面努力：",
        "加快构建现代化产业体系。首先是改造升级传统产业。第二是巩固提升优势产业。第三是培育壮大新兴产业。",
        "着力提升产业科技创新能力。加快推动人工智能赋能制造业发展。",
        "推进信息化和工业化深度融合。持续推进制造业数字化转型。",
    )
    (g,) = r.groups
    assert (g.agency, g.declared_count, g.found, g.count_mismatch) == ("工业和信息化部", 3, 3, False)
    assert [m.heading for m in r.measures] == ["加快构建现代化产业体系", "着力提升产业科技创新能力", "推进信息化和工业化深度融合"]
    assert r.measures[0].sub_items == ["改造升级传统产业", "巩固提升优势产业", "培育壮大新兴产业"]


def test_a_count_mismatch_is_flagged() -> None:
    r = run("商务部副部长郭婷婷表示，今年将抓好4个方面的工作。", "办好消费促进年系列活动。各地开展了活动。",
            "推动消费品以旧换新。正在研究细化举措。", "培育壮大新型消费。新型消费蓬勃发展。")
    (g,) = r.groups
    assert (g.declared_count, g.found, g.count_mismatch) == (4, 3, True)
    assert g.to_record()["count_mismatch"] is True


def test_keyword_lead_ins() -> None:
    r = run("海关总署副署长王令浚介绍，将通过“一增一降、一优一强”的政策“组合拳”服务外贸。",
            "增便利，提升贸易便利化水平。大力推进智慧海关建设。降成本，助力企业减负降费。持续规范收费。优服务，优化口岸营商环境。适时出台政策。强创新，培育外贸新动能。支持新业态。")
    assert [(m.keyword, m.heading, m.agency) for m in r.measures] == [
        ("增便利", "提升贸易便利化水平", "海关总署"), ("降成本", "助力企业减负降费", "海关总署"),
        ("优服务", "优化口岸营商环境", "海关总署"), ("强创新", "培育外贸新动能", "海关总署")]


def test_enumerations_with_yi_shi() -> None:
    from transforms.extract.measures import sub_items
    assert sub_items("一是扩大有效投资；二是提振消费；三是稳定外贸。") == ["扩大有效投资", "提振消费", "稳定外贸"]


def test_seed_trap_list_is_never_emitted(shared) -> None:
    text = (shared / "seeds/rmrb_20240327_p03_seed.txt").read_text()
    result = extract(parse_text(text))
    gold = [json.loads(line) for line in (shared / "gold/rmrb_20240327_p03_seed.gold.jsonl").read_text().splitlines()]
    traps = next(r for r in gold if r["type"] == "non_figures")["items"]
    figures = [f for f in result.figures if f.primary]
    assert sorted(f.value_base for f in figures) == [5.5, 7.5, 45, 178]
    for f in figures:
        for trap in traps:
            assert f.evidence.find(trap["text"]) == -1 or f.value_text not in trap["text"], (f.value_text, trap["text"])


def test_policy_document_numbered_items_grouped_by_section() -> None:
    doc = Document(url="t", source="govcn", publisher="中国政府网", title="国务院办公厅关于加强某项工作的意见", pub_date=date(2026, 9, 17),
                   paragraphs=[Paragraph(t, "subheading" if len(t) < 16 else "body") for t in (
                       "一、总体要求", "坚持以人民为中心，统筹发展和安全。",
                       "二、加强生产环节监管", "（一）严格准入许可审批。各地区要严控企业数量。", "（二）强化原料管控。严禁跨省运输。",
                       "三、加强储存环节监管", "（三）严格危险物品储存管理。严禁超量储存。",
                       "四、组织实施", "各地区要加强组织领导，抓好贯彻落实。")])
    r = extract(doc)
    assert [(m.group, m.heading, m.heading_form) for m in r.measures] == [
        ("G1", "严格准入许可审批", "numbered_item_lead"), ("G1", "强化原料管控", "numbered_item_lead"),
        ("G2", "严格危险物品储存管理", "numbered_item_lead"), ("G3", "组织实施", "section_heading")]
    assert {m.agency for m in r.measures} == {"国务院办公厅"}
    assert [g.framing for g in r.groups] == ["加强生产环节监管", "加强储存环节监管", "组织实施"]


def test_inline_enumeration_is_a_group_of_measures() -> None:
    r = run("河南省委副书记、省长王凯说，河南系统谋划推进创新体系建设。",
            "一是构建“三足鼎立”的创新平台，建成一批实验室。二是培育活力迸发的创新主体，引导企业加大投入。三是营造“近悦远来”的人才环境。")
    assert [m.heading for m in r.measures] == ["构建“三足鼎立”的创新平台", "培育活力迸发的创新主体", "营造“近悦远来”的人才环境"]
    assert {m.agency for m in r.measures} == {"河南省"}


def test_pledged_clauses_of_a_report_with_its_issuer() -> None:
    doc = Document(url="t", source="text", publisher="", title="各位代表：", pub_date=date(1995, 3, 5), paragraphs=[
        Paragraph("现在，我代表国务院向大会作政府工作报告，请予审议。", "body"),
        Paragraph("在今年的政府工作中，要坚持党的基本路线，进一步处理好改革、发展、稳定的关系，坚决抑制通货膨胀，切实加强农业。", "body")])
    r = extract(doc)
    assert [(m.heading, m.agency, m.heading_form) for m in r.measures] == [
        ("进一步处理好改革、发展、稳定的关系", "国务院", "clause"), ("坚决抑制通货膨胀", "国务院", "clause"), ("切实加强农业", "国务院", "clause")]


def test_a_framing_sentence_is_not_itself_a_measure() -> None:
    r = run("商务部副部长郭婷婷表示，今年，商务部将继续抓好4个方面的工作来推动消费稳定增长。",
            "办好消费促进年系列活动。各地开展了活动。", "推动消费品以旧换新。正在研究细化举措。")
    assert [m.heading for m in r.measures] == ["办好消费促进年系列活动", "推动消费品以旧换新"]


# -- speakers anywhere (issue 16, class 3); every sentence written for the test -------------------

def test_an_official_introduced_inside_a_clause_and_referred_to_by_name_later() -> None:
    r = run("在国家统计局城市司首席统计师周立新看来，居民消费价格总体平稳。",
            "周立新分析，食品价格季节性回落，10月份居民消费价格同比上涨0.4%。")
    assert [(s.name, s.agency, s.titles) for s in r.speakers] == [("周立新", "国家统计局", ["城市司首席统计师"])]
    assert [(f.value_base, f.speaker, f.agency) for f in r.figures] == [(0.4, "周立新", "国家统计局")]


def test_a_name_used_before_the_official_is_introduced_resolves() -> None:
    r = run("韩文秀说，今年以来人民币贷款增加13.2万亿元。", "央行金融市场司司长韩文秀表示，将保持流动性合理充裕。")
    assert [(s.name, s.agency, s.agency_as_written) for s in r.speakers] == [("韩文秀", "中国人民银行", "央行")]
    assert [(f.value_base, f.speaker, f.agency) for f in r.figures] == [(1.32e13, "韩文秀", "中国人民银行")]


def test_several_titles_a_byline_and_a_meeting_report() -> None:
    r = run("国务院总理吴建平", "国务院副总理孙立华在会上强调，要扎实做好春耕备耕工作。",
            "工信部党组成员、副部长齐向东，中国宏观经济研究院综合形势室主任林远出席会议。")
    assert [(s.name, s.agency) for s in r.speakers] == [
        ("吴建平", "国务院"), ("孙立华", "国务院"), ("齐向东", "工业和信息化部"), ("林远", "中国宏观经济研究院")]
    assert r.speakers[2].titles == ["党组成员", "副部长"]


def test_people_of_companies_and_banks_are_not_officials() -> None:
    r = run("某商业银行首席经济学家王青表示，物价将温和回升。", "光明证券研究员李明说，市场预期稳定。")
    assert r.speakers == []

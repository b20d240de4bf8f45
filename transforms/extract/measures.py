"""Policy measures an agency pledges: a framing ('主要从3个方面努力'), then paragraph-leading
headings or keyword lead-ins ('增便利，提升贸易便利化水平。'), each with its enumerated sub-items
(首先是/第二是, 一是/二是). The number found is checked against the declared count."""

from __future__ import annotations

import re
from dataclasses import dataclass

from transforms.extract import lexicon as L
from transforms.extract.numerals import to_number
from transforms.extract.records import Measure, MeasureGroup
from transforms.extract.speakers import VERB

DECLARED = re.compile(r"(?P<n>\d+|[一二三四五六七八九十两]+)\s*(?:个|大)?\s*方面")
#: A value with a unit: a sentence holding one reads as a report, not a heading.
FIGURE_LIKE = re.compile(r"\d+(?:\.\d+)?\s*(?:%|％|个百分点|亿|万|家|个|项)")
SUB_ITEM = re.compile(r"(首先是|其次是|第[一二三四五六七八九十]是|[一二三四五六七八九十]是|第[一二三四五六七八九十][，,、]|同时[，,])")
KEYWORD_START = re.compile(r"(?P<kw>[\u4e00-\u9fff]{2,4})[，,](?P<heading>[^，,。；;“”]{4,24})。$")
HEADING_MAX = 30
#: A paragraph's short first sentence, and more after it.
HEAD_SENTENCE = re.compile(r"([^。！？!?]{4,%d})。(.+)" % HEADING_MAX)
#: Policy documents: "二、加强生产环节安全监管" sections and "（一）严格…审批。" numbered items.
SECTION = re.compile(r"^([一二三四五六七八九十]{1,3})、\s*([^。；;，,]{2,30})$")
NUMBERED = re.compile(r"^[（(]([一二三四五六七八九十]{1,4})[）)]\s*([^。；;！？]{2,40}?)[。；;]")
#: Sections that state aims and principles rather than pledge measures.
STATEMENT_SECTIONS = re.compile(r"总体要求|指导思想|基本原则|主要目标|工作目标|总体目标|重要意义")
PLEDGE_CLAUSE = re.compile(r"^(?:" + "|".join(sorted(L.PLEDGE_ADVERBS, key=len, reverse=True)) + r")[^，,；;。]{2,24}$")
INLINE_ENUM = re.compile(r"(?:^|[。；;]\s*)([一二三四五六七八九十])是([^，,。；;]{3,30})")
CLAUSE_MARK = re.compile(r"[，,：:]")
ITEM_END = re.compile(r"[。；;]")
#: 将/要 opening a pledge (not 要求).
WILL = re.compile(r"(?:将|要)(?!求)")
CLAUSE_END = re.compile(r"[，,；;。]")
SENTENCE = re.compile(r"[^。！？]+[。！？]?")


@dataclass
class Para:
    index: int
    text: str
    kind: str
    agency: str | None
    speaker: str | None


def heading_of(text: str) -> str | None:
    """The paragraph's leading measure heading: a short first sentence that states an action.

    >>> heading_of("着力提升产业科技创新能力。加快推动以大模型为代表的人工智能赋能制造业发展。")
    '着力提升产业科技创新能力'
    >>> heading_of("郭婷婷表示,展望全年,随着各项扩内需政策措施落实落地。") is None
    True
    """
    m = HEAD_SENTENCE.match(text) if "。" in text[4:HEADING_MAX + 1] else None  # its 。 stands within the first 31
    if not m:
        return None
    head = m.group(1)
    if CLAUSE_MARK.search(head) or head.startswith(("“", "\"")) or FIGURE_LIKE.search(head) or VERB.search(head) or head.startswith(("当前", "目前", "近日", "今年", "同时")):
        return None
    return head


def keyword_measures(text: str) -> tuple[tuple[str, str], ...]:
    """(keyword, heading) lead-ins of a paragraph, when it has at least two.

    >>> keyword_measures("增便利,提升贸易便利化水平。大力推进通关。降成本,助力企业减负降费。充分释放红利。")
    (('增便利', '提升贸易便利化水平'), ('降成本', '助力企业减负降费'))
    """
    found = tuple((m.group("kw"), m.group("heading")) for part in text.split("。")  # 4 + 1 + 24 at most, the comma 3rd to 5th
                  if len(part) <= 29 and ("，" in part[2:5] or "," in part[2:5]) and (m := KEYWORD_START.match(part + "。")) is not None)
    return found if len(found) >= 2 else ()


def sub_items(text: str) -> list[str]:
    parts = SUB_ITEM.split(text)
    items = []
    for i in range(1, len(parts) - 1, 2):
        item = ITEM_END.split(parts[i + 1], maxsplit=1)[0].strip("，, ")
        if item:
            items.append(item)
    return items


def policy_measures(paras: list[Para], agency: str | None) -> tuple[list[MeasureGroup], list[Measure]]:
    """Measures of a policy document: each numbered item's lead sentence, grouped by section; a
    section without numbered items (组织实施) is one measure, unless it states aims (总体要求)."""
    groups: list[MeasureGroup] = []
    measures: list[Measure] = []
    section: tuple[Para, str] | None = None
    section_items = 0

    def close_section() -> None:
        if section and not section_items and not STATEMENT_SECTIONS.search(section[1]):
            g = MeasureGroup(f"G{len(groups) + 1}", agency, None, section[1], None, 1)
            groups.append(g)
            measures.append(Measure(section[1], g.group_id, agency, None, "section_heading", section[0].index))

    for p in paras:
        sm = SECTION.match(p.text)
        if sm:
            close_section()
            section, section_items = (p, sm.group(2)), 0
            continue
        nm = NUMBERED.match(p.text)
        if nm:
            if not groups or section_items == 0:
                framing = section[1] if section else p.text[:60]
                groups.append(MeasureGroup(f"G{len(groups) + 1}", agency, None, framing, None))
            g = groups[-1]
            measures.append(Measure(nm.group(2), g.group_id, agency, None, "numbered_item_lead", p.index,
                                    sub_items=[x for x in ITEM_END.split(p.text[nm.end():]) if x.strip()][:12]))
            g.found += 1
            section_items += 1
    close_section()
    return groups, measures


def pledge_clauses(sentence: str) -> list[str]:
    """Actions pledged in a 将/要 sentence, each a clause opened by an action adverb.

    >>> pledge_clauses("河南将一以贯之贯彻落实重要指示，着力培育新动能塑造新优势，奋力谱写新篇章。")
    ['着力培育新动能塑造新优势']
    >>> pledge_clauses("改革取得预期效果，持续增强。")
    []
    """
    m = WILL.search(sentence)
    if not m:
        return []
    parts = CLAUSE_END.split(sentence[m.end():])
    clauses = [c.strip() for c in parts]
    first = parts[0]
    out = [c for c in clauses[1:] if PLEDGE_CLAUSE.match(c)]
    if PLEDGE_CLAUSE.match(first.strip()):
        out.insert(0, first.strip())
    return out


def find_measures(paras: list[Para], agency: str | None = None) -> tuple[list[MeasureGroup], list[Measure]]:
    """Measure groups and measures of a document; `agency` is the issuer, for paragraphs no
    official speaks in."""
    if sum(1 for p in paras if p.text[:1] in "（(" and NUMBERED.match(p.text)) >= 2:
        return policy_measures(paras, agency)
    groups: list[MeasureGroup] = []
    measures: list[Measure] = []
    heads = [heading_of(p.text) if p.kind == "body" else None for p in paras]
    keywords = [keyword_measures(p.text) if p.kind == "body" else () for p in paras]
    i = 0
    while i < len(paras):
        p = paras[i]
        kws = keywords[i]
        if kws:
            framing = paras[i - 1] if i > 0 else p
            g = _group(groups, framing, p)
            for kw, heading in kws:
                measures.append(Measure(heading, g.group_id, g.agency, g.speaker, "keyword_leadin", p.index, keyword=kw))
                g.found += 1
            i += 1
            continue
        j = i
        while j < len(paras) and heads[j]:
            j += 1
        run = range(i, j)
        before = paras[i - 1] if i > 0 else None
        declared = before is not None and "方面" in before.text and DECLARED.search(before.text) is not None
        if len(run) >= 2 or (run and declared):
            g = _group(groups, before or paras[i], paras[i])
            for k in run:
                measures.append(Measure(heads[k] or "", g.group_id, g.agency, g.speaker, "paragraph_initial_sentence",
                                        paras[k].index, sub_items=sub_items(paras[k].text)))
                g.found += 1
            i = j
            continue
        # an enumeration starts 一是…二是: without both, findall would find none that counts
        enum = INLINE_ENUM.findall(p.text) if p.kind == "body" and "一是" in p.text and "二是" in p.text else []
        if len(enum) >= 2 and [n for n, _ in enum][:2] == ["一", "二"]:
            framing = paras[i - 1] if i > 0 and not INLINE_ENUM.match(p.text) else p
            g = _group(groups, framing, p)
            for _, heading in enum:
                measures.append(Measure(heading.strip(), g.group_id, g.agency, g.speaker, "enumerated_clause", p.index))
                g.found += 1
        elif p.kind == "body" and (p.agency or agency) and ("将" in p.text or "要" in p.text) and not (
                i + 1 < len(paras) and paras[i + 1].kind == "body"
                and (heads[i + 1] or keywords[i + 1] or INLINE_ENUM.match(paras[i + 1].text))):  # it frames the next
            for sentence in SENTENCE.findall(p.text):
                if DECLARED.search(sentence):
                    continue  # "将抓好4个方面的工作": a framing, its measures follow
                clauses = pledge_clauses(sentence)
                if clauses:
                    g = MeasureGroup(f"G{len(groups) + 1}", p.agency or agency, p.speaker, sentence.strip()[:200], None)
                    groups.append(g)
                    for c in clauses:
                        measures.append(Measure(c, g.group_id, g.agency, g.speaker, "clause", p.index))
                        g.found += 1
        i += 1
    return groups, measures


def _group(groups: list[MeasureGroup], framing: Para, first: Para) -> MeasureGroup:
    m = DECLARED.search(framing.text)
    declared = int(to_number(m.group("n")) or 0) or None if m else None
    agency = framing.agency or first.agency
    g = MeasureGroup(f"G{len(groups) + 1}", agency, framing.speaker or first.speaker, framing.text[:200], declared)
    groups.append(g)
    return g

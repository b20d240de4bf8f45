"""Policy measures: what an agency pledges, plans, decides or requires, each with that agency.
Read from the structures texts state them in: a policy document's numbered items under its
sections, a report's numbered sections, paragraph-leading headings under a framing ('主要从3个方面
努力'), keyword lead-ins ('增便利，提升贸易便利化水平。'), enumerations (一是…二是…, 第一…第二…),
a decision's list (会议确定…, 基本方针…这就是：…) and 将/要/下一步 sentences. A measure is an
action: a clause that opens (after its adverbs and a prepositional phrase) with a pledge verb
(lexicon.PLEDGE_VERBS); descriptions of results ('市场供应充足', '产业结构持续优化'), adherence to
doctrine and numeric targets are not measures. The number found is checked against a declared count."""

from __future__ import annotations

import re
from dataclasses import dataclass

from transforms.extract import lexicon as L
from transforms.extract.clauses import clause_span, trie_arms
from transforms.extract.numerals import to_number
from transforms.extract.records import Measure, MeasureGroup
from transforms.extract.speakers import canonical_agency

_ALT = lambda words: "|".join(sorted(map(re.escape, words), key=len, reverse=True))  # noqa: E731

DECLARED = re.compile(r"(?P<n>\d+|[一二三四五六七八九十两]+)\s*(?:个|大|条|项|点)?\s*(?:" + _ALT(L.MEASURE_NOUNS) + ")")
#: A value with a unit: a sentence holding one reads as a report, not a heading.
FIGURE_LIKE = re.compile(r"\d+(?:\.\d+)?\s*(?:%|％|个百分点|亿|万|家|个|项)|百分之")
#: A figure a rule sets (给予50%补贴, 提高至60%, 不超过1%): a measure may state one; a result's figure (增长5%) it may not.
RULE_FIGURE = re.compile(r"(?:给予|按|的|提高至|提高到|降低至|降低到|降至|延长至|缩短至|不超过|不低于|不高于|最高|补贴|奖励)\s*\d")
SUB_ITEM = re.compile(r"(首先是|其次是|第[一二三四五六七八九十]是|[一二三四五六七八九十]是|第[一二三四五六七八九十][，,、]|同时[，,])")
KEYWORD_START = re.compile(r"(?P<kw>[\u4e00-\u9fff]{2,4})[，,](?P<heading>[^，,。；;“”]{4,24})。$")
HEADING_MAX = 30
#: A paragraph's short first sentence, and more after it.
HEAD_SENTENCE = re.compile(r"([^。！？!?]{4,%d})。(.+)" % HEADING_MAX)
#: Report and policy sections: "二、加强生产环节安全监管" and "（一）严格…审批。" numbered items.
SECTION = re.compile(r"^([一二三四五六七八九十]{1,3})、\s*([^。；;]{2,40}?)。?$")
NUMBERED = re.compile(r"^[（(]([一二三四五六七八九十]{1,4})[）)]\s*(.+)$")
#: Sections that state aims and principles rather than pledge measures.
STATEMENT_SECTIONS = re.compile(r"总体要求|指导思想|基本原则|主要目标|工作目标|总体目标|重要意义")
#: The markers of an enumeration: 一是, 第二是, 第三，, 首先, 其次.
ENUM = re.compile(r"(?:^|(?<=[。；;：:，,]))\s*(?P<mark>(?:第)?(?P<n>[一二三四五六七八九十])(?:是|[，,、])|首先[，,]?|其次[，,]?)")
INLINE_ENUM = re.compile(r"(?:^|[。；;，,：:]\s*)(?:第(?=[一二三四五六七八九十][，,、是])|(?=[一二三四五六七八九十]是))"
                         r"([一二三四五六七八九十])[，,、是]\s*([^，,。；;]{3,60})")
#: The same in ordinal words: 首先，…；其次，…；再次，…；最后，….
ORDINAL_ENUM = re.compile(r"(?:^|[。；;：:]\s*)(首先|其次|再次|然后|最后)[，,]\s*([^，,。；;]{3,30})")
CLAUSE_END = re.compile(r"[，,；;。]")
ITEM_END = re.compile(r"[。；;]")
SENTENCE = re.compile(r"[^。！？]+[。！？]?")
SEGMENT = re.compile(r"[^。！？；;]+[。！？；;]?")
NON_WORD = re.compile(r"[\W_]+")

# -- what a pledge looks like ---------------------------------------------------------------------

#: Adverbs and verbs as trie branches (one per first character): re tries a handful of first
#: characters at a position instead of two hundred words in turn.
_TRIE = lambda words: "(?:" + "|".join(trie_arms(list(words))) + ")"  # noqa: E731
_ADVERB = rf"{_TRIE(L.PLEDGE_ADVERBS)}(?:地)?"
#: A prepositional phrase an action may open with: 在…基础上, 为…, 以…为主, 从…中, 向….
_PP = (r"(?:在[^，,。；]{1,24}?(?:上|中|下|里|方面|前提下|过程中|同时)|以[^，,。；]{1,12}?为[^，,。；]{1,4}?(?:主|重点|核心|抓手|导向)?"
       r"|为[^，,。；]{2,16}?|通过[^，,。；]{2,16}?|围绕[^，,。；]{2,16}?|按照?[^，,。；]{2,16}?|从[^，,。；]{2,16}?(?:中|上|出发)"
       r"|对(?!外)[^，,。；]{2,16}?|向[^，,。；]{2,10}?|把[^，,。；]{2,16}?)")
#: What may open a clause before its action: a conjunction, an aspect (总量上), a marker (还要).
_LEAD = (rf"(?:(?:同时|并且|并|还|也|另外|此外|首先|其次|再次|最后|总之)[，,]?\s*)?(?:将|要|还将|还要|必须|需要|应当|应)?"
         rf"(?:[\u4e00-\u9fff]{{2}}上(?={_TRIE(L.PLEDGE_VERBS)}))?")
_VERB = _TRIE(L.PLEDGE_VERBS)
PLEDGE = re.compile(rf"^\s*{_LEAD}(?P<head>(?:{_ADVERB})*(?:{_PP})?(?:{_ADVERB})*{_VERB})")
_VERB_IN = re.compile(_VERB)
#: What an aspect lead (总量上…) may open with: any character (checked by PLEDGE only then).
_LEAD_FIRST = frozenset("同并还也另此首其再最总将要必需应")
#: A pledge with its subject before it (稳健的货币政策坚持以我为主): only right after a marker.
SUBJECT_PLEDGE = re.compile(rf"^\s*(?P<head>[^，,。；、“”]{{2,12}}?(?:{_ADVERB})*{_VERB})")
def _marker_pattern(markers: tuple[str, ...], not_markers: tuple[str, ...]) -> str:
    """The markers as one alternation, each guarded by look-arounds built from the words its
    characters also make (重要 guards 要 with (?<!重), 要求 with (?!求)): one literal-led scan.

    >>> re.findall(_marker_pattern(("要", "下一步"), ("重要", "要求")), "重要的是要求下一步要做")
    ['下一步', '要']
    """
    arms = []
    for w in sorted(markers, key=len, reverse=True):
        before: set[str] = set()
        after: set[str] = set()
        for word in not_markers:
            k = word.find(w)
            while k != -1:
                if k:
                    before.add(word[:k])
                if k + len(w) < len(word):
                    after.add(word[k + len(w):])
                k = word.find(w, k + 1)
        # the literal first (re scans for its first character), the guards behind it looking back
        guards = "".join(f"(?<!{re.escape(b + w)})" for b in sorted(before))
        arms.append(re.escape(w) + guards + "".join(f"(?!{re.escape(a)})" for a in sorted(after)))
    return "|".join(arms)


#: A pledge marker, not inside a word its characters also make.
_EITHER = re.compile(f"(?P<m>{_marker_pattern(L.PLEDGE_MARKERS, L.NOT_MARKERS)})")
DOCTRINE = re.compile(_ALT(L.DOCTRINE))
PP_ONLY = re.compile(rf"^\s*(?:{_ADVERB})*{_PP}\s*$")
#: What a done thing or a state holds: 推进了, 已经建立, 得到加强, 取得进展.
DESCRIBES = re.compile(r"了|已经|已|得到|取得|有所|(?<![一二三四五六七八九十])是(?!否)")


class _Markers:
    """The pledge markers of a text (将, 要, 下一步), less the words their characters also make."""

    @staticmethod
    def find(text: str) -> list[re.Match[str]]:
        return list(_EITHER.finditer(text))

    @staticmethod
    def search(text: str) -> re.Match[str] | None:
        return _EITHER.search(text)


MARKER = _Markers()


def pledge_head(clause: str, allow_subject: bool = False) -> str | None:
    """The measure a clause pledges, from its first adverb, prepositional phrase or action verb
    (after a conjunction or an aspect word), or None when it pledges nothing.

    >>> pledge_head("进一步为经济体制改革创造良好的经济环境"), pledge_head("总量上保持货币供应量基本匹配")
    ('进一步为经济体制改革创造良好的经济环境', '保持货币供应量基本匹配')
    >>> pledge_head("国民经济快速增长") is None, pledge_head("全面贯彻党的十四大精神") is None
    (True, True)
    >>> pledge_head("稳健的货币政策坚持以我为主", allow_subject=True)
    '稳健的货币政策坚持以我为主'
    """
    text = clause.strip(" ，,；;。：:")
    agent = AGENT.match(text) if text[:1] in _AGENT_FIRST else None
    if agent is not None:  # 各地区要抓好政策落实: the agent's own pledge, kept whole (the heading as written)
        rest = pledge_head(text[agent.end():])
        return text if rest is not None else None
    m = PLEDGE.match(text) if text[:1] in _ACTION_FIRST_CHARS or text[:1] in _LEAD_FIRST or text[2:3] == "上" else None
    if m is None and allow_subject:
        m = SUBJECT_PLEDGE.match(text)
        if m is not None and MARKER.search(m.group("head")):
            m = None
    if m is None:
        return None
    head = text[m.start("head"):]
    obj = text[m.end("head"):]
    opening = text[m.start("head"): m.end("head")]
    if opening.startswith("通过") and _VERB_IN.search(opening[2:-2]):
        return None  # 通过实施…工程: a means (its verb inside the phrase), no action of its own
    if len(obj) < 2 or obj.startswith(("的", "了", "着", "过")):  # an action has an object: 扩大开放, not 进一步扩大
        return None
    if obj.startswith("会") and opening.endswith(L.EVENT_VERBS):  # 在发布会上介绍: an occasion, no action
        return None
    if DOCTRINE.search(head) or (FIGURE_LIKE.search(head) and not RULE_FIGURE.search(head)) or DESCRIBES.search(head) or len(head) < 4:
        return None
    return head


def item_heading(text: str) -> str | None:
    """The heading of a numbered or enumerated item: its first sentence when short, else its first
    clause (with the next one when the first is only a prepositional phrase: 在…基础上，继续…).

    >>> item_heading("加大稳岗支持力度。对不裁员的企业，可返还失业保险费。"), item_heading("在发展生产的基础上，继续改善城乡人民生活。")
    ('加大稳岗支持力度', '在发展生产的基础上，继续改善城乡人民生活')
    """
    first = ITEM_END.split(text, maxsplit=1)[0].strip(" ，,")
    if len(first) <= 40 and not FIGURE_LIKE.search(first):
        return first or None
    clauses = CLAUSE_END.split(first)
    head = clauses[0].strip()
    if PP_ONLY.match(head) and len(clauses) > 1:
        head = f"{head}，{clauses[1].strip()}"
    return head or None


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
    >>> heading_of("郭婷婷表示,展望全年,随着各项扩内需政策措施落实落地。") is None, heading_of("国民经济快速增长。全年…") is None
    (True, True)
    """
    m = HEAD_SENTENCE.match(text) if "。" in text[4:HEADING_MAX + 1] else None  # its 。 stands within the first 31
    if not m:
        return None
    head = m.group(1)
    if head.startswith(("“", "\"")) or FIGURE_LIKE.search(head) or head.startswith(("当前", "目前", "近日", "今年", "同时")):
        return None
    if "，" in head or "," in head:  # a heading of two actions: 进一步理顺价格关系，发展和培育市场体系
        return head if all(pledge_head(c) or c.startswith(("发展", "培育")) for c in re.split(r"[，,]", head)) and pledge_head(head) else None
    return head if pledge_head(head) or head.startswith(("向", "为", "在", "以")) else None


def keyword_measures(text: str) -> tuple[tuple[str, str], ...]:
    """(keyword, heading) lead-ins of a paragraph, when it has at least two.

    >>> keyword_measures("增便利,提升贸易便利化水平。大力推进通关。降成本,助力企业减负降费。充分释放红利。")
    (('增便利', '提升贸易便利化水平'), ('降成本', '助力企业减负降费'))
    """
    found = tuple((m.group("kw"), m.group("heading")) for part in text.split("。")  # 4 + 1 + 24 at most, the comma 3rd to 5th
                  if len(part) <= 29 and ("，" in part[2:5] or "," in part[2:5]) and (m := KEYWORD_START.match(part + "。")) is not None
                  and not ENUM_WORD.fullmatch(m.group("kw")) and pledge_head(m.group("heading")))
    return found if len(found) >= 2 else ()


#: An enumeration's marker is no keyword: 三是，人民的居住条件有了改善。
ENUM_WORD = re.compile(r"(?:第|其)?[一二三四五六七八九十]+是?|首先|其次|再次|最后")


def sub_items(text: str) -> list[str]:
    parts = SUB_ITEM.split(text)
    items = []
    for i in range(1, len(parts) - 1, 2):
        item = ITEM_END.split(parts[i + 1], maxsplit=1)[0].strip("，, ")
        if item:
            items.append(item)
    return items


def pledge_clauses(sentence: str) -> list[str]:
    """The measures a 将/要/下一步 sentence pledges: every clause of a list of short actions (要深化
    改革，扩大开放，加强…), else its actions in order, the first being the measure and the others
    its detail (the caller takes the first that is not a restatement).

    >>> pledge_clauses("河南将一以贯之贯彻落实重要指示，着力培育新动能塑造新优势，奋力谱写新篇章。")
    ['着力培育新动能塑造新优势']
    >>> pledge_clauses("今年的经济工作，要深化改革，扩大开放，加强和改善宏观调控，推动技术进步。")
    ['深化改革', '扩大开放', '加强和改善宏观调控', '推动技术进步']
    >>> pledge_clauses("改革取得预期效果，持续增强。")
    []
    >>> pledge_clauses("各地都要从实际出发，确定合理的发展速度。")
    ['各地都要从实际出发，确定合理的发展速度']
    """
    m = MARKER.search(sentence)
    if not m:
        return []
    end = (CLAUSE_END.search(sentence, m.end()) or re.search("$", sentence)).start()  # type: ignore[union-attr]
    last = [k for k in MARKER.find(sentence) if k.start() < end][-1]  # 下一步人民银行将以我为主…: after the last
    clauses = [c.strip() for c in CLAUSE_END.split(sentence[last.end():]) if c.strip()]
    if clauses and (own := AGENCY_PLEDGE.match(clauses[0])) is not None:
        clauses[0] = clauses[0][own.end():]  # 下一步，商务部将推动…: the agency and its 将 open the action
    actions = _actions(clauses, allow_subject=last.group(0) in ("下一步", "今后"))
    opening = clause_span(sentence, last.start(), last.start())[0]
    if actions and not actions[0].startswith("…") and sentence[opening:opening + 1] in _AGENT_FIRST \
            and AGENT.match(sentence, opening) is not None:
        # 各地都要从自己的实际情况出发，确定合理的发展速度: the agent's pledge as written, up to its action
        k = next(i for i, c in enumerate(clauses) if c.endswith(actions[0]))
        if all(PP_ONLY.match(c) for c in clauses[:k]):
            actions[0] = sentence[opening:last.end()] + "，".join(clauses[:k + 1])
    return actions


#: A clause of purpose (以调动…, 为了…, 从而…): the actions after it serve it, they are no new measures.
PURPOSE = re.compile(r"^(?:以|以便|为了|从而|进而|以期|使|让)(?![^，,]{0,10}?为(?:主|重点|核心|抓手|导向))")


def _actions(clauses: list[str], allow_subject: bool = False) -> list[str]:
    """The actions of a run of clauses: all of them when most clauses are short actions (a list of
    tasks); else the first one, then the ones after it (its detail: the caller may pass over a
    restatement to the next)."""
    for k, c in enumerate(clauses):
        if k and PURPOSE.match(c):
            clauses = clauses[:k]
            break
    heads = [pledge_head(c, allow_subject=allow_subject and i == 0) for i, c in enumerate(clauses)]
    actions = [h for h, c in zip(heads, clauses) if h and len(c) <= 20]
    if len(actions) >= 3 and len(actions) * 5 >= len(clauses) * 3:  # a list of tasks (most clauses short actions): each a measure
        return [h for h in heads if h]
    found = [h for h in heads if h]
    return found[:1] + [f"…{h}" for h in found[1:]]  # "…": detail, taken only in place of a restatement


def opening_action(sentence: str) -> list[str]:
    """The action a sentence opens with (a plan's or a directive's style), with the one after it
    when that is an action too: '改建扩建和新建一批重点骨干工程，改造一批重点企业，使…'.

    >>> opening_action("推广一批效益好的科技成果，在若干新技术攻关中取得突破。"), opening_action("重点建设得到加强。")
    (['推广一批效益好的科技成果'], [])
    """
    clauses = [c.strip() for c in CLAUSE_END.split(sentence) if c.strip()]
    if not clauses or not PLEDGE.match(clauses[0]) or MARKER.search(clauses[0]):
        return []
    first = pledge_head(clauses[0])
    if first is None or first != clauses[0].strip():
        return []
    if len(clauses) > 1 and pledge_head(clauses[1]) == clauses[1] and (len(clauses) == 2 or not pledge_head(clauses[2])):
        return [f"{first}，{clauses[1]}"]
    return [first]


# -- the document walk ----------------------------------------------------------------------------

class Measures:
    """Groups and measures as they are found, each measure once (by its normalised heading)."""

    def __init__(self) -> None:
        self.groups: list[MeasureGroup] = []
        self.measures: list[Measure] = []
        self.seen: dict[str | None, list[str]] = {}  # each agency's headings so far

    def group(self, framing: str, agency: str | None, speaker: str | None, declared: int | None = None) -> MeasureGroup:
        g = MeasureGroup(f"G{len(self.groups) + 1}", agency, speaker, framing[:200], declared)
        self.groups.append(g)
        return g

    def add(self, g: MeasureGroup, heading: str, form: str, paragraph: int, keyword: str | None = None,
            items: list[str] | None = None) -> bool:
        """Add a measure unless its heading restates one of the same agency's (equal or inside it)."""
        key = NON_WORD.sub("", heading)
        said = self.seen.setdefault(g.agency, [])
        if not key or any(key in k for k in said):
            return False
        said.append(key)
        self.measures.append(Measure(heading, g.group_id, g.agency, g.speaker, form, paragraph, keyword=keyword,
                                     sub_items=items or []))
        g.found += 1
        return True

    def add_first(self, g: MeasureGroup, heads: list[str], form: str, paragraph: int) -> bool:
        """The first of `heads` that restates nothing (those marked '…' are detail, tried only in
        place of a restatement); all of them when none is marked (a list of tasks)."""
        if not any(h.startswith("…") for h in heads):
            return any([self.add(g, h, form, paragraph) for h in heads])
        return any(self.add(g, h.lstrip("…"), form, paragraph) for h in heads)

    def close(self) -> tuple[list[MeasureGroup], list[Measure]]:
        kept = [g for g in self.groups if g.found or g.declared_count]
        return kept, self.measures


#: Every declared count names one of these nouns: without one, DECLARED cannot match.
_DECLARED_HINT = re.compile("(?:" + "|".join(trie_arms(list(L.MEASURE_NOUNS))) + ")(?!日)")  # (not 5个工作日)


def _declared(text: str) -> int | None:
    """The count a framing declares: 从3个方面 → 3, 四点要求 → 4, found from its noun back.

    >>> _declared("从3个方面努力"), _declared("将办理时间压缩至5个工作日以内")
    (3, None)
    """
    for h in _DECLARED_HINT.finditer(text):
        m = _NUMBER_BEFORE.search(text, max(0, h.start() - 12), h.start())
        if m is not None:
            return int(to_number(m.group("n")) or 0) or None
    return None


#: The numeral of a declared count, right before its noun (and a classifier).
_NUMBER_BEFORE = re.compile(r"(?P<n>\d+|[一二三四五六七八九十两]+)\s*(?:个|大|条|项|点)?\s*$")


MEETING_SUBJECT = re.compile(r"^(?:[^，,。]{0,8}[，,！!])?\s*(?:会议|会上)")
BODY_SUBJECT = re.compile(rf"^(?:[^，,。]{{0,8}}[，,！!])?\s*(?P<body>{_ALT(L.MEASURE_BODIES)})")


#: An agency pledging in its own name: 商务部将…, 国家发展改革委还要… (at a clause's start).
AGENCY_PLEDGE = re.compile("\\s*(?P<agency>" + "|".join(trie_arms(list(L.AGENCIES))) + ")(?:还|也|则|正|仍)?(?:将|要|会)")
#: The same after a clause mark (a class-led scan: re skips to the marks).
_AGENCY_PLEDGE_AFTER = re.compile("[，,。；;：:]" + AGENCY_PLEDGE.pattern)


def subject_agency(text: str) -> str | None:
    """The agency a text's clause opens with as the subject of a pledge (商务部将推动…), as canonical.

    >>> subject_agency("下一步，商务部将推动出台更多促消费政策。"), subject_agency("商务部数据显示，消费回暖。") is None
    ('商务部', True)
    """
    if "将" not in text and "要" not in text and "会" not in text:
        return None
    m = AGENCY_PLEDGE.match(text) or _AGENCY_PLEDGE_AFTER.search(text)
    return canonical_agency(m.group("agency")) if m else None


def _agency(p: Para, issuer: str | None, framing: str = "", meeting: str | None = None) -> str | None:
    """The body a measure is pledged by: the framing sentence's subject (中共中央…提出; 会议确定:
    the body whose meeting it is), the paragraph's speaker, the document's issuer."""
    if meeting and framing and MEETING_SUBJECT.match(framing):
        return meeting
    bm = BODY_SUBJECT.match(framing) if framing else None
    if bm and bm.group("body") not in ("国务院常务会议",):
        return bm.group("body")
    if bm:
        return "国务院"
    return p.agency or issuer


def find_measures(paras: list[Para], issuer: str | None = None, policy: bool = False,
                  meeting: str | None = None) -> tuple[list[MeasureGroup], list[Measure]]:
    """Measure groups and measures of a document; `issuer` is the body that issues it, for
    paragraphs no official speaks in; a `policy` document (意见, 通知) states its measures as
    numbered items only; `meeting` is the body whose meeting the document reports (会议确定…)."""
    out = Measures()
    heads = [heading_of(p.text) if p.kind == "body" else None for p in paras]
    keywords = [keyword_measures(p.text) if p.kind == "body" else () for p in paras]
    numbered = [NUMBERED.match(p.text) if p.text[:1] in "（(" else None for p in paras]
    has_items = sum(1 for n in numbered if n) >= 2
    last_item = max((k for k, n in enumerate(numbered) if n), default=None)
    section: tuple[Para, str] | None = None
    section_group: MeasureGroup | None = None
    section_items = section_start = 0

    def close_section() -> None:
        # a section heading that pledges is the section's measure when nothing in it pledged one
        structural = [m for m in out.measures[section_start:] if m.heading_form not in ("clause", "decision_item")]
        if section and not section_items and not structural and not STATEMENT_SECTIONS.search(section[1]):
            head = pledge_head(section[1])
            agency = _agency(section[0], issuer)
            if head and agency:
                g = out.group(section[1], agency, None, None)
                out.add(g, section[1], "section_heading", section[0].index)

    i = 0
    while i < len(paras):
        p = paras[i]
        sm = SECTION.match(p.text)
        if sm:
            close_section()
            section, section_group, section_items, section_start = (p, sm.group(2)), None, 0, len(out.measures)
            i += 1
            continue
        agency = _agency(p, issuer) or (subject_agency(p.text) if p.kind == "body" else None)
        nm = numbered[i]
        if nm:
            head = item_heading(nm.group(2))
            if head and agency and (pledge_head(head) or has_items and section is not None):
                if section_group is None or section_items == 0:
                    framing = section[1] if section else (paras[i - 1].text if i > 0 else p.text)
                    section_group = out.group(framing, agency, p.speaker, _declared(framing))
                out.add(section_group, head, "numbered_item_lead", p.index,
                        items=[x for x in ITEM_END.split(nm.group(2))[1:] if x.strip()][:12])
                section_items += 1
            i += 1
            continue
        if p.kind != "body" or agency is None:
            i += 1
            continue
        before = paras[i - 1] if i > 0 else None
        kws = keywords[i]
        if kws:
            lead = before if before is not None else p
            g = out.group(lead.text, lead.agency or agency, lead.speaker or p.speaker, _declared(lead.text))
            for kw, heading in kws:
                out.add(g, heading, "keyword_leadin", p.index, keyword=kw)
            i += 1
            continue
        j = i
        while j < len(paras) and heads[j]:
            j += 1
        declared = before is not None and "方面" in before.text and _declared(before.text) is not None
        if j - i >= 2 or (j > i and declared):
            lead = before if before is not None else p
            g = out.group(lead.text, lead.agency or agency, lead.speaker or p.speaker, _declared(lead.text))
            for k in range(i, j):
                out.add(g, heads[k] or "", "paragraph_initial_sentence", paras[k].index, items=sub_items(paras[k].text))
            i = j
            continue
        j = i
        while j < len(paras) and paras[j].kind == "body" and ENUM.match(paras[j].text):
            j += 1
        if j - i >= 2:  # paragraphs that each open with 一是/第一/首先
            framing = before.text if before is not None else ""
            promised = _declared(framing) is not None or any(w in framing for w in L.MEASURE_NOUNS)
            items = [(paras[k], item_heading(paras[k].text[ENUM.match(paras[k].text).end():])) for k in range(i, j)]  # type: ignore[union-attr]
            pledged = sum(1 for _, h in items if h and pledge_head(h))
            items = [(q, h) for q, h in items if h and (promised or pledge_head(h) or pledged * 2 > len(items))]
            if len(items) >= 2 or (items and promised):
                g = out.group(framing or p.text, _agency(before or p, issuer, framing) or agency, p.speaker, _declared(framing))
                for q, h in items:
                    out.add(g, h or "", "enumerated_sentence", q.index)
            i = j
            continue
        if has_items and policy:  # a policy document states its measures as items; after its last item, a closing one
            if last_item is not None and i > last_item and section_items:
                head = pledge_head(CLAUSE_END.split(p.text, maxsplit=1)[0])
                if head:
                    out.add(out.group(p.text, agency, p.speaker), head, "paragraph_initial_clause", p.index)
            i += 1
            continue
        _paragraph_pledges(out, p, agency, issuer, meeting, framing_next=i + 1 < len(paras) and paras[i + 1].kind == "body" and bool(
            heads[i + 1] or keywords[i + 1] or ENUM.match(paras[i + 1].text)) and frames(p.text))
        i += 1
    close_section()
    return out.close()


#: A clause that only frames what follows it: a time, a scope, a basis (从今年9月1日起, 对小微企业, 按照…).
FRAME_CLAUSE = re.compile(r"^(?:从|自|在|对|到|于|按照|根据|截至|围绕|针对)")


def _framed_item(text: str, m: re.Match[str]) -> str:
    """An enumerated item's heading: its first clause, and the clause after it when the first only
    frames it (三是从今年9月1日至2020年底，将…上限由100万元提高到500万元).

    >>> t = "一是扩大投资。二是从明年起，将补贴标准提高一倍。"
    >>> [_framed_item(t, m) for m in INLINE_ENUM.finditer(t)]
    ['扩大投资', '从明年起，将补贴标准提高一倍']
    """
    head = m.group(2)
    if FRAME_CLAUSE.match(head) is None or text[m.end():m.end() + 1] not in "，,":
        return head
    nxt = re.match(r"[，,]\s*([^，,。；;]{2,60})", text[m.end():])
    return head + "，" + nxt.group(1) if nxt else head


def frames(text: str) -> bool:
    """Whether a paragraph can frame the measures of the paragraphs after it: it leads into them
    (…：), declares their count (从3个方面), or is a short line; one that pledges in sentences of its
    own (要加强…；要加快…。) states measures itself.

    >>> frames("主要从3个方面努力。"), frames("今年要切实加强农业，增加对农业的投入；要加快交通、通信和能源建设。"), frames("具体工作如下：")
    (True, False, True)
    """
    body = text.rstrip()
    return body.endswith(("：", ":")) or _declared(body) is not None or len(body) <= 30


def _paragraph_pledges(out: Measures, p: Para, agency: str, issuer: str | None, meeting: str | None, framing_next: bool) -> None:
    """Measures a paragraph states in its sentences: an inline enumeration, a decision's list, the
    first 将/要 sentence's action, sentences that open with an action. Once the paragraph has
    pledged a measure, what follows elaborates it, unless it opens a parallel one (同时, 总量上…)."""
    text = p.text
    ordinal = "首先" in text and "其次" in text
    if ("一是" in text and "二是" in text) or ("第一" in text and "第二" in text) or ordinal:
        # an enumeration: 一是…二是, 第一，…第二，, 首先，…其次，…最后，
        pattern = ORDINAL_ENUM if ordinal else INLINE_ENUM
        enum = [(m.group(1), _framed_item(text, m)) for m in pattern.finditer(text)]
        if ordinal:
            enum = [("一二三四五六七八九十"[k], h) for k, (_, h) in enumerate(enum[:10])]
        if len(enum) >= 2 and [n for n, _ in enum][:2] == ["一", "二"]:
            framing = text[: pattern.search(text).start()]  # type: ignore[union-attr]  # found above
            promised = _declared(framing) is not None or DECISION.search(framing) is not None \
                or sum(1 for _, h in enum if pledge_head(h.strip())) * 2 > len(enum)  # (会议确定：一是…: each item decided)
            heads = [h.strip() for _, h in enum if promised or pledge_head(h.strip())]
            if len(heads) >= 2:
                g = out.group(framing or text, _agency(p, issuer, framing, meeting) or agency, p.speaker, _declared(framing))
                for h in heads:
                    out.add(g, h, "enumerated_clause", p.index)
                return
    if framing_next:
        return  # it frames the paragraphs after it
    marked = MARKER.search(text) is not None
    decided = DECISION.search(text) is not None
    if not marked and not decided and not ACTION_FIRST.search(text):
        return  # no marker, no decision, no sentence that could open with an action
    pledging = pledged = False
    for sentence in SENTENCE.findall(text):
        if marked and NUMERAL.search(sentence) and _declared(sentence) is not None and MARKER.search(sentence):
            pledging = True
            continue  # "将抓好4个方面的工作": a framing, its measures follow
        decision = DECISION.search(sentence) if decided else None
        if decision is not None:
            rest = sentence[decision.end():]
            heads = [h for h in (pledge_head(c) for c in CLAUSE_END.split(rest)) if h]  # each action decided is a measure
            if heads:
                g = out.group(sentence.strip(), _agency(p, issuer, sentence, meeting) or agency, p.speaker)
                for h in heads:
                    out.add(g, h, "decision_item", p.index)
                pledging = pledged = True
                continue
        opens: list[str] | None = None  # opening_action(sentence), read when needed
        for segment in SEGMENT.findall(sentence) if ";" in sentence or "；" in sentence else [sentence]:
            if pledged or segment is sentence:
                opens = (opening_action(sentence) if sentence.lstrip()[:1] in _ACTION_FIRST_CHARS else []) if opens is None else opens
            # (in a plan's or a decision's paragraph every sentence is an item of it: 计划草案规定，…)
            listed = segment is not sentence and (pledging or pledged) and PLEDGE.match(segment) is not None  # …；优化…；支持…
            parallel = decided or bool(opens) or listed or PARALLEL.match(segment) is not None or AGENT.match(segment) is not None
            if pledged and not parallel:
                heads = []  # detail of the measure pledged before
            elif listed:
                heads = _actions([c for c in CLAUSE_END.split(segment) if c.strip()])
            elif marked and MARKER.search(segment) is not None:
                heads = pledge_clauses(segment)
                pledging = True
            elif pledging:
                heads = _actions([c for c in CLAUSE_END.split(segment) if c.strip()])
            elif segment is sentence:  # a sentence that opens with an action
                heads = opens or []
            else:
                heads = []
            if not heads and decided and (pledging or pledged):  # …增长百分之四十，并相应地扩大…: a plan's action after its figure
                heads = next(([h] for h in (pledge_head(c) for c in CLAUSE_END.split(segment)[1:]) if h), [])
            if heads:
                g = out.group(segment.strip(), agency, p.speaker)
                pledged = out.add_first(g, heads, "clause", p.index) or pledged


#: A decision's list opens after one of these words.
DECISION = re.compile("|".join(trie_arms(list(L.DECISION_WORDS))))
NUMERAL = re.compile(r"[\d一二三四五六七八九十两]")
#: The characters an action may open a sentence with (a lead, an adverb, a preposition, a verb):
#: a sentence opening with none of them is no action, without trying PLEDGE.
_ACTION_FIRST_CHARS = frozenset(w[0] for w in (*L.PLEDGE_ADVERBS, *L.PLEDGE_VERBS, "同时", "并", "还", "也", "另外", "此外", "首先",
                                               "其次", "再次", "最后", "总之", "将", "要", "必须", "需要", "应", "在", "以", "为",
                                               "通过", "围绕", "按照", "从", "对", "向", "把"))
ACTION_FIRST = re.compile(f"(?:^|[。！？])\\s*[{''.join(sorted(_ACTION_FIRST_CHARS))}]")


#: An agent pledging in its own name: 我们…要, 各地都要, 各级政府…要.
AGENT = re.compile(r"^\s*(?:我们|各地区?|各级政府|各级|各部门|各有关部门|全党)[^，,。]{0,12}?(?:要|将|必须)")
_AGENT_FIRST = frozenset("我各全")
#: What opens a measure parallel to the one before: 同时, 此外, 总量上, 价格上.
PARALLEL = re.compile(rf"^\s*(?:同时|此外|另外|与此同时|还将|还要|[\u4e00-\u9fff]{{2}}上(?={_VERB}))")

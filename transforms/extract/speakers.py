"""Officials who speak, wherever a text introduces them: an agency, its department, one or more
titles and a name ('工业和信息化部新闻发言人、总工程师赵志国介绍', '在国家统计局城市司高级统计师董莉娟
看来', a byline '国务院总理李鹏', a 发布人 roster), then later by name alone ('赵志国说')."""

from __future__ import annotations

import re

from transforms.extract import lexicon as L
from transforms.extract.clauses import trie_arms
from transforms.extract.records import Speaker

_ALT = lambda words: "|".join(sorted(map(re.escape, words), key=len, reverse=True))  # noqa: E731
_HAN = r"[\u4e00-\u9fff]"
#: A state institution named by pattern: 中国宏观经济研究院.
_INSTITUTION = rf"(?:{_ALT(L.INSTITUTION_PREFIXES)}){_HAN}{{2,8}}?(?:{_ALT(L.INSTITUTION_SUFFIXES)})"
AGENCY = re.compile(
    rf"(?P<agency>(?:{_ALT(L.PROVINCES)})(?:{_ALT(L.PROVINCIAL_DEPARTMENTS)})?|{_ALT([*L.AGENCIES, *L.AGENCY_CANONICAL])}|{_INSTITUTION})"
)
_TRIE = lambda words: "(?:" + "|".join(trie_arms(list(words))) + ")"  # noqa: E731
TITLE = re.compile(_TRIE(L.TITLES))
VERB = re.compile(_TRIE(L.SPEECH_VERBS))
_SURNAME = rf"(?:{_ALT(L.COMPOUND_SURNAMES)}|[{L.SURNAMES}])"
#: A name: a surname and one or two characters (a compound surname and one or two).
NAME = rf"{_SURNAME}{_HAN}{{1,2}}"
#: What may follow a name in a mention: a speech verb (maybe after an adverb or 在…上), a place or
#: occasion (maybe after 今天: 局长X今天在…宣布), punctuation, the end of the line.
_AFTER_NAME = (rf"(?=(?:{_ALT(L.SPEECH_ADVERBS)})?(?:{VERB.pattern}|在|出席|主持|作|就|对|向|接受|答|回答)|同志|等|\d{{1,2}}[月日]|[，,。；;：:、（(”\s]|$)")
_DEPARTMENT = rf"(?P<dept>[^\W兼]{{1,10}}?(?:{_ALT(L.DEPARTMENT_SUFFIXES)}))?"  # (兼 joins two posts: no department)
_FIRST = "".join(sorted({w[0] for w in (*L.AGENCIES, *L.PROVINCES, *L.AGENCY_CANONICAL, *L.INSTITUTION_PREFIXES)}))
#: agency, department, titles (separated by 、), a name, then what may follow a name.
#: Titles separated by 、, each maybe after its own department (新闻发言人、运行监测协调局局长).
_TITLES = rf"(?P<titles>(?:[委府]?(?:[^\W兼]{{1,10}}?(?:{_ALT(L.DEPARTMENT_SUFFIXES)}))?(?:{TITLE.pattern})[、和兼]?){{1,4}})"
MENTION = re.compile(
    rf"(?=[{_FIRST}])" + AGENCY.pattern + _DEPARTMENT + _TITLES + rf"(?P<name>{NAME}?){_AFTER_NAME}"
)
#: The next official of a list after a mention (…局长罗俊杰，规划司司长王鹏介绍): of the same agency.
LISTED = re.compile(rf"[，,、和及]\s*" + _DEPARTMENT + _TITLES + rf"(?P<name>{NAME}?){_AFTER_NAME}")
#: Another name sharing the titles before it (副局长万劲松、何洋): the same agency and titles.
SHARED_TITLES = re.compile(rf"[、和]\s*(?P<name>{NAME}){_AFTER_NAME}")
#: Characters a name never holds: a match that took them took words.
NOT_IN_NAME = re.compile(r"[的了在和与及等也还则说称]|表示|指出|介绍|强调|认为|分析")
OFFICIAL_BODIES = frozenset((*L.AGENCIES, *L.AGENCY_CANONICAL.values()))


def canonical_agency(agency: str) -> str:
    """The name an agency goes by in records: the full or official short name.

    >>> canonical_agency("工信部"), canonical_agency("人民银行"), canonical_agency("国家发展改革委")
    ('工业和信息化部', '中国人民银行', '国家发展改革委')
    """
    return L.AGENCY_CANONICAL.get(agency, agency)


def split_titles(agency: str, titles: str, dept: str | None = None) -> list[str]:
    """Titles as written; '省委副书记' keeps its 省 when the agency is a province; a department
    goes into the first title ('货币政策司司长').

    >>> split_titles("河南省", "委副书记、省长")
    ['省委副书记', '省长']
    >>> split_titles("中国人民银行", "司长", "货币政策司")
    ['货币政策司司长']
    """
    out = []
    for part in (t for t in re.split("[、和兼]", titles) if t):
        if part[0] in "委府" and agency.endswith(("省", "市", "区")):
            part = agency[-1] + part
        out.append(part)
    if dept and out:
        out[0] = dept + out[0]
    return out


def _valid_name(name: str) -> bool:
    return len(name) >= 2 and not TITLE.fullmatch(name) and not NOT_IN_NAME.search(name[1:])


#: The longest stretch before a title that an agency and a department can fill.
_BEFORE_TITLE = 40


def _mentions(text: str) -> list[re.Match[str]]:
    """MENTION's matches, looked for only around the titles the text holds: every mention has one,
    and MENTION's first characters (国, 中, 人 …) are everywhere in a text, its titles are not."""
    out: list[re.Match[str]] = []
    pos = 0
    for t in TITLE.finditer(text):
        if t.end() <= pos:
            continue
        m = MENTION.search(text, max(pos, t.start() - _BEFORE_TITLE), min(len(text), t.end() + 40))
        while m is not None and m.start() <= t.start():
            if m.end() > pos:
                out.append(m)
                pos = m.end()
            m = MENTION.search(text, m.end(), min(len(text), t.end() + 40))
    return out


def find_speakers(text: str, paragraph: int) -> list[Speaker]:
    """Every official named with agency, titles and name in `text`, with or without a speech verb.

    >>> [(s.agency, s.titles, s.name) for s in find_speakers("“…。”商务部副部长郭婷婷表示，今年…", 0)]
    [('商务部', ['副部长'], '郭婷婷')]
    >>> [(s.agency, s.titles, s.name) for s in find_speakers("河南省委副书记、省长王凯说，牢记嘱托", 0)]
    [('河南省', ['省委副书记', '省长'], '王凯')]
    >>> [(s.agency, s.titles, s.name) for s in find_speakers("在人民银行调查统计司司长阮健弘看来，形势向好", 0)]
    [('中国人民银行', ['调查统计司司长'], '阮健弘')]
    >>> [(s.agency, s.titles, s.name) for s in find_speakers("商务部新闻发言人、外贸司司长李明，财务司司长张华介绍", 0)]
    [('商务部', ['新闻发言人', '外贸司司长'], '李明'), ('商务部', ['财务司司长'], '张华')]
    >>> [(s.agency, s.titles, s.name) for s in find_speakers("国家能源局局长王明，副局长李华、张强介绍", 0)]
    [('国家能源局', ['局长'], '王明'), ('国家能源局', ['副局长'], '李华'), ('国家能源局', ['副局长'], '张强')]
    """
    out: list[Speaker] = []
    for first in _mentions(text):
        written = first.group("agency")
        agency = canonical_agency(written)
        m: re.Match[str] | None = first
        while m is not None:
            name = m.group("name")
            if not _valid_name(name):
                break
            titles = split_titles(written, m.group("titles"), m.group("dept"))
            end = m.end()
            while True:
                verb = VERB.match(text, end + (1 if text[end:end + 1] in L.SPEECH_ADVERBS else 0))
                out.append(Speaker(name=name, agency=agency, titles=titles, verb=verb.group(0) if verb else "",
                                   evidence=text[m.start():end], paragraph=paragraph, agency_as_written=written))
                shared = SHARED_TITLES.match(text, end)
                if shared is None or not _valid_name(shared.group("name")) or AGENCY.match(text, shared.start("name")):
                    break
                name, end = shared.group("name"), shared.end()
            m = LISTED.match(text, end)
            if m is not None and AGENCY.match(text, m.start("dept") if m.group("dept") else m.start("titles")):
                break  # another agency's official: a mention of its own
    return out


#: What follows a name that speaks: an adverb, an occasion (在会上), a speech verb.
SPEAKS = re.compile(rf"(?:{TITLE.pattern})?(?:{_ALT(L.SPEECH_ADVERBS)})?(?:在[^，,。]{{1,16}}?)?(?:{VERB.pattern})")  # (王平局长表示)


def name_reference(text: str, known: dict[str, Speaker]) -> Speaker | None:
    """A speaker met before (or later in the text), named alone with a speech verb: '郭婷婷表示',
    '在周茂华看来'. The first one named in the text."""
    best: tuple[int, Speaker] | None = None
    for name, sp in known.items():
        k = text.find(name)
        while k != -1:
            rest = text[k + len(name):]
            if SPEAKS.match(rest):
                if best is None or k < best[0]:
                    best = (k, sp)
                break
            k = text.find(name, k + 1)
    return best[1] if best else None


#: A press conference's list of speakers: "发布人：国家统计局新闻发言人、国民经济综合统计司司长付凌晖；…".
ROSTER = re.compile(r"(?:发布人|出席人|发言人|嘉宾|主持人)\s*[:：]\s*(?P<list>[^。\n]+)")
ENTRY = re.compile(AGENCY.pattern + r"(?P<titles>[^；;，,]*?(?:" + TITLE.pattern + r"))\s*(?P<name>[\u4e00-\u9fff·]{2,3})\s*$")


def find_roster(text: str, paragraph: int) -> list[Speaker]:
    """Speakers listed after 发布人：, one per ；-separated entry.

    >>> [(s.agency, s.titles, s.name) for s in find_roster("发布人：国家统计局新闻发言人、国民经济综合统计司司长付凌晖；商务部副部长盛秋平", 0)]
    [('国家统计局', ['新闻发言人', '国民经济综合统计司司长'], '付凌晖'), ('商务部', ['副部长'], '盛秋平')]
    >>> [(s.agency, s.name) for s in find_roster("发布人：国家统计局副局长、新闻发言人 盛来运；商务部副部长 王强", 0)]
    [('国家统计局', '盛来运'), ('商务部', '王强')]
    """
    out: list[Speaker] = []
    if "：" not in text and ":" not in text:  # every roster names its people after a colon
        return out
    for m in ROSTER.finditer(text):
        for entry in re.split(r"[；;]|\s{2,}", m.group("list")):
            e = ENTRY.search(entry.strip())
            if not e:
                continue
            titles = [t for t in re.split(r"[、]", e.group("titles")) if t]
            written = e.group("agency")
            out.append(Speaker(name=e.group("name"), agency=canonical_agency(written), titles=titles, verb="发布",
                               evidence=entry.strip(), paragraph=paragraph, agency_as_written=written))
    return out


def turn_speaker(text: str, known: dict[str, Speaker]) -> Speaker | None:
    """In a transcript, the speaker whose name opens the paragraph: '付凌晖：…' or '【付凌晖】…'.

    >>> s = Speaker("付凌晖", "国家统计局", ["新闻发言人"], "发布", "", 0)
    >>> turn_speaker("付凌晖：一季度国民经济开局良好。", {"付凌晖": s}) is s, turn_speaker("付凌晖说，", {"付凌晖": s})
    (True, None)
    """
    m = TURN.match(text)
    if not m:
        return None
    head = m.group(1)
    return next((sp for name, sp in known.items() if head.endswith(name)), None)


#: A transcript turn: up to 16 characters (title, name) closed by 】 or a colon.
TURN = re.compile(r"^\s*【?\s*([^：:】，,。]{2,16}?)\s*(?:】\s*[:：]?|[:：])")


def introduced(texts: list[str], named: list[list[Speaker]] | None = None) -> dict[str, Speaker]:
    """Every official the text introduces (rosters, mentions), by name, first introduction kept:
    read before the paragraphs are, so that a name used before its introduction resolves too.
    `named` is mentions(texts) when the caller has it."""
    known: dict[str, Speaker] = {}
    named = named if named is not None else mentions(texts)
    for i, text in enumerate(texts):
        for s in find_roster(text, i) or named[i]:
            known.setdefault(s.name, s)
    return known


def mentions(texts: list[str]) -> list[list[Speaker]]:
    """The officials each text names with agency and titles (find_speakers of each, once)."""
    return [find_speakers(t, i) if _FIRST_CHARS.search(t) else [] for i, t in enumerate(texts)]


_FIRST_CHARS = re.compile(f"[{_FIRST}]")



#: People quoted in another role: a bank's or a company's researcher, a professor, a deputy.
_OTHER_TITLES = ("首席经济学家", "首席研究员", "首席分析师", "宏观研究员", "高级研究员", "研究员", "分析师", "经济学家", "副教授", "教授",
                 "院长", "副院长", "所长", "副所长", "主任", "副主任", "董事长", "总经理", "总裁", "理事长", "秘书长", "专家",
                 "学者", "人大代表", "政协委员", "代表", "委员", "负责人")
#: A title of another role, then a name, then what may follow a name: found from the title (a
#: literal scan), the organisation read back from it.
OTHER_TITLE = re.compile(rf"{_TRIE(_OTHER_TITLES)}(?P<name>{NAME}?)(?=(?:{_ALT(L.SPEECH_ADVERBS)})?(?:{VERB.pattern})|在|看来|，|,)")
_ORG_BEFORE = re.compile(r"[\u4e00-\u9fffA-Za-z]{2,20}$")


def find_others(text: str) -> list[str]:
    """Names of people quoted in another role than an official's (a bank's researcher, a
    professor): their words are no agency's.

    >>> find_others("光大银行金融市场部宏观研究员周茂华也表示，CPI同比涨幅扩大"), find_others("商务部副部长郭婷婷表示")
    (['周茂华'], [])
    """
    out: list[str] = []
    for m in OTHER_TITLE.finditer(text):
        name = m.group("name")
        org = _ORG_BEFORE.search(text, max(0, m.start() - 20), m.start())
        if org is None or not _valid_name(name):
            continue
        if AGENCY.search(org.group(0)) or MENTION.search(text, max(0, m.start() - 30), m.end()):
            continue  # an official's titles (商务部副部长…主任)
        out.append(name)
    return out


def first_voice(text: str, known: dict[str, Speaker], others: set[str]) -> tuple[int, Speaker | None] | None:
    """Who speaks first in a paragraph with a speech verb: (position, the official) or (position,
    None) for someone quoted in another role; None when nobody is named speaking."""
    best: tuple[int, Speaker | None] | None = None
    for name in [*known, *others]:
        k = text.find(name)
        while k != -1:
            rest = text[k + len(name):]
            if SPEAKS.match(rest) or (
                    text[max(0, k - 1):k] == "在" and rest.startswith("看来")):
                if best is None or k < best[0]:
                    best = (k, known.get(name))
                break
            k = text.find(name, k + 1)
    return best


#: An official speaking without a name: 据国家统计局有关负责人介绍, 商务部相关负责人表示.
UNNAMED = re.compile(rf"(?:据|从)?(?=[{_FIRST}])" + AGENCY.pattern
                     + rf"(?:(?:有关|相关)?(?:负责人|负责同志|新闻发言人|官员)(?=(?:{VERB.pattern})|，|,)|获悉|了解到|(?=(?:{VERB.pattern})))")


def unnamed_voice(text: str, paragraph: int) -> Speaker | None:
    """The agency an unnamed official speaks for near the start of a paragraph, or that a reporter
    learns from (记者从国家发展改革委获悉): figures and measures that follow are that agency's, with no speaker.

    >>> unnamed_voice("据国家统计局有关负责人介绍，前10个月…", 3).agency, unnamed_voice("央行表示，将保持流动性合理充裕", 0).agency
    ('国家统计局', '中国人民银行')
    """
    head = text[:60]
    m = UNNAMED.search(text, 0, 60) if ("负责" in head or "发言人" in head or "官员" in head or "获悉" in head or "了解到" in head
                                        or VERB.search(head)) else None  # (商务部表示，…: the agency itself)
    if m is None:
        return None
    written = m.group("agency")
    return Speaker(name="", agency=canonical_agency(written), titles=[], verb="", evidence=m.group(0), paragraph=paragraph,
                   kind="unnamed_speaker", agency_as_written=written)


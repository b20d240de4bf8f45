"""Officials who speak: '工业和信息化部新闻发言人、总工程师赵志国介绍' → agency, titles, name."""

from __future__ import annotations

import re

from transforms.extract import lexicon as L
from transforms.extract.records import Speaker

_ALT = lambda words: "|".join(sorted(map(re.escape, words), key=len, reverse=True))  # noqa: E731
_PROVINCE_SHORT = {p: re.sub(r"(省|市|自治区|壮族自治区|回族自治区|维吾尔自治区|特别行政区)$", "", p) for p in L.PROVINCES}
AGENCY = re.compile(
    rf"(?P<agency>(?:{_ALT(L.PROVINCES)})(?:{_ALT(L.PROVINCIAL_DEPARTMENTS)})?|{_ALT(L.AGENCIES)})"
)
TITLE = re.compile(rf"(?:{_ALT(L.TITLES)})")
VERB = re.compile(rf"(?:{_ALT(L.SPEECH_VERBS)})")
#: agency, then titles (separated by 、), then a 2–4 character name, then a speech verb.
_FIRST = "".join(sorted({w[0] for w in (*L.AGENCIES, *L.PROVINCES)}))
SPEAKER = re.compile(
    rf"(?=[{_FIRST}])"  # cheap reject of positions no agency starts at
    + AGENCY.pattern
    + r"(?P<titles>(?:[委府]?(?:"
    + TITLE.pattern
    + r")、?){1,4})(?P<name>[\u4e00-\u9fff]{2,4}?)(?:在[^，,。]{1,12})?(?P<verb>"
    + VERB.pattern
    + r")"
)
#: Characters a name never holds: a match that took them took words.
NOT_IN_NAME = re.compile(r"[的了在和与及]")


def split_titles(agency: str, titles: str) -> list[str]:
    """Titles as written; '省委副书记' keeps its 省 when the agency is a province.

    >>> split_titles("河南省", "委副书记、省长")
    ['省委副书记', '省长']
    >>> split_titles("工业和信息化部", "新闻发言人、总工程师")
    ['新闻发言人', '总工程师']
    """
    out = []
    for part in (t for t in titles.split("、") if t):
        if part[0] in "委府" and agency.endswith(("省", "市", "区")):
            part = agency[-1] + part
        out.append(part)
    return out


def find_speakers(text: str, paragraph: int) -> list[Speaker]:
    """Every official named with agency, titles and a speech verb in `text`.

    >>> [(s.agency, s.titles, s.name) for s in find_speakers("“…。”商务部副部长郭婷婷表示，今年…", 0)]
    [('商务部', ['副部长'], '郭婷婷')]
    >>> [(s.agency, s.titles, s.name) for s in find_speakers("河南省委副书记、省长王凯说，牢记嘱托", 0)]
    [('河南省', ['省委副书记', '省长'], '王凯')]
    """
    out: list[Speaker] = []
    if not VERB.search(text):
        return out
    for m in SPEAKER.finditer(text):
        name = m.group("name")
        if TITLE.fullmatch(name) or NOT_IN_NAME.search(name):
            continue
        agency = m.group("agency")
        out.append(Speaker(name=name, agency=agency, titles=split_titles(agency, m.group("titles")),
                           verb=m.group("verb"), evidence=m.group(0), paragraph=paragraph))
    return out


def find_bare_speaker(text: str, known: dict[str, Speaker]) -> Speaker | None:
    """A speaker met earlier, named again without agency: '郭婷婷表示'."""
    for name, sp in known.items():
        if name in text and re.search(rf"{re.escape(name)}(?:{VERB.pattern})", text):
            return sp
    return None


#: A press conference's list of speakers: "发布人：国家统计局新闻发言人、国民经济综合统计司司长付凌晖；…".
ROSTER = re.compile(r"(?:发布人|出席人|发言人|嘉宾|主持人)\s*[:：]\s*(?P<list>[^。\n]+)")
ENTRY = re.compile(AGENCY.pattern + r"(?P<titles>[^；;，,]*?(?:" + TITLE.pattern + r"))(?P<name>[\u4e00-\u9fff·]{2,3})\s*$")


def find_roster(text: str, paragraph: int) -> list[Speaker]:
    """Speakers listed after 发布人：, one per ；-separated entry.

    >>> [(s.agency, s.titles, s.name) for s in find_roster("发布人：国家统计局新闻发言人、国民经济综合统计司司长付凌晖；商务部副部长盛秋平", 0)]
    [('国家统计局', ['新闻发言人', '国民经济综合统计司司长'], '付凌晖'), ('商务部', ['副部长'], '盛秋平')]
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
            out.append(Speaker(name=e.group("name"), agency=e.group("agency"), titles=titles, verb="发布",
                               evidence=entry.strip(), paragraph=paragraph))
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

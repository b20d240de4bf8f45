"""Extraction of one parsed Document: its figures, speakers, measures and press event, in order
(extract), with restatements of one fact merged (dedupe)."""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from typing import Any

from transforms.extract import lexicon as L
from transforms.extract.event import event_from_title, find_event
from transforms.extract.context import CONTINUES, Context, read_context
from transforms.extract.figures import extract_paragraph, normalize_digits
from transforms.extract.measures import Para, find_measures
from transforms.extract.periods import year_period
from transforms.extract.records import Extraction, Figure, Speaker
from transforms.extract.speakers import find_others, first_voice, introduced, mentions, turn_speaker, unnamed_voice
from transforms.extract.tables import Table, table_figures
from transforms.records import Document
from transforms.text import calendar_day

ROSTER_LINE = re.compile(r"^\s*(?:发布人|出席人|嘉宾|主持人)\s*[:：]")
NON_WORD = re.compile(r"[\W_]+")
NOTE_LINE = re.compile(r"注\s*[:：]")
NOTES = re.compile(r"^(?:附注|附录|注释|名词解释|指标解释|说明)[:：]?$")


def _norm(s: str) -> str:
    return NON_WORD.sub("", unicodedata.normalize("NFKC", s))


def _dice(a: str, b: str) -> float:
    """Dice's coefficient of two texts' characters, counted with repeats.

    >>> _dice("工业增加值", "增加值"), _dice("", "a")
    (0.75, 0.0)
    """
    if not a or not b:
        return 0.0
    common = sum(min(a.count(c), b.count(c)) for c in set(a))  # str.count of one character: its occurrences
    return 2 * common / (len(a) + len(b))


def dedupe(figures: list[Figure]) -> list[Figure]:
    """One record per fact: restatements (headline, sub-heading, table row) of a body figure go.
    Two figures are one fact when value, unit, period, basis and sign agree and their indicators
    are the same phrase or one contains the other, unless they bound the value from opposite sides."""
    kept: list[tuple[int, Figure]] = []
    buckets: dict[tuple[Any, ...], list[Figure]] = {}
    order = sorted(range(len(figures)), key=lambda i: (figures[i].from_table, figures[i].paragraph < 0, i))
    norms: dict[str, str] = {}  # _norm of each indicator, once

    def named_alike(k: Figure, f: Figure) -> bool:  # the same phrase, one inside the other, or nearly so
        a = norms.get(k.indicator_full) or norms.setdefault(k.indicator_full, _norm(k.indicator_full))
        b = norms.get(f.indicator_full) or norms.setdefault(f.indicator_full, _norm(f.indicator_full))
        return a == b or a in b or b in a or _dice(a, b) >= 0.7

    for i in order:
        f = figures[i]
        # one bucket per value, unit, period, basis, sign and kind (a contribution is never a restated
        # change): only those can be one fact
        bucket = buckets.setdefault((f.value_base, f.unit, f.period, f.basis, f.direction or "", f.category == "discourse_count",
                                     f.category == "contribution"), [])
        # (500万元及以下 and 500万元以上: two sides of one threshold, never one fact)
        dup = any(not (k.bound and f.bound and k.bound != f.bound) and named_alike(k, f) for k in bucket)
        if not dup and f.paragraph < 0 and not f.period_text:  # a headline prints no period: it restates a body figure of any
            key = (f.value_base, f.unit, f.basis, f.direction or "")
            dup = any((k.value_base, k.unit, k.basis, k.direction or "") == key and named_alike(k, f) for _, k in kept)
        if not dup:
            kept.append((i, f))
            bucket.append(f)
    return [f for i, f in sorted(kept, key=lambda t: (t[1].paragraph if t[1].paragraph >= 0 else -1, t[0]))]


ON_BEHALF = re.compile(r"代表(" + "|".join(sorted(L.AGENCIES, key=len, reverse=True)) + r")")


#: A title naming its issuer: 国务院关于…的意见, 国务院办公厅印发《关于…的意见》.
ISSUER_TITLE = re.compile(r"^([^《》“”]{2,30}?)(?:印发|发布|公布|出台)?\s*[《“]?关于")


def issuer_of(doc: Document) -> str | None:
    """Who issues a document: its 发文机关, '国务院办公厅关于…的意见', '我代表国务院向大会作政府工作报告',
    or a 政府工作报告's title."""
    if doc.meta.get("发文机关"):
        return doc.meta["发文机关"].split()[0]
    m = ISSUER_TITLE.match(doc.title)
    if m:
        return m.group(1)
    for p in doc.paragraphs[:3]:
        m = ON_BEHALF.search(p.text) if "代表" in p.text else None
        if m:
            return m.group(1)
    if NATIONAL_REPORT.match(doc.title):  # the 政府工作报告 to the NPC is the State Council's
        return "国务院"
    return None


#: The title of the government work report to the National People's Congress (a province's names its province).
NATIONAL_REPORT = re.compile(r"^\s*(?:\d{4}年)?(?:国务院)?政府工作报告")


POLICY_TITLE = re.compile(r"^.{2,30}?关于.{2,60}?的(?:若干)?(?:意见|通知|决定|办法|规定|方案|指导意见|实施意见)$")


def is_policy(doc: Document) -> bool:
    """A policy document (an 意见, a 通知 …) states its measures as numbered items under sections."""
    return bool(doc.meta.get("发文机关") or doc.meta.get("发文字号") or POLICY_TITLE.match(doc.title))


MEETING = re.compile(r"(?P<body>" + "|".join(sorted(L.MEASURE_BODIES, key=len, reverse=True)) + r")(?:总理|副总理)?[^，,。]{0,8}?"
                     r"(?:主持召开|召开|举行)?(?:常务会议|全体会议|会议)")


def meeting_of(lines: list[str]) -> str | None:
    """The body whose meeting a report is about (国务院总理X主持召开国务院常务会议 → 国务院): what
    its 会议确定… decides is that body's.

    >>> meeting_of(["国务院常务会议部署稳增长措施"]), meeting_of(["商务部举行新闻发布会"]) is None
    ('国务院', True)
    """
    for line in lines:
        m = MEETING.search(line)
        if m:
            body = m.group("body")
            return "国务院" if body.startswith("国务院") else body
    return None


def headline_lines(doc: Document) -> list[str]:
    """The lines above the body: 引题, title, 副题."""
    return [t for t in (doc.pre_title, doc.title, doc.subtitle) if t]


def extract(doc: Document, *, today: date | None = None) -> Extraction:
    """Extract every fact of a document. Never raises on content: problems are recorded."""
    result = Extraction(doc)
    paragraphs = doc.paragraphs
    if not paragraphs and not doc.title:
        result.problems.append("empty_document: no title and no paragraphs")
        return result
    anchor = doc.pub_date
    if anchor is None:
        ym = year_period(" ".join([doc.title] + [p.text for p in paragraphs[:3]]))
        anchor = (calendar_day(ym.canonical, 12, 31) if ym else None) or today or date.today()
        result.problems.append(f"no_pub_date: periods anchored to {anchor}")
    body_texts = [p.text for p in paragraphs if p.kind != "table_row"]
    result.event = find_event(body_texts, anchor) or event_from_title(doc.title, doc.pub_date)
    as_of = f"@{result.event.date}" if result.event and result.event.date else f"@{anchor.isoformat()}"
    lead = [normalize_digits(t) for t in body_texts[:3]]
    ctx = read_context([normalize_digits(t) for t in headline_lines(doc)], lead, anchor, as_of, policy=is_policy(doc))

    # speakers: every official the text introduces, read before the paragraphs (a name may be used
    # before its introduction); each paragraph is attributed to the last official speaking up to it
    texts = [t for t in (doc.byline or "", *headline_lines(doc)) if t] + [p.text for p in paragraphs if p.kind != "table_row"]
    named = mentions(texts)
    by_text = dict(zip(texts, named))
    known = introduced(texts, named)
    others = {name for t in texts for name in find_others(t) if name not in known}
    result.speakers = list(known.values())
    current: Speaker | None = None
    paras: list[Para] = []
    figures: list[Figure] = []
    headline = [t for t in (doc.title, doc.subtitle) if t]
    for text in headline:
        figures.extend(extract_paragraph(text, -1, Context(anchor=anchor, as_of=as_of, default_period=ctx.default_period,
                                                           review=ctx.review, policy=ctx.policy), kind="title"))
    tables: list[Table] = []
    notes = False  # after 附注/注释: prose there explains, it reports nothing (tables still do)
    recent: list[str] = []
    for i, p in enumerate(paragraphs):
        if p.kind == "table_row":
            if not tables or tables[-1].rows[-1][0] != i - 1:
                tables.append(Table([], list(recent[-3:])))
            tables[-1].rows.append((i, p.text.split("\t")))
            continue
        recent.append(p.text)
        if NOTES.match(p.text):
            notes = True
        speaker = None
        voiced = False  # someone is named speaking: an official, or someone quoted in another role
        if known or others:
            speaker = turn_speaker(p.text, known)
            if speaker is None and not ROSTER_LINE.match(p.text):
                voice = first_voice(p.text, known, others)
                if voice is not None:
                    speaker, voiced = voice[1], True
                else:
                    found = by_text.get(p.text) or []
                    speaker = known.get(found[0].name) if found else None
        if speaker is None and not voiced and (unnamed := unnamed_voice(p.text, i)) is not None:
            speaker = unnamed  # 据国家统计局有关负责人介绍，…: that agency's, said by no one named
        if speaker is not None or voiced:
            current = speaker
        elif p.kind == "subheading":
            current = None if len(known) > 1 else current
        paras.append(Para(i, p.text, p.kind, current.agency if current else None, current.name or None if current else None))
        if notes or NOTE_LINE.match(p.text):  # a note explains a table; it reports nothing
            continue
        nxt = paragraphs[i + 1].text if i + 1 < len(paragraphs) else ""
        for f in extract_paragraph(p.text, i, ctx, kind=p.kind, continues=CONTINUES.match(nxt) is not None):
            if current is not None:
                f.speaker, f.agency = current.name or None, current.agency
            figures.append(f)
    for table in tables:
        figures.extend(table_figures(table, ctx))
    result.figures = dedupe(figures)
    meeting = meeting_of([*headline_lines(doc), *body_texts[:2]])  # a meeting's report speaks for the body that met
    result.groups, result.measures = find_measures(paras, issuer_of(doc) or meeting, policy=is_policy(doc), meeting=meeting)
    return result

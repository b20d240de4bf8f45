"""Typed records the extractors return; `to_record()` gives the ../shared/gold/SCHEMA.md form."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from transforms.records import Document

#: The version of the extraction rules, recorded with every fact loaded
EXTRACTOR_VERSION = "facts-2"  # issue 16: rules generalised (context, clauses, lists, speakers anywhere, pledges)


@dataclass(frozen=True)
class Span:
    text: str
    start: int
    end: int


@dataclass(slots=True, eq=False)
class Figure:
    category: str
    indicator_text: str
    indicator_full: str
    value: float
    unit: str
    unit_text: str
    value_base: float
    qualifiers: list[str] = field(default_factory=list)
    value_text: str = ""
    value_low: float | None = None
    value_high: float | None = None
    approx: bool | None = None
    bound: str | None = None
    scale: float = 1
    basis: str | None = None
    basis_text: str | None = None
    basis_period: str | None = None
    price_basis: str | None = None
    direction: str | None = None
    direction_text: str | None = None
    period_text: str | None = None
    period: str | None = None
    period_type: str | None = None
    streak: dict[str, Any] | None = None
    is_target: bool = False
    parent: Figure | None = field(default=None, repr=False, compare=False)  # the total a 其中-item belongs to
    paragraph: int = 0
    evidence: str = ""
    from_table: bool = False
    speaker: str | None = None
    agency: str | None = None

    @property
    def primary(self) -> bool:
        return self.category != "discourse_count"

    def fact_key(self) -> tuple[Any, ...]:
        sign = {"up": 1, "down": -1, "flat": 0}.get(self.direction or "", 1)
        return (self.indicator_text, self.value_base, self.unit, self.period, self.basis, sign)

    def to_record(self, fig_id: str, ids: dict[int, str] | None = None) -> dict[str, Any]:
        signed = -self.value_base if self.direction == "down" else self.value_base
        return {
            "type": "figure", "fig_id": fig_id, "category": self.category, "primary": self.primary,
            "indicator": {"text": self.indicator_text, "full_text": self.indicator_full, "qualifiers": self.qualifiers,
                          "parent": (ids or {}).get(id(self.parent)) if self.parent is not None else None},
            "value": self.value, "value_text": self.value_text, "value_low": self.value_low, "value_high": self.value_high,
            "approx": self.approx, "bound": self.bound, "unit": self.unit, "unit_text": self.unit_text, "scale": self.scale,
            "value_base": self.value_base, "value_signed": signed, "basis": self.basis, "basis_text": self.basis_text,
            "basis_period": self.basis_period, "price_basis": self.price_basis, "direction": self.direction,
            "direction_text": self.direction_text,
            "period": {"text": self.period_text, "canonical": self.period, "type": self.period_type} if self.period else None,
            "streak": self.streak, "is_target": self.is_target, "agency": self.agency, "speaker": self.speaker,
            "paragraph": self.paragraph, "from_table": self.from_table, "evidence": {"text": self.evidence},
        }


@dataclass
class Speaker:
    name: str
    agency: str
    titles: list[str]
    verb: str
    evidence: str
    paragraph: int
    kind: str = "speaker"  # speaker | other_speaker | unnamed_speaker
    agency_as_written: str | None = None

    def to_record(self, speaker_id: str) -> dict[str, Any]:
        return {"type": self.kind, "speaker_id": speaker_id, "name": self.name, "agency": self.agency,
                "agency_as_written": self.agency_as_written or self.agency,
                "titles": self.titles, "speech_verb": self.verb, "paragraph": self.paragraph,
                "evidence": {"text": self.evidence}}


@dataclass
class Measure:
    heading: str
    group: str
    agency: str | None
    speaker: str | None
    heading_form: str
    paragraph: int
    keyword: str | None = None
    sub_items: list[str] = field(default_factory=list)

    def to_record(self, measure_id: str) -> dict[str, Any]:
        return {"type": "measure", "measure_id": measure_id, "group": self.group, "agency": self.agency,
                "speaker": self.speaker, "heading": self.heading, "heading_form": self.heading_form,
                "keyword": self.keyword, "paragraph": self.paragraph, "sub_items": [{"text": t} for t in self.sub_items]}


@dataclass
class MeasureGroup:
    group_id: str
    agency: str | None
    speaker: str | None
    framing: str
    declared_count: int | None
    found: int = 0

    @property
    def count_mismatch(self) -> bool:
        return self.declared_count is not None and self.declared_count != self.found

    def to_record(self) -> dict[str, Any]:
        return {"type": "measure_group", "group_id": self.group_id, "agency": self.agency, "speaker": self.speaker,
                "framing": {"text": self.framing}, "declared_count": self.declared_count, "found_count": self.found,
                "count_mismatch": self.count_mismatch}


@dataclass
class Event:
    type: str
    organizer: str
    date: str | None
    topic: str | None
    evidence: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Extraction:
    document: Document
    figures: list[Figure] = field(default_factory=list)
    speakers: list[Speaker] = field(default_factory=list)
    groups: list[MeasureGroup] = field(default_factory=list)
    measures: list[Measure] = field(default_factory=list)
    event: Event | None = None
    problems: list[str] = field(default_factory=list)

    def to_records(self) -> list[dict[str, Any]]:
        doc = self.document
        out: list[dict[str, Any]] = [{
            "type": "document", "url": doc.url, "source": doc.source, "title": doc.title, "title_tag": doc.title_tag,
            "pre_title": doc.pre_title, "subtitle": doc.subtitle, "publisher": doc.publisher,
            "pub_date": doc.pub_date.isoformat() if doc.pub_date else None, "page": doc.page_no, "editors": doc.editors,
            "event": self.event.to_dict() if self.event else None, "extractor_version": EXTRACTOR_VERSION,
            "problems": self.problems,
        }]
        sids = {}
        for i, s in enumerate(self.speakers, 1):
            sids[s.name] = f"S{i}"
            out.append(s.to_record(f"S{i}"))
        ids = {id(f): f"F{i + 1}" for i, f in enumerate(self.figures)}
        out += [f.to_record(ids[id(f)], ids) for f in self.figures]
        out += [g.to_record() for g in self.groups]
        out += [m.to_record(f"M{i}") for i, m in enumerate(self.measures, 1)]
        return out

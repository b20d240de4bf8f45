"""Warehouse tables (SQLAlchemy 2 declarative). Every change goes through an Alembic migration in
warehouse/migrations/versions; tests check that the migrations build exactly these tables."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Boolean, Date, DateTime, Float, ForeignKey, Index, Integer, MetaData, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class EtlRun(Base):
    """One row per stage run (crawl, parse, load) of the CLI or an Airflow task."""

    __tablename__ = "etl_runs"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    run_uid: Mapped[str] = mapped_column(String(40), unique=True)
    stage: Mapped[str] = mapped_column(String(16))
    source: Mapped[str] = mapped_column(String(32))
    date_from: Mapped[date] = mapped_column(Date)
    date_to: Mapped[date] = mapped_column(Date)
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    status: Mapped[str] = mapped_column(String(16))  # running | success | failed
    counts: Mapped[dict] = mapped_column(JSON, default=dict)
    message: Mapped[str | None] = mapped_column(Text)
    trigger: Mapped[str] = mapped_column(String(16), default="cli")  # cli | airflow
    airflow_run_id: Mapped[str | None] = mapped_column(String(250))


class SourceDay(Base):
    """One row per (source, day) crawled: complete, partial, no_paper, failed or incomplete."""

    __tablename__ = "source_days"
    __table_args__ = (UniqueConstraint("source", "day"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source: Mapped[str] = mapped_column(String(32))
    day: Mapped[date] = mapped_column(Date, index=True)
    status: Mapped[str] = mapped_column(String(16))
    generation: Mapped[str | None] = mapped_column(String(8))
    pages: Mapped[int] = mapped_column(Integer, default=0)
    counts: Mapped[dict] = mapped_column(JSON, default=dict)
    detail: Mapped[str | None] = mapped_column(Text)


class LandedPage(Base):
    """One row per landed URL: where its raw bytes lie (path, sha256), not the bytes."""

    __tablename__ = "landed_pages"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    url: Mapped[str] = mapped_column(String(1000), unique=True)
    source: Mapped[str] = mapped_column(String(32), index=True)
    day: Mapped[date] = mapped_column(Date, index=True)
    kind: Mapped[str] = mapped_column(String(16))
    status: Mapped[int] = mapped_column(Integer)
    final_url: Mapped[str] = mapped_column(String(1000))
    content_type: Mapped[str | None] = mapped_column(String(200))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    path: Mapped[str] = mapped_column(String(500))
    fetched_at: Mapped[str] = mapped_column(String(40))
    fetch_run_uid: Mapped[str | None] = mapped_column(String(40), comment="the crawl run that fetched it")
    parse_status: Mapped[str] = mapped_column(String(16))  # parsed | failed | link_page
    parse_error: Mapped[str | None] = mapped_column(Text)


class Document(Base):
    """One row per article (natural key: its canonical URL)."""

    __tablename__ = "documents"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    url: Mapped[str] = mapped_column(String(1000), unique=True)
    source: Mapped[str] = mapped_column(String(32), index=True)
    publisher: Mapped[str] = mapped_column(String(64))
    pub_date: Mapped[date | None] = mapped_column(Date, index=True)
    page_no: Mapped[str | None] = mapped_column(String(8))
    page_name: Mapped[str | None] = mapped_column(String(64))
    pre_title: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str] = mapped_column(Text)
    title_tag: Mapped[str | None] = mapped_column(String(64))
    subtitle: Mapped[str | None] = mapped_column(Text)
    byline: Mapped[str | None] = mapped_column(Text)
    editors: Mapped[list] = mapped_column(JSON, default=list)
    captions: Mapped[list] = mapped_column(JSON, default=list)
    print_line: Mapped[str | None] = mapped_column(String(200))
    generation: Mapped[str | None] = mapped_column(String(8))
    content_sha256: Mapped[str] = mapped_column(String(64))
    landed_page_id: Mapped[int | None] = mapped_column(ForeignKey("landed_pages.id"))
    parser_version: Mapped[str] = mapped_column(String(32))
    extractor_version: Mapped[str | None] = mapped_column(String(32))
    facts_sha256: Mapped[str | None] = mapped_column(String(64))
    published_at: Mapped[str | None] = mapped_column(String(32))
    meta: Mapped[dict | None] = mapped_column(JSON)
    #: Documents that are one release (a reprint links the original) share a family key.
    family_key: Mapped[str | None] = mapped_column(String(64), index=True)
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1", comment="1, then +1 each time the page changed")
    load_run_uid: Mapped[str | None] = mapped_column(String(40))
    paragraphs: Mapped[list[Paragraph]] = relationship(
        back_populates="document", cascade="all, delete-orphan", order_by="Paragraph.seq"
    )


class Paragraph(Base):
    """One row per body paragraph, in order; kind is body or subheading."""

    __tablename__ = "paragraphs"
    __table_args__ = (UniqueConstraint("document_id", "seq"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    seq: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text)
    document: Mapped[Document] = relationship(back_populates="paragraphs")


class ParseFailureRow(Base):
    """One row per landed page that could not be parsed; removed once it parses."""

    __tablename__ = "parse_failures"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    url: Mapped[str] = mapped_column(String(1000), unique=True)
    source: Mapped[str] = mapped_column(String(32))
    day: Mapped[date] = mapped_column(Date, index=True)
    reason: Mapped[str] = mapped_column(String(64))
    detail: Mapped[str | None] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64))
    path: Mapped[str] = mapped_column(String(500))
    parser_version: Mapped[str] = mapped_column(String(32))


class Agency(Base):
    """One row per agency name as written (工业和信息化部, 商务部 …)."""

    __tablename__ = "agencies"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)


class SpeakerRow(Base):
    """One row per official speaking in a document."""

    __tablename__ = "speakers"
    __table_args__ = (UniqueConstraint("document_id", "name"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(40))
    agency_id: Mapped[int | None] = mapped_column(ForeignKey("agencies.id"))
    titles: Mapped[list] = mapped_column(JSON, default=list)
    speech_verb: Mapped[str | None] = mapped_column(String(16))
    paragraph: Mapped[int] = mapped_column(Integer)
    evidence: Mapped[str] = mapped_column(Text)


class FigureRow(Base):
    """One row per distinct figure of a document, with its provenance (paragraph, evidence
    sentence) and the extractor version that read it. Its references (document, fact, indicator,
    person, date) are not database foreign keys: the loader checks them set-based before it
    commits (`warehouse.checks`; migration 0007 says why)."""

    __tablename__ = "figures"
    __table_args__ = (UniqueConstraint("document_id", "seq"),)  # also the index by document
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(Integer)  # documents.id
    seq: Mapped[int] = mapped_column(Integer)
    category: Mapped[str] = mapped_column(String(24))
    is_primary: Mapped[bool] = mapped_column(Boolean)
    indicator_text: Mapped[str] = mapped_column(String(200))
    indicator_full: Mapped[str] = mapped_column(String(200))
    qualifiers: Mapped[list] = mapped_column(JSON, default=list)
    parent_seq: Mapped[int | None] = mapped_column(Integer)
    value: Mapped[float] = mapped_column(Float)
    value_text: Mapped[str | None] = mapped_column(String(40))
    unit: Mapped[str] = mapped_column(String(24))
    unit_text: Mapped[str | None] = mapped_column(String(24))
    scale: Mapped[float] = mapped_column(Float)
    value_base: Mapped[float] = mapped_column(Float)
    value_low: Mapped[float | None] = mapped_column(Float)
    value_high: Mapped[float | None] = mapped_column(Float)
    approx: Mapped[bool | None] = mapped_column(Boolean)
    bound: Mapped[str | None] = mapped_column(String(4))
    basis: Mapped[str | None] = mapped_column(String(16))
    basis_text: Mapped[str | None] = mapped_column(String(40))
    basis_period: Mapped[str | None] = mapped_column(String(40))
    price_basis: Mapped[str | None] = mapped_column(String(16))
    direction: Mapped[str | None] = mapped_column(String(8))
    period: Mapped[str | None] = mapped_column(String(40))
    period_text: Mapped[str | None] = mapped_column(String(40))
    period_type: Mapped[str | None] = mapped_column(String(16))
    streak: Mapped[dict | None] = mapped_column(JSON)
    is_target: Mapped[bool] = mapped_column(Boolean)
    speaker: Mapped[str | None] = mapped_column(String(40))
    agency: Mapped[str | None] = mapped_column(String(100))
    paragraph: Mapped[int] = mapped_column(Integer)
    evidence: Mapped[str] = mapped_column(Text)
    from_table: Mapped[bool] = mapped_column(Boolean)
    extractor_version: Mapped[str] = mapped_column(String(32))
    #: The distinct fact this figure states: figures are the facts' mentions.
    fact_id: Mapped[int | None] = mapped_column(Integer, index=True)  # facts.id
    indicator_id: Mapped[int | None] = mapped_column(Integer, index=True)  # indicators.id
    person_id: Mapped[int | None] = mapped_column(Integer)  # persons.id
    date_key: Mapped[int | None] = mapped_column(Integer, index=True)  # dates.date_key


class Fact(Base):
    """fact_figure — one row per distinct fact: indicator, period, basis, unit, sign and value. A
    figure stated by several documents (NBS, People's Daily, gov.cn) is one fact with one mention
    (a `figures` row) per document sentence; two values for the same indicator, period, basis and
    unit are two facts, both flagged `conflict`."""

    __tablename__ = "facts"
    __table_args__ = (Index("ix_facts_series", "indicator_id", "period"), {"comment": "fact_figure: one row per distinct fact"})
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    fact_key: Mapped[str] = mapped_column(String(40), unique=True, comment="hash of indicator, period, basis, unit, sign, value")
    indicator_id: Mapped[int] = mapped_column(ForeignKey("indicators.id"))
    period: Mapped[str | None] = mapped_column(String(40), comment="canonical period: 2024-02, 2024-01/2024-02, 2024-Q1, @2024-03-26 …")
    basis: Mapped[str | None] = mapped_column(String(16), comment="yoy | mom | vs_period | two_year_avg | null")
    unit: Mapped[str] = mapped_column(String(24), comment="canonical unit: pct, pp, CNY, USD, person, count …")
    direction: Mapped[str | None] = mapped_column(String(8), comment="up | down | flat | null")
    value_base: Mapped[float] = mapped_column(Float, comment="value in base units (亿元 scaled to CNY)")
    category: Mapped[str] = mapped_column(String(24))
    conflict: Mapped[bool] = mapped_column(Boolean, default=False, comment="another value exists for the same indicator, period, basis and unit")


class Indicator(Base):
    """dim_indicator — one row per normalised indicator, with the aliases it is written as."""

    __tablename__ = "indicators"
    __table_args__ = {"comment": "dim_indicator: normalised indicators and their aliases"}
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True, comment="canonical name")
    norm_key: Mapped[str] = mapped_column(String(200), index=True, comment="name without punctuation, for matching")
    aliases: Mapped[list] = mapped_column(JSON, default=list)


class SourceDim(Base):
    """dim_source — one row per source pressroom crawls."""

    __tablename__ = "sources"
    __table_args__ = {"comment": "dim_source: the sites pressroom crawls"}
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(100))


class Person(Base):
    """dim_person — one row per official (name within an agency)."""

    __tablename__ = "persons"
    __table_args__ = (UniqueConstraint("name", "agency_id"), {"comment": "dim_person: officials by name and agency"})
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(40))
    agency_id: Mapped[int | None] = mapped_column(ForeignKey("agencies.id"))


class DateDim(Base):
    """dim_date — one row per calendar day a document was published."""

    __tablename__ = "dates"
    __table_args__ = {"comment": "dim_date: publication days"}
    date_key: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False, comment="YYYYMMDD")
    day: Mapped[date] = mapped_column(Date, unique=True)
    year: Mapped[int] = mapped_column(Integer)
    quarter: Mapped[int] = mapped_column(Integer)
    month: Mapped[int] = mapped_column(Integer)
    weekday: Mapped[int] = mapped_column(Integer, comment="1 = Monday")


class DocumentVersion(Base):
    """One row per earlier version of a document: a page that changed keeps what it said before."""

    __tablename__ = "document_versions"
    __table_args__ = (UniqueConstraint("document_id", "version"), {"comment": "earlier versions of changed documents"})
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    version: Mapped[int] = mapped_column(Integer)
    content_sha256: Mapped[str] = mapped_column(String(64))
    parser_version: Mapped[str] = mapped_column(String(32))
    title: Mapped[str] = mapped_column(Text)
    paragraphs: Mapped[list] = mapped_column(JSON)
    replaced_by_run: Mapped[str | None] = mapped_column(String(40))


class MeasureGroupRow(Base):
    """One row per group of measures an agency announced (主要从3个方面努力 …); a declared count
    that the measures found do not reach is flagged."""

    __tablename__ = "measure_groups"
    __table_args__ = (UniqueConstraint("document_id", "group_key"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    group_key: Mapped[str] = mapped_column(String(8))
    agency: Mapped[str | None] = mapped_column(String(100))
    speaker: Mapped[str | None] = mapped_column(String(40))
    framing: Mapped[str] = mapped_column(Text)
    declared_count: Mapped[int | None] = mapped_column(Integer)
    found_count: Mapped[int] = mapped_column(Integer)
    count_mismatch: Mapped[bool] = mapped_column(Boolean)


class MeasureRow(Base):
    """One row per policy measure pledged."""

    __tablename__ = "measures"
    __table_args__ = (UniqueConstraint("document_id", "seq"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    group_key: Mapped[str] = mapped_column(String(8))
    heading: Mapped[str] = mapped_column(Text)
    heading_form: Mapped[str] = mapped_column(String(32))
    keyword: Mapped[str | None] = mapped_column(String(16))
    agency: Mapped[str | None] = mapped_column(String(100))
    speaker: Mapped[str | None] = mapped_column(String(40))
    paragraph: Mapped[int] = mapped_column(Integer)
    sub_items: Mapped[list] = mapped_column(JSON, default=list)
    extractor_version: Mapped[str] = mapped_column(String(32))


class EventRow(Base):
    """One row per press event a document reports."""

    __tablename__ = "events"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), unique=True)
    type: Mapped[str] = mapped_column(String(32))
    organizer: Mapped[str] = mapped_column(String(100))
    date: Mapped[str | None] = mapped_column(String(10))
    topic: Mapped[str | None] = mapped_column(Text)
    evidence: Mapped[str] = mapped_column(Text)


#: What one row of each table is (its grain) and how it is keyed, for the tables whose class does
#: not say it already; set as table comments, so the database documents itself (docs/warehouse.md
#: has the whole schema).
TABLE_COMMENTS = {
    "etl_runs": "one row per run of a stage (crawl, parse, load) over a source and date range; key run_uid",
    "source_days": "one row per source and publication day: what the crawl found (status, pages, counts); key (source, day)",
    "landed_pages": "one row per fetched URL: the raw file (path, sha256) and the run that fetched it; key url",
    "parse_failures": "one row per landed page that could not be parsed, with the reason; key url",
    "documents": "one row per article URL, its current version; key url; family_key groups reprints",
    "paragraphs": "one row per paragraph of a document, in order; key (document_id, seq)",
    "agencies": "dim_agency: agencies that speak or pledge measures; key name",
    "speakers": "one row per official quoted in a document; key (document_id, name)",
    "figures": "figure mentions: one row per figure stated in a document sentence, pointing to its fact; key (document_id, seq)",
    "measure_groups": "one row per announced group of measures (主要从3个方面) in a document; key (document_id, group_key)",
    "measures": "one row per measure pledged in a document, in order; key (document_id, seq)",
    "events": "one row per press event a document reports (organizer, date, topic); key document_id",
}
for _name, _comment in TABLE_COMMENTS.items():
    Base.metadata.tables[_name].comment = _comment

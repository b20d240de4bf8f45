"""Warehouse tables (SQLAlchemy 2 declarative). Every change goes through an Alembic migration in
warehouse/migrations/versions; tests check that the migrations build exactly these tables."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Boolean, Date, DateTime, Float, ForeignKey, Integer, MetaData, String, Text, UniqueConstraint
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
    sentence) and the extractor version that read it."""

    __tablename__ = "figures"
    __table_args__ = (UniqueConstraint("document_id", "seq"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    category: Mapped[str] = mapped_column(String(24))
    is_primary: Mapped[bool] = mapped_column(Boolean)
    indicator_text: Mapped[str] = mapped_column(String(200), index=True)
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
    period: Mapped[str | None] = mapped_column(String(40), index=True)
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
    #: The distinct fact this figure states; a reprint's figure points at the same fact as the original's.
    fact_id: Mapped[int | None] = mapped_column(ForeignKey("facts.id", ondelete="SET NULL"), index=True)


class Fact(Base):
    """One row per distinct fact of a document family (indicator, value, unit, period, basis, sign):
    the figures of the family's documents are its mentions."""

    __tablename__ = "facts"
    __table_args__ = (UniqueConstraint("family_key", "fact_key"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    family_key: Mapped[str] = mapped_column(String(64))
    fact_key: Mapped[str] = mapped_column(String(64))
    indicator_text: Mapped[str] = mapped_column(String(200))
    value_base: Mapped[float] = mapped_column(Float)
    unit: Mapped[str] = mapped_column(String(24))
    period: Mapped[str | None] = mapped_column(String(40))
    basis: Mapped[str | None] = mapped_column(String(16))
    direction: Mapped[str | None] = mapped_column(String(8))


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

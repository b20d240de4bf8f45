"""Warehouse: migrations on SQLite and the real PostgreSQL, idempotent and all-or-nothing loads."""

from __future__ import annotations

from datetime import date

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import func, inspect, select, text

from pressroom.config import Config
from pressroom.landing import LandingStore
from pressroom.stages import load
from transforms.records import Document as ParsedDocument
from warehouse.checks import dangling_references
from warehouse.db import (
    current_revision,
    downgrade,
    make_engine,
    upgrade,
)
from warehouse.loaders import load_day
from warehouse.models import Base, Document, FigureRow, LandedPage, Paragraph, SourceDay

DAY = date(2024, 3, 27)
TABLES = {"etl_runs", "source_days", "landed_pages", "documents", "paragraphs", "parse_failures",
          "agencies", "speakers", "figures", "measures", "measure_groups", "events", "facts",
          "indicators", "sources", "persons", "dates", "document_versions"}
HEAD = "0007"


def _check_migrations(url: str) -> None:
    upgrade(url)
    assert current_revision(url) == HEAD
    engine = make_engine(url)
    with engine.connect() as conn:
        assert TABLES <= set(inspect(conn).get_table_names())
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
        assert diff == [], f"models and migrations disagree: {diff}"
        if conn.dialect.name == "postgresql":  # the database documents itself: every table and view says its grain
            insp = inspect(conn)
            missing = [t for t in insp.get_table_names() if t != "alembic_version" and not insp.get_table_comment(t)["text"]]
            missing += [v for v in ("v_figures", "v_indicator_series", "v_measures_by_agency")
                        if not conn.scalar(text(f"SELECT obj_description('{v}'::regclass)"))]
            assert missing == []
    engine.dispose()
    downgrade(url)
    assert current_revision(url) is None
    engine = make_engine(url)
    with engine.connect() as conn:
        assert not TABLES & set(inspect(conn).get_table_names())
    engine.dispose()


def test_migrations_up_and_down_on_sqlite(tmp_path) -> None:
    _check_migrations(f"sqlite:///{tmp_path / 'w.db'}")


def test_migrations_up_and_down_on_postgresql(pg_url) -> None:
    _check_migrations(pg_url)


def _count(url: str, model) -> int:  # type: ignore[no-untyped-def]
    engine = make_engine(url)
    with engine.connect() as conn:
        n = conn.scalar(select(func.count()).select_from(model))
    engine.dispose()
    return n


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_load_is_idempotent_on_both_databases(landed_day, backend, pg_url) -> None:
    cfg = landed_day if backend == "sqlite" else Config(landed_day.data, pg_url, landed_day.contact)
    first = load(cfg, "rmrb", [DAY], "run-1")
    assert (first["loaded"], first["landed_pages_inserted"]) == (6, 9)
    second = load(cfg, "rmrb", [DAY], "run-2")
    assert (second["loaded"], second["unchanged"], second["landed_pages_unchanged"]) == (0, 6, 9)
    assert (_count(cfg.db_url, Document), _count(cfg.db_url, Paragraph), _count(cfg.db_url, SourceDay)) == (6, 18, 1)
    engine = make_engine(cfg.db_url)
    with engine.connect() as conn:
        assert _count(cfg.db_url, FigureRow) > 0 and dangling_references(conn) == []
    engine.dispose()
    if backend == "postgresql":  # leave the module's database empty for the next test
        downgrade(cfg.db_url)


def test_a_failed_load_leaves_no_partial_rows(landed_day) -> None:
    cfg = landed_day
    store = LandingStore(cfg.data)
    path = store.parsed_path("rmrb", DAY, "documents.jsonl")
    rows = store.get_jsonl(path)
    rows[-1]["title"] = None  # violates NOT NULL on the last document, after the others were added
    store.put_jsonl(path, rows)
    upgrade(cfg.db_url)
    engine = make_engine(cfg.db_url)
    with pytest.raises(Exception, match="(?i)not null"):
        load_day(engine, store, "rmrb", DAY, "run-x")
    engine.dispose()
    assert (_count(cfg.db_url, Document), _count(cfg.db_url, LandedPage), _count(cfg.db_url, SourceDay)) == (0, 0, 0)


def test_a_changed_parse_replaces_the_document(landed_day) -> None:
    cfg = landed_day
    load(cfg, "rmrb", [DAY], "run-1")
    store = LandingStore(cfg.data)
    path = store.parsed_path("rmrb", DAY, "documents.jsonl")
    rows = store.get_jsonl(path)
    doc = ParsedDocument.from_dict({k: v for k, v in rows[0].items() if k in ParsedDocument.__dataclass_fields__})
    doc.paragraphs = doc.paragraphs[:1]
    rows[0].update(doc.to_dict(), content_sha256=doc.content_sha256)
    store.put_jsonl(path, rows)
    counts = load(cfg, "rmrb", [DAY], "run-2")
    assert (counts["loaded"], counts["unchanged"]) == (1, 5)
    engine = make_engine(cfg.db_url)
    with engine.connect() as conn:
        n = conn.scalar(select(func.count()).select_from(Paragraph).join(Document).where(Document.url == rows[0]["url"]))
    engine.dispose()
    assert n == 1


def test_facts_are_loaded_with_provenance_and_replaced_atomically(landed_day) -> None:
    cfg = landed_day
    counts = load(cfg, "rmrb", [DAY], "run-1")
    assert counts["figures"] > 0
    engine = make_engine(cfg.db_url)
    with engine.connect() as conn:
        row = conn.execute(select(FigureRow.indicator_text, FigureRow.value_base, FigureRow.period, FigureRow.evidence,
                                  FigureRow.extractor_version, Document.url)
                           .join(Document, Document.id == FigureRow.document_id)
                           .where(FigureRow.indicator_text == "工业增加值", FigureRow.unit == "pct")).first()
        assert row.value_base == 7.0 and row.period == "2024-01/2024-02" and "7.0%" in row.evidence
        assert row.extractor_version and row.url.endswith("_1-01.htm")
        before = conn.scalar(select(func.count()).select_from(FigureRow))
    # a new extractor version re-extracts: the document's facts are replaced, not added to
    store = LandingStore(cfg.data)
    path = store.parsed_path("rmrb", DAY, "documents.jsonl")
    rows = store.get_jsonl(path)
    for r in rows:
        r["extractor_version"] = "facts-test"
        r["facts_sha256"] = "x" + r["facts_sha256"][1:]
    rows[0]["facts"] = [f for f in rows[0]["facts"] if f["type"] != "figure"]
    store.put_jsonl(path, rows)
    again = load(cfg, "rmrb", [DAY], "run-2")
    assert again["loaded"] == 6
    with engine.connect() as conn:
        after = conn.scalar(select(func.count()).select_from(FigureRow))
        versions = set(conn.scalars(select(FigureRow.extractor_version)))
    engine.dispose()
    assert versions == {"facts-test"} and after < before


def test_a_reprint_is_one_family_its_facts_stored_once(tmp_path) -> None:
    """The e-paper article and its people.com.cn reprint: two documents, one set of facts, each
    fact mentioned by both."""
    from pressroom.stages import facts_of
    from transforms.records import Document as Doc
    from transforms.records import Paragraph as Para
    from warehouse.models import Fact

    text = ["前两个月，社会消费品零售总额81307亿元，同比增长5.5%。", "规模以上工业增加值同比增长7.0%。"]
    epaper = Doc(url="http://paper.people.com.cn/rmrb/html/2024-03/27/nw.D110000renmrb_20240327_1-03.htm", source="rmrb",
                 publisher="人民日报", title="消费市场稳步恢复", pub_date=DAY, paragraphs=[Para(t) for t in text])
    reprint = Doc(url="http://finance.people.com.cn/n1/2024/0327/c1004-40000000.html", source="people", publisher="人民日报",
                  title="消费市场稳步恢复", pub_date=DAY, paragraphs=[Para(t) for t in text], meta={"reprint_of": epaper.url})
    cfg = Config.from_env(data=str(tmp_path / "landing"), db_url=f"sqlite:///{tmp_path / 'w.db'}")
    store = LandingStore(cfg.data)
    for source, doc in (("rmrb", epaper), ("people", reprint)):
        row = doc.to_dict() | {"content_sha256": doc.content_sha256, "parser_version": "t"} | facts_of(doc)
        store.put_jsonl(store.parsed_path(source, DAY, "documents.jsonl"), [row])
        store.put_jsonl(store.parsed_path(source, DAY, "failures.jsonl"), [])
        store.write_day(source, DAY, {"status": "complete", "outcomes": []})
        load(cfg, source, [DAY], f"run-{source}")
    engine = make_engine(cfg.db_url)
    with engine.connect() as conn:
        figures = conn.scalar(select(func.count()).select_from(FigureRow))
        facts = conn.scalar(select(func.count()).select_from(Fact))
        mentions = conn.execute(select(FigureRow.fact_id, func.count()).group_by(FigureRow.fact_id)).all()
        families = set(conn.scalars(select(Document.family_key)))
    engine.dispose()
    assert (figures, facts, len(families)) == (6, 3, 1)
    assert {n for _, n in mentions} == {2}


def test_the_analysts_role_reads_and_cannot_write(pg_url) -> None:
    upgrade(pg_url)
    engine = make_engine(pg_url)
    with engine.connect() as conn:
        can = lambda table, what: conn.scalar(text(f"SELECT has_table_privilege('pressroom_analyst', '{table}', '{what}')"))  # noqa: E731
        assert can("figures", "SELECT") and can("v_figures", "SELECT") and can("documents", "SELECT")
        assert not any(can(t, w) for t in ("figures", "documents", "facts") for w in ("INSERT", "UPDATE", "DELETE"))
    engine.dispose()
    downgrade(pg_url)


def _land_parsed(store: LandingStore, source: str, doc: ParsedDocument) -> None:
    from pressroom.stages import facts_of

    row = doc.to_dict() | {"content_sha256": doc.content_sha256, "parser_version": "t"} | facts_of(doc)
    store.put_jsonl(store.parsed_path(source, DAY, "documents.jsonl"), [row])
    store.put_jsonl(store.parsed_path(source, DAY, "failures.jsonl"), [])
    store.write_day(source, DAY, {"status": "complete", "outcomes": []})


@pytest.mark.parametrize("db", ["sqlite", "postgresql"])
def test_conflicting_values_are_kept_flagged_and_cleared_when_corrected(db, tmp_path, request) -> None:
    """Two sources state one indicator for one period with different values: both facts are kept
    and flagged. When the second is corrected, its old fact goes and the flag is cleared."""
    from transforms.records import Paragraph as Para
    from warehouse.models import Fact

    db_url = request.getfixturevalue("pg_url") if db == "postgresql" else f"sqlite:///{tmp_path / 'w.db'}"
    cfg = Config.from_env(data=str(tmp_path / "landing"), db_url=db_url)
    store = LandingStore(cfg.data)

    def doc(source: str, url: str, value: str) -> ParsedDocument:
        return ParsedDocument(url=url, source=source, publisher=source, title="消费", pub_date=DAY,
                              paragraphs=[Para(f"前两个月，社会消费品零售总额同比增长{value}%。")])

    _land_parsed(store, "rmrb", doc("rmrb", "http://paper.people.com.cn/a.htm", "5.5"))
    _land_parsed(store, "govcn", doc("govcn", "https://www.gov.cn/b.htm", "5.6"))
    for source in ("rmrb", "govcn"):
        load(cfg, source, [DAY], f"run-{source}")
    engine = make_engine(cfg.db_url)
    facts = lambda: sorted(conn.execute(select(Fact.value_base, Fact.conflict)).all())  # noqa: E731
    with engine.connect() as conn:
        assert facts() == [(5.5, True), (5.6, True)]
    _land_parsed(store, "govcn", doc("govcn", "https://www.gov.cn/b.htm", "5.5"))
    load(cfg, "govcn", [DAY], "run-fix")
    with engine.connect() as conn:
        assert facts() == [(5.5, False)]
        assert conn.scalar(select(func.count()).select_from(FigureRow)) == 2
    engine.dispose()
    if db == "postgresql":
        downgrade(db_url)


@pytest.mark.parametrize("db", ["sqlite", "postgresql"])
def test_conflicts_are_judged_per_indicator_period_basis_and_unit(db, tmp_path, request) -> None:
    """The conflict rule, judged in the database over the groups a load changed: another value or
    sign for the same indicator, period, basis and unit is a conflict; another basis is not; a
    discourse count is judged but never makes a conflict; undated facts form groups too."""
    from sqlalchemy.orm import Session

    from warehouse.loaders import Dims
    from warehouse.models import Fact, Indicator

    db_url = request.getfixturevalue("pg_url") if db == "postgresql" else f"sqlite:///{tmp_path / 'w.db'}"
    upgrade(db_url)
    engine = make_engine(db_url)
    stated = {  # fact_key: (indicator, period, basis, value, direction, category) -> expected flag
        "a": ((1, "2024-02", "yoy", 5.5, "up", "growth_rate"), True),
        "b": ((1, "2024-02", "yoy", 5.6, "up", "growth_rate"), True),
        "c": ((1, "2024-02", "yoy", 5.5, "up", "discourse_count"), True),
        "d": ((1, "2024-02", "mom", 0.4, "up", "growth_rate"), False),
        "e": ((1, "2024-03", "yoy", 5.5, "up", "growth_rate"), False),  # f and f2 do not count
        "f": ((1, "2024-03", "yoy", 7.0, "up", "discourse_count"), True),  # judged against e
        "f2": ((1, "2024-03", "yoy", 9.0, "up", "discourse_count"), True),  # judged against e, not f
        "g": ((1, None, None, 3.0, "up", "growth_rate"), True),
        "h": ((1, None, None, 3.0, "down", "growth_rate"), True),
        "i": ((2, "2024-02", None, 5.5, None, "share"), False),
        "j": ((2, "2024-03", "yoy", 1.0, "up", "growth_rate"), False),  # a stale flag, cleared
    }
    with Session(engine) as session, session.begin():
        session.add_all(Indicator(id=i, name=f"指标{i}", norm_key=f"k{i}", aliases=[]) for i in (1, 2))
        session.flush()
        session.add_all(Fact(fact_key=k, indicator_id=ind, period=per, basis=basis, unit="pct", value_base=v,
                             direction=dr, category=cat, conflict=k == "j")
                        for k, ((ind, per, basis, v, dr, cat), _) in stated.items())
        session.flush()
        dims = Dims(session)
        dims.regroup = {(1, "2024-02"), (1, "2024-03"), (1, None), (2, "2024-02"), (2, "2024-03")}
        assert dims.flag_conflicts() == sum(flag for _, flag in stated.values())
    with engine.connect() as conn:
        assert dict(conn.execute(select(Fact.fact_key, Fact.conflict)).all()) == {k: flag for k, (_, flag) in stated.items()}
    engine.dispose()
    if db == "postgresql":
        downgrade(db_url)


@pytest.mark.parametrize("db", ["sqlite", "postgresql"])
def test_figure_references_are_checked_since_the_database_does_not(db, tmp_path, request) -> None:
    """figures carries no foreign keys (migration 0007): the check names each figure whose
    reference points nowhere, within the documents asked about or over the whole table."""
    db_url = request.getfixturevalue("pg_url") if db == "postgresql" else f"sqlite:///{tmp_path / 'w.db'}"
    upgrade(db_url)
    engine = make_engine(db_url)
    figure = ("INSERT INTO figures (id, document_id, seq, category, is_primary, indicator_text, indicator_full, qualifiers, "
              "value, unit, scale, value_base, is_target, paragraph, evidence, from_table, extractor_version, fact_id, date_key) "
              "VALUES (:id, :doc, 0, 'growth_rate', TRUE, '工业增加值', '工业增加值', '[]', 7.0, 'pct', 1, 7.0, FALSE, 0, "
              "'同比增长7.0%。', FALSE, 't', :fact, :day)")
    with engine.begin() as conn:
        conn.execute(text(figure), {"id": 1, "doc": 41, "fact": None, "day": None})
        conn.execute(text(figure), {"id": 2, "doc": 42, "fact": 99, "day": 20240327})
        found = {str(d) for d in dangling_references(conn)}
        assert found == {"figures.id=1: document_id=41 but no documents.id=41", "figures.id=2: document_id=42 but no documents.id=42",
                         "figures.id=2: fact_id=99 but no facts.id=99", "figures.id=2: date_key=20240327 but no dates.date_key=20240327"}
        assert [(d.figure_id, d.column) for d in dangling_references(conn, [41])] == [(1, "document_id")]
        assert dangling_references(conn, [7]) == [] and len(dangling_references(conn, limit=2)) == 2
        conn.execute(text("DELETE FROM figures"))
    engine.dispose()
    if db == "postgresql":
        downgrade(db_url)

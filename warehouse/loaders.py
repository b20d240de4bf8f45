"""Load a parsed day into the warehouse: idempotent on natural keys (URL, (source, day)), one
transaction per day, and a reload of unchanged input writes nothing."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date
from operator import itemgetter
from typing import Any

from sqlalchemy import JSON, Engine, delete, select, text
from sqlalchemy.orm import Session

from pressroom.landing import LandingStore
from transforms.extract.indicators import aliases_of, canonical_indicator, norm_key
from warehouse.checks import dangling_references
from warehouse.db import in_list
from warehouse.models import (
    Agency,
    DateDim,
    Document,
    DocumentVersion,
    EventRow,
    Fact,
    FigureRow,
    Indicator,
    LandedPage,
    MeasureGroupRow,
    MeasureRow,
    Paragraph,
    ParseFailureRow,
    Person,
    SourceDay,
    SourceDim,
    SpeakerRow,
)

FACT_TABLES = (FigureRow, SpeakerRow, MeasureRow, MeasureGroupRow, EventRow)


#: PostgreSQL advisory lock key that serialises loads: no load deletes a fact another refers to,
#: nor inserts a dimension row another is inserting.
LOAD_LOCK = 0x70726573

class LoadError(Exception):
    """A day cannot be loaded (e.g. it was never parsed); nothing of it was written."""


def _assign(obj: Any, values: dict[str, Any]) -> bool:
    """Set only the attributes that differ; True if any did."""
    changed = False
    for key, value in values.items():
        if getattr(obj, key) != value:
            setattr(obj, key, value)
            changed = True
    return changed


def _upsert(session: Session, model: type, key: dict[str, Any], values: dict[str, Any]) -> tuple[Any, str]:
    """Insert or update one row by its natural key; returns (row, 'inserted'|'updated'|'unchanged')."""
    return _put(session, session.scalars(select(model).filter_by(**key)).one_or_none(), model, key, values)


def _put(session: Session, row: Any, model: type, key: dict[str, Any], values: dict[str, Any]) -> tuple[Any, str]:
    """`_upsert` given the row already found for `key` (None: the warehouse has none)."""
    if row is None:
        row = model(**key, **values)
        session.add(row)
        return row, "inserted"
    return row, "updated" if _assign(row, values) else "unchanged"


def _existing(session: Session, model: type, column: str, keys: list[str]) -> dict[str, Any]:
    """The rows of `model` whose natural key `column` is among `keys`, by key, in a few queries."""
    col = getattr(model, column)
    found: dict[str, Any] = {}
    for i in range(0, len(keys), CHUNK):
        found.update((getattr(row, column), row) for row in session.scalars(select(model).where(col.in_(keys[i:i + CHUNK]))))
    return found


def day_counts(record: dict[str, Any]) -> dict[str, int]:
    """What a day holds, stable across re-runs: URLs per kind and how many were never landed.

    >>> day_counts({"outcomes": [{"kind": "layout", "outcome": "landed"}, {"kind": "article", "outcome": "timeout"}]})
    {'article': 1, 'layout': 1, 'not_landed': 1}
    """
    counts: Counter[str] = Counter()
    for o in record.get("outcomes", []):
        counts[o["kind"]] += 1
        if o["outcome"] not in ("landed", "already_landed"):
            counts["not_landed"] += 1
    return dict(sorted(counts.items()))


def _document_values(d: dict[str, Any], landed_id: int | None, run_uid: str) -> dict[str, Any]:
    return {
        "source": d["source"], "publisher": d["publisher"],
        "pub_date": date.fromisoformat(d["pub_date"]) if d.get("pub_date") else None,
        "page_no": d.get("page_no"), "page_name": d.get("page_name"), "pre_title": d.get("pre_title"),
        "title": d["title"], "title_tag": d.get("title_tag"), "subtitle": d.get("subtitle"),
        "byline": d.get("byline"), "editors": d.get("editors", []), "captions": d.get("captions", []),
        "print_line": d.get("print_line"), "generation": d.get("generation"),
        "content_sha256": d["content_sha256"], "landed_page_id": landed_id,
        "parser_version": d["parser_version"], "extractor_version": d.get("extractor_version"),
        "facts_sha256": d.get("facts_sha256"), "published_at": d.get("published_at"), "meta": d.get("meta") or {},
        "family_key": family_key(d),
    }


def _key(*parts: Any) -> str:
    return hashlib.sha1("|".join(map(str, parts)).encode()).hexdigest()


def family_key(doc: dict[str, Any]) -> str:
    """Documents of one release share this key: a page that says it reprints another (an e-paper
    article on people.com.cn) takes the original's; every other document is its own family.

    >>> a = {"url": "http://paper.people.com.cn/rmrb/html/2024-05/10/nw.D110000renmrb_20240510_2-04.htm"}
    >>> b = {"url": "http://finance.people.com.cn/n1/2024/0510/c1004-40232587.html", "meta": {"reprint_of": a["url"]}}
    >>> family_key(a) == family_key(b)
    True
    """
    return _key((doc.get("meta") or {}).get("reprint_of") or doc["url"])


SIGN = {"up": 1, "down": -1, "flat": 0}


def fact_identity(indicator_id: int, r: dict[str, Any]) -> tuple[Any, ...]:
    """What makes two figures one fact: indicator, base value, unit, period, basis and sign (and
    whether it is a discourse count); the stored fact_key is its hash."""
    return (indicator_id, r["value_base"], r["unit"], (r.get("period") or {}).get("canonical"), r.get("basis"),
            SIGN.get(r.get("direction") or "", 1), r.get("category") == "discourse_count")


CHUNK = 500


def _json(value: Any) -> str | None:
    """A JSON column's value as the ORM would store it."""
    return None if value is None else ("[]" if value == [] else json.dumps(value, ensure_ascii=False))


def bulk_insert(session: Session, table: Any, rows: list[dict[str, Any]]) -> None:
    """Insert rows (dicts) in bulk through the session's own connection; see `bulk_insert_tuples`."""
    if not rows:
        return
    columns = [c.name for c in table.columns if c.name in rows[0]]
    json_cols = {c for c in columns if isinstance(table.columns[c].type, JSON)}
    if json_cols:
        tuples = [tuple(_json(row[c]) if c in json_cols else row[c] for c in columns) for row in rows]
    else:
        tuples = list(map(itemgetter(*columns), rows)) if len(columns) > 1 else [(row[columns[0]],) for row in rows]
    bulk_insert_tuples(session, table, columns, tuples)


def bulk_insert_tuples(session: Session, table: Any, columns: list[str] | tuple[str, ...],
                       rows: Iterable[tuple[Any, ...]]) -> None:
    """Insert rows (tuples in `columns` order, JSON already serialised) in bulk through the
    session's own connection, in its transaction, below the ORM: PostgreSQL's COPY, or one DB-API
    executemany of a plain INSERT elsewhere. `rows` may be a generator: COPY sends rows as they come."""
    if session.bind.dialect.name == "postgresql":
        raw = session.connection().connection.driver_connection
        with raw.cursor() as cur, cur.copy(f"COPY {table.name} ({', '.join(columns)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        return
    rows = list(rows)
    if rows:
        sql = f"INSERT INTO {table.name} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
        session.connection().exec_driver_sql(sql, rows)


#: Columns of a figure row as `replace_facts` builds it; `insert_figures` appends the last two.
FIGURE_COLUMNS = (
    "document_id", "seq", "category", "is_primary", "indicator_text", "indicator_full", "qualifiers", "parent_seq",
    "value", "value_text", "unit", "unit_text", "scale", "value_base", "value_low", "value_high", "approx", "bound",
    "basis", "basis_text", "basis_period", "price_basis", "direction", "period", "period_text", "period_type", "streak",
    "is_target", "speaker", "agency", "paragraph", "evidence", "from_table", "extractor_version", "person_id",
    "date_key", "indicator_id", "fact_id",
)


class Dims:
    """Dimension rows and facts looked up or created within one load transaction (cached), and the
    figures of the day, inserted together at the end (the bulk path: COPY on PostgreSQL, one
    executemany elsewhere)."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.cache: dict[tuple[Any, ...], int] = {}
        self.regroup: set[tuple[int, str | None]] = set()  # (indicator, period) groups that gained or lost facts
        self.pending: list[tuple[tuple[Any, ...], dict[str, Any]]] = []  # (figure row in FIGURE_COLUMNS order, its record)
        self.orphans: set[int] = set()  # facts whose figures were deleted: gone unless another mentions them
        self.figure_documents: set[int] = set()  # documents whose figures this load wrote

    def _lookup(self, model: type, column: str, keys: list[str]) -> dict[str, int]:
        """ids of the rows whose natural key is in `keys`, in bulk."""
        if not keys:
            return {}
        if self.session.bind.dialect.name == "postgresql":
            # one array parameter joined by unnest: the planner probes the unique index per key
            # (an IN list of bind parameters is a linear scan per row in a prepared plan)
            return {k: i for i, k in self.session.execute(text(
                f"SELECT t.id, t.{column} FROM {model.__tablename__} t "
                f"JOIN unnest(CAST(:keys AS text[])) AS k(key) ON t.{column} = k.key"), {"keys": keys})}
        return {k: i for i, k in self.session.execute(text(
            f"SELECT t.id, t.{column} FROM json_each(:keys) k JOIN {model.__tablename__} t ON t.{column} = k.value"),
            {"keys": json.dumps(keys, ensure_ascii=False)})}

    def _ids(self, model: type, column: str, keys: list[str], make: Callable[[str], dict[str, Any]]) -> dict[str, int]:
        """id of each natural key: the existing found, the missing made by `make` and inserted in bulk."""
        found = self._lookup(model, column, list(keys))
        new = [make(k) for k in keys if k not in found]
        if new:
            drawn = self.session.bind.dialect.name == "postgresql"  # ids from the sequence: no lookup after
            if drawn:
                for row, id_ in zip(new, self.session.scalars(text(
                        "SELECT nextval(pg_get_serial_sequence(:table, 'id')) FROM generate_series(1, :n)"),
                        {"table": model.__tablename__, "n": len(new)}), strict=True):
                    row["id"] = id_
            bulk_insert(self.session, model.__table__, new)
            found.update(((row[column], row["id"]) for row in new) if drawn
                         else self._lookup(model, column, [row[column] for row in new]))
            if model is Fact:
                self.regroup.update((row["indicator_id"], row["period"]) for row in new)
        return found

    def insert_figures(self) -> int:
        """Insert every pending figure with its indicator and fact ids; returns how many."""
        if not self.pending:
            return 0
        written = [rec["indicator"]["text"] or rec["indicator"]["full_text"] for _, rec in self.pending]
        canonical = {w: canonical_indicator(w)[:200] for w in set(written)}  # written forms repeat
        indicators = self._ids(Indicator, "name", sorted(set(canonical.values())),
                               lambda n: {"name": n, "norm_key": norm_key(n)[:200], "aliases": list(aliases_of(n))})
        fact_rows: dict[str, dict[str, Any]] = {}
        keys: dict[tuple[Any, ...], str] = {}  # fact identity -> key, hashed once per distinct fact
        keyed = []
        for (row, rec), as_written in zip(self.pending, written, strict=True):
            ind_id = indicators[canonical[as_written]]
            identity = fact_identity(ind_id, rec)
            key = keys.get(identity)
            if key is None:
                key = keys[identity] = _key(*identity)
                fact_rows[key] = {"fact_key": key, "indicator_id": ind_id, "value_base": rec["value_base"],
                                  "unit": rec["unit"], "period": identity[3], "basis": identity[4],
                                  "direction": rec.get("direction"), "category": rec["category"], "conflict": False}
            keyed.append((row, ind_id, key))
        facts = self._ids(Fact, "fact_key", list(fact_rows), fact_rows.__getitem__)
        # a generator: rows are made while the database takes the ones already sent
        bulk_insert_tuples(self.session, FigureRow.__table__, FIGURE_COLUMNS,
                           ((*row, ind_id, facts[key]) for row, ind_id, key in keyed))
        self.pending.clear()
        return len(keyed)

    def _get(self, key: tuple[Any, ...], model: type, natural: dict[str, Any], values: dict[str, Any]) -> int:
        if key not in self.cache:
            row, _ = _upsert(self.session, model, natural, values)
            self.session.flush()
            self.cache[key] = row.date_key if model is DateDim else row.id
        return self.cache[key]

    def agency(self, name: str | None) -> int | None:
        return self._get(("agency", name), Agency, {"name": name}, {}) if name else None

    def person(self, name: str | None, agency: str | None) -> int | None:
        if not name:
            return None
        return self._get(("person", name, agency), Person, {"name": name, "agency_id": self.agency(agency)}, {})

    def day(self, d: date | None) -> int | None:
        if d is None:
            return None
        return self._get(("date", d), DateDim, {"date_key": int(d.strftime("%Y%m%d"))},
                         {"day": d, "year": d.year, "quarter": (d.month - 1) // 3 + 1, "month": d.month,
                          "weekday": d.isoweekday()})

    def source(self, code: str, name: str) -> int:
        return self._get(("source", code), SourceDim, {"code": code}, {"name": name})

    def flag_conflicts(self) -> int:
        """Judge, in the database, the conflict flags of the (indicator, period) groups this load
        changed (it inserted or dropped facts there), by the rule of JUDGE_CONFLICTS; only flags that
        change are written. Returns how many facts of those groups are in conflict."""
        if not self.regroup:
            return 0
        dated = sorted((g for g in self.regroup if g[1] is not None), key=lambda g: (g[0], g[1]))
        undated = sorted({g[0] for g in self.regroup if g[1] is None})
        pair = "COALESCE(CAST(f.value_base AS TEXT), '') || '|' || COALESCE(f.direction, '')"
        cols = f"f.id, f.indicator_id, f.period, f.basis, f.unit, f.category, f.conflict, {pair} AS pair"
        dialect = self.session.bind.dialect.name
        undated_in, params = in_list(dialect, "undated", undated)
        if dialect == "postgresql":
            dated_from = ("unnest(CAST(:inds AS integer[]), CAST(:pers AS text[])) AS g(ind, per) "
                          "ON f.indicator_id = g.ind AND f.period = g.per")
            params |= {"inds": [g[0] for g in dated], "pers": [g[1] for g in dated]}
        else:
            dated_from = ("json_each(:groups) g ON f.indicator_id = json_extract(g.value, '$[0]') "
                          "AND f.period = json_extract(g.value, '$[1]')")
            params |= {"groups": json.dumps(dated, ensure_ascii=False)}
        members = (f"SELECT {cols} FROM facts f JOIN {dated_from} UNION ALL "
                   f"SELECT {cols} FROM facts f WHERE f.period IS NULL AND f.indicator_id {undated_in}")
        run = self.session.execute
        run(text("DROP TABLE IF EXISTS judged_facts"))
        run(text(JUDGE_CONFLICTS.format(members=members)), params)
        for flag in ("TRUE", "FALSE"):
            run(text(f"UPDATE facts SET conflict = {flag} WHERE id IN "
                     f"(SELECT id FROM judged_facts WHERE judged = {flag} AND conflict <> {flag})"))
        in_conflict = run(text("SELECT COUNT(*) FROM judged_facts WHERE judged = TRUE")).scalar_one()
        run(text("DROP TABLE judged_facts"))
        return in_conflict

    def drop_orphans(self) -> None:
        """Delete the facts no figure mentions any more (their documents were re-extracted)."""
        ids = sorted(i for i in self.orphans if i is not None)
        for i in range(0, len(ids), CHUNK):
            self.regroup.update(tuple(g) for g in self.session.execute(
                select(Fact.indicator_id, Fact.period).where(Fact.id.in_(ids[i:i + CHUNK]))))
            self.session.execute(delete(Fact).where(
                Fact.id.in_(ids[i:i + CHUNK]), ~select(FigureRow.id).where(FigureRow.fact_id == Fact.id).exists()))


#: Whether each fact is in conflict: another fact with the same indicator, period, basis and unit
#: states another value or sign (discourse counts never make a conflict, but are judged). `members`
#: is a query of the facts to judge (id, indicator_id, period, basis, unit, category, conflict and
#: pair = "value|direction"); the verdicts go into the temporary table judged_facts. Within a group,
#: a fact is in conflict when the stated pairs are not all one, or are one other than its own.
JUDGE_CONFLICTS = """
CREATE TEMPORARY TABLE judged_facts AS
SELECT id, conflict, CASE WHEN lo IS NOT NULL AND (lo <> hi OR lo <> pair) THEN TRUE ELSE FALSE END AS judged
FROM (SELECT m.id, m.conflict, m.pair,
             MIN(m.pair) FILTER (WHERE m.category <> 'discourse_count') OVER stated AS lo,
             MAX(m.pair) FILTER (WHERE m.category <> 'discourse_count') OVER stated AS hi
      FROM ({members}) m
      WINDOW stated AS (PARTITION BY m.indicator_id, m.period, m.basis, m.unit)) j
"""


def replace_facts(session: Session, document: Document, facts: list[dict[str, Any]], dims: Dims, version: str,
                  *, new: bool = False) -> int:
    """Delete a document's facts (unless it is `new`) and queue the new ones (inside the caller's
    transaction). Each figure is a mention of its distinct fact; speakers, agencies, indicators and
    days are looked up in their dimensions."""
    document_id = document.id
    if not new:
        dims.orphans.update(session.scalars(select(FigureRow.fact_id).where(FigureRow.document_id == document_id)))
        for model in FACT_TABLES:
            session.execute(delete(model).where(model.document_id == document_id))
    figs = [r for r in facts if r["type"] == "figure"]
    if figs:
        dims.figure_documents.add(document_id)
    seq = {r["fig_id"]: i for i, r in enumerate(figs)}
    date_key = dims.day(document.pub_date)
    for i, r in enumerate(figs):
        ind, period = r["indicator"], r.get("period") or {}
        g = r.get
        dims.pending.append(((  # in FIGURE_COLUMNS order
            document_id, i, r["category"], r["primary"], ind["text"][:200], ind["full_text"][:200],
            _json(ind.get("qualifiers", [])), seq.get(ind.get("parent")), r["value"], g("value_text"), r["unit"],
            g("unit_text"), g("scale") or 1, r["value_base"], g("value_low"), g("value_high"), g("approx"), g("bound"),
            g("basis"), g("basis_text"), g("basis_period"), g("price_basis"), g("direction"), period.get("canonical"),
            period.get("text"), period.get("type"), _json(g("streak")), g("is_target", False), g("speaker"), g("agency"),
            g("paragraph", 0), r["evidence"]["text"], g("from_table", False), version,
            dims.person(g("speaker"), g("agency")), date_key,
        ), r))
    seen_speakers = set()
    for r in facts:
        if r["type"] == "speaker" and r["name"] not in seen_speakers:
            seen_speakers.add(r["name"])
            dims.person(r["name"], r["agency"])
            session.add(SpeakerRow(document_id=document_id, name=r["name"], agency_id=dims.agency(r["agency"]),
                                   titles=r.get("titles", []), speech_verb=r.get("speech_verb"),
                                   paragraph=r.get("paragraph", 0), evidence=r["evidence"]["text"]))
        elif r["type"] == "measure_group":
            session.add(MeasureGroupRow(document_id=document_id, group_key=r["group_id"], agency=r.get("agency"),
                                        speaker=r.get("speaker"), framing=r["framing"]["text"],
                                        declared_count=r.get("declared_count"), found_count=r.get("found_count", 0),
                                        count_mismatch=r.get("count_mismatch", False)))
    for i, r in enumerate(x for x in facts if x["type"] == "measure"):
        session.add(MeasureRow(document_id=document_id, seq=i, group_key=r["group"], heading=r["heading"],
                               heading_form=r["heading_form"], keyword=r.get("keyword"), agency=r.get("agency"),
                               speaker=r.get("speaker"), paragraph=r.get("paragraph", 0),
                               sub_items=[s["text"] for s in r.get("sub_items", [])],
                               extractor_version=version))
    event = next((r for r in facts if r["type"] == "event"), None)
    if event:
        session.add(EventRow(document_id=document_id, type=event["event_type"], organizer=event["organizer"],
                             date=event.get("date"), topic=event.get("topic"), evidence=event["evidence"]))
    return len(figs)


@dataclass
class DayInput:
    """What the loader reads of a parsed day from the landing area."""

    docs: list[dict[str, Any]]
    failures: list[dict[str, Any]]
    record: dict[str, Any] | None  # the crawl's _day.json
    metas: list[dict[str, Any]]  # landed pages' metadata


def read_day(store: LandingStore, source: str, day: date) -> DayInput:
    """Read a parsed day (documents, failures, crawl record, landed pages) from the landing area."""
    try:
        docs = store.get_jsonl(store.parsed_path(source, day, "documents.jsonl"))
        failures = store.get_jsonl(store.parsed_path(source, day, "failures.jsonl"))
    except FileNotFoundError:
        raise LoadError(f"{source} {day} has not been parsed: run `pressroom parse {source} --date {day}` first") from None
    return DayInput(docs, failures, store.read_day(source, day), store.pages(source, day))


def load_days(engine: Engine, store: LandingStore, source: str, days: list[date], run_uid: str) -> Iterator[tuple[date, Counter[str]]]:
    """Load several days, one transaction each, in order; the next day is read from the landing area
    (on a thread) while the database takes the current one. Yields each day's counts."""
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="read-day") as reader:
        ahead = reader.submit(read_day, store, source, days[0]) if days else None
        for i, day in enumerate(days):
            given = ahead.result()
            ahead = reader.submit(read_day, store, source, days[i + 1]) if i + 1 < len(days) else None
            yield day, load_day(engine, store, source, day, run_uid, given)


def load_day(engine: Engine, store: LandingStore, source: str, day: date, run_uid: str,
             given: DayInput | None = None) -> Counter[str]:
    """Load one parsed day (`given`, or read now); returns counts (loaded, unchanged, parse_failures, landed_pages)."""
    given = given or read_day(store, source, day)
    docs, failures, record, metas = given.docs, given.failures, given.record, given.metas
    doc_urls = {d["url"] for d in docs}
    failed = {f["url"]: f for f in failures}
    counts: Counter[str] = Counter()

    with Session(engine) as session, session.begin():
        if engine.dialect.name == "postgresql":  # one load at a time (SQLite has one writer anyway)
            session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": LOAD_LOCK})
            session.execute(text("SET LOCAL work_mem = '64MB'"))  # a day's sorts in memory, not on disk
        dims = Dims(session)
        dims.source(source, source)
        if record:
            _upsert(session, SourceDay, {"source": source, "day": day}, {
                "status": record["status"], "generation": record.get("generation"), "pages": record.get("pages", 0),
                "counts": day_counts(record), "detail": record.get("detail"),
            })
        landed = _existing(session, LandedPage, "url", [m["url"] for m in metas])
        for m in metas:
            ctype = (m["headers"].get("Content-Type") or [None])[0]
            landed[m["url"]], what = _put(session, landed.get(m["url"]), LandedPage, {"url": m["url"]}, {
                "source": source, "day": day, "kind": m["kind"], "status": m["status"], "final_url": m["final_url"],
                "content_type": ctype, "size": m["size"], "sha256": m["sha256"], "path": m["body_path"],
                "fetched_at": m["fetched_at"], "fetch_run_uid": m.get("fetch_run_uid"),
                "parse_status": "failed" if m["url"] in failed else ("parsed" if m["url"] in doc_urls else "link_page"),
                "parse_error": f"{failed[m['url']]['reason']}: {failed[m['url']]['detail']}" if m["url"] in failed else None,
            })
            counts[f"landed_pages_{what}"] += 1
        session.flush()
        landed_ids = {url: row.id for url, row in landed.items()}
        documents = _existing(session, Document, "url", [d["url"] for d in docs])
        changed: list[tuple[Document, dict[str, Any], list[Paragraph], bool]] = []  # (row, parsed, paragraphs to add, new)
        for d in docs:
            values = _document_values(d, landed_ids.get(d["url"]), run_uid)
            row = documents.get(d["url"])
            if row is not None and all(getattr(row, k) == values[k] for k in
                                       ("content_sha256", "parser_version", "extractor_version", "facts_sha256")):
                _assign(row, {"landed_page_id": values["landed_page_id"]})
                counts["unchanged"] += 1
                continue
            paragraphs = [Paragraph(seq=i, kind=p["kind"], text=p["text"]) for i, p in enumerate(d["paragraphs"])]
            if row is None:  # given its paragraphs before the flush: no query for an empty collection
                row = documents[d["url"]] = Document(url=d["url"], **values, load_run_uid=run_uid, paragraphs=paragraphs)
                session.add(row)
                changed.append((row, d, [], True))
            else:
                if row.content_sha256 != values["content_sha256"]:  # the page changed: keep what it said
                    session.add(DocumentVersion(document_id=row.id, version=row.version, content_sha256=row.content_sha256,
                                                parser_version=row.parser_version, title=row.title,
                                                paragraphs=[{"kind": p.kind, "text": p.text} for p in row.paragraphs],
                                                replaced_by_run=run_uid))
                    values["version"] = row.version + 1
                _assign(row, {**values, "load_run_uid": run_uid})
                row.paragraphs.clear()
                changed.append((row, d, paragraphs, False))
        session.flush()  # old paragraphs out, new documents in (with their ids), in one flush
        for row, d, paragraphs, new in changed:
            row.paragraphs.extend(paragraphs)  # a changed document's new paragraphs, after the old ones went
            counts["figures"] += replace_facts(session, row, d.get("facts", []), dims, d.get("extractor_version") or "", new=new)
            counts["loaded"] += 1
        dims.insert_figures()
        dangling = dangling_references(session.connection(), sorted(dims.figure_documents))
        if dangling:
            raise LoadError(f"{source} {day}: figures refer to rows that do not exist, nothing was loaded: "
                            + "; ".join(map(str, dangling)))
        for f in failures:
            meta = next((m for m in metas if m["url"] == f["url"]), None)
            _upsert(session, ParseFailureRow, {"url": f["url"]}, {
                "source": source, "day": day, "reason": f["reason"], "detail": f["detail"],
                "sha256": meta["sha256"] if meta else "", "path": meta["body_path"] if meta else "",
                "parser_version": f["parser_version"],
            })
            counts["parse_failures"] += 1
        if doc_urls:
            session.execute(delete(ParseFailureRow).where(ParseFailureRow.url.in_(doc_urls)))
        # facts no figure states any more (their documents were re-extracted) go; conflicts are re-judged
        dims.drop_orphans()
        counts["conflicting_facts"] += dims.flag_conflicts()
    return counts

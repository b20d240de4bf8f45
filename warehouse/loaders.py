"""Load a parsed day into the warehouse: idempotent on natural keys (URL, (source, day)), one
transaction per day, and a reload of unchanged input writes nothing."""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any

from sqlalchemy import Engine, delete, select
from sqlalchemy.orm import Session

from pressroom.landing import LandingStore
from warehouse.models import Document, LandedPage, Paragraph, ParseFailureRow, SourceDay


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
    row = session.scalars(select(model).filter_by(**key)).one_or_none()
    if row is None:
        row = model(**key, **values)
        session.add(row)
        return row, "inserted"
    return row, "updated" if _assign(row, values) else "unchanged"


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
        "parser_version": d["parser_version"],
    }


def load_day(engine: Engine, store: LandingStore, source: str, day: date, run_uid: str) -> Counter[str]:
    """Load one parsed day; returns counts (loaded, unchanged, parse_failures, landed_pages)."""
    try:
        docs = store.get_jsonl(store.parsed_path(source, day, "documents.jsonl"))
        failures = store.get_jsonl(store.parsed_path(source, day, "failures.jsonl"))
    except FileNotFoundError:
        raise LoadError(f"{source} {day} has not been parsed: run `pressroom parse {source} --date {day}` first") from None
    record = store.read_day(source, day)
    metas = store.pages(source, day)
    doc_urls = {d["url"] for d in docs}
    failed = {f["url"]: f for f in failures}
    counts: Counter[str] = Counter()

    with Session(engine) as session, session.begin():
        if record:
            _upsert(session, SourceDay, {"source": source, "day": day}, {
                "status": record["status"], "generation": record.get("generation"), "pages": record.get("pages", 0),
                "counts": day_counts(record), "detail": record.get("detail"),
            })
        landed_ids: dict[str, int] = {}
        for m in metas:
            ctype = (m["headers"].get("Content-Type") or [None])[0]
            row, what = _upsert(session, LandedPage, {"url": m["url"]}, {
                "source": source, "day": day, "kind": m["kind"], "status": m["status"], "final_url": m["final_url"],
                "content_type": ctype, "size": m["size"], "sha256": m["sha256"], "path": m["body_path"],
                "fetched_at": m["fetched_at"],
                "parse_status": "failed" if m["url"] in failed else ("parsed" if m["url"] in doc_urls else "link_page"),
                "parse_error": f"{failed[m['url']]['reason']}: {failed[m['url']]['detail']}" if m["url"] in failed else None,
            })
            counts[f"landed_pages_{what}"] += 1
            session.flush()
            landed_ids[m["url"]] = row.id
        for d in docs:
            values = _document_values(d, landed_ids.get(d["url"]), run_uid)
            row = session.scalars(select(Document).filter_by(url=d["url"])).one_or_none()
            if row is not None and row.content_sha256 == values["content_sha256"] and row.parser_version == values["parser_version"]:
                _assign(row, {"landed_page_id": values["landed_page_id"]})
                counts["unchanged"] += 1
                continue
            if row is None:
                row = Document(url=d["url"], **values, load_run_uid=run_uid)
                session.add(row)
            else:
                _assign(row, {**values, "load_run_uid": run_uid})
                row.paragraphs.clear()
                session.flush()
            row.paragraphs.extend(Paragraph(seq=i, kind=p["kind"], text=p["text"]) for i, p in enumerate(d["paragraphs"]))
            counts["loaded"] += 1
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
    return counts

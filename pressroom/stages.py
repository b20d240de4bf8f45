"""The three stages — crawl, parse, load — each re-runnable on its own for any range of days."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from pressroom.config import Config
from pressroom.landing import LandingStore
from pressroom.sources import get_source
from transforms.rmrb_day import RawPage

Progress = Callable[[str], None]


def _quiet(_: str) -> None:
    pass


# -- crawl ---------------------------------------------------------------------------------------

def crawl_settings(cfg: Config, *, mirror: str | None = None, refresh: bool = False, delay: float | None = None,
                   stats_file: str | None = None, log_level: str = "WARNING", progress: bool = True,
                   run_uid: str | None = None, overrides: dict[str, str] | None = None) -> Any:
    """Scrapy settings for one crawl: the project's settings plus this run's options, then any
    explicit overrides (`-s NAME=VALUE`)."""
    from scrapy.settings import Settings

    from pressroom import __version__

    settings = Settings()
    settings.setmodule("spiders.settings", priority="project")
    settings.set("USER_AGENT", f"pressroom/{__version__} (+{cfg.contact}; news-research crawler)", priority="cmdline")
    settings.set("PRESSROOM_DATA", cfg.data, priority="cmdline")
    settings.set("PRESSROOM_REFRESH", refresh, priority="cmdline")
    settings.set("PRESSROOM_STATS_FILE", stats_file, priority="cmdline")
    settings.set("PRESSROOM_RUN_UID", run_uid, priority="cmdline")
    settings.set("LOG_LEVEL", log_level, priority="cmdline")
    settings.set("PRESSROOM_PROGRESS", progress, priority="cmdline")
    settings.set("STATS_DUMP", log_level == "DEBUG", priority="cmdline")
    if mirror:
        settings.set("PRESSROOM_MIRROR", mirror, priority="cmdline")
        handler = "spiders.middlewares.MirrorDownloadHandler"
        settings.set("DOWNLOAD_HANDLERS", {"http": handler, "https": handler}, priority="cmdline")
        if delay is None:
            delay = 0.0  # our own local server: no politeness delay needed
    if delay is not None:
        settings.set("DOWNLOAD_DELAY", delay, priority="cmdline")
        settings.set("AUTOTHROTTLE_ENABLED", delay > 0, priority="cmdline")
        settings.set("RETRY_BACKOFF_BASE", min(2.0, max(delay, 0.1)), priority="cmdline")
    for name, value in (overrides or {}).items():
        settings.set(name, value, priority="cmdline")
    return settings


def crawl(cfg: Config, source: str, ranges: list[tuple[date, date]], *, spider_args: dict[str, str] | None = None,
          **options: Any) -> dict[str, Any]:
    """Crawl each (first, last) range in this process; returns the merged crawl summary.

    The Twisted reactor cannot restart: call this once per process (Airflow uses crawl_subprocess).
    """
    from scrapy.crawler import CrawlerProcess

    spec = get_source(source)
    process = CrawlerProcess(crawl_settings(cfg, **options))
    crawlers = []
    for first, last in ranges:
        crawler = process.create_crawler(spec.spider)
        process.crawl(crawler, date=first.isoformat(), to=last.isoformat(), **(spider_args or {}))
        crawlers.append(crawler)
    process.start()
    return merge_summaries([c.stats.get_value("pressroom/summary") or {"finish_reason": "not_started"} for c in crawlers])


def merge_summaries(summaries: list[dict[str, Any]]) -> dict[str, Any]:
    merged: dict[str, Any] = {"finish_reason": "finished", "days": {}}
    for s in summaries:
        if s.get("finish_reason") != "finished":
            merged["finish_reason"] = s.get("finish_reason")
        for key in ("fetched", "landed", "skipped", "failed", "not_found", "robots_forbidden", "errors"):
            merged[key] = merged.get(key, 0) + s.get(key, 0)
        merged["days"].update(s.get("days", {}))
    return merged


def crawl_subprocess(cfg: Config, source: str, first: date, last: date, *, mirror: str | None = None,
                     refresh: bool = False, timeout: float = 3600, stats_file: str | None = None,
                     run_uid: str | None = None, spider_args: dict[str, str] | None = None) -> dict[str, Any]:
    """Run `pressroom crawl` in a child process (a fresh reactor each time) and return its summary.

    Raises CrawlFailed with the child's stderr tail when it exits badly or leaves no summary, or
    when it runs past `timeout` seconds (it is killed).
    """
    stats_file = stats_file or tempfile.mkstemp(prefix=f"crawl-{source}-", suffix=".json")[1]
    cmd = [sys.executable, "-m", "pressroom", "--data", cfg.data, "--db", cfg.db_url, "crawl", source,
           "--date", first.isoformat(), "--to", last.isoformat(), "--stats-out", stats_file, "--no-record"]
    if mirror:
        cmd += ["--mirror", mirror]
    if refresh:
        cmd.append("--refresh")
    if run_uid:
        cmd += ["--run-uid", run_uid]
    for key, value in (spider_args or {}).items():
        cmd += ["-a", f"{key}={value}"]
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=os.environ.copy())
    except subprocess.TimeoutExpired as exc:
        tail = (exc.stderr or b"")[-2000:]
        tail = tail.decode(errors="replace") if isinstance(tail, bytes) else tail
        raise CrawlFailed(f"crawl of {source} {first}..{last} ran past its timeout of {timeout:.0f} s and was killed; "
                          f"pages landed so far are kept and a re-run resumes: {tail}") from None
    sys.stderr.write(proc.stderr[-20000:])
    try:
        summary = json.loads(Path(stats_file).read_text())
    except (FileNotFoundError, json.JSONDecodeError):
        raise CrawlFailed(f"crawl of {source} {first}..{last} left no stats (exit {proc.returncode}): {proc.stderr[-2000:]}") from None
    summary["exit_code"] = proc.returncode
    return summary


class CrawlFailed(Exception):
    pass


def crawl_problems(summary: dict[str, Any]) -> list[str]:
    """What makes a crawl a failure, judged from its stats rather than its exit code alone.

    >>> crawl_problems({"finish_reason": "finished", "failed": 0, "days": {"2024-03-27": "complete"}})
    []
    >>> crawl_problems({"finish_reason": "shutdown", "failed": 2, "days": {"2024-03-27": "partial"}})
    ['finish_reason=shutdown', '2 URLs failed', '2024-03-27: partial']
    """
    problems = []
    if summary.get("finish_reason") != "finished":
        problems.append(f"finish_reason={summary.get('finish_reason')}")
    if summary.get("failed"):
        problems.append(f"{summary['failed']} URLs failed")
    problems += [f"{day}: {status}" for day, status in sorted(summary.get("days", {}).items())
                 if status not in ("complete", "no_paper")]
    return problems


# -- parse ---------------------------------------------------------------------------------------

def parse(cfg: Config, source: str, days: list[date], progress: Progress = _quiet) -> Counter[str]:
    """Parse every landed page of each day into parsed/<source>/<day>/{documents,failures}.jsonl."""
    spec = get_source(source)
    store = LandingStore(cfg.data)
    counts: Counter[str] = Counter()
    for day in days:
        metas = [m for m in store.pages(source, day) if m["status"] == 200]
        if not metas and store.read_day(source, day) is None:
            progress(f"parse {source} {day}: nothing landed (not crawled yet?)")
            counts["days_empty"] += 1
            continue
        raw = [
            RawPage(m["url"], m["kind"], store.page_body(m), (m["headers"].get("Content-Type") or [None])[0])
            for m in metas
        ]
        result = spec.parse_day(raw)
        by_url = {m["url"]: m for m in metas}
        docs = []
        for doc in result.documents:
            row = doc.to_dict()
            row.update(content_sha256=doc.content_sha256, parser_version=spec.parser_version,
                       landed_sha256=by_url[doc.url]["sha256"], landed_path=by_url[doc.url]["body_path"],
                       **facts_of(doc))
            counts["figures"] += len([r for r in row["facts"] if r["type"] == "figure"])
            docs.append(row)
        failures = [
            {"url": f.url, "reason": f.reason, "detail": f.detail, "parser_version": spec.parser_version,
             "landed_path": by_url[f.url]["body_path"]}
            for f in result.failures
        ]
        store.put_jsonl(store.parsed_path(source, day, "documents.jsonl"), docs)
        store.put_jsonl(store.parsed_path(source, day, "failures.jsonl"), failures)
        counts["parsed"] += len(docs)
        counts["failed"] += len(failures)
        counts["days"] += 1
        progress(f"parse {source} {day}: {len(docs)} documents, {len(failures)} failures, "
                 f"{sum(1 for d in docs for r in d['facts'] if r['type'] == 'figure')} figures"
                 + "".join(f"\n  unparsed {f['url']}: {f['reason']} {f['detail']}" for f in failures))
    return counts


def facts_of(doc: Any) -> dict[str, Any]:
    """The extracted facts of a document, ready for the parsed JSONL (never raises)."""
    import hashlib

    from transforms.extract import EXTRACTOR_VERSION, extract

    try:
        result = extract(doc)
        records = result.to_records()[1:]
        if result.event:
            e = result.event
            records.append({"type": "event", "event_type": e.type, "organizer": e.organizer, "date": e.date,
                            "topic": e.topic, "evidence": e.evidence})
        records += [{"type": "problem", "text": p} for p in result.problems]
    except Exception as exc:  # an extractor bug must not lose the document
        records = [{"type": "problem", "text": f"extractor_error: {type(exc).__name__}: {exc}"}]
    blob = json.dumps(records, ensure_ascii=False, sort_keys=True).encode()
    return {"facts": records, "extractor_version": EXTRACTOR_VERSION, "facts_sha256": hashlib.sha256(blob).hexdigest()}


# -- load ----------------------------------------------------------------------------------------

def load(cfg: Config, source: str, days: list[date], run_uid: str, progress: Progress = _quiet) -> Counter[str]:
    """Load each parsed day into the warehouse, one transaction per day."""
    from warehouse.db import make_engine, upgrade
    from warehouse.loaders import load_days

    upgrade(cfg.db_url)
    engine = make_engine(cfg.db_url)
    store = LandingStore(cfg.data)
    counts: Counter[str] = Counter()
    landed = [day for day in days if store.has_day(source, day)]
    for day in sorted(set(days) - set(landed)):
        progress(f"load {source} {day}: nothing landed")
    try:
        for day, c in load_days(engine, store, source, landed, run_uid):
            counts.update(c)
            progress(f"load {source} {day}: {c['loaded']} loaded, {c['unchanged']} unchanged, {c['parse_failures']} parse failures")
    finally:
        engine.dispose()
    return counts

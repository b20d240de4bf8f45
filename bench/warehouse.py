"""Warehouse benchmarks: bulk load of figure rows (SQLite and PostgreSQL) and the indicator series
query on a warehouse of 1,000,000 figure rows.

    python bench/warehouse.py [--rows 1000000] [--load-rows 100000] [--pg postgresql+psycopg://postgres@127.0.0.1:5432/test]

Goals (issue 5): at least 20,000 figure rows/s loaded on both databases; the series query under
200 ms at 1,000,000 figure rows. Synthetic days of 40 documents with 500 figures each, over 2,000
indicators, 30 periods and two bases; with `--values repeat` (default) facts are restated across
documents and 1 mention in 100 conflicts, `--values distinct` makes every figure a new fact.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import sys
import tempfile
import time
import uuid
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import text

from pressroom.landing import LandingStore
from warehouse.db import make_engine, scratch_database, upgrade
from warehouse.loaders import load_day, load_days
from warehouse.queries import series

PER_DOC = 500
INDICATORS = [f"指标{i:04d}增加值" for i in range(2000)]
PERIODS = [f"{2020 + i // 12}-{i % 12 + 1:02d}" for i in range(30)]


def figure(rng: random.Random, i: int, values: str) -> dict:
    """One synthetic figure. `values="repeat"`: an indicator's value for a period and basis is the
    same in every document that states it, except 1 in 100 mentions that states another (a
    conflict), as in real reporting; `values="distinct"`: every figure a fact of its own (worst case)."""
    ind, period, basis = rng.choice(INDICATORS), rng.choice(PERIODS), rng.choice(["yoy", "mom"])
    if values == "distinct" or rng.random() < 0.01:
        value = round(rng.uniform(-5, 15), 1)
    else:
        value = round(random.Random(f"{ind}{period}{basis}").uniform(-5, 15), 1)
    return {"type": "figure", "fig_id": f"F{i}", "category": "growth_rate", "primary": True,
            "indicator": {"text": ind, "full_text": ind, "qualifiers": [], "parent": None},
            "value": value, "value_text": "", "unit": "pct", "unit_text": "%", "scale": 1,
            "value_base": value, "basis": basis, "direction": "up",
            "period": {"text": "", "canonical": period, "type": "month"}, "streak": None,
            "is_target": False, "speaker": None, "agency": None, "paragraph": 0, "evidence": {"text": f"句子{i}。"}}


def write_day(store: LandingStore, day: date, docs: int, seed: int, values: str = "repeat", source: str = "bench") -> int:
    rng = random.Random(seed)
    rows = []
    for d in range(docs):
        facts = [figure(rng, i, values) for i in range(PER_DOC)]
        rows.append({"url": f"http://{source}.example/{day}/{d}.htm", "source": source, "publisher": source, "title": f"文{d}",
                     "pub_date": day.isoformat(), "paragraphs": [{"kind": "body", "text": "正文。"}], "editors": [],
                     "captions": [], "content_sha256": uuid.uuid4().hex, "parser_version": "bench",
                     "extractor_version": "bench", "facts_sha256": uuid.uuid4().hex, "facts": facts})
    store.put_jsonl(store.parsed_path(source, day, "documents.jsonl"), rows)
    store.put_jsonl(store.parsed_path(source, day, "failures.jsonl"), [])
    store.write_day(source, day, {"status": "complete", "outcomes": []})
    return docs * PER_DOC


def bench_db(url: str, tmp: Path, total_rows: int, load_rows: int, values: str) -> dict:
    upgrade(url)
    engine = make_engine(url)
    store = LandingStore(str(tmp / "landing"))
    day0 = date(2024, 1, 1)
    docs_per_day = max(1, 20_000 // PER_DOC)
    days = max(1, total_rows // (docs_per_day * PER_DOC))
    timed_days = max(1, load_rows // (docs_per_day * PER_DOC))
    day_list = [day0 + timedelta(days=n) for n in range(days)]
    rows = sum(write_day(store, day, docs_per_day, seed=n, values=values) for n, day in enumerate(day_list))
    timed_rows = timed_days * docs_per_day * PER_DOC
    start = time.perf_counter()
    for n, _ in enumerate(load_days(engine, store, "bench", day_list, "bench")):  # as `pressroom load` does
        if n + 1 == timed_days:
            loaded_s = time.perf_counter() - start
        if n % 10 == 9:
            print(f"  {engine.dialect.name}: {(n + 1) * docs_per_day * PER_DOC:,} figure rows loaded", file=sys.stderr, flush=True)
    all_s = time.perf_counter() - start
    again = time.perf_counter()
    load_day(engine, store, "bench", day0, "bench-again")  # idempotent re-run of a day
    again = time.perf_counter() - again
    with engine.connect() as conn:
        n_figures = conn.scalar(text("SELECT COUNT(*) FROM figures"))
        n_facts = conn.scalar(text("SELECT COUNT(*) FROM facts"))
        timings = []
        rng = random.Random(7)
        for _ in range(25):
            ind = rng.choice(INDICATORS)
            start = time.perf_counter()
            points = series(conn, ind)
            timings.append((time.perf_counter() - start) * 1000)
    engine.dispose()
    return {"db": engine.dialect.name, "figures": n_figures, "facts": n_facts, "load_rows_per_s": timed_rows / loaded_s, "all_rows_per_s": rows / all_s,
            "reload_day_s": again, "series_ms_median": statistics.median(timings), "series_ms_max": max(timings),
            "points": len(points)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=1_000_000, help="figure rows in the warehouse for the series query")
    ap.add_argument("--load-rows", type=int, default=100_000, help="figure rows over which the load rate is timed")
    ap.add_argument("--values", choices=["repeat", "distinct"], default="repeat",
                    help="repeat: facts restated across documents, 1%% conflicting (real reporting); distinct: every figure a new fact")
    ap.add_argument("--pg", default="postgresql+psycopg://postgres@127.0.0.1:5432/test", help="admin URL; '' to skip")
    args = ap.parse_args()
    print(f"machine: {platform.machine()} {os.cpu_count()} cores, Python {platform.python_version()}, {time.strftime('%Y-%m-%d')}; "
          f"values: {args.values}")
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        results.append(bench_db(f"sqlite:///{tmp}/bench.db", Path(tmp) / "s", args.rows, args.load_rows, args.values))
        if args.pg:
            with scratch_database(args.pg, "pressroom_bench") as url:
                results.append(bench_db(url, Path(tmp) / "p", args.rows, args.load_rows, args.values))
    for r in results:
        print(f"{r['db']:<10} figures {r['figures']:>9,}  facts {r['facts']:>9,}  bulk load {r['load_rows_per_s']:>7,.0f} rows/s over the first "
              f"{args.load_rows:,}, {r['all_rows_per_s']:>7,.0f} over all (goal >= 20,000)  re-run of a day {r['reload_day_s']:.2f} s  series query median {r['series_ms_median']:.1f} ms, "
              f"max {r['series_ms_max']:.1f} ms (goal < 200 ms)")


if __name__ == "__main__":
    main()

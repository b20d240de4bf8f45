"""Extraction throughput on the gold articles (../shared/gold): documents already read, then
figures, speakers, measures and the event extracted, on one core.

    python bench/extraction.py [--seconds 3]

Goal (issue 3): at least 500 articles/s on one core.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pressroom.extracting import read_document  # noqa: E402
from transforms.extract import extract  # noqa: E402

GOLD = ROOT.parent / "shared" / "gold"


def documents() -> list:
    docs = []
    for gold in sorted(GOLD.glob("*.gold.jsonl")):
        rec = json.loads(gold.read_text().splitlines()[0])
        src = GOLD.parent / rec["source_file"]
        pub = date.fromisoformat(rec["pub_date"]) if rec.get("pub_date") else None
        docs.append((src.read_bytes(), rec.get("url"), pub))
    return docs


def rate(fn, items, seconds: float) -> tuple[float, int]:
    n, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        for item in items:
            fn(item)
        n += len(items)
    return n / (time.perf_counter() - start), n


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seconds", type=float, default=3.0)
    args = ap.parse_args()
    os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    raw = documents()
    parsed = [read_document(data, url=url, pub_date=pub)[0] for data, url, pub in raw]
    chars = sum(len(p.text) for d in parsed for p in d.paragraphs) // len(parsed)
    ex_rate, n = rate(extract, parsed, args.seconds)
    both_rate, m = rate(lambda t: extract(read_document(t[0], url=t[1], pub_date=t[2])[0]), raw, args.seconds)
    print(f"machine: {platform.machine()} {os.cpu_count()} cores, Python {platform.python_version()}, {time.strftime('%Y-%m-%d')}")
    print(f"gold articles: {len(parsed)} (avg {chars:,} characters of body text)")
    print(f"extraction only, 1 core: {ex_rate:,.0f} articles/s over {n} runs  (goal >= 500)")
    print(f"read page + extract, 1 core: {both_rate:,.0f} articles/s over {m} runs")


if __name__ == "__main__":
    main()

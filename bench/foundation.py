"""Foundation benchmarks: parse throughput on e-paper article pages, and one fixture day end to end.

    python bench/foundation.py [--seconds 3]

Goals (issue 2): parsing ≥ 300 pages/s on one core; one fixture day through the mirror, with
politeness delays off, in under 10 s wall time.
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pressroom.mirror import MirrorServer  # noqa: E402
from pressroom.samplesite import SAMPLE_DAYS, SAMPLE_SITE  # noqa: E402
from transforms import rmrb_patterns as P  # noqa: E402
from transforms.rmrb_article import parse_article  # noqa: E402


def article_pages() -> list[tuple[str, bytes]]:
    pages = []
    for path in sorted(SAMPLE_SITE.rglob("*.htm*")):
        url = "http://" + path.relative_to(SAMPLE_SITE).as_posix()
        if P.classify_url(url)[0] == "article":
            pages.append((url, path.read_bytes()))
    return pages


def seed_page() -> list[tuple[str, bytes]]:
    """The seed article (10 KB of text) in a G2 page, when ../shared is beside the checkout."""
    from datetime import date

    from pressroom.sample_articles import SampleArticle
    from pressroom.samplesite import render_article

    seed = ROOT.parent / "shared/seeds/rmrb_20240327_p03_seed.txt"
    if not seed.exists():
        return []
    lines = [ln.strip() for ln in seed.read_text().splitlines() if ln.strip()]
    page = render_article("G2", date(2024, 3, 27), "03", "要闻", SampleArticle(title=lines[0], paragraphs=lines[2:]))
    return [(P.BASE + "/rmrb/html/2024-03/27/nw.D110000renmrb_20240327_1-03.htm", page.encode())]


def bench_parse(pages: list[tuple[str, bytes]], seconds: float) -> tuple[float, int, int]:
    n = 0
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        for url, body in pages:
            parse_article(body, url)
        n += len(pages)
    elapsed = time.perf_counter() - start
    return n / elapsed, n, sum(len(b) for _, b in pages) // len(pages)


def bench_end_to_end() -> tuple[float, str]:
    day = SAMPLE_DAYS["G2"].isoformat()
    with tempfile.TemporaryDirectory() as tmp, MirrorServer(SAMPLE_SITE) as mirror:
        cmd = [sys.executable, "-m", "pressroom", "--data", f"{tmp}/landing", "--db", f"sqlite:///{tmp}/w.db",
               "run", "rmrb", "--date", day, "--mirror", mirror.url, "--delay", "0", "-q"]
        start = time.perf_counter()
        out = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, check=True)
        return time.perf_counter() - start, out.stdout.strip().splitlines()[-1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seconds", type=float, default=3.0, help="how long to run the parse loop")
    args = ap.parse_args()
    os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core
    wall, summary = bench_end_to_end()
    print(f"machine: {platform.node()} {platform.machine()} {os.cpu_count()} cores, Python {platform.python_version()}, {time.strftime('%Y-%m-%d')}")
    for label, pages in (("sample-site article pages", article_pages()), ("seed article page", seed_page())):
        if not pages:
            continue
        rate, n, avg = bench_parse(pages, args.seconds)
        print(f"parse throughput, {label} ({len(pages)} pages, ~{avg / 1024:.1f} KiB each, {n} parses, 1 core): {rate:,.0f} pages/s  (goal >= 300)")
    print(f"one fixture day end to end through the mirror, politeness off: {wall:.2f} s wall  (goal < 10 s)")
    print(f"  {summary}")


if __name__ == "__main__":
    main()

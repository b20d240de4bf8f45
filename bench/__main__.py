"""pressroom's benchmarks in one run, from the repository root:

    python -m bench [--json] [--pure] [--seconds 3] [--ratio-runs 3] [--load-rows 100000] [--pg postgresql+psycopg://postgres@127.0.0.1:5432/test | --pg '']

Prints the machine, then: peak memory of a day's crawl, parse pages/s, extract articles/s, parse
and extract together against trafilatura's extract() on the same real pages, bulk load rows/s on
SQLite and PostgreSQL, and a fixture day end to end. --json prints the same figures as one JSON
object. Goals (issue 7): parse + extract at least 10× trafilatura; a day's crawl under 300 MB.
The machine line says which extractor ran: compiled with mypyc at install, or pure Python
(--pure asks for it; transforms/extract/native.py).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def machine() -> dict[str, object]:
    cpu = next((ln.split(":", 1)[1].strip() for ln in Path("/proc/cpuinfo").read_text().splitlines()
                if ln.startswith("model name")), platform.processor()) if Path("/proc/cpuinfo").exists() else platform.processor()
    mem = next((int(ln.split()[1]) // 1024 for ln in Path("/proc/meminfo").read_text().splitlines()
                if ln.startswith("MemTotal")), None) if Path("/proc/meminfo").exists() else None
    from transforms.extract import BUILD

    return {"date": time.strftime("%Y-%m-%d"), "cpu": cpu, "cores": os.cpu_count(), "memory_mib": mem,
            "os": f"{platform.system()} {platform.release()}", "python": platform.python_version(), "extractor": BUILD}


def crawl_peak_memory() -> dict[str, object]:
    """Peak RSS of `pressroom crawl` for one sample day through the mirror (a child process of its own)."""
    from pressroom.mirror import MirrorServer
    from pressroom.samplesite import SAMPLE_DAYS, SAMPLE_SITE

    day = SAMPLE_DAYS["G2"].isoformat()
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    with tempfile.TemporaryDirectory() as tmp, MirrorServer(SAMPLE_SITE) as mirror:
        out = subprocess.run([sys.executable, "-m", "pressroom", "--data", f"{tmp}/landing", "--db", f"sqlite:///{tmp}/w.db",
                              "crawl", "rmrb", "--date", day, "--mirror", mirror.url, "--delay", "0", "-q"],
                             capture_output=True, text=True, cwd=ROOT, check=True)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # KiB on Linux: the largest child so far
    return {"crawl_peak_rss_mb": round(max(peak, before) / 1024, 1), "crawl_summary": out.stdout.strip().splitlines()[-1]}


def parse_and_extract_vs_trafilatura(seconds: float, runs: int = 1) -> dict[str, object]:
    """Our parser + extractor, and trafilatura.extract(), each over the same real article pages.
    `runs` measurements of 2 × `seconds` each: the ratio is their median, the throughputs are
    over all of them, and each run's ratio is listed (a shared VM's spells move them)."""
    from bench.fuzz import seeds
    from transforms.rmrb_layout import parse_layout

    pages = [s for s in seeds() if s.parser is not parse_layout]

    def ours() -> None:
        our_pass(pages)

    def theirs() -> None:
        trafilatura_pass(pages)

    # the two take turns in blocks of about half a second, so that the machine speeding up or
    # slowing down (a shared VM does, by ±10 % over seconds) weighs on both alike, while each
    # block runs warm (pass by pass, the short one would always start with caches the other filled)
    ours(), theirs()  # warm
    spent = {"ours": 0.0, "theirs": 0.0}
    done = {"ours": 0, "theirs": 0}
    ratios = []
    for _ in range(runs):
        run_spent = {"ours": 0.0, "theirs": 0.0}
        run_done = {"ours": 0, "theirs": 0}
        start = time.perf_counter()
        while time.perf_counter() - start < 2 * seconds:
            for name, fn in (("ours", ours), ("theirs", theirs)):
                t0 = time.perf_counter()
                while True:
                    fn()
                    run_done[name] += 1
                    if time.perf_counter() - t0 >= 0.5:
                        break
                run_spent[name] += time.perf_counter() - t0
        ratios.append(round(run_done["ours"] / run_spent["ours"] / (run_done["theirs"] / run_spent["theirs"]), 1))
        for name in spent:
            spent[name] += run_spent[name]
            done[name] += run_done[name]
    passes = min(done.values()) // runs
    ours_rate, theirs_rate = done["ours"] * len(pages) / spent["ours"], done["theirs"] * len(pages) / spent["theirs"]
    per_template = {}
    for name in sorted({s.name.split(" G")[0] for s in pages}):
        group = [s for s in pages if s.name.split(" G")[0] == name]
        per_template[name] = round(_time(lambda: trafilatura_pass(group)) / _time(lambda: our_pass(group)), 1)
    return {"pages": len(pages), "templates": sorted(per_template), "passes": passes,
            "parse_extract_pages_per_s": round(ours_rate, 1), "trafilatura_pages_per_s": round(theirs_rate, 1),
            "ratio_vs_trafilatura": round(statistics.median(ratios), 2), "ratio_runs": ratios, "ratio_by_template": per_template}


def our_pass(pages: list) -> None:  # type: ignore[type-arg]
    from transforms.extract import extract
    from transforms.records import ParseFailure

    for s in pages:
        try:
            extract(s.parser(s.body, s.url, s.content_type))
        except ParseFailure:
            pass


def trafilatura_pass(pages: list) -> None:  # type: ignore[type-arg]
    import trafilatura

    for s in pages:
        trafilatura.extract(s.body, url=s.url)


def _time(fn, repeat: int = 5) -> float:  # type: ignore[no-untyped-def]
    """The best of a few timings of fn: for the per-template ratios, small and indicative."""
    fn()
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def main() -> None:
    ap = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    ap.add_argument("--json", action="store_true", help="print one JSON object instead of the table")
    ap.add_argument("--pure", action="store_true", help="run the pure Python extractor even where the install compiled it")
    ap.add_argument("--seconds", type=float, default=3.0, help="time per throughput figure")
    ap.add_argument("--ratio-runs", type=int, default=3, metavar="N",
                    help="measure the ratio to trafilatura N times and report the median and every run "
                         "(default 3: one run on a shared VM moves by a tenth between spells; 5 for a steadier median)")
    ap.add_argument("--load-rows", type=int, default=100_000, help="figure rows per bulk-load measurement")
    ap.add_argument("--pg", default="postgresql+psycopg://postgres@127.0.0.1:5432/test", help="admin URL; '' to skip PostgreSQL")
    args = ap.parse_args()
    if args.pure:  # native.PURE_ENV, set before anything imports transforms.extract (importing
        os.environ["PRESSROOM_PURE_PYTHON"] = "1"  # native.py would); the crawl's child inherits it
    say = (lambda *_: None) if args.json else (lambda msg: print(msg, file=sys.stderr, flush=True))

    from bench.extraction import documents, rate, read_document
    from bench.foundation import article_pages, bench_end_to_end, bench_parse
    from bench.warehouse import bench_db
    from transforms.extract import extract
    from warehouse.db import scratch_database

    result: dict[str, object] = {"machine": machine()}
    say("crawl of one day (peak memory) …")
    result["crawl"] = crawl_peak_memory()  # first: the children's peak is a maximum over all of them
    say("parse throughput …")
    parse_rate, n, size = bench_parse(article_pages(), args.seconds)
    result["parse"] = {"pages_per_s": round(parse_rate, 1), "page_bytes": size, "core": 1}
    say("extraction throughput …")
    docs = [read_document(data, url=url, pub_date=pub)[0] for data, url, pub in documents()]
    ex_rate, _ = rate(extract, docs, args.seconds)
    result["extract"] = {"articles_per_s": round(ex_rate, 1), "articles": len(docs), "core": 1}
    say("parse + extract against trafilatura …")
    result["vs_trafilatura"] = parse_and_extract_vs_trafilatura(args.seconds, args.ratio_runs)
    loads = {}
    with tempfile.TemporaryDirectory() as tmp:
        say("bulk load, SQLite …")
        loads["sqlite"] = bench_db(f"sqlite:///{tmp}/bench.db", Path(tmp) / "s", args.load_rows, args.load_rows, "repeat")
        if args.pg:
            say("bulk load, PostgreSQL …")
            with scratch_database(args.pg, "pressroom_bench") as url:
                loads["postgresql"] = bench_db(url, Path(tmp) / "p", args.load_rows, args.load_rows, "repeat")
    result["load"] = {db: {"rows_per_s": round(r["load_rows_per_s"]), "rows": r["figures"]} for db, r in loads.items()}
    say("one fixture day end to end …")
    wall, summary = bench_end_to_end()
    result["end_to_end"] = {"seconds": round(wall, 2), "summary": summary}

    if args.json:
        print(json.dumps(result, ensure_ascii=False))
        return
    m = result["machine"]
    vs = result["vs_trafilatura"]
    rows = [
        ("machine", f"{m['cpu']}, {m['cores']} cores, {m['memory_mib']} MiB, {m['os']}, Python {m['python']}, {m['date']}", ""),
        ("extractor", str(m["extractor"]), ""),
        ("crawl of a day, peak memory", f"{result['crawl']['crawl_peak_rss_mb']} MB", "< 300 MB"),
        ("parse (e-paper articles)", f"{result['parse']['pages_per_s']:,} pages/s", ">= 300"),
        ("extract (gold articles)", f"{result['extract']['articles_per_s']:,} articles/s", ">= 500"),
        ("parse + extract, real pages", f"{vs['parse_extract_pages_per_s']:,} pages/s ({vs['pages']} pages)", ""),
        ("trafilatura extract(), same pages", f"{vs['trafilatura_pages_per_s']:,} pages/s", ""),
        ("ratio", f"{vs['ratio_vs_trafilatura']}x trafilatura ("
         + (f"median of {len(vs['ratio_runs'])} runs: {', '.join(map(str, sorted(vs['ratio_runs'])))}; " if len(vs["ratio_runs"]) > 1 else "")
         + f"alternating half-second blocks, {vs['passes']}+ passes each)", ">= 10x"),
        ("ratio by template", ", ".join(f"{k} {v}x" for k, v in vs["ratio_by_template"].items()), ""),
        *[(f"bulk load, {db}", f"{r['rows_per_s']:,} figure rows/s", ">= 20,000") for db, r in result["load"].items()],
        ("fixture day end to end", f"{result['end_to_end']['seconds']} s", "< 10 s"),
    ]
    width = max(len(r[0]) for r in rows)
    for name, value, goal in rows:
        print(f"{name:<{width}}  {value}" + (f"   (goal {goal})" if goal else ""))


if __name__ == "__main__":
    main()

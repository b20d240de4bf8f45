"""Fuzz the page parsers and the extractor with mutated real pages (hypothesis): truncations,
deleted, doubled and swapped spans, flipped and inserted bytes, stray markup and figure words.
A parser may refuse a page only with ParseFailure (the recorded parse failure); the extractor
may not raise at all. The suite runs a short round (tests/test_fuzz.py); this runs a long one:

    python bench/fuzz.py [--examples 5000] [--seed N]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from pressroom.samplesite import SAMPLE_SITE  # noqa: E402
from transforms.extract import extract  # noqa: E402
from transforms.govcn import parse_govcn  # noqa: E402
from transforms.people import parse_people  # noqa: E402
from transforms.records import ParseFailure  # noqa: E402
from transforms.rmrb_article import parse_article  # noqa: E402
from transforms.rmrb_layout import parse_layout  # noqa: E402
from transforms.scio import parse_scio  # noqa: E402
from transforms.stats import parse_stats  # noqa: E402

SHARED = ROOT.parent / "shared" / "corpus"


@dataclass(frozen=True)
class Seed:
    name: str
    parser: Callable = field(repr=False)
    url: str = ""
    body: bytes = field(default=b"", repr=False)
    content_type: str | None = "text/html"


def _first(folder: Path, pattern: str) -> Path:
    return sorted(folder.glob(pattern))[0]


def seeds() -> list[Seed]:
    """Real pages of every template: the sample e-paper (three generations) and the saved corpus."""
    site = SAMPLE_SITE / "paper.people.com.cn" / "rmrb"
    out = []
    for n, article in enumerate([_first(site / "html/2019-06/14", "nw.*.htm"), _first(site / "html/2024-03/27", "nw.*.htm"),
                                 _first(site / "pc/content/202501/15", "content_*.html")]):
        url = "http://" + str(article.relative_to(SAMPLE_SITE))
        out.append(Seed(f"rmrb article G{n + 1}", parse_article, url, article.read_bytes()))
    for layout in [_first(site / "html/2024-03/27", "nbs.*.htm"), _first(site / "pc/layout/202501/15", "node_*.html")]:
        out.append(Seed("rmrb layout", parse_layout, "http://" + str(layout.relative_to(SAMPLE_SITE)), layout.read_bytes()))
    manifest = {}
    for m in (SHARED / "gov" / "MANIFEST.tsv", SHARED / "rmrb" / "MANIFEST.tsv"):
        for line in m.read_text().splitlines()[1:]:
            cols = line.split("\t")
            manifest[(m.parent / cols[0])] = cols[1].split(" ")[0]
    for path, url in manifest.items():
        if not path.is_file() or path.suffix not in (".html", ".htm"):
            continue
        if "www.gov.cn/policy" in str(path):
            out.append(Seed("govcn policy", parse_govcn, url, path.read_bytes()))
        elif "stats.gov.cn/release" in str(path):
            out.append(Seed("stats release", parse_stats, url, path.read_bytes()))
        elif "scio.gov.cn" in str(path) and "list" not in str(path):
            out.append(Seed("scio page", parse_scio, url, path.read_bytes()))
        elif "/portal/" in str(path):
            out.append(Seed("people article", parse_people, url, path.read_bytes()))
    # no real SCIO page exists in ../shared: the faithful fixture the SCIO tests use (tests/sites.py)
    import tempfile

    from tests.sites import scio_site

    with tempfile.TemporaryDirectory() as tmp:
        for page in sorted(scio_site(Path(tmp)).rglob("t2024*.html")):
            url = "https://" + str(page.relative_to(tmp))
            out.append(Seed("scio page", parse_scio, url, page.read_bytes()))
    return out


#: Fragments worth splicing in: markup that opens or closes structure, and the words figures,
#: speakers and measures hang on.
FRAGMENTS = [b"<", b">", b"</div>", b"<p>", b"</p>", b"<table><tr><td>", b"<h1>", b"<!--", b"]]>", b"\x00", b"\xff\xfe",
             "同比增长".encode(), "%".encode(), "百分点".encode(), "一是".encode(), "主要从3个方面".encode(),
             "新闻发言人".encode(), "介绍".encode(), "亿元".encode(), "1—2月".encode(), "《 人民日报 》".encode(),
             '<meta charset="gb2312">'.encode(), "&#x".encode(), "&nbsp;".encode()]


#: Ways a page is damaged: cut off, a span deleted or doubled, a byte changed, bytes or a fragment
#: put in, a span moved.
KINDS = ["truncate", "delete", "double", "flip", "insert", "fragment", "swap"]


def apply_mutation(body: bytearray, kind: str, i: int, j: int, value: Any = None) -> None:
    """One mutation of `body` in place, at i (to j): `value` is the byte of a flip, the bytes of an
    insert or a fragment, the place a swap moves the span to.

    >>> b = bytearray(b"abcdef"); apply_mutation(b, "swap", 0, 2, 9); bytes(b)
    b'cdefab'
    """
    if kind == "truncate":
        del body[i:]
    elif kind == "delete":
        del body[i:j]
    elif kind == "double":
        body[i:i] = body[i:j]
    elif kind == "flip" and body:
        body[i] = value
    elif kind in ("insert", "fragment"):
        body[i:i] = value
    elif kind == "swap" and j > i:
        chunk = bytes(body[i:j])
        del body[i:j]
        k = min(value, len(body))
        body[k:k] = chunk


@st.composite
def mutated(draw: st.DrawFn, pool: list[Seed]) -> tuple[Seed, bytes]:
    seed = draw(st.sampled_from(pool))
    body = bytearray(seed.body)
    for _ in range(draw(st.integers(1, 6))):
        n = len(body)
        i = draw(st.integers(0, max(n - 1, 0)))
        j = draw(st.integers(i, min(n, i + 2000)))
        kind = draw(st.sampled_from(KINDS))
        value = {"flip": st.integers(0, 255), "insert": st.binary(min_size=1, max_size=16),
                 "fragment": st.sampled_from(FRAGMENTS), "swap": st.integers(0, max(n - 1, 0))}.get(kind)
        apply_mutation(body, kind, i, j, draw(value) if value is not None else None)
    return seed, bytes(body)


def check(seed: Seed, body: bytes, tally: Counter[str] | None = None) -> None:
    """The property: a ParseFailure or a document; the document's facts extracted without error."""
    try:
        parsed = seed.parser(body, seed.url, seed.content_type)
    except ParseFailure:
        if tally is not None:
            tally["refused (ParseFailure)"] += 1
        return
    if seed.parser is parse_layout:
        if tally is not None:
            tally["layouts parsed"] += 1
        return
    parsed.to_dict()
    extract(parsed).to_records()
    if tally is not None:
        tally["documents extracted"] += 1


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--examples", type=int, default=5000)
    ap.add_argument("--seed", type=int, default=None, help="hypothesis seed, to repeat a run")
    args = ap.parse_args()
    pool = seeds()
    tally: Counter[str] = Counter()

    @settings(max_examples=args.examples, deadline=None, database=None, derandomize=args.seed is not None,
              suppress_health_check=list(HealthCheck))
    @given(case=mutated(pool))
    def run(case: tuple[Seed, bytes]) -> None:
        check(*case, tally)

    start = time.perf_counter()
    run()
    took = time.perf_counter() - start
    print(f"{sum(tally.values()):,} mutated pages from {len(pool)} real ones in {took:.0f} s, no unhandled exception: "
          + ", ".join(f"{k} {v:,}" for k, v in tally.most_common()))


if __name__ == "__main__":
    main()

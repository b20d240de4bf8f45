"""Every parser's documents and the extractor's records for the seed pages of every template, the
sample site's e-paper pages, the gold articles and a fixed set of mutated pages, as one JSON file.
A change meant to be faster, not different, must leave the file byte for byte the same:

    python bench/same_output.py /tmp/before.json     # on the code before the change
    python bench/same_output.py /tmp/after.json      # after it
    cmp /tmp/before.json /tmp/after.json
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.extraction import documents, read_document  # noqa: E402
from bench.fuzz import FRAGMENTS, KINDS, apply_mutation, seeds  # noqa: E402
from pressroom.samplesite import SAMPLE_SITE  # noqa: E402
from transforms.extract import extract  # noqa: E402
from transforms.records import ParseFailure  # noqa: E402
from transforms.rmrb_article import parse_article  # noqa: E402
from transforms.rmrb_layout import parse_layout  # noqa: E402

TODAY = date(2026, 1, 1)  # the extractor's anchor for a document without a date: fixed, not today


def outcome(parser, body: bytes, url: str, content_type: str | None) -> Any:  # type: ignore[no-untyped-def]
    """What a parser and the extractor make of a page: records, a layout, or the failure."""
    try:
        doc = parser(body, url, content_type)
    except ParseFailure as exc:
        return ["FAIL", exc.reason, str(exc)]
    if parser is parse_layout:
        return ["LAYOUT", repr(doc)]
    return [doc.to_dict(), extract(doc, today=TODAY).to_records()]


def mutate(body: bytes, rng: random.Random) -> bytes:
    """A page damaged in one to four of bench/fuzz.py's ways, by a fixed random sequence."""
    out = bytearray(body)
    for _ in range(rng.randint(1, 4)):
        n = len(out)
        i = rng.randrange(max(n, 1))
        j = min(n, i + rng.randint(0, 2000))
        kind = rng.choice(KINDS)
        value = {"flip": lambda: rng.randrange(256), "insert": lambda: rng.randbytes(rng.randint(1, 16)),
                 "fragment": lambda: rng.choice(FRAGMENTS), "swap": lambda: rng.randrange(max(n, 1))}.get(kind, lambda: None)()
        apply_mutation(out, kind, i, j, value)
    return bytes(out)


def seed_pages(copies: int, seed: int) -> list[tuple[str, bytes]]:
    """(name, bytes) of every seed page (bench/fuzz.py) and `copies` damaged copies of each."""
    rng = random.Random(seed)
    out = []
    for s in seeds():
        out.append((s.name, s.body))
        out += [(f"{s.name} (damaged {k})", mutate(s.body, rng)) for k in range(copies)]
    return out


def main() -> None:
    ap = argparse.ArgumentParser(prog="python bench/same_output.py", description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path, help="JSON file to write")
    ap.add_argument("--mutations", type=int, default=1500, help="mutated seed pages (default 1500)")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()

    found: dict[str, Any] = {}
    pool = seeds()
    for s in pool:
        found[f"seed {s.name} {s.url}"] = outcome(s.parser, s.body, s.url, s.content_type)
    site = SAMPLE_SITE / "paper.people.com.cn" / "rmrb"
    for page in sorted(site.rglob("*.htm*")):
        url = "http://" + str(page.relative_to(SAMPLE_SITE))
        parser = parse_layout if ("nbs" in page.name or "node_" in page.name) else parse_article
        found[f"site {url}"] = outcome(parser, page.read_bytes(), url, "text/html")
    for data, url, pub in documents():
        doc, _ = read_document(data, url=url, pub_date=pub)
        found[f"gold {url}"] = [doc.to_dict(), extract(doc).to_records()]
    rng = random.Random(args.seed)
    for k in range(args.mutations):
        s = rng.choice(pool)
        found[f"mutation {k} {s.name}"] = outcome(s.parser, mutate(s.body, rng), s.url, s.content_type)
    args.out.write_text(json.dumps(found, ensure_ascii=False, indent=0, sort_keys=True, default=str))
    print(f"{len(found)} pages, sha256 {hashlib.sha256(args.out.read_bytes()).hexdigest()[:16]}: {args.out}")


if __name__ == "__main__":
    main()

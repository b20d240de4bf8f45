"""A short fuzzing round in the suite (bench/fuzz.py runs long ones): mutated real pages of every
template through the parsers and the extractor; nothing but a ParseFailure may come out."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings

from bench.fuzz import check, mutated, seeds

POOL = seeds()


def test_the_seed_pool_covers_every_parser() -> None:
    assert {s.name.split(" G")[0] for s in POOL} >= {"rmrb article", "rmrb layout", "govcn policy", "stats release", "scio page",
                                                     "people article"}


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(case=mutated(POOL))
def test_mutated_pages_are_parsed_or_refused_never_crash(case) -> None:  # type: ignore[no-untyped-def]
    check(*case)


#: Dates a damaged page may print: no such month, day, hour or year.
IMPOSSIBLE = [
    (r"(\d{4})年(\d{1,2})月(\d{1,2})日", "2024年13月45日"),
    (r"(\d{4})-(\d{2})-(\d{2})", "2024-13-45"),
    (r"(\d{2}):(\d{2})", "25:61"),
    (r"(\d{4})年", "0000年"),
    (r"(\d{4})-(\d{2})/(\d{2})", "2024-13/45"),  # e-paper links (rmrb/html/2024-03/27/…), read by classify_url
]


@pytest.mark.parametrize("pattern,replacement", IMPOSSIBLE)
def test_pages_printing_impossible_dates_are_parsed_or_refused_never_crash(pattern: str, replacement: str) -> None:
    """A mutated page found a print line of 2024年13月… raising ValueError out of the article parser;
    every parser read dates the same way (published times, list dates, metadata tables), and the
    extractor anchored a document to a year 0000. Every seed page with each of its dates made
    impossible must give a document or a ParseFailure, and the document must extract."""
    changed = 0
    for seed in POOL:
        text = seed.body.decode("utf-8", "replace")
        bad = re.sub(pattern, replacement, text)
        if bad != text:
            changed += 1
            check(seed, bad.encode("utf-8"))
            for url in (seed.url, re.sub(r"t\d{8}_", "t20241345_", seed.url)):
                check(replace(seed, url=url), bad.encode("utf-8"))
    assert changed >= 5

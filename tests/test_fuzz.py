"""A short fuzzing round in the suite (bench/fuzz.py runs long ones): mutated real pages of every
template through the parsers and the extractor; nothing but a ParseFailure may come out."""

from __future__ import annotations

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

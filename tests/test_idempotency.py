"""Idempotency as a property: loading the landed sample days any number of times, in any order and
in any grouping of ranges, leaves the warehouse with the same content checksums as loading each
once; a reparse in between changes nothing either."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pressroom.config import Config
from pressroom.samplesite import SAMPLE_DAYS
from pressroom.stages import load, parse
from tests.conftest import run_cli, warehouse_checksums

DAYS = sorted(SAMPLE_DAYS.values())


@pytest.fixture(scope="module")
def landed(tmp_path_factory, sample_mirror) -> Config:  # type: ignore[no-untyped-def]
    root = tmp_path_factory.mktemp("idem")
    cfg = Config(str(root / "landing"), f"sqlite:///{root / 'reference.db'}", "test")
    for day in DAYS:
        result = run_cli(cfg, "crawl", "rmrb", "--date", day.isoformat(), "--mirror", sample_mirror.url, "-q")
        assert result.returncode == 0, result.stderr
    parse(cfg, "rmrb", DAYS)
    load(cfg, "rmrb", DAYS, "reference")
    return cfg


steps = st.lists(st.one_of(
    st.lists(st.sampled_from(DAYS), min_size=1, max_size=3).map(lambda ds: ("load", ds)),  # a load of some days, any order
    st.sampled_from(DAYS).map(lambda d: ("reparse", [d])),
), min_size=1, max_size=6)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(plan=steps)
def test_any_order_and_repetition_gives_the_same_warehouse(landed, tmp_path_factory, plan: list[tuple[str, list[date]]]) -> None:
    reference = warehouse_checksums(landed.db_url)
    cfg = Config(landed.data, f"sqlite:///{tmp_path_factory.mktemp('run') / 'w.db'}", "test")
    for n, (step, days) in enumerate(plan):
        if step == "reparse":
            parse(cfg, "rmrb", days)
        load(cfg, "rmrb", days, f"run-{n}")
    load(cfg, "rmrb", DAYS, "last")  # every day at least once
    assert warehouse_checksums(cfg.db_url) == reference

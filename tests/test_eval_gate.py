"""The evaluation gate: the extractor on every gold article, scored by the reference scorer,
must stay at or above the floors pinned in pressroom/eval_floors.json."""

from __future__ import annotations

import json

import pytest

from pressroom.evaluate import GATED, below_floors, evaluate, raise_floors, read_floors


@pytest.fixture(scope="module")
def scores(shared):
    return evaluate(shared / "gold")


def test_every_gold_file_is_scored(scores, shared) -> None:
    assert set(scores["files"]) == {p.name[: -len(".gold.jsonl")] for p in (shared / "gold").glob("*.gold.jsonl")}


def test_scores_stay_at_or_above_the_pinned_floors(scores) -> None:
    floors = read_floors()
    assert set(floors) == set(GATED)
    assert below_floors(scores["total"], floors) == []


def test_floors_only_move_up(tmp_path) -> None:
    path = tmp_path / "floors.json"
    path.write_text(json.dumps({k: 0.5 for k in GATED}))
    assert raise_floors({k: 0.4 for k in GATED}, path) == {k: 0.5 for k in GATED}
    assert raise_floors({k: 0.6789 for k in GATED}, path) == {k: 0.678 for k in GATED}
    assert below_floors({k: 0.6 for k in GATED}, read_floors(path)) != []

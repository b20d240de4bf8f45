"""The evaluation gate: the extractor on every gold article, scored by the reference scorer, per
part of the split (tuning and test), must stay at or above the floors pinned in
pressroom/eval_floors.json."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from pressroom.cli import cli
from pressroom.evaluate import GATED, PARTS, Split, below_floors, evaluate, raise_floors, read_floors


@pytest.fixture(scope="module")
def scores(shared):
    return evaluate(shared / "gold")


def test_every_gold_file_is_scored_in_one_part(scores, shared) -> None:
    stems = {p.name[: -len(".gold.jsonl")] for p in (shared / "gold").glob("*.gold.jsonl")}
    assert set(scores["files"]) == stems
    assert {row["part"] for row in scores["files"].values()} == set(PARTS)
    # parts and kinds are sums of the same files
    assert sum(r["n_gold"] for r in scores["parts"].values()) == scores["total"]["n_gold"]
    assert sum(r["n_gold"] for r in scores["kinds"].values()) == scores["total"]["n_gold"]


def test_the_split_has_every_kind_in_both_parts() -> None:
    split = Split.read()
    kinds = {k["kind"] for k in split.documents.values()}
    for part in PARTS:
        assert {d["kind"] for d in split.documents.values() if d["part"] == part} == kinds


def test_scores_stay_at_or_above_the_pinned_floors(scores) -> None:
    floors = read_floors()
    assert set(floors) == set(PARTS)
    assert all(set(f) == set(GATED) for f in floors.values())
    assert below_floors(scores["parts"], floors) == []


def test_floors_only_move_up(tmp_path) -> None:
    path = tmp_path / "floors.json"
    path.write_text(json.dumps({"tune": {k: 0.5 for k in GATED}, "test": {k: 0.5 for k in GATED}}))
    assert raise_floors({"tune": {k: 0.4 for k in GATED}, "test": {k: 0.6789 for k in GATED}}, path) == {
        "tune": {k: 0.5 for k in GATED}, "test": {k: 0.678 for k in GATED}}
    assert sorted(below_floors({"tune": {k: 0.6 for k in GATED}, "test": {k: 0.6 for k in GATED}}, read_floors(path))) == sorted(
        f"test {k} 0.6 < floor 0.678" for k in GATED)


def test_errors_are_listed_for_tuning_documents_only(shared) -> None:
    split = Split.read()
    test_doc = next(s for s, d in split.documents.items() if d["part"] == "test")
    tune_doc = next(s for s, d in split.documents.items() if d["part"] == "tune")
    refused = CliRunner().invoke(cli, ["eval", "--gold", str(shared / "gold"), "--errors", test_doc])
    assert refused.exit_code == 2 and "scored, not studied" in refused.output
    listed = CliRunner().invoke(cli, ["eval", "--gold", str(shared / "gold"), "--errors", tune_doc])
    assert listed.exit_code == 0 and listed.output.startswith(f"== {tune_doc}:")

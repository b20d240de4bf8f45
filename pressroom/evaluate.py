"""The evaluation gate: run the extractor over every article in a gold folder (each gold document
record names its source file), score it with the reference scorer (../shared/gold/score.py), and
compare the totals with the floors pinned in the repo (eval_floors.json). Floors only move up."""

from __future__ import annotations

import importlib.util
import json
import math
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

from pressroom.extracting import extract_file

FLOORS = Path(__file__).with_name("eval_floors.json")
#: The totals the gate holds, by the scorer's names.
GATED = ("str_f1", "period_acc", "basis_acc", "mea_f1", "spk_f1", "disc_f1")


def load_scorer(gold_dir: Path) -> Any:
    spec = importlib.util.spec_from_file_location("pressroom_gold_score", gold_dir / "score.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def source_path(gold_dir: Path, record: dict[str, Any]) -> Path:
    """The file a gold document was annotated on, under ../shared (gold_dir's parent)."""
    return gold_dir.parent / record["source_file"]


def predict(gold_dir: Path, out_dir: Path) -> dict[str, str]:
    """Write <stem>.pred.jsonl for every gold file; returns stem → how its source was read."""
    how: dict[str, str] = {}
    for gold in sorted(gold_dir.glob("*.gold.jsonl")):
        stem = gold.name[: -len(".gold.jsonl")]
        doc = json.loads(gold.read_text().splitlines()[0])
        src = source_path(gold_dir, doc)
        # The publication date is page metadata: text files that do not print it get it, as
        # `pressroom extract --date` would.
        pub = date.fromisoformat(doc["pub_date"]) if src.suffix == ".txt" and doc.get("pub_date") else None
        result = extract_file(src, url=doc.get("url"), pub_date=pub)
        (out_dir / f"{stem}.pred.jsonl").write_text(
            "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in result.to_records()))
        how[stem] = src.name
    return how


def headline(summary: dict[str, Any]) -> dict[str, Any]:
    """The gated numbers out of one scorer summary."""
    f = summary["figures"]
    return {
        "str_f1": f["strict"]["F1"], "len_f1": f["lenient"]["F1"],
        "period_acc": f["field_accuracy"].get("period"), "basis_acc": f["field_accuracy"].get("basis"),
        "mea_f1": summary["measures"]["F1"], "spk_f1": summary["speakers"]["F1"],
        "groups_share": summary["measures"].get("group_count_share"), "disc_f1": summary["discourse_count"]["F1"],
    }


def evaluate(gold_dir: Path) -> dict[str, Any]:
    """Per-file and total headline scores, as the reference scorer computes them."""
    scorer = load_scorer(gold_dir)
    with tempfile.TemporaryDirectory() as tmp:
        predict(gold_dir, Path(tmp))
        scored = scorer.score_dirs(str(gold_dir), tmp)
    return {"files": {k: headline(v) for k, v in scored["files"].items()}, "total": headline(scored["total"]),
            "raw": scored}


def below_floors(total: dict[str, Any], floors: dict[str, float]) -> list[str]:
    return [f"{k} {total.get(k)} < floor {v}" for k, v in floors.items() if total.get(k) is None or total[k] < v - 1e-9]


def read_floors(path: Path = FLOORS) -> dict[str, float]:
    return json.loads(path.read_text()) if path.exists() else {}


def raise_floors(total: dict[str, Any], path: Path = FLOORS) -> dict[str, float]:
    """New floors: today's scores rounded down to 3 places, but never below the pinned ones."""
    floors = read_floors(path)
    new = {k: max(floors.get(k, 0.0), math.floor((total.get(k) or 0.0) * 1000) / 1000) for k in GATED}
    path.write_text(json.dumps(new, indent=1, sort_keys=True) + "\n")
    return new

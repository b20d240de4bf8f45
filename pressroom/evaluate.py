"""The evaluation gate: run the extractor over every article in a gold folder (each gold document
record names its source file), score it with the reference scorer (../shared/gold/score.py), and
report per file, per kind and per part of the split (eval_split.json: a tuning part whose errors
rules are developed on, and a test part that is only scored). Each part's totals are held to the
floors pinned in eval_floors.json; floors only move up, part by part."""

from __future__ import annotations

import importlib.util
import json
import math
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from pressroom.extracting import extract_file

FLOORS = Path(__file__).with_name("eval_floors.json")
SPLIT = Path(__file__).with_name("eval_split.json")
#: The totals the gate holds, by the scorer's names.
GATED = ("str_f1", "period_acc", "basis_acc", "mea_f1", "spk_f1", "disc_f1")
#: The parts of the split, in report order; a gold file the split does not list is scored as test.
PARTS = ("tune", "test")
UNLISTED = {"kind": "other", "part": "test"}


@dataclass(frozen=True)
class Split:
    """Which part and kind each gold document belongs to."""

    documents: dict[str, dict[str, str]]

    @classmethod
    def read(cls, path: Path = SPLIT) -> Split:
        return cls(json.loads(path.read_text())["documents"])

    def part(self, stem: str) -> str:
        return self.documents.get(stem, UNLISTED)["part"]

    def kind(self, stem: str) -> str:
        return self.documents.get(stem, UNLISTED)["kind"]


def load_scorer(gold_dir: Path) -> Any:
    spec = importlib.util.spec_from_file_location("pressroom_gold_score", gold_dir / "score.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def source_path(gold_dir: Path, record: dict[str, Any]) -> Path:
    """The file a gold document was annotated on, under ../shared (gold_dir's parent)."""
    return gold_dir.parent / record["source_file"]


def gold_files(gold_dir: Path) -> dict[str, Path]:
    """stem → gold file, for every *.gold.jsonl in the folder."""
    return {g.name[: -len(".gold.jsonl")]: g for g in sorted(gold_dir.glob("*.gold.jsonl"))}


def predict_one(gold_dir: Path, gold: Path) -> list[dict[str, Any]]:
    """The extractor's records for the article a gold file annotates."""
    doc = json.loads(gold.read_text().splitlines()[0])
    src = source_path(gold_dir, doc)
    # The publication date is page metadata: text files that do not print it get it, as
    # `pressroom extract --date` would.
    pub = date.fromisoformat(doc["pub_date"]) if src.suffix == ".txt" and doc.get("pub_date") else None
    return extract_file(src, url=doc.get("url"), pub_date=pub).to_records()


def predict(gold_dir: Path, out_dir: Path) -> list[str]:
    """Write <stem>.pred.jsonl for every gold file; returns the stems."""
    stems = []
    for stem, gold in gold_files(gold_dir).items():
        records = predict_one(gold_dir, gold)
        (out_dir / f"{stem}.pred.jsonl").write_text(
            "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))
        stems.append(stem)
    return stems


def headline(summary: dict[str, Any]) -> dict[str, Any]:
    """The gated numbers out of one scorer summary."""
    f = summary["figures"]
    return {
        "str_f1": f["strict"]["F1"], "len_f1": f["lenient"]["F1"],
        "period_acc": f["field_accuracy"].get("period"), "basis_acc": f["field_accuracy"].get("basis"),
        "sign_acc": f["field_accuracy"].get("sign"),
        "mea_f1": summary["measures"]["F1"], "spk_f1": summary["speakers"]["F1"],
        "groups_share": summary["measures"].get("group_count_share"), "disc_f1": summary["discourse_count"]["F1"],
        "n_gold": f["n_gold"], "n_pred": f["n_pred"],
    }


def evaluate(gold_dir: Path, split: Split | None = None) -> dict[str, Any]:
    """Headline scores per file, per kind, per part and in total, as the reference scorer computes
    them (micro-averaged: counts summed before the ratios)."""
    scorer = load_scorer(gold_dir)
    split = split or Split.read()
    files: dict[str, Any] = {}
    groups: dict[str, dict[str, Any]] = {"part": {}, "kind": {}, "total": {}}
    with tempfile.TemporaryDirectory() as tmp:
        predict(gold_dir, Path(tmp))
        for stem, gold in gold_files(gold_dir).items():
            counts = scorer.score_pair(str(gold), str(Path(tmp) / f"{stem}.pred.jsonl"))
            files[stem] = headline(scorer.summarize(counts))
            files[stem].update(part=split.part(stem), kind=split.kind(stem))
            for axis, key in (("part", split.part(stem)), ("kind", split.kind(stem)), ("total", "total")):
                seen = groups[axis].get(key)
                groups[axis][key] = counts if seen is None else scorer.add(seen, counts)
    summarise = lambda counts: headline(scorer.summarize(counts))  # noqa: E731
    return {
        "files": files,
        "parts": {p: summarise(groups["part"][p]) for p in PARTS if p in groups["part"]},
        "kinds": {k: summarise(c) for k, c in sorted(groups["kind"].items())},
        "total": summarise(groups["total"]["total"]) if groups["total"] else None,
        "unlisted": sorted(s for s in files if s not in split.documents),
    }


def below_floors(parts: dict[str, dict[str, Any]], floors: dict[str, dict[str, float]]) -> list[str]:
    """Every part's gated total that is under its floor, as 'part name value < floor'."""
    out = []
    for part, part_floors in floors.items():
        total = parts.get(part, {})
        out += [f"{part} {k} {total.get(k)} < floor {v}" for k, v in part_floors.items()
                if total.get(k) is None or total[k] < v - 1e-9]
    return out


def read_floors(path: Path = FLOORS) -> dict[str, dict[str, float]]:
    return json.loads(path.read_text()) if path.exists() else {}


def raise_floors(parts: dict[str, dict[str, Any]], path: Path = FLOORS) -> dict[str, dict[str, float]]:
    """New floors, part by part: today's scores rounded down to 3 places, never below the pinned ones."""
    floors = read_floors(path)
    new = {part: {k: max(floors.get(part, {}).get(k, 0.0), math.floor((total.get(k) or 0.0) * 1000) / 1000)
                  for k in GATED}
           for part, total in parts.items()}
    path.write_text(json.dumps(new, indent=1, sort_keys=True) + "\n")
    return new


def _fact_line(f: dict[str, Any]) -> str:
    texts = "/".join(sorted(f["texts"])) or "?"
    return f"{texts} = {f['value']} {f['unit']} period={f['period']} basis={f['basis']} sign={f['sign']}"


def errors(gold_dir: Path, stem: str) -> list[str]:
    """What the extractor got wrong on one gold document, for the person tuning rules: each gold
    figure without a strict match (with the nearest prediction of the same value and unit), each
    prediction that matches nothing, measures and speakers missed and spurious."""
    scorer = load_scorer(gold_dir)
    gold = scorer.load(str(gold_files(gold_dir)[stem]))
    pred = predict_one(gold_dir, gold_files(gold_dir)[stem])
    (gf, _), (pf, _) = scorer.figures(gold), scorer.figures(pred)
    out: list[str] = []
    agree = lambda g, p: all(g[k] == p[k] for k in ("period", "basis", "sign"))  # noqa: E731
    same = lambda g, p: scorer.same_value(g["value"], p["value"]) and g["unit"] == p["unit"]  # noqa: E731
    strict = scorer.greedy([(1.0, i, j) for i, g in enumerate(gf) for j, p in enumerate(pf)
                            if same(g, p) and g["texts"] & p["texts"] and agree(g, p)])
    hit_g, hit_p = {i for i, _ in strict}, {j for _, j in strict}
    for i, g in enumerate(gf):
        if i in hit_g:
            continue
        near = [p for j, p in enumerate(pf) if j not in hit_p and same(g, p)]
        best = max(near, key=lambda p: max((scorer.dice(a, b) for a in g["texts"] for b in p["texts"]), default=0), default=None)
        out.append(f"MISS {g['id']}: {_fact_line(g)}" + (f"\n      got: {_fact_line(best)}" if best else "  (no prediction of that value)"))
    for j, p in enumerate(pf):
        if j not in hit_p:
            out.append(f"EXTRA: {_fact_line(p)}")
    (gm, _), (pm, _) = scorer.measures(gold), scorer.measures(pred)
    matched = scorer.greedy([(scorer.lcs_len(g["h"], p["h"]) / len(g["h"]), i, j) for i, g in enumerate(gm) for j, p in enumerate(pm)
                             if g["h"] and scorer.lcs_len(g["h"], p["h"]) / len(g["h"]) >= 0.8 and g["a"] and g["a"] == p["a"]])
    mg, mp = {i for i, _ in matched}, {j for _, j in matched}
    out += [f"MEASURE MISS [{g['a']}] {g['h']}" for i, g in enumerate(gm) if i not in mg]
    out += [f"MEASURE EXTRA [{p['a']}] {p['h']}" for j, p in enumerate(pm) if j not in mp]
    key = lambda r: (scorer.norm(r.get("name")), scorer.norm(r.get("agency")))  # noqa: E731
    gs = {key(r) for r in gold if r.get("type") == "speaker"}
    ps = {key(r) for r in pred if r.get("type") == "speaker"}
    out += [f"SPEAKER MISS {n} ({a})" for n, a in sorted(gs - ps)]
    out += [f"SPEAKER EXTRA {n} ({a})" for n, a in sorted(ps - gs)]
    return out

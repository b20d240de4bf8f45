"""The pressroom command as a user meets it: help, exit codes, the demo."""

from __future__ import annotations

import os
import re
import subprocess
import sys

from tests.conftest import ROOT, run_cli


def test_help_lists_every_command(cfg) -> None:
    out = run_cli(cfg, "--help")
    assert out.returncode == 0
    for command in ("crawl", "parse", "load", "run", "check", "mirror", "demo", "db", "landed"):
        assert re.search(rf"^\s+{command}\s", out.stdout, re.M), command
    assert "Exit codes" in out.stdout
    run_help = run_cli(cfg, "run", "--help").stdout
    assert "--to" in run_help and "--mirror" in run_help and "--refresh" in run_help


def test_usage_errors_exit_2(cfg) -> None:
    assert run_cli(cfg, "run", "nosuchsource", "--date", "2024-03-27").returncode == 2
    bad = run_cli(cfg, "parse", "rmrb", "--date", "2024-03-27", "--to", "2024-03-01")
    assert bad.returncode == 2 and "before" in bad.stderr
    assert run_cli(cfg, "crawl", "rmrb", "--date", "27/03/2024").returncode == 2


def test_an_unreachable_warehouse_exits_3_with_the_reason(cfg) -> None:
    out = run_cli(cfg.__class__(cfg.data, "postgresql+psycopg://postgres@127.0.0.1:1/none", cfg.contact), "parse", "rmrb", "--date", "2024-03-27")
    assert out.returncode == 3
    assert out.stderr.startswith("ERROR: OperationalError") and "127.0.0.1" in out.stderr


def test_db_upgrade_and_downgrade(cfg) -> None:
    from tests.test_warehouse import HEAD

    assert run_cli(cfg, "db", "upgrade").stdout.strip() == f"warehouse at revision {HEAD}"
    assert run_cli(cfg, "db", "downgrade", "0001").stdout.strip() == "warehouse at revision 0001"
    assert run_cli(cfg, "db", "downgrade").stdout.strip() == "warehouse at revision None"


def test_demo_runs_the_main_job_offline_and_twice(tmp_path) -> None:
    env = {**os.environ, "PRESSROOM_DATA": str(tmp_path / "landing"), "PRESSROOM_DB_URL": f"sqlite:///{tmp_path / 'w.db'}"}
    first = subprocess.run([sys.executable, "-m", "pressroom", "demo", "-q"], capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    assert first.returncode == 0, first.stderr
    lines = first.stdout.splitlines()
    assert lines[-1] == "pressroom demo rmrb 2019-06-14..2025-01-15: fetched=30 landed=27 skipped=0 parsed=18 loaded=18 failed=0"
    for day, gen in (("2019-06-14", "G1"), ("2024-03-27", "G2"), ("2025-01-15", "G3")):
        assert any(re.match(rf"\s+{day} {gen}\s+complete\s+6 documents, \d+ figures", ln) for ln in lines), day
    second = subprocess.run([sys.executable, "-m", "pressroom", "demo", "-q"], capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    assert second.returncode == 0
    assert second.stdout.splitlines()[-1].endswith("fetched=0 landed=0 skipped=27 parsed=18 loaded=0 failed=0")


def test_extract_prints_schema_records_and_survives_bad_files(cfg, shared, tmp_path) -> None:
    import json

    out = run_cli(cfg, "extract", str(shared / "seeds/rmrb_20240327_p03_seed.txt"))
    assert out.returncode == 0
    records = [json.loads(line) for line in out.stdout.splitlines()]
    assert records[0]["type"] == "document" and records[0]["pub_date"] == "2024-03-27"
    assert {r["name"] for r in records if r["type"] == "speaker"} == {"赵志国", "郭婷婷", "王令浚"}
    assert sum(r["type"] == "figure" and r["primary"] for r in records) == 4
    for name, data in (("empty.txt", b""), ("noise.bin", bytes(range(256)) * 8)):
        (tmp_path / name).write_bytes(data)
        bad = run_cli(cfg, "extract", str(tmp_path / name))
        assert bad.returncode == 0
        (doc,) = [json.loads(line) for line in bad.stdout.splitlines()]
        assert doc["problems"] and doc["title"] == ""

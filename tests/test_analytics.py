"""What analysts use: the views, the figures command, lineage to the raw files, exports, charts,
and the sample day loaded into the real PostgreSQL twice with identical results."""

from __future__ import annotations

import hashlib
import json

import pytest
from sqlalchemy import text

from pressroom.config import Config
from pressroom.landing import LandingStore
from pressroom.samplesite import SAMPLE_DAYS
from tests.conftest import PG_ADMIN, run_cli, warehouse_checksums
from warehouse.db import make_engine, scratch_database
from warehouse.queries import lineage

DAY = SAMPLE_DAYS["G2"].isoformat()


@pytest.fixture()
def loaded(cfg, sample_mirror) -> Config:
    result = run_cli(cfg, "run", "rmrb", "--date", DAY, "--mirror", sample_mirror.url, "-q")
    assert result.returncode == 0, result.stderr
    return cfg


def test_figures_command_finds_an_indicator_by_its_alias(loaded) -> None:
    out = run_cli(loaded, "figures", "--indicator", "社零总额", "--format", "json")
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert rows and {r["indicator"] for r in rows} == {"社会消费品零售总额"}
    assert {(r["value"], r["unit_text"]) for r in rows} >= {(81307.0, "亿元"), (5.5, "%")}
    assert all(r["url"].startswith("http://paper.people.com.cn/") and r["evidence"] for r in rows)
    assert "sha256" in run_cli(loaded, "lineage", str(rows[0]["figure_id"])).stdout  # an id to follow to the raw page
    csv_out = run_cli(loaded, "figures", "--source", "rmrb", "--format", "csv").stdout.splitlines()
    assert csv_out[0].startswith("figure_id,indicator,period,value") and len(csv_out) > 10


def test_lineage_reaches_the_raw_file_for_every_figure_of_the_day(loaded) -> None:
    engine = make_engine(loaded.db_url)
    store = LandingStore(loaded.data)
    with engine.connect() as conn:
        figure_ids = [r[0] for r in conn.execute(text("SELECT id FROM figures"))]
        assert figure_ids
        for fid in figure_ids:
            rows = lineage(conn, fid)
            assert rows and any(r["figure_id"] == fid for r in rows)
            for r in rows:
                raw = store.get(f"{store.root}/{r['raw_path']}")
                assert hashlib.sha256(raw).hexdigest() == r["raw_sha256"]
                assert (r["run_stage"], r["run_status"]) == ("crawl", "success")
    engine.dispose()


def test_export_writes_every_table_and_view(loaded, tmp_path) -> None:
    import pyarrow.parquet as pq

    for fmt in ("csv", "parquet"):
        out = run_cli(loaded, "export", str(tmp_path / fmt), "--format", fmt)
        assert out.returncode == 0, out.stderr
    figures = pq.read_table(tmp_path / "parquet" / "v_figures.parquet")
    assert figures.num_rows > 10 and "evidence" in figures.column_names
    assert (tmp_path / "csv" / "v_indicator_series.csv").read_text().startswith("\"indicator\"")
    from sqlalchemy import inspect

    engine = make_engine(loaded.db_url)
    with engine.connect() as conn:
        names = {*inspect(conn).get_table_names(), *inspect(conn).get_view_names()} - {"alembic_version"}
    engine.dispose()
    assert {p.stem for p in (tmp_path / "csv").glob("*.csv")} == names


def test_chart_of_an_indicator(loaded, tmp_path) -> None:
    for name in ("c.png", "c.html"):
        out = run_cli(loaded, "chart", "规模以上工业增加值", "-o", str(tmp_path / name))
        assert out.returncode == 0, out.stderr
        assert out.stdout.strip().endswith("1 points (pct, yoy)")
    png = (tmp_path / "c.png").read_bytes()
    assert png.startswith(b"\x89PNG") and 5_000 < len(png) < 500_000
    page = (tmp_path / "c.html").read_text()
    assert "<h1>规模以上工业增加值</h1>" in page and "<td>2024-01/2024-02</td><td>7</td>" in page
    assert run_cli(loaded, "chart", "没有这个指标", "-o", str(tmp_path / "x.png")).returncode == 2


def test_the_day_loaded_into_postgresql_twice_is_identical(cfg, sample_mirror) -> None:
    with scratch_database(PG_ADMIN, "pressroom_test") as url:
        pg = Config(cfg.data, url, cfg.contact)
        first = run_cli(pg, "run", "rmrb", "--date", DAY, "--mirror", sample_mirror.url, "-q")
        assert first.returncode == 0, first.stderr
        before = warehouse_checksums(pg.db_url)
        assert before["documents"].startswith("6:") and not before["figures"].startswith("0:")
        second = run_cli(pg, "run", "rmrb", "--date", DAY, "--mirror", sample_mirror.url, "-q")
        assert second.returncode == 0, second.stderr
        assert warehouse_checksums(pg.db_url) == before
        out = run_cli(pg, "figures", "--indicator", "社会消费品零售总额", "--format", "json")
        assert out.returncode == 0 and out.stdout.strip()

"""Shared fixtures. Airflow's environment is set here, before anything imports airflow."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

_AIRFLOW_HOME = tempfile.mkdtemp(prefix="pressroom-airflow-")
os.environ.update(
    AIRFLOW_HOME=_AIRFLOW_HOME,
    AIRFLOW__DATABASE__SQL_ALCHEMY_CONN=f"sqlite:///{_AIRFLOW_HOME}/airflow.db",
    AIRFLOW__CORE__LOAD_EXAMPLES="False",
    AIRFLOW__CORE__DAGS_FOLDER=str(Path(__file__).resolve().parents[1] / "dags"),
    AIRFLOW__CORE__UNIT_TEST_MODE="True",
)

import pytest  # noqa: E402

from pressroom.config import Config  # noqa: E402
from pressroom.mirror import MirrorServer  # noqa: E402
from pressroom.samplesite import SAMPLE_SITE  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.fail(f"../shared is missing beside the checkout ({SHARED})")
    return SHARED


@pytest.fixture()
def cfg(tmp_path: Path) -> Config:
    return Config.from_env(data=str(tmp_path / "landing"), db_url=f"sqlite:///{tmp_path / 'warehouse.db'}")


@pytest.fixture(scope="session")
def sample_mirror():
    with MirrorServer(SAMPLE_SITE) as server:
        yield server


@pytest.fixture()
def site_copy(tmp_path: Path) -> Path:
    """A writable copy of the sample site, for tests that break pages on purpose."""
    dest = tmp_path / "site"
    shutil.copytree(SAMPLE_SITE, dest)
    return dest


def run_cli(cfg: Config, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run the installed `pressroom` command in a child process (a crawl needs a fresh reactor)."""
    cmd = [sys.executable, "-m", "pressroom", "--data", cfg.data, "--db", cfg.db_url, *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, cwd=ROOT)


#: The PostgreSQL server tests create their databases on (trust auth).
PG_ADMIN = os.environ.get("PRESSROOM_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")

#: The sample day `landed_day` lands (the seed's day, G2 layout).
LANDED_DAY = date(2024, 3, 27)


@pytest.fixture()
def landed_day(tmp_path, site_copy):
    """The G2 sample day landed straight from the sample files (no crawl needed here) and parsed."""
    from pressroom.landing import LandingStore
    from pressroom.samplesite import plan_day
    from pressroom.stages import parse
    from transforms import rmrb_patterns as P

    cfg = Config.from_env(data=str(tmp_path / "landing"), db_url=f"sqlite:///{tmp_path / 'w.db'}")
    store = LandingStore(cfg.data)
    plan = plan_day("G2", LANDED_DAY)
    urls = [(P.layout_url(LANDED_DAY, p, "html"), "layout") for p in plan] + [(a.url, "article") for page in plan.values() for a in page]
    for url, kind in urls:
        store.land_page(source="rmrb", day=LANDED_DAY, url=url, kind=kind, status=200, headers={"Content-Type": ["text/html"]},
                        body=(site_copy / url.split("://", 1)[1]).read_bytes())
    store.write_day("rmrb", LANDED_DAY, {"status": "complete", "generation": "G2", "pages": 3, "outcomes": []})
    parse(cfg, "rmrb", [LANDED_DAY])
    return cfg


@pytest.fixture(scope="module")
def pg_url():
    """A PostgreSQL database of this test module's own, created and dropped around it."""
    from warehouse.db import scratch_database

    with scratch_database(PG_ADMIN, "pressroom_test") as url:
        yield url


def warehouse_checksums(db_url: str, tables: tuple[str, ...] | None = None) -> dict[str, str]:
    """warehouse.checks.content_checksums of the warehouse at `db_url` (all loaded tables by default)."""
    from warehouse.checks import LOADED_TABLES, content_checksums
    from warehouse.db import make_engine

    engine = make_engine(db_url)
    with engine.connect() as conn:
        out = content_checksums(conn, tables or LOADED_TABLES)
    engine.dispose()
    return out

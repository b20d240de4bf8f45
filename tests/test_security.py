"""Security: SQL is never built from input, hostile input stays data, the mirror serves nothing
outside its folder, secrets come only from the environment or Airflow connections, and the
analysts' role cannot write."""

from __future__ import annotations

import ast
import re
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from sqlalchemy import text

from pressroom.mirror import MirrorServer
from tests.conftest import ROOT, run_cli

SQL_WORDS = re.compile(r"\b(SELECT|INSERT|UPDATE|DELETE|COPY|CREATE|DROP|COMMENT ON|WITH)\b")

#: Every place that formats SQL text, and why what it formats in is not input: each interpolates
#: only identifiers from the code (table and column names of the schema) or generated placeholders.
REVIEWED = {
    ("warehouse/queries.py", "export"): "view and table names from EXPORTED",
    ("warehouse/loaders.py", "bulk_insert_tuples"): "a model's table name and its column names; values are COPY rows or ? parameters",
    ("warehouse/loaders.py", "_lookup"): "a model's table and natural-key column names; keys are bound parameters",
    ("warehouse/loaders.py", "flag_conflicts"): "fixed column lists and TRUE/FALSE; group keys are bound parameters",
    ("warehouse/checks.py", "dangling_references"): "columns and tables of FIGURE_REFERENCES, a scope clause of bound parameters, an int limit",
    ("warehouse/checks.py", "content_checksums"): "table names from LOADED_TABLES",
    ("warehouse/db.py", "in_list"): "a parameter name and an SQL type name from the caller's code; the values are the bound parameter",
    ("warehouse/db.py", "scratch_database"): "a database name made of a code prefix and a random hex suffix (tests and benchmarks)",
    ("warehouse/migrations/versions/0004_star_schema.py", "upgrade"): "view names and SQL from the migration's VIEWS",
    ("warehouse/migrations/versions/0004_star_schema.py", "downgrade"): "view names from the migration's VIEWS",
    ("warehouse/migrations/versions/0005_table_comments.py", "upgrade"): "view names and comments from the migration's VIEWS",
    ("warehouse/migrations/versions/0005_table_comments.py", "downgrade"): "view names from the migration's VIEWS",
}


def _formatted_sql() -> set[tuple[str, str]]:
    """(file, enclosing function) of every f-string, %-format or .format() whose text is SQL."""
    found = set()
    for package in ("pressroom", "warehouse", "spiders", "transforms", "dags"):
        for path in (ROOT / package).rglob("*.py"):
            tree = ast.parse(path.read_text())
            for func in [n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]:
                for node in ast.walk(func):
                    literal = None
                    if isinstance(node, ast.JoinedStr):
                        literal = "".join(v.value for v in node.values if isinstance(v, ast.Constant))
                    elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod) and isinstance(node.left, ast.Constant):
                        literal = str(node.left.value)
                    elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format"
                          and isinstance(node.func.value, ast.Constant)):
                        literal = str(node.func.value.value)
                    if literal and SQL_WORDS.search(literal) and re.search(r"\b(FROM|INTO|TABLE|VIEW|DATABASE|SET|ON)\b", literal):
                        found.add((str(path.relative_to(ROOT)), func.name))
    return found


def test_sql_is_never_formatted_from_input() -> None:
    """A new place that formats SQL fails this test until it is reviewed and listed above."""
    assert _formatted_sql() == set(REVIEWED)


def test_hostile_filter_values_are_data_not_sql(cfg, sample_mirror) -> None:
    assert run_cli(cfg, "run", "rmrb", "--date", "2024-03-27", "--mirror", sample_mirror.url, "-q").returncode == 0
    for hostile in ("'; DROP TABLE figures; --", "工业' OR '1'='1", "%' UNION SELECT * FROM documents --"):
        out = run_cli(cfg, "figures", "--indicator", hostile, "--format", "json")
        assert out.returncode == 0 and out.stdout.strip() == "", out.stderr
    assert len(run_cli(cfg, "figures", "--format", "json").stdout.splitlines()) > 10  # the table is still there


def test_the_mirror_serves_nothing_outside_its_folder(tmp_path: Path) -> None:
    root = tmp_path / "site"
    (root / "h").mkdir(parents=True)
    (root / "h" / "page.htm").write_text("inside")
    (tmp_path / "secret.txt").write_text("outside")
    (root / "h" / "link.htm").symlink_to(tmp_path / "secret.txt")
    with MirrorServer(root) as server:
        def get(path: str) -> int:
            try:
                return urllib.request.urlopen(server.url + path, timeout=5).status
            except urllib.error.HTTPError as exc:
                return exc.code
        assert get("/h/page.htm") == 200
        for path in ("/h/../../secret.txt", "/h/%2e%2e/%2e%2e/secret.txt", "/%2e%2e/secret.txt", "/h/link.htm",
                     "//etc/passwd", "/h/..%2f..%2fsecret.txt", "/../../../../etc/passwd"):
            assert get(path) == 404, path


def test_secrets_come_only_from_the_environment_or_connections() -> None:
    """No credential is written in the code or the deployment files: URLs carry no password, and
    the compose file takes its passwords from the environment (test_docker checks it refuses
    to start without them)."""
    with_password = re.compile(r"://[\w.-]+:(?!\$\{|\$\$)[^@\s/'\"]+@")
    offenders = []
    for path in [*ROOT.glob("*.toml"), *ROOT.glob("*.ini"), *(ROOT / "docker").rglob("*"), *(ROOT / "dags").rglob("*.py"),
                 *(ROOT / "pressroom").rglob("*.py"), *(ROOT / "warehouse").rglob("*.py"), *(ROOT / "spiders").rglob("*.py")]:
        if path.is_file() and path.suffix not in {".pyc"}:
            for n, line in enumerate(path.read_text(errors="replace").splitlines(), 1):
                if with_password.search(line) and ">>>" not in line and "etl:s3cret" not in line:
                    offenders.append(f"{path.relative_to(ROOT)}:{n}: {line.strip()}")
    assert offenders == []
    from pressroom.config import Config

    assert Config.from_env(db_url=None).db_url.startswith("sqlite:///")  # the default holds no secret


def test_the_analysts_role_cannot_write(pg_url) -> None:
    from sqlalchemy.exc import ProgrammingError

    from warehouse.db import downgrade, make_engine, upgrade

    upgrade(pg_url)
    engine = make_engine(pg_url)
    with engine.connect() as conn:
        conn.execute(text("SET ROLE pressroom_analyst"))
        assert conn.execute(text("SELECT COUNT(*) FROM v_figures")).scalar() == 0  # it reads
        for sql in ("INSERT INTO sources (code, name) VALUES ('x', 'x')", "UPDATE documents SET title = 'x'",
                    "DELETE FROM figures", "DROP TABLE figures", "CREATE TABLE mine (x int)"):
            with pytest.raises(ProgrammingError, match="permission denied|must be owner"):
                conn.execute(text(sql))
            conn.rollback()
            conn.execute(text("SET ROLE pressroom_analyst"))
    engine.dispose()
    downgrade(pg_url)

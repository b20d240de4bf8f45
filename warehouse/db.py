"""Engines and schema migrations for the warehouse (SQLite embedded, PostgreSQL in production)."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config as AlembicConfig
from sqlalchemy import Engine, create_engine, event, text

MIGRATIONS = Path(__file__).with_name("migrations")


def make_engine(url: str, **kwargs: Any) -> Engine:
    """An engine for `url`; SQLite gets foreign keys on, a busy timeout, and a 64 MiB page cache
    (the default 2 MiB makes every bulk load re-read the indexes it writes to)."""
    engine = create_engine(url, **kwargs)
    if engine.dialect.name == "sqlite":
        if engine.url.database and engine.url.database != ":memory:":
            Path(engine.url.database).parent.mkdir(parents=True, exist_ok=True)

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA busy_timeout=30000")
            cur.execute("PRAGMA cache_size=-65536")
            cur.close()

    return engine


def in_list(dialect: str, name: str, values: list[Any], sql_type: str = "integer") -> tuple[str, dict[str, Any]]:
    """(`IN`-clause, parameters) testing membership in `values`, bound as one parameter however
    many there are: an array on PostgreSQL, a JSON list read by json_each on SQLite.

    >>> in_list("postgresql", "ids", [1, 2])
    ('= ANY(CAST(:ids AS integer[]))', {'ids': [1, 2]})
    >>> in_list("sqlite", "ids", [1, 2])
    ('IN (SELECT value FROM json_each(:ids))', {'ids': '[1, 2]'})
    """
    if dialect == "postgresql":
        return f"= ANY(CAST(:{name} AS {sql_type}[]))", {name: values}
    return f"IN (SELECT value FROM json_each(:{name}))", {name: json.dumps(values, ensure_ascii=False)}


def alembic_config(url: str) -> AlembicConfig:
    cfg = AlembicConfig()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def upgrade(url: str, revision: str = "head") -> None:
    """Migrate the warehouse at `url` up to `revision` (creating it if empty)."""
    command.upgrade(alembic_config(url), revision)


def downgrade(url: str, revision: str = "base") -> None:
    command.downgrade(alembic_config(url), revision)


def current_revision(url: str) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with make_engine(url).connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


@contextmanager
def scratch_database(admin_url: str, prefix: str = "pressroom_scratch") -> Iterator[str]:
    """A PostgreSQL database of its own, created through `admin_url` and dropped (with any
    connections still open) when the block ends; yields its URL."""
    name = f"{prefix}_{uuid.uuid4().hex[:10]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield admin_url.rsplit("/", 1)[0] + f"/{name}"
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
        admin.dispose()

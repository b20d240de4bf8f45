"""Settings from the environment, with working defaults for the embedded set-up.

PRESSROOM_DATA     landing location: a folder or an fsspec URL (default ./data/landing)
PRESSROOM_DB_URL   SQLAlchemy URL of the warehouse (default sqlite:///./data/pressroom.db)
PRESSROOM_CONTACT  URL or address put in the crawler's User-Agent
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

DEFAULT_DATA = "data/landing"
DEFAULT_DB = "data/pressroom.db"
DEFAULT_CONTACT = "https://github.com/pressroom-etl/pressroom"


@dataclass(frozen=True)
class Config:
    data: str
    db_url: str
    contact: str

    @classmethod
    def from_env(cls, *, data: str | None = None, db_url: str | None = None) -> Config:
        data = data or os.environ.get("PRESSROOM_DATA") or DEFAULT_DATA
        db_url = db_url or os.environ.get("PRESSROOM_DB_URL") or sqlite_url(DEFAULT_DB)
        return cls(data=data, db_url=db_url, contact=os.environ.get("PRESSROOM_CONTACT", DEFAULT_CONTACT))


def sqlite_url(path: str | Path) -> str:
    """An absolute sqlite URL for a file path (its folder is created)."""
    p = Path(path).resolve()
    p.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{p}"

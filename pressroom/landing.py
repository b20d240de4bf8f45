"""The landing area: every fetched page stored exactly as received, with its metadata.

Named by a location (a local folder by default, or any fsspec URL such as s3://bucket/prefix), so
several Airflow workers can share it. Layout under the location::

    raw/<source>/<YYYY>/<MM>/<DD>/<key>.body   the bytes as received
    raw/<source>/<YYYY>/<MM>/<DD>/<key>.json   url, final_url, status, headers, fetched_at, sha256, kind
    raw/<source>/<YYYY>/<MM>/<DD>/<key>@<sha>.*  an earlier version of a page that changed
    raw/<source>/<YYYY>/<MM>/<DD>/_day.json    the crawl's record of the day (status, every URL's outcome)
    raw/_site/<host>/<key>.{body,json}         site files such as robots.txt
    parsed/<source>/<YYYY>/<MM>/<DD>/documents.jsonl, failures.jsonl
    runs/<stage>-<run id>.json                 stats of crawl runs

Keys are hashes of the URL, so nothing a page says ever becomes a path. A page's .json is written
after its .body: a page counts as landed once its .json exists.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import uuid
from collections.abc import Iterator
from datetime import date, datetime, timezone
from typing import Any

import fsspec
import msgspec
from fsspec.implementations.local import LocalFileSystem

_SAFE_NAME = re.compile(r"^[A-Za-z0-9_.@-]+$")
_JSONL = msgspec.json.Decoder()  # the parsed days are large: read several times faster than json


def url_key(url: str) -> str:
    """A stable file key for a URL.

    >>> url_key("http://paper.people.com.cn/rmrb/pc/layout/202412/25/node_01.html")
    '7a9639788bf0e3c962c4f517'
    """
    return hashlib.sha1(url.encode("utf-8")).hexdigest()[:24]


def utcnow() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class LandingStore:
    """Raw pages and parse outputs under one fsspec location."""

    def __init__(self, location: str) -> None:
        self.location = location
        self.fs, root = fsspec.core.url_to_fs(location)
        self.root = root.rstrip("/")
        self._local = isinstance(self.fs, LocalFileSystem)

    def __repr__(self) -> str:
        return f"LandingStore({self.location!r})"

    # -- paths ---------------------------------------------------------------------------------
    def _join(self, *parts: str) -> str:
        for part in parts:
            for piece in part.split("/"):
                if not _SAFE_NAME.match(piece) or piece in {".", ".."}:
                    raise ValueError(f"unsafe landing path component: {part!r}")
        return "/".join([self.root, *parts])

    def day_dir(self, area: str, source: str, day: date) -> str:
        return self._join(area, source, f"{day:%Y}", f"{day:%m}", f"{day:%d}")

    def site_dir(self, host: str) -> str:
        return self._join("raw", "_site", host.replace(":", "_"))

    # -- low-level I/O -------------------------------------------------------------------------
    def put(self, path: str, data: bytes) -> None:
        """Write `data` whole: readers never see a half-written file."""
        if self._local:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            tmp = f"{path}.tmp-{uuid.uuid4().hex[:8]}"
            with open(tmp, "wb") as f:
                f.write(data)
            os.replace(tmp, path)
        else:
            self.fs.pipe_file(path, data)

    def get(self, path: str) -> bytes:
        return self.fs.cat_file(path)

    def exists(self, path: str) -> bool:
        return self.fs.exists(path)

    def put_json(self, path: str, obj: Any) -> None:
        self.put(path, json.dumps(obj, ensure_ascii=False, indent=1, sort_keys=True).encode())

    def get_json(self, path: str) -> Any:
        return json.loads(self.get(path))

    def put_jsonl(self, path: str, rows: list[dict[str, Any]]) -> None:
        self.put(path, "".join(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n" for r in rows).encode())

    def get_jsonl(self, path: str) -> list[dict[str, Any]]:
        return [_JSONL.decode(line) for line in self.get(path).splitlines() if line.strip()]

    # -- pages ---------------------------------------------------------------------------------
    def page_base(self, source: str, day: date | None, url: str, host: str | None = None) -> str:
        folder = self.day_dir("raw", source, day) if day else self.site_dir(host or "unknown")
        return f"{folder}/{url_key(url)}"

    def page_meta(self, source: str, day: date | None, url: str, host: str | None = None) -> dict[str, Any] | None:
        path = self.page_base(source, day, url, host) + ".json"
        try:
            return self.get_json(path)
        except FileNotFoundError:
            return None

    def page_body(self, meta: dict[str, Any]) -> bytes:
        return self.get(self._join(meta["body_path"]))

    def land_page(
        self,
        *,
        source: str,
        day: date | None,
        url: str,
        kind: str,
        status: int,
        headers: dict[str, list[str]],
        body: bytes,
        final_url: str | None = None,
        requested_url: str | None = None,
        host: str | None = None,
        fetched_at: str | None = None,
        fetch_run_uid: str | None = None,
    ) -> dict[str, Any]:
        """Store one response exactly as received; return its metadata record."""
        base = self.page_base(source, day, url, host)
        rel = base[len(self.root) + 1 :]
        meta = {
            "url": url,
            "requested_url": requested_url or url,
            "final_url": final_url or url,
            "source": source,
            "day": day.isoformat() if day else None,
            "kind": kind,
            "status": status,
            "headers": headers,
            "size": len(body),
            "sha256": hashlib.sha256(body).hexdigest(),
            "fetched_at": fetched_at or utcnow(),
            "fetch_run_uid": fetch_run_uid,
            "body_path": rel + ".body",
            "meta_path": rel + ".json",
        }
        self._keep_old_version(base, meta["sha256"])
        self.put(base + ".body", body)
        self.put_json(base + ".json", meta)
        return meta

    def _keep_old_version(self, base: str, new_sha: str) -> None:
        """A page that changed keeps its previous bytes as <key>@<sha256[:12]>.{body,json}."""
        try:
            old = self.get_json(base + ".json")
        except FileNotFoundError:
            return
        if old["sha256"] == new_sha:
            return
        tag = old["sha256"][:12]
        old["body_path"] = old["body_path"][: -len(".body")] + f"@{tag}.body"
        self.put(f"{base}@{tag}.body", self.get(base + ".body"))
        self.put_json(f"{base}@{tag}.json", old)

    def versions(self, source: str, day: date, url: str) -> list[dict[str, Any]]:
        """Earlier versions of a landed page, oldest first."""
        base = self.page_base(source, day, url)
        metas = [self.get_json(p) for p in self.fs.glob(f"{base}@*.json")]
        return sorted(metas, key=lambda m: m["fetched_at"])

    def pages(self, source: str, day: date) -> list[dict[str, Any]]:
        """The index of what is landed for a day: every page's metadata, in URL order."""
        folder = self.day_dir("raw", source, day)
        try:
            names = self.fs.ls(folder, detail=False)
        except FileNotFoundError:
            return []
        metas = [
            self.get_json(n)
            for n in names
            if n.endswith(".json") and "@" not in n and not n.rsplit("/", 1)[-1].startswith("_")
        ]
        return sorted(metas, key=lambda m: m["url"])

    def iter_days(self, source: str) -> Iterator[date]:
        """Every day of `source` that has a landing folder."""
        for path in sorted(self.fs.glob(self._join("raw", source) + "/*/*/*")):
            y, m, d = path.rstrip("/").split("/")[-3:]
            yield date(int(y), int(m), int(d))

    # -- day records ---------------------------------------------------------------------------
    def day_record_path(self, source: str, day: date) -> str:
        return self.day_dir("raw", source, day) + "/_day.json"

    def write_day(self, source: str, day: date, record: dict[str, Any]) -> None:
        self.put_json(self.day_record_path(source, day), record)

    def has_day(self, source: str, day: date) -> bool:
        """Whether anything of the day landed: its crawl record or a page."""
        return self.read_day(source, day) is not None or bool(self.pages(source, day))

    def read_day(self, source: str, day: date) -> dict[str, Any] | None:
        try:
            return self.get_json(self.day_record_path(source, day))
        except FileNotFoundError:
            return None

    def parsed_path(self, source: str, day: date, name: str) -> str:
        return f"{self.day_dir('parsed', source, day)}/{name}"

    def run_path(self, name: str) -> str:
        return self._join("runs", name)

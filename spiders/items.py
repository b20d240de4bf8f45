"""What spiders yield: the outcome of every URL and the status of every day. Bodies are landed by
the landing cache (spiders.cache), never carried in items."""

from __future__ import annotations

from dataclasses import dataclass

#: Outcomes a URL can end in.
OUTCOMES = (
    "landed",          # fetched now, status 200, stored in the landing area
    "already_landed",  # served from the landing area, not downloaded again
    "not_found",       # 404 / 410
    "http_error",      # any other non-200 final status (after retries)
    "truncated",       # the body ended before its Content-Length (after retries)
    "timeout",         # no answer in DOWNLOAD_TIMEOUT (after retries)
    "failed",          # connection refused or reset, DNS, TLS … (after retries)
    "robots_forbidden",  # robots.txt disallows it; never requested
)
FAILED_OUTCOMES = frozenset({"http_error", "truncated", "timeout", "failed"})


@dataclass
class PageOutcome:
    source: str
    day: str
    url: str
    kind: str
    outcome: str
    status: int | None = None
    detail: str = ""
    sha256: str | None = None


@dataclass
class DayStatus:
    """What the day's first layout page said: ok (a paper), no_paper, or failed."""

    source: str
    day: str
    status: str
    generation: str | None = None
    first_url: str | None = None
    pages: int = 0
    detail: str = ""

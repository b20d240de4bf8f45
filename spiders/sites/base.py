"""What every pressroom spider shares: date-range arguments, request metadata for the landing
cache, and turning responses and failures into recorded outcomes."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

from scrapy import Request, Spider
from scrapy.exceptions import DownloadTimeoutError, IgnoreRequest, ResponseDataLossError
from scrapy.http import Response
from twisted.python.failure import Failure

from spiders.items import DayStatus, PageOutcome


def day_range(start: str | date, end: str | date | None = None) -> list[date]:
    """Every day from start to end inclusive.

    >>> [d.isoformat() for d in day_range("2024-02-28", "2024-03-01")]
    ['2024-02-28', '2024-02-29', '2024-03-01']
    """
    first = start if isinstance(start, date) else date.fromisoformat(start)
    last = first if end in (None, "") else (end if isinstance(end, date) else date.fromisoformat(end))
    if last < first:
        raise ValueError(f"--to {last} is before --date {first}")
    return [first + timedelta(days=i) for i in range((last - first).days + 1)]


#: Every final status reaches the spider (to be recorded), but redirects, which Scrapy follows
#: (up to REDIRECT_MAX_TIMES; the landing keeps the asked and the final URL).
REDIRECTS = (301, 302, 303, 307, 308)
HANDLED_STATUSES = [s for s in range(200, 600) if s not in REDIRECTS]


def http_detail(response: Response) -> str:
    """Why a final response is not a page: its status, and for a redirect still redirecting after
    the allowed hops, that it loops."""
    if response.status == 200:
        return ""
    if 300 <= response.status < 400:
        hops = len(response.request.meta.get("redirect_urls") or []) if response.request else 0
        return (f"HTTP {response.status}: still redirecting after {hops} redirects (a redirect loop?) "
                f"to {response.headers.get('Location', b'').decode('latin-1')}")
    return f"HTTP {response.status}"


def classify_failure(failure: Failure) -> tuple[str, str]:
    """(outcome, detail) for a request that never produced a response."""
    exc = failure.value
    if failure.check(IgnoreRequest):
        if "redirect" in str(exc).lower():
            hops = len(failure.request.meta.get("redirect_urls") or [])  # type: ignore[attr-defined]
            return "failed", f"redirect loop: still redirecting after {hops} redirects ({exc})"
        return "robots_forbidden" if "robots" in str(exc).lower() else "failed", str(exc)
    if failure.check(DownloadTimeoutError):
        return "timeout", str(exc)
    if failure.check(ResponseDataLossError):
        return "truncated", "body shorter than its Content-Length"
    return "failed", f"{type(exc).__name__}: {exc}"


class PressroomSpider(Spider):
    """Base class: `-a date=YYYY-MM-DD [-a to=YYYY-MM-DD]`."""

    source: str = ""

    def __init__(self, date: str | None = None, to: str | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        if not date:
            raise ValueError(f"spider {self.name} needs -a date=YYYY-MM-DD")
        self.days = day_range(date, to)

    def page_request(self, url: str, day: date, kind: str, callback, **info: Any) -> Request:
        """A request whose response is landed under (source, day) and always reaches `callback`."""
        return Request(
            url,
            callback=callback,
            errback=self.on_failure,
            meta={
                "pressroom": {"source": self.source, "day": day.isoformat(), "kind": kind, **info},
                "handle_httpstatus_list": HANDLED_STATUSES,
            },
        )

    def outcome(self, response: Response) -> PageOutcome:
        info = response.meta["pressroom"]
        if response.status == 200:
            name = "already_landed" if "cached" in response.flags else "landed"
        elif response.status in (404, 410):
            name = "not_found"
        else:
            name = "http_error"
        landed = response.meta.get("landed_meta") or {}
        return PageOutcome(
            source=info["source"], day=info["day"], url=response.url, kind=info["kind"], outcome=name,
            status=response.status, detail=http_detail(response),
            sha256=landed.get("sha256"),
        )

    def on_failure(self, failure: Failure) -> Iterator[Any]:
        request = failure.request  # type: ignore[attr-defined]
        info = request.meta["pressroom"]
        name, detail = classify_failure(failure)
        self.logger.warning("%s %s: %s", name, request.url, detail)
        yield PageOutcome(info["source"], info["day"], request.url, info["kind"], name, None, detail)
        yield from self.after_failure(request, name, detail)

    def after_failure(self, request: Request, outcome: str, detail: str) -> Iterator[Any]:
        """Hook for spiders whose day depends on the failed request."""
        return iter(())


class ListingSpider(PressroomSpider):
    """A source enumerated through list pages whose items carry their day (in the URL or beside
    the link): each list is walked from its first page until a page holds nothing as recent as the
    range's first day, and every item of the range is landed under its own day."""

    first_list_page = 0
    max_list_pages = 50
    #: Whether the first list page decides the days' status (False where another request does).
    lists_decide_day = True

    def list_url(self, root: str, n: int) -> str:
        raise NotImplementedError

    def list_items(self, response: Response) -> list[Any]:
        """The items of a list page: objects with .url and .day."""
        raise NotImplementedError

    def parse_item(self, response: Response) -> Iterator[Any]:
        yield self.outcome(response)

    def list_request(self, root: str, n: int | None = None) -> Request:
        n = self.first_list_page if n is None else n
        return self.page_request(self.list_url(root, n), self.days[0], "list", self.parse_list, root=root, n=n)

    def listing_problem(self, response: Response) -> tuple[str, str] | None:
        """(day status, reason) when a list page cannot be read as a list."""
        if response.status != 200:
            return "failed", f"list page answered HTTP {response.status}"
        return None

    def parse_list(self, response: Response) -> Iterator[Any]:
        info = response.meta["pressroom"]
        yield self.outcome(response)
        opening = info["n"] == self.first_list_page and self.lists_decide_day
        problem = self.listing_problem(response)
        if problem:
            self.logger.warning("%s: %s", response.url, problem[1])
            if opening:
                for day in self.days:
                    yield DayStatus(self.source, day.isoformat(), problem[0], first_url=response.url, detail=problem[1])
            return
        items = self.list_items(response)
        if opening:
            for day in self.days:
                yield DayStatus(self.source, day.isoformat(), "ok", "list", response.url)
        first, last = self.days[0], self.days[-1]
        for item in items:
            if first <= item.day <= last:
                yield self.page_request(item.url, item.day, "article", self.parse_item)
        if items and min(i.day for i in items) >= first and info["n"] + 1 < self.first_list_page + self.max_list_pages:
            yield self.list_request(info["root"], info["n"] + 1)

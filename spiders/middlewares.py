"""Downloader pieces: Scrapy's retry with exponential backoff (and Retry-After), and the mirror
download handler that sends every request to a local mirror while everything above the downloader
keeps the real URLs."""

from __future__ import annotations

import asyncio
from email.utils import parsedate_to_datetime
from datetime import datetime, timezone
from urllib.parse import urlsplit

from scrapy import Request
from scrapy.core.downloader.handlers.http11 import HTTP11DownloadHandler
from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.dupefilters import RFPDupeFilter
from scrapy.exceptions import NotConfigured
from scrapy.http import Response
from scrapy.settings import BaseSettings


def backoff_delay(retry_times: int, base: float, cap: float, retry_after: str | None = None) -> float:
    """Seconds to wait before retry number `retry_times` (1-based): base·2^(n-1), capped; a
    Retry-After header (seconds or an HTTP date) wins when it asks for longer.

    >>> [backoff_delay(n, 1.0, 5.0) for n in (1, 2, 3, 4)]
    [1.0, 2.0, 4.0, 5.0]
    >>> backoff_delay(1, 1.0, 60.0, "7")
    7.0
    """
    delay = min(cap, base * 2 ** (retry_times - 1))
    if retry_after:
        try:
            asked = float(retry_after)
        except ValueError:
            try:
                asked = (parsedate_to_datetime(retry_after) - datetime.now(timezone.utc)).total_seconds()
            except (TypeError, ValueError):
                asked = 0.0
        delay = max(delay, min(asked, cap))
    return max(delay, 0.0)


class BackoffRetryMiddleware(RetryMiddleware):
    """RetryMiddleware that waits RETRY_BACKOFF_BASE·2^(n-1) seconds (≤ RETRY_BACKOFF_MAX) before
    retry n, or what a 429/503 Retry-After asks for."""

    def __init__(self, settings: BaseSettings) -> None:
        super().__init__(settings)
        self.base = settings.getfloat("RETRY_BACKOFF_BASE", 1.0)
        self.cap = settings.getfloat("RETRY_BACKOFF_MAX", 60.0)

    async def process_request(self, request: Request, spider=None) -> None:
        delay = request.meta.pop("retry_backoff", 0.0)
        if delay:
            await asyncio.sleep(delay)

    def _with_backoff(self, result, retry_after: str | None = None):
        if isinstance(result, Request):
            result.meta["retry_backoff"] = backoff_delay(result.meta.get("retry_times", 1), self.base, self.cap, retry_after)
        return result

    def process_response(self, request: Request, response: Response, spider=None):
        retry_after = response.headers.get("Retry-After")
        return self._with_backoff(
            super().process_response(request, response), retry_after.decode("latin-1") if retry_after else None
        )

    def process_exception(self, request: Request, exception: Exception, spider=None):
        return self._with_backoff(super().process_exception(request, exception))


def mirror_url(mirror: str, url: str) -> str:
    """Where a real URL lives on the mirror: <mirror>/<host>/<path>?<query>.

    >>> mirror_url("http://127.0.0.1:8800", "http://paper.people.com.cn/rmrb/x.htm")
    'http://127.0.0.1:8800/paper.people.com.cn/rmrb/x.htm'
    """
    parts = urlsplit(url)
    return f"{mirror.rstrip('/')}/{parts.netloc}{parts.path or '/'}" + (f"?{parts.query}" if parts.query else "")


def unmirror_url(mirror: str, url: str, scheme: str = "http") -> str:
    """The real URL of a mirror URL (used on redirect Locations).

    >>> unmirror_url("http://127.0.0.1:8800", "http://127.0.0.1:8800/www.gov.cn/a.htm", "https")
    'https://www.gov.cn/a.htm'
    """
    mirror = mirror.rstrip("/")
    rest = url[len(mirror) :] if url.startswith(mirror) else url
    if not rest.startswith("/"):
        return url
    return f"{scheme}://{rest.lstrip('/')}"


class MirrorDownloadHandler(HTTP11DownloadHandler):
    """Fetch every http(s) URL from PRESSROOM_MIRROR (a `pressroom mirror` server) instead."""

    def __init__(self, crawler: Crawler) -> None:
        mirror = crawler.settings.get("PRESSROOM_MIRROR")
        if not mirror:
            raise NotConfigured("PRESSROOM_MIRROR is not set")
        super().__init__(crawler)
        self.mirror = mirror.rstrip("/")

    async def download_request(self, request: Request) -> Response:
        response = await super().download_request(request.replace(url=mirror_url(self.mirror, request.url)))
        location = response.headers.get("Location")
        if location:
            loc = location.decode("latin-1")
            if loc.startswith("/"):
                loc = self.mirror + loc
            response.headers["Location"] = unmirror_url(self.mirror, loc, urlsplit(request.url).scheme)
        return response.replace(url=request.url)


class RedirectHopDupeFilter(RFPDupeFilter):
    """The usual duplicate filter, except for redirect hops: a redirect back to a URL already
    asked (A → B → A) would otherwise be dropped without a word and its page left with no
    outcome; let it through, and RedirectMiddleware ends the loop at REDIRECT_MAX_TIMES, which
    the spider records as a failure."""

    def request_seen(self, request: Request) -> bool:
        if request.meta.get("redirect_urls"):
            return False
        return super().request_seen(request)

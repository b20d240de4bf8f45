"""The landing area as Scrapy's HTTP cache storage: a page already landed is served from there and
not downloaded again; a fresh 200 response is landed exactly as received.

Enabled by HTTPCACHE_STORAGE / HTTPCACHE_POLICY in spiders.settings. `PRESSROOM_REFRESH` makes
every landed page stale, so it is fetched again and, if it changed, landed as a new version.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from typing import Any
from urllib.parse import urlsplit

from scrapy import Request, Spider
from scrapy.http import Response
from scrapy.responsetypes import responsetypes
from scrapy.settings import BaseSettings

from pressroom.landing import LandingStore


def landing_info(request: Request) -> dict[str, Any] | None:
    """The (source, day, kind) a spider put on its request; None for site files such as robots.txt."""
    return request.meta.get("pressroom")


def _where(request: Request, spider: Spider) -> tuple[str, date | None, str | None]:
    info = landing_info(request)
    if info:
        return info["source"], date.fromisoformat(info["day"]), None
    return "_site", None, urlsplit(request.url).netloc


class LandingCacheStorage:
    def __init__(self, settings: BaseSettings) -> None:
        self.store = LandingStore(settings["PRESSROOM_DATA"])
        self.run_uid = settings.get("PRESSROOM_RUN_UID")

    def open_spider(self, spider: Spider) -> None:
        spider.landing = self.store  # type: ignore[attr-defined]

    def close_spider(self, spider: Spider) -> None:
        pass

    def retrieve_response(self, spider: Spider, request: Request) -> Response | None:
        source, day, host = _where(request, spider)
        meta = self.store.page_meta(source, day, request.url, host)
        if meta is None:
            return None
        body = self.store.page_body(meta)
        headers = {k: v for k, v in meta["headers"].items()}
        cls = responsetypes.from_args(headers=headers, url=meta["url"], body=body)
        request.meta["landed_meta"] = meta
        return cls(url=meta["url"], status=meta["status"], headers=headers, body=body)

    def store_response(self, spider: Spider, request: Request, response: Response) -> None:
        source, day, host = _where(request, spider)
        redirects = request.meta.get("redirect_urls") or []
        info = landing_info(request) or {}
        meta = self.store.land_page(
            source=source,
            day=day,
            host=host,
            url=request.url,
            kind=info.get("kind", "site"),
            status=response.status,
            headers={k.decode("latin-1"): [v.decode("latin-1") for v in vs] for k, vs in response.headers.items()},
            body=response.body,
            final_url=response.url,
            requested_url=redirects[0] if redirects else request.url,
            fetch_run_uid=self.run_uid,
        )
        request.meta["landed_meta"] = meta
        spider.crawler.stats.inc_value("pressroom/landed_bytes", len(response.body))


class LandingPolicy:
    """Land 200 responses (and absent site files); serve landed pages as fresh unless refreshing;
    site files live a day, listings of today or yesterday an hour."""

    SITE_TTL = timedelta(hours=24)
    LISTING_TTL = timedelta(hours=1)

    def __init__(self, settings: BaseSettings) -> None:
        self.refresh = settings.getbool("PRESSROOM_REFRESH")

    def should_cache_request(self, request: Request) -> bool:
        return request.method == "GET"

    def should_cache_response(self, response: Response, request: Request) -> bool:
        if "dataloss" in response.flags:
            return False
        # pages land when they answer 200; a site file (robots.txt) that is absent is an answer too
        return response.status == 200 or (landing_info(request) is None and response.status == 404)

    def is_cached_response_fresh(self, cachedresponse: Response, request: Request) -> bool:
        info = landing_info(request)
        fetched = request.meta.get("landed_meta", {}).get("fetched_at")
        age = datetime.now(timezone.utc) - datetime.fromisoformat(fetched) if fetched else None
        if info is None:
            return age is not None and age < self.SITE_TTL
        if self.refresh:
            return False
        if info.get("kind") in ("api", "list") and date.fromisoformat(info["day"]) >= date.today() - timedelta(days=1):
            # a listing of today or yesterday may still grow: ask again after an hour
            return age is not None and age < self.LISTING_TTL
        return True

    def is_cached_response_valid(self, cachedresponse: Response, response: Response, request: Request) -> bool:
        return False

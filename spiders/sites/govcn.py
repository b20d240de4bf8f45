"""www.gov.cn policies through the site's search API, and news releases (要闻, 部门联播) through
their list pages, for a date range.

    scrapy crawl govcn -a date=2026-09-17 [-a to=2026-09-30] [-a news=no]

For each day the API is asked for the policies published that day (sort by publication time,
paged to the last page); the news lists are walked until they pass the range. Every item of the
range is fetched and landed under its day. Old URLs that now redirect are followed, and the
landing records both the URL asked for and the final one.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

from scrapy.http import Response

from spiders.items import DayStatus
from spiders.sites.base import ListingSpider
from transforms import govcn_patterns as P
from transforms.govcn_api import parse_search, search_url
from transforms.govcn_list import list_page_url, parse_news_list


class GovcnSpider(ListingSpider):
    name = "govcn"
    source = P.SOURCE
    allowed_domains = ["gov.cn"]
    #: API categories crawled: 国务院文件, 部门文件, 其他文件 (gongbao, the gazette, is left out).
    categories = ("gongwen", "bumenfile", "otherfile")
    max_list_pages = 100
    lists_decide_day = False  # the search API speaks for the day

    def __init__(self, *args: Any, news: str = "yes", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.news = news.lower() not in ("no", "false", "0")

    async def start(self) -> Any:
        for day in self.days:
            yield self.page_request(search_url(1, start=day, end=day), day, "api", self.parse_api, api_page=1, first=True)
        if self.news:
            for root in P.NEWS_LISTS:
                yield self.list_request(root)

    def list_url(self, root: str, n: int) -> str:
        return list_page_url(root, n)

    def list_items(self, response: Response) -> list[Any]:
        """要闻 / 部门联播 list pages."""
        return parse_news_list(response.body, response.url)

    def parse_api(self, response: Response) -> Iterator[Any]:
        info = response.meta["pressroom"]
        day = date.fromisoformat(info["day"])
        yield self.outcome(response)
        if response.status != 200:
            if info.get("first"):
                yield DayStatus(self.source, info["day"], "failed", first_url=response.url, detail=f"search API answered HTTP {response.status}")
            return
        try:
            page = parse_search(response.body)
        except ValueError as exc:
            self.logger.error("unreadable search API page %s: %s", response.url, exc)
            if info.get("first"):
                yield DayStatus(self.source, info["day"], "failed", first_url=response.url, detail=str(exc))
            return
        items = [i for i in page.items if i.category in self.categories and i.published == day]
        if info.get("first"):
            last = max((page.total_pages.get(c, 0) for c in self.categories), default=0)
            yield DayStatus(self.source, info["day"], "ok", "search-api", response.url, last)
            for n in range(2, last + 1):
                yield self.page_request(search_url(n, start=day, end=day), day, "api", self.parse_api, api_page=n)
        self.logger.info("%s search page %s: %d items", day, info.get("api_page"), len(items))
        for item in items:
            yield self.page_request(item.url, day, "article", self.parse_item, api_id=item.id)

"""国家统计局 releases from the release lists, for a date range.

    scrapy crawl stats -a date=2016-03-12 [-a to=…]

The lists are walked from their first page until a page holds nothing as recent as the range's
first day; every release of the range is landed under its own day. A list page that is the site's
anti-bot challenge ends the crawl of that list as `blocked`, with the reason recorded.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

from scrapy.http import Response

from spiders.items import DayStatus
from spiders.sites.base import PressroomSpider
from transforms.stats import CHALLENGE
from transforms.stats_list import HOST, list_roots, page_url, parse_list

MAX_LIST_PAGES = 200


class StatsSpider(PressroomSpider):
    name = "stats"
    source = "stats"
    allowed_domains = [HOST]

    async def start(self) -> Any:
        first, last = self.days[0], self.days[-1]
        for root in list_roots(first, last):
            yield self.page_request(page_url(root, 0), first, "list", self.parse_list, root=root, n=0)

    def parse_list(self, response: Response) -> Iterator[Any]:
        info = response.meta["pressroom"]
        yield self.outcome(response)
        first, last = self.days[0], self.days[-1]
        text = response.text if response.status == 200 else ""
        if response.status != 200 or (CHALLENGE.search(text) and "zxfb/" not in text.replace(info["root"], "")):
            reason = (f"list page answered HTTP {response.status}" if response.status != 200
                      else "stats.gov.cn answered with its anti-bot challenge (wzws), not the release list")
            self.logger.error("%s: %s", response.url, reason)
            for day in self.days:
                yield DayStatus(self.source, day.isoformat(), "blocked" if response.status == 200 else "failed",
                                first_url=response.url, detail=reason)
            return
        releases = parse_list(response.body, response.url)
        if info["n"] == 0:
            for day in self.days:
                yield DayStatus(self.source, day.isoformat(), "ok", "list", response.url)
        for rel in releases:
            if first <= rel.day <= last:
                yield self.page_request(rel.url, rel.day, "article", self.parse_release)
        if releases and min(r.day for r in releases) >= first and info["n"] + 1 < MAX_LIST_PAGES:
            n = info["n"] + 1
            yield self.page_request(page_url(info["root"], n), date.fromisoformat(info["day"]), "list", self.parse_list,
                                    root=info["root"], n=n)

    def parse_release(self, response: Response) -> Iterator[Any]:
        yield self.outcome(response)

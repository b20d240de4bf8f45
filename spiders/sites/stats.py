"""国家统计局 releases from the release lists, for a date range.

    scrapy crawl stats -a date=2016-03-12 [-a to=…]

The lists (/tjsj/zxfb/ up to 2022, /sj/zxfb/ after) are walked until they pass the range; every
release of the range is landed under its own day. A list page that is the site's anti-bot
challenge marks the days `blocked`, with the reason recorded.
"""

from __future__ import annotations

from typing import Any

from scrapy.http import Response

from spiders.sites.base import ListingSpider
from transforms.stats import CHALLENGE
from transforms.stats_list import HOST, list_roots, page_url, parse_list


class StatsSpider(ListingSpider):
    name = "stats"
    source = "stats"
    allowed_domains = [HOST]
    max_list_pages = 200

    async def start(self) -> Any:
        for root in list_roots(self.days[0], self.days[-1]):
            yield self.list_request(root)

    def list_url(self, root: str, n: int) -> str:
        return page_url(root, n)

    def list_items(self, response: Response) -> list[Any]:
        return parse_list(response.body, response.url)

    def listing_problem(self, response: Response) -> tuple[str, str] | None:
        if response.status == 200 and CHALLENGE.search(response.text) and not parse_list(response.body, response.url):
            return "blocked", "stats.gov.cn answered with its anti-bot challenge (wzws), not the release list"
        return super().listing_problem(response)

"""国务院新闻办公室 press conferences from the column list, with their 图文实录 transcripts.

    scrapy crawl scio -a date=2024-04-16 [-a to=…]

The column list is walked until it passes the range; each conference of the range is landed, and
so is the transcript its page links to (under the conference's day).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

from scrapy.http import Response

from spiders.sites.base import ListingSpider
from transforms.records import ParseFailure
from transforms.scio import COLUMN, SOURCE, list_page_url, parse_list, parse_scio


class ScioSpider(ListingSpider):
    name = "scio"
    source = SOURCE
    allowed_domains = ["scio.gov.cn"]

    async def start(self) -> Any:
        yield self.list_request(COLUMN)

    def list_url(self, root: str, n: int) -> str:
        return list_page_url(n, root)

    def list_items(self, response: Response) -> list[Any]:
        return parse_list(response.body, response.url)

    def parse_item(self, response: Response) -> Iterator[Any]:
        yield self.outcome(response)
        if response.status != 200:
            return
        try:
            doc = parse_scio(response.body, response.url)
        except ParseFailure:
            return
        if doc.meta.get("transcript"):
            day = date.fromisoformat(response.meta["pressroom"]["day"])
            yield self.page_request(doc.meta["transcript"], day, "article", self.parse_transcript)

    def parse_transcript(self, response: Response) -> Iterator[Any]:
        yield self.outcome(response)

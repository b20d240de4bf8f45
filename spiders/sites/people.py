"""people.com.cn articles from channel list pages, for a date range.

    scrapy crawl people -a date=2024-05-10 [-a to=…] [-a channels=http://finance.people.com.cn/GB/70846/]

Each channel list is walked until it passes the range. Every article of the range is landed under
its day, with the further pages of a multi-page article (…-2.html) landed beside it as
`article_page`s for the parser to join.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

from scrapy.http import Response

from spiders.sites.base import ListingSpider
from transforms.people import parse_people
from transforms.people_list import CHANNELS, page_url, parse_list
from transforms.records import ParseFailure


class PeopleSpider(ListingSpider):
    name = "people"
    source = "people"
    allowed_domains = ["people.com.cn"]
    first_list_page = 1

    def __init__(self, *args: Any, channels: str | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.channels = tuple(channels.split(",")) if channels else CHANNELS

    async def start(self) -> Any:
        for root in self.channels:
            yield self.list_request(root)

    def list_url(self, root: str, n: int) -> str:
        return page_url(root, n)

    def list_items(self, response: Response) -> list[Any]:
        return parse_list(response.body, response.url)

    def parse_item(self, response: Response) -> Iterator[Any]:
        yield self.outcome(response)
        if response.status != 200:
            return
        try:  # only for the links to the article's further pages; the parse stage reads it again
            doc = parse_people(response.body, response.url)
        except ParseFailure:
            return
        day = date.fromisoformat(response.meta["pressroom"]["day"])
        for url in doc.meta.get("pages", "").split():
            if url != response.url:
                yield self.page_request(url, day, "article_page", self.parse_continuation)

    def parse_continuation(self, response: Response) -> Iterator[Any]:
        yield self.outcome(response)

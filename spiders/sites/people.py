"""people.com.cn articles from channel list pages, for a date range.

    scrapy crawl people -a date=2024-05-10 [-a to=…] [-a channels=http://finance.people.com.cn/GB/70846/]

Each channel list is walked until a page holds nothing as recent as the range's first day. Every
article of the range is landed under its day, with the further pages of a multi-page article
(…-2.html) landed beside it as `article_page`s for the parser to join.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

from scrapy.http import Response

from spiders.items import DayStatus
from spiders.sites.base import PressroomSpider
from transforms.people import parse_people
from transforms.people_list import CHANNELS, page_url, parse_list
from transforms.records import ParseFailure

MAX_LIST_PAGES = 50


class PeopleSpider(PressroomSpider):
    name = "people"
    source = "people"
    allowed_domains = ["people.com.cn"]

    def __init__(self, *args: Any, channels: str | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.channels = tuple(channels.split(",")) if channels else CHANNELS

    async def start(self) -> Any:
        for root in self.channels:
            yield self.page_request(page_url(root, 1), self.days[0], "list", self.parse_list, root=root, n=1)

    def parse_list(self, response: Response) -> Iterator[Any]:
        info = response.meta["pressroom"]
        yield self.outcome(response)
        first, last = self.days[0], self.days[-1]
        if response.status != 200:
            if info["n"] == 1:
                for day in self.days:
                    yield DayStatus(self.source, day.isoformat(), "failed", first_url=response.url,
                                    detail=f"channel list answered HTTP {response.status}")
            return
        articles = parse_list(response.body, response.url)
        if info["n"] == 1:
            for day in self.days:
                yield DayStatus(self.source, day.isoformat(), "ok", "channel-list", response.url)
        for art in articles:
            if first <= art.day <= last:
                yield self.page_request(art.url, art.day, "article", self.parse_article)
        if articles and min(a.day for a in articles) >= first and info["n"] < MAX_LIST_PAGES:
            yield self.page_request(page_url(info["root"], info["n"] + 1), date.fromisoformat(info["day"]), "list",
                                    self.parse_list, root=info["root"], n=info["n"] + 1)

    def parse_article(self, response: Response) -> Iterator[Any]:
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

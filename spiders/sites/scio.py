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

from spiders.items import DayStatus
from spiders.sites.base import PressroomSpider
from transforms.records import ParseFailure
from transforms.scio import HOST, SOURCE, list_page_url, parse_list, parse_scio

MAX_LIST_PAGES = 50


class ScioSpider(PressroomSpider):
    name = "scio"
    source = SOURCE
    allowed_domains = ["scio.gov.cn"]

    async def start(self) -> Any:
        yield self.page_request(list_page_url(0), self.days[0], "list", self.parse_list, n=0)

    def parse_list(self, response: Response) -> Iterator[Any]:
        info = response.meta["pressroom"]
        yield self.outcome(response)
        first, last = self.days[0], self.days[-1]
        if response.status != 200:
            if info["n"] == 0:
                for day in self.days:
                    yield DayStatus(self.source, day.isoformat(), "failed", first_url=response.url,
                                    detail=f"column list answered HTTP {response.status}")
            return
        items = parse_list(response.body, response.url)
        if info["n"] == 0:
            for day in self.days:
                yield DayStatus(self.source, day.isoformat(), "ok", "column", response.url)
        for item in items:
            if first <= item.day <= last:
                yield self.page_request(item.url, item.day, "article", self.parse_conference)
        if items and min(i.day for i in items) >= first and info["n"] + 1 < MAX_LIST_PAGES:
            yield self.page_request(list_page_url(info["n"] + 1), date.fromisoformat(info["day"]), "list",
                                    self.parse_list, n=info["n"] + 1)

    def parse_conference(self, response: Response) -> Iterator[Any]:
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


__all__ = ["ScioSpider", "HOST"]

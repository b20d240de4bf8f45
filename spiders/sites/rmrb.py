"""People's Daily e-paper (paper.people.com.cn/rmrb): every 版 and every article of a day.

    scrapy crawl rmrb -a date=2024-03-27 [-a to=2024-03-31]

The first layout page is tried on the URL scheme its date implies (rmrb/pc/ from 2024-12-01,
rmrb/html/ before) and, on a 404, on the other one; when neither answers, the day had no paper.
Layout pages are parsed by transforms.rmrb_layout only to find links.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

from scrapy import Request
from scrapy.http import Response

from spiders.items import DayStatus
from spiders.sites.base import PressroomSpider
from transforms import rmrb_patterns as P
from transforms.records import ParseFailure
from transforms.rmrb_layout import parse_layout


class RmrbSpider(PressroomSpider):
    name = "rmrb"
    source = P.SOURCE
    allowed_domains = [P.HOST]

    async def start(self) -> Any:
        for day in self.days:
            scheme = P.expected_scheme(day)
            yield self.page_request(P.layout_url(day, "01", scheme), day, "layout", self.parse_layout, first=True, scheme=scheme)

    def _other_scheme(self, request: Request) -> Request | None:
        info = request.meta["pressroom"]
        if info.get("probed"):
            return None
        day = date.fromisoformat(info["day"])
        other = "html" if info["scheme"] == "pc" else "pc"
        self.logger.info("%s: no first page at %s, probing the %s/ scheme", day, request.url, other)
        return self.page_request(P.layout_url(day, "01", other), day, "layout", self.parse_layout, first=True, scheme=other, probed=True)

    def parse_layout(self, response: Response) -> Iterator[Any]:
        info = response.meta["pressroom"]
        day = date.fromisoformat(info["day"])
        yield self.outcome(response)
        redirected_away = P.classify_url(response.url)[0] != "layout"
        if response.status != 200 or redirected_away:
            if info.get("first"):
                if response.status in (404, 410) or redirected_away:
                    probe = self._other_scheme(response.request)
                    if probe is not None:
                        yield probe
                    else:
                        yield DayStatus(self.source, info["day"], "no_paper", detail="no first layout page on either URL scheme")
                else:
                    yield DayStatus(self.source, info["day"], "failed", first_url=response.url, detail=f"first layout page answered HTTP {response.status}")
            return
        try:
            layout = parse_layout(response.body, response.url, response.headers.get("Content-Type", b"").decode("latin-1") or None)
        except ParseFailure as exc:
            self.logger.error("unparsable layout page %s: %s", response.url, exc)
            if info.get("first"):
                yield DayStatus(self.source, info["day"], "failed", first_url=response.url, detail=str(exc))
            return
        if info.get("first"):
            yield DayStatus(self.source, info["day"], "ok", layout.generation, response.url, len(layout.pages))
            for page in layout.pages:
                if page.url != response.url:
                    yield self.page_request(page.url, day, "layout", self.parse_layout)
        self.logger.info("%s 第%s版 %s: %d articles", day, layout.page_no, layout.page_name or "", len(layout.articles))
        for art in layout.articles:
            yield self.page_request(art.url, day, "article", self.parse_article)

    def parse_article(self, response: Response) -> Iterator[Any]:
        yield self.outcome(response)

    def after_failure(self, request: Request, outcome: str, detail: str) -> Iterator[Any]:
        info = request.meta["pressroom"]
        if info.get("first"):
            yield DayStatus(self.source, info["day"], "failed", first_url=request.url, detail=f"{outcome}: {detail}")

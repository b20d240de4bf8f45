"""Record every URL's outcome and each day's status in the landing area (raw/<source>/<day>/_day.json)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict
from datetime import date
from typing import Any

from scrapy import Spider
from scrapy.crawler import Crawler

from pressroom.landing import LandingStore, utcnow
from spiders.items import FAILED_OUTCOMES, DayStatus, PageOutcome


SEVERITY = {"ok": 0, "no_paper": 1, "blocked": 2, "failed": 2}


def day_status(status: DayStatus | None, outcomes: list[PageOutcome]) -> str:
    """complete, partial (some URL failed), no_paper, blocked, failed (first page failed) or incomplete.

    >>> day_status(DayStatus("rmrb", "2024-03-27", "ok"), [])
    'complete'
    >>> day_status(None, [])
    'incomplete'
    """
    if status is None:
        return "incomplete"
    if status.status != "ok":
        return status.status
    return "partial" if any(o.outcome in FAILED_OUTCOMES for o in outcomes) else "complete"


class DayRecordPipeline:
    def __init__(self, crawler: Crawler) -> None:
        self.outcomes: dict[tuple[str, str], list[PageOutcome]] = defaultdict(list)
        self.status: dict[tuple[str, str], DayStatus] = {}
        self.store = LandingStore(crawler.settings["PRESSROOM_DATA"])
        self.stats = crawler.stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> DayRecordPipeline:
        return cls(crawler)

    def process_item(self, item: Any, spider: Spider | None = None) -> Any:
        if isinstance(item, PageOutcome):
            self.outcomes[(item.source, item.day)].append(item)
            self.stats.inc_value(f"pressroom/outcome/{item.outcome}")
        elif isinstance(item, DayStatus):
            key = (item.source, item.day)
            # a day several listings speak for keeps the worst word: failed/blocked over no_paper over ok
            if key not in self.status or SEVERITY.get(item.status, 0) >= SEVERITY.get(self.status[key].status, 0):
                self.status[key] = item
        return item

    def close_spider(self, spider: Spider | None = None) -> None:
        days: dict[str, str] = {}
        for key in sorted(set(self.outcomes) | set(self.status)):
            source, day = key
            outcomes = sorted(self.outcomes.get(key, []), key=lambda o: o.url)
            st = self.status.get(key)
            status = day_status(st, outcomes)
            days[day] = status
            counts: dict[str, int] = defaultdict(int)
            for o in outcomes:
                counts[o.outcome] += 1
            self.store.write_day(
                source,
                date.fromisoformat(day),
                {
                    "source": source,
                    "day": day,
                    "status": status,
                    "generation": st.generation if st else None,
                    "first_url": st.first_url if st else None,
                    "pages": st.pages if st else 0,
                    "detail": st.detail if st else "the crawl ended before the day's first page answered",
                    "counts": dict(counts),
                    "outcomes": [asdict(o) for o in outcomes],
                    "crawled_at": utcnow(),
                },
            )
        self.stats.set_value("pressroom/days", days)

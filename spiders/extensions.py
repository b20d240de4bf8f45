"""Crawl extensions: CrawlReport (the summary a crawl is judged by, as a log line and a JSON file,
PRESSROOM_STATS_FILE) and CrawlProgress (concise progress lines on stderr, PRESSROOM_PROGRESS)."""

from __future__ import annotations

import json
import logging
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

from scrapy import Spider, signals
from scrapy.crawler import Crawler

from spiders.items import FAILED_OUTCOMES, DayStatus, PageOutcome

logger = logging.getLogger(__name__)


def summarize(stats: dict[str, Any], reason: str) -> dict[str, Any]:
    """Counts a crawl is judged by, from Scrapy's stats."""
    outcome = {k.rsplit("/", 1)[1]: v for k, v in stats.items() if k.startswith("pressroom/outcome/")}
    fetched = stats.get("downloader/response_count", 0) - stats.get("httpcache/hit", 0)
    return {
        "finish_reason": reason,
        "fetched": fetched,
        "landed": outcome.get("landed", 0),
        "skipped": outcome.get("already_landed", 0),
        "not_found": outcome.get("not_found", 0),
        "robots_forbidden": outcome.get("robots_forbidden", 0),
        "failed": sum(outcome.get(k, 0) for k in FAILED_OUTCOMES),
        "outcomes": outcome,
        "errors": stats.get("log_count/ERROR", 0),
        "days": stats.get("pressroom/days", {}),
    }


class CrawlReport:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.path = crawler.settings.get("PRESSROOM_STATS_FILE")
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CrawlReport:
        return cls(crawler)

    def spider_closed(self, spider: Spider, reason: str) -> None:
        summary = summarize(self.crawler.stats.get_stats(), reason)
        self.crawler.stats.set_value("pressroom/summary", summary)
        logger.info(
            "crawl %s: finish_reason=%s fetched=%d landed=%d skipped=%d failed=%d days=%s",
            spider.name, reason, summary["fetched"], summary["landed"], summary["skipped"],
            summary["failed"], summary["days"],
        )
        if self.path:
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            Path(self.path).write_text(json.dumps(summary, ensure_ascii=False, indent=1, default=str))


class CrawlProgress:
    """Prints what a long crawl is doing, whatever the log level: each day's first page, and a
    running count of URLs at most every PRESSROOM_PROGRESS_INTERVAL seconds."""

    def __init__(self, crawler: Crawler) -> None:
        from scrapy.exceptions import NotConfigured

        if not crawler.settings.getbool("PRESSROOM_PROGRESS"):
            raise NotConfigured
        self.interval = crawler.settings.getfloat("PRESSROOM_PROGRESS_INTERVAL", 5.0)
        self.counts: Counter[str] = Counter()
        self.last = time.monotonic()
        self.name = ""
        crawler.signals.connect(self.item_scraped, signal=signals.item_scraped)
        crawler.signals.connect(self.spider_opened, signal=signals.spider_opened)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CrawlProgress:
        return cls(crawler)

    def _say(self, text: str) -> None:
        print(f"crawl {self.name}: {text}", file=sys.stderr, flush=True)

    def spider_opened(self, spider: Spider) -> None:
        self.name = spider.name
        days = getattr(spider, "days", [])
        if days:
            self._say(f"{len(days)} day(s) {days[0]}..{days[-1]}")

    def item_scraped(self, item: object, spider: Spider) -> None:
        if isinstance(item, DayStatus):
            what = f"paper found ({item.generation}, {item.pages} 版)" if item.status == "ok" else f"{item.status}: {item.detail}"
            self._say(f"{item.day} {what}")
        elif isinstance(item, PageOutcome):
            self.counts[item.outcome] += 1
            if time.monotonic() - self.last >= self.interval:
                self.last = time.monotonic()
                done = sum(self.counts.values())
                self._say(f"{done} URLs done (" + ", ".join(f"{k} {v}" for k, v in sorted(self.counts.items())) + ")")

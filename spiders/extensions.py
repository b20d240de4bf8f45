"""CrawlReport: at the end of a crawl, the summary operators read, as one log line and a JSON
file (PRESSROOM_STATS_FILE) that callers judge the crawl by."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

from scrapy import Spider, signals
from scrapy.crawler import Crawler

from spiders.items import FAILED_OUTCOMES

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

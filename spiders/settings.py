"""Scrapy settings for pressroom's spiders: polite by default.

pressroom.crawl adds PRESSROOM_DATA (landing location), PRESSROOM_REFRESH, PRESSROOM_MIRROR and
PRESSROOM_STATS_FILE per run.
"""

from pressroom import __version__
from pressroom.config import DEFAULT_CONTACT, DEFAULT_DATA

BOT_NAME = "pressroom"
SPIDER_MODULES = ["spiders.sites"]
NEWSPIDER_MODULE = "spiders.sites"

# Politeness: an honest User-Agent with a contact URL, robots.txt obeyed, one request at a time per
# host, AutoThrottle on top of a 1 s base delay.
USER_AGENT = f"pressroom/{__version__} (+{DEFAULT_CONTACT}; news-research crawler)"
ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 8
CONCURRENT_REQUESTS_PER_DOMAIN = 1
DOWNLOAD_DELAY = 1.0
DOWNLOAD_DELAY_JITTER = 0.5
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
DOWNLOAD_TIMEOUT = 30

# Retries on 5xx, 429, timeouts and connection errors, with exponential backoff.
RETRY_ENABLED = True
RETRY_TIMES = 3
RETRY_BACKOFF_BASE = 2.0
RETRY_BACKOFF_MAX = 60.0
DOWNLOAD_FAIL_ON_DATALOSS = True

# The landing area is the HTTP cache: landed pages are not downloaded again.
HTTPCACHE_ENABLED = True
HTTPCACHE_STORAGE = "spiders.cache.LandingCacheStorage"
HTTPCACHE_POLICY = "spiders.cache.LandingPolicy"
PRESSROOM_DATA = DEFAULT_DATA
PRESSROOM_REFRESH = False
PRESSROOM_MIRROR = None
PRESSROOM_STATS_FILE = None
PRESSROOM_RUN_UID = None  # the etl_runs row of this crawl, written into each landed page

DOWNLOADER_MIDDLEWARES = {
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "spiders.middlewares.BackoffRetryMiddleware": 550,
}
DUPEFILTER_CLASS = "spiders.middlewares.RedirectHopDupeFilter"  # a redirect loop ends in a recorded failure
ITEM_PIPELINES = {"spiders.pipelines.DayRecordPipeline": 300}
EXTENSIONS = {
    "spiders.extensions.CrawlReport": 500,
    "spiders.extensions.CrawlProgress": 510,
    "scrapy.extensions.telnet.TelnetConsole": None,
}
PRESSROOM_PROGRESS = False
PRESSROOM_PROGRESS_INTERVAL = 5.0

LOG_LEVEL = "INFO"
LOGSTATS_INTERVAL = 15.0
FEED_EXPORT_ENCODING = "utf-8"

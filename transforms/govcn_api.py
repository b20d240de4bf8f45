"""The www.gov.cn policy search API (sousuo.www.gov.cn/search-gov/data): request URLs and the items
of a response page (../shared/corpus/gov/STRUCTURE.md §4)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from urllib.parse import urlencode

API = "https://sousuo.www.gov.cn/search-gov/data"
PAGE_SIZE = 50
CATEGORIES = ("gongwen", "bumenfile", "otherfile", "gongbao")
BEIJING = timezone(timedelta(hours=8))


@dataclass(frozen=True)
class ApiItem:
    id: str
    title: str
    url: str
    category: str
    published: date
    pcode: str
    puborg: str
    index: str


@dataclass(frozen=True)
class ApiPage:
    items: list[ApiItem]
    total_pages: dict[str, int]  # per category


def search_url(page: int, *, start: date | None = None, end: date | None = None, n: int = PAGE_SIZE) -> str:
    """The API URL of result page `page` (1-based), newest first, optionally within a date window.

    >>> search_url(1, n=5)
    'https://sousuo.www.gov.cn/search-gov/data?t=zhengcelibrary&q=&timetype=timeqb&mintime=&maxtime=&sort=pubtime&sortType=1&searchfield=title&p=1&n=5&type=gwyzcwjk'
    """
    window = "timezd" if start or end else "timeqb"
    params = {"t": "zhengcelibrary", "q": "", "timetype": window, "mintime": start.isoformat() if start else "",
              "maxtime": end.isoformat() if end else "", "sort": "pubtime", "sortType": 1, "searchfield": "title",
              "p": page, "n": n, "type": "gwyzcwjk"}
    return f"{API}?{urlencode(params)}"


def _clean_title(title: str) -> str:
    return re.sub(r"<[^>]+>", "", title or "").replace("\u3000", " ").strip()


def parse_search(body: bytes | str) -> ApiPage:
    """Items of one response page, every category; raises ValueError on a response that is not one.

    Publication days come from `pubtime` (epoch ms, Beijing day), the field that agrees with the pages.
    """
    data = json.loads(body)
    if data.get("code") not in (200, 1001):
        raise ValueError(f"search API answered code {data.get('code')}: {data.get('msg')}")
    vo = data.get("searchVO") or {}
    items: list[ApiItem] = []
    pages: dict[str, int] = {}
    cats = vo.get("catMap") or {"listVO": {"listVO": vo.get("listVO") or [], "totalCount": vo.get("totalCount", 0)}}
    size = int((data.get("paramsVO") or {}).get("n") or PAGE_SIZE)
    for cat, block in cats.items():
        pages[cat] = -(-int(block.get("totalCount") or 0) // size)
        for row in block.get("listVO") or []:
            ms = row.get("pubtime") or 0
            day = datetime.fromtimestamp(ms / 1000, BEIJING).date() if ms else datetime.strptime(row["pubtimeStr"], "%Y.%m.%d").date()
            items.append(ApiItem(str(row.get("id")), _clean_title(row.get("title", "")), row.get("url", ""), cat, day,
                                 row.get("pcode") or "", row.get("puborg") or "", row.get("index") or ""))
    return ApiPage(items, pages)

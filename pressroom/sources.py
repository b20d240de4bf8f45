"""The sources pressroom knows: which spider crawls each and which pure function parses its days."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from transforms import PARSER_VERSION, rmrb_day
from transforms.govcn import parse_govcn
from transforms.pages_day import parser_for
from transforms.people import parse_people
from transforms.rmrb_day import DayParse, RawPage
from transforms.scio import parse_scio
from transforms.stats import parse_stats


@dataclass(frozen=True)
class SourceSpec:
    name: str
    spider: str
    parse_day: Callable[[Iterable[RawPage]], DayParse]
    parser_version: str
    description: str


SOURCES: dict[str, SourceSpec] = {
    "rmrb": SourceSpec("rmrb", "rmrb", rmrb_day.parse_day, PARSER_VERSION, "人民日报 e-paper, paper.people.com.cn"),
    "govcn": SourceSpec("govcn", "govcn", parser_for(parse_govcn), PARSER_VERSION, "中国政府网 policies and releases, www.gov.cn"),
    "stats": SourceSpec("stats", "stats", parser_for(parse_stats), PARSER_VERSION, "国家统计局 releases, www.stats.gov.cn"),
    "people": SourceSpec("people", "people", parser_for(parse_people), PARSER_VERSION, "人民网 articles, people.com.cn"),
    "scio": SourceSpec("scio", "scio", parser_for(parse_scio), PARSER_VERSION, "国务院新闻办 press conferences, www.scio.gov.cn"),
}


def get_source(name: str) -> SourceSpec:
    try:
        return SOURCES[name]
    except KeyError:
        raise KeyError(f"unknown source {name!r}; known: {', '.join(SOURCES)}") from None

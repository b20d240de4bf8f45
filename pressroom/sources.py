"""The sources pressroom knows: which spider crawls each and which pure function parses its days."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from transforms import PARSER_VERSION, rmrb_day
from transforms.rmrb_day import DayParse, RawPage


@dataclass(frozen=True)
class SourceSpec:
    name: str
    spider: str
    parse_day: Callable[[Iterable[RawPage]], DayParse]
    parser_version: str
    description: str


SOURCES: dict[str, SourceSpec] = {
    "rmrb": SourceSpec("rmrb", "rmrb", rmrb_day.parse_day, PARSER_VERSION, "人民日报 e-paper, paper.people.com.cn"),
}


def get_source(name: str) -> SourceSpec:
    try:
        return SOURCES[name]
    except KeyError:
        raise KeyError(f"unknown source {name!r}; known: {', '.join(SOURCES)}") from None

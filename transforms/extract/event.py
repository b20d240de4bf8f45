"""Press events a document reports: '3月26日,国务院新闻办举行新闻发布会,介绍…'."""

from __future__ import annotations

import re
from datetime import date, timedelta

from transforms.extract.records import Event

from transforms.extract import lexicon as L

_ORGANIZERS = "|".join(sorted(map(re.escape, (*L.AGENCIES, *L.AGENCY_CANONICAL, "国务院新闻办公室", "国务院新闻办", "国新办")),
                              key=len, reverse=True))
_KIND = r"(?P<type>新闻发布会|发布会|吹风会|记者会|新闻通气会)"
#: A dated event: '3月26日,国务院新闻办举行新闻发布会,介绍…'.
EVENT = re.compile(
    r"(?:(?P<y>\d{4})年)?(?P<m>\d{1,2})月(?P<d>\d{1,2})日\s*[，,]?\s*(?:上午|下午|晚)?\s*[，,]?\s*"
    r"(?P<org>国务院新闻办公室|国务院新闻办|国新办|国务院|[\u4e00-\u9fff]{2,14}?)"
    r"(?:在[^，,。]{1,16})?举行(?P<what>[^，,。]{0,40}?)" + _KIND + r"\s*[，,]?\s*(?P<rest>[^。]*)"
)
#: An event its organizer opens, dated by the day alone or not at all: '国务院新闻办公室19日举行新闻发布会',
#: '在国务院新闻办公室20日举行的新闻发布会上'.
ORGANIZER_EVENT = re.compile(
    rf"(?P<org>{_ORGANIZERS})(?:(?:(?P<m>\d{{1,2}})月)?(?P<d>\d{{1,2}})日|(?P<rel>今天|今日|昨天|昨日)|日前|近日)?\s*(?:上午|下午)?\s*"
    r"(?:在[^，,。]{1,16})?举行的?(?P<what>[^，,。]{0,40}?)" + _KIND + r"(?:上)?\s*[，,]?\s*(?P<rest>[^。]*)"
)


def find_event(paragraphs: list[str], anchor: date | None) -> Event | None:
    """The first press event announced in the first paragraphs.

    >>> e = find_event(["3月26日,国务院新闻办举行新闻发布会,介绍近期生产、消费、进出口有关数据及政策情况。"], date(2024, 3, 27))
    >>> (e.type, e.organizer, e.date, e.topic)
    ('新闻发布会', '国务院新闻办', '2024-03-26', '近期生产、消费、进出口有关数据及政策情况')
    >>> e = find_event(["在国务院新闻办公室20日举行的新闻发布会上，商务部副部长李明说…"], date(2021, 12, 21))
    >>> (e.type, e.organizer, e.date)
    ('新闻发布会', '国务院新闻办公室', '2021-12-20')
    >>> find_event(["国务院新闻办公室今天举行新闻发布会。"], date(1998, 1, 15)).date
    '1998-01-15'
    """
    dated = dateline(paragraphs[0], anchor) if paragraphs and anchor else None
    anchor = dated or anchor  # 本报北京1月10日讯 …今天举行: the dateline's day, not the print date
    for text in paragraphs[:6]:
        if "举行" not in text:  # every event holds 举行
            continue
        m = EVENT.search(text) or ORGANIZER_EVENT.search(text)
        if not m:
            continue
        when = _event_date(m, anchor)
        rest = m.group("rest")
        topic = None
        tm = re.search(r"介绍(?:了)?(.+)$", rest)
        if tm:
            topic = tm.group(1).strip()
        elif m.group("what").strip():
            topic = m.group("what").strip(" “”\"")
        return Event(type=m.group("type"), organizer=m.group("org"), date=when, topic=topic, evidence=m.group(0))
    return None


DATELINE = re.compile(r"^[^，,。]{0,12}?(?P<m>\d{1,2})月(?P<d>\d{1,2})日(?:讯|电)")


def dateline(text: str, anchor: date) -> date | None:
    """The day a report's dateline gives (本报北京1月10日讯, 新华社北京12月5日电), in the year of the
    print date (the year before for a December dateline printed in January).

    >>> dateline("本报北京1月10日讯 国务院新闻办公室今天举行…", date(1998, 1, 11))
    datetime.date(1998, 1, 10)
    """
    m = DATELINE.match(text)
    if m is None:
        return None
    month, day = int(m.group("m")), int(m.group("d"))
    try:
        return date(anchor.year - 1 if month > anchor.month else anchor.year, month, day)
    except ValueError:
        return None


def _event_date(m: re.Match[str], anchor: date | None) -> str | None:
    """The date an event match prints: a day alone is in the publication month (or the one before
    when the day is later than the publication day)."""
    rel = m.groupdict().get("rel")
    if rel and anchor is not None:  # 今天举行: the paper's date (昨天: the day before)
        return (anchor - timedelta(days=1) if rel.startswith("昨") else anchor).isoformat()
    if m.group("d") is None or anchor is None and not m.groupdict().get("y"):
        return None
    day = int(m.group("d"))
    if m.group("m"):
        month = int(m.group("m"))
        year = int(m.group("y")) if m.groupdict().get("y") else (anchor.year - 1 if anchor and month > anchor.month else anchor.year if anchor else None)
    elif anchor is not None:
        year, month = anchor.year, anchor.month
        if day > anchor.day:
            year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    else:
        return None
    if year is None:
        return None
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


TITLE_EVENT = re.compile(r"(?P<org>国务院新闻办公室|国务院新闻办|国新办)举行(?P<topic>.+?)(?P<type>新闻发布会|吹风会|发布会)")


def event_from_title(title: str, day: date | None) -> Event | None:
    """A conference page names its event in the title: '国新办举行2024年一季度国民经济运行情况新闻发布会'.

    >>> e = event_from_title("国新办举行2024年一季度国民经济运行情况新闻发布会图文实录", date(2024, 4, 16))
    >>> (e.organizer, e.type, e.date, e.topic)
    ('国新办', '新闻发布会', '2024-04-16', '2024年一季度国民经济运行情况')
    """
    m = TITLE_EVENT.search(title)
    if not m:
        return None
    return Event(type=m.group("type"), organizer=m.group("org"), date=day.isoformat() if day else None,
                 topic=m.group("topic").strip("“”\" "), evidence=m.group(0))

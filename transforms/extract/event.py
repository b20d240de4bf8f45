"""Press events a document reports: '3月26日,国务院新闻办举行新闻发布会,介绍…'."""

from __future__ import annotations

import re
from datetime import date

from transforms.extract.records import Event

EVENT = re.compile(
    r"(?:(?P<y>\d{4})年)?(?P<m>\d{1,2})月(?P<d>\d{1,2})日\s*[，,]?\s*(?:上午|下午|晚)?\s*[，,]?\s*"
    r"(?P<org>国务院新闻办公室|国务院新闻办|国新办|国务院|[\u4e00-\u9fff]{2,14}?)"
    r"(?:在[^，,。]{1,16})?举行(?P<what>[^，,。]{0,40}?)(?P<type>新闻发布会|发布会|吹风会|记者会|新闻通气会)"
    r"\s*[，,]?\s*(?P<rest>[^。]*)"
)


def find_event(paragraphs: list[str], anchor: date | None) -> Event | None:
    """The first press event announced in the first paragraphs.

    >>> e = find_event(["3月26日,国务院新闻办举行新闻发布会,介绍近期生产、消费、进出口有关数据及政策情况。"], date(2024, 3, 27))
    >>> (e.type, e.organizer, e.date, e.topic)
    ('新闻发布会', '国务院新闻办', '2024-03-26', '近期生产、消费、进出口有关数据及政策情况')
    """
    for text in paragraphs[:6]:
        m = EVENT.search(text) if "举行" in text else None  # every EVENT holds 举行
        if not m:
            continue
        month, day = int(m.group("m")), int(m.group("d"))
        year = int(m.group("y")) if m.group("y") else (anchor.year - 1 if anchor and month > anchor.month else (anchor.year if anchor else None))
        when = date(year, month, day).isoformat() if year else None
        rest = m.group("rest")
        topic = None
        tm = re.search(r"介绍(?:了)?(.+)$", rest)
        if tm:
            topic = tm.group(1).strip()
        elif m.group("what").strip():
            topic = m.group("what").strip(" “”\"")
        return Event(type=m.group("type"), organizer=m.group("org"), date=when, topic=topic, evidence=m.group(0))
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

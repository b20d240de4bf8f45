"""The landing area: exact bytes, an index per day, versions, and no path from a URL."""

from __future__ import annotations

from datetime import date

import pytest

from pressroom.landing import LandingStore, url_key

DAY = date(2024, 3, 27)
URL = "http://paper.people.com.cn/rmrb/html/2024-03/27/nw.D110000renmrb_20240327_1-03.htm"


def land(store: LandingStore, body: bytes, url: str = URL) -> dict:
    return store.land_page(source="rmrb", day=DAY, url=url, kind="article", status=200,
                           headers={"Content-Type": ["text/html"]}, body=body)


def test_pages_are_stored_exactly_and_indexed(tmp_path) -> None:
    store = LandingStore(str(tmp_path))
    body = "《人民日报》\r\n".encode("gb18030") + bytes(range(256))
    meta = land(store, body)
    assert store.page_body(meta) == body
    assert store.page_meta("rmrb", DAY, URL)["sha256"] == meta["sha256"]
    assert meta["body_path"] == f"raw/rmrb/2024/03/27/{url_key(URL)}.body"
    land(store, b"<html>2</html>", URL.replace("_1-03", "_2-03"))
    assert [m["url"][-13:] for m in store.pages("rmrb", DAY)] == ["0327_1-03.htm", "0327_2-03.htm"]
    assert store.pages("rmrb", date(2024, 3, 28)) == []
    assert list(store.iter_days("rmrb")) == [DAY]


def test_a_changed_page_keeps_its_old_version(tmp_path) -> None:
    store = LandingStore(str(tmp_path))
    old = land(store, b"<html>v1</html>")
    land(store, b"<html>v1</html>")  # unchanged: no version
    assert store.versions("rmrb", DAY, URL) == []
    new = land(store, b"<html>v2</html>")
    (kept,) = store.versions("rmrb", DAY, URL)
    assert kept["sha256"] == old["sha256"] and store.page_body(kept) == b"<html>v1</html>"
    assert store.page_body(store.page_meta("rmrb", DAY, URL)) == b"<html>v2</html>" and new["sha256"] != old["sha256"]
    assert len(store.pages("rmrb", DAY)) == 1


def test_no_path_component_comes_from_outside(tmp_path) -> None:
    store = LandingStore(str(tmp_path / "landing"))
    meta = land(store, b"x", "http://paper.people.com.cn/../../../../etc/passwd")
    assert (tmp_path / "landing" / meta["body_path"]).is_file()
    for bad in ("../x", "a/../../b", "rmrb;rm"):
        with pytest.raises(ValueError):
            store.day_dir("raw", bad, DAY)
    with pytest.raises(ValueError):
        store.page_body({"body_path": "../../outside.body"})


def test_any_fsspec_location_works(tmp_path) -> None:
    store = LandingStore("memory://pressroom-test")
    meta = land(store, b"<html>in memory</html>")
    assert store.page_body(meta) == b"<html>in memory</html>"
    assert [m["url"] for m in store.pages("rmrb", DAY)] == [URL]
    store.write_day("rmrb", DAY, {"status": "complete"})
    assert store.read_day("rmrb", DAY) == {"status": "complete"}

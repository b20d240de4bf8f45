"""The fault matrix: a crawl of the G2 sample day through a server that misbehaves by plan, one
fault per case. Every crawl finishes, every URL ends with a recorded outcome, retried pages are
recovered, and nothing that was fetched is lost (the landed bytes are the bytes served)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from pressroom.landing import LandingStore
from pressroom.samplesite import SAMPLE_DAYS, plan_day
from tests.conftest import run_cli
from tests.faultserver import FaultServer

DAY = SAMPLE_DAYS["G2"]
ARTICLES = [a.url for page in plan_day("G2", DAY).values() for a in page]
TARGET = ARTICLES[0]
PATH = "/" + TARGET.split("://", 1)[1]

#: fault → (plan for the target article, its expected outcome, requests the server sees for it,
#:          the day's status)
MATRIX = {
    "5xx burst": (["503", "500"], "landed", 3, "complete"),
    "429 with Retry-After": (["429"], "landed", 2, "complete"),
    "timeout": (["hang"], "landed", 2, "complete"),
    "connection reset": (["reset"], "landed", 2, "complete"),
    "truncated body every time": (["truncate"] * 4, "truncated", 4, "partial"),
    "wrong charset": (["charset:iso-8859-1"], "landed", 1, "complete"),
    "redirect loop": (["redirect_loop"], "failed", 11, "partial"),  # A, then A?loop and A ten times each
    "empty 200": (["empty"], "landed", 1, "complete"),
}


def _crawl(cfg, site: Path, plan: dict[str, list[str]]):  # type: ignore[no-untyped-def]
    with FaultServer(site, plan) as server:
        result = run_cli(cfg, "crawl", "rmrb", "--date", DAY.isoformat(), "--mirror", server.url, "-q",
                         "-s", "DOWNLOAD_TIMEOUT=2")
        requests = list(server.requests)
    record = LandingStore(cfg.data).read_day("rmrb", DAY)
    return result, requests, record, {o["url"]: o for o in record["outcomes"]}


@pytest.mark.parametrize("fault", list(MATRIX))
def test_fault(fault: str, cfg, site_copy: Path) -> None:
    plan, outcome, requests_seen, day_status = MATRIX[fault]
    result, requests, record, outcomes = _crawl(cfg, site_copy, {PATH: list(plan)})
    assert result.returncode == (0 if day_status == "complete" else 1), result.stderr
    assert set(ARTICLES) <= set(outcomes)  # every URL ends with a recorded outcome
    assert outcomes[TARGET]["outcome"] == outcome, outcomes[TARGET]
    if requests_seen is not None:
        assert requests.count(PATH) == requests_seen
    assert record["status"] == day_status
    store = LandingStore(cfg.data)
    landed = {m["url"]: m for m in store.pages("rmrb", DAY)}
    for url in ARTICLES:  # nothing fetched is lost: the others landed byte for byte
        if url != TARGET:
            served = (site_copy / url.split("://", 1)[1]).read_bytes()
            assert landed[url]["sha256"] == hashlib.sha256(served).hexdigest()
    if outcome == "landed":
        body = store.get(f"{store.root}/{landed[TARGET]['body_path']}")
        assert body == (b"" if fault == "empty 200" else (site_copy / PATH.lstrip("/")).read_bytes())
    else:
        assert TARGET not in landed and outcomes[TARGET]["detail"]
    if fault == "wrong charset":  # the page says UTF-8, the header ISO-8859-1: the text still reads right
        assert run_cli(cfg, "parse", "rmrb", "--date", DAY.isoformat()).returncode == 0
        titles = {d["url"]: d["title"] for d in store.get_jsonl(store.parsed_path("rmrb", DAY, "documents.jsonl"))}
        assert any("\u4e00" <= c <= "\u9fff" for c in titles[TARGET]) and "Ã" not in titles[TARGET] and "å" not in titles[TARGET]
    if fault == "redirect loop":
        assert outcomes[TARGET]["detail"].startswith("redirect loop: still redirecting after 20 redirects")


def test_robots_txt_disallowing_a_path_is_obeyed_and_recorded(cfg, site_copy: Path) -> None:
    (site_copy / "paper.people.com.cn" / "robots.txt").write_text(f"User-agent: *\nDisallow: {PATH.split('/', 2)[2].join(['/', ''])}\n")
    result, requests, record, outcomes = _crawl(cfg, site_copy, {})
    assert outcomes[TARGET]["outcome"] == "robots_forbidden"
    assert PATH not in requests  # never asked for
    assert all(outcomes[u]["outcome"] == "landed" for u in ARTICLES if u != TARGET)


def test_a_retried_fault_then_a_rerun_recovers_everything(cfg, site_copy: Path) -> None:
    """A page that failed every retry is fetched by the next run, and only that page."""
    _crawl(cfg, site_copy, {PATH: ["truncate"] * 4})
    result, requests, record, outcomes = _crawl(cfg, site_copy, {})
    assert result.returncode == 0 and record["status"] == "complete"
    assert outcomes[TARGET]["outcome"] == "landed"
    assert [r for r in requests if "/rmrb/html/2024-03/27/nw" in r] == [PATH]

"""Pure unit tests of the scraper's helpers (no network, no server)."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from foiparse.scrape.client import parse_retry_after
from foiparse.scrape.names import safe_filename, safe_path
from foiparse.scrape.sources.base import next_page
from foiparse.scrape.sources.police import classify, is_attachment
from foiparse.scrape.sources.wdtk import request_url

BASE = "https://www.example.police.uk/foi-ai/example-police/disclosure-log/"


@pytest.mark.parametrize(
    ("url", "disposition", "ctype", "suffix"),
    [
        ("http://h/a/..%2F..%2Fetc%2Fpasswd", None, None, "-passwd"),
        ("http://h/a/b", 'attachment; filename="../../evil.pdf"', None, "-evil.pdf"),
        ("http://h/a/b", "attachment; filename*=UTF-8''..%5C..%5Cwin.docx", None, "-win.docx"),
        ("http://h/", None, "text/html", "-download.html"),
        ("http://h/letters/FOI%200042%20response.pdf", None, None, "-FOI_0042_response.pdf"),
        ("http://h/x/.hidden", None, None, "-hidden"),
    ],
    ids=["encoded-traversal", "header-traversal", "rfc6266-backslashes", "empty-path",
         "spaces", "dotfile"],
)
def test_safe_filename(url: str, disposition: str | None, ctype: str | None,
                       suffix: str) -> None:
    name = safe_filename(url, disposition, ctype)
    assert name.endswith(suffix)
    assert "/" not in name and "\\" not in name and not name.startswith(".")


def test_safe_path_refuses_escape(tmp_path: Path) -> None:
    assert safe_path(tmp_path, "a.pdf") == (tmp_path / "a.pdf").resolve()
    with pytest.raises(ValueError):
        safe_path(tmp_path, "../a.pdf")


@pytest.mark.parametrize(
    ("value", "expected"),
    [("5", 5.0), ("", None), (None, None), ("soon", None),
     ("Wed, 21 Oct 2015 07:28:00 GMT", 60.0)],
    ids=["seconds", "empty", "absent", "garbage", "http-date"],
)
def test_parse_retry_after(value: str | None, expected: float | None) -> None:
    now = 1445412420.0  # 60 s before the date above
    assert parse_retry_after(value, now=now) == expected


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("", ("index", "example-police")),
        ("2024/", ("index", "example-police")),
        ("2024/march/", ("index", "example-police")),
        ("2024/march/stop-and-search/", ("item", "example-police")),
        ("2023/sep/tasers/", ("item", "example-police")),
        ("2024/marches-and-parades/", ("index", "example-police")),
    ],
    ids=["log", "year", "month", "request", "short-month", "slug-not-month"],
)
def test_police_classify(path: str, expected: tuple[str, str]) -> None:
    assert classify(BASE + path) == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.example.police.uk/foi-ai/example-police/disclosure-2023/december-2023/"
         "facial-recognition/", ("item", "example-police")),
        ("https://www.example.police.uk/news/", None),
    ],
    ids=["year-in-log-segment", "not-a-log"],
)
def test_police_classify_other_shapes(url: str, expected: tuple[str, str] | None) -> None:
    assert classify(url) == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [("https://h/SysSiteAssets/foi-media/x/response", True), ("https://h/files/r.docx", True),
     ("https://h/foi-ai/x/disclosure-log/", False), ("https://h/data.xlsx", False)],
    ids=["asset-folder", "docx", "page", "spreadsheet"],
)
def test_police_attachment(url: str, expected: bool) -> None:
    assert is_attachment(url) is expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://w/request/some_thing#incoming-12", "https://w/request/some_thing"),
        ("https://w/request/some_thing.json", "https://w/request/some_thing"),
        ("https://w/request/12/response/3/attach/2/x.pdf", None),
        ("https://w/body/council", None),
    ],
    ids=["fragment", "json", "attachment", "body"],
)
def test_wdtk_request_url(url: str, expected: str | None) -> None:
    assert request_url(url) == expected


@pytest.mark.parametrize(
    ("html", "selector", "expected"),
    [
        ('<a href="?page=2" rel="next">2</a>', None, "https://h/log?page=2"),
        ('<a class="next_page" href="/log/p2">&#8594;</a>', None, "https://h/log/p2"),
        ('<a href="/p3">Next &raquo;</a>', None, "https://h/p3"),
        ('<a class="older" href="/old">Older</a>', "a.older", "https://h/old"),
        ('<a href="/prev" rel="prev">Previous</a>', None, None),
    ],
    ids=["rel-next", "class", "text", "selector", "none"],
)
def test_next_page(html: str, selector: str | None, expected: str | None) -> None:
    soup = BeautifulSoup(html, "lxml")
    assert next_page(soup, "https://h/log", selector) == expected

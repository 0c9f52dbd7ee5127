"""End-to-end and client tests of ``foiparse.scrape`` against a fake site on 127.0.0.1.

The site (tests/fixtures/site/) is served by ``http.server`` in a thread on an ephemeral port;
nothing here reaches beyond loopback (off-host links are refused before any connection).
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import sqlite3
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import attrs
import pytest

from foiparse.scrape.client import LETTER_TYPES, Client, ClientOptions
from foiparse.scrape.errors import (
    BadContentType,
    Disallowed,
    HttpStatusError,
    OffHost,
    TooLarge,
)
from foiparse.scrape.run import ScrapeOptions, ScrapeReport, scrape
from foiparse.scrape.sources.base import Source
from foiparse.scrape.sources.generic import GenericLog
from foiparse.scrape.sources.police import PoliceLog
from foiparse.scrape.sources.wdtk import WhatDoTheyKnow

FIXTURES = Path(__file__).parent / "fixtures" / "site"
LOG = "/foi-ai/testshire-police/disclosure-log/"
ASSETS = "/SysSiteAssets/foi-media/testshire-police/disclosure_2024"
MAX_BYTES = 200_000


def make_pdf(lines: list[str]) -> bytes:
    """A one-page PDF of ``lines`` (reportlab), built fresh so no binary lives in the repo."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    pdf = canvas.Canvas(buf, pagesize=A4, invariant=1)  # invariant: same bytes every build
    y = 800
    for line in lines:
        pdf.drawString(60, y, line)
        y -= 16
    pdf.save()
    return buf.getvalue()


DRONE_LETTER = [
    "Testshire Police - Information Rights Unit",
    "Freedom of information request reference no: 01.FOI.24.000233",
    "Date: 8 March 2024",
    "You asked: 1. How many drones does Testshire Police operate?",
    "2. How many drone flights took place in 2023?",
    "Testshire Police holds this information. 1. The force operates 9 drones.",
    "2. There were 1,204 drone flights in 2023.",
    "This response is made under the Freedom of Information Act 2000.",
    "You may ask for an internal review within forty working days.",
]
COUNCIL_LETTER = [
    "Testshire Council - Information Governance Team",
    "Our reference: FOI/2024/0042   Date: 2 February 2024",
    "Pothole repairs cost the council 1,870,000 pounds in 2023.",
    "Unit rates are withheld under section 43(2) of the Freedom of Information Act 2000.",
]
TESTVILLE_LETTER = [
    "Testville Department of Public Safety",
    "Re: Freedom of Information Act request TV-2024-011",
    "Dear Requester: Enclosed are the records responsive to your request.",
    "Portions are redacted under 5 ILCS 140/7(1)(c) as an unwarranted invasion of privacy.",
]


@attrs.define
class Route:
    """What the fake site answers for one path (with its query)."""

    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    #: Answer 429 this many times (with Retry-After) before serving the body.
    fail_first: int = 0
    retry_after: str = "1"
    #: Omit Content-Length (body runs to connection close): the streaming limit must catch it.
    undeclared_length: bool = False
    headers: dict[str, str] = attrs.field(factory=dict)
    served: int = 0


@attrs.define
class Site:
    """The fake site: routes plus a log of (method, path, status, User-Agent) per request."""

    routes: dict[str, Route]
    log: list[tuple[str, int, str]] = attrs.field(factory=list)
    base: str = ""

    def url(self, path: str) -> str:
        return self.base + path

    def statuses(self) -> dict[str, list[int]]:
        out: dict[str, list[int]] = {}
        for path, status, _ua in self.log:
            out.setdefault(path, []).append(status)
        return out


def _file(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def default_routes() -> dict[str, Route]:
    html = {
        LOG: "police/index-1.html",
        LOG + "?page=1": "police/index-1.html",
        LOG + "?page=2": "police/index-2.html",
        LOG + "2024/march/vehicle-pursuits/": "police/vehicle-pursuits.html",
        LOG + "2024/march/drone-usage/": "police/drone-usage.html",
        LOG + "2024/february/restricted-request/": "police/vehicle-pursuits.html",
        LOG + "2024/february/cctv-cameras/": "police/cctv-cameras.html",
        "/body/testshire_council": "wdtk/body.html",
        "/body/testshire_council?page=1": "wdtk/body.html",
        "/body/testshire_council?page=2": "wdtk/body-2.html",
        "/request/pothole_repairs_2023": "wdtk/pothole_repairs_2023.html",
        "/request/consultant_spend": "wdtk/consultant_spend.html",
        "/generic/list.html": "generic/list.html",
        "/generic/list-2.html": "generic/list-2.html",
        "/generic/requests/TV-2024-009.html": "generic/TV-2024-009.html",
    }
    routes = {path: Route(body=_file(name)) for path, name in html.items()}
    routes["/robots.txt"] = Route(body=_file("robots.txt"), content_type="text/plain")
    # Rate-limited once: the client must wait Retry-After and try again.
    routes[LOG + "2024/march/overtime-costs/"] = Route(body=_file("police/overtime-costs.html"),
                                                      fail_first=1)
    pdf = "application/pdf"
    routes[f"{ASSETS}/march/drone-usage-response.pdf"] = Route(body=make_pdf(DRONE_LETTER),
                                                               content_type=pdf)
    routes[f"{ASSETS}/march/drone-flights.xlsx"] = Route(body=b"PK\x03\x04 not fetched")
    routes[f"{ASSETS}/february/cctv-coverage-map.pdf"] = Route(
        body=b"%PDF-1.4\n" + b"0" * (MAX_BYTES * 3), content_type=pdf, undeclared_length=True)
    for slug in ("pothole_repairs_2023", "consultant_spend"):
        routes[f"/request/{slug}.json"] = Route(body=_file(f"wdtk/{slug}.json"),
                                                content_type="application/json")
    routes["/request/9100/response/9001/attach/2/FOI%200042%20response.pdf"] = Route(
        body=make_pdf(COUNCIL_LETTER), content_type="application/octet-stream",
        headers={"Content-Disposition": 'attachment; filename="../../FOI 0042 response.pdf"'})
    routes["/generic/letters/TV-2024-011.pdf"] = Route(body=make_pdf(TESTVILLE_LETTER),
                                                       content_type=pdf)
    routes["/generic/letters/TV-2024-009-response.pdf"] = Route(
        body=make_pdf([*TESTVILLE_LETTER[:1], "Re: request TV-2024-009", *DRONE_LETTER[3:6]]),
        content_type=pdf)
    routes["/private/TV-2024-002.pdf"] = Route(body=make_pdf(["never served"]), content_type=pdf)
    return routes


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            route = site.routes.get(self.path)
            ua = self.headers.get("User-Agent", "")
            if route is None:
                return self._send(404, b"not found", "text/plain", {}, site, ua)
            route.served += 1
            if route.served <= route.fail_first:
                return self._send(429, b"slow down", "text/plain",
                                  {"Retry-After": route.retry_after}, site, ua)
            etag = '"' + hashlib.sha256(route.body).hexdigest()[:16] + '"'
            headers = {"ETag": etag, "Last-Modified": "Mon, 04 Mar 2024 10:00:00 GMT",
                       **route.headers}
            if route.status == 200 and self.headers.get("If-None-Match") == etag:
                return self._send(304, b"", None, headers, site, ua)
            if route.undeclared_length:
                headers["Connection"] = "close"
            return self._send(route.status, route.body, route.content_type, headers, site, ua,
                              declare=not route.undeclared_length)

        def _send(self, status: int, body: bytes, ctype: str | None, headers: dict[str, str],
                  site: Site, ua: str, declare: bool = True) -> None:
            site.log.append((self.path, status, ua))
            self.send_response(status)
            if ctype:
                self.send_header("Content-Type", ctype)
            for key, value in headers.items():
                self.send_header(key, value)
            if declare and status != 304:
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if status != 304:
                # The client abandons an oversized body mid-stream, as it should.
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass  # keep test output quiet

    return Handler


@pytest.fixture
def site() -> Iterator[Site]:
    fake = Site(routes=default_routes())
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(fake))
    server.daemon_threads = True
    fake.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield fake
    server.shutdown()
    server.server_close()


FAST = ClientOptions(min_interval=0.0, retries=2, backoff=0.01, max_bytes=MAX_BYTES, timeout=5.0)


def run(site: Site, source: Source, db: Path, sleeps: list[float] | None = None) -> ScrapeReport:
    options = ScrapeOptions(client=FAST)
    record = sleeps.append if sleeps is not None else (lambda _s: None)
    return scrape(source, db, options=options, sleep=record)


def rows(db: Path, sql: str) -> list[tuple[Any, ...]]:
    with sqlite3.connect(db) as conn:
        return list(conn.execute(sql))


# -- police disclosure log: the full walk, then the re-run ------------------------------------

def test_police_log_first_run(site: Site, tmp_path: Path) -> None:
    db = tmp_path / "out.sqlite"
    sleeps: list[float] = []
    report = run(site, PoliceLog(start_url=site.url(LOG)), db, sleeps)

    assert report.counts["items"] == 4  # two listing pages; restricted and missing pages fail
    assert report.counts["letters_added"] == 4
    urls = {u for (u,) in rows(db, "SELECT url FROM letters")}
    assert urls == {site.url(LOG + "2024/march/vehicle-pursuits/"),
                    site.url(f"{ASSETS}/march/drone-usage-response.pdf"),
                    site.url(LOG + "2024/march/overtime-costs/"),
                    site.url(LOG + "2024/february/cctv-cameras/")}
    errors = {u.removeprefix(site.base): e for u, _r, e in report.failures}
    assert "exceeds the limit" in errors[f"{ASSETS}/february/cctv-coverage-map.pdf"]
    assert "HTTP 404" in errors[LOG + "2024/february/missing-page/"]
    assert "robots.txt" in errors[LOG + "2024/february/restricted-request/"]

    served = site.statuses()
    assert LOG + "2024/february/restricted-request/" not in served  # robots obeyed
    assert f"{ASSETS}/march/drone-flights.xlsx" not in served  # spreadsheets are not letters
    assert not any("sort=" in p for p in served)  # sorted variants of a listing are not walked
    assert served[LOG + "2024/march/overtime-costs/"] == [429, 200]
    assert 1.0 in sleeps  # Retry-After honoured
    assert all(ua.startswith("foiparse/") for _p, _s, ua in site.log)
    # The header hint "../../" did not escape the files folder.
    files = list((tmp_path / "out.sqlite.files").iterdir())
    assert files and all(f.parent == tmp_path / "out.sqlite.files" for f in files)


def test_police_log_rerun_fetches_nothing_new(site: Site, tmp_path: Path) -> None:
    db = tmp_path / "out.sqlite"
    run(site, PoliceLog(start_url=site.url(LOG)), db)
    before = len(site.log)
    report = run(site, PoliceLog(start_url=site.url(LOG)), db)

    second = site.log[before:]
    bodies = [p for p, status, _ua in second if status == 200 and p != "/robots.txt"]
    assert bodies == []  # every page answered 304
    assert report.counts["letters_added"] == 0
    assert report.counts["items_unchanged"] == 4
    # Attachments of unchanged pages are not even asked for again.
    assert not any(p.startswith(ASSETS) for p, _s, _ua in second)
    assert rows(db, "SELECT count(*) FROM letters") == [(4,)]


def test_police_log_rerun_picks_up_a_changed_page(site: Site, tmp_path: Path) -> None:
    db = tmp_path / "out.sqlite"
    run(site, PoliceLog(start_url=site.url(LOG)), db)
    page = site.routes[LOG + "2024/march/vehicle-pursuits/"]
    page.body = page.body.replace(b"214 vehicle pursuits", b"215 vehicle pursuits")
    report = run(site, PoliceLog(start_url=site.url(LOG)), db)
    assert report.counts["letters_added"] == 1
    assert report.counts["items_unchanged"] == 3
    assert rows(db, "SELECT count(*) FROM letters") == [(5,)]


def test_police_rejects_other_urls() -> None:
    with pytest.raises(ValueError, match="disclosure-log"):
        PoliceLog(start_url="http://127.0.0.1/news/")


# -- WhatDoTheyKnow ---------------------------------------------------------------------------

def test_wdtk_authority_list(site: Site, tmp_path: Path) -> None:
    db = tmp_path / "out.sqlite"
    report = run(site, WhatDoTheyKnow(start_url=site.url("/body/testshire_council")), db)

    assert report.counts["items"] == 2  # the repeated and fragment links collapse
    urls = sorted(u.removeprefix(site.base) for (u,) in rows(db, "SELECT url FROM letters"))
    assert urls == ["/request/9100/response/9001/attach/2/FOI%200042%20response.pdf",
                    "/request/consultant_spend#incoming-9101",
                    "/request/pothole_repairs_2023#incoming-9001"]
    served = site.statuses()
    assert not any("/attach/html/" in p for p in served)  # HTML renderings are duplicates
    meta = dict(rows(db, "SELECT url, meta FROM scrape_items"))
    pothole = str(meta[site.url("/request/pothole_repairs_2023")])
    assert '"authority": "Testshire Council"' in pothole


def test_wdtk_single_request(site: Site, tmp_path: Path) -> None:
    report = run(site, WhatDoTheyKnow(start_url=site.url("/request/consultant_spend")),
                 tmp_path / "one.sqlite")
    assert (report.counts["items"], report.counts["letters_added"]) == (1, 1)


# -- generic selectors ------------------------------------------------------------------------

def test_generic_selectors(site: Site, tmp_path: Path) -> None:
    db = tmp_path / "out.sqlite"
    source = GenericLog(start_url=site.url("/generic/list.html"), item_selector="a.record",
                        next_selector="a.older", attachment_selector="p.files a")
    report = run(site, source, db)

    urls = sorted(u.removeprefix(site.base) for (u,) in rows(db, "SELECT url FROM letters"))
    assert urls == ["/generic/letters/TV-2024-009-response.pdf",
                    "/generic/letters/TV-2024-011.pdf"]
    assert "/private/TV-2024-002.pdf" not in site.statuses()  # robots: Disallow /private/
    assert [r for _u, r, _e in report.failures] == ["attachment"]


def test_generic_log_without_documents_yields_no_letters(site: Site, tmp_path: Path) -> None:
    """A log that only summarises its requests links each row to "#contact" or back to itself,
    and its pager sits in the table: none of those links is an item, and no listing page is
    parsed as a letter."""
    rows_html = "".join(
        f'<tr><td>{day} March 2024</td><td>Request about parking (REF {day}). Released in '
        f'part. <a href="#contactus">Ask for the documents</a> '
        f'<a href="/summary-log.html">Back to the log</a></td></tr>' for day in range(1, 6))
    older = '<tr><td colspan="2"><a rel="next" href="/summary-log-2.html">Older</a></td></tr>'
    page = f"<html><body><h1>Disclosure log</h1><table>{rows_html}{older}</table></body></html>"
    site.routes["/summary-log-2.html"] = Route(
        body=b"<html><body><h1>Disclosure log</h1><p>No more entries.</p></body></html>",
        content_type="text/html")
    site.routes["/summary-log.html"] = Route(body=page.encode(), content_type="text/html")
    db = tmp_path / "summary.sqlite"
    report = run(site, GenericLog(start_url=site.url("/summary-log.html"),
                                  item_selector="table a"), db)
    assert (report.counts["items"], report.counts["letters_added"]) == (0, 0)
    assert rows(db, "SELECT count(*) FROM letters") == [(0,)]


# -- the client on its own --------------------------------------------------------------------

@pytest.mark.parametrize("declared", [True, False], ids=["content-length", "streamed"])
def test_oversized_body_is_abandoned(site: Site, declared: bool) -> None:
    site.routes["/big.pdf"] = Route(body=b"%PDF" + b"x" * (MAX_BYTES + 10),
                                    content_type="application/pdf",
                                    undeclared_length=not declared)
    with Client(FAST, start_url=site.base) as client, pytest.raises(TooLarge):
        client.get(site.url("/big.pdf"), accept=LETTER_TYPES)


@pytest.mark.parametrize(
    ("path", "route", "error"),
    [
        ("/image.png", Route(body=b"\x89PNG", content_type="image/png"), BadContentType),
        ("/gone", None, HttpStatusError),
        ("/away", Route(status=302, headers={"Location": "http://example.invalid/x"}), OffHost),
        ("/private/secret.pdf", Route(body=b"%PDF"), Disallowed),
    ],
    ids=["content-type", "broken-link", "off-host-redirect", "robots"],
)
def test_client_refusals(site: Site, path: str, route: Route | None,
                         error: type[Exception]) -> None:
    if route is not None:
        site.routes[path] = route
    with Client(FAST, start_url=site.base) as client, pytest.raises(error):
        client.get(site.url(path), accept=LETTER_TYPES)


def test_off_host_link_is_never_requested(site: Site) -> None:
    with Client(FAST, start_url=site.base) as client, pytest.raises(OffHost):
        client.get("http://example.invalid/letter.pdf")
    assert client.stats["requests"] == 0


def test_retries_give_up_with_backoff(site: Site) -> None:
    site.routes["/busy"] = Route(body=b"ok", fail_first=99, retry_after="")
    sleeps: list[float] = []
    with Client(FAST, start_url=site.base, sleep=sleeps.append) as client, \
            pytest.raises(HttpStatusError, match="429"):
        client.get(site.url("/busy"))
    assert sleeps == [0.01, 0.02]  # no Retry-After: exponential backoff, retries=2
    assert site.statuses()["/busy"] == [429, 429, 429]


def test_rate_limit_spaces_requests_per_host(site: Site) -> None:
    sleeps: list[float] = []
    options = attrs.evolve(FAST, min_interval=1.0)
    # A frozen clock: every request after the first must wait the whole interval.
    with Client(options, start_url=site.base, sleep=sleeps.append, clock=lambda: 100.0) as client:
        for _ in range(3):
            client.get(site.url("/generic/list.html"), conditional=False)
    assert sleeps == [1.0, 1.0, 1.0]  # robots.txt, then three pages: three waits


def test_crawl_delay_from_robots_is_honoured(site: Site) -> None:
    site.routes["/robots.txt"] = Route(body=b"User-agent: foiparse\nCrawl-delay: 3\n",
                                       content_type="text/plain")
    sleeps: list[float] = []
    with Client(FAST, start_url=site.base, sleep=sleeps.append, clock=lambda: 0.0) as client:
        client.get(site.url("/generic/list.html"))
        client.get(site.url("/generic/list-2.html"))
    assert sleeps == [3.0, 3.0]


def test_conditional_request_uses_cache(site: Site, tmp_path: Path) -> None:
    options = attrs.evolve(FAST, cache_dir=tmp_path / "cache")
    with Client(options, start_url=site.base) as client:
        first = client.get(site.url("/generic/list.html"))
        second = client.get(site.url("/generic/list.html"))
    assert (first.status, second.status, second.not_modified) == (200, 304, True)
    assert second.body == first.body


# -- the command line -------------------------------------------------------------------------

def test_cli_help_documents_the_three_kinds(capsys: pytest.CaptureFixture[str]) -> None:
    from foiparse.cli import main

    assert main(["scrape", "--help"]) == 0
    text = capsys.readouterr().out
    for kind in ("police", "wdtk", "generic", "robots.txt", "Retry-After"):
        assert kind in text


def test_cli_scrape_twice(site: Site, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import json

    from foiparse.cli import main

    argv = ["scrape", "police", site.url(LOG), "--out", str(tmp_path / "cli.sqlite"),
            "--interval", "0", "--max-bytes", str(MAX_BYTES)]
    assert main(argv) == 0
    first = json.loads(capsys.readouterr().out)
    argv[3] = "--db"  # the older name of --out
    assert main(argv) == 0
    second = json.loads(capsys.readouterr().out)
    assert first["counts"]["letters_added"] == 4 and first["tables"]["letters"] == 4
    assert second["counts"].get("letters_added", 0) == 0
    assert second["http"]["not_modified"] >= 6  # listings and request pages all answered 304

"""The scrape driver: walk a source, download its letters, parse them into the dataset.

Resumable by construction: every URL's outcome is recorded (dataset ``fetches`` and the
scraper's ``scrape_links``); pages are revalidated with conditional requests, and when a
request page answers 304 its attachments that were stored (or failed for good) last time are
skipped without a request. A letter whose content hash is already in the dataset is never
parsed again, whichever URL it comes from.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections import Counter
from collections.abc import Callable, Collection
from pathlib import Path

import attrs
import httpx

from foiparse.bulk import parse_many
from foiparse.errors import FoiParseError
from foiparse.export.sqlite import Dataset
from foiparse.options import ParseOptions
from foiparse.scrape.client import HTML_TYPES, LETTER_TYPES, Client, ClientOptions, FetchResult
from foiparse.scrape.errors import (
    BadContentType,
    Disallowed,
    HttpStatusError,
    OffHost,
    ScrapeError,
    TooLarge,
)
from foiparse.scrape.names import safe_filename, safe_path
from foiparse.scrape.sources.base import Candidate, Failure, Item, Source
from foiparse.scrape.state import LinkState, ScrapeState

#: Outcomes that will not change while the page linking them is unchanged.
_PERMANENT = frozenset({Disallowed.__name__, OffHost.__name__, TooLarge.__name__,
                        BadContentType.__name__})


@attrs.frozen(kw_only=True)
class ScrapeOptions:
    """Settings of :func:`scrape`: the HTTP client's and the parser's."""

    client: ClientOptions = attrs.field(factory=ClientOptions)
    parse: ParseOptions = attrs.field(factory=ParseOptions)
    #: Where downloaded letters are kept (default: ``<dataset>.files/`` beside the dataset).
    files_dir: Path | None = attrs.field(default=None,
                                         converter=attrs.converters.optional(Path))


@attrs.define
class ScrapeReport:
    """What a run did; ``counts`` keys are listed in :data:`REPORT_KEYS`."""

    counts: Counter[str] = attrs.field(factory=Counter)
    #: ``(url, role, error)`` of every failure, in order.
    failures: list[tuple[str, str, str]] = attrs.field(factory=list)
    #: The HTTP client's counters (requests, not_modified, retries, bytes).
    http: Counter[str] = attrs.field(factory=Counter)

    def as_dict(self) -> dict[str, object]:
        """A JSON-ready summary."""
        return {"counts": dict(sorted(self.counts.items())),
                "http": dict(sorted(self.http.items())),
                "failures": [{"url": u, "role": r, "error": e} for u, r, e in self.failures]}


REPORT_KEYS = (
    "items", "items_unchanged", "letters_added", "letters_known", "letters_skipped",
    "letters_failed", "fetch_failed",
)


class _Recorder:
    """The :class:`~foiparse.scrape.sources.base.Fetcher` handed to sources: fetch + record."""

    def __init__(self, client: Client, dataset: Dataset, state: ScrapeState,
                 report: ScrapeReport) -> None:
        self.client, self.dataset, self.state, self.report = client, dataset, state, report

    def allows(self, url: str) -> bool:
        return self.client.allows_host(url)

    def fetch(self, url: str, *, role: str, accept: Collection[str] = HTML_TYPES,
              parent: str | None = None) -> FetchResult | None:
        try:
            result = self.client.get(url, accept=accept)
        except ScrapeError as exc:
            self._failed(url, role, parent, exc)
            return None
        self.dataset.record_fetch(url, status=result.status, etag=result.etag,
                                  last_modified=result.last_modified,
                                  sha256=hashlib.sha256(result.body).hexdigest())
        self.state.record_link(url, role, item_url=parent, status=result.status)
        return result

    def _failed(self, url: str, role: str, parent: str | None, exc: BaseException) -> None:
        status = exc.status if isinstance(exc, HttpStatusError) else None
        if status is not None:
            self.dataset.record_fetch(url, status=status)
        self.state.record_link(url, role, item_url=parent, status=status, error=exc)
        self.report.counts["fetch_failed"] += 1
        self.report.failures.append((url, role, str(exc)))


def scrape(source: Source, dataset_path: str | os.PathLike[str], *,
           options: ScrapeOptions | None = None, transport: httpx.BaseTransport | None = None,
           sleep: Callable[[float], None] | None = None,
           progress: Callable[[str], None] | None = None) -> ScrapeReport:
    """Scrape ``source`` into the SQLite dataset at ``dataset_path`` and report what happened.

    ``transport`` and ``sleep`` are for tests (an httpx mock transport, a recording sleep).
    """
    options = options or ScrapeOptions()
    files_dir = options.files_dir or Path(f"{os.fspath(dataset_path)}.files")
    client_options = options.client
    if client_options.cache_dir is None:
        client_options = attrs.evolve(client_options,
                                      cache_dir=Path(f"{os.fspath(dataset_path)}.cache"))
    report = ScrapeReport()
    with Client(client_options, start_url=source.start_url, transport=transport,
                sleep=sleep or time.sleep) as client, \
            Dataset.open(dataset_path) as dataset, ScrapeState(dataset_path) as state:
        recorder = _Recorder(client, dataset, state, report)
        for found in source.items(recorder):
            if isinstance(found, Failure):
                continue  # already recorded by the recorder
            _store_item(found, source.kind, recorder, files_dir, options.parse, progress)
        report.http.update(client.stats)
    return report


def _store_item(item: Item, kind: str, rec: _Recorder, files_dir: Path,
                parse_options: ParseOptions, progress: Callable[[str], None] | None) -> None:
    rec.report.counts["items"] += 1
    rec.report.counts["items_unchanged"] += item.not_modified
    rec.state.record_item(item.url, source=kind, title=item.title, meta=item.meta)
    for candidate in item.candidates:
        outcome = _store_candidate(candidate, item, rec, files_dir, parse_options)
        rec.report.counts[f"letters_{outcome}"] += 1
        if progress:
            progress(f"{outcome}\t{candidate.url}")


def _store_candidate(cand: Candidate, item: Item, rec: _Recorder, files_dir: Path,
                     parse_options: ParseOptions) -> str:
    """Fetch (if needed), save, parse and add one letter; returns the outcome's name."""
    previous = rec.state.link(cand.url, cand.role)
    if cand.data is None and item.not_modified and _settled(previous, rec.dataset):
        return "skipped"  # unchanged page, same link, finished last time: no request at all
    content_type: str | None = "text/html"
    disposition: str | None = None
    if cand.data is not None:
        body = cand.data
    else:
        result = rec.fetch(cand.url, role=cand.role, accept=LETTER_TYPES, parent=item.url)
        if result is None:
            return "failed"
        body, content_type = result.body, result.content_type
        disposition = result.content_disposition
    sha = hashlib.sha256(body).hexdigest()
    if previous is not None and previous.sha256 == sha and previous.error_type is not None:
        return "known"  # the same bytes failed to parse last time; keep that record
    if rec.dataset.has(sha):
        rec.state.record_link(cand.url, cand.role, item_url=item.url, status=200, sha256=sha,
                              file=previous.file if previous else None)
        return "known"
    files_dir.mkdir(parents=True, exist_ok=True)
    path = safe_path(files_dir, safe_filename(cand.url, disposition, content_type))
    path.write_bytes(body)
    # bulk's engine, in this process: a per-letter time limit, and any failure (a parser bug
    # included) comes back as a value, so one bad letter never stops a long crawl.
    parsed = next(parse_many([str(path)], jobs=1, options=parse_options))
    if parsed.letter is None:
        exc = parsed.error or FoiParseError("unknown error")
        kind = type(exc).__name__
        rec.dataset.add_error(error_type=kind, message=str(exc), sha256=sha, path=str(path),
                              url=cand.url)
        rec.state.record_link(cand.url, cand.role, item_url=item.url, status=200, sha256=sha,
                              file=str(path), error=exc)
        rec.report.failures.append((cand.url, cand.role, f"{kind}: {exc}"))
        return "failed"
    rec.dataset.add(parsed.letter, url=cand.url)
    rec.state.record_link(cand.url, cand.role, item_url=item.url, status=200, sha256=sha,
                          file=str(path))
    return "added"


def _settled(previous: LinkState | None, dataset: Dataset) -> bool:
    """Whether a link finished for good last time: stored, a known parse failure, or refused."""
    if previous is None:
        return False
    if previous.error_type in _PERMANENT:
        return True
    if previous.status == 404 or previous.status == 410:
        return True
    return previous.sha256 is not None and (dataset.has(previous.sha256)
                                            or previous.error_type is not None)


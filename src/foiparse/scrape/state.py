"""The scraper's own tables, kept in the same SQLite file as the bulk dataset.

The dataset (:mod:`foiparse.export.sqlite`) holds the parsed letters (with their URLs), the
errors, and ``fetches`` (URL, status, validators). The scraper adds what a crawl needs on top:
``scrape_items`` (one row per request page: source kind, title, metadata) and
``scrape_links`` (every URL met, in which role, under which item, and how it ended), which is
what lets a re-run skip the attachments of an unchanged page without asking the server.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import sqlite3
from collections.abc import Mapping
from types import TracebackType
from typing import Self

import attrs

_SCHEMA = (
    """CREATE TABLE IF NOT EXISTS scrape_items (
  url TEXT PRIMARY KEY,
  source TEXT NOT NULL,
  title TEXT,
  meta TEXT,
  first_seen TEXT NOT NULL,
  last_seen TEXT NOT NULL
)""",
    """CREATE TABLE IF NOT EXISTS scrape_links (
  url TEXT NOT NULL,
  role TEXT NOT NULL,
  item_url TEXT,
  status INTEGER,
  error_type TEXT,
  error TEXT,
  sha256 TEXT,
  file TEXT,
  checked_at TEXT NOT NULL,
  PRIMARY KEY (url, role)
)""",
    "CREATE INDEX IF NOT EXISTS scrape_links_item ON scrape_links(item_url)",
    "CREATE INDEX IF NOT EXISTS scrape_links_sha256 ON scrape_links(sha256)",
)


def _now() -> str:
    return _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds")


@attrs.frozen(kw_only=True)
class LinkState:
    """How fetching or parsing one URL in one role ended last time."""

    url: str
    role: str
    item_url: str | None
    status: int | None
    error_type: str | None
    error: str | None
    sha256: str | None
    file: str | None


class ScrapeState:
    """Read and write the ``scrape_*`` tables of a dataset file."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self._conn = sqlite3.connect(os.fspath(path), isolation_level=None)
        self._conn.row_factory = sqlite3.Row
        self._conn.execute("PRAGMA busy_timeout = 10000")
        for statement in _SCHEMA:
            self._conn.execute(statement)

    def link(self, url: str, role: str) -> LinkState | None:
        """The last recorded outcome for ``url`` in ``role``."""
        row = self._conn.execute("SELECT url, role, item_url, status, error_type, error, sha256,"
                                 " file FROM scrape_links WHERE url = ? AND role = ?",
                                 (url, role)).fetchone()
        return None if row is None else LinkState(**dict(row))

    def record_link(self, url: str, role: str, *, item_url: str | None = None,
                    status: int | None = None, error: BaseException | None = None,
                    sha256: str | None = None, file: str | None = None) -> None:
        """Record the outcome for ``url`` in ``role`` (replacing the previous one)."""
        self._conn.execute(
            "INSERT OR REPLACE INTO scrape_links VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (url, role, item_url, status, type(error).__name__ if error else None,
             str(error) if error else None, sha256, file, _now()),
        )

    def record_item(self, url: str, *, source: str, title: str | None,
                    meta: Mapping[str, str | None]) -> None:
        """Insert or refresh a request page's row (``first_seen`` is kept)."""
        stamp = _now()
        self._conn.execute(
            "INSERT INTO scrape_items VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(url) DO UPDATE SET "
            "source = excluded.source, title = excluded.title, meta = excluded.meta, "
            "last_seen = excluded.last_seen",
            (url, source, title, json.dumps(dict(meta), ensure_ascii=False), stamp, stamp),
        )

    def close(self) -> None:
        """Close the connection."""
        self._conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

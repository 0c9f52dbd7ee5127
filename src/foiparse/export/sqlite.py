"""The SQLite dataset: letters and their questions, answers and exemptions, keyed by content hash.

Open it in Datasette (``datasette out.sqlite``), pandas (``pd.read_sql("select * from letters",
sqlite3.connect("out.sqlite"))``) or DuckDB. Each letter is written in one transaction with all
of its child rows, in WAL mode, so a process killed at any moment leaves only whole letters
behind, and a re-run skips every letter whose hash is already there.

>>> with Dataset.open("out.sqlite") as ds:                  # doctest: +SKIP
...     if not ds.has(letter.source.sha256):
...         ds.add(letter, url="https://example.org/response.pdf")
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator, Mapping
from pathlib import Path
from types import TracebackType
from typing import Any, Self

import attrs

from foiparse.export.rows import (
    CHILD_TABLES,
    TABLES,
    Column,
    error_row,
    letter_from_rows,
    letter_rows,
    now,
)
from foiparse.records import Letter

#: Bumped when the layout changes in a way older files cannot be read with.
SCHEMA_VERSION = "1"

_SQL_TYPES = {"text": "TEXT", "int": "INTEGER", "real": "REAL", "bool": "INTEGER"}


def _column_sql(col: Column) -> str:
    return f"{col.name} {_SQL_TYPES[col.kind]}" + ("" if col.nullable else " NOT NULL")


def _child_sql(table: str) -> str:
    cols = ",\n  ".join(_column_sql(c) for c in TABLES[table])
    return (
        f"CREATE TABLE IF NOT EXISTS {table} (\n  {cols},\n"
        "  PRIMARY KEY (letter_sha256, position),\n"
        "  FOREIGN KEY (letter_sha256) REFERENCES letters(sha256) ON DELETE CASCADE\n"
        ") WITHOUT ROWID"
    )


def _schema() -> list[str]:
    letters = ",\n  ".join(_column_sql(c) for c in TABLES["letters"])
    errors = ",\n  ".join(_column_sql(c) for c in TABLES["errors"])
    return [
        f"CREATE TABLE IF NOT EXISTS letters (\n  {letters},\n  PRIMARY KEY (sha256)\n)",
        *(_child_sql(t) for t in CHILD_TABLES),
        f"CREATE TABLE IF NOT EXISTS errors (\n  id INTEGER PRIMARY KEY,\n  {errors}\n)",
        "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        # Where the scraper keeps what it fetched, so a crawl can resume and send
        # conditional requests; ``sha256`` joins to ``letters`` once the body is parsed.
        "CREATE TABLE IF NOT EXISTS fetches (\n  url TEXT PRIMARY KEY,\n  status INTEGER,\n"
        "  sha256 TEXT,\n  etag TEXT,\n  last_modified TEXT,\n  fetched_at TEXT NOT NULL\n)",
        "CREATE INDEX IF NOT EXISTS letters_authority ON letters(authority)",
        "CREATE INDEX IF NOT EXISTS letters_outcome ON letters(outcome)",
        "CREATE INDEX IF NOT EXISTS letters_regime ON letters(regime)",
        "CREATE INDEX IF NOT EXISTS letters_date ON letters(date)",
        "CREATE INDEX IF NOT EXISTS letters_path ON letters(path)",
        "CREATE INDEX IF NOT EXISTS letters_url ON letters(url)",
        "CREATE INDEX IF NOT EXISTS questions_id ON questions(letter_sha256, id)",
        "CREATE INDEX IF NOT EXISTS answers_question ON answers(letter_sha256, question_id)",
        "CREATE INDEX IF NOT EXISTS answers_disposition ON answers(disposition)",
        "CREATE INDEX IF NOT EXISTS exemptions_id ON exemptions(exemption_id)",
        "CREATE INDEX IF NOT EXISTS errors_sha256 ON errors(sha256)",
        "CREATE INDEX IF NOT EXISTS errors_path ON errors(path)",
        "CREATE INDEX IF NOT EXISTS errors_url ON errors(url)",
    ]


@attrs.frozen
class FetchState:
    """What was last fetched from one URL (for resumable, polite scraping)."""

    url: str
    status: int | None
    sha256: str | None
    etag: str | None
    last_modified: str | None
    fetched_at: str


class Dataset:
    """A foiparse SQLite dataset; create or reopen one with :meth:`open`.

    One writer at a time: keep a dataset to one thread/process (readers may come and go, WAL
    lets them read while it writes).
    """

    def __init__(self, conn: sqlite3.Connection, path: str) -> None:
        self._conn = conn
        #: Where the dataset lives (``":memory:"`` for an in-memory one).
        self.path = path

    @classmethod
    def open(cls, path: str | os.PathLike[str]) -> Dataset:
        """Open the dataset at ``path``, creating the file and its tables if needed."""
        name = os.fspath(path)
        # Autocommit mode: transactions are opened explicitly, one per letter, in _write.
        conn = sqlite3.connect(name, isolation_level=None)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA busy_timeout = 10000")
        if name != ":memory:":
            conn.execute("PRAGMA journal_mode = WAL")
            # With WAL, NORMAL still survives a killed process; only power loss can drop the
            # last commits, which a re-run simply parses again.
            conn.execute("PRAGMA synchronous = NORMAL")
        try:
            with _transaction(conn):
                for statement in _schema():
                    conn.execute(statement)
                found = conn.execute(
                    "SELECT value FROM meta WHERE key='schema_version'").fetchone()
                if found is None:
                    conn.execute("INSERT INTO meta VALUES ('schema_version', ?)",
                                 (SCHEMA_VERSION,))
                    conn.execute("INSERT INTO meta VALUES ('created_at', ?)", (now(),))
                elif found[0] != SCHEMA_VERSION:
                    raise ValueError(
                        f"{name} has foiparse dataset schema {found[0]}, this version writes "
                        f"{SCHEMA_VERSION}; write to a new file"
                    )
        except BaseException:
            conn.close()
            raise
        return cls(conn, name)

    # -- writing ---------------------------------------------------------------------------

    def has(self, sha256: str) -> bool:
        """Whether a letter with this content hash is already stored."""
        row = self._conn.execute("SELECT 1 FROM letters WHERE sha256 = ?", (sha256,)).fetchone()
        return row is not None

    def add(self, letter: Letter, *, url: str | None = None) -> bool:
        """Store ``letter`` and its child rows in one transaction; ``False`` if already there.

        A stored letter clears any error recorded earlier for the same content.
        """
        rows = letter_rows(letter, url=url)
        with _transaction(self._conn):
            cur = self._insert("letters", rows["letters"][0], conflict="DO NOTHING")
            if cur.rowcount == 0:
                return False
            for table in CHILD_TABLES:
                for row in rows[table]:
                    self._insert(table, row)
            self._conn.execute("DELETE FROM errors WHERE sha256 = ?", (letter.source.sha256,))
        return True

    def add_error(self, *, error_type: str, message: str, sha256: str | None = None,
                  path: str | None = None, url: str | None = None) -> None:
        """Record that a document failed; replaces an earlier error for the same document.

        The document is identified by ``sha256`` when known, otherwise by ``path`` or ``url``.
        """
        row = error_row(error_type=error_type, message=message, sha256=sha256, path=path,
                        url=url)
        with _transaction(self._conn):
            for key in ("sha256", "path", "url"):
                if row[key] is not None:
                    self._conn.execute(f"DELETE FROM errors WHERE {key} = ?", (row[key],))
                    break
            self._insert("errors", row)

    def record_fetch(self, url: str, *, status: int | None = None, sha256: str | None = None,
                     etag: str | None = None, last_modified: str | None = None) -> None:
        """Remember the outcome of fetching ``url`` (overwrites the previous one)."""
        self._conn.execute(
            "INSERT OR REPLACE INTO fetches VALUES (?, ?, ?, ?, ?, ?)",
            (url, status, sha256, etag, last_modified, now()),
        )

    def fetch_state(self, url: str) -> FetchState | None:
        """What :meth:`record_fetch` last stored for ``url``."""
        row = self._conn.execute("SELECT * FROM fetches WHERE url = ?", (url,)).fetchone()
        return None if row is None else FetchState(**dict(row))

    def get_meta(self, key: str) -> str | None:
        """A value of the ``meta`` table (``schema_version``, ``created_at``, your own keys)."""
        row = self._conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def set_meta(self, key: str, value: str) -> None:
        """Set a value of the ``meta`` table."""
        self._conn.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))

    def _insert(self, table: str, row: Mapping[str, Any], conflict: str = "") -> sqlite3.Cursor:
        names = [c.name for c in TABLES[table]]
        sql = (f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})"
               + (f" ON CONFLICT DO {conflict.removeprefix('DO ')}" if conflict else ""))
        return self._conn.execute(sql, [row[n] for n in names])

    # -- reading ---------------------------------------------------------------------------

    def count(self, table: str = "letters") -> int:
        """How many rows ``table`` holds."""
        if table not in TABLES and table not in ("meta", "fetches"):
            raise ValueError(f"no table {table!r}")
        return int(self._conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])

    def letters(self) -> Iterator[Letter]:
        """Every stored letter, rebuilt as a :class:`~foiparse.Letter`, in hash order."""
        cur = self._conn.execute("SELECT * FROM letters ORDER BY sha256")
        for head in cur:
            key = head["sha256"]
            children = {
                t: [dict(r) for r in self._conn.execute(
                    f"SELECT * FROM {t} WHERE letter_sha256 = ? ORDER BY position", (key,))]
                for t in CHILD_TABLES
            }
            yield letter_from_rows(dict(head), **children)

    def errors(self) -> list[dict[str, Any]]:
        """Every recorded error, as dicts."""
        return [dict(r) for r in self._conn.execute("SELECT * FROM errors ORDER BY id")]

    def close(self) -> None:
        """Close the connection (the file stays consistent whether or not this runs)."""
        self._conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()


class _transaction:
    """``BEGIN IMMEDIATE`` ... ``COMMIT`` (``ROLLBACK`` on error) on an autocommit connection."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def __enter__(self) -> None:
        self._conn.execute("BEGIN IMMEDIATE")

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self._conn.execute("COMMIT" if exc_type is None else "ROLLBACK")


def read_letters(path: str | os.PathLike[str]) -> Iterator[Letter]:
    """The letters stored in the SQLite dataset at ``path``."""
    if not Path(path).exists():
        raise FileNotFoundError(os.fspath(path))
    with Dataset.open(path) as ds:
        yield from ds.letters()

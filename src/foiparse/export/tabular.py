"""Text exports: JSON Lines (one ``Letter.to_dict()`` per line) and CSV (one file per table).

Both append to what an earlier run left and skip letters already written, like the SQLite
dataset. A run killed mid-write can leave a torn last record; opening the output again cuts it
off (and, for CSV, drops child rows whose letter row never made it), so nothing is duplicated.
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType
from typing import IO, Any, Self

from foiparse.export.rows import CHILD_TABLES, TABLES, error_row, letter_rows
from foiparse.records import Letter

_CSV_TABLES = ("letters", *CHILD_TABLES, "errors")


class JsonlWriter:
    """Append letters to a JSON Lines file: ``Letter.to_dict(include_text=True)`` per line.

    A failed document is a line ``{"source": {...}, "error": {"type": ..., "message": ...}}``,
    as ``foiparse parse`` prints it.
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self._seen: set[str] = set()
        if self.path.exists():
            _cut_torn_tail(self.path)
            for record in read_jsonl(self.path):
                sha = record.get("source", {}).get("sha256")
                if sha and "error" not in record:
                    self._seen.add(sha)
        self._out: IO[str] = self.path.open("a", encoding="utf-8")

    def has(self, sha256: str) -> bool:
        """Whether this letter is already in the file."""
        return sha256 in self._seen

    def add(self, letter: Letter, *, url: str | None = None) -> bool:
        """Append ``letter``; ``False`` if it is already in the file."""
        if letter.source.sha256 in self._seen:
            return False
        record = letter.to_dict(include_text=True)
        if url is not None:
            record["source"]["url"] = url
        self._write(record)
        self._seen.add(letter.source.sha256)
        return True

    def add_error(self, *, error_type: str, message: str, sha256: str | None = None,
                  path: str | None = None, url: str | None = None) -> None:
        """Append an error record."""
        self._write({"source": {"path": path, "sha256": sha256, "url": url},
                     "error": {"type": error_type, "message": message}})

    def _write(self, record: dict[str, Any]) -> None:
        # One write call per line, flushed: a kill can only tear the line being written.
        self._out.write(json.dumps(record, ensure_ascii=False) + "\n")
        self._out.flush()

    def close(self) -> None:
        """Close the file."""
        self._out.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()


def _cut_torn_tail(path: Path, terminator: bytes = b"\n") -> None:
    """Truncate ``path`` after its last ``terminator`` (drops what a killed writer tore)."""
    with path.open("rb+") as f:
        size = f.seek(0, os.SEEK_END)
        if size == 0:
            return
        pos, chunk = size, 4096
        while pos > 0:
            start = max(0, pos - chunk)
            f.seek(start)
            # Overlap blocks by the terminator's length so one split across blocks is found.
            block = f.read(min(size, pos + len(terminator) - 1) - start)
            if start + len(block) == size and block.endswith(terminator):
                return
            idx = block.rfind(terminator)
            if idx >= 0:
                f.truncate(start + idx + len(terminator))
                return
            pos = start
        f.truncate(0)


def read_jsonl(path: str | os.PathLike[str]) -> Iterator[dict[str, Any]]:
    """The records of a JSON Lines file, one dict per non-empty line."""
    with Path(path).open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


class CsvWriter:
    """Write the tables as CSV files in a folder: ``letters.csv``, ``questions.csv``,
    ``answers.csv``, ``exemptions.csv`` and ``errors.csv`` (UTF-8, with a header row).

    Lists are JSON text and a missing value is an empty cell, as pandas' ``read_csv`` expects.
    A letter's child rows are written before its ``letters`` row, so the ``letters`` row is
    what commits it; reopening drops child rows of letters that never got one.
    """

    def __init__(self, folder: str | os.PathLike[str]) -> None:
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self._seen: set[str] = set()
        self._files: dict[str, IO[str]] = {}
        self._writers: dict[str, Any] = {}
        if (self.folder / "letters.csv").exists():
            self._repair()
        for table in _CSV_TABLES:
            path = self.folder / f"{table}.csv"
            new = not path.exists() or path.stat().st_size == 0
            f = path.open("a", encoding="utf-8", newline="")
            writer = csv.DictWriter(f, fieldnames=[c.name for c in TABLES[table]])
            if new:
                writer.writeheader()
            self._files[table], self._writers[table] = f, writer

    def _repair(self) -> None:
        """Keep only whole rows, and child rows whose letter row was written."""
        _clean_rows(self.folder / "letters.csv", keep=None)
        self._seen.update(row["sha256"] for row in read_csv_rows(self.folder / "letters.csv"))
        for table in CHILD_TABLES:
            _clean_rows(self.folder / f"{table}.csv", keep=self._seen, key="letter_sha256")
        _clean_rows(self.folder / "errors.csv", keep=None)

    def has(self, sha256: str) -> bool:
        """Whether this letter is already written."""
        return sha256 in self._seen

    def add(self, letter: Letter, *, url: str | None = None) -> bool:
        """Write ``letter``'s rows; ``False`` if it is already written."""
        if letter.source.sha256 in self._seen:
            return False
        rows = letter_rows(letter, url=url)
        for table in (*CHILD_TABLES, "letters"):
            self._writers[table].writerows(rows[table])
            self._files[table].flush()
        self._seen.add(letter.source.sha256)
        return True

    def add_error(self, *, error_type: str, message: str, sha256: str | None = None,
                  path: str | None = None, url: str | None = None) -> None:
        """Write a row of ``errors.csv``."""
        self._writers["errors"].writerow(error_row(error_type=error_type, message=message,
                                                   sha256=sha256, path=path, url=url))
        self._files["errors"].flush()

    def close(self) -> None:
        """Close the files."""
        for f in self._files.values():
            f.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()


def _clean_rows(path: Path, keep: set[str] | None, key: str = "") -> None:
    """Rewrite ``path`` without torn rows (and rows whose ``key`` is not in ``keep``)."""
    if not path.exists():
        return
    # Every row the writer finishes ends with the csv line terminator; anything after the
    # last one is a row a killed run tore.
    _cut_torn_tail(path, terminator=b"\r\n")
    tmp = path.with_suffix(".csv.tmp")
    with path.open(encoding="utf-8", newline="") as src, \
            tmp.open("w", encoding="utf-8", newline="") as out:
        reader = csv.DictReader(src, strict=True)
        writer = csv.DictWriter(out, fieldnames=reader.fieldnames or [])
        if reader.fieldnames:
            writer.writeheader()
        try:
            for row in reader:
                if None in row or any(v is None for v in row.values()):
                    continue  # wrong number of fields: a torn row
                if keep is not None and row[key] not in keep:
                    continue
                writer.writerow(row)
        except csv.Error:
            pass  # an unterminated quoted field at the end: the torn last row
    tmp.replace(path)


def read_csv_rows(path: str | os.PathLike[str]) -> Iterator[dict[str, str]]:
    """The rows of one CSV table as dicts of strings (empty string for a missing value)."""
    with Path(path).open(encoding="utf-8", newline="") as f:
        yield from csv.DictReader(f)


def read_csv_table(folder: str | os.PathLike[str], table: str) -> list[dict[str, Any]]:
    """The rows of ``table`` from a CSV export, typed back (ints, bools, ``None``)."""
    cols = {c.name: c for c in TABLES[table]}
    out = []
    for raw in read_csv_rows(Path(folder) / f"{table}.csv"):
        row: dict[str, Any] = {}
        for name, text in raw.items():
            col = cols[name]
            if text == "" and col.nullable:
                row[name] = None
            elif col.kind == "int":
                row[name] = int(text)
            elif col.kind == "real":
                row[name] = float(text)
            elif col.kind == "bool":
                row[name] = text == "True"
            else:
                row[name] = text
        out.append(row)
    return out


def read_csv_letters(folder: str | os.PathLike[str]) -> list[Letter]:
    """Every letter of a CSV export, rebuilt as :class:`~foiparse.Letter` (loads it all)."""
    from foiparse.export.rows import letter_from_rows

    children: dict[str, dict[str, list[dict[str, Any]]]] = {t: {} for t in CHILD_TABLES}
    for table in CHILD_TABLES:
        for row in read_csv_table(folder, table):
            children[table].setdefault(row["letter_sha256"], []).append(row)
    return [
        letter_from_rows(head, **{t: children[t].get(head["sha256"], []) for t in CHILD_TABLES})
        for head in read_csv_table(folder, "letters")
    ]

"""Parquet export through pyarrow (the optional ``parquet`` extra): a folder per table.

Each table is a folder of part files (``letters/part-00000.parquet``, ...), which pandas,
pyarrow, Polars and DuckDB read as one table. Letters are buffered and written out together,
every :data:`BATCH_LETTERS` letters or :data:`BATCH_SECONDS` seconds, as one part file per
table: all written under hidden temporary names first, then renamed into place, the
``letters`` part first. That rename commits the batch. A run killed mid-way loses at most the
letters buffered since the last batch; the next run finishes a committed batch's renames,
drops the temporary parts of an uncommitted one, and parses those letters again.
"""

from __future__ import annotations

import os
import re
import time
from pathlib import Path
from types import TracebackType
from typing import Any, Self

from foiparse.export.rows import CHILD_TABLES, TABLES, Row, error_row, letter_from_rows, letter_rows
from foiparse.records import Letter

_TABLES = ("letters", *CHILD_TABLES, "errors")
#: Letters buffered before a batch is written (a batch is one part file per table).
BATCH_LETTERS = 2000
#: ... or seconds since the last batch, so that a slow run still commits as it goes.
BATCH_SECONDS = 60.0
_PART = re.compile(r"^part-(\d{5,})\.parquet$")
#: Moves a finished part into place (atomic within a folder). A name of its own, so that tests
#: can stop a batch half-way without touching ``os.replace`` for the whole process.
_rename = os.replace
_PENDING = re.compile(r"^\.part-(\d{5,})\.parquet\.tmp$")


def _pyarrow() -> Any:
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError(
            "Parquet export needs pyarrow: pip install 'foiparse[parquet]'"
        ) from exc
    return pyarrow


def _schema(pa: Any, table: str) -> Any:
    types = {"text": pa.string(), "int": pa.int64(), "real": pa.float64(), "bool": pa.bool_()}
    return pa.schema([pa.field(c.name, types[c.kind], nullable=c.nullable)
                      for c in TABLES[table]])


def _parts(folder: Path) -> dict[int, Path]:
    """The part files in ``folder`` by number."""
    if not folder.is_dir():
        return {}
    found = {}
    for path in folder.iterdir():
        match = _PART.match(path.name)
        if match:
            found[int(match.group(1))] = path
    return found


class ParquetWriter:
    """Write the ``letters``, ``questions``, ``answers``, ``exemptions`` and ``errors`` tables
    as folders of Parquet parts under ``folder``; reopening resumes."""

    def __init__(self, folder: str | os.PathLike[str]) -> None:
        self._pa = _pyarrow()
        self.folder = Path(folder)
        self._seen: set[str] = set()
        self._buffers: dict[str, list[Row]] = {t: [] for t in _TABLES}
        self._buffered_letters = 0
        self._last_batch = time.monotonic()
        for table in _TABLES:
            (self.folder / table).mkdir(parents=True, exist_ok=True)
        self._next_part = self._recover()

    def _recover(self) -> int:
        """Finish or undo what a killed run left; learn which letters are stored.

        A batch whose ``letters`` part is in place was committed: its other parts still under
        their temporary names are moved into place. Anything else temporary is dropped.
        """
        committed = _parts(self.folder / "letters")
        for table in _TABLES:
            folder = self.folder / table
            for path in folder.glob("*.tmp"):
                match = _PENDING.match(path.name)
                if match and int(match.group(1)) in committed:
                    _rename(path, folder / f"part-{match.group(1)}.parquet")
                else:
                    path.unlink()
            for number, path in _parts(folder).items():
                if number not in committed:
                    path.unlink()  # an orphan: its batch was never committed
        for path in committed.values():
            column = self._pa.parquet.read_table(str(path), columns=["sha256"]).column("sha256")
            self._seen.update(column.to_pylist())
        return max(committed, default=-1) + 1

    def has(self, sha256: str) -> bool:
        """Whether this letter is already written (or buffered)."""
        return sha256 in self._seen

    def add(self, letter: Letter, *, url: str | None = None) -> bool:
        """Buffer ``letter``'s rows; ``False`` if it is already there."""
        if letter.source.sha256 in self._seen:
            return False
        for table, rows in letter_rows(letter, url=url).items():
            self._buffers[table].extend(rows)
        self._seen.add(letter.source.sha256)
        self._buffered_letters += 1
        if (self._buffered_letters >= BATCH_LETTERS
                or time.monotonic() - self._last_batch >= BATCH_SECONDS):
            self.flush()
        return True

    def add_error(self, *, error_type: str, message: str, sha256: str | None = None,
                  path: str | None = None, url: str | None = None) -> None:
        """Buffer a row of the ``errors`` table."""
        self._buffers["errors"].append(error_row(error_type=error_type, message=message,
                                                 sha256=sha256, path=path, url=url))

    def flush(self) -> None:
        """Write what is buffered as one batch of parts (nothing when nothing is buffered).

        Every part is first written under a hidden temporary name (pyarrow, pandas and DuckDB
        skip hidden files, so readers never see a part cut short). Then the ``letters`` part is
        moved into place, which commits the batch, and the other tables' parts after it: a
        reader never meets rows whose letter is missing.
        """
        if not any(self._buffers.values()):
            return
        name = f"part-{self._next_part:05d}.parquet"
        pending = {}
        for table in _TABLES:
            temporary = self.folder / table / f".{name}.tmp"
            rows = self._pa.Table.from_pylist(self._buffers[table], schema=_schema(self._pa, table))
            self._pa.parquet.write_table(rows, str(temporary))
            pending[table] = temporary
        for table in _TABLES:  # letters first: its part commits the batch
            _rename(pending[table], self.folder / table / name)
            self._buffers[table].clear()
        self._next_part += 1
        self._buffered_letters = 0
        self._last_batch = time.monotonic()

    def close(self) -> None:
        """Write what is buffered."""
        self.flush()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()


def read_parquet_table(folder: str | os.PathLike[str], table: str) -> list[dict[str, Any]]:
    """The rows of ``table`` of a Parquet export, as dicts, in the order they were written."""
    pa = _pyarrow()
    rows: list[dict[str, Any]] = []
    for _, path in sorted(_parts(Path(folder) / table).items()):
        rows.extend(pa.parquet.read_table(str(path)).to_pylist())
    return rows


def read_parquet_letters(folder: str | os.PathLike[str]) -> list[Letter]:
    """Every letter of a Parquet export, rebuilt as :class:`~foiparse.Letter` (loads it all)."""
    children: dict[str, dict[str, list[dict[str, Any]]]] = {t: {} for t in CHILD_TABLES}
    for table in CHILD_TABLES:
        for row in read_parquet_table(folder, table):
            children[table].setdefault(row["letter_sha256"], []).append(row)
    return [
        letter_from_rows(head, **{t: children[t].get(head["sha256"], []) for t in CHILD_TABLES})
        for head in read_parquet_table(folder, "letters")
    ]

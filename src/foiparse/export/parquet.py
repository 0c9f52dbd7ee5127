"""Parquet export through pyarrow (the optional ``parquet`` extra): one file per table.

Rows are buffered and written as row groups of :data:`ROW_GROUP` rows, so memory stays flat.
A Parquet file is only readable once closed (its footer comes last): a run that is killed
leaves files that cannot be resumed and the next run starts them again. Files a finished run
wrote are carried over, and their letters skipped. For crash-safe resume use SQLite.
"""

from __future__ import annotations

import os
from pathlib import Path
from types import TracebackType
from typing import Any, Self

from foiparse.export.rows import CHILD_TABLES, TABLES, Row, error_row, letter_from_rows, letter_rows
from foiparse.records import Letter

_TABLES = ("letters", *CHILD_TABLES, "errors")
#: Rows buffered per table before they are written out as one row group.
ROW_GROUP = 2000


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


class ParquetWriter:
    """Write ``letters.parquet``, ``questions.parquet``, ``answers.parquet``,
    ``exemptions.parquet`` and ``errors.parquet`` in ``folder``."""

    def __init__(self, folder: str | os.PathLike[str]) -> None:
        self._pa = _pyarrow()
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self._seen: set[str] = set()
        self._buffers: dict[str, list[Row]] = {t: [] for t in _TABLES}
        self._writers: dict[str, Any] = {}
        previous = self._carry_over_sources()
        for table in _TABLES:
            path = self.folder / f"{table}.parquet"
            self._writers[table] = self._pa.parquet.ParquetWriter(
                str(path), _schema(self._pa, table))
            old = previous.get(table)
            if old is not None:
                for batch in self._pa.parquet.ParquetFile(str(old)).iter_batches(ROW_GROUP):
                    self._writers[table].write_batch(batch)
                    if table == "letters":
                        self._seen.update(batch.column("sha256").to_pylist())
                old.unlink()

    def _carry_over_sources(self) -> dict[str, Path]:
        """Move readable files of an earlier run aside, to copy them into the new files."""
        moved: dict[str, Path] = {}
        for table in _TABLES:
            path = self.folder / f"{table}.parquet"
            if not path.exists():
                continue
            try:
                self._pa.parquet.ParquetFile(str(path))
            except Exception:  # no footer: a killed run; its rows are parsed again
                path.unlink()
                continue
            aside = path.with_suffix(".parquet.old")
            path.replace(aside)
            moved[table] = aside
        if "letters" not in moved:  # children without their letters would be orphans
            for aside in moved.values():
                aside.unlink()
            return {}
        return moved

    def has(self, sha256: str) -> bool:
        """Whether this letter is already written."""
        return sha256 in self._seen

    def add(self, letter: Letter, *, url: str | None = None) -> bool:
        """Buffer ``letter``'s rows; ``False`` if it is already written."""
        if letter.source.sha256 in self._seen:
            return False
        for table, rows in letter_rows(letter, url=url).items():
            self._append(table, rows)
        self._seen.add(letter.source.sha256)
        return True

    def add_error(self, *, error_type: str, message: str, sha256: str | None = None,
                  path: str | None = None, url: str | None = None) -> None:
        """Buffer a row of ``errors.parquet``."""
        self._append("errors", [error_row(error_type=error_type, message=message,
                                          sha256=sha256, path=path, url=url)])

    def _append(self, table: str, rows: list[Row]) -> None:
        buffer = self._buffers[table]
        buffer.extend(rows)
        if len(buffer) >= ROW_GROUP:
            self._flush(table)

    def _flush(self, table: str) -> None:
        buffer = self._buffers[table]
        if buffer:
            batch = self._pa.Table.from_pylist(buffer, schema=_schema(self._pa, table))
            self._writers[table].write_table(batch)
            buffer.clear()

    def close(self) -> None:
        """Write what is buffered and the files' footers."""
        for table in _TABLES:
            self._flush(table)
            self._writers[table].close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()


def read_parquet_table(folder: str | os.PathLike[str], table: str) -> list[dict[str, Any]]:
    """The rows of ``table`` of a Parquet export, as dicts."""
    pa = _pyarrow()
    rows: list[dict[str, Any]] = pa.parquet.read_table(
        str(Path(folder) / f"{table}.parquet")).to_pylist()
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

"""Export stage: parsed letters -> datasets (SQLite, JSON Lines, CSV, Parquet).

Every format is written through the same small interface, :class:`Sink`, so bulk parsing and
scraping need not know which one they fill. The table layout is in :mod:`foiparse.export.rows`.
"""

from __future__ import annotations

import enum
import os
from types import TracebackType
from typing import Protocol, Self

from foiparse.export.sqlite import Dataset
from foiparse.export.tabular import CsvWriter, JsonlWriter
from foiparse.records import Letter


class ExportFormat(enum.StrEnum):
    """The dataset formats ``foiparse bulk`` writes."""

    SQLITE = "sqlite"
    JSONL = "jsonl"
    CSV = "csv"
    PARQUET = "parquet"


class Sink(Protocol):
    """Where parsed letters go: a dataset that knows which letters it already holds."""

    def has(self, sha256: str) -> bool:
        """Whether a letter with this content hash is already stored."""
        ...

    def add(self, letter: Letter, *, url: str | None = None) -> bool:
        """Store a letter (atomically); ``False`` if it was already there."""
        ...

    def add_error(self, *, error_type: str, message: str, sha256: str | None = None,
                  path: str | None = None, url: str | None = None) -> None:
        """Record a document that could not be parsed."""
        ...

    def close(self) -> None:
        """Finish writing."""
        ...

    def __enter__(self) -> Self: ...

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None: ...


#: File name endings that mean a format when ``--format`` is not given.
_SUFFIXES = {".jsonl": ExportFormat.JSONL, ".ndjson": ExportFormat.JSONL}


def guess_format(dest: str | os.PathLike[str]) -> ExportFormat:
    """The format a destination's name implies: JSON Lines for ``.jsonl``, else SQLite."""
    return _SUFFIXES.get(os.path.splitext(os.fspath(dest))[1].lower(), ExportFormat.SQLITE)


def open_sink(dest: str | os.PathLike[str], fmt: ExportFormat | str | None = None) -> Sink:
    """Open (create or resume) the dataset at ``dest`` in format ``fmt``.

    SQLite and JSON Lines are one file; CSV is a folder with one file per table, Parquet a
    folder with a folder of part files per table.
    """
    fmt = guess_format(dest) if fmt is None else ExportFormat(fmt)
    if fmt is ExportFormat.SQLITE:
        return Dataset.open(dest)
    if fmt is ExportFormat.JSONL:
        return JsonlWriter(dest)
    if fmt is ExportFormat.CSV:
        return CsvWriter(dest)
    from foiparse.export.parquet import ParquetWriter

    return ParquetWriter(dest)


__all__ = ["CsvWriter", "Dataset", "ExportFormat", "JsonlWriter", "Sink", "guess_format",
           "open_sink"]

"""Export formats: every format round-trips letters, resumes, and never duplicates."""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from foiparse import parse
from foiparse.export import CsvWriter, Dataset, ExportFormat, JsonlWriter, guess_format, open_sink
from foiparse.export.rows import TABLES, letter_from_rows, letter_rows
from foiparse.export.tabular import read_csv_letters, read_csv_table, read_jsonl
from foiparse.records import (
    Answer,
    Disposition,
    Exemption,
    Field,
    Letter,
    Outcome,
    Question,
    Regime,
    Source,
    SourceFormat,
    Span,
)

TEMPLATE = """Riverside District Council
Information Governance
Our reference: FOI-{n:05d}
{day} April 2024

Dear Requester,

Freedom of Information Act 2000 - request for information

You asked:

1. How many street lights were repaired in {year}?
2. What did the repairs cost?

Our response

1. {n} street lights were repaired.
2. The cost is withheld under section 43(2) of the Act (commercial interests).

Yours sincerely,
Information Officer
"""


def rich_letter() -> Letter:
    """A letter using every field, including the awkward ones (quotes, newlines, unicode)."""
    return Letter(
        source=Source(path="a/b.pdf", format=SourceFormat.PDF, sha256="ab" * 32, pages=3,
                      ocr_pages=(2, 3), ocr_confidence=(71.5, 88.25)),
        text='Line one, "quoted"\nline two — café\r\nthree',
        reference=Field("FOI/24/001", Span(0, 4, 1)),
        authority=Field("Borough, Council", Span(5, 9, 1)),
        date=Field("2024-04-02", None),
        regime=Regime.UK_FOIA,
        outcome=Outcome.PARTIALLY_GRANTED,
        questions=(Question("1", "How many?", None, Span(10, 20, 2)),
                   Question("1a", 'Which "ones",\nplease?', "1", None)),
        answers=(Answer("1", "Twelve.", Disposition.DISCLOSED, Span(21, 28, 2)),
                 Answer("1a", "", Disposition.WITHHELD, None)),
        answers_aligned=True,
        exemptions=(Exemption(Regime.UK_FOIA, "s40(2)", "Personal information", "section 40(2)",
                              ("1a",), Span(30, 40, 3)),
                    Exemption(Regime.UK_FOIA, "s43(2)", None, "s.43", (), None)),
        warnings=("date: uncertain", "ocr: page 2 confidence 71.5"),
    )


def bare_letter() -> Letter:
    """A letter where nearly everything is missing."""
    return Letter(source=Source(path=None, format=SourceFormat.TEXT, sha256="cd" * 32),
                  text="x")


def parsed_letters(tmp_path: Path, n: int = 3) -> list[Letter]:
    letters = []
    for i in range(n):
        path = tmp_path / f"letter{i}.txt"
        path.write_text(TEMPLATE.format(n=i + 1, day=i % 28 + 1, year=2000 + i), "utf-8")
        letters.append(parse(path))
    return letters


@pytest.mark.parametrize("make", [rich_letter, bare_letter], ids=["rich", "bare"])
def test_rows_round_trip(make: Callable[[], Letter]) -> None:
    letter = make()
    rows = letter_rows(letter, url="https://example.org/x")
    assert rows["letters"][0]["url"] == "https://example.org/x"
    for table, table_rows in rows.items():
        assert [set(r) for r in table_rows] == [{c.name for c in TABLES[table]}] * len(table_rows)
    shuffled = {t: list(reversed(rows[t])) for t in ("questions", "answers", "exemptions")}
    assert letter_from_rows(rows["letters"][0], **shuffled) == letter


def _read_sqlite(dest: Path) -> list[Letter]:
    with Dataset.open(dest) as ds:
        return list(ds.letters())


def _read_jsonl(dest: Path) -> list[dict[str, object]]:
    return [r for r in read_jsonl(dest) if "error" not in r]


def _read_parquet(dest: Path) -> list[Letter]:
    from foiparse.export.parquet import read_parquet_letters

    return read_parquet_letters(dest)


READERS: dict[str, Callable[[Path], list[object]]] = {
    "sqlite": _read_sqlite,  # type: ignore[dict-item]
    "csv": read_csv_letters,  # type: ignore[dict-item]
    "parquet": _read_parquet,  # type: ignore[dict-item]
    "jsonl": _read_jsonl,  # type: ignore[dict-item]
}


def _expected(fmt: str, letters: list[Letter]) -> list[object]:
    if fmt == "jsonl":  # JSON Lines holds Letter.to_dict(), with the text
        return [lt.to_dict(include_text=True) for lt in letters]
    return sorted(letters, key=lambda lt: lt.source.sha256) if fmt == "sqlite" else letters


def _needs(fmt: str) -> None:
    if fmt == "parquet":
        pytest.importorskip("pyarrow")


@pytest.mark.parametrize("fmt", ["sqlite", "jsonl", "csv", "parquet"])
def test_each_format_round_trips(fmt: str, tmp_path: Path) -> None:
    _needs(fmt)
    letters = [rich_letter(), bare_letter(), *parsed_letters(tmp_path)]
    dest = tmp_path / f"out.{fmt}"
    with open_sink(dest, fmt) as sink:
        for letter in letters:
            assert not sink.has(letter.source.sha256)
            assert sink.add(letter)
            assert sink.has(letter.source.sha256)
        assert not sink.add(letters[0]), "a letter already written is not written again"
    assert READERS[fmt](dest) == _expected(fmt, letters)


@pytest.mark.parametrize("fmt", ["sqlite", "jsonl", "csv", "parquet"])
def test_reopening_resumes_without_duplicates(fmt: str, tmp_path: Path) -> None:
    _needs(fmt)
    letters = [rich_letter(), bare_letter(), *parsed_letters(tmp_path)]
    dest = tmp_path / f"out.{fmt}"
    with open_sink(dest, fmt) as sink:
        for letter in letters[:3]:
            sink.add(letter)
    with open_sink(dest, fmt) as sink:
        assert [sink.has(lt.source.sha256) for lt in letters] == [True] * 3 + [False] * 2
        for letter in letters:
            sink.add(letter)
    assert READERS[fmt](dest) == _expected(fmt, letters)


@pytest.mark.parametrize(
    ("fmt", "torn_file", "torn_bytes"),
    [
        ("jsonl", "", b'{"source": {"sha256": "ef'),
        ("csv", "letters.csv", b'"ef' + b"e" * 63 + b'",x.txt,,text,,"unterminated\ntext'),
        ("csv", "questions.csv", b"9" * 64 + b",0,1,orphan question,,,,\r\n"),
    ],
    ids=["jsonl-half-line", "csv-half-row", "csv-orphan-child"],
)
def test_torn_tail_of_a_killed_run_is_dropped(fmt: str, torn_file: str, torn_bytes: bytes,
                                              tmp_path: Path) -> None:
    letters = parsed_letters(tmp_path)
    dest = tmp_path / f"out.{fmt}"
    with open_sink(dest, fmt) as sink:
        sink.add(letters[0])
    with (dest / torn_file if torn_file else dest).open("ab") as f:
        f.write(torn_bytes)  # what a SIGKILL in the middle of a write leaves
    with open_sink(dest, fmt) as sink:
        for letter in letters:
            sink.add(letter)
    assert READERS[fmt](dest) == _expected(fmt, letters)
    if fmt == "csv":
        assert [r["letter_sha256"] for r in read_csv_table(dest, "questions")] == [
            lt.source.sha256 for lt in letters for _ in lt.questions]


def test_parquet_batch_cut_short_by_a_kill_is_redone(tmp_path: Path) -> None:
    """A batch is committed by its letters part: parts of a batch without one are dropped."""
    pytest.importorskip("pyarrow")
    from foiparse.export.parquet import ParquetWriter

    letters = [rich_letter(), bare_letter(), *parsed_letters(tmp_path)]
    dest = tmp_path / "out"
    with ParquetWriter(dest) as sink:
        sink.add(letters[0])
    # What a SIGKILL during the next batch leaves: parts written but not renamed, one cut
    # short, and an orphan child part in place (never written so, but recovery must cope).
    first = dest / "questions" / "part-00000.parquet"
    (dest / "questions" / ".part-00001.parquet.tmp").write_bytes(first.read_bytes())
    (dest / "letters" / ".part-00001.parquet.tmp").write_bytes(b"PAR1 torn")
    answers = dest / "answers"
    (answers / "part-00001.parquet").write_bytes((answers / "part-00000.parquet").read_bytes())
    with ParquetWriter(dest) as sink:
        assert [sink.has(lt.source.sha256) for lt in letters[:2]] == [True, False]
        leftovers = sorted(p.relative_to(dest).as_posix() for p in dest.rglob("part-*"))
        assert leftovers == [f"{t}/part-00000.parquet" for t in
                             ("answers", "errors", "exemptions", "letters", "questions")]
        for letter in letters:
            sink.add(letter)
    assert _read_parquet(dest) == letters
    assert sorted(p.name for p in (dest / "letters").iterdir()) == [
        "part-00000.parquet", "part-00001.parquet"]


def test_parquet_part_cut_short_is_hidden_from_readers(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """A part being written is a hidden file: a kill before its rename leaves the table
    folder readable by pyarrow (and pandas, DuckDB), and the next run deletes it."""
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet  # noqa: F401  (pa.parquet is a submodule)

    from foiparse.export import parquet

    dest = tmp_path / "out"
    with parquet.ParquetWriter(dest) as sink:
        sink.add(rich_letter())

    def killed(src: object, dst: object) -> None:
        raise KeyboardInterrupt

    sink = parquet.ParquetWriter(dest)
    sink.add(bare_letter())
    monkeypatch.setattr(parquet, "_rename", killed)
    with pytest.raises(KeyboardInterrupt):
        sink.flush()
    monkeypatch.undo()
    left = list(dest.rglob("*.tmp"))
    assert sorted(p.parent.name for p in left) == sorted(
        ["letters", "questions", "answers", "exemptions", "errors"])
    for table in left:  # each folder: a committed part and a hidden one being written
        assert pa.parquet.read_table(str(table.parent)).num_rows == len(
            parquet.read_parquet_table(dest, table.parent.name))
    parquet.ParquetWriter(dest).close()
    assert not list(dest.rglob("*.tmp"))
    assert _read_parquet(dest) == [rich_letter()]


def test_parquet_batch_committed_before_a_kill_is_completed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Killed after the letters part was renamed (the commit): the next run moves the other
    parts into place instead of losing the batch's questions and answers."""
    pytest.importorskip("pyarrow")
    from foiparse.export import parquet

    dest = tmp_path / "out"
    renames = []
    real_replace = os.replace

    def killed_after_commit(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        if renames:
            raise KeyboardInterrupt
        renames.append(dst)
        real_replace(src, dst)

    sink = parquet.ParquetWriter(dest)
    sink.add(rich_letter())
    monkeypatch.setattr(parquet, "_rename", killed_after_commit)
    with pytest.raises(KeyboardInterrupt):
        sink.flush()
    monkeypatch.undo()
    assert [Path(p).parent.name for p in renames] == ["letters"]
    with parquet.ParquetWriter(dest) as again:
        assert again.has(rich_letter().source.sha256)
    assert not list(dest.rglob("*.tmp"))
    assert _read_parquet(dest) == [rich_letter()]


def test_parquet_commits_a_batch_as_time_passes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A slow run commits as it goes, not only every BATCH_LETTERS letters."""
    pytest.importorskip("pyarrow")
    from foiparse.export import parquet

    monkeypatch.setattr(parquet, "BATCH_SECONDS", 0.0)
    letters = [rich_letter(), bare_letter()]
    sink = parquet.ParquetWriter(tmp_path / "out")
    for letter in letters:
        sink.add(letter)
    # Not closed (as if killed now): both letters are already on disk.
    assert _read_parquet(tmp_path / "out") == letters


@pytest.mark.parametrize("fmt", ["sqlite", "jsonl", "csv", "parquet"])
def test_errors_are_recorded(fmt: str, tmp_path: Path) -> None:
    _needs(fmt)
    dest = tmp_path / f"out.{fmt}"
    with open_sink(dest, fmt) as sink:
        sink.add_error(error_type="NoTextLayer", message="a scan", sha256="01" * 32,
                       path="scan.pdf")
    if fmt == "sqlite":
        with Dataset.open(dest) as ds:
            rows = ds.errors()
    elif fmt == "jsonl":
        rows = [{"error_type": r["error"]["type"], "path": r["source"]["path"]}
                for r in read_jsonl(dest)]
    elif fmt == "csv":
        rows = read_csv_table(dest, "errors")
    else:
        from foiparse.export.parquet import read_parquet_table

        rows = read_parquet_table(dest, "errors")
    assert [(r["error_type"], r["path"]) for r in rows] == [("NoTextLayer", "scan.pdf")]


def test_sqlite_error_is_replaced_then_cleared_by_the_letter(tmp_path: Path) -> None:
    letter = rich_letter()
    sha = letter.source.sha256
    with Dataset.open(tmp_path / "d.sqlite") as ds:
        ds.add_error(error_type="LimitExceeded", message="slow", sha256=sha, path="a/b.pdf")
        ds.add_error(error_type="WorkerCrashed", message="died", sha256=sha, path="a/b.pdf")
        assert [e["error_type"] for e in ds.errors()] == ["WorkerCrashed"]
        ds.add(letter)
        assert ds.errors() == []


def test_sqlite_schema_has_keys_foreign_keys_and_indexes(tmp_path: Path) -> None:
    dest = tmp_path / "d.sqlite"
    with Dataset.open(dest) as ds:
        ds.add(rich_letter(), url="https://example.org/r.pdf")
        ds.set_meta("source", "test")
        ds.record_fetch("https://example.org/r.pdf", status=200, sha256=rich_letter().source.sha256,
                        etag='"x"')
        assert ds.get_meta("source") == "test"
        assert ds.get_meta("schema_version") == "1"
        state = ds.fetch_state("https://example.org/r.pdf")
        assert state is not None and (state.status, state.etag) == (200, '"x"')
        assert ds.fetch_state("https://example.org/other") is None
        assert [ds.count(t) for t in ("letters", "questions", "answers", "exemptions")] == [
            1, 2, 2, 2]
    conn = sqlite3.connect(dest)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    for child in ("questions", "answers", "exemptions"):
        fks = conn.execute(f"PRAGMA foreign_key_list({child})").fetchall()
        assert [(fk[2], fk[3], fk[4]) for fk in fks] == [("letters", "letter_sha256", "sha256")]
    indexes = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='index'")}
    assert {"letters_outcome", "exemptions_id", "answers_question"} <= indexes
    # The join people will write first: exemptions per authority.
    rows = conn.execute(
        "SELECT l.authority, e.exemption_id FROM exemptions e JOIN letters l "
        "ON l.sha256 = e.letter_sha256 ORDER BY e.position").fetchall()
    assert rows == [("Borough, Council", "UK-FOIA s40(2)"), ("Borough, Council", "UK-FOIA s43(2)")]
    conn.close()


def test_sqlite_rejects_other_schema_versions(tmp_path: Path) -> None:
    dest = tmp_path / "d.sqlite"
    Dataset.open(dest).close()
    conn = sqlite3.connect(dest)
    conn.execute("UPDATE meta SET value='999' WHERE key='schema_version'")
    conn.commit()
    conn.close()
    with pytest.raises(ValueError, match="schema 999"):
        Dataset.open(dest)


@pytest.mark.parametrize(
    ("dest", "fmt"),
    [("out.sqlite", ExportFormat.SQLITE), ("out.jsonl", ExportFormat.JSONL),
     ("x/OUT.NDJSON", ExportFormat.JSONL), ("out.db", ExportFormat.SQLITE),
     ("out", ExportFormat.SQLITE)],
    ids=["sqlite", "jsonl", "ndjson-upper", "db", "no-suffix"],
)
def test_guess_format(dest: str, fmt: ExportFormat) -> None:
    assert guess_format(dest) is fmt


def test_jsonl_line_is_to_dict_with_url(tmp_path: Path) -> None:
    dest = tmp_path / "o.jsonl"
    letter = rich_letter()
    with JsonlWriter(dest) as w:
        w.add(letter, url="https://example.org/r")
    (line,) = dest.read_text("utf-8").splitlines()
    expected = letter.to_dict(include_text=True)
    expected["source"]["url"] = "https://example.org/r"
    assert json.loads(line) == expected


def test_csv_cells_are_plain_scalars(tmp_path: Path) -> None:
    with CsvWriter(tmp_path / "c") as w:
        w.add(rich_letter())
    (row,) = read_csv_table(tmp_path / "c", "letters")
    assert (row["pages"], row["answers_aligned"], row["date_start"]) == (3, True, None)
    assert json.loads(row["warnings"]) == list(rich_letter().warnings)

"""Bulk parsing: parallel, isolated from crashing and hanging documents, resumable."""

from __future__ import annotations

import concurrent.futures as cf
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from foiparse import ParseOptions, parse, parse_many
from foiparse.bulk import bulk_parse, iter_inputs
from foiparse.errors import LimitExceeded, UnreadableSource, WorkerCrashed
from foiparse.export import Dataset
from foiparse.pipeline import SourceLike
from foiparse.records import Letter

ROOT = Path(__file__).resolve().parents[1]
FOIPARSE = [sys.executable, "-m", "foiparse"]

LETTER = """{authority}
Our reference: FOI-{n:05d}
{day} May 2024

Dear Requester,

Freedom of Information Act 2000 - request for information

You asked:

1. How many {thing} did the {authority} buy in {year}?
2. What did they cost?

Response

1. We bought {n} {thing}.
2. This information is not held.

Yours sincerely,
Information Rights Officer
{marker}
"""
AUTHORITIES = ("Northfield Borough Council", "Eastvale Police", "Hillside NHS Trust")
THINGS = ("laptops", "vehicles", "chairs", "licences")


def write_letters(folder: Path, n: int, markers: dict[int, str] | None = None) -> list[Path]:
    """``n`` synthetic letters (text, HTML and e-mail), all with different bytes."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        body = LETTER.format(authority=AUTHORITIES[i % 3], n=i + 1, day=i % 28 + 1,
                             thing=THINGS[i % 4], year=2010 + i % 12,
                             marker=(markers or {}).get(i, ""))
        kind = i % 3
        if kind == 0:
            path, data = folder / f"letter{i:04d}.txt", body
        elif kind == 1:
            paras = "".join(f"<p>{line}</p>\n" for line in body.splitlines() if line)
            path, data = folder / f"letter{i:04d}.html", f"<html><body>{paras}</body></html>"
        else:
            path = folder / f"letter{i:04d}.eml"
            data = (f"From: foi@example.org\nTo: requester@example.com\n"
                    f"Subject: FOI-{i + 1:05d}\nDate: Mon, 6 May 2024 10:00:00 +0000\n"
                    f"Content-Type: text/plain; charset=utf-8\n\n{body}")
        path.write_text(data, "utf-8")
        paths.append(path)
    return paths


def misbehaving_parser(source: SourceLike, *, options: ParseOptions | None = None) -> Letter:
    """:func:`foiparse.parse`, except for letters carrying a marker that makes it misbehave."""
    data = Path(os.fspath(source)).read_bytes()  # type: ignore[arg-type]
    if b"@CRASH@" in data:
        os._exit(70)  # what a segfault in a native library looks like to the pool
    if b"@HANG@" in data:
        time.sleep(600)
    if b"@STUCK@" in data:
        # A hang in C code that never lets the alarm's handler run.
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
        time.sleep(600)
    if b"@BUG@" in data:
        raise KeyError("a bug")
    return parse(source, options=options)


def by_index(results: Iterator[Any]) -> list[Any]:
    return sorted(results, key=lambda r: r.index)


def outcome(result: Any) -> str:
    return "ok" if result.ok else type(result.error).__name__


@pytest.mark.parametrize(
    "how", ["jobs1", "jobs2", "threads"],
)
def test_parse_many_gives_what_parse_gives(how: str, tmp_path: Path) -> None:
    paths = write_letters(tmp_path, 7)
    kwargs: dict[str, Any] = {"jobs": 1} if how == "jobs1" else {"jobs": 2}
    with cf.ThreadPoolExecutor(2) as pool:
        if how == "threads":
            kwargs["executor"] = pool
        results = by_index(parse_many(paths, **kwargs))
    assert [r.index for r in results] == list(range(7))
    assert [r.source for r in results] == paths
    assert [r.letter for r in results] == [parse(p) for p in paths]
    assert all(r.ok and r.seconds > 0 for r in results)


@pytest.mark.parametrize(
    ("marker", "error", "jobs"),
    [("@CRASH@", WorkerCrashed, 2), ("@HANG@", LimitExceeded, 2), ("@HANG@", LimitExceeded, 1),
     ("@STUCK@", LimitExceeded, 2), ("@BUG@", Exception, 1)],
    ids=["crash", "hang", "hang-in-process", "stuck-in-c", "bug"],
)
def test_a_bad_document_does_not_stop_the_batch(marker: str, error: type[Exception], jobs: int,
                                                tmp_path: Path) -> None:
    paths = write_letters(tmp_path, 9, markers={4: marker})
    started = time.monotonic()
    results = by_index(parse_many(paths, jobs=jobs, options={"timeout": 1.5},
                                  parser=misbehaving_parser))
    assert [outcome(r) for r in results] == ["ok"] * 4 + [outcome(results[4])] + ["ok"] * 4
    assert isinstance(results[4].error, error)
    assert results[4].letter is None
    # 1.5 s limit; a stuck worker is killed by the parent after 2 x timeout + 5 s.
    assert time.monotonic() - started < 30


def test_unreadable_source_is_an_error_result(tmp_path: Path) -> None:
    (result,) = parse_many([tmp_path / "missing.txt"], jobs=1)
    assert isinstance(result.error, UnreadableSource)


def test_sources_are_read_lazily(tmp_path: Path) -> None:
    paths = write_letters(tmp_path, 3)
    pulled = 0

    def endless() -> Iterator[Path]:
        nonlocal pulled
        while True:
            pulled += 1
            yield paths[pulled % 3]

    results = parse_many(endless(), jobs=2)
    first = [next(results) for _ in range(5)]
    results.close()  # type: ignore[attr-defined]
    assert all(r.ok for r in first)
    assert pulled <= 5 + 2 * 2 + 1, "only a window of two documents per worker is in flight"


def test_jobs_must_be_positive() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        list(parse_many([], jobs=0))


def test_a_script_read_from_standard_input_can_use_the_pool() -> None:
    """`python -` has no script file for pool workers to re-run; the pool must still work."""
    from tests.conftest import GOLDEN

    script = (
        "import foiparse\n"
        f"paths = {[str(GOLDEN / 'council-reply.eml'), str(GOLDEN / 'illinois-response.txt')]!r}\n"
        "print(sorted(r.ok for r in foiparse.parse_many(paths, jobs=2)))\n"
    )
    done = subprocess.run([sys.executable, "-"], input=script, capture_output=True, text=True,
                          timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "[True, True]"


def test_dask_cluster_runs_it(tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    paths = write_letters(tmp_path, 5, markers={2: "@BUG@"})
    with distributed.Client(processes=False, n_workers=1, threads_per_worker=2,
                            dashboard_address=None) as client:
        results = by_index(parse_many(paths, executor=client.get_executor(),
                                      parser=misbehaving_parser))
    assert [outcome(r) for r in results] == ["ok", "ok", "ParseFailed", "ok", "ok"]
    assert results[0].letter == parse(paths[0])


def test_iter_inputs_walks_folders_and_skips_hidden_and_outputs(tmp_path: Path) -> None:
    (tmp_path / "in" / "sub").mkdir(parents=True)
    (tmp_path / "in" / ".git").mkdir()
    for name in ("in/a.pdf", "in/sub/b.eml", "in/.hidden.txt", "in/.git/c.txt", "in/old.sqlite",
                 "in/old.sqlite-wal", "in/gold.json", "in/out.csv", "in/z.txt", "in/x.parquet"):
        (tmp_path / name).write_text("x")
    (tmp_path / "in" / "out").mkdir()
    (tmp_path / "in" / "out" / "letters.txt").write_text("x")
    found = [Path(p).relative_to(tmp_path).as_posix()
             for p in iter_inputs([tmp_path / "in", tmp_path / "in/.hidden.txt"],
                                  exclude=[tmp_path / "in" / "out"])]
    assert found == ["in/a.pdf", "in/z.txt", "in/sub/b.eml", "in/.hidden.txt"]


def test_bulk_parse_skips_stored_and_duplicate_letters(tmp_path: Path) -> None:
    paths = write_letters(tmp_path / "in", 6)
    (tmp_path / "in" / "copy.txt").write_bytes(paths[0].read_bytes())
    inputs = [*paths, tmp_path / "in" / "copy.txt"]
    with Dataset.open(tmp_path / "d.sqlite") as ds:
        first = bulk_parse(inputs[:3], ds, jobs=1)
        second = bulk_parse(inputs, ds, jobs=2)
        assert (first.parsed, first.skipped, first.failed) == (3, 0, 0)
        assert (second.parsed, second.skipped, second.failed) == (3, 4, 0)
        assert ds.count() == 6


# -- the command line --------------------------------------------------------------------------


def run_cli(*args: str | os.PathLike[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*FOIPARSE, *map(os.fspath, args)], capture_output=True, text=True,
                          timeout=300, cwd=ROOT)


def dump(dest: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, minus the columns that record when it was written."""
    conn = sqlite3.connect(dest)
    out = {}
    for table in ("letters", "questions", "answers", "exemptions", "errors"):
        cols = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")
                if r[1] not in ("parsed_at", "created_at", "id")]
        out[table] = sorted(conn.execute(f"SELECT {', '.join(cols)} FROM {table}").fetchall(),
                            key=repr)
    conn.close()
    return out


def test_cli_bulk_writes_sqlite_and_says_how_to_open_it(tmp_path: Path) -> None:
    write_letters(tmp_path / "in", 5)
    (tmp_path / "in" / "empty.txt").write_text("")
    dest = tmp_path / "in" / "out.sqlite"  # inside the input folder: must not parse itself
    proc = run_cli("bulk", tmp_path / "in", "--out", dest, "--jobs", "2")
    assert proc.returncode == 1, proc.stderr  # the empty file failed
    assert "5 parsed" in proc.stdout and "1 failed" in proc.stdout
    assert f"datasette {dest}" in proc.stdout
    assert proc.stderr == "", "no progress bar when not on a terminal"
    rows = dump(dest)
    assert len(rows["letters"]) == 5
    assert [r[3] for r in rows["errors"]] == ["EmptyDocument"]
    again = run_cli("bulk", tmp_path / "in", "--out", dest)
    assert "0 parsed, 5 already there" in again.stdout
    assert dump(dest)["letters"] == rows["letters"]


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_cli_bulk_other_formats(fmt: str, tmp_path: Path) -> None:
    if fmt == "parquet":
        pytest.importorskip("pyarrow")
    write_letters(tmp_path / "in", 3)
    proc = run_cli("bulk", tmp_path / "in", "--out", tmp_path / f"o.{fmt}", "--format", fmt,
                   "--jobs", "1")
    assert proc.returncode == 0, proc.stderr
    assert "3 parsed" in proc.stdout
    # The hint names a path that exists.
    hinted = re.search(r"pandas\.read_\w+\('([^']+)'", proc.stdout)
    assert hinted and Path(hinted.group(1)).exists(), proc.stdout


@pytest.mark.parametrize(
    "args",
    [("bulk", "nowhere", "--out", "x.sqlite"), ("bulk", "."), ("bulk", ".", "--out", "x",
                                                                "--format", "xml")],
    ids=["missing-input", "no-out", "bad-format"],
)
def test_cli_bulk_usage_errors_exit_2(args: tuple[str, ...]) -> None:
    assert run_cli(*args).returncode == 2


def test_killed_run_resumes_to_the_same_rows(tmp_path: Path) -> None:
    write_letters(tmp_path / "in", 90)
    whole = tmp_path / "whole.sqlite"
    assert run_cli("bulk", tmp_path / "in", "--out", whole, "--jobs", "2").returncode == 0

    dest = tmp_path / "killed.sqlite"
    proc = subprocess.Popen([*FOIPARSE, "bulk", os.fspath(tmp_path / "in"), "--out",
                             os.fspath(dest), "--jobs", "1"], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        stored = 0
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                conn = sqlite3.connect(dest, timeout=1)
                stored = conn.execute("SELECT count(*) FROM letters").fetchone()[0]
                conn.close()
            except sqlite3.Error:
                stored = 0
            if stored >= 10:
                break
            time.sleep(0.02)
        assert proc.poll() is None, "the run finished before it could be killed"
    finally:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    partial = dump(dest)
    assert 10 <= len(partial["letters"]) < 90
    resumed = run_cli("bulk", tmp_path / "in", "--out", dest, "--jobs", "2")
    assert resumed.returncode == 0, resumed.stderr
    assert f"{len(partial['letters'])} already there" in resumed.stdout
    assert dump(dest) == dump(whole)

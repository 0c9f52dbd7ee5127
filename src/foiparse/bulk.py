"""Parse many letters in parallel, each in isolation, and fill a dataset that can be resumed.

:func:`parse_many` is the engine: it yields one :class:`ParseResult` per source as they
complete, keeping only a bounded number of documents in flight, so memory stays flat however
many sources it is given. By default it runs a process pool of ``os.cpu_count()`` workers;
``jobs=1`` parses in this process; any :class:`concurrent.futures.Executor` is accepted, such
as a Dask cluster's::

    from dask.distributed import Client
    with Client("scheduler:8786") as client:        # or Client() for a local cluster
        for result in foiparse.parse_many(paths, executor=client.get_executor()):
            ...

Isolation: each document runs under :attr:`ParseOptions.timeout` seconds (an alarm in the
worker; with the built-in pool also a deadline in the parent that kills a worker stuck in C
code). With the built-in pool, a document that kills its worker (a segfault, ``os._exit``)
becomes a :class:`WorkerCrashed` error: the pool is rebuilt, the other documents that were in
flight are run again one at a time, and the one that breaks the pool again is the culprit.

:func:`bulk_parse` adds what a command-line run needs: walk folders, skip documents whose
content hash the dataset already holds (resume), and write each result to the dataset.
"""

from __future__ import annotations

import collections
import concurrent.futures as cf
import contextlib
import hashlib
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from types import FrameType
from typing import Any, Protocol

import attrs

from foiparse.errors import FoiParseError, LimitExceeded, ParseFailed, WorkerCrashed
from foiparse.export import Sink, open_sink
from foiparse.options import ParseOptions
from foiparse.pipeline import SourceLike, parse
from foiparse.records import Letter


class Parser(Protocol):
    """A function with :func:`foiparse.parse`'s signature (picklable, for process pools)."""

    def __call__(self, source: SourceLike, *, options: ParseOptions | None = None) -> Letter:
        """Parse one source."""
        ...


@attrs.frozen
class ParseResult:
    """The outcome of parsing one source: the letter, or the error; never both."""

    #: The source as it was given to :func:`parse_many` (with a process pool or an executor,
    #: an open file arrives here as the bytes read from it).
    source: SourceLike
    #: Position of the source in the input (results arrive in completion order).
    index: int
    letter: Letter | None = None
    error: FoiParseError | None = None
    #: Wall-clock seconds the parse took in its worker.
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        """Whether the source was parsed."""
        return self.error is None

    @property
    def name(self) -> str:
        """The source's path, or a short description when it is not a path."""
        if isinstance(self.source, (str, os.PathLike)):
            text = os.fspath(self.source)
            return text if "\n" not in text and len(text) < 4096 else "<text>"
        return f"<{type(self.source).__name__}>"


# -- the worker side -------------------------------------------------------------------------


class _Timeout(BaseException):
    """Raised by the alarm; a BaseException so that ``except Exception`` in parsing code
    does not swallow it."""


def _on_alarm(signum: int, frame: FrameType | None) -> None:
    raise _Timeout


_Outcome = tuple[Letter | None, FoiParseError | None, float]


def _run_one(parser: Parser, source: SourceLike, options: ParseOptions) -> _Outcome:
    """Parse one source under a time limit and turn any failure into a value."""
    started = time.perf_counter()
    # A signal handler can only be set in a process's main thread: the pool's workers and
    # ``jobs=1`` have one; threads (a thread pool, a Dask worker) rely on the parent's deadline.
    use_alarm = (hasattr(signal, "setitimer") and 0 < options.timeout < float("inf")
                 and threading.current_thread() is threading.main_thread())
    previous: Any = None
    if use_alarm:
        previous = signal.signal(signal.SIGALRM, _on_alarm)
        signal.setitimer(signal.ITIMER_REAL, options.timeout)
    try:
        letter = parser(source, options=options)
    except _Timeout:
        return None, _timeout_error(options), time.perf_counter() - started
    except FoiParseError as exc:
        return None, _plain(exc), time.perf_counter() - started
    except Exception as exc:
        error = ParseFailed(f"{type(exc).__name__}: {exc}")
        return None, error, time.perf_counter() - started
    finally:
        if use_alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
    return letter, None, time.perf_counter() - started


#: A tiny letter each new worker parses once, in HTML and as text.
_WARM_UP = ("<html><body><p>Our reference: FOI-1</p><p>1 May 2024</p><p>Dear Sir,</p>"
            "<p>Freedom of Information Act 2000. You asked: 1. How many? We hold 3.</p>"
            "<p>Section 40(2) applies.</p></body></html>")


def warm_up() -> None:
    """Import the loaders and compile the patterns before the first timed document.

    Otherwise a fresh worker's first document pays a second or more of one-off start-up
    cost against its time limit.
    """
    for data in (_WARM_UP.encode(), _WARM_UP.replace("<p>", "\n").encode()):
        # Best effort: a real document reports its own errors.
        with contextlib.suppress(Exception):
            parse(data)


def _plain(exc: FoiParseError) -> FoiParseError:
    # Drop the chained library exception: it may not pickle back to the parent, and its
    # message is already in ours.
    exc.__cause__ = exc.__context__ = None
    exc.__traceback__ = None
    return exc


def _timeout_error(options: ParseOptions) -> LimitExceeded:
    return LimitExceeded(
        f"parsing took longer than the limit of {options.timeout:g} s "
        "(raise ParseOptions.timeout to allow more)"
    )


# -- the parent side -------------------------------------------------------------------------


@attrs.define
class _Task:
    index: int
    source: SourceLike
    #: When the executor first reported the task running (``None`` while queued).
    started: float | None = None


def parse_many(
    sources: Iterable[SourceLike],
    *,
    jobs: int | None = None,
    executor: cf.Executor | None = None,
    options: ParseOptions | dict[str, Any] | None = None,
    parser: Parser = parse,
) -> Iterator[ParseResult]:
    """Parse every source, yielding a :class:`ParseResult` for each as it completes.

    ``sources`` is read lazily and at most about two documents per worker are in flight.
    ``jobs`` is the number of worker processes (default ``os.cpu_count()``; ``1`` parses in
    this process, with no protection from crashes). ``executor`` runs the work instead of a
    pool of our own (``jobs`` then only sets how many documents are in flight); a worker
    crash then becomes an error of the documents in flight, as the executor cannot be
    rebuilt. ``parser`` replaces :func:`foiparse.parse` (it must be picklable for processes).
    """
    opts = ParseOptions.resolve(options)
    if jobs is not None and jobs < 1:
        raise ValueError(f"jobs must be at least 1, not {jobs}")
    workers = jobs or os.cpu_count() or 1
    if executor is None and workers == 1:
        yield from _in_process(sources, opts, parser)
        return
    yield from _Pool(workers, executor, opts, parser).run(_picklable(sources))


def _picklable(sources: Iterable[SourceLike]) -> Iterator[SourceLike]:
    """Sources as another process can receive them: an open file is read here, in the parent
    (file objects cannot be sent to a worker)."""
    for source in sources:
        if hasattr(source, "read") and not isinstance(source, (str, bytes, os.PathLike)):
            data = source.read()
            yield data.encode("utf-8") if isinstance(data, str) else bytes(data)
        else:
            yield source


def _in_process(sources: Iterable[SourceLike], options: ParseOptions,
                parser: Parser) -> Iterator[ParseResult]:
    for index, source in enumerate(sources):
        letter, error, seconds = _run_one(parser, source, options)
        yield ParseResult(source, index, letter, error, seconds)


def _mp_context() -> Any:
    # forkserver: workers fork from a clean single-threaded server, never from this process,
    # which may hold threads (a progress bar, a Dask client) whose locks a fork would copy.
    methods = multiprocessing.get_all_start_methods()
    if not _main_can_be_rerun() and "fork" in methods:
        # forkserver and spawn workers re-run the main script, which a script read from
        # standard input (`python -`) or typed into a REPL-like tool has no file for.
        return multiprocessing.get_context("fork")
    if "forkserver" not in methods:
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    # Import once in the server what every worker needs (about 2 s); workers fork from it.
    # It takes effect when the server starts, on the first pool.
    context.set_forkserver_preload(list(_PRELOAD))
    return context


def _main_can_be_rerun() -> bool:
    """Whether a spawned worker can re-run ``__main__``: it is a module, a file that exists,
    or nothing at all (an interactive session)."""
    main = sys.modules.get("__main__")
    if main is None or getattr(main, "__spec__", None) is not None:
        return True
    path = getattr(main, "__file__", None)
    return path is None or os.path.isfile(path)


_PRELOAD = ("foiparse.bulk", "foiparse.load.pdf", "foiparse.load.html", "foiparse.load.email",
            "foiparse.load.text", "foiparse.load.docx")


class _Pool:
    """The scheduling loop behind :func:`parse_many` for pools and executors."""

    #: Seconds between checks of the deadlines when nothing completes.
    POLL = 0.5

    def __init__(self, workers: int, executor: cf.Executor | None, options: ParseOptions,
                 parser: Parser) -> None:
        self.workers = workers
        self.own = executor is None
        self.executor = executor or self._new_pool()
        self.options = options
        self.parser = parser
        self.window = 2 * workers
        self.inflight: dict[cf.Future[_Outcome], _Task] = {}
        # Documents that were in flight when a worker died: rerun one at a time to find
        # which one it was.
        self.suspects: collections.deque[_Task] = collections.deque()
        # A worker normally stops a document at ``timeout`` itself; the parent steps in only
        # when that failed (a hang in C code that blocks signals). A task seen running may
        # still wait in the pool's call queue behind one slow document, hence twice.
        self.deadline = 2 * options.timeout + 5.0

    def _new_pool(self) -> cf.ProcessPoolExecutor:
        return cf.ProcessPoolExecutor(max_workers=self.workers, mp_context=_mp_context(),
                                      initializer=warm_up)

    def run(self, sources: Iterable[SourceLike]) -> Iterator[ParseResult]:
        pending = enumerate(sources)
        exhausted = False
        try:
            while True:
                # Suspects run alone, so that a crash can be pinned on one document.
                limit = 1 if self.suspects else self.window
                while len(self.inflight) < limit:
                    if self.suspects:
                        if self.inflight:
                            break
                        yield from self._try_submit(self.suspects.popleft())
                        continue
                    if exhausted:
                        break
                    item = next(pending, None)
                    if item is None:
                        exhausted = True
                        break
                    yield from self._try_submit(_Task(*item))
                if not self.inflight:
                    if self.suspects:
                        continue
                    return
                done, _ = cf.wait(self.inflight, timeout=self.POLL,
                                  return_when=cf.FIRST_COMPLETED)
                yield from self._collect(done)
                yield from self._enforce_deadlines()
        finally:
            for future in self.inflight:
                future.cancel()
            if self.own:
                self._shutdown(kill=bool(self.inflight))

    def _try_submit(self, task: _Task) -> Iterator[ParseResult]:
        """Submit ``task``; a pool broken since the last look (a worker died between two
        polls) is rebuilt first, and the task, which never started, waits its turn."""
        try:
            self._submit(task)
        except cf.process.BrokenProcessPool:
            if not self.own:
                raise
            yield from self._rebuild()
            self.suspects.append(task)

    def _submit(self, task: _Task) -> None:
        task.started = None
        future = self.executor.submit(_run_one, self.parser, task.source, self.options)
        self.inflight[future] = task

    def _collect(self, done: Iterable[cf.Future[_Outcome]]) -> Iterator[ParseResult]:
        broken = False
        for future in done:
            task = self.inflight.pop(future)
            try:
                letter, error, seconds = future.result()
            except cf.process.BrokenProcessPool:
                broken = True
                self.inflight[future] = task  # handled with the rest of the pool below
                continue
            except Exception as exc:  # a foreign executor failed the task (a lost worker)
                yield self._crashed(task, f"{type(exc).__name__}: {exc}")
                continue
            yield ParseResult(task.source, task.index, letter, error, seconds)
        if broken:
            yield from self._rebuild()

    def _rebuild(self, culprit: _Task | None = None) -> Iterator[ParseResult]:
        """A worker died: keep finished results, requeue the rest, start a new pool."""
        if not self.own:
            for task in self.inflight.values():
                yield self._crashed(task, "the executor's worker process died")
            self.inflight.clear()
            return
        self._shutdown(kill=True)
        tasks = []
        for future, task in self.inflight.items():
            outcome = _finished(future)
            if outcome is not None:
                yield ParseResult(task.source, task.index, *outcome)
            else:
                tasks.append(task)
        self.inflight.clear()
        if culprit is not None:
            yield ParseResult(culprit.source, culprit.index, None,
                              _timeout_error(self.options), self.deadline)
        elif len(tasks) == 1:
            # It ran alone, so it is the one that broke the pool (the second time at least).
            yield self._crashed(tasks[0], "the worker process parsing it died")
            tasks = []
        self.suspects.extendleft(reversed(tasks))
        self.executor = self._new_pool()

    def _enforce_deadlines(self) -> Iterator[ParseResult]:
        now = time.monotonic()
        overdue: list[tuple[float, cf.Future[_Outcome], _Task]] = []
        for future, task in self.inflight.items():
            if task.started is None:
                if future.running():
                    task.started = now
            elif now - task.started > self.deadline:
                overdue.append((task.started, future, task))
        if not overdue:
            return
        # The earliest started is the one actually stuck; later ones may only be queued.
        _, future, task = min(overdue, key=lambda item: item[0])
        if not self.own:
            # A foreign executor cannot be told to kill its worker: give up on the document.
            del self.inflight[future]
            future.cancel()
            yield ParseResult(task.source, task.index, None, _timeout_error(self.options),
                              self.deadline)
            return
        del self.inflight[future]
        yield from self._rebuild(culprit=task)

    def _crashed(self, task: _Task, why: str) -> ParseResult:
        return ParseResult(task.source, task.index, None, WorkerCrashed(
            f"{why}; the document may crash the PDF/HTML library, or the machine ran out "
            "of memory"))

    def _shutdown(self, kill: bool) -> None:
        executor = self.executor
        assert isinstance(executor, cf.ProcessPoolExecutor)
        if kill:
            # concurrent.futures has no public way before Python 3.14 (kill_workers) to stop
            # a worker stuck in C code; its process table is the only handle on them.
            killer = getattr(executor, "kill_workers", None)
            if callable(killer):
                killer()
            else:
                for process in list(getattr(executor, "_processes", {}).values()):
                    process.kill()
        executor.shutdown(wait=True, cancel_futures=True)


def _finished(future: cf.Future[_Outcome]) -> _Outcome | None:
    """The outcome of a future that completed normally, else ``None``."""
    if not future.done() or future.cancelled() or future.exception() is not None:
        return None
    return future.result()


# -- files and datasets ----------------------------------------------------------------------

#: Endings of files that datasets, not letters, have: skipped when walking folders.
OUTPUT_SUFFIXES = (".sqlite", ".sqlite3", ".db", "-wal", "-shm", "-journal", ".jsonl",
                   ".ndjson", ".json", ".csv", ".parquet", ".tmp", ".old")


def iter_inputs(paths: Iterable[str | os.PathLike[str]],
                exclude: Iterable[str | os.PathLike[str]] = ()) -> Iterator[str]:
    """The files named in ``paths``, with the folders among them walked recursively.

    In folders, hidden files and folders and dataset files (:data:`OUTPUT_SUFFIXES`) are
    skipped, and so is anything under ``exclude`` (the run's own output). Files are named
    in sorted order, so runs over the same folder see the same order.
    """
    skip = [Path(p).resolve() for p in exclude]

    def excluded(path: Path) -> bool:
        resolved = path.resolve()
        return any(resolved == s or s in resolved.parents or
                   (resolved.name.startswith(s.name + "-") and resolved.parent == s.parent)
                   for s in skip)

    for given in paths:
        root = Path(given)
        if not root.is_dir():
            if not excluded(root):
                yield os.fspath(given)
            continue
        for folder, dirs, files in os.walk(root):
            dirs[:] = sorted(d for d in dirs if not d.startswith(".")
                             and not excluded(Path(folder, d)))
            for name in sorted(files):
                path = Path(folder, name)
                if (name.startswith(".") or name.lower().endswith(OUTPUT_SUFFIXES)
                        or excluded(path)):
                    continue
                yield os.fspath(path)


def sha256_file(path: str | os.PathLike[str]) -> str | None:
    """The hex SHA-256 of a file's bytes (as :attr:`Source.sha256`), ``None`` if unreadable."""
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as f:
            while chunk := f.read(1 << 20):
                digest.update(chunk)
    except OSError:
        return None
    return digest.hexdigest()


@attrs.define
class BulkStats:
    """Counts of a :func:`bulk_parse` run."""

    #: Documents looked at.
    seen: int = 0
    #: Parsed and stored by this run.
    parsed: int = 0
    #: Already in the dataset (by content hash), or the same content as another input.
    skipped: int = 0
    #: Failed; each has an error row.
    failed: int = 0
    started: float = attrs.field(factory=time.monotonic)

    @property
    def elapsed(self) -> float:
        """Seconds since the run started."""
        return time.monotonic() - self.started


def bulk_parse(
    paths: Iterable[str | os.PathLike[str]],
    sink: Sink,
    *,
    jobs: int | None = None,
    executor: cf.Executor | None = None,
    options: ParseOptions | dict[str, Any] | None = None,
    parser: Parser = parse,
    progress: Callable[[BulkStats], None] | None = None,
) -> BulkStats:
    """Parse the files ``paths`` into ``sink``, skipping those it already holds.

    Each letter is stored as soon as it is parsed, and each failure as an error row (a
    document that failed before is tried again). ``progress`` is called after every document.
    """
    stats = BulkStats()
    hashes: dict[str, str] = {}  # path -> sha256 of the documents in flight

    def report() -> None:
        if progress is not None:
            progress(stats)

    def todo() -> Iterator[Path]:
        for path in paths:
            name = os.fspath(path)
            stats.seen += 1
            sha = sha256_file(name)
            if sha is not None and (sink.has(sha) or sha in hashes.values() or name in hashes):
                stats.skipped += 1
                report()
                continue
            if sha is not None:
                hashes[name] = sha
            yield Path(name)  # a path, never mistaken for a letter's text

    for result in parse_many(todo(), jobs=jobs, executor=executor, options=options,
                             parser=parser):
        name = result.name
        sha = hashes.pop(name, None)
        if result.letter is not None:
            if sink.add(result.letter):
                stats.parsed += 1
            else:
                stats.skipped += 1
        else:
            error = result.error or FoiParseError("unknown error")
            sink.add_error(error_type=type(error).__name__, message=str(error), sha256=sha,
                           path=name)
            stats.failed += 1
        report()
    return stats


def export_dataset(
    paths: Iterable[str | os.PathLike[str]],
    dest: str | os.PathLike[str],
    *,
    format: str | None = None,
    jobs: int | None = None,
    executor: cf.Executor | None = None,
    options: ParseOptions | dict[str, Any] | None = None,
    progress: Callable[[BulkStats], None] | None = None,
) -> BulkStats:
    """Parse the letters in ``paths`` (files, and folders walked) into the dataset ``dest``.

    What ``foiparse bulk`` does, for scripts: ``format`` is ``sqlite`` (the default, or what
    ``dest``'s ending implies: ``.jsonl`` is JSON Lines), ``jsonl``, ``csv`` or ``parquet``.
    A dataset that exists is resumed: letters it holds (by content hash) are skipped. Returns
    the run's counts; documents that failed are in the dataset's ``errors`` table.
    """
    sink = open_sink(dest, format)
    with sink:
        return bulk_parse(iter_inputs(paths, exclude=[dest]), sink, jobs=jobs, executor=executor,
                          options=options, progress=progress)


def count_inputs(paths: Sequence[str | os.PathLike[str]],
                 exclude: Iterable[str | os.PathLike[str]] = ()) -> int:
    """How many files :func:`iter_inputs` would name (for a progress bar's total)."""
    return sum(1 for _ in iter_inputs(paths, exclude))

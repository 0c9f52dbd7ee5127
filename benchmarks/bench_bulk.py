"""Bulk-parsing benchmark: throughput per format, parallel speed-up, and flat memory.

Run from the repository root (needs the ``dev`` extra for reportlab)::

    .venv/bin/python benchmarks/bench_bulk.py            # full run (about 5 minutes)
    .venv/bin/python benchmarks/bench_bulk.py --quick    # smaller numbers, for a smoke test

It generates synthetic letters (HTML, e-mail, PDF, each copy with different bytes) in a
temporary folder, then prints, from one run:

* letters/second of ``parse_many`` with one job and with two, per format;
* the same files through the engines' raw text extraction alone (pdfplumber ``extract_text``,
  bs4 ``get_text``, the standard library's e-mail parser), and the ratio parse / raw;
* peak RSS of ``foiparse bulk`` over 1,000 and 10,000 letters (the parent process, and the
  largest worker), to show memory does not grow with the number of documents.
"""

from __future__ import annotations

import argparse
import concurrent.futures as cf
import email
import email.policy
import io
import multiprocessing
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

from foiparse import parse_many
from foiparse.bulk import warm_up

AUTHORITIES = ("Northfield Borough Council", "Eastvale Constabulary", "Hillside NHS Trust",
               "Department of Widgets")
BODY = """{authority}
Freedom of Information Team
Our reference: FOI-{n:06d}
{day} June 2024

Dear Requester,

Freedom of Information Act 2000 - request for information

Thank you for your request of {day} May 2024. You asked:

1. How many {thing} did the {authority} buy between 2019 and 2023?
2. What was the total cost of those {thing}?
3. Please provide the contracts for the purchase.

Our response

1. The {authority} bought {n} {thing} in that period.
2. The total cost was {cost} pounds.
3. The contracts are withheld under section 43(2) of the Act, as their disclosure would
prejudice the commercial interests of the supplier. We have considered the public interest
and concluded that it favours withholding the information.

If you are unhappy with this response you may ask for an internal review within 40 working
days, and then complain to the Information Commissioner.

Yours sincerely,
Information Rights Officer
"""
THINGS = ("laptops", "vehicles", "desks", "software licences", "body-worn cameras")


def letter_text(n: int) -> str:
    return BODY.format(authority=AUTHORITIES[n % 4], n=n, day=n % 28 + 1,
                       thing=THINGS[n % 5], cost=1000 + 37 * n)


def make_html(n: int) -> bytes:
    paras = "".join(f"<p>{line}</p>\n" for line in letter_text(n).splitlines() if line)
    return (f"<!DOCTYPE html><html><head><title>FOI-{n:06d}</title></head><body>"
            f"<nav>Home | Disclosure log</nav><main>{paras}</main></body></html>").encode()


def make_email(n: int) -> bytes:
    return (f"From: foi@example.org\nTo: requester@example.com\nSubject: FOI-{n:06d}\n"
            f"Date: Mon, 3 Jun 2024 10:00:00 +0000\nContent-Type: text/plain; charset=utf-8\n\n"
            f"{letter_text(n)}").encode()


def make_pdf(n: int) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=A4, invariant=True)
    y = 800.0
    for line in letter_text(n).splitlines():
        pdf.drawString(60, y, line)
        y -= 15
    pdf.save()
    return out.getvalue()


MAKERS: dict[str, tuple[str, Callable[[int], bytes]]] = {
    "html": (".html", make_html), "email": (".eml", make_email), "pdf": (".pdf", make_pdf)}


def raw_html(path: Path) -> None:
    from bs4 import BeautifulSoup

    BeautifulSoup(path.read_bytes(), "lxml").get_text("\n")


def raw_email(path: Path) -> None:
    msg = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    body = msg.get_body(preferencelist=("plain", "html"))
    if body is not None:
        body.get_content()  # type: ignore[attr-defined]


def raw_pdf(path: Path) -> None:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()


RAW: dict[str, Callable[[Path], None]] = {"html": raw_html, "email": raw_email, "pdf": raw_pdf}


def write_corpus(folder: Path, kind: str, count: int, start: int = 0) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    suffix, make = MAKERS[kind]
    paths = []
    for n in range(start, start + count):
        path = folder / f"{kind}{n:06d}{suffix}"
        path.write_bytes(make(n))
        paths.append(path)
    return paths


def rate(count: int, seconds: float) -> float:
    return count / seconds if seconds > 0 else float("inf")


def time_parse(paths: list[Path], jobs: int, pool: cf.Executor | None = None) -> float:
    started = time.perf_counter()
    failed = [r for r in parse_many(paths, jobs=jobs, executor=pool) if not r.ok]
    seconds = time.perf_counter() - started
    if failed:
        print(f"  warning: {len(failed)} failed, e.g. {failed[0].error!r}")
    return seconds


def time_raw(paths: list[Path], extract: Callable[[Path], None]) -> float:
    started = time.perf_counter()
    for path in paths:
        extract(path)
    return time.perf_counter() - started


def throughput(root: Path, per_kind: int, repeat: int) -> None:
    print(f"\nThroughput, {per_kind} synthetic letters per format, best of {repeat} runs "
          f"(letters/second; ratio = parse cost / raw extraction cost)")
    print(f"{'format':<7}{'raw':>9}{'jobs 1':>9}{'jobs 2':>9}{'1-job/raw':>11}{'speed-up':>10}")
    # Warm up both paths once so neither pays first-import costs inside the timings.
    # The two-job pool is started once, as a long bulk run starts it once: its start-up (about
    # 3 s: forkserver, imports, warm-up) is not charged to the first format measured.
    warm = write_corpus(root / "warm", "pdf", 4) + write_corpus(root / "warm", "html", 4)
    warm_up()
    time_parse(warm, 1)
    context = multiprocessing.get_context("forkserver")
    with cf.ProcessPoolExecutor(2, mp_context=context, initializer=warm_up) as pool:
        time_parse(warm, 2, pool)
        for kind in MAKERS:
            paths = write_corpus(root / kind, kind, per_kind)
            # Each side runs `repeat` times in turn and its best run counts: a busy moment on a
            # shared machine then spoils one sample, not the ratio.
            raws, ones, twos = [], [], []
            for _ in range(repeat):
                raws.append(time_raw(paths, RAW[kind]))
                ones.append(time_parse(paths, 1))
                twos.append(time_parse(paths, 2, pool))
            raw, one, two = min(raws), min(ones), min(twos)
            print(f"{kind:<7}{rate(per_kind, raw):>9.1f}{rate(per_kind, one):>9.1f}"
                  f"{rate(per_kind, two):>9.1f}{one / raw:>10.2f}x{one / two:>9.2f}x")


def watch_rss(pid: int, peaks: dict[str, int], stop: threading.Event) -> None:
    """Sample the RSS of ``pid`` and of its descendants (the workers) until ``stop``."""
    import psutil  # installed with the dask extra; the memory table is skipped without it

    try:
        parent = psutil.Process(pid)
        while not stop.is_set():
            try:
                kids = parent.children(recursive=True)
                mine = parent.memory_info().rss
                theirs = [k.memory_info().rss for k in kids if k.is_running()]
            except psutil.Error:
                theirs, mine = [], peaks["parent"]
            peaks["parent"] = max(peaks["parent"], mine)
            peaks["worker"] = max([peaks["worker"], *theirs])
            peaks["total"] = max(peaks["total"], mine + sum(theirs))
            stop.wait(0.1)
    except psutil.Error:
        return


def peak_rss(root: Path, sizes: list[int], jobs: int) -> None:
    print(f"\nPeak RSS of `foiparse bulk FOLDER --out X.sqlite --jobs {jobs}` (MiB)")
    print(f"{'letters':>8}{'seconds':>9}{'letters/s':>11}{'parent':>10}{'worker':>10}"
          f"{'all':>10}")
    folder = root / "rss"
    have = 0
    for size in sorted(sizes):
        # Each size is a superset of the last: text-heavy HTML and e-mail, all distinct.
        for i in range(have, size):
            kind = "html" if i % 2 else "email"
            suffix, make = MAKERS[kind]
            (folder / f"{i // 1000:03d}").mkdir(parents=True, exist_ok=True)
            (folder / f"{i // 1000:03d}" / f"l{i:06d}{suffix}").write_bytes(make(i))
        have = size
        dest = root / f"rss{size}.sqlite"
        started = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, "-m", "foiparse", "bulk", str(folder), "--out", str(dest),
             "--jobs", str(jobs), "--quiet"], stdout=subprocess.DEVNULL)
        peaks = {"parent": 0, "worker": 0, "total": 0}
        stop = threading.Event()
        watcher = threading.Thread(target=watch_rss, args=(proc.pid, peaks, stop))
        watcher.start()
        code = proc.wait()
        stop.set()
        watcher.join()
        seconds = time.perf_counter() - started
        mib = {k: v / 2**20 for k, v in peaks.items()}
        print(f"{size:>8}{seconds:>9.1f}{rate(size, seconds):>11.1f}{mib['parent']:>10.1f}"
              f"{mib['worker']:>10.1f}{mib['total']:>10.1f}"
              + ("" if code == 0 else f"  (exit {code})"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--per-kind", type=int, default=150,
                        help="letters per format for the throughput table (default 150)")
    parser.add_argument("--rss", type=int, nargs="*", default=[1000, 10000],
                        help="document counts for the memory runs (default 1000 10000)")
    parser.add_argument("--repeat", type=int, default=3,
                        help="runs of each throughput measurement; the best counts (default 3)")
    parser.add_argument("--quick", action="store_true",
                        help="30 per kind, one run each; RSS at 200 and 1000")
    args = parser.parse_args()
    if args.quick:
        args.per_kind, args.rss, args.repeat = 30, [200, 1000], 1
    print(f"foiparse bulk benchmark on {os.cpu_count()} CPUs, Python {sys.version.split()[0]}")
    with tempfile.TemporaryDirectory(prefix="foiparse-bench-") as tmp:
        root = Path(tmp)
        throughput(root, args.per_kind, args.repeat)
        if args.rss:
            peak_rss(root, args.rss, jobs=2)
    me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"\n(this script's own peak RSS: {me} KiB)")


if __name__ == "__main__":
    main()

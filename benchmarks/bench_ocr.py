"""Seconds per OCR'd page: one job against two worker processes (not a test).

Scanned pages are generated from the synthetic letter in tests/fixtures/make_scanned.py. Three
set-ups are timed over the same documents:

* ``1 job, 1 page at a time``: one process, one Tesseract at a time;
* ``1 job, pages in parallel``: one process, :data:`foiparse.load.ocr.MAX_WORKERS` pages at once
  (the library default);
* ``2 jobs``: two processes, each one Tesseract at a time (how ``parse_many`` would split work).

Run: ``.venv/bin/python benchmarks/bench_ocr.py [--docs N]``. Needs the ``ocr`` extra, Tesseract
and reportlab.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from foiparse.load import ocr
from foiparse.options import ParseOptions

ROOT = Path(__file__).resolve().parents[1]


def _scanned_pdf() -> bytes:
    spec = importlib.util.spec_from_file_location(
        "make_scanned", ROOT / "tests" / "fixtures" / "make_scanned.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    data: bytes = module.scanned_pdf()
    return data


def _ocr_document(data: bytes, workers: int) -> int:
    """OCR every page of one document; returns the number of pages read."""
    ocr.MAX_WORKERS = workers
    pages = ocr.ocr_pdf_pages(data, [1, 2], ParseOptions(timeout=600))
    return len(pages)


def _serial(docs: list[bytes], workers: int) -> int:
    return sum(_ocr_document(data, workers) for data in docs)


def _two_processes(docs: list[bytes]) -> int:
    with ProcessPoolExecutor(max_workers=2) as pool:
        return sum(pool.map(_ocr_document, docs, [1] * len(docs)))


def _time(run: Callable[[], int]) -> tuple[int, float]:
    start = time.perf_counter()
    pages = run()
    return pages, time.perf_counter() - start


def main() -> None:
    """Time the three set-ups and print a table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=3, help="two-page documents per set-up")
    args = parser.parse_args()
    if not ocr.ocr_available():
        raise SystemExit("OCR is not available: pip install 'foiparse[ocr]' and install Tesseract")
    data = _scanned_pdf()
    docs = [data] * args.docs
    parallel = ocr.ocr_workers()  # the library default, read before the runs below change it
    _serial(docs[:1], 1)  # warm up: imports, Tesseract's model load into the page cache
    setups: list[tuple[str, Callable[[], int]]] = [
        ("1 job, 1 page at a time", lambda: _serial(docs, 1)),
        (f"1 job, {parallel} pages in parallel", lambda: _serial(docs, parallel)),
        ("2 jobs (processes)", lambda: _two_processes(docs)),
    ]
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(f"{args.docs} two-page scanned letters per set-up, {ocr.RENDER_DPI} dpi, {cpus} CPUs, "
          f"load average {os.getloadavg()[0]:.1f}")
    print(f"{'set-up':32} {'pages':>5} {'seconds':>8} {'s/page':>7}")
    for name, run in setups:
        pages, seconds = _time(run)
        print(f"{name:32} {pages:5d} {seconds:8.1f} {seconds / pages:7.2f}")


if __name__ == "__main__":
    main()

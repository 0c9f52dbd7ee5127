"""Parallel speed-up on a mixed folder of letters: one job against two, on the same files.

    python benchmarks/bench_mixed.py ../shared/corpus/dev tests/fixtures/stress \
        tests/fixtures/holdout tests/fixtures/holdout2

Real letters differ in format and size (a four-page PDF takes ten times an e-mail), which is
what a bulk run meets; ``bench_bulk.py`` times each format on its own. OCR is off (scans are
timed by ``bench_ocr.py``). Each side runs three times in turn, on a pool started once; every
run is printed. A script, not a test: it prints and asserts nothing.
"""

from __future__ import annotations

import argparse
import concurrent.futures as cf
import multiprocessing
import time
from pathlib import Path

from foiparse import parse_many
from foiparse.bulk import iter_inputs, warm_up


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    # Labels (.json) are skipped by the walk, as bulk runs skip dataset files.
    paths = [Path(p) for p in iter_inputs(args.folders)]
    options = {"ocr": "never"}
    context = multiprocessing.get_context("forkserver")
    with cf.ProcessPoolExecutor(2, mp_context=context, initializer=warm_up) as pool:
        list(parse_many(paths[:10], jobs=2, executor=pool, options=options))  # start-up
        for _ in range(args.repeat):
            started = time.perf_counter()
            list(parse_many(paths, jobs=1, options=options))
            one = time.perf_counter() - started
            started = time.perf_counter()
            list(parse_many(paths, jobs=2, executor=pool, options=options))
            two = time.perf_counter() - started
            print(f"{len(paths)} letters: jobs 1 {len(paths) / one:.1f}/s, jobs 2 "
                  f"{len(paths) / two:.1f}/s, speed-up {one / two:.2f}x")


if __name__ == "__main__":
    main()

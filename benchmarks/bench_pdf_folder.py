"""Parse cost against pdfplumber's own text extraction, on a folder of real PDFs.

    python benchmarks/bench_pdf_folder.py ../shared/corpus/dev

Only PDFs whose every page has a text layer are timed (OCR is another cost; see bench_ocr.py).
Each side runs three times in turn and the best time counts, so a busy moment does not decide
the ratio. A script, not a test: it prints and asserts nothing.
"""

from __future__ import annotations

import argparse
import io
import time
from collections.abc import Callable
from pathlib import Path

import pdfplumber

import foiparse
from foiparse.load import load


def text_pdfs(folder: Path) -> list[bytes]:
    out = []
    for path in sorted(folder.glob("*.pdf")):
        data = path.read_bytes()
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            if all((page.extract_text() or "").strip() for page in pdf.pages):
                out.append(data)
    return out


def raw(pdfs: list[bytes]) -> None:
    for data in pdfs:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            "\n".join(page.extract_text() or "" for page in pdf.pages)


def parsed(pdfs: list[bytes]) -> None:
    options = foiparse.ParseOptions(ocr="never")
    for data in pdfs:
        foiparse.parse(data, options=options)


def loaded(pdfs: list[bytes]) -> None:
    """The loader alone (PDF to blocks), so the stages' share can be told apart."""
    options = foiparse.ParseOptions(ocr="never")
    for data in pdfs:
        load(data, options=options)


def timed(run: Callable[[list[bytes]], None], pdfs: list[bytes], times: list[float]) -> None:
    started = time.perf_counter()
    run(pdfs)
    times.append(time.perf_counter() - started)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("folder", type=Path)
    args = parser.parse_args()
    pdfs = text_pdfs(args.folder)
    raw_times: list[float] = []
    load_times: list[float] = []
    parse_times: list[float] = []
    for _ in range(3):
        timed(raw, pdfs, raw_times)
        timed(loaded, pdfs, load_times)
        timed(parsed, pdfs, parse_times)
    raw_s, load_s, parse_s = min(raw_times), min(load_times), min(parse_times)
    print(f"{len(pdfs)} text PDFs: extract_text {raw_s:.3f} s, foiparse.parse {parse_s:.3f} s, "
          f"ratio {parse_s / raw_s:.2f}x")
    print(f"  of which loading {load_s:.3f} s ({load_s / raw_s:.2f}x extract_text), the stages "
          f"after it {parse_s - load_s:.3f} s ({(parse_s - load_s) / raw_s:.2f}x)")


if __name__ == "__main__":
    main()

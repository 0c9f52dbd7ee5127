"""Atheris harness: any bytes through :func:`foiparse.parse`; only a FoiParseError may escape.

Run it through ``fuzz/run.sh`` (which installs atheris and builds the seed corpus), or directly::

    .venv/bin/python fuzz/fuzz_parse.py -atheris_runs=100000 fuzz/corpus fuzz/seeds

Every other exception (and a hang past ``-timeout``) is a finding: libFuzzer writes the input
to ``-artifact_prefix``; fix the loader or stage at fault and keep the input in
tests/test_fuzz_regressions.py.

The input's last byte picks a file name to parse it under (most often none: the format sniffed
from content alone, as ``parse(bytes)`` does), so the name-based branches of the format sniffer
(".html", ".eml", ".md", ".docx"...) are reached too.
"""

from __future__ import annotations

import logging
import sys

import atheris  # type: ignore[import-untyped]  # no type stubs

with atheris.instrument_imports(include=["foiparse"]):
    import foiparse
    from foiparse.load import dispatch, docx, email, html, pdf, text  # noqa: F401  (instrument them)
    from foiparse.pipeline import parse_document

#: File names the sniffer treats differently (``None``: no name at all).
NAMES = (None, None, None, None, "letter.pdf", "letter.html", "letter.eml", "letter.docx", "letter.md",
         "letter.txt", "letter.xlsx", "letter.doc")
OPTIONS = foiparse.ParseOptions(ocr="never")


def parse_named(data: bytes, name: str | None) -> None:
    """Load under ``name`` and run the stages, as ``parse(path)`` does for a file."""
    doc = dispatch.load(data, name=name, options=OPTIONS)
    letter = parse_document(doc, data=data, path=name, options=OPTIONS)
    letter.to_dict()


def test_one_input(data: bytes) -> None:
    """Parse ``data``; a typed error is a fine answer, anything else is a bug."""
    name = NAMES[data[-1] % len(NAMES)] if data else None
    try:
        if name is None:
            foiparse.parse(data, options=OPTIONS).to_dict()
        else:
            parse_named(data, name)
    except foiparse.FoiParseError as exc:
        if not str(exc):
            raise AssertionError(f"{type(exc).__name__} with an empty message") from exc


def main() -> None:
    """Hand the harness to libFuzzer with the command-line arguments."""
    # pdfminer logs every oddity of a damaged PDF; at thousands of inputs a second that is noise.
    logging.disable(logging.CRITICAL)
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()

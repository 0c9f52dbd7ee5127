"""The ``foiparse`` command: argument mapping and output only; the work is in the library.

Exit codes: 0 every input parsed; 1 some input failed (its error is printed as a record);
2 usage error (bad arguments, unreadable output path).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence
from typing import Any, TextIO

from foiparse.errors import FoiParseError
from foiparse.options import OcrMode, ParseOptions
from foiparse.pipeline import parse

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2


def error_record(path: str, exc: BaseException) -> dict[str, Any]:
    """The JSON printed in place of a record for an input that failed."""
    return {"source": {"path": path}, "error": {"type": type(exc).__name__, "message": str(exc)}}


def _parse_records(paths: Sequence[str], options: ParseOptions,
                   include_text: bool) -> Iterator[tuple[dict[str, Any], bool]]:
    for path in paths:
        try:
            letter = parse(path, options=options)
        except FoiParseError as exc:
            yield error_record(path, exc), False
        else:
            yield letter.to_dict(include_text=include_text), True


def _cmd_parse(args: argparse.Namespace, out: TextIO) -> int:
    options = ParseOptions(ocr=args.ocr)
    failed = False
    records = _parse_records(args.files, options, args.include_text)
    if args.format == "jsonl":
        for record, ok in records:
            failed |= not ok
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            out.flush()
    else:
        collected = []
        for record, ok in records:
            failed |= not ok
            collected.append(record)
        body: Any = collected[0] if len(collected) == 1 else collected
        out.write(json.dumps(body, ensure_ascii=False, indent=2) + "\n")
    return EXIT_SOME_FAILED if failed else EXIT_OK


def _add_parse(sub: Any) -> None:
    p = sub.add_parser(
        "parse",
        help="parse letters and print one JSON record per input",
        description="Parse FOI response letters (PDF, HTML, e-mail, DOCX, text) and print one "
        "JSON record per input. An input that fails prints an error record and the run goes on.",
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="letters to parse")
    p.add_argument("--format", choices=("json", "jsonl"), default="json",
                   help="json: one indented document (a list when several inputs); "
                   "jsonl: one record per line (default: json)")
    p.add_argument("--output", "-o", metavar="PATH", help="write here instead of standard output")
    p.add_argument("--include-text", action="store_true",
                   help="add the letter's loaded text, which every span indexes into")
    p.add_argument("--ocr", choices=[m.value for m in OcrMode], default=OcrMode.AUTO.value,
                   help="OCR pages without a text layer: auto (default), never, always")
    p.set_defaults(run=_cmd_parse)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``foiparse`` command (documentation is generated from it)."""
    parser = argparse.ArgumentParser(
        prog="foiparse",
        description="Read Freedom of Information response letters into typed records.",
        epilog="Exit codes: 0 all inputs parsed; 1 some inputs failed; 2 usage error.",
    )
    parser.add_argument("--version", action="version", version=_version())
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _add_parse(sub)
    return parser


def _version() -> str:
    from foiparse import __version__

    return f"foiparse {__version__}"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors and 0 on --help
        return int(exc.code or 0)
    try:
        out: TextIO = open(args.output, "w", encoding="utf-8") if getattr(args, "output", None) else sys.stdout
    except OSError as exc:
        print(f"foiparse: cannot write {args.output}: {exc.strerror}", file=sys.stderr)
        return EXIT_USAGE
    try:
        return int(args.run(args, out))
    finally:
        if out is not sys.stdout:
            out.close()


if __name__ == "__main__":
    raise SystemExit(main())

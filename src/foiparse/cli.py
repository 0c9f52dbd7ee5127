"""The ``foiparse`` command: argument mapping and output only; the work is in the library.

Exit codes: 0 every input parsed; 1 some input failed (its error is printed as a record);
2 usage error (bad arguments, unreadable output path).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

from foiparse.bulk import parse_many
from foiparse.options import OcrMode, ParseOptions

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2


def positive_int(text: str) -> int:
    """An argparse type: a whole number of at least 1."""
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return value


def positive_float(text: str) -> float:
    """An argparse type: a number above 0."""
    value = float(text)
    if not value > 0:
        raise argparse.ArgumentTypeError(f"must be above 0, not {text}")
    return value


def error_record(path: str, exc: BaseException) -> dict[str, Any]:
    """The JSON printed in place of a record for an input that failed."""
    return {"source": {"path": path}, "error": {"type": type(exc).__name__, "message": str(exc)}}


def _parse_records(paths: Sequence[str], options: ParseOptions,
                   include_text: bool) -> Iterator[tuple[dict[str, Any], bool]]:
    """One record per path, in order. Each document runs under ``options.timeout``, and an
    unexpected failure inside a library becomes an error record, as in ``bulk``."""
    for path, result in zip(paths, parse_many([Path(p) for p in paths], jobs=1, options=options),
                            strict=True):
        if result.letter is None:
            assert result.error is not None
            yield error_record(path, result.error), False
        else:
            record = result.letter.to_dict(include_text=include_text)
            record["source"]["path"] = path  # exactly as given on the command line
            yield record, True


def _cmd_parse(args: argparse.Namespace, out: TextIO) -> int:
    options = ParseOptions(ocr=args.ocr, timeout=args.timeout)
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
    p.add_argument("--out", "--output", "-o", dest="output", metavar="PATH",
                   help="write here instead of standard output")
    p.add_argument("--include-text", action="store_true",
                   help="add the letter's loaded text, which every span indexes into")
    p.add_argument("--ocr", choices=[m.value for m in OcrMode], default=OcrMode.AUTO.value,
                   help="OCR pages without a text layer: auto (default), never, always")
    p.add_argument("--timeout", type=positive_float, default=ParseOptions().timeout, metavar="SECONDS",
                   help="time limit per document, in seconds (default: %(default)s)")
    p.set_defaults(run=_cmd_parse)


def _open_hint(dest: str, fmt: str) -> str:
    """How to look at what ``foiparse bulk`` wrote."""
    if fmt == "sqlite":
        return (f"open it with:  datasette {dest}\n"
                f"          or:  sqlite3 {dest} 'select outcome, count(*) from letters "
                "group by outcome'\n"
                f"          or:  pandas.read_sql('select * from letters', "
                f"sqlite3.connect('{dest}'))")
    if fmt == "jsonl":
        return f"open it with:  pandas.read_json('{dest}', lines=True)"
    if fmt == "parquet":
        return (f"one folder of parts per table (letters, questions, answers, exemptions, "
                f"errors); open with:  pandas.read_parquet('{dest}/letters')")
    return (f"one file per table (letters, questions, answers, exemptions, errors); open "
            f"with:  pandas.read_csv('{dest}/letters.csv')")


def _cmd_bulk(args: argparse.Namespace, out: TextIO) -> int:
    import os

    from foiparse.bulk import bulk_parse, count_inputs, iter_inputs
    from foiparse.export import guess_format, open_sink

    missing = [p for p in args.paths if not os.path.exists(p)]
    if missing:
        print(f"foiparse: no such file or folder: {', '.join(missing)}", file=sys.stderr)
        return EXIT_USAGE
    fmt = args.format or guess_format(args.out).value
    try:
        sink = open_sink(args.out, fmt)
    except Exception as exc:  # OSError, sqlite3.DatabaseError (not a database), ImportError
        print(f"foiparse: cannot write {args.out}: {exc}", file=sys.stderr)
        return EXIT_USAGE
    options = ParseOptions(ocr=args.ocr, timeout=args.timeout)
    exclude = [args.out]
    bar = _progress_bar(count_inputs(args.paths, exclude)) if _show_progress(args) else None
    try:
        with sink:
            stats = bulk_parse(iter_inputs(args.paths, exclude), sink, jobs=args.jobs,
                               options=options, progress=bar.update if bar else None)
    except KeyboardInterrupt:
        print(f"\nfoiparse: interrupted; {args.out} holds every letter finished so far "
              "(run again to resume)", file=sys.stderr)
        return 130
    finally:
        if bar is not None:
            bar.close()
    if stats.seen == 0:
        print("foiparse: found no letters to parse (hidden and dataset files are skipped)",
              file=sys.stderr)
    out.write(f"{stats.parsed} parsed, {stats.skipped} already there or duplicate, "
              f"{stats.failed} failed, in {stats.elapsed:.1f} s\n")
    out.write(f"wrote {os.path.abspath(args.out)} ({fmt})\n{_open_hint(args.out, fmt)}\n")
    return EXIT_SOME_FAILED if stats.failed else EXIT_OK


def _show_progress(args: argparse.Namespace) -> bool:
    return not args.quiet and sys.stderr.isatty()


class _Bar:
    """A tqdm bar fed with :class:`foiparse.bulk.BulkStats` (the ``progress`` extra)."""

    def __init__(self, bar: Any) -> None:
        self._bar = bar

    def update(self, stats: Any) -> None:
        done = stats.parsed + stats.skipped + stats.failed
        self._bar.set_postfix(errors=stats.failed, refresh=False)
        self._bar.update(done - self._bar.n)

    def close(self) -> None:
        self._bar.close()


def _progress_bar(total: int) -> _Bar | None:
    try:
        from tqdm import tqdm  # type: ignore[import-untyped,unused-ignore]
    except ImportError:  # the progress extra is not installed: run without a bar
        return None
    return _Bar(tqdm(total=total, unit="letter", dynamic_ncols=True, smoothing=0.1))


def _add_bulk(sub: Any) -> None:
    p = sub.add_parser(
        "bulk",
        help="parse many letters in parallel into a dataset (SQLite, JSON Lines, CSV, Parquet)",
        description="Parse every letter in the given files and folders (walked recursively; "
        "hidden files and dataset files are skipped) into one dataset. A re-run with the "
        "same --out skips letters already there, so an interrupted run resumes.",
        epilog="Exit codes: 0 all inputs parsed; 1 some inputs failed (see the errors table); "
        "2 usage error.",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="letters, or folders of letters")
    p.add_argument("--out", "-o", required=True, metavar="DEST",
                   help="the dataset: a .sqlite file (default format), a .jsonl file, or a "
                   "folder for csv and parquet")
    p.add_argument("--format", "-f", choices=("sqlite", "jsonl", "csv", "parquet"),
                   help="dataset format (default: jsonl for a .jsonl DEST, else sqlite)")
    p.add_argument("--jobs", "-j", type=positive_int, default=None, metavar="N",
                   help="worker processes (default: one per CPU; 1 parses in this process)")
    p.add_argument("--timeout", type=positive_float, default=ParseOptions().timeout, metavar="SECONDS",
                   help="time limit per document (default: %(default)g)")
    p.add_argument("--ocr", choices=[m.value for m in OcrMode], default=OcrMode.AUTO.value,
                   help="OCR pages without a text layer: auto (default), never, always")
    p.add_argument("--quiet", "-q", action="store_true",
                   help="no progress bar (there is none anyway when stderr is not a terminal)")
    p.set_defaults(run=_cmd_bulk)


def _cmd_schema(args: argparse.Namespace, out: TextIO) -> int:
    from foiparse import schema

    document = schema.error_record_schema() if args.error else schema.letter_schema()
    out.write(schema.dumps(document))
    return EXIT_OK


def _add_schema(sub: Any) -> None:
    p = sub.add_parser(
        "schema",
        help="print the JSON Schema of the records `parse` prints",
        description="Print the JSON Schema (draft 2020-12) of one record as `foiparse parse` prints "
        "it, generated from the record classes.",
    )
    p.add_argument("--error", action="store_true",
                   help="print the schema of the error record printed for an input that failed")
    p.add_argument("--out", "--output", "-o", dest="output", metavar="PATH",
                   help="write here instead of standard output")
    p.set_defaults(run=_cmd_schema)


def _add_scrape(sub: Any) -> None:
    from foiparse.scrape.command import DESCRIPTION, EPILOG, configure, run

    p = sub.add_parser("scrape", help="fetch a disclosure log into a SQLite dataset",
                       description=DESCRIPTION, epilog=EPILOG,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    configure(p)
    p.set_defaults(run=run)


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
    _add_bulk(sub)
    _add_scrape(sub)
    _add_schema(sub)
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
    with contextlib.ExitStack() as stack:
        out: TextIO = sys.stdout
        if getattr(args, "output", None):
            try:
                out = stack.enter_context(open(args.output, "w", encoding="utf-8"))
            except OSError as exc:
                print(f"foiparse: cannot write {args.output}: {exc.strerror}", file=sys.stderr)
                return EXIT_USAGE
        return int(args.run(args, out))

if __name__ == "__main__":
    raise SystemExit(main())

"""The ``foiparse scrape`` subcommand: its arguments and what running it does.

Kept apart from :mod:`foiparse.cli` so the CLI stays thin, and free of module-level httpx
imports so ``foiparse --help`` works without the ``scrape`` extra installed.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, TextIO

DESCRIPTION = """\
Fetch a disclosure log politely and parse every letter on it into a SQLite dataset
(the same file format as `foiparse bulk`, plus scrape_items and scrape_links tables).

Source kinds:
  police   UK police disclosure logs on the forces' shared website platform: a URL under
           /foi-ai/<force>/disclosure-log/ (the log, a year, a month, or one request page).
           Listing pages are walked (with ?page=N pagination); each request page is a letter,
           and its PDF/Word attachments are letters too.
  wdtk     WhatDoTheyKnow (or any Alaveteli site): a request page /request/<slug> (its
           metadata is read from /request/<slug>.json), or an authority's list /body/<name>.
           The authority's responses and their attachments are the letters.
  generic  Any listing: a start URL plus CSS selectors for the item links (--items), the
           next-page link (--next) and attachments on item pages (--attachments).

Politeness and safety: robots.txt is obeyed; at most one request per --interval seconds per
host (robots.txt Crawl-delay wins if longer); 429/5xx are retried with backoff honouring
Retry-After; the User-Agent names foiparse; pages are revalidated with ETag/Last-Modified
through an on-disk cache; only the start host is visited unless --allow-host adds others;
downloads larger than --max-bytes are abandoned; Content-Type is checked.

Resumable: a re-run sends conditional requests, skips the attachments of unchanged pages,
and parses only letters whose content is not yet in the dataset.
"""

EPILOG = """\
examples:
  foiparse scrape police https://www.example.police.uk/foi-ai/example-police/disclosure-log/ \\
      --out police.sqlite --max-pages 5
  foiparse scrape wdtk https://www.whatdotheyknow.com/body/example_council --out wdtk.sqlite
  foiparse scrape generic https://example.gov/foi/log --items "table.log a" \\
      --next "a[rel=next]" --out log.sqlite

exit codes: 0 done (individual failures are recorded in the dataset and the summary);
2 usage error; 3 the start page itself could not be fetched.
"""


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the ``scrape`` arguments to ``parser``."""
    parser.add_argument("kind", choices=("police", "wdtk", "generic"), help="source kind")
    parser.add_argument("url", help="start URL")
    parser.add_argument("--out", "--db", "-o", dest="db", required=True, metavar="PATH",
                        help="SQLite dataset to create or resume")
    parser.add_argument("--items", metavar="CSS", help="generic: selector of item links")
    parser.add_argument("--next", metavar="CSS",
                        help="generic: selector of the next-page link (default: rel=next or "
                        "a 'Next' link)")
    parser.add_argument("--attachments", metavar="CSS",
                        help="generic: selector of attachment links on item pages (default: "
                        "links to .pdf/.docx/.doc/.eml/.txt)")
    parser.add_argument("--max-pages", type=int, metavar="N", help="stop after N listing pages")
    parser.add_argument("--max-items", type=int, metavar="N", help="stop after N requests")
    parser.add_argument("--interval", type=float, default=1.0, metavar="SECONDS",
                        help="least time between requests to one host (default: 1.0)")
    parser.add_argument("--max-bytes", type=int, default=50 * 1024 * 1024, metavar="N",
                        help="largest download accepted (default: 50 MiB)")
    parser.add_argument("--timeout", type=float, default=30.0, metavar="SECONDS",
                        help="network timeout per request (default: 30)")
    parser.add_argument("--allow-host", action="append", default=[], metavar="HOST",
                        help="also visit this host (repeatable); by default only the start "
                        "URL's host is visited")
    parser.add_argument("--cache-dir", metavar="DIR",
                        help="conditional-request cache (default: <db>.cache)")
    parser.add_argument("--files-dir", metavar="DIR",
                        help="where downloaded letters are kept (default: <db>.files)")
    parser.add_argument("--user-agent", metavar="TEXT",
                        help="User-Agent to send (name yourself and a contact address)")
    parser.add_argument("--verbose", "-v", action="store_true",
                        help="print each letter's outcome to standard error")


def run(args: argparse.Namespace, out: TextIO) -> int:
    """Run ``foiparse scrape`` with parsed ``args``; returns the exit code."""
    try:
        from foiparse.scrape.client import DEFAULT_USER_AGENT, ClientOptions
        from foiparse.scrape.run import ScrapeOptions, scrape
        from foiparse.scrape.sources.base import Source
        from foiparse.scrape.sources.generic import GenericLog
        from foiparse.scrape.sources.police import PoliceLog
        from foiparse.scrape.sources.wdtk import WhatDoTheyKnow
    except ImportError as exc:  # httpx is the optional ``scrape`` extra
        print(f"foiparse: scraping needs the scrape extra (pip install 'foiparse[scrape]'): "
              f"{exc}", file=sys.stderr)
        return 2
    limits: dict[str, Any] = {"max_pages": args.max_pages, "max_items": args.max_items}
    source: Source
    try:
        if args.kind == "police":
            source = PoliceLog(start_url=args.url, **limits)
        elif args.kind == "wdtk":
            source = WhatDoTheyKnow(start_url=args.url, **limits)
        else:
            if not args.items:
                raise ValueError("generic sources need --items CSS")
            source = GenericLog(start_url=args.url, item_selector=args.items,
                                next_selector=args.next, attachment_selector=args.attachments,
                                **limits)
    except ValueError as exc:
        print(f"foiparse: {exc}", file=sys.stderr)
        return 2
    client = ClientOptions(
        user_agent=args.user_agent or DEFAULT_USER_AGENT, min_interval=args.interval,
        max_bytes=args.max_bytes, timeout=args.timeout, allowed_hosts=frozenset(args.allow_host),
        cache_dir=Path(args.cache_dir) if args.cache_dir else None)
    options = ScrapeOptions(client=client,
                            files_dir=Path(args.files_dir) if args.files_dir else None)

    def progress(line: str) -> None:
        print(line, file=sys.stderr)

    report = scrape(source, args.db, options=options,
                    progress=progress if args.verbose else None)
    summary = report.as_dict()
    summary["tables"] = _table_counts(args.db)
    out.write(json.dumps(summary, indent=2) + "\n")
    start_failed = any(u == args.url for u, _r, _e in report.failures) and not report.counts[
        "items"]
    return 3 if start_failed else 0


def _table_counts(db: str) -> dict[str, int]:
    import sqlite3

    with sqlite3.connect(db) as conn:
        names = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        return {n: int(conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0]) for n in names}

"""Markdown for the reference pages generated from the code (the docs build calls these).

Generated, not typed by hand, so the documentation cannot drift from the command line or the
exemption catalog.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator

from foiparse.cite.catalog import CatalogEntry, entries, regimes
from foiparse.cli import build_parser
from foiparse.records import Regime

_REGIME_NAMES = {
    Regime.UK_FOIA: "Freedom of Information Act 2000 (England, Wales, Northern Ireland)",
    Regime.UK_EIR: "Environmental Information Regulations 2004",
    Regime.UK_FOISA: "Freedom of Information (Scotland) Act 2002",
    Regime.UK_EISR: "Environmental Information (Scotland) Regulations 2004",
    Regime.US_FOIA: "US Freedom of Information Act, 5 U.S.C. § 552",
    Regime.US_PA: "US Privacy Act, 5 U.S.C. § 552a",
    Regime.US_IL: "Illinois Freedom of Information Act, 5 ILCS 140",
    Regime.US_DC: "District of Columbia FOIA, D.C. Code § 2-531 et seq.",
    Regime.IE_FOI: "Freedom of Information Act 2014 (Ireland)",
    Regime.AU_FOI: "Freedom of Information Act 1982 (Australia)",
    Regime.NZ_OIA: "Official Information Act 1982 (New Zealand)",
    Regime.CA_ATIA: "Access to Information Act (Canada)",
}


def subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    """The parser's sub-commands by name."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def options_of(parser: argparse.ArgumentParser) -> Iterator[argparse.Action]:
    """The arguments and options of one (sub)command, help excluded."""
    for action in parser._actions:
        if isinstance(action, (argparse._HelpAction, argparse._SubParsersAction)):
            continue
        yield action


def cli_reference() -> str:
    """The command-line reference: each command's usage, options and their help."""
    parser = build_parser()
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    lines = [
        "# Command line",
        "",
        "Generated from the `foiparse` command's own `--help`, so it always matches the program.",
        "",
        f"{parser.description}",
        "",
        "**Exit codes**: `0` every input parsed; `1` some input failed (an error record is written "
        "in its place and the run goes on); `2` usage error.",
        "",
    ]
    for name, sub in subcommands(parser).items():
        sub.prog = f"foiparse {name}"
        lines += [f"## foiparse {name}", "", sub.description or "", "", "```text",
                  sub.format_usage().strip(), "```", "", "| argument | meaning |", "| --- | --- |"]
        for action in options_of(sub):
            names = ", ".join(f"`{s}`" for s in action.option_strings) or f"`{action.metavar or action.dest}`"
            meaning = (action.help or "").replace("|", "\\|").replace("\n", " ")
            if action.choices and not isinstance(action.choices, dict):
                meaning += " (one of: " + ", ".join(f"`{c}`" for c in action.choices) + ")"
            lines.append(f"| {names} | {meaning} |")
        lines.append("")
    return "\n".join(lines) + "\n"


def _row(entry: CatalogEntry) -> str:
    absolute = {True: "absolute", False: "qualified", None: "—"}[entry.absolute]
    ground = "yes" if entry.refusal_ground else "no"
    title = entry.title + ("" if entry.verified else " *(unverified)*")
    return f"| `{entry.provision}` | {title} | {absolute} | {entry.test or '—'} | {ground} |"


def exemption_catalog_reference() -> str:
    """The exemption catalog by regime, from the package data the cite stage uses."""
    lines = [
        "# Exemption catalog",
        "",
        "Generated from the catalog foiparse ships as package data, the same one the cite stage "
        "uses to title each exemption. *Refusal ground* says whether a letter can rely on the "
        "provision to withhold, refuse or neither confirm nor deny; provisions that cannot "
        "(the general duty, time limits, the refusal notice itself, complaint rights) are never "
        "listed among a letter's exemptions. Ids are written `REGIME provision`.",
        "",
    ]
    for regime in sorted(regimes(), key=lambda r: r.value):
        lines += [f"## {regime.value}: {_REGIME_NAMES.get(regime, regime.value)}", "",
                  "| provision | title | absolute / qualified | test | refusal ground |",
                  "| --- | --- | --- | --- | --- |"]
        lines += [_row(e) for e in entries(regime)]
        lines.append("")
    return "\n".join(lines) + "\n"

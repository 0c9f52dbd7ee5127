"""The documentation covers the program: every command and option, every vocabulary word, and
the site builds with ``mkdocs build --strict``."""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys

import pytest

from foiparse.cli import build_parser
from foiparse.docgen import cli_reference, exemption_catalog_reference, options_of, subcommands
from foiparse.records import Disposition, Outcome, Regime
from tests.conftest import ROOT

DOCS = ROOT / "docs"
COMMANDS = subcommands(build_parser())


def test_every_command_is_documented() -> None:
    reference = cli_reference()
    assert COMMANDS, "the CLI has no commands?"
    for name, sub in COMMANDS.items():
        assert f"## foiparse {name}" in reference
        assert sub.description, f"`foiparse {name}` has no description"


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_option_has_help_and_is_in_the_reference(command: str) -> None:
    reference = cli_reference()
    for action in options_of(COMMANDS[command]):
        label = action.option_strings[0] if action.option_strings else (action.metavar or action.dest)
        assert action.help, f"`foiparse {command} {label}` has no help text"
        assert f"`{label}`" in reference, f"`foiparse {command} {label}` missing from the reference"


@pytest.mark.parametrize(
    "vocabulary", [Outcome, Disposition, Regime], ids=lambda v: v.__name__
)
def test_every_vocabulary_word_is_explained(vocabulary) -> None:
    page = (DOCS / "reference" / "vocabularies.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| `([^`]+)`", page, flags=re.MULTILINE))
    states = {m.value for m in vocabulary if not m.value.startswith("US-") or m.value in {"US-FOIA", "US-PA"}}
    assert states <= documented, states - documented


def test_exemption_catalog_page_lists_every_regime() -> None:
    page = exemption_catalog_reference()
    for regime in ("UK-FOIA", "UK-EIR", "UK-FOISA", "US-FOIA", "US-IL"):
        assert f"## {regime}:" in page


def test_readme_links_resolve() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for target in re.findall(r"\]\(([^)#]+)\)", readme):
        if "://" not in target:
            assert (ROOT / target).exists(), target


@pytest.mark.skipif(importlib.util.find_spec("mkdocs") is None,
                    reason="the docs extra (mkdocs) is not installed")
def test_docs_build_strict(tmp_path) -> None:
    env = {**os.environ, "DISABLE_MKDOCS_2_WARNING": "true"}
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(tmp_path / "site")],
        cwd=ROOT, capture_output=True, text=True, env=env, check=False, timeout=300,
    )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    assert (tmp_path / "site" / "reference" / "cli" / "index.html").exists()

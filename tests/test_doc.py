"""Legacy Word .doc files (foiparse.load.doc) through antiword.

No tool here writes .doc files, so the real-file tests use the shared corpus's .doc letter and
skip without it; the block-building and error paths run against a stand-in antiword script.
"""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from foiparse.document import BlockKind
from foiparse.errors import CorruptDocument, EncryptedDocument, LimitExceeded, UnsupportedFormat
from foiparse.load import doc as doc_module
from foiparse.load import load
from foiparse.load.doc import antiword_path, load_doc
from foiparse.options import ParseOptions
from foiparse.records import SourceFormat
from tests.conftest import SHARED

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
#: Enough of an OLE2 file to be routed to load_doc and to name a Word stream.
FAKE_WORD = OLE_MAGIC + b"\x00" * 56 + "WordDocument".encode("utf-16-le") + b"\x00" * 64
DEV_DOC = SHARED / "corpus" / "dev" / "014.doc"

requires_antiword = pytest.mark.skipif(antiword_path() is None, reason="antiword is not installed")


@pytest.fixture
def fake_antiword(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Install a stand-in antiword that prints a given text (and exit code, stderr, delay)."""

    def install(stdout: str = "", *, code: int = 0, stderr: str = "", sleep: float = 0) -> Path:
        out = tmp_path / "out.txt"
        out.write_text(stdout, encoding="utf-8")
        script = tmp_path / "antiword"
        script.write_text(
            "#!/bin/sh\n"
            f"sleep {sleep}\n"
            f"cat '{out}'\n"
            f"printf '%s' '{stderr}' >&2\n"
            f"exit {code}\n"
        )
        script.chmod(script.stat().st_mode | stat.S_IXUSR)
        monkeypatch.setattr(doc_module.shutil, "which", lambda name: str(script))
        return script

    return install


BLOCK_CASES = [
    ("paragraph", "Dear Ms Example,", BlockKind.PARAGRAPH, None, ()),
    ("tab-squeezed", "FOIA FILE NO.:\tAB-1234", BlockKind.PARAGRAPH, None, ()),
    ("bullet", "\u25cf All emails sent in 2022", BlockKind.LIST_ITEM, "\u25cf", ()),
    ("dash-bullet", "- Item one", BlockKind.LIST_ITEM, "-", ()),
    ("numbered", "2. The policy in force", BlockKind.LIST_ITEM, "2.", ()),
    ("lettered", "(b) Any guidance notes", BlockKind.LIST_ITEM, "(b)", ()),
    ("table-row", "|Question |Answer |", BlockKind.TABLE_ROW, None, ("Question", "Answer")),
    ("table-empty-cell", "|1 | |Withheld|", BlockKind.TABLE_ROW, None, ("1", "", "Withheld")),
    ("year-not-list", "2023 was a busy year", BlockKind.PARAGRAPH, None, ()),
]


@pytest.mark.parametrize(("line", "kind", "label", "cells"), [c[1:] for c in BLOCK_CASES],
                         ids=[c[0] for c in BLOCK_CASES])
def test_antiword_lines_become_blocks(
    fake_antiword, line: str, kind: BlockKind, label: str | None, cells: tuple[str, ...]  # type: ignore[no-untyped-def]
) -> None:
    fake_antiword(f"\n{line}\n\n")
    document = load_doc(FAKE_WORD, ParseOptions())
    assert document.format is SourceFormat.DOC
    (block,) = document.blocks
    assert (block.kind, block.list_label, block.cells) == (kind, label, cells)
    assert document.text[block.start:block.end] == block.text


def test_form_feeds_and_blank_lines_do_not_make_blocks(fake_antiword) -> None:  # type: ignore[no-untyped-def]
    fake_antiword("First page\n\n\fSecond page\n")
    document = load_doc(FAKE_WORD, ParseOptions())
    assert [b.text for b in document.blocks] == ["First page", "Second page"]
    assert "\f" not in document.text


ERROR_CASES = [
    ("damaged", {"code": 1, "stderr": "the file is not a Word Document."}, CorruptDocument,
     "damaged"),
    ("encrypted", {"code": 1, "stderr": "the file is encrypted."}, EncryptedDocument, "password"),
    ("slow", {"sleep": 5}, LimitExceeded, "timeout"),
]


@pytest.mark.parametrize(("behaviour", "error", "words"), [c[1:] for c in ERROR_CASES],
                         ids=[c[0] for c in ERROR_CASES])
def test_antiword_failures_map_to_errors(
    fake_antiword, behaviour: dict[str, object], error: type[Exception], words: str  # type: ignore[no-untyped-def]
) -> None:
    fake_antiword("text", **behaviour)
    with pytest.raises(error, match=words):
        load_doc(FAKE_WORD, ParseOptions(timeout=0.5))


def test_missing_antiword_says_what_to_do(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(doc_module.shutil, "which", lambda name: None)
    with pytest.raises(UnsupportedFormat, match=r"install antiword.*convert it to DOCX or PDF"):
        load(FAKE_WORD, name="letter.doc")


OTHER_OLE = [
    ("xls", "Workbook", r"\.xls"),
    ("ppt", "PowerPoint Document", r"\.ppt"),
    ("msg", "__substg1.0_0037001F", r"\.msg"),
]


@pytest.mark.parametrize(("stream", "named"), [c[1:] for c in OTHER_OLE],
                         ids=[c[0] for c in OTHER_OLE])
def test_other_ole_files_are_named(stream: str, named: str) -> None:
    data = OLE_MAGIC + b"\x00" * 56 + stream.encode("utf-16-le") + b"\x00" * 64
    # load_doc checks for itself, whatever routed the bytes to it.
    with pytest.raises(UnsupportedFormat, match=named):
        load_doc(data, ParseOptions())


@requires_antiword
def test_garbage_ole_is_corrupt_with_real_antiword() -> None:
    with pytest.raises(CorruptDocument):
        load_doc(FAKE_WORD, ParseOptions())


@requires_antiword
@pytest.mark.skipif(not DEV_DOC.is_file(), reason="../shared dev corpus is absent")
def test_real_doc_letter_loads() -> None:
    gold = json.loads(DEV_DOC.with_suffix(".gold.json").read_text())
    document = load(DEV_DOC.read_bytes(), name=DEV_DOC.name)
    assert document.format is SourceFormat.DOC
    assert gold["reference"] in document.text
    assert any(block.kind is BlockKind.LIST_ITEM for block in document.blocks)
    # antiword is asked for UTF-8, so curly quotes survive rather than turning into "?".
    assert "\u201c" in document.text
    assert all(document.text[b.start:b.end] == b.text for b in document.blocks)

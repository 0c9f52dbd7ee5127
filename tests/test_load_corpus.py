"""Every dev-corpus document loads, or fails with a FoiParseError (never another exception)."""

from __future__ import annotations

from pathlib import Path

import pytest

from foiparse.errors import FoiParseError
from foiparse.load import load
from foiparse.options import OcrMode, ParseOptions

SHARED = Path(__file__).resolve().parents[2] / "shared"
DEV = SHARED / "corpus" / "dev"
DOCS = sorted(p for p in DEV.glob("*") if p.suffix not in (".json", ".jsonl")) if DEV.exists() else []

pytestmark = pytest.mark.skipif(not DEV.exists(), reason="the shared corpus is not present")


@pytest.mark.parametrize("path", DOCS, ids=[p.name for p in DOCS])
def test_dev_document_loads(path: Path) -> None:
    # OCR is off so the test stays fast; scans must then say so with NoTextLayer.
    try:
        doc = load(path.read_bytes(), name=path.name, options=ParseOptions(ocr=OcrMode.NEVER))
    except FoiParseError:
        return
    assert doc.text.strip()
    for block in doc.blocks:
        assert doc.text[block.start : block.end] == block.text


@pytest.mark.parametrize(
    ("name", "first_reply_line"),
    [("048.html", "Our reference: 3375675 Information request"), ("054.html", "Dear Mr Knowles")],
    ids=["048", "054"],
)
def test_wdtk_pages_pick_the_final_reply(name: str, first_reply_line: str) -> None:
    doc = load((DEV / name).read_bytes(), name=name)
    assert doc.blocks[0].text == first_reply_line

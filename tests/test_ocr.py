"""OCR of scanned PDF pages (foiparse.load.ocr) and its wiring into the PDF loader.

Tests that run Tesseract skip when it (or the ``ocr`` extra) is not installed; the scanned
fixtures are generated from a synthetic letter by tests/fixtures/make_scanned.py.
"""

from __future__ import annotations

import builtins
import importlib.util
import json
from types import ModuleType
from typing import Any

import pytest

from foiparse.errors import CorruptDocument, LimitExceeded, NoTextLayer
from foiparse.load import load
from foiparse.load import ocr as ocr_module
from foiparse.load.ocr import OcrPage, OcrUnavailable, clean_ocr_text, ocr_available, ocr_pdf_pages
from foiparse.options import OcrMode, ParseOptions
from tests.conftest import FIXTURES, SHARED

requires_ocr = pytest.mark.skipif(
    not ocr_available(), reason="OCR needs the 'ocr' extra and the tesseract-ocr program"
)


def _load_maker() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_scanned", FIXTURES / "make_scanned.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


make_scanned = _load_maker()


@pytest.fixture(scope="module")
def scans(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    if importlib.util.find_spec("reportlab") is None or importlib.util.find_spec("pypdfium2") is None:
        pytest.skip("generating scanned fixtures needs reportlab and pypdfium2")
    paths = make_scanned.write_fixtures(tmp_path_factory.mktemp("scans"))
    return {name: path.read_bytes() for name, path in paths.items()}


@pytest.fixture(scope="module")
def scanned_pages(scans: dict[str, bytes]) -> list[OcrPage]:
    """Both pages of the scanned letter, asked for in reverse order (OCR'd once per module)."""
    return ocr_pdf_pages(scans["scanned"], [2, 1], ParseOptions())


# --- clean_ocr_text ---------------------------------------------------------------------------

CLEAN_CASES = [
    ("pipe-pronoun", "If | can be of further help", "If I can be of further help"),
    ("l-pronoun", "l have enclosed the policy", "I have enclosed the policy"),
    ("lam", "lam writing to you", "I am writing to you"),
    ("pipe-am", "|am writing", "I am writing"),
    ("pipe-contraction", "|'m afraid", "I'm afraid"),
    ("pipe-before-month", "in force on | January 2022.", "in force on 1 January 2022."),
    ("b-G", "withheld under (b)(G).", "withheld under (b)(6)."),
    ("zero-for-b", "exemptions (0)(6) and (b)(7)(C)", "exemptions (b)(6) and (b)(7)(C)"),
    ("552-six-for-b", "5 U.S.C. 552(6)(6)", "5 U.S.C. 552(b)(6)"),
    ("dollar-section", "5 U.S.C. $ 552(b)(5)", "5 U.S.C. \u00a7 552(b)(5)"),
    ("il-paragraph-one", "5 ILCS 140/7(l)(c)", "5 ILCS 140/7(1)(c)"),
    ("roman-digit", "7(1)(d)(v1) and (d)(vl)", "7(1)(d)(vi) and (d)(vi)"),
    ("ligatures", "\ufb01nal noti\ufb01cation of e\ufb00ect", "final notification of effect"),
    ("broken-word", "the informa-\ntion you requested", "the information\nyou requested"),
    ("trailing-speck", "recorded in 2022. _", "recorded in 2022."),
    ("leading-rule", "| The Department holds", "The Department holds"),
    ("stamp-line", "Sincerely,\noa\n~ ,\nJane Doe", "Sincerely,\nJane Doe"),
]
KEEP_CASES = [
    ("item-number", "Item 1 will be provided"),
    ("fee-dollars", "The fee of $ 25.00 is waived"),
    ("federal-7C", "(b)(7)(C) and (b)(7)(E)"),
    ("il-paragraph-l", "Section 7.5(l) and 7(1)(ll)"),
    ("roman-plain", "7(1)(d)(iv) and (11)"),
    ("hyphen-capital", "North-\nWest Region"),
    ("hyphen-number", "2020-\n2021 figures"),
    ("short-words", "a.\nis\n(b)\nQ"),
    ("signature-with-digits", "p.0.2 919"),
    ("islam", "Islam and lamb"),
]


@pytest.mark.parametrize(("raw", "expected"), [c[1:] for c in CLEAN_CASES],
                         ids=[c[0] for c in CLEAN_CASES])
def test_clean_ocr_text_repairs(raw: str, expected: str) -> None:
    assert clean_ocr_text(raw) == expected


@pytest.mark.parametrize("text", [c[1] for c in KEEP_CASES], ids=[c[0] for c in KEEP_CASES])
def test_clean_ocr_text_keeps_correct_text(text: str) -> None:
    assert clean_ocr_text(text) == text


@pytest.mark.parametrize("raw", [c[1] for c in CLEAN_CASES], ids=[c[0] for c in CLEAN_CASES])
def test_clean_ocr_text_is_idempotent(raw: str) -> None:
    once = clean_ocr_text(raw)
    assert clean_ocr_text(once) == once


# --- assembling Tesseract's word table --------------------------------------------------------


def _table(rows: list[tuple[int, int, int, str, float]]) -> dict[str, list[Any]]:
    return {
        "block_num": [r[0] for r in rows],
        "par_num": [r[1] for r in rows],
        "line_num": [r[2] for r in rows],
        "text": [r[3] for r in rows],
        "conf": [r[4] for r in rows],
    }


ASSEMBLE_CASES = [
    ("empty", [], "", 0.0),
    ("layout-rows-only", [(1, 0, 0, "", -1), (1, 1, 0, "", -1)], "", 0.0),
    (
        "lines-and-blocks",
        [(1, 1, 1, "Dear", 90), (1, 1, 1, "Sir,", 80), (1, 1, 2, "Thanks", 70),
         (2, 1, 1, "", -1), (2, 1, 1, "Yours", 60)],
        "Dear Sir,\nThanks\n\nYours",
        75.0,
    ),
    ("blank-words-skipped", [(1, 1, 1, "  ", 95), (1, 1, 1, "Ref", 50)], "Ref", 50.0),
]


@pytest.mark.parametrize(("rows", "text", "confidence"), [c[1:] for c in ASSEMBLE_CASES],
                         ids=[c[0] for c in ASSEMBLE_CASES])
def test_assemble_rebuilds_lines(
    rows: list[tuple[int, int, int, str, float]], text: str, confidence: float
) -> None:
    assert ocr_module._assemble(_table(rows)) == (text, confidence)


# --- availability -----------------------------------------------------------------------------


def test_ocr_unavailable_is_a_no_text_layer_error() -> None:
    assert issubclass(OcrUnavailable, NoTextLayer)


def test_missing_tesseract_names_the_apt_package(monkeypatch: pytest.MonkeyPatch) -> None:
    pytesseract = pytest.importorskip("pytesseract")
    monkeypatch.setattr(pytesseract.pytesseract, "tesseract_cmd", "/nonexistent/tesseract")
    assert not ocr_available()
    with pytest.raises(OcrUnavailable, match="apt-get install tesseract-ocr") as caught:
        ocr_pdf_pages(b"%PDF-1.4", [1], ParseOptions())
    assert "pip install" not in str(caught.value)


def test_missing_extra_names_the_pip_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    real_import = builtins.__import__

    def no_ocr_libs(name: str, *args: Any, **kwargs: Any) -> Any:
        if name.split(".")[0] in {"pytesseract", "pypdfium2"}:
            raise ImportError(f"No module named {name!r}")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_ocr_libs)
    assert not ocr_available()
    with pytest.raises(OcrUnavailable, match=r"pip install 'foiparse\[ocr\]'"):
        ocr_module.require_ocr()


# --- OCR on generated scans -------------------------------------------------------------------


@requires_ocr
def test_scanned_pages_come_back_in_the_order_asked(scanned_pages: list[OcrPage]) -> None:
    assert [page.page for page in scanned_pages] == [2, 1]


@requires_ocr
@pytest.mark.parametrize("phrase", make_scanned.EXPECTED_PHRASES)
def test_scanned_letter_text_is_recovered(scanned_pages: list[OcrPage], phrase: str) -> None:
    text = "\n".join(page.text for page in scanned_pages)
    assert phrase in " ".join(text.split())


@requires_ocr
def test_scanned_pages_report_word_confidence(scanned_pages: list[OcrPage]) -> None:
    for page in scanned_pages:
        assert 80.0 <= page.confidence <= 100.0


@requires_ocr
def test_ocr_text_keeps_line_structure(scanned_pages: list[OcrPage]) -> None:
    first = next(page for page in scanned_pages if page.page == 1)
    lines = [line for line in first.text.split("\n") if line.strip()]
    assert lines[0] == make_scanned.LETTER_PAGES[0][0]
    assert len(lines) >= 12


@requires_ocr
@pytest.mark.parametrize(
    ("pages", "options", "error"),
    [
        ([3], ParseOptions(), ValueError),
        ([0], ParseOptions(), ValueError),
        ([1], ParseOptions(timeout=1e-9), LimitExceeded),
        ([1], ParseOptions(ocr_language="zzz"), OcrUnavailable),
    ],
    ids=["past-last-page", "page-zero", "no-time-left", "missing-language"],
)
def test_ocr_errors(
    scans: dict[str, bytes], pages: list[int], options: ParseOptions, error: type[Exception]
) -> None:
    with pytest.raises(error):
        ocr_pdf_pages(scans["scanned"], pages, options)


@requires_ocr
def test_missing_language_names_its_package(scans: dict[str, bytes]) -> None:
    with pytest.raises(OcrUnavailable, match="apt-get install tesseract-ocr-zzz"):
        ocr_pdf_pages(scans["scanned"], [1], ParseOptions(ocr_language="zzz"))


@requires_ocr
def test_tesseract_timeout_becomes_limit_exceeded(
    scans: dict[str, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    import pytesseract

    def killed(*args: Any, **kwargs: Any) -> Any:
        assert 0 < kwargs["timeout"] <= 5.0  # the budget left, passed on to Tesseract
        raise RuntimeError("Tesseract process timeout")  # what pytesseract raises

    monkeypatch.setattr(pytesseract, "image_to_data", killed)
    with pytest.raises(LimitExceeded, match="page 1 ran over the time limit") as caught:
        ocr_pdf_pages(scans["scanned"], [1], ParseOptions(timeout=5.0))
    assert isinstance(caught.value.__cause__, RuntimeError)


@requires_ocr
def test_damaged_pdf_is_corrupt() -> None:
    with pytest.raises(CorruptDocument):
        ocr_pdf_pages(b"%PDF-1.4\nnot really a pdf", [1], ParseOptions())


# --- through the PDF loader -------------------------------------------------------------------


@requires_ocr
def test_mixed_pdf_reads_text_layer_and_scan(scans: dict[str, bytes]) -> None:
    doc = load(scans["mixed"], name="mixed.pdf")
    assert doc.ocr_pages == (2,)
    assert len(doc.ocr_confidence) == 1 and doc.ocr_confidence[0] > 80
    flat = " ".join(doc.text.split())
    assert "FOIA File No.: LCSO-2023-0417" in flat  # from the text layer
    assert "there were 37 vehicle pursuits recorded in 2022" in flat  # from OCR
    assert {block.page for block in doc.blocks} == {1, 2}


@pytest.mark.skipif(importlib.util.find_spec("reportlab") is None, reason="needs reportlab")
def test_scan_with_ocr_off_has_no_text_layer(scans: dict[str, bytes]) -> None:
    with pytest.raises(NoTextLayer):
        load(scans["scanned"], name="scanned.pdf", options=ParseOptions(ocr=OcrMode.NEVER))


def test_scan_without_ocr_says_what_to_install(
    scans: dict[str, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ocr_module, "_missing_parts", lambda: ["apt-get install tesseract-ocr"])
    with pytest.raises(NoTextLayer, match="tesseract-ocr"):
        load(scans["scanned"], name="scanned.pdf")


# --- a real scan from the shared corpus -------------------------------------------------------

DEV = SHARED / "corpus" / "dev"


@requires_ocr
@pytest.mark.skipif(not (DEV / "002.pdf").is_file(), reason="../shared dev corpus is absent")
def test_real_one_page_scan_reads_its_reference() -> None:
    gold = json.loads((DEV / "002.gold.json").read_text())
    doc = load((DEV / "002.pdf").read_bytes(), name="002.pdf")
    assert doc.ocr_pages == (1,)
    assert gold["reference"] in doc.text
    assert all(block.page == 1 for block in doc.blocks)

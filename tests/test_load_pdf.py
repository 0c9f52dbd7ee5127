"""PDF loader: reading order, page furniture, hyphens, tables, OCR policy, errors."""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

import attrs
import pytest
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import cm
from reportlab.pdfgen import canvas
from reportlab.platypus import SimpleDocTemplate, Table, TableStyle

from foiparse.document import BlockKind
from foiparse.errors import (
    CorruptDocument,
    EncryptedDocument,
    LimitExceeded,
    NoTextLayer,
)
from foiparse.load import load
from foiparse.load import pdf as pdf_module
from foiparse.load.pdf import clean_pdf_text
from foiparse.options import OcrMode, ParseOptions

WIDTH, HEIGHT = A4


def _pdf(pages: Sequence[Sequence[tuple[float, float, str, str, float]]], **kw: Any) -> bytes:
    """A PDF whose pages hold (x, y-from-top, text, font, size) strings."""
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=A4, **kw)
    for page in pages:
        for x, y, text, font, size in page:
            c.setFont(font, size)
            c.drawString(x, HEIGHT - y, text)
        c.showPage()
    c.save()
    return out.getvalue()


def _body(
    lines: Sequence[str], top: float = 200, font: str = "Helvetica", size: float = 11
) -> list[tuple[float, float, str, str, float]]:
    return [(72, top + 14 * i, line, font, size) for i, line in enumerate(lines)]


def _texts(data: bytes, **options: Any) -> list[str]:
    return [b.text for b in load(data, options=ParseOptions(**options)).blocks]


def test_two_column_letterhead_is_read_column_by_column() -> None:
    left = ["Ms Jane Requester", "12 Example Road", "Sampletown"]
    right = ["Information Governance", "Borough Council", "Civic Centre"]
    page = [(72, 100 + 14 * i, text, "Helvetica", 10) for i, text in enumerate(left)]
    page += [(360, 100 + 14 * i, text, "Helvetica", 10) for i, text in enumerate(right)]
    page += _body(["Dear Ms Requester,", "Thank you for your request."], top=220)
    texts = _texts(_pdf([page]))
    assert texts == [*left, *right, "Dear Ms Requester,", "Thank you for your request."]


def test_running_header_footer_and_page_numbers_removed() -> None:
    pages = []
    for n in range(1, 4):
        page = [(72, 40, "Sampleshire Council - Freedom of Information", "Helvetica", 9)]
        page += _body([f"Body text of page {n} goes here.", "More of the letter."])
        page.append((260, 810, f"Page {n} of 3", "Helvetica", 9))
        pages.append(page)
    doc = load(_pdf(pages))
    assert "Sampleshire Council" not in doc.text
    assert "Page 2 of 3" not in doc.text
    assert [b.page for b in doc.blocks if b.text.startswith("Body")] == [1, 2, 3]
    assert doc.pages == 3


def test_one_page_letter_keeps_its_letterhead() -> None:
    page = [(72, 40, "Sampleshire Council", "Helvetica", 9), *_body(["Dear Sir,"])]
    page.append((290, 810, "1", "Helvetica", 9))
    assert _texts(_pdf([page])) == ["Sampleshire Council", "Dear Sir,"]


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (
            ["We do not hold this informa-", "tion in any form."],
            ["We do not hold this information", "in any form."],
        ),
        (["The North-", "West region answered."], ["The North-", "West region answered."]),
        (["Figures for 2020-", "2021 are attached."], ["Figures for 2020-", "2021 are attached."]),
    ],
    ids=["lowercase-joins", "capital-keeps-hyphen", "digits-keep-hyphen"],
)
def test_hyphen_repair(lines: list[str], expected: list[str]) -> None:
    assert _texts(_pdf([_body(lines)])) == expected


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("\ufb01nal \ufb02ow", "final flow"),
        ("e\ufb00ect", "effect"),
        ("\uf0b7 item", "\u2022 item"),
        ("co\u00adoperate", "cooperate"),
    ],
    ids=["fi-fl", "ff", "symbol-bullet", "soft-hyphen"],
)
def test_clean_pdf_text(raw: str, clean: str) -> None:
    assert clean_pdf_text(raw) == clean


def test_bold_size_and_heading() -> None:
    page = [(72, 100, "Freedom of Information Response", "Helvetica-Bold", 16)]
    page += _body(["Dear Sir,", "Your request was received.", "We enclose the data."])
    page.append((72, 300, "Our decision", "Helvetica-Bold", 11))
    blocks = load(_pdf([page])).blocks
    assert blocks[0].kind is BlockKind.HEADING and blocks[0].bold and blocks[0].size == 16
    assert not blocks[1].bold and blocks[1].size == 11
    assert blocks[-1].bold and blocks[-1].kind is BlockKind.PARAGRAPH


def test_overprinted_fake_bold_is_read_once() -> None:
    page = [*_body(["Subject: Request"]), (72.3, 200, "Subject: Request", "Helvetica", 11)]
    assert _texts(_pdf([page])) == ["Subject: Request"]


def test_tables_become_rows_without_duplicate_paragraphs() -> None:
    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=A4)
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph

    style = getSampleStyleSheet()["Normal"]
    table = Table(
        [["Question", "Answer"], ["1. How many cameras?", "167"], ["2. How many faulty?", "9"]],
        colWidths=[8 * cm, 4 * cm],
    )
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
    doc.build(
        [Paragraph("Please see our answers below.", style), table, Paragraph("Yours faithfully", style)]
    )
    blocks = load(out.getvalue()).blocks
    rows = [b for b in blocks if b.kind is BlockKind.TABLE_ROW]
    assert [r.cells for r in rows] == [
        ("Question", "Answer"),
        ("1. How many cameras?", "167"),
        ("2. How many faulty?", "9"),
    ]
    assert [b.text for b in blocks if b.kind is not BlockKind.TABLE_ROW] == [
        "Please see our answers below.",
        "Yours faithfully",
    ]
    assert blocks[1].kind is BlockKind.TABLE_ROW  # rows sit where the table is


def _odd_pages_pdf() -> bytes:
    """Two fonts and sizes, a rotated page and a page whose MediaBox does not start at 0,0."""
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=A4, pageCompression=0)
    for rotate in (0, 90):
        c.setPageRotation(rotate)
        c.setFont("Helvetica-Bold", 14)
        c.drawString(72, 700, "Freedom of Information Act 2000 \u2013 Our reference FOI/123")
        c.setFont("Times-Roman", 10)
        c.drawString(90, 680, "fi ligatures, caf\u00e9 and numbers 1(a)(b)")
        c.showPage()
    c.save()
    data = out.getvalue()
    moved = data.replace(b"/MediaBox [ 0 0 ", b"/MediaBox [ 9 7 ", 1)
    assert moved != data and len(moved) == len(data)
    return moved


def test_lean_characters_match_pdfplumbers() -> None:
    """The loader's lean character conversion gives what pdfplumber's full one gives."""
    import pdfplumber

    with pdfplumber.open(io.BytesIO(_odd_pages_pdf())) as pdf:
        assert len(pdf.pages) == 2
        for page in pdf.pages:
            lean = pdf_module._LeanPage(pdf, page.page_obj, page.page_number, page.initial_doctop)
            assert lean.chars, "no characters read"
            assert len(lean.chars) == len(page.chars)
            for mine, theirs in zip(lean.chars, page.chars, strict=True):
                assert mine == {key: theirs[key] for key in mine}
            assert lean.extract_words(extra_attrs=["fontname", "size"]) == page.extract_words(
                extra_attrs=["fontname", "size"]
            )


def test_max_pages() -> None:
    data = _pdf([_body([f"page {n}"]) for n in range(3)])
    with pytest.raises(LimitExceeded, match="3 pages"):
        load(data, options=ParseOptions(max_pages=2))


@pytest.mark.parametrize(
    ("data", "error"),
    [
        (b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer garbage", CorruptDocument),
        (None, CorruptDocument),
        ("encrypted", EncryptedDocument),
    ],
    ids=["garbage", "truncated", "encrypted"],
)
def test_errors(data: bytes | str | None, error: type[Exception]) -> None:
    if data is None:
        data = _pdf([_body(["A letter that is cut short."])])[:300]
    elif data == "encrypted":
        from reportlab.lib.pdfencrypt import StandardEncryption

        data = _pdf([_body(["Secret"])], encrypt=StandardEncryption("user-pw", "owner-pw"))
    assert isinstance(data, bytes)
    with pytest.raises(error) as info:
        load(data)
    assert info.value.__cause__ is not None


def test_owner_password_only_opens() -> None:
    from reportlab.lib.pdfencrypt import StandardEncryption

    data = _pdf([_body(["Readable letter"])], encrypt=StandardEncryption("", "owner-pw"))
    assert _texts(data) == ["Readable letter"]


# ---------------------------------------------------------------- OCR policy


@attrs.frozen
class FakeOcrPage:
    page: int
    text: str
    confidence: float


class FakeUnavailable(NoTextLayer):
    pass


def _blank_and_text() -> bytes:
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=A4)
    c.rect(100, 100, 200, 200)  # a "scan": no text layer
    c.showPage()
    c.setFont("Helvetica", 11)
    c.drawString(72, 700, "Typed second page")
    c.showPage()
    c.save()
    return out.getvalue()


def _blank() -> bytes:
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=A4)
    c.rect(100, 100, 200, 200)
    c.showPage()
    c.save()
    return out.getvalue()


def _install_ocr(monkeypatch: pytest.MonkeyPatch, make: Any) -> None:
    """Put a fake OCR engine (and its 'unavailable' error) where the PDF loader calls it."""
    ocr, unavailable = make()
    monkeypatch.setattr(pdf_module, "ocr_pdf_pages", ocr)
    monkeypatch.setattr(pdf_module, "OcrUnavailable", unavailable)


def _fake_ocr(calls: list[list[int]], confidence: float = 90.0) -> Any:
    def ocr(data: bytes, pages: Sequence[int], options: ParseOptions) -> list[FakeOcrPage]:
        calls.append(list(pages))
        return [FakeOcrPage(p, f"Scanned line one of page {p}\nline two\n{p}", confidence) for p in pages]

    return lambda: (ocr, FakeUnavailable)


def _unavailable() -> Any:
    def ocr(data: bytes, pages: Sequence[int], options: ParseOptions) -> list[FakeOcrPage]:
        raise FakeUnavailable("install Tesseract")

    return lambda: (ocr, FakeUnavailable)


@pytest.mark.parametrize(
    ("mode", "expected_calls", "first"),
    [
        (OcrMode.AUTO, [[1]], "Scanned line one of page 1"),
        (OcrMode.ALWAYS, [[1, 2]], "Scanned line one of page 1"),
        (OcrMode.NEVER, [], "Typed second page"),
    ],
    ids=["auto-only-empty-pages", "always-every-page", "never"],
)
def test_ocr_policy(
    monkeypatch: pytest.MonkeyPatch, mode: OcrMode, expected_calls: list[list[int]], first: str
) -> None:
    calls: list[list[int]] = []
    _install_ocr(monkeypatch, _fake_ocr(calls))
    doc = load(_blank_and_text(), options=ParseOptions(ocr=mode))
    assert calls == expected_calls
    assert doc.blocks[0].text == first
    assert doc.ocr_pages == tuple(p for c in calls for p in c)
    assert "1" not in [b.text for b in doc.blocks]  # OCR'd page number dropped
    if mode is OcrMode.NEVER:
        assert any("skipped" in w for w in doc.warnings)


def test_low_ocr_confidence_warns(monkeypatch: pytest.MonkeyPatch) -> None:
    _install_ocr(monkeypatch, _fake_ocr([], confidence=31.0))
    doc = load(_blank(), options=ParseOptions(ocr_min_confidence=60))
    assert doc.ocr_confidence == (31.0,)
    assert any("confidence 31" in w for w in doc.warnings)
    assert doc.blocks[0].page == 1


@pytest.mark.parametrize(
    ("data", "mode", "raises"),
    [
        ("blank", OcrMode.AUTO, True),
        ("blank", OcrMode.NEVER, True),
        ("mixed", OcrMode.AUTO, False),
        ("mixed", OcrMode.ALWAYS, True),
    ],
    ids=["scan-auto", "scan-never", "mixed-auto-keeps-text", "mixed-always"],
)
def test_ocr_unavailable(monkeypatch: pytest.MonkeyPatch, data: str, mode: OcrMode, raises: bool) -> None:
    _install_ocr(monkeypatch, _unavailable())
    pdf = _blank() if data == "blank" else _blank_and_text()
    if raises:
        with pytest.raises(NoTextLayer):
            load(pdf, options=ParseOptions(ocr=mode))
    else:
        doc = load(pdf, options=ParseOptions(ocr=mode))
        assert [b.text for b in doc.blocks] == ["Typed second page"]
        assert any("page(s) 1" in w for w in doc.warnings)

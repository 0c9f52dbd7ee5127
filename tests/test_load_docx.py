"""DOCX loader: body order, list labels, headings, bold, tables, header text, zip guards."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from foiparse.document import BlockKind
from foiparse.errors import CorruptDocument, LimitExceeded
from foiparse.load import load
from foiparse.options import ParseOptions

NUMBERING = (
    f"<w:numbering {nsdecls('w')}>"
    '<w:abstractNum w:abstractNumId="1">'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/>'
    "</w:lvl>"
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/>'
    '<w:lvlText w:val="%2)"/></w:lvl>'
    '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/>'
    '<w:lvlText w:val="%3."/></w:lvl></w:abstractNum>'
    '<w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/>'
    '<w:lvlText w:val="\uf0b7"/></w:lvl></w:abstractNum>'
    '<w:abstractNum w:abstractNumId="3"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
    '<w:numFmt w:val="upperLetter"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
    '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>'
    '<w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num>'
    '<w:num w:numId="3"><w:abstractNumId w:val="3"/>'
    '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="3"/></w:lvlOverride></w:num>'
    "</w:numbering>"
)


def _numbered(document: docx.document.Document, text: str, num_id: int, ilvl: int) -> None:
    paragraph = document.add_paragraph(text)
    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(
        parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>')
    )


def _letter() -> bytes:
    document = docx.Document()
    # Install our numbering definitions in place of the template's.
    numbering_part = document.part.numbering_part
    numbering_part._element = parse_xml(NUMBERING)
    document.sections[0].header.paragraphs[0].text = "Example NHS Trust - Information Governance"
    document.add_heading("Freedom of Information Response", level=1)
    document.add_paragraph("Our ref: FOI/2024/77")
    bold = document.add_paragraph()
    bold.add_run("Your request").bold = True
    _numbered(document, "How many beds?", 1, 0)
    _numbered(document, "In 2022?", 1, 1)
    _numbered(document, "In 2023?", 1, 1)
    _numbered(document, "By ward?", 1, 2)
    _numbered(document, "How many staff?", 1, 0)
    _numbered(document, "In 2022?", 1, 1)
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Year", "Beds"
    table.cell(1, 0).text, table.cell(1, 1).text = "2023", "120"
    _numbered(document, "A bullet", 2, 0)
    _numbered(document, "Restarted at three", 3, 0)
    document.add_paragraph("Yours sincerely")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_body_order_labels_and_tables() -> None:
    blocks = load(_letter()).blocks
    assert [b.text for b in blocks] == [
        "Example NHS Trust - Information Governance",
        "Freedom of Information Response",
        "Our ref: FOI/2024/77",
        "Your request",
        "1. How many beds?",
        "a) In 2022?",
        "b) In 2023?",
        "i. By ward?",
        "2. How many staff?",
        "a) In 2022?",
        "Year | Beds",
        "2023 | 120",
        "\u2022 A bullet",
        "C. Restarted at three",
        "Yours sincerely",
    ]


@pytest.mark.parametrize(
    ("index", "kind", "label", "level", "bold"),
    [
        (1, BlockKind.HEADING, None, 1, True),
        (3, BlockKind.PARAGRAPH, None, 0, True),
        (4, BlockKind.LIST_ITEM, "1.", 0, False),
        (5, BlockKind.LIST_ITEM, "a)", 1, False),
        (7, BlockKind.LIST_ITEM, "i.", 2, False),
        (10, BlockKind.TABLE_ROW, None, 0, False),
        (12, BlockKind.LIST_ITEM, "\u2022", 0, False),
    ],
    ids=["heading-style", "bold-run", "decimal", "lower-letter", "lower-roman", "table", "bullet"],
)
def test_block_attributes(index: int, kind: BlockKind, label: str | None, level: int, bold: bool) -> None:
    block = load(_letter()).blocks[index]
    assert (block.kind, block.list_label, block.level, block.bold) == (kind, label, level, bold)


def test_table_cells() -> None:
    rows = [b for b in load(_letter()).blocks if b.kind is BlockKind.TABLE_ROW]
    assert [r.cells for r in rows] == [("Year", "Beds"), ("2023", "120")]


def _rezip(data: bytes, replace: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as target:
        for item in source.infolist():
            target.writestr(item.filename, replace.get(item.filename, source.read(item.filename)))
        for name, content in replace.items():
            if name not in source.namelist():
                target.writestr(name, content)
    return out.getvalue()


def test_unzipped_size_limit() -> None:
    with pytest.raises(LimitExceeded, match="unpacks to"):
        load(_letter(), options=ParseOptions(max_unzipped_bytes=10_000))


def test_compression_ratio_guard() -> None:
    bomb = _rezip(_letter(), {"word/media/padding.bin": b"\0" * (8 * 1024 * 1024)})
    with pytest.raises(LimitExceeded, match="compression ratio"):
        load(bomb)


def test_xml_with_entities_refused() -> None:
    source = zipfile.ZipFile(io.BytesIO(_letter()))
    xml = source.read("word/document.xml")
    evil = xml.replace(b"?>", b'?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>', 1)
    with pytest.raises(CorruptDocument, match="DTD"):
        load(_rezip(_letter(), {"word/document.xml": evil}))


def test_broken_document_xml_is_corrupt() -> None:
    broken = _rezip(_letter(), {"word/document.xml": b"<w:document><unclosed>"})
    with pytest.raises(CorruptDocument) as info:
        load(broken)
    assert info.value.__cause__ is not None

"""Generate the bad inputs a scraper brings back, each with what foiparse must make of it.

    python tests/make_bad_inputs.py OUT_DIR      # writes the files and OUT_DIR/expected.json

Each file is made here rather than checked in as a blob. ``expected.json`` maps a file name to
the error type `foiparse parse` must report for it, or to ``"record"`` where the content is
readable and a record (with warnings where due) is the right answer.
"""

from __future__ import annotations

import io
import json
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

LETTER = (
    "Our ref: FOI 2024-0001\n\nDear Requester,\n\n1. How many staff are employed?\n"
    "The Council employs 1,204 staff.\n\nYours sincerely,\nInformation Team\n"
)


def _pdf(pages: int = 1, text: str = "Our ref: FOI 2024-0001. The Council employs 1,204 staff.",
         encrypt: str | None = None) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, invariant=True, encrypt=encrypt)
    for number in range(1, pages + 1):
        pdf.setFont("Helvetica", 11)
        pdf.drawString(72, 760, f"{text} (page {number})")
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def _image_only_pdf() -> bytes:
    """A 'scan' whose page is an image of nothing legible: no text layer, nothing to OCR."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    png = _png(64, 64)
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, invariant=True)
    pdf.drawImage(ImageReader(io.BytesIO(png)), 0, 0, width=A4[0], height=A4[1])
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def _png(width: int = 8, height: int = 8) -> bytes:
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    raw = b"".join(b"\x00" + b"\xff" * (width * 3) for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw))
            + chunk(b"IEND", b""))


def _broken_xref() -> bytes:
    data = _pdf()
    at = data.rfind(b"xref")
    return data[:at] + b"xref\n0 9\nthis is not a cross-reference table\n" + data[at + 200:]


def _docx_zip_bomb() -> bytes:
    """A DOCX whose document.xml inflates ~1000:1 to far past any sane letter's size."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _RELS)
        body = b"<w:p><w:r><w:t>" + b"A" * (1 << 20) + b"</w:t></w:r></w:p>"
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            member.write(b'<?xml version="1.0"?><w:document xmlns:w="' + _W + b'"><w:body>')
            for _ in range(300):  # 300 MiB uncompressed
                member.write(body)
            member.write(b"</w:body></w:document>")
    return buffer.getvalue()


def _docx_external_entity() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _RELS)
        archive.writestr(
            "word/document.xml",
            b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
            b'<w:document xmlns:w="' + _W + b'"><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p>'
            b"</w:body></w:document>",
        )
    return buffer.getvalue()


def _xlsx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", b"<Types/>")
        archive.writestr("xl/workbook.xml", b"<workbook/>")
    return buffer.getvalue()


def _deep_html(depth: int = 10_000) -> bytes:
    return (b"<html><body>" + b"<div>" * depth + LETTER.encode() + b"</div>" * depth
            + b"</body></html>")


def _big_html(megabytes: int = 50) -> bytes:
    row = b"<tr><td>Question</td><td>The Council employs 1,204 staff in the area.</td></tr>\n"
    rows = row * (megabytes * (1 << 20) // len(row))
    return b"<html><body><p>" + LETTER.encode() + b"</p><table>" + rows + b"</table></body></html>"


def _cp1252_html() -> bytes:
    extra = "Caf\u00e9 \u2013 \u00a3450 \u201cquoted\u201d"
    text = "<html><body><p>" + LETTER.replace("\n", "</p><p>") + extra + "</p></body></html>"
    return text.encode("cp1252")


def _utf16_html() -> bytes:
    return ("<html><body><p>" + LETTER.replace("\n", "</p><p>") + "</p></body></html>").encode("utf-16-le")


def _broken_mime() -> bytes:
    return (b"From: Council <foi@council.example>\nSubject: FOI response\nMIME-Version: 1.0\n"
            b'Content-Type: multipart/mixed; boundary="never-closed"\n\n--never-closed\n'
            b"Content-Type: text/plain; charset=no-such-charset\nContent-Transfer-Encoding: base64\n\n"
            b"!!!! not base64 at all ####\n--never-clo")


def _ole_doc() -> bytes:
    """The OLE2 signature of a Word 97-2003 file followed by nothing a reader can use."""
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + bytes(range(256)) * 8


_W = b"http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_CONTENT_TYPES = (
    b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    b'<Default Extension="xml" ContentType="application/xml"/>'
    b'<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    b'officedocument.wordprocessingml.document.main+xml"/></Types>'
)
_RELS = (
    b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    b'officeDocument" Target="word/document.xml"/></Relationships>'
)

#: file name -> (how to make it, what `foiparse parse` must report: an error type or "record").
BAD_INPUTS: dict[str, tuple[Callable[[], bytes], str]] = {
    "zero-bytes.pdf": (lambda: b"", "EmptyDocument"),
    "truncated.pdf": (lambda: _pdf()[:700], "CorruptDocument"),
    "broken-xref.pdf": (_broken_xref, "record"),
    "encrypted-user-password.pdf": (lambda: _pdf(encrypt="secret"), "EncryptedDocument"),
    # NoTextLayer without OCR; with OCR there is still nothing legible to read.
    "scanned-only.pdf": (_image_only_pdf, "NoTextLayer|EmptyDocument"),
    "two-thousand-pages.pdf": (lambda: _pdf(pages=2000), "LimitExceeded"),
    "fifty-megabytes.html": (_big_html, "LimitExceeded"),
    "nested-10000-deep.html": (_deep_html, "record"),
    "windows-1252.html": (_cp1252_html, "record"),
    "utf-16-no-declaration.html": (_utf16_html, "record"),
    "junk.pdf": (lambda: bytes(range(256)) * 64, "UnsupportedFormat"),
    "junk.html": (lambda: bytes(range(256)) * 64, "UnsupportedFormat"),
    "junk.docx": (lambda: bytes(range(256)) * 64, "UnsupportedFormat"),
    "zip-bomb.docx": (_docx_zip_bomb, "LimitExceeded"),
    "external-entities.docx": (_docx_external_entity, "CorruptDocument"),
    "broken-mime.eml": (_broken_mime, "record"),
    "image.png": (_png, "UnsupportedFormat"),
    "spreadsheet.xlsx": (_xlsx, "UnsupportedFormat"),
    "legacy.doc": (_ole_doc, "CorruptDocument|UnsupportedFormat"),
    # Under the markup limit, but more text than any letter: refused before the stages run.
    "three-megabytes-one-line.txt": (lambda: b"Section 31(1)(a)&(b) " * 150_000, "LimitExceeded"),
}


def write_bad_inputs(out: Path) -> dict[str, str]:
    """Write every bad input into ``out``; returns (and writes) the expectations."""
    out.mkdir(parents=True, exist_ok=True)
    expected = {}
    for name, (make, outcome) in BAD_INPUTS.items():
        (out / name).write_bytes(make())
        expected[name] = outcome
    (out / "expected.json").write_text(json.dumps(expected, indent=2) + "\n", encoding="utf-8")
    return expected


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python tests/make_bad_inputs.py OUT_DIR")
    write_bad_inputs(Path(sys.argv[1]))
    print(f"wrote {len(BAD_INPUTS)} bad inputs to {sys.argv[1]}")

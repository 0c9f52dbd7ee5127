"""Recognise a document's format from its bytes and hand it to the matching loader."""

from __future__ import annotations

import zipfile
from io import BytesIO

from foiparse.document import Document
from foiparse.errors import EmptyDocument, LimitExceeded, UnsupportedFormat
from foiparse.options import ParseOptions
from foiparse.records import SourceFormat

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_IMAGE_MAGIC = {
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"II*\x00": "a TIFF image",
    b"MM\x00*": "a TIFF image",
}
_EMAIL_HEADERS = (b"from:", b"to:", b"subject:", b"date:", b"received:", b"return-path:",
                  b"message-id:", b"mime-version:", b"content-type:", b"delivered-to:")


def sniff(data: bytes, name: str | None = None) -> SourceFormat:
    """The format of ``data``, judged from its content first and its file name second.

    Raises :class:`UnsupportedFormat` for formats foiparse recognises but does not read.
    """
    head = data[:4096].lstrip(b"\xef\xbb\xbf\r\n\t ")
    lower_name = (name or "").lower()
    if head.startswith(b"%PDF") or b"%PDF-" in data[:1024]:
        return SourceFormat.PDF
    if head.startswith(b"PK\x03\x04"):
        return _sniff_zip(data)
    if data.startswith(_OLE_MAGIC):
        # An OLE2 compound file: Word 97-2003 (.doc), but also .xls/.msg; tell them apart by name.
        if lower_name.endswith((".xls", ".xlt")):
            raise UnsupportedFormat("this is a legacy Excel spreadsheet (.xls), not a letter")
        return SourceFormat.DOC
    for magic, what in _IMAGE_MAGIC.items():
        if head.startswith(magic):
            raise UnsupportedFormat(
                f"this is {what}; foiparse reads PDF, HTML, e-mail, DOCX and text "
                "(scan it into a PDF to use OCR)"
            )
    if b"\x00" in data[:4096] and not _looks_utf16(data):
        raise UnsupportedFormat("this is binary data of an unknown format, not a letter")
    text_head = _decode_head(data).lower()
    stripped = text_head.lstrip()
    if stripped.startswith(("<!doctype html", "<html")) or any(
        tag in text_head for tag in ("<html", "<body", "<div", "<p>", "<table", "<br")
    ):
        return SourceFormat.HTML
    first_lines = stripped.encode()[:2048].split(b"\n", 12)
    header_like = sum(1 for line in first_lines if line.strip().startswith(_EMAIL_HEADERS))
    if header_like >= 2 or lower_name.endswith(".eml"):
        return SourceFormat.EMAIL
    if lower_name.endswith((".md", ".markdown")):
        return SourceFormat.MARKDOWN
    return SourceFormat.TEXT


def _sniff_zip(data: bytes) -> SourceFormat:
    try:
        names = set(zipfile.ZipFile(BytesIO(data)).namelist())
    except zipfile.BadZipFile as exc:
        raise UnsupportedFormat("this is a damaged zip archive, not a readable document") from exc
    if "word/document.xml" in names:
        return SourceFormat.DOCX
    if any(n.startswith("xl/") for n in names):
        raise UnsupportedFormat("this is an Excel spreadsheet (.xlsx), not a letter")
    if any(n.startswith("ppt/") for n in names):
        raise UnsupportedFormat("this is a PowerPoint presentation (.pptx), not a letter")
    if "content.xml" in names:
        raise UnsupportedFormat("this is an OpenDocument file; convert it to DOCX or PDF")
    raise UnsupportedFormat("this is a zip archive, not a letter; unpack it and parse its files")


def _looks_utf16(data: bytes) -> bool:
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return True
    sample = data[:512]
    # ASCII text in UTF-16 has a NUL in every other byte.
    return len(sample) >= 8 and (sample[1::2].count(0) > len(sample) // 3 or sample[0::2].count(0) > len(sample) // 3)


def _decode_head(data: bytes) -> str:
    head = data[:8192]
    if _looks_utf16(head):
        for enc in ("utf-16", "utf-16-le", "utf-16-be"):
            try:
                return head.decode(enc, errors="replace")
            except UnicodeDecodeError:
                continue
    return head.decode("utf-8", errors="replace")


def load(data: bytes, *, name: str | None = None, options: ParseOptions | None = None) -> Document:
    """Load ``data`` into a :class:`Document`, whatever its format."""
    options = ParseOptions.resolve(options)
    if not data or not data.strip():
        raise EmptyDocument("the input is empty (zero bytes or only white space)")
    if len(data) > options.max_bytes:
        raise LimitExceeded(
            f"the input is {len(data):,} bytes, over the limit of {options.max_bytes:,} "
            "(raise ParseOptions.max_bytes to read it)"
        )
    fmt = sniff(data, name)
    if fmt is SourceFormat.PDF:
        from foiparse.load.pdf import load_pdf

        doc = load_pdf(data, options)
    elif fmt is SourceFormat.HTML:
        from foiparse.load.html import load_html

        doc = load_html(data, options)
    elif fmt is SourceFormat.EMAIL:
        from foiparse.load.email import load_email

        doc = load_email(data, options)
    elif fmt is SourceFormat.DOCX:
        from foiparse.load.docx import load_docx

        doc = load_docx(data, options)
    elif fmt is SourceFormat.DOC:
        from foiparse.load.doc import load_doc

        doc = load_doc(data, options)
    else:
        from foiparse.load.text import load_text

        doc = load_text(data, options, markdown=fmt is SourceFormat.MARKDOWN)
    if not doc.text.strip():
        raise EmptyDocument(f"no text could be read from this {fmt.value} document")
    return doc

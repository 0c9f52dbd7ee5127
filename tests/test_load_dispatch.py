"""Format sniffing, limits, encodings and the error for each unsupported format."""

from __future__ import annotations

import io
import zipfile

import pytest

from foiparse.errors import CorruptDocument, EmptyDocument, LimitExceeded, UnsupportedFormat
from foiparse.load import load, sniff
from foiparse.options import ParseOptions
from foiparse.records import SourceFormat


def _zip(*names: str, mimetype: bytes | None = None) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        if mimetype is not None:
            archive.writestr("mimetype", mimetype)
        for name in names:
            archive.writestr(name, "<x/>")
    return out.getvalue()


OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504


@pytest.mark.parametrize(
    ("data", "name", "expected"),
    [
        (b"%PDF-1.7\n...", None, SourceFormat.PDF),
        (b"\r\n  %PDF-1.4\n", "letter.txt", SourceFormat.PDF),
        (_zip("word/document.xml", "[Content_Types].xml"), "x.zip", SourceFormat.DOCX),
        (OLE + "WordDocument".encode("utf-16-le"), None, SourceFormat.DOC),
        (b"<!DOCTYPE html><html><body><p>Dear</p></body></html>", "a.txt", SourceFormat.HTML),
        (b"\xef\xbb\xbf<html><p>Dear</p></html>", None, SourceFormat.HTML),
        (b"<p>Dear Sir</p><p>We hold</p><br><div>x</div>", None, SourceFormat.HTML),
        (b"<p>Dear Sir</p><p>We hold</p><br><div>x</div>", "reply.txt", SourceFormat.TEXT),
        (b"Received: from x\nFrom: a@b\nSubject: FOI\n\nBody", None, SourceFormat.EMAIL),
        (b"From: a@b\nTo: c@d\nDate: 1 May 2024\nSubject: FOI\n\nBody", None, SourceFormat.EMAIL),
        (b"From: a@b\nTo: c@d\n\nBody", "reply.eml", SourceFormat.EMAIL),
        (b"Our ref: 123\nDate: 1 May 2024\nSubject: FOI\nDear Sir,", None, SourceFormat.TEXT),
        (b"Dear Sir,\n\nWe hold no information.", None, SourceFormat.TEXT),
        (b"# Response\n\nWe hold none.", "reply.md", SourceFormat.MARKDOWN),
        ("Dear Sir, we hold none.".encode("utf-16-le"), None, SourceFormat.TEXT),
        ("<html><p>Dear</p></html>".encode("utf-16"), None, SourceFormat.HTML),
    ],
    ids=[
        "pdf",
        "pdf-after-whitespace",
        "docx-by-content",
        "ole-word",
        "html-doctype",
        "html-bom",
        "html-tags",
        "tags-in-txt",
        "email-received",
        "email-memo-headers",
        "email-by-name",
        "letter-with-date-line",
        "text",
        "markdown",
        "utf16-text",
        "utf16-html",
    ],
)
def test_sniff(data: bytes, name: str | None, expected: SourceFormat) -> None:
    assert sniff(data, name) is expected


@pytest.mark.parametrize(
    ("data", "name", "what"),
    [
        (b"\x89PNG\r\n\x1a\n" + b"\0" * 20, None, "PNG"),
        (b"\xff\xd8\xff\xe0" + b"\0" * 20, None, "JPEG"),
        (b"II*\x00" + b"\0" * 20, None, "TIFF"),
        (b"RIFF\0\0\0\0WEBPVP8 ", None, "WebP"),
        (_zip("xl/workbook.xml"), None, "Excel"),
        (_zip("ppt/presentation.xml"), None, "PowerPoint"),
        (_zip("content.xml", mimetype=b"application/vnd.oasis.opendocument.text"), None, ".odt"),
        (_zip("readme.txt"), None, "zip archive"),
        (OLE + "Workbook".encode("utf-16-le"), None, "Excel"),
        (OLE + "PowerPoint Document".encode("utf-16-le"), None, "PowerPoint"),
        (OLE + "__substg1.0_0037".encode("utf-16-le"), None, ".msg"),
        (b"{\\rtf1\\ansi Dear Sir}", None, "RTF"),
        (b"a,b\n1,2\n", "data.csv", "spreadsheet"),
        (b"\x00\x01\x02\x03binary\x00\x00\xff", None, "binary"),
    ],
    ids=[
        "png",
        "jpeg",
        "tiff",
        "webp",
        "xlsx",
        "pptx",
        "odt",
        "zip",
        "xls",
        "ppt",
        "msg",
        "rtf",
        "csv-by-name",
        "binary",
    ],
)
def test_unsupported_formats_are_named(data: bytes, name: str | None, what: str) -> None:
    with pytest.raises(UnsupportedFormat, match=what):
        load(data, name=name)


@pytest.mark.parametrize(
    ("data", "options", "error"),
    [
        (b"", None, EmptyDocument),
        (b"  \n\t ", None, EmptyDocument),
        (b"x" * 2000, ParseOptions(max_bytes=1000), LimitExceeded),
        (b"<p>" + b"x" * 2000, ParseOptions(max_markup_bytes=1000), LimitExceeded),
        (b"From: a@b.example\nSubject: x\nDate: Mon, 1 Apr 2024 09:00:00 +0000\n\n" + b"x " * 1000,
         ParseOptions(max_markup_bytes=1000), LimitExceeded),
        (b"PK\x03\x04broken zip", None, CorruptDocument),
    ],
    ids=["zero-bytes", "whitespace", "max-bytes", "markup-bytes", "email-body-bytes",
         "damaged-zip"],
)
def test_load_errors(data: bytes, options: ParseOptions | None, error: type[Exception]) -> None:
    with pytest.raises(error):
        load(data, options=options)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("Caf\u00e9 \u2013 \u201cquoted\u201d".encode("cp1252"), "Caf\u00e9 \u2013 \u201cquoted\u201d"),
        ("\ufeffDear Sir".encode(), "Dear Sir"),
        ("Dear Sir \u00a35".encode("utf-16"), "Dear Sir \u00a35"),
        ("Dear Sir \u00a35".encode("utf-16-be"), "Dear Sir \u00a35"),
    ],
    ids=["windows-1252", "utf8-bom", "utf16-bom", "utf16be-no-bom"],
)
def test_text_encodings(data: bytes, expected: str) -> None:
    assert load(data).text == expected


def test_utf16_html_is_transcoded() -> None:
    data = "<html><body><p>R\u00e9ponse</p></body></html>".encode("utf-16-le")
    assert load(data).text == "R\u00e9ponse"

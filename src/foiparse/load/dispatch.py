"""Recognise a document's format from its bytes and hand it to the matching loader."""

from __future__ import annotations

import re
import zipfile
import zlib
from collections.abc import Sequence
from io import BytesIO
from typing import TYPE_CHECKING

import attrs

from foiparse.document import Block, BlockKind, Document, DocumentBuilder
from foiparse.errors import (
    CorruptDocument,
    EmptyDocument,
    FoiParseError,
    LimitExceeded,
    UnsupportedFormat,
)
from foiparse.load.doc import check_word_stream
from foiparse.options import ParseOptions
from foiparse.records import SourceFormat

if TYPE_CHECKING:  # the e-mail loader pulls in bs4; it is imported when an e-mail comes
    from foiparse.load.email import Attachment

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_IMAGE_MAGIC = {
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"II*\x00": "a TIFF image",
    b"MM\x00*": "a TIFF image",
    b"BM": "a BMP image",
    b"\x00\x00\x00\x0cjP  ": "a JPEG 2000 image",
}
_EMAIL_HEADER = re.compile(
    rb"^(from|to|cc|subject|date|received|return-path|message-id|mime-version|content-type"
    rb"|delivered-to|reply-to|sender|x-[a-z0-9-]+|thread-topic|thread-index|in-reply-to"
    rb"|references|content-transfer-encoding|dkim-signature|authentication-results"
    rb"|arc-[a-z-]+|importance|user-agent)\s*:",
    re.IGNORECASE,
)
# Headers a typed letter never starts with; one of them makes a header block an e-mail's.
_EMAIL_ONLY = re.compile(
    rb"^(received|return-path|message-id|mime-version|content-type|delivered-to"
    rb"|dkim-signature|x-[a-z0-9-]+)\s*:",
    re.IGNORECASE,
)
_HTML_START = re.compile(
    rb"^(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<(!doctype\s+html|html)\b", re.IGNORECASE | re.DOTALL
)
_HTML_TAG = re.compile(rb"<(p|div|br|table|body|head|span|h[1-6]|li|a\s|meta|title)\b", re.IGNORECASE)
_NAMED_UNSUPPORTED = {
    (".xls", ".xlsx", ".xlsm", ".ods", ".csv", ".tsv"): "a spreadsheet",
    (".ppt", ".pptx", ".odp", ".key"): "a presentation",
    (".odt", ".rtf", ".pages", ".wpd"): "a word-processor format foiparse does not read",
    (".png", ".jpg", ".jpeg", ".gif", ".tif", ".tiff", ".bmp", ".webp", ".heic"): "an image",
    (".zip", ".7z", ".rar", ".gz", ".tar"): "an archive",
}


def sniff(data: bytes, name: str | None = None) -> SourceFormat:
    """The format of ``data``, judged from its content first and its file name second.

    Raises :class:`UnsupportedFormat` for formats foiparse recognises but does not read.
    """
    head = data[:4096].lstrip(b"\xef\xbb\xbf\r\n\t\x0c ")
    lower_name = (name or "").lower()
    if head.startswith(b"%PDF") or b"%PDF-" in data[:1024]:
        return SourceFormat.PDF
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return _sniff_zip(data)
    if data.startswith(_OLE_MAGIC):
        return _sniff_ole(data, lower_name)
    _refuse_binary(head)
    if _looks_utf16(data):
        text_head = _decode_head(data).encode("utf-8", errors="replace")
        head = text_head.lstrip(b"\xef\xbb\xbf\r\n\t\x0c ")
    elif b"\x00" in data[:4096]:
        raise UnsupportedFormat("this is binary data of an unknown format, not a letter")
    if head.startswith(b"{\\rtf"):
        raise UnsupportedFormat("this is an RTF document; convert it to DOCX or PDF")
    if _HTML_START.match(head):
        return SourceFormat.HTML
    if _is_email(head) or (lower_name.endswith((".eml", ".msg.txt", ".mbox")) and _EMAIL_HEADER.match(head)):
        return SourceFormat.EMAIL
    for suffixes, what in _NAMED_UNSUPPORTED.items():
        if lower_name.endswith(suffixes):
            raise UnsupportedFormat(f"the file name says this is {what} ({name}), not a letter")
    if lower_name.endswith((".md", ".markdown")):
        return SourceFormat.MARKDOWN
    if lower_name.endswith((".html", ".htm", ".xhtml")) or (
        not lower_name.endswith(".txt") and len(_HTML_TAG.findall(head)) >= 3
    ):
        return SourceFormat.HTML
    return SourceFormat.TEXT


def _refuse_binary(head: bytes) -> None:
    for magic, what in _IMAGE_MAGIC.items():
        if head.startswith(magic):
            raise UnsupportedFormat(
                f"this is {what}; foiparse reads PDF, HTML, e-mail, DOCX and text "
                "(scan it into a PDF to use OCR)"
            )
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        raise UnsupportedFormat("this is a WebP image; foiparse reads PDF, HTML, e-mail, DOCX and text")
    if head[4:12] in (b"ftypheic", b"ftypheix", b"ftypmif1"):
        raise UnsupportedFormat("this is a HEIC image; foiparse reads PDF, HTML, e-mail, DOCX and text")


def _is_email(head: bytes) -> bool:
    """An RFC 822 header block at the very start: header lines up to the first blank line."""
    lines = head.replace(b"\r\n", b"\n").split(b"\n")
    if lines and lines[0].startswith(b"From ") and not lines[0].startswith(b"From: "):
        lines = lines[1:]  # an mbox "From " separator line
    headers: list[bytes] = []
    for line in lines:
        if not line.strip():
            break
        if line[:1] in (b" ", b"\t") and headers:
            continue  # a folded continuation line
        if not _EMAIL_HEADER.match(line):
            return False
        headers.append(line)
    names = {h.split(b":", 1)[0].strip().lower() for h in headers}
    if any(_EMAIL_ONLY.match(h) for h in headers):
        return len(headers) >= 2
    # Only memo-like headers: an e-mail when From comes with To/Subject/Date.
    return b"from" in names and len(names & {b"to", b"subject", b"date", b"sent"}) >= 2


def _sniff_zip(data: bytes) -> SourceFormat:
    try:
        archive = zipfile.ZipFile(BytesIO(data))
        names = set(archive.namelist())
        mimetype = archive.read("mimetype")[:100] if "mimetype" in names else b""
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError, zlib.error) as exc:
        raise CorruptDocument("this is a damaged zip archive, not a readable document") from exc
    if "word/document.xml" in names:
        return SourceFormat.DOCX
    if any(n.startswith("xl/") for n in names):
        raise UnsupportedFormat("this is an Excel spreadsheet (.xlsx), not a letter")
    if any(n.startswith("ppt/") for n in names):
        raise UnsupportedFormat("this is a PowerPoint presentation (.pptx), not a letter")
    if b"opendocument.text" in mimetype:
        raise UnsupportedFormat("this is an OpenDocument text (.odt); convert it to DOCX or PDF")
    if b"opendocument.spreadsheet" in mimetype:
        raise UnsupportedFormat("this is an OpenDocument spreadsheet (.ods), not a letter")
    if b"opendocument.presentation" in mimetype:
        raise UnsupportedFormat("this is an OpenDocument presentation (.odp), not a letter")
    if "content.xml" in names:
        raise UnsupportedFormat("this is an OpenDocument file; convert it to DOCX or PDF")
    raise UnsupportedFormat("this is a zip archive, not a letter; unpack it and parse its files")


def _sniff_ole(data: bytes, lower_name: str) -> SourceFormat:
    """An OLE2 file is read as Word unless its streams (or, failing those, its name) say it is
    another Office format."""
    check_word_stream(data)
    if lower_name.endswith((".xls", ".xlt")):
        raise UnsupportedFormat("this is a legacy Excel spreadsheet (.xls), not a letter")
    return SourceFormat.DOC


def _looks_utf16(data: bytes) -> bool:
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return True
    sample = data[:512]
    # ASCII text in UTF-16 has a NUL in every other byte.
    third = len(sample) // 3
    return len(sample) >= 8 and (sample[1::2].count(0) > third or sample[0::2].count(0) > third)


def _decode_head(data: bytes) -> str:
    from foiparse.load.text import decode_text

    return decode_text(data[:8192])


#: Formats whose whole input is markup or text (an e-mail's attachments are neither: the
#: e-mail loader bounds its body's size itself).
_MARKUP_FORMATS = frozenset({SourceFormat.HTML, SourceFormat.TEXT, SourceFormat.MARKDOWN})


def load(data: bytes, *, name: str | None = None, options: ParseOptions | None = None) -> Document:
    """Load ``data`` into a :class:`Document`, whatever its format.

    An e-mail that is only a cover note ("Please find attached our response") is read with the
    letters attached to it (PDF, Word, HTML, text): their text first, then the note's, then any
    quoted earlier messages.
    """
    options = ParseOptions.resolve(options)
    doc = _load_one(data, name, options, attached=False)
    if not doc.text.strip():
        raise EmptyDocument(f"no text could be read from this {doc.format.value} document")
    if len(doc.text) > options.max_text_chars:
        raise LimitExceeded(
            f"the {doc.format.value} document holds {len(doc.text):,} characters of text, over "
            f"the limit of {options.max_text_chars:,} (raise ParseOptions.max_text_chars to read it)"
        )
    return bound_blocks(doc)


def _load_one(data: bytes, name: str | None, options: ParseOptions, *, attached: bool) -> Document:
    if not data or not data.strip():
        raise EmptyDocument("the input is empty (zero bytes or only white space)")
    if len(data) > options.max_bytes:
        raise LimitExceeded(
            f"the input is {len(data):,} bytes, over the limit of {options.max_bytes:,} "
            "(raise ParseOptions.max_bytes to read it)"
        )
    fmt = sniff(data, name)
    if fmt in _MARKUP_FORMATS and len(data) > options.max_markup_bytes:
        # Markup and text cost time in proportion to their size; no real letter comes close.
        raise LimitExceeded(
            f"the {fmt.value} input is {len(data):,} bytes, over the limit of "
            f"{options.max_markup_bytes:,} for markup and text (raise ParseOptions.max_markup_bytes "
            "to read it)"
        )
    if fmt in (SourceFormat.HTML, SourceFormat.EMAIL) and _looks_utf16(data):
        # The HTML and e-mail parsers expect an 8-bit encoding; hand them UTF-8.
        from foiparse.load.text import decode_text

        data = decode_text(data).encode("utf-8")
    if fmt is SourceFormat.PDF:
        from foiparse.load.pdf import load_pdf

        return load_pdf(data, options)
    if fmt is SourceFormat.HTML:
        from foiparse.load.html import load_html

        return load_html(data, options)
    if fmt is SourceFormat.EMAIL:
        if attached:
            raise UnsupportedFormat("it is an e-mail itself; attached messages are not read")
        from foiparse.load.email import read_email

        doc, attachments = read_email(data, options)
        return _with_attachments(doc, attachments, options) if attachments else doc
    if fmt is SourceFormat.DOCX:
        from foiparse.load.docx import load_docx

        return load_docx(data, options)
    if fmt is SourceFormat.DOC:
        from foiparse.load.doc import load_doc

        return load_doc(data, options)
    from foiparse.load.text import load_text

    return load_text(data, options, markdown=fmt is SourceFormat.MARKDOWN)


#: An e-mail this short is a cover note whatever it says; ...
COVER_NOTE_WORDS = 120
#: ... one up to this long is when it points at an attachment (signatures and legal notices
#: make cover notes longer than their message).
POINTING_NOTE_WORDS = 400
_POINTS_AT_ATTACHMENT = re.compile(r"\b(?:attach(?:ed|ments?)|enclosed?|please find)\b", re.IGNORECASE)


def _with_attachments(doc: Document, attachments: Sequence[Attachment],
                      options: ParseOptions) -> Document:
    """The e-mail ``doc`` with its attached letters read in, when it is a cover note."""
    reply = [b for b in doc.blocks if b.kind is not BlockKind.QUOTE]
    quoted = [b for b in doc.blocks if b.kind is BlockKind.QUOTE]
    reply_text = " ".join(b.text for b in reply)
    words = len(reply_text.split())
    names = ", ".join(a.name or "unnamed" for a in attachments)
    if words > POINTING_NOTE_WORDS or (
            words > COVER_NOTE_WORDS and not _POINTS_AT_ATTACHMENT.search(reply_text)):
        return attrs.evolve(doc, warnings=(*doc.warnings, f"attachments not read ({names}): "
                                           "the e-mail's own text is the reply"))
    warnings = list(doc.warnings)
    letters: list[Document] = []
    for attachment in attachments:
        label = attachment.name or "an unnamed attachment"
        try:
            letter = _load_one(attachment.data, attachment.name, options, attached=True)
        except FoiParseError as exc:
            warnings.append(f"attachment {label} not read: {exc}")
            continue
        letters.append(letter)
        pages = f" ({letter.pages} pages)" if letter.pages else ""
        warnings.append(f"read attachment {label}{pages} before the e-mail's own text")
        warnings.extend(f"attachment {label}: {w}" for w in letter.warnings)
    # Page numbers mean something only when one paged document was read in.
    paged = [d for d in letters if d.pages]
    one = paged[0] if len(letters) == 1 and paged else None
    # The attached letter is the letter: it comes first, so that the stages meet its
    # letterhead, salutation and sign-off before the note's own "Dear ..." and "Regards".
    builder = DocumentBuilder(doc.format)
    for letter in letters:
        for block in letter.blocks:
            _readd(builder, block, block.text, page=block.page if one else None)
    for block in reply:
        _readd(builder, block, block.text, page=None)
    for block in quoted:
        _readd(builder, block, block.text, page=None)
    return builder.build(
        metadata=doc.metadata,
        pages=one.pages if one else None,
        ocr_pages=one.ocr_pages if one else (),
        ocr_confidence=one.ocr_confidence if one else (),
        warnings=tuple(warnings),
    )


def _readd(builder: DocumentBuilder, block: Block, text: str, *, page: int | None,
           kind: BlockKind | None = None, first: bool = True, whole: bool = True) -> None:
    """Add ``block`` (or the ``text`` of one piece of it) to ``builder`` with its styling."""
    builder.add(
        text,
        page=page,
        kind=kind or block.kind,
        bold=block.bold,
        size=block.size,
        level=block.level,
        list_label=block.list_label if first else None,
        cells=block.cells if whole else (),
    )


#: Longest block handed to the later stages. Real letters' longest paragraphs run to about a
#: thousand characters; a block of hundreds of thousands (a file with no line breaks, a
#: minified page) makes the stages' per-block pattern searches cost the square of its length.
MAX_BLOCK_CHARS = 5_000


def bound_blocks(doc: Document, limit: int = MAX_BLOCK_CHARS) -> Document:
    """``doc`` with every block longer than ``limit`` cut into pieces of at most ``limit``
    characters, at a space where there is one; ``doc`` itself when no block is that long.

    The pieces keep the block's kind (a cut table row becomes paragraphs), page and styling
    (a list label stays on the first one).
    A space at a cut becomes the ``"\n"`` between blocks, so the text keeps its length.
    """
    if all(block.end - block.start <= limit for block in doc.blocks):
        return doc
    builder = DocumentBuilder(doc.format)
    for block in doc.blocks:
        pieces = _cut(block.text, limit) if len(block.text) > limit else [block.text]
        # A cut table row no longer has whole cells: its pieces read as paragraphs.
        cut_row = len(pieces) > 1 and block.kind is BlockKind.TABLE_ROW
        kind = BlockKind.PARAGRAPH if cut_row else block.kind
        for index, piece in enumerate(pieces):
            _readd(builder, block, piece, page=block.page, kind=kind, first=index == 0,
                   whole=len(pieces) == 1)
    return attrs.evolve(builder.build(), pages=doc.pages, metadata=doc.metadata,
                        ocr_pages=doc.ocr_pages, ocr_confidence=doc.ocr_confidence,
                        warnings=(*doc.warnings, f"text with lines over {limit:,} characters "
                                  "was cut into shorter blocks"))


def _cut(text: str, limit: int) -> list[str]:
    pieces = []
    while len(text) > limit:
        at = text.rfind(" ", limit // 2, limit + 1)
        if at == -1:
            pieces.append(text[:limit])  # no space near the limit: a hard cut
            text = text[limit:]
        else:
            pieces.append(text[:at])
            text = text[at + 1 :]
    pieces.append(text)
    return pieces

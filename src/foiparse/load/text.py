"""Plain text and markdown letters."""

from __future__ import annotations

import regex

from foiparse.document import BlockKind, Document, DocumentBuilder
from foiparse.options import ParseOptions
from foiparse.records import SourceFormat

_MD_HEADING = regex.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_MD_EMPHASIS = regex.compile(r"(\*\*|__)(.+?)\1")
_MD_LINK = regex.compile(r"\[([^\]]*)\]\(([^)]*)\)")
_MD_RULE = regex.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")
_FORM_FEED = "\f"


def decode_text(data: bytes) -> str:
    """Decode bytes of unknown encoding: BOMs, UTF-8, UTF-16 without BOM, then Windows-1252."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return data.decode("utf-16", errors="replace")
    sample = data[:512]
    if len(sample) >= 8 and sample[1::2].count(0) > len(sample) // 3:
        return data.decode("utf-16-le", errors="replace")
    if len(sample) >= 8 and sample[0::2].count(0) > len(sample) // 3:
        return data.decode("utf-16-be", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def add_text_lines(builder: DocumentBuilder, text: str, *, page: int | None = None,
                   markdown: bool = False) -> None:
    """Add each non-blank line of ``text`` as a block (markdown headings and emphasis undone)."""
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = raw.replace("\u00a0", " ")
        kind = BlockKind.PARAGRAPH
        bold = False
        level = 0
        if markdown:
            if _MD_RULE.match(line):
                continue
            heading = _MD_HEADING.match(line)
            if heading:
                kind, level, line = BlockKind.HEADING, len(heading.group(1)), heading.group(2)
            if _MD_EMPHASIS.fullmatch(line.strip()):
                bold = True
            line = _MD_EMPHASIS.sub(r"\2", line)
            line = _MD_LINK.sub(r"\1", line)
        builder.add(line, page=page, kind=kind, bold=bold, level=level)


def load_text(data: bytes, options: ParseOptions, *, markdown: bool = False) -> Document:
    """Each line becomes a block; form feeds, where present, separate pages."""
    text = decode_text(data)
    builder = DocumentBuilder(SourceFormat.MARKDOWN if markdown else SourceFormat.TEXT)
    pages = text.split(_FORM_FEED)
    paged = len(pages) > 1
    for number, page_text in enumerate(pages, start=1):
        add_text_lines(builder, page_text, page=number if paged else None, markdown=markdown)
    return builder.build(pages=len(pages) if paged else None)

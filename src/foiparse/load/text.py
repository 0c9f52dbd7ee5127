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
_MD_LIST = regex.compile(r"^(\s*)(?:([-*+])|(\d{1,3}|[a-zA-Z])([.)]))\s+(.*)$")
_MD_TABLE_RULE = regex.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
_MD_QUOTE = regex.compile(r"^\s{0,3}>\s?(.*)$")
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


def add_text_lines(
    builder: DocumentBuilder, text: str, *, page: int | None = None, markdown: bool = False
) -> None:
    """Add each non-blank line of ``text`` as a block.

    In markdown, headings, lists, tables and quotes become blocks of those kinds and the
    emphasis and link markup is undone (the words stay).
    """
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = raw.replace("\u00a0", " ")
        if not markdown:
            builder.add(line, page=page)
            continue
        _add_markdown_line(builder, line, page)


def _add_markdown_line(builder: DocumentBuilder, line: str, page: int | None) -> None:
    if _MD_RULE.match(line) or (_MD_TABLE_RULE.match(line) and "-" in line):
        return
    kind = BlockKind.PARAGRAPH
    level = 0
    label: str | None = None
    cells: tuple[str, ...] = ()
    heading = _MD_HEADING.match(line)
    quote = _MD_QUOTE.match(line)
    listed = _MD_LIST.match(line)
    if heading:
        kind, level, line = BlockKind.HEADING, len(heading.group(1)), heading.group(2)
    elif quote:
        kind, line = BlockKind.QUOTE, quote.group(1)
    elif line.strip().startswith("|") and line.strip().endswith("|") and line.count("|") >= 3:
        cells = tuple(_md_inline(c.strip()) for c in line.strip()[1:-1].split("|"))
        builder.add(" | ".join(cells), page=page, kind=BlockKind.TABLE_ROW, cells=cells)
        return
    elif listed and (listed.group(2) or listed.group(3)):
        level = len(listed.group(1).expandtabs(4)) // 2
        label = "\u2022" if listed.group(2) else f"{listed.group(3)}{listed.group(4)}"
        kind, line = BlockKind.LIST_ITEM, f"{label} {listed.group(5)}"
    bold = bool(_MD_EMPHASIS.fullmatch(line.strip())) or kind is BlockKind.HEADING
    builder.add(_md_inline(line), page=page, kind=kind, bold=bold, level=level, list_label=label)


def _md_inline(text: str) -> str:
    return _MD_LINK.sub(r"\1", _MD_EMPHASIS.sub(r"\2", text))


def load_text(data: bytes, options: ParseOptions, *, markdown: bool = False) -> Document:
    """Each line becomes a block; form feeds, where present, separate pages."""
    text = decode_text(data)
    builder = DocumentBuilder(SourceFormat.MARKDOWN if markdown else SourceFormat.TEXT)
    pages = text.split(_FORM_FEED)
    paged = len(pages) > 1
    for number, page_text in enumerate(pages, start=1):
        add_text_lines(builder, page_text, page=number if paged else None, markdown=markdown)
    return builder.build(pages=len(pages) if paged else None)

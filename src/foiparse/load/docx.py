"""Word .docx letters through python-docx.

The body is read in its own order, paragraphs and tables interleaved (python-docx's
``document.paragraphs`` and ``document.tables`` would separate them). List numbering is worked
out from ``numbering.xml`` the way Word shows it ("1.", "a)", "ii.", "•") and put in front of the
item's text. Letterheads often live in the page header or footer, or in text boxes; their text
is kept, the header's and footer's at the start.

Before python-docx sees the file, the archive is checked: its unpacked size against
``ParseOptions.max_unzipped_bytes`` and each member's compression ratio (zip bombs), and its XML
for DTDs (entity expansion attacks; Word never writes a DTD).
"""

from __future__ import annotations

import statistics
import zipfile
import zlib
from collections.abc import Iterator
from io import BytesIO
from typing import Any

import attrs
import docx
import regex
from docx.oxml.ns import qn

from foiparse.document import BlockKind, Document, DocumentBuilder
from foiparse.errors import CorruptDocument, FoiParseError, LimitExceeded
from foiparse.load.common import alphabetic, library_reason, roman
from foiparse.options import ParseOptions
from foiparse.records import SourceFormat

#: A member that unpacks to more than this many times its packed size is a zip bomb.
_MAX_RATIO = 200
#: ... provided it is big enough to matter (tiny members compress absurdly well).
_RATIO_FLOOR = 1024 * 1024
_DTD = regex.compile(rb"<!DOCTYPE|<!ENTITY", regex.IGNORECASE)
_HEADING_STYLE = regex.compile(r"^(heading|title|subtitle)\s*(\d*)", regex.IGNORECASE)
_PAGE_FURNITURE = regex.compile(r"^\s*(page\s*)?\d{1,4}(\s*(of|/)\s*\d{1,4})?\s*$", regex.I)
_BULLET_GLYPHS = {
    "\uf0b7": "\u2022",
    "\uf0a7": "\u25aa",
    "o": "\u25e6",
    "\uf0d8": "\u2022",
    "\uf076": "\u2022",
    "\uf0fc": "\u2022",
    "-": "-",
    "\u2013": "\u2013",
}


def load_docx(data: bytes, options: ParseOptions) -> Document:
    """Read a .docx into a :class:`Document` (body order, list labels, table rows)."""
    check_archive(data, options)
    try:
        document = docx.Document(BytesIO(data))
        builder = DocumentBuilder(SourceFormat.DOCX)
        numbering = _Numbering.from_document(document)
        styles = _read_styles(document)
        for block in _furniture(document, styles, numbering):
            block.add_to(builder)
        for block in _body_blocks(document.element.body, styles, numbering):
            block.add_to(builder)
    except FoiParseError:
        raise
    except RecursionError as exc:
        raise CorruptDocument("the DOCX's XML is nested too deeply to read") from exc
    except Exception as exc:  # python-docx/lxml raise KeyError, ValueError, XMLSyntaxError...
        raise CorruptDocument(
            f"the DOCX is damaged and cannot be read ({library_reason(exc)})"
        ) from exc
    return builder.build()




def check_archive(data: bytes, options: ParseOptions) -> None:
    """Refuse zip bombs and XML with DTDs before any XML parser runs."""
    try:
        archive = zipfile.ZipFile(BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise CorruptDocument(f"the DOCX is not a readable zip archive ({exc})") from exc
    total = sum(m.file_size for m in members)
    if total > options.max_unzipped_bytes:
        raise LimitExceeded(
            f"the DOCX unpacks to {total:,} bytes, over the limit of "
            f"{options.max_unzipped_bytes:,} (raise ParseOptions.max_unzipped_bytes to read it)"
        )
    for member in members:
        if member.file_size > _RATIO_FLOOR and member.file_size > _MAX_RATIO * max(member.compress_size, 1):
            raise LimitExceeded(
                f"the DOCX member {member.filename} expands {member.file_size:,} bytes from "
                f"{member.compress_size:,}: a compression ratio that only zip bombs have"
            )
    for member in members:
        if not member.filename.lower().endswith((".xml", ".rels")):
            continue
        try:
            with archive.open(member) as handle:
                head = handle.read(4096)
        except (
            zipfile.BadZipFile,
            OSError,
            ValueError,
            EOFError,
            NotImplementedError,
            zlib.error,
        ) as exc:
            raise CorruptDocument(f"the DOCX member {member.filename} is damaged ({exc})") from exc
        if _DTD.search(head):
            raise CorruptDocument(
                f"the DOCX member {member.filename} declares a DTD; Word never writes one, and "
                "its entities could be an attack, so the file is refused"
            )


@attrs.define
class _Block:
    text: str
    kind: BlockKind = BlockKind.PARAGRAPH
    bold: bool = False
    size: float | None = None
    level: int = 0
    list_label: str | None = None
    cells: tuple[str, ...] = ()

    def add_to(self, builder: DocumentBuilder) -> None:
        builder.add(
            self.text,
            kind=self.kind,
            bold=self.bold,
            size=self.size,
            level=self.level,
            list_label=self.list_label,
            cells=self.cells,
        )


@attrs.define
class _Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1


@attrs.define
class _Numbering:
    """List definitions from numbering.xml and the running counters for each list."""

    abstract_of: dict[str, str] = attrs.field(factory=dict)
    levels: dict[str, dict[int, _Level]] = attrs.field(factory=dict)
    overrides: dict[str, dict[int, int]] = attrs.field(factory=dict)
    counters: dict[str, dict[int, int]] = attrs.field(factory=dict)

    @classmethod
    def from_document(cls, document: Any) -> _Numbering:
        numbering = cls()
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return numbering  # no numbering part: no lists
        abstract_levels: dict[str, dict[int, _Level]] = {}
        for abstract in root.iterchildren(qn("w:abstractNum")):
            levels: dict[int, _Level] = {}
            for lvl in abstract.iterchildren(qn("w:lvl")):
                level = _Level(
                    fmt=_val(lvl.find(qn("w:numFmt"))) or "decimal",
                    text=_val(lvl.find(qn("w:lvlText"))) or "",
                    start=_int(_val(lvl.find(qn("w:start"))), 1),
                )
                levels[_int(lvl.get(qn("w:ilvl")), 0)] = level
            abstract_levels[abstract.get(qn("w:abstractNumId")) or ""] = levels
        for num in root.iterchildren(qn("w:num")):
            num_id = num.get(qn("w:numId")) or ""
            abstract_id = _val(num.find(qn("w:abstractNumId"))) or ""
            numbering.levels[num_id] = abstract_levels.get(abstract_id, {})
            overrides = {}
            for override in num.iterchildren(qn("w:lvlOverride")):
                start = override.find(qn("w:startOverride"))
                if start is not None:
                    overrides[_int(override.get(qn("w:ilvl")), 0)] = _int(_val(start), 1)
            numbering.overrides[num_id] = overrides
        return numbering

    def label(self, num_id: str, ilvl: int) -> str | None:
        """Advance the counter of list ``num_id`` at ``ilvl`` and return the label shown."""
        levels = self.levels.get(num_id)
        if not levels or num_id == "0":
            return None  # numId 0 switches numbering off
        level = levels.get(ilvl, _Level())
        counters = self.counters.setdefault(num_id, {})
        start = self.overrides.get(num_id, {}).get(ilvl, level.start)
        counters[ilvl] = counters[ilvl] + 1 if ilvl in counters else start
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]  # a new item restarts its sub-lists
        if level.fmt == "bullet":
            glyph = level.text.strip()
            return _BULLET_GLYPHS.get(glyph, "\u2022")
        if level.fmt == "none":
            return None

        def placeholder(match: regex.Match[str]) -> str:
            index = int(match.group(1)) - 1
            shown = levels.get(index, _Level())
            value = counters.get(index, self.overrides.get(num_id, {}).get(index, shown.start))
            return _format(value, shown.fmt)

        text = regex.sub(r"%(\d)", placeholder, level.text or f"%{ilvl + 1}.")
        return text.strip() or None


def _val(element: Any) -> str | None:
    return None if element is None else element.get(qn("w:val"))


def _int(value: str | None, default: int) -> int:
    return int(value) if value is not None and regex.fullmatch(r"-?\d+", value) else default


def _format(number: int, fmt: str) -> str:
    """A counter in a Word number format (decimal, lowerLetter, upperRoman...)."""
    if fmt in ("lowerLetter", "upperLetter") and number > 0:
        letters = alphabetic(number)
        return letters.upper() if fmt == "upperLetter" else letters
    if fmt in ("lowerRoman", "upperRoman") and number > 0:
        numerals = roman(number)
        return numerals.upper() if fmt == "upperRoman" else numerals
    if fmt == "decimalZero":
        return f"{number:02d}"
    return str(number)


def _furniture(document: Any, styles: _Styles, numbering: _Numbering) -> Iterator[_Block]:
    """Text of the first section's page headers and footers (letterheads, addresses)."""
    if not document.sections:
        return
    section = document.sections[0]
    seen: set[str] = set()
    parts = []
    for name in ("first_page_header", "header", "first_page_footer", "footer"):
        try:
            part = getattr(section, name)
            if part.is_linked_to_previous and name.startswith("first_page"):
                continue
            parts.append(part._element)
        except (AttributeError, KeyError, ValueError):
            continue
    for element in parts:
        for block in _body_blocks(element, styles, numbering):
            key = " ".join(block.text.lower().split())
            if key in seen or _PAGE_FURNITURE.match(block.text):
                continue
            seen.add(key)
            yield block


def _body_blocks(container: Any, styles: _Styles, numbering: _Numbering) -> Iterator[_Block]:
    """Blocks of a body-like element (body, header, cell) in document order."""
    for child in container.iterchildren():
        tag = child.tag
        if tag == qn("w:p"):
            yield from _text_boxes(child, styles, numbering)
            block = _paragraph(child, styles, numbering)
            if block is not None:
                yield block
        elif tag == qn("w:tbl"):
            yield from _table(child)
        elif tag in (qn("w:sdt"), qn("w:customXml"), qn("w:ins"), qn("w:smartTag")):
            content = child.find(qn("w:sdtContent"))
            yield from _body_blocks(content if content is not None else child, styles, numbering)


def _text_boxes(paragraph: Any, styles: _Styles, numbering: _Numbering) -> Iterator[_Block]:
    # A text box's paragraphs are nested in the anchoring paragraph's drawing; VML fallbacks
    # repeat the same box, so only the first copy of each text is kept.
    seen: set[str] = set()
    for box in paragraph.iter(qn("w:txbxContent")):
        for block in _body_blocks(box, styles, numbering):
            if block.text not in seen:
                seen.add(block.text)
                yield block


def _paragraph(p: Any, styles: _Styles, numbering: _Numbering) -> _Block | None:
    texts: list[tuple[str, bool]] = []
    sizes: list[float] = []
    ppr = p.find(qn("w:pPr"))
    style_id = _val(ppr.find(qn("w:pStyle"))) if ppr is not None else None
    style = styles.get(style_id) if style_id else None
    style_bold = style.bold if style is not None else False
    for run in _runs(p):
        text = _run_text(run)
        if not text:
            continue
        rpr = run.find(qn("w:rPr"))
        bold = _on(rpr, "w:b") if rpr is not None and rpr.find(qn("w:b")) is not None else style_bold
        texts.append((text, bold))
        half_points = None if rpr is None else _val(rpr.find(qn("w:sz")))
        if half_points and regex.fullmatch(r"\d+", half_points):
            sizes.append(int(half_points) / 2)
    text = " ".join("".join(t for t, _ in texts).split())
    if not text:
        return None
    bold = all(b for t, b in texts if t.strip())
    size = statistics.median(sizes) if sizes else None
    num_id, ilvl = _num_pr(ppr, style)
    label = numbering.label(num_id, ilvl) if num_id is not None else None
    heading = _HEADING_STYLE.match(style.name) if style is not None else None
    if label is not None:
        return _Block(f"{label} {text}", BlockKind.LIST_ITEM, bold, size, ilvl, label)
    if heading:
        level = int(heading.group(2)) if heading.group(2) else 1
        return _Block(text, BlockKind.HEADING, True, size, level)
    return _Block(text, BlockKind.PARAGRAPH, bold, size)


def _runs(p: Any) -> Iterator[Any]:
    """The paragraph's runs, including those inside hyperlinks, fields and insertions."""
    for child in p.iterchildren():
        if child.tag == qn("w:r"):
            yield child
        elif child.tag in (
            qn("w:hyperlink"),
            qn("w:ins"),
            qn("w:smartTag"),
            qn("w:fldSimple"),
            qn("w:customXml"),
            qn("w:sdt"),
        ):
            for run in child.iter(qn("w:r")):
                if not any(a.tag == qn("w:txbxContent") for a in run.iterancestors()):
                    yield run


def _run_text(run: Any) -> str:
    out = []
    for node in run.iterchildren():
        if node.tag == qn("w:t"):
            out.append(node.text or "")
        elif node.tag in (qn("w:tab"), qn("w:br"), qn("w:cr")):
            out.append(" ")
        elif node.tag == qn("w:noBreakHyphen"):
            out.append("-")
    return "".join(out)


def _on(rpr: Any, name: str) -> bool:
    element = rpr.find(qn(name))
    if element is None:
        return False
    return _val(element) not in ("0", "false", "off")


@attrs.frozen
class _Style:
    """What a paragraph style gives its paragraphs."""

    name: str
    bold: bool
    num_pr: Any  # the style's own list numbering (w:numPr), or None


#: Paragraph styles by style id.
_Styles = dict[str, _Style]


def _read_styles(document: Any) -> _Styles:
    """The document's styles, read once (a letter has hundreds of paragraphs, dozens of styles)."""
    out: _Styles = {}
    try:
        styles = list(document.styles)
    except (KeyError, ValueError, AttributeError):
        return out
    for style in styles:
        try:
            style_id = style.style_id
            if not style_id or style_id in out:  # a repeated id: the first one counts
                continue
            bold = False
            current = style
            for _ in range(10):  # follow basedOn a few steps; styles can form long chains
                if current is None:
                    break
                font = getattr(current, "font", None)
                if font is not None and font.bold is not None:
                    bold = bool(font.bold)
                    break
                current = getattr(current, "base_style", None)  # numbering styles have none
            ppr = style.element.find(qn("w:pPr"))
            num_pr = ppr.find(qn("w:numPr")) if ppr is not None else None
            out[style_id] = _Style(str(style.name or ""), bold, num_pr)
        except (KeyError, ValueError, AttributeError):
            continue  # a damaged style: its paragraphs read as unstyled
    return out


def _num_pr(ppr: Any, style: _Style | None) -> tuple[str | None, int]:
    """The paragraph's list (numId, level), from its own properties or its style's."""
    num_pr = ppr.find(qn("w:numPr")) if ppr is not None else None
    if num_pr is None and style is not None:
        num_pr = style.num_pr
    if num_pr is None:
        return None, 0
    num_id = _val(num_pr.find(qn("w:numId")))
    return num_id, _int(_val(num_pr.find(qn("w:ilvl"))), 0)


def _table(tbl: Any) -> Iterator[_Block]:
    for tr in tbl.iterchildren(qn("w:tr")):
        cells = []
        for tc in tr.iterchildren(qn("w:tc")):
            merge = tc.find(qn("w:tcPr"))
            v_merge = merge.find(qn("w:vMerge")) if merge is not None else None
            if v_merge is not None and _val(v_merge) in (None, "continue"):
                cells.append("")  # the lower part of a vertically merged cell repeats nothing
                continue
            paragraphs = ["".join(_run_text(r) for r in _runs(p)) for p in tc.iter(qn("w:p"))]
            cells.append(" ".join(" ".join(paragraphs).split()))
        if any(cells):
            yield _Block(" | ".join(cells), BlockKind.TABLE_ROW, cells=tuple(cells))

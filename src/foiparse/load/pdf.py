"""PDF letters through pdfplumber: lines in reading order, tables as rows, OCR for scans.

The loader works page by page: characters are de-duplicated (some letters fake bold by printing
every glyph twice), grouped into words and the words into lines; two-column stretches (a
letterhead beside the addressee's address) are read column by column; tables found by
pdfplumber become ``TABLE_ROW`` blocks and their words are kept out of the lines. Across pages,
lines repeated at the top or bottom of most pages (running headers and footers) and page numbers
are dropped; a word broken by a hyphen at a line end is mended. Pages are pdfplumber pages
whose characters are converted with only the attributes read here (:class:`_LeanPage`).
"""

from __future__ import annotations

import itertools
import statistics
import unicodedata
from io import BytesIO
from typing import Any

import attrs
import pdfplumber
import regex
from pdfminer.layout import LTChar, LTItem
from pdfminer.pdfdocument import PDFEncryptionError
from pdfminer.pdfpage import PDFPage
from pdfplumber.page import Page, fix_fontname_bytes

from foiparse.document import BlockKind, Document, DocumentBuilder
from foiparse.errors import (
    CorruptDocument,
    EncryptedDocument,
    FoiParseError,
    LimitExceeded,
    NoTextLayer,
)
from foiparse.load.common import library_reason
from foiparse.load.ocr import OcrPage, OcrUnavailable, ocr_pdf_pages  # its engines load lazily
from foiparse.options import OcrMode, ParseOptions
from foiparse.records import SourceFormat

# Presentation forms that PDF fonts use for ligatures; letters want the plain letters.
_LIGATURES = str.maketrans(
    {
        "\ufb00": "ff",
        "\ufb01": "fi",
        "\ufb02": "fl",
        "\ufb03": "ffi",
        "\ufb04": "ffl",
        "\ufb05": "st",
        "\ufb06": "st",
        "\u00ad": "",
        # Symbol/Wingdings bullets arrive as private-use code points.
        "\uf0b7": "\u2022",
        "\uf0a7": "\u25aa",
        "\uf076": "\u2022",
        "\uf0d8": "\u2022",
        "\uf0fc": "\u2022",
        "\uf0a8": "\u2022",
        "\uf02d": "-",
    }
)
# "Page 2", "Page 2 of 5", "2 of 5", "- 2 -", "2/5", "2": page furniture, never letter text.
_PAGE_NUMBER = regex.compile(
    r"^\s*(?:page\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?|\d{1,4}\s*(?:of|/)\s*\d{1,4}"
    r"|[-\u2013\u2014]?\s*\d{1,4}\s*[-\u2013\u2014]?)\s*$",
    regex.IGNORECASE,
)
# A word split at a line end: "informa-" + "tion". The next line must start in lower case,
# otherwise the hyphen is kept ("North-" + "West", "2020-" + "2021").
_HYPHEN_END = regex.compile(r"(\p{L})[-\u2010\u00ad]$")
_LOWER_START = regex.compile(r"^\p{Ll}")
#: Two identical glyphs closer than this (points) are one glyph printed twice.
_DUPLICATE_TOLERANCE = 1.0
#: Running lines sit at the same height on each page, give or take this many points.
_SAME_HEIGHT = 4.0
#: Share of the page height, at top and bottom, where running headers and footers live.
_MARGIN_ZONE = 0.14


@attrs.define
class _Line:
    """One line of a page before it becomes a block (positions in PDF points)."""

    page: int
    top: float
    bottom: float
    x0: float
    x1: float
    text: str
    bold: bool = False
    size: float | None = None
    kind: BlockKind = BlockKind.PARAGRAPH
    cells: tuple[str, ...] = ()
    page_height: float = 0.0
    ocr: bool = False


def load_pdf(data: bytes, options: ParseOptions) -> Document:
    """Read a PDF into a :class:`Document` with a page number on every block."""
    try:
        # Not ``with``: PDF.close() builds every page object again only to close it (a second
        # walk of the page tree, whose failure would hide the first error). The stream is an
        # in-memory buffer, so there is nothing else to release.
        pdf = pdfplumber.open(BytesIO(data), password="")
        page_objects = list(PDFPage.create_pages(pdf.doc))
        n_pages = len(page_objects)
        if n_pages > options.max_pages:
            raise LimitExceeded(
                f"the PDF has {n_pages} pages, over the limit of {options.max_pages} "
                "(raise ParseOptions.max_pages to read it)"
            )
        pages: list[list[_Line]] = []
        doctop = 0.0
        for number, page_object in enumerate(page_objects, start=1):
            page = _LeanPage(pdf, page_object, page_number=number, initial_doctop=doctop)
            doctop += float(page.height)
            pages.append(_page_lines(page, number))
            page.flush_cache()
    except FoiParseError:
        raise
    except RecursionError as exc:
        raise CorruptDocument("the PDF's structure is nested too deeply to read") from exc
    except Exception as exc:  # pdfminer raises many unrelated types on damaged files
        if _is_encryption_error(exc):
            raise EncryptedDocument("the PDF is encrypted and the empty password does not open it") from exc
        raise CorruptDocument(f"the PDF is damaged and cannot be read ({library_reason(exc)})") from exc
    return _assemble(data, pages, n_pages, options)




class _LeanPage(Page):
    """A pdfplumber page whose characters are converted lean.

    pdfplumber turns every pdfminer object into a dict of all its attributes, resolving colour
    spaces and graphic state on the way; for a letter's characters that is about half of the
    time it takes to read a page. The loader (and pdfplumber's word and table finders it calls)
    read a character's text, box, font, size and direction only, so characters get those.
    Every other object (the lines and rectangles tables are found from) goes through
    pdfplumber's own conversion.
    """

    def process_object(self, obj: LTItem) -> dict[str, Any]:
        if not isinstance(obj, LTChar):
            return super().process_object(obj)
        frame = self.__dict__.get("_lean_frame")
        if frame is None:
            frame = self._lean_frame = (self.height, self.mediabox[0], self.mediabox[1])
        height, mb_x0, mb_top = frame
        text = obj.get_text()
        if self.pdf.unicode_norm is not None:
            text = unicodedata.normalize(self.pdf.unicode_norm, text)
        fontname = obj.fontname
        if isinstance(fontname, bytes):
            fontname = fix_fontname_bytes(fontname)
        top = height - obj.y1 + mb_top
        return {
            "object_type": "char",
            "page_number": self.page_number,
            "text": text,
            "fontname": fontname,
            "size": obj.size,
            "adv": obj.adv,
            "upright": obj.upright,
            "matrix": obj.matrix,
            "mcid": getattr(obj, "mcid", None),
            "tag": getattr(obj, "tag", None),
            "x0": obj.x0 + mb_x0,
            "x1": obj.x1 + mb_x0,
            "y0": obj.y0,
            "y1": obj.y1,
            "width": obj.width,
            "height": obj.height,
            "top": top,
            "bottom": height - obj.y0 + mb_top,
            "doctop": self.initial_doctop + top,
        }


def _is_encryption_error(exc: BaseException) -> bool:
    """Whether pdfminer's password error is anywhere in ``exc``'s chain (pdfplumber wraps it)."""
    seen: set[int] = set()
    stack: list[object] = [exc]
    while stack:
        current = stack.pop()
        if not isinstance(current, BaseException) or id(current) in seen:
            continue
        seen.add(id(current))
        if isinstance(current, PDFEncryptionError):
            return True
        stack.extend([current.__cause__, current.__context__, *current.args])
    return False


def _assemble(data: bytes, pages: list[list[_Line]], n_pages: int, options: ParseOptions) -> Document:
    """Apply the OCR policy, drop page furniture, mend hyphens and build the document."""
    warnings: list[str] = []
    empty = [n for n, lines in enumerate(pages, start=1) if not lines]
    if options.ocr is OcrMode.ALWAYS:
        to_ocr = list(range(1, n_pages + 1))
    elif options.ocr is OcrMode.AUTO:
        to_ocr = empty
    else:
        to_ocr = []
    ocr_pages: list[int] = []
    ocr_conf: list[float] = []
    if to_ocr:
        results = _run_ocr(data, to_ocr, options, has_text=len(empty) < n_pages)
        if results is None:
            warnings.append(_skipped_warning(empty, "OCR is not available"))
        else:
            for result in results:
                ocr_pages.append(result.page)
                ocr_conf.append(float(result.confidence))
                if result.confidence < options.ocr_min_confidence:
                    warnings.append(
                        f"page {result.page}: OCR confidence {result.confidence:.0f} is below "
                        f"{options.ocr_min_confidence:.0f}; its text may be wrong"
                    )
                if 1 <= result.page <= n_pages:
                    pages[result.page - 1] = _ocr_lines(result.page, result.text)
    elif empty:
        if len(empty) == n_pages:
            raise NoTextLayer(
                "the PDF has no text layer (a scan): OCR is needed to read it "
                "(set ParseOptions.ocr to 'auto' and install the 'ocr' extra and Tesseract)"
            )
        warnings.append(_skipped_warning(empty, "OCR is off"))
    _drop_page_furniture(pages)
    lines = [line for page in pages for line in page]
    _mend_hyphens(lines)
    _mark_headings(lines)
    builder = DocumentBuilder(SourceFormat.PDF)
    for line in lines:
        builder.add(
            line.text,
            page=line.page,
            kind=line.kind,
            bold=line.bold,
            size=line.size,
            cells=line.cells,
        )
    return builder.build(
        pages=n_pages,
        ocr_pages=tuple(ocr_pages),
        ocr_confidence=tuple(ocr_conf),
        warnings=tuple(warnings),
    )


def _skipped_warning(pages: list[int], why: str) -> str:
    listed = ", ".join(str(p) for p in pages)
    return f"page(s) {listed} have no text layer and were skipped ({why})"


def _run_ocr(
    data: bytes, to_ocr: list[int], options: ParseOptions, *, has_text: bool
) -> list[OcrPage] | None:
    """OCR the pages, or ``None`` when OCR is unavailable and the text layer must do."""
    try:
        return ocr_pdf_pages(data, to_ocr, options)
    except OcrUnavailable as exc:
        # ALWAYS was asked for explicitly, and a scan with no text at all cannot be read without
        # OCR: both are errors. Otherwise the pages that do have text still make a letter.
        if options.ocr is OcrMode.ALWAYS or not has_text:
            if isinstance(exc, NoTextLayer):
                raise
            raise NoTextLayer(f"the PDF has no text layer and OCR failed: {exc}") from exc
        return None


def _ocr_lines(page: int, text: str) -> list[_Line]:
    lines = []
    for index, raw in enumerate(text.splitlines()):
        clean = clean_pdf_text(raw)
        if clean:
            lines.append(_Line(page, float(index), float(index), 0.0, 0.0, clean, ocr=True))
    return lines


def _page_lines(page: Any, number: int) -> list[_Line]:
    """The page's lines and table rows, top to bottom, columns read one after the other."""
    page = _dedupe_chars(page)
    height = float(page.height)
    tables: list[tuple[Any, list[list[str | None]]]] = []  # each table with its rows, read once
    try:
        found = [(t, t.extract()) for t in page.find_tables()]
        tables = [(t, rows) for t, rows in found if _is_data_table(rows)]
    except (ValueError, IndexError, ZeroDivisionError):
        tables = []  # table detection is a nicety: a page without it still reads as lines
    boxes = [t.bbox for t, _ in tables]

    def outside_tables(obj: dict[str, Any]) -> bool:
        mid_x = (obj["x0"] + obj["x1"]) / 2
        mid_y = (obj["top"] + obj["bottom"]) / 2
        return not any(x0 <= mid_x <= x1 and top <= mid_y <= bottom for x0, top, x1, bottom in boxes)

    words = [
        w
        for w in page.extract_words(extra_attrs=["fontname", "size"], keep_blank_chars=False)
        if w["text"].strip() and outside_tables(w)
    ]
    lines = _columns_first(_group_lines(words), number, height)
    for table, rows in tables:
        for row, cells in zip(table.rows, rows, strict=False):
            texts = tuple(clean_pdf_text(c or "") for c in cells)
            if not any(texts):
                continue
            x0, top, x1, bottom = row.bbox
            lines.append(
                _Line(
                    number,
                    float(top),
                    float(bottom),
                    float(x0),
                    float(x1),
                    " | ".join(texts),
                    kind=BlockKind.TABLE_ROW,
                    cells=texts,
                    page_height=height,
                )
            )
    lines.sort(key=lambda line: line.top if line.kind is BlockKind.TABLE_ROW else -1.0)
    return _merge_in_order(lines)


def _is_data_table(rows: list[list[str | None]]) -> bool:
    """A real table (given its extracted rows): two rows or more, and at least two columns
    that hold text.

    Boxed paragraphs (a bordered footer, a shaded notice) are found as one-column "tables";
    they read better as lines.
    """
    if len(rows) < 2:
        return False
    filled = {i for row in rows for i, cell in enumerate(row) if cell and cell.strip()}
    return len(filled) >= 2


def _dedupe_chars(page: Any) -> Any:
    """Drop glyphs printed twice at (almost) the same spot, a way some PDFs fake bold.

    pdfplumber's own ``dedupe_chars`` sorts every character and is slow on long pages; a grid
    of one-point cells finds the same duplicates in one pass. Real double letters ("ll") sit a
    glyph's width apart, well beyond the tolerance.
    """
    seen: dict[tuple[str, int, int], list[tuple[float, float]]] = {}
    duplicates: set[int] = set()
    for char in page.chars:
        x, y = float(char["x0"]), float(char["top"])
        cell_x, cell_y = int(x), int(y)
        near = (
            (px, py)
            for dx in (-1, 0, 1)
            for dy in (-1, 0, 1)
            for px, py in seen.get((char["text"], cell_x + dx, cell_y + dy), ())
        )
        if any(abs(px - x) < _DUPLICATE_TOLERANCE and abs(py - y) < _DUPLICATE_TOLERANCE for px, py in near):
            duplicates.add(id(char))
        else:
            seen.setdefault((char["text"], cell_x, cell_y), []).append((x, y))
    if not duplicates:
        return page
    return page.filter(lambda obj: id(obj) not in duplicates)


def _merge_in_order(lines: list[_Line]) -> list[_Line]:
    """Put table rows among the text lines by their vertical position.

    Text lines are already in reading order (which for columns is not top-to-bottom), so a
    row goes before the first text line lying below it.
    """
    rows = [line for line in lines if line.kind is BlockKind.TABLE_ROW]
    text = [line for line in lines if line.kind is not BlockKind.TABLE_ROW]
    out: list[_Line] = []
    row_index = 0
    for line in text:
        while row_index < len(rows) and rows[row_index].top <= line.top:
            out.append(rows[row_index])
            row_index += 1
        out.append(line)
    out.extend(rows[row_index:])
    return out


def _group_lines(words: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Words grouped into lines: a word joins a line when it overlaps it vertically."""
    lines: list[list[dict[str, Any]]] = []
    for word in sorted(words, key=lambda w: (round(w["top"], 1), w["x0"])):
        placed = False
        for line in reversed(lines[-3:]):
            top = min(w["top"] for w in line)
            bottom = max(w["bottom"] for w in line)
            overlap = min(bottom, word["bottom"]) - max(top, word["top"])
            if overlap > 0.5 * min(bottom - top, word["bottom"] - word["top"]):
                line.append(word)
                placed = True
                break
        if not placed:
            lines.append([word])
    for line in lines:
        line.sort(key=lambda w: w["x0"])
    return lines


def _chunks(line: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """A line cut where the gap between words is far wider than a space (a column gutter)."""
    sizes = [float(w["size"]) for w in line]
    gutter = max(18.0, 2.5 * statistics.median(sizes))
    chunks = [[line[0]]]
    for word in line[1:]:
        if word["x0"] - chunks[-1][-1]["x1"] > gutter:
            chunks.append([word])
        else:
            chunks[-1].append(word)
    return chunks


def _columns_first(words_by_line: list[list[dict[str, Any]]], page: int, height: float) -> list[_Line]:
    """Lines in reading order: inside a two-column band, the left column before the right.

    A band is a run of lines close together that all split at one gutter (or lie wholly on
    one side of it) and where at least two lines have words on both sides.
    """
    out: list[_Line] = []
    index = 0
    while index < len(words_by_line):
        band_end, gutter = _band(words_by_line, index)
        if gutter is None:
            out.extend(_make_line(chunk, page, height) for chunk in _split_wide(words_by_line[index]))
            index += 1
            continue
        left: list[_Line] = []
        right: list[_Line] = []
        for line in words_by_line[index:band_end]:
            lw = [w for w in line if w["x1"] <= gutter]
            rw = [w for w in line if w["x0"] >= gutter]
            if lw:
                left.append(_make_line(lw, page, height))
            if rw:
                right.append(_make_line(rw, page, height))
        out.extend(left)
        out.extend(right)
        index = band_end
    return out


def _split_wide(line: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Keep a line whole unless a gutter splits it; then each side is its own block."""
    chunks = _chunks(line)
    return chunks if len(chunks) == 2 else [line]


def _band(lines: list[list[dict[str, Any]]], start: int) -> tuple[int, float | None]:
    """Where a two-column band starting at ``start`` ends, and its gutter's x (or ``None``)."""
    first = _chunks(lines[start])
    if len(first) != 2:
        return start + 1, None
    lo, hi = first[0][-1]["x1"], first[1][0]["x0"]
    split = 1
    end = start + 1
    line_height = max(w["bottom"] - w["top"] for w in lines[start])
    previous_bottom = max(w["bottom"] for w in lines[start])
    while end < len(lines):
        line = lines[end]
        top = min(w["top"] for w in line)
        if top - previous_bottom > 1.2 * line_height:
            break  # a paragraph gap ends the band
        left_edge = max((w["x1"] for w in line if w["x1"] <= hi), default=None)
        right_edge = min((w["x0"] for w in line if w["x0"] >= lo), default=None)
        crossing = any(w["x0"] < hi and w["x1"] > lo for w in line)
        if crossing:
            # A word lying across the gap ends the band unless the gap can shrink around it.
            new_lo = max([lo, *(w["x1"] for w in line if w["x1"] <= hi)])
            new_hi = min([hi, *(w["x0"] for w in line if w["x0"] >= lo)])
            if any(w["x0"] < new_hi and w["x1"] > new_lo for w in line) or new_hi - new_lo < 10:
                break
            lo, hi = new_lo, new_hi
        if left_edge is not None and right_edge is not None:
            split += 1
        previous_bottom = max(w["bottom"] for w in line)
        end += 1
    if split < 2:
        return start + 1, None
    return end, (lo + hi) / 2


def clean_pdf_text(text: str) -> str:
    """Ligatures and private-use bullets replaced, soft hyphens dropped, spaces squeezed."""
    return " ".join(text.translate(_LIGATURES).split())


def _make_line(words: list[dict[str, Any]], page: int, height: float) -> _Line:
    text = clean_pdf_text(" ".join(w["text"] for w in words))
    bold_chars = sum(len(w["text"]) for w in words if "bold" in str(w["fontname"]).lower())
    total = sum(len(w["text"]) for w in words)
    sizes = [float(w["size"]) for w in words]
    return _Line(
        page=page,
        top=float(min(w["top"] for w in words)),
        bottom=float(max(w["bottom"] for w in words)),
        x0=float(words[0]["x0"]),
        x1=float(words[-1]["x1"]),
        text=text,
        bold=total > 0 and bold_chars / total > 0.6,
        size=round(statistics.median(sizes), 1),
        page_height=height,
    )


def _furniture_key(text: str) -> str:
    """Normalise a line for comparing across pages (page numbers differ, so digits go)."""
    return regex.sub(r"\d+", "#", " ".join(text.lower().split()))


def _in_margin(line: _Line) -> bool:
    if line.ocr or line.page_height <= 0:
        return False
    return line.top < _MARGIN_ZONE * line.page_height or line.bottom > (1 - _MARGIN_ZONE) * line.page_height


def _drop_page_furniture(pages: list[list[_Line]]) -> None:
    """Remove running headers/footers and page numbers, in place.

    A running line is one whose text (digits aside) recurs in the top or bottom margin of most
    pages at the same height; requiring the same height keeps a salutation or a heading that
    merely happens to open several pages.
    """
    text_pages = [p for p in pages if p and not p[0].ocr]
    tops: dict[str, list[float]] = {}
    for page in text_pages:
        firsts: dict[str, float] = {}
        for line in page:
            if _in_margin(line):
                firsts.setdefault(_furniture_key(line.text), line.top)
        for key, top in firsts.items():
            tops.setdefault(key, []).append(top)
    # Repeated on most pages, and on at least two: a one-page letter has no running lines.
    threshold = max(2, (len(text_pages) * 3 + 4) // 5)
    repeated: dict[str, float] = {}
    for key, found in tops.items():
        middle = statistics.median(found)
        if sum(1 for top in found if abs(top - middle) <= _SAME_HEIGHT) >= threshold:
            repeated[key] = middle
    for index, page in enumerate(pages):
        kept = []
        for position, line in enumerate(page):
            edge = position < 2 or position >= len(page) - 2
            key = _furniture_key(line.text)
            running = key in repeated and abs(line.top - repeated[key]) <= _SAME_HEIGHT
            if line.kind is not BlockKind.TABLE_ROW and (
                (_in_margin(line) and running)
                or ((_in_margin(line) or (line.ocr and edge)) and _PAGE_NUMBER.match(line.text))
            ):
                continue
            kept.append(line)
        pages[index] = kept


def _mend_hyphens(lines: list[_Line]) -> None:
    """Join a word hyphenated across two lines onto the first line, in place."""
    for current, following in itertools.pairwise(lines):
        if current.kind is BlockKind.TABLE_ROW or following.kind is BlockKind.TABLE_ROW:
            continue
        if not _HYPHEN_END.search(current.text) or not _LOWER_START.match(following.text):
            continue
        if current.text.endswith(" -"):
            continue  # a dash standing alone, not a broken word
        head, _, rest = following.text.partition(" ")
        current.text = current.text[:-1] + head
        following.text = rest


def _mark_headings(lines: list[_Line]) -> None:
    """Short lines set clearly larger than the body text are headings."""
    sizes = [line.size for line in lines if line.size and line.kind is BlockKind.PARAGRAPH]
    if not sizes:
        return
    body = statistics.median(sizes)
    for line in lines:
        if (
            line.kind is BlockKind.PARAGRAPH
            and line.size
            and line.size >= 1.2 * body
            and 0 < len(line.text.split()) <= 12
        ):
            line.kind = BlockKind.HEADING

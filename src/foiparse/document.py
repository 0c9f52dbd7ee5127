"""The document model every loader produces and every later stage reads.

A :class:`Document` is the letter's text as one string plus the blocks it is made of, in
reading order. Blocks are joined with a single ``"\\n"`` so that offsets into ``Document.text``
are stable and every span a stage reports can be checked with ``text[span.start:span.end]``.
"""

from __future__ import annotations

import bisect
import enum
import functools
from collections.abc import Iterable

import attrs

from foiparse.records import SourceFormat, Span


class BlockKind(enum.StrEnum):
    """What a block of text is, as far as the loader can tell from the container format."""

    PARAGRAPH = "paragraph"
    HEADING = "heading"
    LIST_ITEM = "list_item"
    TABLE_ROW = "table_row"
    QUOTE = "quote"


@attrs.frozen
class Block:
    """One line or paragraph of the letter, with where it sits in ``Document.text``.

    ``cells`` holds a table row's cell texts (the block's text is them joined by `` | ``).
    ``list_label`` is the numbering a DOCX/HTML list item carried in its markup (``"1."``,
    ``"a)"``, ``"•"``), already included at the start of ``text``.
    """

    text: str
    start: int
    end: int
    page: int | None = None
    kind: BlockKind = BlockKind.PARAGRAPH
    bold: bool = False
    size: float | None = None
    level: int = 0
    list_label: str | None = None
    cells: tuple[str, ...] = ()

    @property
    def span(self) -> Span:
        return Span(self.start, self.end, self.page)


@attrs.frozen
class Metadata:
    """Facts the container states outside the letter's body (e-mail headers, HTML title...)."""

    title: str | None = None
    sender: str | None = None
    sent: str | None = None
    subject: str | None = None
    url: str | None = None


@attrs.frozen
class Document:
    """A loaded letter: its text, its blocks in reading order, and container metadata."""

    text: str
    blocks: tuple[Block, ...]
    format: SourceFormat
    pages: int | None = None
    metadata: Metadata = Metadata()
    ocr_pages: tuple[int, ...] = ()
    ocr_confidence: tuple[float, ...] = ()
    warnings: tuple[str, ...] = ()

    def page_at(self, offset: int) -> int | None:
        """The page of the block holding ``offset`` (``None`` for unpaged formats)."""
        # Blocks are in text order: find the last one starting at or before ``offset``.
        i = bisect.bisect_right(self._block_starts, offset) - 1
        if i >= 0 and offset <= self.blocks[i].end:
            return self.blocks[i].page
        return None

    @functools.cached_property
    def _block_starts(self) -> list[int]:
        return [block.start for block in self.blocks]

    def span(self, start: int, end: int) -> Span:
        """A span over ``text[start:end]`` with the page it starts on."""
        return Span(start, end, self.page_at(start))



@attrs.define
class DocumentBuilder:
    """Accumulates blocks and computes their offsets; loaders use it so offsets are always right."""

    format: SourceFormat
    _parts: list[str] = attrs.field(factory=list)
    _blocks: list[Block] = attrs.field(factory=list)
    _length: int = 0

    def add(
        self,
        text: str,
        *,
        page: int | None = None,
        kind: BlockKind = BlockKind.PARAGRAPH,
        bold: bool = False,
        size: float | None = None,
        level: int = 0,
        list_label: str | None = None,
        cells: Iterable[str] = (),
    ) -> Block | None:
        """Append one block (blank text is skipped); returns it."""
        text = " ".join(text.split()) if kind is not BlockKind.TABLE_ROW else text.strip()
        if not text:
            return None
        if self._parts:
            self._length += 1  # the "\n" joining this block to the previous one
        start = self._length
        self._length += len(text)
        block = Block(
            text,
            start,
            self._length,
            page,
            kind,
            bold,
            size,
            level,
            list_label,
            tuple(cells),
        )
        self._parts.append(text)
        self._blocks.append(block)
        return block

    def build(
        self,
        *,
        pages: int | None = None,
        metadata: Metadata | None = None,
        ocr_pages: tuple[int, ...] = (),
        ocr_confidence: tuple[float, ...] = (),
        warnings: tuple[str, ...] = (),
    ) -> Document:
        return Document(
            text="\n".join(self._parts),
            blocks=tuple(self._blocks),
            format=self.format,
            pages=pages,
            metadata=metadata or Metadata(),
            ocr_pages=ocr_pages,
            ocr_confidence=ocr_confidence,
            warnings=warnings,
        )


class SegmentKind(enum.StrEnum):
    """The parts a letter is divided into by the segment stage."""

    HEADER = "header"  # letterhead, reference line, date, addressee, salutation
    REQUEST = "request"  # the request recited or quoted
    DECISION = "decision"  # the decision / refusal notice and its reasons
    ANSWERS = "answers"  # the substantive reply
    BOILERPLATE = "boilerplate"  # complaint rights, re-use, ICO/appeal details, signature
    QUOTED = "quoted"  # earlier messages quoted below a reply (e-mail threads)


@attrs.frozen
class Segment:
    """A stretch ``Document.text[start:end]`` of one kind."""

    kind: SegmentKind
    start: int
    end: int


@attrs.frozen
class DraftAnswer:
    """An answer located by the extract stage, before classify decides its disposition."""

    question_id: str
    start: int
    end: int
    text: str

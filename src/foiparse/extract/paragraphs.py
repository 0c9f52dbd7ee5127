"""Paragraphs rebuilt from a document's blocks.

PDF pages and plain-text e-mails arrive as one block per printed line; a list item or an
answer then spans several blocks. Lines are joined back into paragraphs when the text is
hard-wrapped (a line that does not end a sentence, or that runs to the wrap width, goes on in
the next line), and a numbered or bulleted line always starts a new paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

import attrs

from foiparse.document import Block, BlockKind, Document
from foiparse.extract.numbering import Label, label_from_markup, read_label

# salutations and sign-offs always start a paragraph of their own
_OPENING = re.compile(
    r"^(dear|hello|hi|yours (sincerely|faithfully)|(kind|best) regards|sincerely)\b", re.IGNORECASE
)
_ENDS_SENTENCE = re.compile(r"[.?!:;\"\u201d\u2019)]\s*$")


@attrs.frozen
class Para:
    """A paragraph: ``doc.text[start:end]``, the blocks it joins and its list label."""

    start: int
    end: int
    text: str
    blocks: tuple[Block, ...]
    label: Label | None = None

    @property
    def body(self) -> str:
        """The text after the list label."""
        if self.label is None:
            return self.text
        return self.text[self.label.length :].strip()

    @property
    def body_start(self) -> int:
        """Offset in ``doc.text`` where :attr:`body` begins."""
        if self.label is None or self.label.length == 0:
            return self.start
        return _offset_of(self, self.label.length)

    @property
    def kind(self) -> BlockKind:
        return self.blocks[0].kind

    @property
    def bold(self) -> bool:
        return all(b.bold for b in self.blocks)


def _offset_of(para: Para, index: int) -> int:
    """The document offset of character ``index`` of ``para.text`` (text joins blocks by spaces)."""
    pos = 0
    for block in para.blocks:
        if index <= pos + len(block.text):
            offset = block.start + (index - pos)
            # skip the spaces the label's separator may leave
            return offset
        pos += len(block.text) + 1
    return para.end


def offset_in(para: Para, index: int) -> int:
    """Public form of the text-index -> document-offset mapping for ``para``."""
    return _offset_of(para, index)


def is_hard_wrapped(blocks: Sequence[Block]) -> bool:
    """True when the text looks like fixed-width lines (PDF lines, wrapped e-mail text)."""
    lengths = sorted(len(b.text) for b in blocks if b.kind is not BlockKind.TABLE_ROW)
    if len(lengths) < 6:
        return False
    p90 = lengths[int(len(lengths) * 0.9) - 1]
    # wrapped text has many lines that stop mid-sentence
    open_ends = sum(1 for b in blocks if not _ENDS_SENTENCE.search(b.text))
    return 45 <= p90 <= 140 and open_ends * 4 >= len(blocks)


def wrap_width(blocks: Sequence[Block]) -> int:
    """The typical length of a full line (the 80th percentile of line lengths)."""
    lengths = sorted(len(b.text) for b in blocks)
    return lengths[int(len(lengths) * 0.8) - 1] if lengths else 0


def block_label(block: Block) -> Label | None:
    """The list label of a block, from the loader's markup or from its text."""
    if block.list_label:
        markup = label_from_markup(block.list_label)
        if markup is not None:
            if block.text.startswith(block.list_label.strip()):
                return attrs.evolve(markup, length=len(block.list_label.strip()))
            return markup
    return read_label(block.text)


def continues(prev: Block, cur: Block, *, wrapped: bool, width: int) -> bool:
    """Whether ``cur`` carries on the paragraph that ``prev`` is part of."""
    if not wrapped or cur.kind is not prev.kind or cur.kind is BlockKind.TABLE_ROW:
        return False
    if cur.kind is BlockKind.HEADING or block_label(cur) is not None:
        return False
    if _OPENING.match(cur.text):
        return False
    if prev.bold != cur.bold and len(prev.text) < width * 0.8:
        return False
    if len(prev.text) < width * 0.7:
        return False  # in wrapped text only a paragraph's last line falls well short
    if not _ENDS_SENTENCE.search(prev.text):
        return True
    # a line ending a sentence but running to the wrap width usually goes on
    return len(prev.text) >= width * 0.85 and cur.text[:1].islower()


def build(doc: Document, blocks: Iterable[Block]) -> list[Para]:
    """Join ``blocks`` (in order) into paragraphs."""
    chosen = list(blocks)
    wrapped = is_hard_wrapped(doc.blocks)
    width = wrap_width(doc.blocks)
    groups: list[list[Block]] = []
    for block in chosen:
        if groups and continues(groups[-1][-1], block, wrapped=wrapped, width=width) and (
            groups[-1][-1].end + 1 == block.start
        ):
            groups[-1].append(block)
        else:
            groups.append([block])
    out = []
    for group in groups:
        text = " ".join(b.text for b in group)
        out.append(Para(group[0].start, group[-1].end, text, tuple(group), block_label(group[0])))
    return out

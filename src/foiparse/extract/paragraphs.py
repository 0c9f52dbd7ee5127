"""Paragraphs with their list labels, for the questions extractor.

Lines are joined into paragraphs by the ground rules in :mod:`foiparse.paragraphs` (shared
with the segment stage); here each paragraph gets the numbering label it starts with.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import attrs

from foiparse.document import Block, BlockKind, Document
from foiparse.extract.numbering import Label, Scheme, label_from_markup, read_label
from foiparse.paragraphs import join_lines, text_blocks


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


def block_label(block: Block) -> Label | None:
    """The list label of a block, from the loader's markup or from its text."""
    if block.list_label:
        markup = label_from_markup(block.list_label)
        if markup is not None:
            if block.text.startswith(block.list_label.strip()):
                return attrs.evolve(markup, length=len(block.list_label.strip()))
            return markup
    label = read_label(block.text)
    if label is None and block.text[:1] in _OPEN_QUOTES:
        # a quoted request whose first item carries the opening quote mark: "1) Any …
        inner = read_label(block.text[1:])
        if inner is not None and inner.scheme is Scheme.NUMBER:
            return attrs.evolve(inner, length=inner.length + 1)
    emphasis = _EMPHASIS.match(block.text) if label is None else None
    if emphasis:
        # markdown emphasis over a whole item ("*Q1. Copies of …*", "_(a) The …_")
        inner = read_label(block.text[emphasis.end() :])
        if inner is not None and inner.scheme is not Scheme.BULLET:
            return attrs.evolve(inner, length=inner.length + emphasis.end())
    return label


_OPEN_QUOTES = frozenset("\"“‘'")
_EMPHASIS = re.compile(r"^(?:\*{1,2}|_{1,2})(?=[\w(])")


def build(doc: Document, blocks: Iterable[Block]) -> list[Para]:
    """Join ``blocks`` (in order) into paragraphs."""
    out = []
    for group in join_lines(doc.blocks, blocks):
        words = text_blocks(group)  # page footers inside a paragraph are not its words
        text = " ".join(b.text for b in words)
        out.append(Para(words[0].start, words[-1].end, text, tuple(words), block_label(words[0])))
    return out

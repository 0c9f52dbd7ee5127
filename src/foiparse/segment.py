"""Segment stage: divide a letter into header, request, decision, answers and boilerplate."""

from __future__ import annotations

from foiparse.document import Document, Segment, SegmentKind


def segment(doc: Document) -> tuple[Segment, ...]:
    """The letter's segments in order, covering ``doc.text`` (first version: one answers segment)."""
    return (Segment(SegmentKind.ANSWERS, 0, len(doc.text)),)

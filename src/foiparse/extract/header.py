"""Reference, authority, date and regime of a letter."""

from __future__ import annotations

import attrs

from foiparse.document import Document, Segment
from foiparse.records import Field, Regime


@attrs.frozen
class Header:
    reference: Field | None = None
    authority: Field | None = None
    date: Field | None = None
    regime: Regime | None = None
    warnings: tuple[str, ...] = ()


def extract_header(doc: Document, segments: tuple[Segment, ...]) -> Header:
    return Header()

"""Find the provisions a letter relies on."""

from __future__ import annotations

import attrs

from foiparse.document import Document, DraftAnswer, Segment
from foiparse.records import Exemption, Regime


@attrs.frozen
class CiteResult:
    exemptions: tuple[Exemption, ...] = ()
    warnings: tuple[str, ...] = ()


def find_exemptions(
    doc: Document,
    segments: tuple[Segment, ...],
    *,
    regime: Regime | None,
    answers: tuple[DraftAnswer, ...] = (),
) -> CiteResult:
    return CiteResult()

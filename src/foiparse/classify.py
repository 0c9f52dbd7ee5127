"""Classify stage: each answer's disposition and the letter's outcome."""

from __future__ import annotations

import attrs

from foiparse.document import Document, DraftAnswer, Segment
from foiparse.records import Answer, Disposition, Exemption, Outcome, Question


@attrs.frozen
class Classified:
    answers: tuple[Answer, ...] = ()
    outcome: Outcome | None = None
    warnings: tuple[str, ...] = ()


def classify(
    doc: Document,
    segments: tuple[Segment, ...],
    questions: tuple[Question, ...],
    answers: tuple[DraftAnswer, ...],
    exemptions: tuple[Exemption, ...],
) -> Classified:
    out = tuple(
        Answer(a.question_id, a.text, Disposition.DISCLOSED, doc.span(a.start, a.end)) for a in answers
    )
    return Classified(answers=out, outcome=None)

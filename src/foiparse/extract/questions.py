"""Questions asked and the answers aligned to them."""

from __future__ import annotations

import attrs

from foiparse.document import DraftAnswer, Document, Segment
from foiparse.records import Question


@attrs.frozen
class QuestionsResult:
    questions: tuple[Question, ...] = ()
    answers: tuple[DraftAnswer, ...] = ()
    aligned: bool = False
    warnings: tuple[str, ...] = ()


def extract_questions(doc: Document, segments: tuple[Segment, ...]) -> QuestionsResult:
    return QuestionsResult()

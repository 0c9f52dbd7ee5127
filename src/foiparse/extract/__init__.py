"""Extract stage: header fields (reference, authority, date, regime), questions and answers."""

from __future__ import annotations

from foiparse.extract.header import Header, extract_header
from foiparse.extract.questions import QuestionsResult, extract_questions

__all__ = ["Header", "QuestionsResult", "extract_header", "extract_questions"]

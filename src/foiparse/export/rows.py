"""A letter as flat table rows, and back: the one table layout every export format shares.

A :class:`~foiparse.Letter` becomes one row of ``letters`` and one row per question, answer
and exemption in the child tables, each keyed by the letter's content hash (``letter_sha256``)
and its position in the letter. Lists that have no table of their own (warnings, OCR pages,
an exemption's question ids) are stored as JSON text so every cell stays a scalar that
spreadsheets, pandas and Datasette read as is. :func:`letter_from_rows` is the exact inverse.
"""

from __future__ import annotations

import datetime as _dt
import enum
import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Literal

import attrs

from foiparse.interop import alaveteli_state, doj_disposition
from foiparse.records import (
    Answer,
    Disposition,
    Exemption,
    Field,
    Letter,
    Outcome,
    Question,
    Regime,
    Source,
    SourceFormat,
    Span,
)

#: The scalar kinds a column can hold; each format maps them to its own types.
Kind = Literal["text", "int", "real", "bool"]
#: A table row: column name -> scalar value (``None`` for a missing value).
Row = dict[str, Any]


@attrs.frozen
class Column:
    """One column of an export table."""

    name: str
    kind: Kind
    nullable: bool = True


def _span_columns(prefix: str) -> tuple[Column, ...]:
    return (Column(f"{prefix}start", "int"), Column(f"{prefix}end", "int"),
            Column(f"{prefix}page", "int"))


def _field_columns(name: str) -> tuple[Column, ...]:
    return (Column(name, "text"), *_span_columns(f"{name}_"))


#: Table name -> its columns, in order. The first column(s) named in :data:`KEYS` are the key.
TABLES: dict[str, tuple[Column, ...]] = {
    "letters": (
        Column("sha256", "text", nullable=False),
        Column("path", "text"),
        Column("url", "text"),
        Column("format", "text", nullable=False),
        Column("pages", "int"),
        *_field_columns("reference"),
        *_field_columns("authority"),
        *_field_columns("date"),
        Column("regime", "text"),
        Column("outcome", "text"),
        Column("alaveteli_state", "text"),  # the outcome in WhatDoTheyKnow's words
        Column("doj_disposition", "text"),  # the outcome in the US DOJ annual report's words
        Column("answers_aligned", "bool", nullable=False),
        Column("n_questions", "int", nullable=False),
        Column("n_answers", "int", nullable=False),
        Column("n_exemptions", "int", nullable=False),
        Column("warnings", "text", nullable=False),  # JSON list of strings
        Column("ocr_pages", "text", nullable=False),  # JSON list of ints
        Column("ocr_confidence", "text", nullable=False),  # JSON list of floats
        Column("text", "text", nullable=False),
        Column("parsed_at", "text", nullable=False),
        Column("foiparse_version", "text", nullable=False),
    ),
    "questions": (
        Column("letter_sha256", "text", nullable=False),
        Column("position", "int", nullable=False),
        Column("id", "text", nullable=False),
        Column("text", "text", nullable=False),
        Column("parent_id", "text"),
        *_span_columns("span_"),
    ),
    "answers": (
        Column("letter_sha256", "text", nullable=False),
        Column("position", "int", nullable=False),
        Column("question_id", "text", nullable=False),
        Column("text", "text", nullable=False),
        Column("disposition", "text", nullable=False),
        *_span_columns("span_"),
    ),
    "exemptions": (
        Column("letter_sha256", "text", nullable=False),
        Column("position", "int", nullable=False),
        Column("exemption_id", "text", nullable=False),
        Column("regime", "text", nullable=False),
        Column("provision", "text", nullable=False),
        Column("title", "text"),
        Column("cited_as", "text", nullable=False),
        Column("question_ids", "text", nullable=False),  # JSON list of question ids
        *_span_columns("span_"),
    ),
    "errors": (
        Column("sha256", "text"),
        Column("path", "text"),
        Column("url", "text"),
        Column("error_type", "text", nullable=False),
        Column("message", "text", nullable=False),
        Column("created_at", "text", nullable=False),
    ),
}

#: The child tables of ``letters``, each keyed by (letter_sha256, position).
CHILD_TABLES = ("questions", "answers", "exemptions")


def now() -> str:
    """The current UTC time as ISO 8601 text, to the second."""
    return _dt.datetime.now(_dt.UTC).replace(microsecond=0).isoformat()


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("foiparse")
    except PackageNotFoundError:  # running from a source tree that is not installed
        return "unknown"


_VERSION = _version()


def _span(prefix: str, span: Span | None) -> Row:
    return {
        f"{prefix}start": span.start if span else None,
        f"{prefix}end": span.end if span else None,
        f"{prefix}page": span.page if span else None,
    }


def _field(name: str, field: Field | None) -> Row:
    return {name: field.value if field else None,
            **_span(f"{name}_", field.span if field else None)}


def _value(member: enum.Enum | None) -> str | None:
    return str(member.value) if member is not None else None


def letter_rows(letter: Letter, *, url: str | None = None,
                parsed_at: str | None = None) -> dict[str, list[Row]]:
    """The rows ``letter`` adds to each table (``letters`` holds exactly one)."""
    key = letter.source.sha256
    head: Row = {
        "sha256": key,
        "path": letter.source.path,
        "url": url,
        "format": letter.source.format.value,
        "pages": letter.source.pages,
        **_field("reference", letter.reference),
        **_field("authority", letter.authority),
        **_field("date", letter.date),
        "regime": letter.regime.value if letter.regime else None,
        "outcome": letter.outcome.value if letter.outcome else None,
        "alaveteli_state": _value(alaveteli_state(letter)),
        "doj_disposition": _value(doj_disposition(letter)),
        "answers_aligned": letter.answers_aligned,
        "n_questions": len(letter.questions),
        "n_answers": len(letter.answers),
        "n_exemptions": len(letter.exemptions),
        "warnings": json.dumps(list(letter.warnings), ensure_ascii=False),
        "ocr_pages": json.dumps(list(letter.source.ocr_pages)),
        "ocr_confidence": json.dumps(list(letter.source.ocr_confidence)),
        "text": letter.text,
        "parsed_at": parsed_at or now(),
        "foiparse_version": _VERSION,
    }
    questions = [
        {"letter_sha256": key, "position": i, "id": q.id, "text": q.text,
         "parent_id": q.parent_id, **_span("span_", q.span)}
        for i, q in enumerate(letter.questions)
    ]
    answers = [
        {"letter_sha256": key, "position": i, "question_id": a.question_id, "text": a.text,
         "disposition": a.disposition.value, **_span("span_", a.span)}
        for i, a in enumerate(letter.answers)
    ]
    exemptions = [
        {"letter_sha256": key, "position": i, "exemption_id": e.id, "regime": e.regime.value,
         "provision": e.provision, "title": e.title, "cited_as": e.cited_as,
         "question_ids": json.dumps(list(e.question_ids), ensure_ascii=False),
         **_span("span_", e.span)}
        for i, e in enumerate(letter.exemptions)
    ]
    return {"letters": [head], "questions": questions, "answers": answers,
            "exemptions": exemptions}


def error_row(*, error_type: str, message: str, sha256: str | None = None,
              path: str | None = None, url: str | None = None) -> Row:
    """One row of the ``errors`` table."""
    return {"sha256": sha256, "path": path, "url": url, "error_type": error_type,
            "message": message, "created_at": now()}


def _read_span(row: Mapping[str, Any], prefix: str) -> Span | None:
    start = row.get(f"{prefix}start")
    if start is None:
        return None
    page = row.get(f"{prefix}page")
    return Span(int(start), int(row[f"{prefix}end"]), None if page is None else int(page))


def _read_field(row: Mapping[str, Any], name: str) -> Field | None:
    value = row.get(name)
    if value is None:
        return None
    return Field(str(value), _read_span(row, f"{name}_"))


def _opt_int(value: Any) -> int | None:
    return None if value is None else int(value)


def letter_from_rows(head: Mapping[str, Any], questions: Iterable[Mapping[str, Any]] = (),
                     answers: Iterable[Mapping[str, Any]] = (),
                     exemptions: Iterable[Mapping[str, Any]] = ()) -> Letter:
    """Rebuild the :class:`~foiparse.Letter` that :func:`letter_rows` flattened.

    Child rows may come in any order; they are put back in ``position`` order.
    """

    def ordered(rows: Iterable[Mapping[str, Any]]) -> Sequence[Mapping[str, Any]]:
        return sorted(rows, key=lambda r: int(r["position"]))

    source = Source(
        path=head.get("path"),
        format=SourceFormat(head["format"]),
        sha256=str(head["sha256"]),
        pages=_opt_int(head.get("pages")),
        ocr_pages=tuple(int(p) for p in json.loads(head.get("ocr_pages") or "[]")),
        ocr_confidence=tuple(float(c) for c in json.loads(head.get("ocr_confidence") or "[]")),
    )
    return Letter(
        source=source,
        text=str(head.get("text") or ""),
        reference=_read_field(head, "reference"),
        authority=_read_field(head, "authority"),
        date=_read_field(head, "date"),
        regime=Regime(head["regime"]) if head.get("regime") else None,
        outcome=Outcome(head["outcome"]) if head.get("outcome") else None,
        questions=tuple(
            Question(id=str(q["id"]), text=str(q["text"]), parent_id=q.get("parent_id"),
                     span=_read_span(q, "span_"))
            for q in ordered(questions)
        ),
        answers=tuple(
            Answer(question_id=str(a["question_id"]), text=str(a["text"]),
                   disposition=Disposition(a["disposition"]), span=_read_span(a, "span_"))
            for a in ordered(answers)
        ),
        answers_aligned=bool(head.get("answers_aligned")),
        exemptions=tuple(
            Exemption(regime=Regime(e["regime"]), provision=str(e["provision"]),
                      title=e.get("title"), cited_as=str(e.get("cited_as") or ""),
                      question_ids=tuple(json.loads(e.get("question_ids") or "[]")),
                      span=_read_span(e, "span_"))
            for e in ordered(exemptions)
        ),
        warnings=tuple(json.loads(head.get("warnings") or "[]")),
    )

"""The typed record foiparse produces for one letter, and its closed vocabularies.

Every extracted value carries a :class:`Span` into :attr:`Letter.text` (and the page, for
paged formats) so that any field can be audited back to the words it came from.
The enum values are exactly the words of the gold-label specification (GOLD.md).
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from typing import Any

import attrs


class Outcome(enum.StrEnum):
    """What the letter as a whole gives the requester."""

    GRANTED = "granted"
    PARTIALLY_GRANTED = "partially_granted"
    REFUSED = "refused"
    NOT_HELD = "not_held"
    NEITHER_CONFIRM_NOR_DENY = "neither_confirm_nor_deny"
    CLARIFICATION = "clarification"
    OTHER = "other"


class Disposition(enum.StrEnum):
    """What one answer does with the question it answers."""

    DISCLOSED = "disclosed"
    WITHHELD = "withheld"
    NOT_HELD = "not_held"
    NCND = "ncnd"
    REFUSED = "refused"
    PUBLISHED_ELSEWHERE = "published_elsewhere"
    OUTSIDE_SCOPE = "outside_scope"
    CLARIFICATION = "clarification"


class Regime(enum.StrEnum):
    """The access-to-information law a response is made under.

    US state and District of Columbia laws are ``US-XX`` with the postal code; ``US-PA`` is
    the federal Privacy Act (GOLD.md), so Pennsylvania's law has no code of its own here.
    """

    UK_FOIA = "UK-FOIA"
    UK_EIR = "UK-EIR"
    UK_FOISA = "UK-FOISA"
    UK_EISR = "UK-EISR"
    US_FOIA = "US-FOIA"
    US_PA = "US-PA"  # the federal Privacy Act, as GOLD.md defines it
    US_AL = "US-AL"
    US_AK = "US-AK"
    US_AZ = "US-AZ"
    US_AR = "US-AR"
    US_CA = "US-CA"
    US_CO = "US-CO"
    US_CT = "US-CT"
    US_DE = "US-DE"
    US_DC = "US-DC"
    US_FL = "US-FL"
    US_GA = "US-GA"
    US_HI = "US-HI"
    US_ID = "US-ID"
    US_IL = "US-IL"
    US_IN = "US-IN"
    US_IA = "US-IA"
    US_KS = "US-KS"
    US_KY = "US-KY"
    US_LA = "US-LA"
    US_ME = "US-ME"
    US_MD = "US-MD"
    US_MA = "US-MA"
    US_MI = "US-MI"
    US_MN = "US-MN"
    US_MS = "US-MS"
    US_MO = "US-MO"
    US_MT = "US-MT"
    US_NE = "US-NE"
    US_NV = "US-NV"
    US_NH = "US-NH"
    US_NJ = "US-NJ"
    US_NM = "US-NM"
    US_NY = "US-NY"
    US_NC = "US-NC"
    US_ND = "US-ND"
    US_OH = "US-OH"
    US_OK = "US-OK"
    US_OR = "US-OR"
    US_RI = "US-RI"
    US_SC = "US-SC"
    US_SD = "US-SD"
    US_TN = "US-TN"
    US_TX = "US-TX"
    US_UT = "US-UT"
    US_VT = "US-VT"
    US_VA = "US-VA"
    US_WA = "US-WA"
    US_WV = "US-WV"
    US_WI = "US-WI"
    US_WY = "US-WY"
    IE_FOI = "IE-FOI"
    AU_FOI = "AU-FOI"
    NZ_OIA = "NZ-OIA"
    CA_ATIA = "CA-ATIA"
    OTHER = "OTHER"


class SourceFormat(enum.StrEnum):
    """The container format a letter was read from."""

    PDF = "pdf"
    HTML = "html"
    EMAIL = "email"
    DOCX = "docx"
    DOC = "doc"
    TEXT = "text"
    MARKDOWN = "markdown"


@attrs.frozen
class Span:
    """Where a value sits: ``Letter.text[start:end]``, and the 1-based page it starts on."""

    start: int
    end: int
    page: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "page": self.page}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any] | None) -> Span | None:
        """The span :meth:`to_dict` gave (``None`` for ``None``)."""
        if data is None:
            return None
        return cls(int(data["start"]), int(data["end"]), data.get("page"))


@attrs.frozen
class Field:
    """A scalar value found in the letter (reference, authority, date) and where it was found."""

    value: str
    span: Span | None = None


@attrs.frozen
class Question:
    """One thing the requester asked. ``parent_id`` links a sub-question to its stem."""

    id: str
    text: str
    parent_id: str | None = None
    span: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "text": self.text,
            "parent_id": self.parent_id,
            "span": self.span.to_dict() if self.span else None,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Question:
        """The question :meth:`to_dict` gave."""
        return cls(data["id"], data["text"], data.get("parent_id"), Span.from_dict(data.get("span")))


@attrs.frozen
class Answer:
    """The authority's answer to one question, and what it does with it."""

    question_id: str
    text: str
    disposition: Disposition
    span: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "question_id": self.question_id,
            "text": self.text,
            "disposition": self.disposition.value,
            "span": self.span.to_dict() if self.span else None,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Answer:
        """The answer :meth:`to_dict` gave."""
        return cls(data["question_id"], data["text"], Disposition(data["disposition"]),
                   Span.from_dict(data.get("span")))


@attrs.frozen
class Exemption:
    """A provision relied on to withhold, refuse or neither confirm nor deny.

    ``provision`` is canonical (``s31(1)(a)``, ``reg12(5)(b)``, ``(b)(7)(C)``); ``cited_as`` is
    the letter's own words; ``question_ids`` are the questions it was applied to, where known.
    """

    regime: Regime
    provision: str
    title: str | None = None
    cited_as: str = ""
    question_ids: tuple[str, ...] = ()
    span: Span | None = None

    @property
    def id(self) -> str:
        """The canonical id, ``REGIME provision`` (``UK-FOIA s31(1)(a)``)."""
        return f"{self.regime.value} {self.provision}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "regime": self.regime.value,
            "provision": self.provision,
            "title": self.title,
            "cited_as": self.cited_as,
            "question_ids": list(self.question_ids),
            "span": self.span.to_dict() if self.span else None,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Exemption:
        """The exemption :meth:`to_dict` gave (``id`` is derived, so it is not read)."""
        return cls(
            regime=Regime(data["regime"]),
            provision=data["provision"],
            title=data.get("title"),
            cited_as=data.get("cited_as", ""),
            question_ids=tuple(data.get("question_ids") or ()),
            span=Span.from_dict(data.get("span")),
        )


@attrs.frozen
class Source:
    """Where the letter came from: the path as given, its format, content hash and page count."""

    path: str | None
    format: SourceFormat
    sha256: str
    pages: int | None = None
    ocr_pages: tuple[int, ...] = ()
    ocr_confidence: tuple[float, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "path": self.path,
            "format": self.format.value,
            "sha256": self.sha256,
            "pages": self.pages,
        }
        if self.ocr_pages:
            out["ocr_pages"] = [
                {"page": p, "confidence": c}
                for p, c in zip(self.ocr_pages, self.ocr_confidence, strict=False)
            ]
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Source:
        """The source :meth:`to_dict` gave."""
        ocr = data.get("ocr_pages") or ()
        return cls(
            path=data.get("path"),
            format=SourceFormat(data["format"]),
            sha256=data["sha256"],
            pages=data.get("pages"),
            ocr_pages=tuple(int(item["page"]) for item in ocr),
            ocr_confidence=tuple(float(item["confidence"]) for item in ocr),
        )


@attrs.frozen
class Letter:
    """Everything foiparse understood of one FOI response letter.

    Scalar fields are ``None`` when they could not be found; each such gap, and each uncertain
    value, is explained in ``warnings``. ``text`` is the letter's text as loaded: every span
    indexes into it.
    """

    source: Source
    text: str
    reference: Field | None = None
    authority: Field | None = None
    date: Field | None = None
    regime: Regime | None = None
    outcome: Outcome | None = None
    questions: tuple[Question, ...] = ()
    answers: tuple[Answer, ...] = ()
    answers_aligned: bool = False
    exemptions: tuple[Exemption, ...] = ()
    warnings: tuple[str, ...] = ()

    def to_dict(self, *, include_text: bool = False) -> dict[str, Any]:
        """A JSON-ready dict whose keys and values follow GOLD.md (extra keys added)."""

        def value(f: Field | None) -> str | None:
            return f.value if f else None

        def span(f: Field | None) -> dict[str, Any] | None:
            return f.span.to_dict() if f and f.span else None

        out: dict[str, Any] = {
            "source": self.source.to_dict(),
            "reference": value(self.reference),
            "authority": value(self.authority),
            "date": value(self.date),
            "regime": self.regime.value if self.regime else None,
            "outcome": self.outcome.value if self.outcome else None,
            "questions": [q.to_dict() for q in self.questions],
            "answers_aligned": self.answers_aligned,
            "answers": [a.to_dict() for a in self.answers],
            "exemptions": [e.to_dict() for e in self.exemptions],
            "warnings": list(self.warnings),
            "spans": {
                "reference": span(self.reference),
                "authority": span(self.authority),
                "date": span(self.date),
            },
        }
        if include_text:
            out["text"] = self.text
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Letter:
        """The letter :meth:`to_dict` gave, e.g. a line of ``foiparse parse --format jsonl``.

        Without ``text`` (``to_dict``'s default leaves it out) the letter's ``text`` is empty;
        its spans still point into the original letter's text.
        """
        spans = data.get("spans") or {}

        def field(name: str) -> Field | None:
            value = data.get(name)
            return None if value is None else Field(value, Span.from_dict(spans.get(name)))

        return cls(
            source=Source.from_dict(data["source"]),
            text=data.get("text", ""),
            reference=field("reference"),
            authority=field("authority"),
            date=field("date"),
            regime=Regime(data["regime"]) if data.get("regime") else None,
            outcome=Outcome(data["outcome"]) if data.get("outcome") else None,
            questions=tuple(Question.from_dict(q) for q in data.get("questions") or ()),
            answers=tuple(Answer.from_dict(a) for a in data.get("answers") or ()),
            answers_aligned=bool(data.get("answers_aligned", False)),
            exemptions=tuple(Exemption.from_dict(e) for e in data.get("exemptions") or ()),
            warnings=tuple(data.get("warnings") or ()),
        )

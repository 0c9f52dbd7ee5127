"""One options object for everything that can be tuned about a parse."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from typing import Any

import attrs

from foiparse.records import Regime


class OcrMode(enum.StrEnum):
    """When to OCR PDF pages: only pages with no text layer (``auto``), never, or every page."""

    AUTO = "auto"
    NEVER = "never"
    ALWAYS = "always"


def _positive(instance: object, attribute: attrs.Attribute[Any], value: float) -> None:
    # bool is an int, but "max_pages=True" is a mistake, not a limit of one page.
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not value > 0:
        raise ValueError(f"ParseOptions.{attribute.name} must be a positive number, not {value!r}")


@attrs.frozen(kw_only=True)
class ParseOptions:
    """Settings for :func:`foiparse.parse`; every field has a sensible default.

    Build a variant with ``attrs.evolve(options, max_pages=50)`` or :meth:`resolve`, which also
    accepts ``None`` and a plain mapping (the way pdfplumber's ``TableSettings.resolve`` does).
    """

    #: Refuse inputs larger than this many bytes (``LimitExceeded``).
    max_bytes: int = attrs.field(default=100 * 1024 * 1024, validator=_positive)
    #: Refuse HTML and text inputs, and e-mail bodies, larger than this (their cost grows with
    #: their size; a real letter page is well under a megabyte, a WhatDoTheyKnow thread a few).
    #: An e-mail's attachments do not count: they are held to the limits of their own format.
    max_markup_bytes: int = attrs.field(default=10 * 1024 * 1024, validator=_positive)
    #: Read at most this many PDF pages; a longer PDF is refused (``LimitExceeded``).
    max_pages: int = attrs.field(default=500, validator=_positive)
    #: Seconds one document may take. :func:`foiparse.parse_many` and the command line stop a
    #: document past it (``LimitExceeded``); :func:`foiparse.parse` alone bounds only its OCR,
    #: as a library call should not take over the process's signals.
    timeout: float = attrs.field(default=120.0, converter=float, validator=_positive)
    #: Largest total uncompressed size of a DOCX (zip-bomb guard).
    max_unzipped_bytes: int = attrs.field(default=200 * 1024 * 1024, validator=_positive)
    #: Refuse a document whose loaded text is longer than this many characters
    #: (``LimitExceeded``). The later stages' cost grows with the text; the longest real letters
    #: run to tens of thousands of characters, while a DOCX or PDF of a few megabytes can hold
    #: tens of millions.
    max_text_chars: int = attrs.field(default=2_000_000, validator=_positive)
    #: OCR policy for pages without a text layer (needs the ``ocr`` extra and Tesseract).
    ocr: OcrMode = attrs.field(default=OcrMode.AUTO, converter=OcrMode)
    #: Tesseract language(s), as Tesseract names them.
    ocr_language: str = "eng"
    #: Mean OCR confidence (0-100) below which a page adds a warning to the record.
    ocr_min_confidence: float = attrs.field(default=60.0, converter=float)
    #: Regime to assume when the letter names no Act (``None``: guess from the text).
    default_regime: Regime | None = attrs.field(
        default=None, converter=attrs.converters.optional(Regime)
    )

    @classmethod
    def resolve(cls, value: ParseOptions | Mapping[str, Any] | None) -> ParseOptions:
        """Turn ``None``, a mapping of field names, or an instance into an instance."""
        if value is None:
            return cls()
        if isinstance(value, cls):
            return value
        if isinstance(value, Mapping):
            unknown = set(value) - {f.name for f in attrs.fields(cls)}
            if unknown:
                raise TypeError(f"unknown ParseOptions field(s): {', '.join(sorted(unknown))}")
            return cls(**value)
        raise TypeError(f"options must be ParseOptions, a dict or None, not {type(value).__name__}")

"""One options object for everything that can be tuned about a parse."""

from __future__ import annotations

import enum
from typing import Any

import attrs

from foiparse.records import Regime


class OcrMode(enum.StrEnum):
    """When to OCR PDF pages: only pages with no text layer (``auto``), never, or every page."""

    AUTO = "auto"
    NEVER = "never"
    ALWAYS = "always"


@attrs.frozen(kw_only=True)
class ParseOptions:
    """Settings for :func:`foiparse.parse`; every field has a sensible default.

    Build a variant with ``attrs.evolve(options, max_pages=50)`` or :meth:`resolve`, which also
    accepts ``None`` and a plain mapping (the way pdfplumber's ``TableSettings.resolve`` does).
    """

    #: Refuse inputs larger than this many bytes (``LimitExceeded``).
    max_bytes: int = 100 * 1024 * 1024
    #: Refuse HTML, e-mail and text inputs larger than this (their cost grows with their size;
    #: a real letter page is well under a megabyte, a WhatDoTheyKnow thread a few).
    max_markup_bytes: int = 10 * 1024 * 1024
    #: Read at most this many PDF pages; a longer PDF is refused (``LimitExceeded``).
    max_pages: int = 500
    #: Seconds one document may take. :func:`foiparse.parse_many` and the command line stop a
    #: document past it (``LimitExceeded``); :func:`foiparse.parse` alone bounds only its OCR,
    #: as a library call should not take over the process's signals.
    timeout: float = 120.0
    #: Largest total uncompressed size of a DOCX (zip-bomb guard).
    max_unzipped_bytes: int = 200 * 1024 * 1024
    #: Refuse a document whose loaded text is longer than this many characters
    #: (``LimitExceeded``). The later stages' cost grows with the text; the longest real letters
    #: run to tens of thousands of characters, while a DOCX or PDF of a few megabytes can hold
    #: tens of millions.
    max_text_chars: int = 2_000_000
    #: OCR policy for pages without a text layer (needs the ``ocr`` extra and Tesseract).
    ocr: OcrMode = attrs.field(default=OcrMode.AUTO, converter=OcrMode)
    #: Tesseract language(s), as Tesseract names them.
    ocr_language: str = "eng"
    #: Mean OCR confidence (0-100) below which a page adds a warning to the record.
    ocr_min_confidence: float = 60.0
    #: Regime to assume when the letter names no Act (``None``: guess from the text).
    default_regime: Regime | None = attrs.field(
        default=None, converter=attrs.converters.optional(Regime)
    )

    @classmethod
    def resolve(cls, value: ParseOptions | dict[str, Any] | None) -> ParseOptions:
        """Turn ``None``, a mapping of field names, or an instance into an instance."""
        if value is None:
            return cls()
        if isinstance(value, cls):
            return value
        if isinstance(value, dict):
            unknown = set(value) - {f.name for f in attrs.fields(cls)}
            if unknown:
                raise TypeError(f"unknown ParseOptions field(s): {', '.join(sorted(unknown))}")
            return cls(**value)
        raise TypeError(f"options must be ParseOptions, a dict or None, not {type(value).__name__}")

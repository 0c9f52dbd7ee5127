"""``parse()``: load -> segment -> extract -> cite -> classify, one letter at a time."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any, BinaryIO

from foiparse.cite import find_exemptions
from foiparse.classify import classify
from foiparse.document import Document
from foiparse.errors import UnreadableSource
from foiparse.extract import extract_header, extract_questions
from foiparse.load import load
from foiparse.options import ParseOptions
from foiparse.records import Letter, Source
from foiparse.segment import segment

#: What :func:`parse` accepts: a path, raw bytes, a binary file object, or the letter's text.
SourceLike = str | os.PathLike[str] | bytes | bytearray | memoryview | BinaryIO


def read_source(source: SourceLike) -> tuple[bytes, str | None]:
    """The bytes of ``source`` and its name (the path as given, or a file object's name).

    A ``str`` of one line that names an existing file, or ends like a letter file
    (``.pdf``, ``.eml``, ...), is a path; any other ``str`` is the letter's own text. Pass a
    :class:`pathlib.Path` to leave no doubt.
    """
    if isinstance(source, (bytes, bytearray, memoryview)):
        return bytes(source), None
    if isinstance(source, os.PathLike) or (isinstance(source, str) and _looks_like_path(source)):
        name = os.fspath(source)
        try:
            return Path(name).read_bytes(), name
        except IsADirectoryError as exc:
            raise UnreadableSource(f"{name} is a folder, not a document") from exc
        except FileNotFoundError as exc:
            raise UnreadableSource(f"{name}: no such file") from exc
        except OSError as exc:
            raise UnreadableSource(f"cannot read {name}: {exc.strerror or exc}") from exc
    if isinstance(source, str):
        return source.encode("utf-8"), None
    if hasattr(source, "read"):
        data = source.read()
        if isinstance(data, str):
            data = data.encode("utf-8")
        file_name = getattr(source, "name", None)
        return bytes(data), file_name if isinstance(file_name, str) else None
    raise TypeError(f"cannot parse a {type(source).__name__}; give a path, bytes or a binary file")


#: Endings of the files foiparse reads: a one-line ``str`` ending so names a file.
LETTER_SUFFIXES = frozenset({".pdf", ".html", ".htm", ".xhtml", ".eml", ".docx", ".doc", ".txt",
                             ".text", ".md", ".markdown"})


def _looks_like_path(text: str) -> bool:
    if "\n" in text or len(text) > 4096 or not text.strip():
        return False
    try:
        path = Path(text)
        return path.exists() or path.suffix.lower() in LETTER_SUFFIXES
    except (OSError, ValueError):
        return False


def parse(source: SourceLike, *, options: ParseOptions | Mapping[str, Any] | None = None) -> Letter:
    """Parse one FOI response letter into a :class:`~foiparse.Letter`.

    ``source`` is a path, bytes, a binary file, or the letter's text as a ``str``. The format is
    recognised from the content. Raises a :class:`~foiparse.FoiParseError` subclass when the
    document cannot be read; a field that cannot be found is ``None`` with a warning instead.
    """
    options = ParseOptions.resolve(options)
    data, name = read_source(source)
    doc = load(data, name=name, options=options)
    return parse_document(doc, data=data, path=name, options=options)


def parse_document(doc: Document, *, data: bytes, path: str | None, options: ParseOptions) -> Letter:
    """Run the stages after loading over an already-loaded document."""
    segments = segment(doc)
    header = extract_header(doc, segments)
    regime = header.regime or options.default_regime
    found = extract_questions(doc, segments)
    cited = find_exemptions(doc, segments, regime=regime, answers=found.answers)
    classified = classify(doc, segments, found.questions, found.answers, cited.exemptions)
    warnings = [*doc.warnings, *header.warnings, *found.warnings, *cited.warnings, *classified.warnings]
    for label, value in (("reference", header.reference), ("authority", header.authority),
                         ("date", header.date), ("regime", regime), ("outcome", classified.outcome)):
        if value is None:
            warnings.append(f"{label}: not found")
    source = Source(
        path=path,
        format=doc.format,
        sha256=hashlib.sha256(data).hexdigest(),
        pages=doc.pages,
        ocr_pages=doc.ocr_pages,
        ocr_confidence=doc.ocr_confidence,
    )
    return Letter(
        source=source,
        text=doc.text,
        reference=header.reference,
        authority=header.authority,
        date=header.date,
        regime=regime,
        outcome=classified.outcome,
        questions=found.questions,
        answers=classified.answers,
        answers_aligned=found.aligned,
        exemptions=cited.exemptions,
        warnings=tuple(dict.fromkeys(warnings)),
    )

"""foiparse: read Freedom of Information response letters into typed records.

>>> import foiparse
>>> letter = foiparse.parse("response.pdf")          # doctest: +SKIP
>>> letter.outcome, [e.id for e in letter.exemptions]  # doctest: +SKIP
"""

from __future__ import annotations

from foiparse.bulk import BulkStats, ParseResult, export_dataset, parse_many
from foiparse.errors import (
    CorruptDocument,
    EmptyDocument,
    EncryptedDocument,
    FoiParseError,
    LimitExceeded,
    NoTextLayer,
    ParseFailed,
    UnreadableSource,
    UnsupportedFormat,
    WorkerCrashed,
)
from foiparse.options import OcrMode, ParseOptions
from foiparse.pipeline import parse
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

__version__ = "0.1.0"

__all__ = [
    "Answer",
    "BulkStats",
    "CorruptDocument",
    "Disposition",
    "EmptyDocument",
    "EncryptedDocument",
    "Exemption",
    "Field",
    "FoiParseError",
    "Letter",
    "LimitExceeded",
    "NoTextLayer",
    "OcrMode",
    "Outcome",
    "ParseFailed",
    "ParseOptions",
    "ParseResult",
    "Question",
    "Regime",
    "Source",
    "SourceFormat",
    "Span",
    "UnreadableSource",
    "UnsupportedFormat",
    "WorkerCrashed",
    "export_dataset",
    "parse",
    "parse_many",
]

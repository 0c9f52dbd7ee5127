"""The errors foiparse raises. Catch :class:`FoiParseError` to catch them all.

Each is raised ``from`` the library error that caused it, so the cause stays in the traceback,
and each message says in plain words what was wrong and, where there is one, what to do.
"""

from __future__ import annotations


class FoiParseError(Exception):
    """Root of every error foiparse raises on purpose."""


class UnreadableSource(FoiParseError):
    """The source cannot be read at all: a missing file, a folder, no permission."""


class UnsupportedFormat(FoiParseError):
    """The input is a format foiparse does not read (an image, a spreadsheet, a legacy .doc
    without antiword installed...). The message names the format."""


class EncryptedDocument(FoiParseError):
    """The document is encrypted and the empty password does not open it."""


class NoTextLayer(FoiParseError):
    """A PDF has pages with no text layer (a scan) and OCR is off or not installed."""


class CorruptDocument(FoiParseError):
    """The document claims a format but cannot be read as one (truncated, broken structure)."""


class EmptyDocument(FoiParseError):
    """The input holds no bytes, or no text once loaded."""


class LimitExceeded(FoiParseError):
    """The input is over a limit: one set in :class:`foiparse.ParseOptions` (bytes, pages,
    characters, seconds, unzipped bytes), or a DOCX whose compression ratio marks a zip bomb."""


class WorkerCrashed(FoiParseError):
    """The process parsing the document died (a crash in a native library, or killed).
    Only :func:`foiparse.parse_many` and the bulk command report it."""


class ParseFailed(FoiParseError):
    """Parsing raised an unexpected exception (a bug in foiparse or a library it uses).

    Only :func:`foiparse.parse_many` and the commands report it, in place of a traceback; the
    message starts with the original exception's type name.
    """


__all__ = [
    "CorruptDocument",
    "EmptyDocument",
    "EncryptedDocument",
    "FoiParseError",
    "LimitExceeded",
    "NoTextLayer",
    "ParseFailed",
    "UnreadableSource",
    "UnsupportedFormat",
    "WorkerCrashed",
]

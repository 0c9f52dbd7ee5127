"""Legacy Word .doc (OLE2) files."""

from __future__ import annotations

from foiparse.document import Document
from foiparse.errors import UnsupportedFormat
from foiparse.options import ParseOptions


def load_doc(data: bytes, options: ParseOptions) -> Document:
    raise UnsupportedFormat(
        "this is a legacy Word .doc file; install antiword to read it, or convert it to DOCX or PDF"
    )

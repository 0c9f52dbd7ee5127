"""Word .docx letters through python-docx (minimal first version)."""

from __future__ import annotations

from io import BytesIO

import docx

from foiparse.document import BlockKind, Document, DocumentBuilder
from foiparse.options import ParseOptions
from foiparse.records import SourceFormat


def load_docx(data: bytes, options: ParseOptions) -> Document:
    document = docx.Document(BytesIO(data))
    builder = DocumentBuilder(SourceFormat.DOCX)
    for paragraph in document.paragraphs:
        builder.add(paragraph.text)
    for table in document.tables:
        for row in table.rows:
            cells = [c.text.strip() for c in row.cells]
            builder.add(" | ".join(cells), kind=BlockKind.TABLE_ROW, cells=cells)
    return builder.build()

"""PDF letters through pdfplumber (minimal first version: text lines per page)."""

from __future__ import annotations

from io import BytesIO

import pdfplumber
from pdfminer.pdfdocument import PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError

from foiparse.document import Document, DocumentBuilder
from foiparse.errors import CorruptDocument, EncryptedDocument, LimitExceeded, NoTextLayer
from foiparse.options import ParseOptions
from foiparse.records import SourceFormat


def load_pdf(data: bytes, options: ParseOptions) -> Document:
    builder = DocumentBuilder(SourceFormat.PDF)
    try:
        with pdfplumber.open(BytesIO(data)) as pdf:
            n_pages = len(pdf.pages)
            if n_pages > options.max_pages:
                raise LimitExceeded(f"the PDF has {n_pages} pages, over the limit of {options.max_pages}")
            empty = []
            for number, page in enumerate(pdf.pages, start=1):
                text = page.extract_text() or ""
                if not text.strip():
                    empty.append(number)
                for line in text.splitlines():
                    builder.add(line, page=number)
    except PDFPasswordIncorrect as exc:
        raise EncryptedDocument("the PDF is encrypted and the empty password does not open it") from exc
    except PDFSyntaxError as exc:
        raise CorruptDocument(f"the PDF is damaged and cannot be read ({exc})") from exc
    doc = builder.build(pages=n_pages)
    if not doc.text.strip():
        raise NoTextLayer("the PDF has no text layer (a scan): OCR is needed to read it")
    return doc

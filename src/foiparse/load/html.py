"""HTML pages through beautifulsoup4 with lxml (minimal first version)."""

from __future__ import annotations

from bs4 import BeautifulSoup

from foiparse.document import Document, DocumentBuilder
from foiparse.options import ParseOptions
from foiparse.records import SourceFormat


def load_html(data: bytes, options: ParseOptions) -> Document:
    soup = BeautifulSoup(data, "lxml")
    for tag in soup(["script", "style", "nav", "header", "footer", "noscript"]):
        tag.decompose()
    builder = DocumentBuilder(SourceFormat.HTML)
    for line in soup.get_text("\n").splitlines():
        builder.add(line)
    return builder.build()

"""Legacy Word .doc (OLE2) files, read through the ``antiword`` program.

antiword prints the document as plain text: with ``-w 0`` one line per paragraph, table rows as
``|cell|cell|`` lines, list bullets as glyphs. Each line becomes one block.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile

import regex

from foiparse.document import BlockKind, Document, DocumentBuilder
from foiparse.errors import CorruptDocument, EncryptedDocument, LimitExceeded, UnsupportedFormat
from foiparse.options import ParseOptions
from foiparse.records import SourceFormat

_INSTALL_HINT = (
    "this is a legacy Word .doc file; install antiword to read it "
    "(apt-get install antiword, brew install antiword), or convert it to DOCX or PDF"
)
#: OLE2 directory entries are named in UTF-16LE; a Word file always has this stream.
_WORD_STREAM = "WordDocument".encode("utf-16-le")
#: Streams that betray the other Office formats sharing the OLE2 container, and what to say.
_OTHER_OLE = {
    "Workbook".encode("utf-16-le"): "this is a legacy Excel spreadsheet (.xls), not a letter",
    "Book".encode("utf-16-le"): "this is a legacy Excel spreadsheet (.xls), not a letter",
    "PowerPoint Document".encode("utf-16-le"):
        "this is a legacy PowerPoint presentation (.ppt), not a letter",
    "__substg1.0_".encode("utf-16-le"):
        "this is an Outlook .msg message; save it as .eml to parse it",
}
# A bullet glyph antiword copies from Word's list formatting, then the item's text.
_BULLET = regex.compile(r"^\s*([\u2022\u25cf\u25aa\u25a0\u25e6\u2023\u2043\u00b7\uf0b7\u2013-])\s+")
# Word's automatic numbering as antiword prints it: "1.", "2)", "(a)", "iv.".
_NUMBERED = regex.compile(r"^\s*(\(?(?:\d{1,3}|[a-z]|[ivx]{1,5})[.)])\s+")


def antiword_path() -> str | None:
    """Where the antiword binary is, or ``None`` when it is not installed."""
    return shutil.which("antiword")


def load_doc(data: bytes, options: ParseOptions) -> Document:
    """Read a Word 97-2003 document with antiword; one block per paragraph or table row.

    Raises :class:`UnsupportedFormat` when antiword is missing or the OLE2 file is another Office
    format, :class:`EncryptedDocument` for a password-protected file, :class:`CorruptDocument`
    when antiword cannot read it, and :class:`LimitExceeded` past ``options.timeout`` seconds.
    """
    check_word_stream(data)
    binary = antiword_path()
    if binary is None:
        raise UnsupportedFormat(_INSTALL_HINT)
    text = _run_antiword(binary, data, options.timeout)
    builder = DocumentBuilder(SourceFormat.DOC)
    for line in text.replace("\f", "\n").split("\n"):
        _add_line(builder, line)
    return builder.build()


def check_word_stream(data: bytes) -> None:
    """Refuse OLE2 files that are not Word documents, naming what they are.

    Word, Excel, PowerPoint and Outlook .msg files share the OLE2 container; the stream names
    in its directory (UTF-16) tell them apart.
    """
    # The directory sits anywhere in the file, so scan it all; it is a byte search, cheap.
    if _WORD_STREAM in data:
        return
    for marker, message in _OTHER_OLE.items():
        if marker in data:
            raise UnsupportedFormat(message)


def _run_antiword(binary: str, data: bytes, timeout: float) -> str:
    # antiword only reads named files, so the bytes go through a private temporary file.
    handle, path = tempfile.mkstemp(suffix=".doc", prefix="foiparse-")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        # Ask for UTF-8 explicitly: antiword otherwise picks a mapping from the locale, and under
        # LANG=C curly quotes and bullets would be lost.
        completed = subprocess.run(
            [binary, "-w", "0", "-m", "UTF-8.txt", path],
            capture_output=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise LimitExceeded(
            f"antiword did not finish within {timeout:g} s (raise ParseOptions.timeout)"
        ) from exc
    except OSError as exc:
        raise UnsupportedFormat(f"antiword could not be run ({exc}); {_INSTALL_HINT}") from exc
    finally:
        os.unlink(path)
    stderr = completed.stderr.decode("utf-8", errors="replace").replace(path, "the file").strip()
    if completed.returncode != 0:
        lowered = stderr.lower()
        if "encrypt" in lowered or "password" in lowered:
            raise EncryptedDocument("the Word document is password protected")
        raise CorruptDocument(
            f"antiword cannot read this .doc file; it may be damaged ({stderr or 'no message'})"
        )
    return completed.stdout.decode("utf-8", errors="replace")


def _add_line(builder: DocumentBuilder, line: str) -> None:
    stripped = line.strip()
    if stripped.startswith("|") and stripped.endswith("|") and len(stripped) > 1:
        cells = [cell.strip() for cell in stripped[1:-1].split("|")]
        if any(cells):
            builder.add(" | ".join(cells), kind=BlockKind.TABLE_ROW, cells=cells)
        return
    bullet = _BULLET.match(line)
    if bullet:
        builder.add(line, kind=BlockKind.LIST_ITEM, list_label=bullet.group(1))
        return
    numbered = _NUMBERED.match(line)
    if numbered:
        builder.add(line, kind=BlockKind.LIST_ITEM, list_label=numbered.group(1))
        return
    builder.add(line)

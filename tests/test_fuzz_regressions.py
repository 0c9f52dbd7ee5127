"""Inputs that once broke foiparse (found by fuzzing and probing), kept so they stay fixed.

Each case names what went wrong before the fix. The inputs are small and written inline;
where one is big, it is built from a short pattern.
"""

from __future__ import annotations

import time
import warnings

import pytest

import foiparse
from foiparse.document import BlockKind, Document, DocumentBuilder
from foiparse.load import load
from foiparse.load.dispatch import MAX_BLOCK_CHARS, bound_blocks
from foiparse.records import SourceFormat

HEADERS = b"From: FOI Team <foi@council.example>\nTo: a@example.org\nSubject: FOI\nMIME-Version: 1.0\n"


@pytest.mark.parametrize(
    ("data", "error", "words"),
    [
        # pdfminer's exception class leaked into the message: "(PdfminerException: Unexpected EOF)".
        pytest.param(b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n",
                     foiparse.CorruptDocument, "the PDF is damaged", id="truncated-pdf"),
        # 2,000 nested multiparts exhaust the e-mail package's recursion.
        pytest.param(HEADERS + b"".join(b'Content-Type: multipart/mixed; boundary="b%d"\n\n--b%d\n'
                                        % (i, i) for i in range(2000)) + b"\nhello\n",
                     foiparse.CorruptDocument, "the e-mail cannot be read", id="deep-multipart"),
        # Under the 10 MB markup limit, but hours of work for the later stages.
        pytest.param(b"Section 31(1)(a)&(b) " * 120_000, foiparse.LimitExceeded,
                     "max_text_chars", id="megabytes-of-text"),
    ],
)
def test_typed_error_in_plain_words(data: bytes, error: type[Exception], words: str) -> None:
    with pytest.raises(error) as caught:
        foiparse.parse(data)
    message = str(caught.value)
    assert words in message
    assert "Exception" not in message and "Error:" not in message, message


@pytest.mark.parametrize(
    "data",
    [
        # One line of citations: a stage's per-citation look back over the whole line made
        # parsing cost the square of the line's length (tens of seconds at 50 kB).
        pytest.param(b"Dear Sir, Section 31" + b"(1)" * 20_000, id="one-line-of-citations"),
        # One "word" of 200,000 letters: every stage's pattern search rescanned it.
        pytest.param(b"Dear Sir,\n" + b"a" * 100_000, id="one-long-word"),
        # A page with no line breaks at all (minified HTML).
        pytest.param(b"<html><body><p>" + b"The Council holds the information. " * 3_000
                     + b"</p></body></html>", id="minified-html"),
    ],
)
def test_long_lines_parse_in_bounded_time(data: bytes) -> None:
    started = time.process_time()
    letter = foiparse.parse(data)
    # CPU seconds, not wall-clock, so a busy machine does not fail the test. Before the fix
    # the citations took 15 CPU seconds and grew with the square of the line; after it, each
    # case takes about one.
    assert time.process_time() - started < 10
    assert any("cut into shorter blocks" in w for w in letter.warnings)


@pytest.mark.parametrize(
    "text",
    [
        # Wrapped lines of "please clarify" with no full stop, joined into one paragraph: the
        # test for the authority's own clarification list scanned to the paragraph's end from
        # every "please" (9 CPU s at 240 kB, growing with the square).
        pytest.param("please clarify the scope of the request for the parking permit records we "
                     "hold\n" * 4_000, id="paragraph-of-please-clarify"),
        # Thousands of quoted paragraphs before the letter's last line: each was checked for
        # running to the end of the text (30 CPU s at 16,000 paragraphs, growing with the square).
        pytest.param("> a quoted line of the request\n>\n" * 16_000, id="many-quoted-paragraphs"),
    ],
)
def test_long_markdown_parses_in_bounded_time(text: str, tmp_path) -> None:
    letter = tmp_path / "letter.md"
    letter.write_text(f"Dear Sir,\n\n{text}\nYours faithfully\n", encoding="utf-8")
    started = time.process_time()
    foiparse.parse(letter, options={"max_markup_bytes": 20_000_000})
    assert time.process_time() - started < 10  # CPU seconds; before the fixes, 16 and 30


@pytest.mark.parametrize(
    ("data", "outcome"),
    [
        # Too many tags for a tree: 1.9 million nested <div>s (9.5 MB, under the markup limit)
        # took beautifulsoup four minutes and 1.2 GB; read as plain text, two seconds.
        pytest.param(b"<html><body>" + b"<div>" * 120_000 + b"Dear Sir, the answer is 4.",
                     "read as plain text", id="120k-nested-divs"),
        pytest.param(HEADERS + b"Content-Type: text/html\n\n<html><body>" + b"<div>" * 120_000
                     + b"Dear Sir, the answer is 4.", "record", id="120k-divs-in-an-email"),
        # Opening tags never closed: each one made the plain-text fallback rescan the page.
        pytest.param(b"<html><body><p>Dear Sir, the answer is 4.</p>" + b"<p" * 110_000,
                     "read as plain text", id="110k-unclosed-tags"),
        pytest.param(b"<html><body><p>Dear Sir, the answer is 4.</p>" + b"<script>x" * 110_000,
                     "read as plain text", id="110k-unclosed-scripts"),
    ],
)
def test_tag_floods_are_read_as_text(data: bytes, outcome: str) -> None:
    started = time.process_time()
    letter = foiparse.parse(data)
    assert time.process_time() - started < 10
    assert "the answer is 4" in letter.text
    if outcome != "record":
        assert any(outcome in w for w in letter.warnings), letter.warnings


def test_xhtml_does_not_warn_on_the_users_terminal() -> None:
    """bs4's XMLParsedAsHTMLWarning reached stderr for every XHTML letter."""
    page = (b'<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml">'
            b"<body><p>Dear Requester, the Council holds 12 vehicles.</p></body></html>")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        letter = foiparse.parse(page)
    assert "12 vehicles" in letter.text


def _doc(*texts: str, kind: BlockKind = BlockKind.PARAGRAPH) -> Document:
    builder = DocumentBuilder(SourceFormat.TEXT)
    for text in texts:
        builder.add(text, kind=kind, page=3, list_label="1." if kind is BlockKind.LIST_ITEM else None,
                    cells=(text,) if kind is BlockKind.TABLE_ROW else ())
    return builder.build(pages=4, warnings=("earlier",))


@pytest.mark.parametrize(
    ("texts", "kind", "n_blocks"),
    [
        pytest.param(("short", "lines"), BlockKind.PARAGRAPH, 2, id="untouched"),
        pytest.param(("x" * MAX_BLOCK_CHARS,), BlockKind.PARAGRAPH, 1, id="exactly-the-limit"),
        pytest.param(("word " * 3_000,), BlockKind.PARAGRAPH, 3, id="cut-at-spaces"),
        pytest.param(("y" * (2 * MAX_BLOCK_CHARS + 1),), BlockKind.PARAGRAPH, 3, id="hard-cuts"),
        pytest.param(("1. " + "item " * 2_000,), BlockKind.LIST_ITEM, 3, id="list-item"),
        pytest.param(("cell " * 2_000,), BlockKind.TABLE_ROW, 2, id="table-row"),
    ],
)
def test_bound_blocks(texts: tuple[str, ...], kind: BlockKind, n_blocks: int) -> None:
    doc = _doc(*texts, kind=kind)
    bounded = bound_blocks(doc)
    assert len(bounded.blocks) == n_blocks
    # Nothing but white space changes: a cut replaces a space, or (with none near) adds "\n".
    assert "".join(bounded.text.split()) == "".join(doc.text.split())
    assert (bounded.pages, bounded.format) == (doc.pages, doc.format)
    for block in bounded.blocks:
        assert len(block.text) <= MAX_BLOCK_CHARS
        assert bounded.text[block.start:block.end] == block.text
        assert block.page == 3
    if n_blocks > len(texts):
        assert bounded.warnings[0] == "earlier" and len(bounded.warnings) == 2
        labels = [b.list_label for b in bounded.blocks]
        assert labels[1:] == [None] * (n_blocks - 1)
        assert all(b.kind is not BlockKind.TABLE_ROW and not b.cells for b in bounded.blocks)
    else:
        assert bounded is doc


def test_loader_output_is_bounded() -> None:
    doc = load(b"Dear Sir,\n" + b"0123456789" * 3_000)
    assert max(len(b.text) for b in doc.blocks) <= MAX_BLOCK_CHARS

"""E-mail loader: metadata, quoted earlier messages moved after the reply, broken MIME."""

from __future__ import annotations

import pytest

from foiparse.document import BlockKind
from foiparse.errors import CorruptDocument, FoiParseError
from foiparse.load import load

HEAD = (
    b"From: Example Council <foi@council.example>\nTo: requester@example.org\n"
    b"Subject: Re: FOI request - Parking fines\nDate: Tue, 05 Mar 2024 10:00:00 +0000\n"
    b"MIME-Version: 1.0\n"
)
REPLY = "Dear Mr Smith,\nWe do not hold this information.\nKind regards,\nFOI Team\n"


def _plain(body: str) -> bytes:
    return HEAD + b'Content-Type: text/plain; charset="utf-8"\n\n' + body.encode()


@pytest.mark.parametrize(
    "quoted",
    [
        "On Mon, 4 Mar 2024 at 09:00, A Requester <a@example.org> wrote:\n> Please tell me\n",
        "On Mon, 4 Mar 2024 at 09:00, A Requester <a@example.org>\nwrote:\n> Please tell me\n",
        "-----Original Message-----\nFrom: A Requester\nSubject: FOI / 1234567\nPlease tell me\n",
        "From: FOI\nSent: 01 March 2024 14:40\nTo: A Requester\nSubject: Re - FOI / 1234567\n"
        "Please tell me\n",
        "________________________________\nFrom: A Requester\nPlease tell me\n",
    ],
    ids=["on-wrote", "on-wrote-wrapped", "original-message", "outlook-header", "outlook-rule"],
)
def test_quoted_messages_follow_reply(quoted: str) -> None:
    doc = load(_plain(REPLY + quoted))
    kinds = [b.kind for b in doc.blocks]
    reply = [b.text for b in doc.blocks if b.kind is not BlockKind.QUOTE]
    assert reply == REPLY.strip().split("\n")
    assert kinds == sorted(kinds, key=lambda k: k is BlockKind.QUOTE)  # quotes come last
    assert any("Please tell me" in b.text for b in doc.blocks if b.kind is BlockKind.QUOTE)


def test_interleaved_angle_quotes_are_quotes() -> None:
    doc = load(_plain("> Q1 How many?\nWe hold none.\n> Q2 Cost?\nNone spent.\n"))
    assert [b.text for b in doc.blocks if b.kind is not BlockKind.QUOTE] == ["We hold none.", "None spent."]
    assert [b.text for b in doc.blocks if b.kind is BlockKind.QUOTE] == ["Q1 How many?", "Q2 Cost?"]


def test_bare_forward_is_all_reply() -> None:
    doc = load(_plain("-----Original Message-----\nFrom: FOI\nSent: today\nThe answer is 4.\n"))
    assert not any(b.kind is BlockKind.QUOTE for b in doc.blocks)


def test_metadata() -> None:
    meta = load(_plain(REPLY)).metadata
    assert meta.sender == "Example Council <foi@council.example>"
    assert meta.sent == "Tue, 05 Mar 2024 10:00:00 +0000"
    assert meta.subject == "Re: FOI request - Parking fines"


def test_html_body_goes_through_html_logic() -> None:
    body = (
        "<html><body><p>Dear Mr Smith,</p><ol><li>We hold 3 records.</li></ol>"
        '<div class="gmail_quote">On Mon wrote: <p>old text</p></div></body></html>'
    )
    data = HEAD + b'Content-Type: text/html; charset="utf-8"\n\n' + body.encode()
    doc = load(data)
    assert [b.text for b in doc.blocks if b.kind is not BlockKind.QUOTE] == [
        "Dear Mr Smith,",
        "1. We hold 3 records.",
    ]
    assert doc.blocks[1].list_label == "1."
    assert "old text" in " ".join(b.text for b in doc.blocks if b.kind is BlockKind.QUOTE)


def test_multipart_prefers_plain_and_decodes_quoted_printable() -> None:
    data = HEAD + (
        b'Content-Type: multipart/alternative; boundary="XX"\n\n--XX\n'
        b'Content-Type: text/plain; charset="utf-8"\nContent-Transfer-Encoding: quoted-printable'
        b"\n\nThe Commissioner=E2=80=99s Office\n--XX\nContent-Type: text/html\n\n<p>html</p>\n"
        b"--XX--\n"
    )
    assert load(data).text == "The Commissioner\u2019s Office"


@pytest.mark.parametrize(
    "data",
    [
        HEAD + b'Content-Type: multipart/mixed; boundary="nope"\n\n--other\ngarbage',
        HEAD + b'Content-Type: text/plain; charset="x-no-such-charset"\n\nCaf\xe9 reply',
        HEAD + b"Content-Type: text/plain\nContent-Transfer-Encoding: base64\n\n!!!not base64",
        b"From: a\nTo: b\nSubject: \xff\xfe\x00\nDate: never\n\n\x00\x01body",
    ],
    ids=["wrong-boundary", "unknown-charset", "bad-base64", "binary-headers"],
)
def test_broken_mime_gives_document_or_corrupt(data: bytes) -> None:
    try:
        doc = load(data, name="x.eml")
    except FoiParseError as exc:
        assert isinstance(exc, (CorruptDocument, FoiParseError))
    else:
        assert doc.text


# -- attachments ---------------------------------------------------------------------------

COVER = ("Dear Ms Jones,\n\nPlease find attached our response to your request.\n\n"
         "Kind regards,\nInformation Governance Team\n")
LONG_REPLY = "Dear Ms Jones,\n" + "We have searched our records for the information. " * 60 + "\nRegards\n"


def _with_files(body: str, *files: tuple[str, str, bytes], quoted: str = "") -> bytes:
    from email.message import EmailMessage

    message = EmailMessage()
    message["From"] = "Example Trust <foi@trust.example>"
    message["To"] = "requester@example.org"
    message["Subject"] = "Your FOI request"
    message["Date"] = "Wed, 15 May 2024 09:00:00 +0100"
    message.set_content(body + quoted)
    for name, mime, data in files:
        maintype, subtype = mime.split("/")
        message.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    return message.as_bytes()


def _golden(name: str) -> bytes:
    from tests.conftest import GOLDEN

    return (GOLDEN / name).read_bytes()


def test_cover_note_reads_the_attached_pdf_letter() -> None:
    import foiparse

    data = _with_files(COVER, ("response.pdf", "application/pdf", _golden("nhs-trust-letter.pdf")))
    letter = foiparse.parse(data)
    assert letter.source.format is foiparse.SourceFormat.EMAIL
    assert letter.reference is not None and letter.reference.value == "FOI 2024-118"
    assert len(letter.questions) == 3
    assert letter.source.pages == 2
    assert {q.span.page for q in letter.questions if q.span} <= {1, 2}  # pages of the PDF
    assert "Please find attached our response" in letter.text  # the note is kept, after it
    assert "read attachment response.pdf (2 pages) before the e-mail's own text" in letter.warnings


def test_attachment_comes_before_the_quoted_thread() -> None:
    quoted = "\nOn Mon, 1 Apr 2024 at 09:00, A Requester <a@example.org> wrote:\n> Please tell me\n"
    docx_mime = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    doc = load(_with_files(COVER, ("letter.docx", docx_mime, _golden("trust-table.docx")),
                           quoted=quoted))
    kinds = [b.kind for b in doc.blocks]
    assert kinds[-1] is BlockKind.QUOTE and BlockKind.TABLE_ROW in kinds
    assert kinds.index(BlockKind.TABLE_ROW) < kinds.index(BlockKind.QUOTE)
    assert doc.pages is None  # a DOCX has no pages to count


@pytest.mark.parametrize(
    ("body", "files", "warning"),
    [
        pytest.param(LONG_REPLY, [("response.pdf", "application/pdf", "nhs-trust-letter.pdf")],
                     "attachments not read (response.pdf): the e-mail's own text is the reply",
                     id="full-reply-body"),
        pytest.param(COVER, [("data.xlsx", "application/vnd.openxmlformats-officedocument"
                              ".spreadsheetml.sheet", None)],
                     "attachment data.xlsx not read: this is an Excel", id="spreadsheet"),
        pytest.param(COVER, [("fwd.eml", "application/octet-stream", "council-reply.eml")],
                     "attachment fwd.eml not read: it is an e-mail itself", id="attached-email"),
    ],
)
def test_attachments_left_unread_say_why(body: str, files: list[tuple[str, str, str | None]],
                                          warning: str) -> None:
    import io
    import zipfile

    def content(name: str | None) -> bytes:
        if name is not None:
            return _golden(name)
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as archive:
            archive.writestr("[Content_Types].xml", "<Types/>")
            archive.writestr("xl/workbook.xml", "<workbook/>")
        return out.getvalue()

    doc = load(_with_files(body, *[(n, m, content(src)) for n, m, src in files]))
    assert any(w.startswith(warning) for w in doc.warnings), doc.warnings
    assert all(b.page is None for b in doc.blocks)


def test_images_are_not_attachments_to_read() -> None:
    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
    doc = load(_with_files(COVER, ("logo.png", "image/png", png)))
    assert not any("logo.png" in w for w in doc.warnings)
    assert doc.text.startswith("Dear Ms Jones,")  # nothing read in before the note


def test_attachments_do_not_count_towards_the_markup_limit() -> None:
    """A big attached PDF is no reason to refuse the e-mail; a big body would be."""
    from foiparse.options import ParseOptions

    pdf = _golden("nhs-trust-letter.pdf")
    data = _with_files(COVER, ("response.pdf", "application/pdf", pdf))
    options = ParseOptions(max_markup_bytes=len(data) // 2)
    assert "read attachment response.pdf (2 pages) before the e-mail's own text" in load(
        data, options=options).warnings


def _mixed(*parts: tuple[str, str, str]) -> bytes:
    """A multipart/mixed message from (content type, disposition, body) parts."""
    out = HEAD + b'Content-Type: multipart/mixed; boundary="XX"\n\n'
    for ctype, disposition, body in parts:
        out += f"--XX\nContent-Type: {ctype}\nContent-Disposition: {disposition}\n\n{body}\n".encode()
    return out + b"--XX--\n"


ATTACHED_LETTER = ("Dear Ms Jones,\n\nRe: FOI 2024-77\n\nWe do not hold the information you "
                   "asked for.\n\nYours sincerely,\nRecords Officer\n")


@pytest.mark.parametrize(
    ("parts", "times_the_note", "read"),
    [
        pytest.param([("text/plain; charset=utf-8", 'inline; filename="message.txt"', COVER)],
                     1, [], id="body-as-named-inline-part"),
        pytest.param([("text/plain; charset=utf-8", "inline", COVER),
                      ("text/plain; charset=utf-8", 'attachment; filename="letter.txt"',
                       ATTACHED_LETTER)],
                     1, ["letter.txt"], id="text-attachment-still-read"),
    ],
)
def test_the_body_is_never_read_again_as_an_attachment(
        parts: list[tuple[str, str, str]], times_the_note: int, read: list[str]) -> None:
    doc = load(_mixed(*parts))
    assert doc.text.count("Please find attached our response") == times_the_note
    assert [w.split()[2] for w in doc.warnings if w.startswith("read attachment")] == read

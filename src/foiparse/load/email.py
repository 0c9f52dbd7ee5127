"""E-mail messages (.eml) through the standard library.

The body is the text/plain part, else the text/html part read as the HTML loader reads pages.
Earlier messages quoted below the reply ("On ... wrote:", "-----Original Message-----", an
Outlook "From: ... Sent: ..." header block, lines starting with ">") are not the reply: they
follow the reply's blocks as ``QUOTE`` blocks, where later stages can still find, say, the
reference in a quoted acknowledgement's subject line.
"""

from __future__ import annotations

import email
import email.policy
from email.message import EmailMessage, Message

import attrs
import regex

from foiparse.document import BlockKind, Document, DocumentBuilder, Metadata
from foiparse.errors import CorruptDocument, FoiParseError, LimitExceeded
from foiparse.load.common import library_reason
from foiparse.load.html import flat_text, html_blocks, parse_html, too_many_tags
from foiparse.options import ParseOptions
from foiparse.records import SourceFormat

_ON_WROTE = regex.compile(r"^\s*On\b.{0,300}\bwrote:\s*$", regex.IGNORECASE)
_ON_START = regex.compile(r"^\s*On\s+\S", regex.IGNORECASE)
_WROTE_END = regex.compile(r"\bwrote:\s*$", regex.IGNORECASE)
_ORIGINAL = regex.compile(
    r"^\s*-{2,}\s*(Original Message|Forwarded message|Reply message)\s*-{2,}\s*$",
    regex.IGNORECASE,
)
_OUTLOOK_RULE = regex.compile(r"^\s*_{10,}\s*$")
_FROM_HEADER = regex.compile(r"^\s*\*?From:\*?\s+\S", regex.IGNORECASE)
_SENT_HEADER = regex.compile(r"^\s*\*?(Sent|Date):\*?\s+\S", regex.IGNORECASE)
_QUOTE_LINE = regex.compile(r"^\s*>")
# Web-archive artefacts of a quoted thread that carry no text of their own.
_DROP_LINE = regex.compile(r"^\s*(show|hide) quoted sections\s*$", regex.IGNORECASE)


@attrs.frozen
class Attachment:
    """A file attached to an e-mail: its name as the message gives it, and its bytes."""

    name: str | None
    data: bytes


#: Attachments looked at, at most: a reply carries a letter and perhaps an annex or two.
MAX_ATTACHMENTS = 5


def load_email(data: bytes, options: ParseOptions) -> Document:
    """Read an RFC 822 message into a :class:`Document` with From/Date/Subject as metadata."""
    return read_email(data, options)[0]


def read_email(data: bytes, options: ParseOptions) -> tuple[Document, list[Attachment]]:
    """The message as a :class:`Document`, and its attached files (at most
    :data:`MAX_ATTACHMENTS`; images and attached messages left out)."""
    try:
        message = email.message_from_bytes(data, policy=email.policy.default)
        metadata = Metadata(
            sender=_header(message, "From"),
            sent=_header(message, "Date"),
            subject=_header(message, "Subject"),
        )
        plain, html = _bodies(message)
        body_chars = max(len(plain or ""), len(html or ""))
        if body_chars > options.max_markup_bytes:
            # Attachments may make an e-mail big; its text must stay within the markup limit.
            raise LimitExceeded(
                f"the e-mail's body is {body_chars:,} characters, over the limit of "
                f"{options.max_markup_bytes:,} for markup and text (raise "
                "ParseOptions.max_markup_bytes to read it)"
            )
        builder = DocumentBuilder(SourceFormat.EMAIL)
        if plain is not None and plain.strip():
            reply, quoted = split_quoted(plain.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
            for line in reply:
                builder.add(line)
            for line in quoted:
                text = line.lstrip("> ").rstrip() if _QUOTE_LINE.match(line) else line
                builder.add(text, kind=BlockKind.QUOTE)
        elif html is not None:
            # The HTML body is as hostile as any page (deep nesting, broken markup): its
            # failures are the e-mail's, reported the same way.
            _add_html(builder, html)
        attachments = _attachments(message)
    except FoiParseError:
        raise
    except Exception as exc:  # the email package raises many types on broken MIME
        raise CorruptDocument(f"the e-mail cannot be read ({library_reason(exc)})") from exc
    return builder.build(metadata=metadata), attachments


def _attachments(message: Message) -> list[Attachment]:
    # Some mailers send the body itself as an inline part with a file name ("message.txt"):
    # it is already read as the body, not an attachment.
    bodies: set[int] = set()
    if isinstance(message, EmailMessage):
        for kind in ("plain", "html"):
            body = message.get_body(preferencelist=(kind,))
            if body is not None:
                bodies.add(id(body))
    found = []
    for part in message.walk():
        if part.is_multipart() or part.get_content_maintype() in ("image", "message", "audio",
                                                                  "video"):
            continue
        if id(part) in bodies:
            continue
        if part.get_content_disposition() != "attachment" and not part.get_filename():
            continue  # a body part, not a file
        payload = part.get_payload(decode=True)
        if isinstance(payload, bytes) and payload.strip():
            found.append(Attachment(part.get_filename(), payload))
        if len(found) == MAX_ATTACHMENTS:
            break
    return found




def _header(message: Message, name: str) -> str | None:
    try:
        value = message.get(name)
    except Exception:  # a malformed header must not sink the whole message
        return None
    text = " ".join(str(value).split()) if value is not None else ""
    return text or None


def _bodies(message: Message) -> tuple[str | None, str | None]:
    """The text/plain and text/html bodies (either may be ``None``)."""
    plain = html = None
    if isinstance(message, EmailMessage):
        part = message.get_body(preferencelist=("plain",))
        if part is not None:
            plain = _content(part)
        part = message.get_body(preferencelist=("html",))
        if part is not None:
            html = _content(part)
    if plain is None and html is None:
        # No part qualifies as a body (odd multipart nesting): take the first text part.
        for sub in message.walk():
            if sub.get_content_maintype() == "text" and not sub.is_multipart():
                content = _content(sub)
                if sub.get_content_subtype() == "html":
                    html = content
                else:
                    plain = content
                break
    return plain, html


def _content(part: Message) -> str:
    """A part's text, tolerating unknown or wrong charsets."""
    try:
        if isinstance(part, EmailMessage):
            return str(part.get_content())
    except (LookupError, UnicodeError, ValueError, AssertionError):
        pass  # an unknown charset name or bad bytes: decode by hand below
    payload = part.get_payload(decode=True)
    if isinstance(payload, bytes):
        for encoding in (part.get_content_charset() or "utf-8", "utf-8"):
            try:
                return payload.decode(encoding)
            except (LookupError, UnicodeDecodeError):
                continue
        return payload.decode("cp1252", errors="replace")
    return str(payload or "")


def split_quoted(lines: list[str]) -> tuple[list[str], list[str]]:
    """The reply's lines and the quoted earlier messages' lines.

    Everything from the first quote header on is quoted; ``>`` lines are quoted wherever they
    are. A message that *starts* with a quote header is a bare forward: all of it is the reply.
    """
    lines = [line for line in lines if not _DROP_LINE.match(line)]
    cut = _quote_start(lines)
    if cut is not None and not any(line.strip() for line in lines[:cut]):
        cut = None
    head = lines if cut is None else lines[:cut]
    tail = [] if cut is None else lines[cut:]
    reply = [line for line in head if not _QUOTE_LINE.match(line)]
    quoted = [line for line in head if _QUOTE_LINE.match(line)] + tail
    return reply, quoted


def _quote_start(lines: list[str]) -> int | None:
    for index, line in enumerate(lines):
        if _ORIGINAL.match(line) or _ON_WROTE.match(line):
            return index
        if (
            _ON_START.match(line)
            and any(_WROTE_END.search(nxt) for nxt in lines[index + 1 : index + 3])
            and len(line) < 200
        ):
            return index
        if _OUTLOOK_RULE.match(line) and any(_FROM_HEADER.match(nxt) for nxt in lines[index + 1 : index + 3]):
            return index
        if _FROM_HEADER.match(line) and any(_SENT_HEADER.match(nxt) for nxt in lines[index + 1 : index + 5]):
            return index
    return None


def _add_html(builder: DocumentBuilder, html: str) -> None:
    """An HTML body: blocks as the HTML loader makes them, quotes split off the same way."""
    if too_many_tags(html):
        # Far more markup than any message: its words as plain lines, as the HTML loader does.
        reply, quoted = split_quoted(flat_text(html).split("\n"))
        for line in reply:
            builder.add(line)
        for line in quoted:
            builder.add(line, kind=BlockKind.QUOTE)
        return
    soup = parse_html(html)
    # Mail clients wrap the quoted thread in their own containers; read them as blockquotes.
    for quote in soup.select(".gmail_quote, #divRplyFwdMsg, #appendonsend, .moz-cite-prefix"):
        quote.name = "blockquote"
    blocks = html_blocks(soup.body or soup)
    cut = _quote_start([b.text for b in blocks])
    if cut is None or not any(b.kind is not BlockKind.QUOTE for b in blocks[:cut]):
        cut = len(blocks)
    for block in blocks[:cut]:
        if block.kind is not BlockKind.QUOTE:
            block.add_to(builder)
    for block in [b for b in blocks[:cut] if b.kind is BlockKind.QUOTE] + blocks[cut:]:
        block.add_to(builder, kind=BlockKind.QUOTE)

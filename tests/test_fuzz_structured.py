"""Structured fuzzing: HTML pages, e-mails and text letters built from their real parts.

Random bytes (tests/test_any_input.py) rarely get past the format sniffer; these strategies
build inputs that do, then break them the way scraped files are broken: unclosed and misnested
tags, stray entities, multipart trees with wrong boundaries, unknown charsets and transfer
encodings that lie, numbering schemes and citations mixed in one letter. Whatever comes out,
``parse`` must give a Letter (whose spans index its own text) or raise a FoiParseError.
"""

from __future__ import annotations

import base64
import quopri

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import foiparse
from tests.conftest import GOLDEN

SETTINGS = settings(max_examples=60, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# --- words of a letter ------------------------------------------------------------------------

WORDS = st.sampled_from([
    "Dear", "Requester", "information", "held", "Council", "Police", "staff", "request", "FOI",
    "exempt", "refused", "withheld", "provided", "attached", "Yours", "sincerely", "1,204",
    "\u00a3450", "caf\u00e9", "\u201cquoted\u201d", "\u2013", "N/A", "\u00a0", "&", "<", ">", "\u202e",
    "\U0001f600", "\ufeff", "\x00", "\u0301", "Section", "Act", "2000", "EIR", "FOISA", "5 ILCS 140",
])
SENTENCE = st.lists(WORDS, min_size=1, max_size=14).map(" ".join)

CITATION = st.one_of(
    st.builds(lambda n, sub, para: f"Section {n}({sub})({para})", st.integers(1, 45),
              st.integers(1, 6), st.sampled_from("abcdefgh")),
    st.builds(lambda n, a, b: f"Section {n}(1)({a})&({b})", st.integers(21, 44),
              st.sampled_from("abc"), st.sampled_from("def")),
    st.builds(lambda n: f"s.{n}(2)", st.integers(1, 45)),
    st.builds(lambda n: f"regulation 12({n})(a)", st.integers(3, 5)),
    st.builds(lambda letter: f"5 ILCS 140/7(1)({letter})", st.sampled_from("abcdefgn")),
    st.builds(lambda n: f"Exemption {n}", st.integers(1, 9)),
    st.builds(lambda n: f"5 U.S.C. \u00a7 552(b)({n})", st.integers(1, 9)),
    st.just("Section 40(2) and 40(3A)(a) of the Freedom of Information Act 2000"),
    st.just("Section 31(1)(a)&(b)"),
)
DATE = st.one_of(
    st.dates().map(lambda d: d.strftime("%d %B %Y")),
    st.dates().map(lambda d: d.strftime("%d/%m/%Y")),
    st.dates().map(lambda d: d.strftime("%B %d, %Y")),
    st.dates().map(lambda d: d.isoformat()),
    st.just("31 February 2024"), st.just("00/00/0000"), st.just("32nd of Smarch 20244"),
)
REFERENCE = st.one_of(
    st.builds(lambda y, n: f"Our ref: FOI {y}-{n:04d}", st.integers(1990, 2100), st.integers(0, 99999)),
    st.builds(lambda n: f"Reference: {n}", st.integers(0, 10**12)),
    st.builds(lambda n: f"Request ID: F-{n}/24", st.integers(0, 9999)),
    st.just("Ref:"), st.just("Our ref: ////"),
)
LABEL = st.one_of(
    st.integers(0, 999).map(lambda n: f"{n}."), st.integers(0, 99).map(lambda n: f"{n})"),
    st.integers(0, 99).map(lambda n: f"Q{n}:"), st.sampled_from("abcdefgh").map(lambda c: f"({c})"),
    st.sampled_from(["i.", "ii.", "iv)", "(ix)", "\u2022", "-", "*", "Question 3 -", "Answer:", "1.1.1"]),
)
LINE = st.one_of(
    SENTENCE, CITATION, DATE, REFERENCE,
    st.builds(lambda lab, s: f"{lab} {s}", LABEL, SENTENCE),
    st.builds(lambda s, c: f"{s} {c} {s}", SENTENCE, CITATION),
    st.text(max_size=40),
)

# --- text letters -----------------------------------------------------------------------------

TEXT_LETTER = st.lists(LINE, min_size=1, max_size=40).map("\n".join)


def _encode(text: str, encoding: str) -> bytes:
    return text.encode(encoding, errors="replace")


# --- HTML -------------------------------------------------------------------------------------

TAGS = ["p", "div", "span", "b", "strong", "i", "table", "tr", "td", "th", "tbody", "ul", "ol",
        "li", "h1", "h2", "h3", "br", "blockquote", "pre", "section", "article", "main", "nav",
        "header", "footer", "script", "style", "a", "font", "center", "dl", "dt", "dd", "hr",
        "template", "svg", "math", "select", "option", "textarea", "frameset", "noscript"]
ATTRIBUTES = st.sampled_from([
    "", ' class="cookie-banner"', ' id="content"', ' role="main"', ' role="navigation"',
    ' type="a"', ' type="I"', ' start="7"', ' start="-3"', ' start="x"', ' value="9999999999"',
    ' colspan="0"', ' rowspan="65535"', ' style="display:none"', ' class="correspondence"',
    ' class="gmail_quote"', ' lang="cy"', " hidden", ' href="javascript:alert(1)"', ' a="<p>"',
])
ENTITIES = st.sampled_from(["&amp;", "&nbsp;", "&pound;", "&#163;", "&#xA3;", "&#0;", "&#x110000;",
                            "&#55296;", "&bogus;", "&", "&#", "&lt;p&gt;", "&amp;amp;"])


@st.composite
def html_node(draw: st.DrawFn, depth: int = 0) -> str:
    """One element with random children: text, entities, nested elements, broken markup."""
    tag = draw(st.sampled_from(TAGS))
    attrs = "".join(draw(st.lists(ATTRIBUTES, max_size=3)))
    children = []
    for _ in range(draw(st.integers(0, 4 if depth < 6 else 0))):
        kind = draw(st.integers(0, 5))
        if kind <= 1:
            children.append(draw(LINE).replace("<", "&lt;"))
        elif kind == 2:
            children.append(draw(ENTITIES))
        elif kind == 3:
            children.append(draw(st.sampled_from(["</td>", "<p>", "</div></div>", "<!--", "-->",
                                                  "<![CDATA[x]]>", "<?php ?>", "<li>", "</html>",
                                                  "<table><tr>", "<", ">"])))
        else:
            children.append(draw(html_node(depth + 1)))
    close = draw(st.sampled_from([f"</{tag}>", f"</{tag}>", "", f"</{tag}"]))
    return f"<{tag}{attrs}>{''.join(children)}{close}"


@st.composite
def html_page(draw: st.DrawFn) -> bytes:
    """A page: optional doctype and meta charset, a body of random nodes, one encoding."""
    body = "".join(draw(st.lists(html_node(), min_size=1, max_size=6)))
    deep = draw(st.integers(0, 3))
    if deep == 3:  # a run of unclosed nesting, as generated pages sometimes have
        body = "<div>" * draw(st.integers(100, 3000)) + body
    declared = draw(st.sampled_from(["", "utf-8", "windows-1252", "iso-8859-1", "utf-16",
                                     "no-such-charset", "shift_jis"]))
    meta = f'<meta charset="{declared}">' if declared else ""
    doctype = draw(st.sampled_from(["<!DOCTYPE html>", "", "<?xml version='1.0'?>", "<!doctype"]))
    page = f"{doctype}<html><head>{meta}<title>{draw(SENTENCE)}</title></head><body>{body}</body></html>"
    encoding = draw(st.sampled_from(["utf-8", "cp1252", "utf-16-le", "utf-16", "latin-1"]))
    return _encode(page, encoding)


# --- e-mail -----------------------------------------------------------------------------------

CHARSETS = st.sampled_from(["utf-8", "us-ascii", "windows-1252", "iso-8859-1", "utf-16", "",
                            "no-such-charset", '"utf-8', "utf-7", "koi8-r"])
ENCODINGS = st.sampled_from(["7bit", "8bit", "base64", "quoted-printable", "binary", "x-uuencode",
                             "bogus", ""])
HEADER_NAMES = st.sampled_from(["From", "To", "Cc", "Subject", "Date", "Message-ID", "Reply-To",
                                "X-Mailer", "Received", "Thread-Topic", "In-Reply-To"])
HEADER_VALUES = st.one_of(
    SENTENCE, DATE, REFERENCE,
    st.just("=?utf-8?b?RGVhciBTaXI=?="), st.just("=?utf-8?q?broken=ZZ?="), st.just("=?x-bad?b?!!!?="),
    st.just("<foi@council.example>"), st.just('"Council, FOI" <>'), st.just("\t"),
)


def _transfer(payload: str, charset: str, encoding: str, lie: bool) -> bytes:
    """The part body in ``encoding``; ``lie`` leaves it unencoded whatever the header says."""
    try:
        raw = payload.encode(charset.strip('"') or "utf-8", errors="replace")
    except LookupError:
        raw = payload.encode("utf-8")
    if lie:
        return raw
    if encoding == "base64":
        return base64.encodebytes(raw)
    if encoding == "quoted-printable":
        return quopri.encodestring(raw)
    return raw


#: Files a cover note may carry: our own fixture letters, and an e-mail (never read in).
ATTACHABLE = {name: (GOLDEN / name).read_bytes() for name in
              ("nhs-trust-letter.pdf", "trust-table.docx", "police-disclosure.html",
               "council-reply.eml")}


@st.composite
def attachment_part(draw: st.DrawFn) -> bytes:
    """An attached file: a letter, a cut or corrupted copy of one, or random bytes."""
    name = draw(st.sampled_from(sorted(ATTACHABLE)))
    data = ATTACHABLE[name]
    damage = draw(st.sampled_from(["none", "cut", "flip", "random"]))
    if damage == "cut":
        data = data[: draw(st.integers(0, len(data)))]
    elif damage == "flip":
        at = draw(st.integers(0, len(data) - 1))
        data = data[:at] + bytes([data[at] ^ 0xFF]) + data[at + 1:]
    elif damage == "random":
        data = draw(st.binary(max_size=2000))
    mime = draw(st.sampled_from(["application/pdf", "application/octet-stream", "text/plain",
                                 "message/rfc822"]))
    filename = draw(st.sampled_from([name, "", "report", "x.xlsx"]))
    disposition = f'attachment; filename="{filename}"' if filename else "attachment"
    head = (f"Content-Type: {mime}\nContent-Disposition: {disposition}\n"
            "Content-Transfer-Encoding: base64\n\n")
    return head.encode() + base64.encodebytes(data)


@st.composite
def mime_part(draw: st.DrawFn, depth: int = 0) -> bytes:
    """A leaf text part or a multipart with children (whose boundary may be wrong or missing)."""
    if depth > 0 and draw(st.integers(0, 4)) == 0:
        return draw(attachment_part())
    if depth < 3 and draw(st.integers(0, 3)) == 0:
        boundary = f"b{depth}{draw(st.integers(0, 99))}"
        children = draw(st.lists(mime_part(depth + 1), min_size=0, max_size=3))
        subtype = draw(st.sampled_from(["mixed", "alternative", "related", "signed"]))
        written = boundary if draw(st.booleans()) else boundary + "x"  # a wrong boundary
        body = b"".join(b"--" + written.encode() + b"\n" + child + b"\n" for child in children)
        if draw(st.booleans()):
            body += b"--" + boundary.encode() + b"--\n"
        return (f'Content-Type: multipart/{subtype}; boundary="{boundary}"\n\n'.encode() + body)
    subtype = draw(st.sampled_from(["plain", "html", "rtf", "calendar"]))
    charset = draw(CHARSETS)
    encoding = draw(ENCODINGS)
    text = draw(TEXT_LETTER)
    if subtype == "html":
        text = "<html><body><p>" + text.replace("\n", "</p><p>") + "</p></body></html>"
    head = f"Content-Type: text/{subtype}; charset={charset}\n"
    if encoding:
        head += f"Content-Transfer-Encoding: {encoding}\n"
    return head.encode() + b"\n" + _transfer(text, charset, encoding, draw(st.booleans()))


@st.composite
def email_message(draw: st.DrawFn) -> bytes:
    """Headers (always a From and one e-mail-only header, so it sniffs as mail), then a body."""
    headers = [f"From: {draw(HEADER_VALUES)}", "MIME-Version: 1.0"]
    headers += [f"{name}: {value}" for name, value in
                draw(st.lists(st.tuples(HEADER_NAMES, HEADER_VALUES), max_size=6))]
    if draw(st.booleans()):
        headers.append(" folded continuation")
    head = "\n".join(headers).encode("utf-8", errors="replace")
    newline = draw(st.sampled_from([b"\n", b"\r\n"]))
    message = head + b"\n" + draw(mime_part())
    if draw(st.integers(0, 4)) == 0:
        message = message[: draw(st.integers(len(head), len(message)))]  # cut short in transit
    return message.replace(b"\n", newline)


# --- the property -----------------------------------------------------------------------------

def letter_or_typed_error(data: bytes) -> None:
    """``parse`` gives a Letter whose spans are inside its text, or a FoiParseError with words."""
    try:
        letter = foiparse.parse(data)
    except foiparse.FoiParseError as exc:
        assert str(exc).strip(), f"{type(exc).__name__} without a message"
        return
    assert isinstance(letter, foiparse.Letter)
    record = letter.to_dict(include_text=True)
    text = record["text"]
    for field in ("questions", "answers", "exemptions"):
        for item in record[field]:
            span = item.get("span")
            if span is not None:
                assert 0 <= span["start"] <= span["end"] <= len(text), (field, span)


@SETTINGS
@given(page=html_page())
def test_html_pages(page: bytes) -> None:
    letter_or_typed_error(page)


@SETTINGS
@given(message=email_message())
def test_emails(message: bytes) -> None:
    letter_or_typed_error(message)


@SETTINGS
@given(letter=TEXT_LETTER, encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16"]),
       newline=st.sampled_from(["\n", "\r\n", "\r", "\f"]))
def test_text_letters(letter: str, encoding: str, newline: str) -> None:
    letter_or_typed_error(_encode(letter.replace("\n", newline), encoding))

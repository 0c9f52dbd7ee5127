"""HTML letters through beautifulsoup4 with lxml: the letter kept, the web page around it dropped.

Block-level elements become blocks (a ``<br>`` ends a block too); ``<li>`` becomes a list item
labelled from its list's numbering; headings and bold-only paragraphs are marked; table rows
keep their cells. Site furniture (navigation, cookie and feedback banners, "quickly exit this
site" bars, breadcrumbs) is dropped.

A WhatDoTheyKnow request page holds a whole thread; only the authority's final substantive reply
is the letter. Earlier messages follow it as ``QUOTE`` blocks (newest first, as an e-mail quotes
them), since later stages may need the reference or the request they restate.
"""

from __future__ import annotations

import html as html_lib
import warnings
from collections.abc import Iterator
from typing import Any

import attrs
import regex
from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning, XMLParsedAsHTMLWarning
from bs4.element import (
    CData,
    Comment,
    Declaration,
    Doctype,
    NavigableString,
    ProcessingInstruction,
    Tag,
)

from foiparse.document import BlockKind, Document, DocumentBuilder, Metadata
from foiparse.errors import CorruptDocument, FoiParseError
from foiparse.load.common import alphabetic, library_reason, roman
from foiparse.options import ParseOptions
from foiparse.records import SourceFormat

_DROP_TAGS = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "nav",
        "header",
        "footer",
        "aside",
        "form",
        "button",
        "select",
        "input",
        "textarea",
        "svg",
        "iframe",
        "object",
        "embed",
        "head",
        "canvas",
        "dialog",
        "menu",
    }
)
_BLOCK_TAGS = frozenset(
    {
        "p",
        "div",
        "section",
        "article",
        "main",
        "li",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "pre",
        "table",
        "thead",
        "tbody",
        "tfoot",
        "caption",
        "address",
        "figure",
        "figcaption",
        "hr",
        "center",
        "body",
        "html",
        "fieldset",
        "details",
        "summary",
    }
)
_BOLD_TAGS = frozenset({"b", "strong"})
# Class/id words that mark page furniture, matched against each class token or the id.
_JUNK_ATTR = regex.compile(
    r"cookie|consent|gdpr|breadcrumb|skip-?link|skip-?to|quick-?exit|exit-?(this-?)?site"
    r"|leave-?site|hide-?page|feedback|phase-?banner|beta-?banner|survey|share|social"
    r"|sidebar|navbar|^nav|site-?header|site-?footer|masthead|visually-?hidden|sr-only"
    r"|screen-?reader|print-?only|^promo|advert|back-?to-?top|related-?(links|content)",
    regex.IGNORECASE,
)
_JUNK_ROLES = frozenset(
    {"navigation", "banner", "contentinfo", "search", "complementary", "dialog", "alertdialog"}
)
# Sentences that only ever come from the web page around a letter.
_JUNK_TEXT = regex.compile(
    r"^skip to (the )?(main )?content|^skip navigation|quickly exit this site|^leave this site"
    r"|^exit this site|we use (some )?(essential |necessary )?cookies|your cookie (preferences|settings)"
    r"|^(accept|reject) (all |additional |analytics )?cookies|^sorry, there was a technical problem"
    r"|this (site|service|website) is (a |in )?(beta|new service|work in progress)"
    r"|your feedback (helps|will help)|^was this page (helpful|useful)"
    r"|^report a problem with this page|^back to top$|^print this page$|^share this page$",
    regex.IGNORECASE,
)
_OL_TYPES = {"1": "decimal", "a": "lower-alpha", "A": "upper-alpha", "i": "lower-roman", "I": "upper-roman"}


@attrs.define
class HtmlBlock:
    """A block found in HTML, before it is added to a :class:`DocumentBuilder`."""

    text: str
    kind: BlockKind = BlockKind.PARAGRAPH
    bold: bool = False
    level: int = 0
    list_label: str | None = None
    cells: tuple[str, ...] = ()

    def add_to(self, builder: DocumentBuilder, *, kind: BlockKind | None = None) -> None:
        """Append this block to ``builder`` (optionally as another kind, e.g. a quote)."""
        builder.add(
            self.text,
            kind=kind or self.kind,
            bold=self.bold,
            level=self.level,
            list_label=self.list_label,
            cells=self.cells,
        )


def load_html(data: bytes, options: ParseOptions) -> Document:
    """Read an HTML page (or a WhatDoTheyKnow thread) into a :class:`Document`."""
    if too_many_tags(data):
        return _load_flat(data, f"the HTML has over {MAX_TAGS:,} tags; read as plain text")
    try:
        soup = parse_html(data)
        metadata = _metadata(soup)
        thread = _wdtk_messages(soup)
        if thread:
            return _load_thread(thread, metadata)
        builder = DocumentBuilder(SourceFormat.HTML)
        for block in html_blocks(_content_root(soup)):
            block.add_to(builder)
        return builder.build(metadata=metadata)
    except RecursionError:
        # Pathologically nested markup: keep the words, give up on the structure.
        return _load_flat(data, "the HTML is nested too deeply; read as plain text")
    except FoiParseError:
        raise
    except Exception as exc:  # bs4/lxml on hostile bytes: report, never crash the caller
        raise CorruptDocument(f"the HTML cannot be read ({library_reason(exc)})") from exc




def parse_html(data: bytes | str) -> BeautifulSoup:
    """Parse with lxml; fall back to Python's parser when lxml gives up on the markup."""
    with warnings.catch_warnings():
        # bs4 warns about XHTML ("XML parsed as HTML") and about markup that looks like a file
        # name or URL; for a letter reader both are noise on the user's terminal, not news.
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        try:
            return BeautifulSoup(data, "lxml")
        except (ValueError, LookupError) as exc:
            try:
                return BeautifulSoup(data, "html.parser")
            except Exception as inner:  # html.parser on garbage: nothing else to try
                raise CorruptDocument(f"the HTML cannot be parsed ({inner})") from exc


def html_blocks(root: Tag) -> list[HtmlBlock]:
    """The blocks of ``root`` in document order (furniture dropped)."""
    walker = _Walker()
    walker.walk(root)
    return [b for b in walker.blocks if not _JUNK_TEXT.search(b.text)]


@attrs.define
class _Walker:
    """Iterative walk over the tree (no recursion, so deep nesting cannot overflow)."""

    blocks: list[HtmlBlock] = attrs.field(factory=list)
    _pieces: list[tuple[str, bool]] = attrs.field(factory=list)
    _bold: int = 0
    _quote: int = 0
    _pre: int = 0
    _heading: int = 0
    _pending_label: str | None = None
    _list_depth: int = 0

    def walk(self, root: Tag) -> None:
        stack: list[tuple[Any, bool]] = [(root, False)]
        while stack:
            node, leaving = stack.pop()
            if leaving:
                self._leave(node)
                continue
            if isinstance(node, NavigableString):
                if not isinstance(node, (Comment, Doctype, Declaration, CData, ProcessingInstruction)):
                    self._pieces.append((str(node), self._bold > 0))
                continue
            if not isinstance(node, Tag) or (node is not root and _is_junk(node)):
                continue
            name = node.name.lower()
            if name == "br":
                self._flush()
                continue
            if name == "tr":
                self._flush()
                self._row(node)
                continue
            self._enter(node, name)
            stack.append((node, True))
            stack.extend((child, False) for child in reversed(node.contents))

    def _enter(self, node: Tag, name: str) -> None:
        if name in _BLOCK_TAGS:
            self._flush()
        if name in _BOLD_TAGS:
            self._bold += 1
        elif name == "blockquote":
            self._quote += 1
        elif name == "pre":
            self._pre += 1
        elif regex.fullmatch(r"h[1-6]", name):
            self._heading = int(name[1])
        elif name in ("ul", "ol"):
            self._list_depth += 1
        elif name == "li":
            self._pending_label = _list_label(node)

    def _leave(self, node: Tag) -> None:
        name = node.name.lower()
        if name in _BLOCK_TAGS:
            self._flush()
        if name in _BOLD_TAGS:
            self._bold -= 1
        elif name == "blockquote":
            self._quote -= 1
        elif name == "pre":
            self._pre -= 1
        elif regex.fullmatch(r"h[1-6]", name):
            self._heading = 0
        elif name in ("ul", "ol"):
            self._list_depth -= 1
        elif name == "li":
            self._pending_label = None

    def _flush(self) -> None:
        pieces, self._pieces = self._pieces, []
        raw = "".join(text for text, _ in pieces)
        if not raw.strip():
            return
        bold = all(is_bold for text, is_bold in pieces if text.strip())
        lines = raw.splitlines() if self._pre else [raw]
        for line in lines:
            text = " ".join(html_lib.unescape(line).replace("\u00a0", " ").split())
            if text:
                self._emit(text, bold)

    def _emit(self, text: str, bold: bool) -> None:
        if self._pending_label is not None:
            label, self._pending_label = self._pending_label, None
            self.blocks.append(
                HtmlBlock(f"{label} {text}", BlockKind.LIST_ITEM, bold, max(self._list_depth - 1, 0), label)
            )
        elif self._heading:
            self.blocks.append(HtmlBlock(text, BlockKind.HEADING, True, self._heading))
        elif self._quote:
            self.blocks.append(HtmlBlock(text, BlockKind.QUOTE, bold))
        elif bold and len(text.split()) <= 12 and not text.endswith((".", "?", ":", ";", ",")):
            # A short bold line of its own is how many web letters set their headings.
            self.blocks.append(HtmlBlock(text, BlockKind.HEADING, True))
        else:
            self.blocks.append(HtmlBlock(text, BlockKind.PARAGRAPH, bold))

    def _row(self, row: Tag) -> None:
        cells = tuple(
            " ".join(cell.get_text(" ").replace("\u00a0", " ").split())
            for cell in row.find_all(("td", "th"), recursive=False)
        )
        if any(cells):
            bold = all(c.name == "th" for c in row.find_all(("td", "th"), recursive=False))
            self.blocks.append(HtmlBlock(" | ".join(cells), BlockKind.TABLE_ROW, bold, cells=cells))


def _is_junk(tag: Tag) -> bool:
    name = tag.name.lower()
    if name in _DROP_TAGS:
        return True
    if tag.has_attr("hidden") or str(tag.get("aria-hidden", "")).lower() == "true":
        return True
    style = str(tag.get("style", "")).replace(" ", "").lower()
    if "display:none" in style or "visibility:hidden" in style:
        return True
    if str(tag.get("role", "")).lower() in _JUNK_ROLES:
        return True
    tokens = [*(_classes(tag)), str(tag.get("id", ""))]
    return any(token and _JUNK_ATTR.search(token) for token in tokens)


def _classes(tag: Tag) -> list[str]:
    value = tag.get("class")
    if value is None:
        return []
    return [str(v) for v in value] if isinstance(value, list) else str(value).split()


def _list_label(li: Tag) -> str:
    """The label an ``<li>`` shows: its number in the ``<ol>`` style, or a bullet."""
    parent = li.find_parent(("ol", "ul"))
    if parent is None or parent.name != "ol":
        return "\u2022"
    start_attr = str(parent.get("start", "1")).strip()
    number = int(start_attr) if regex.fullmatch(r"-?\d+", start_attr) else 1
    for sibling in li.find_previous_siblings("li"):
        value = str(sibling.get("value", "")).strip()
        if regex.fullmatch(r"\d+", value):
            number = int(value) + 1
            break
        number += 1
    own_value = str(li.get("value", "")).strip()
    if regex.fullmatch(r"\d+", own_value):
        number = int(own_value)
    style = _OL_TYPES.get(str(parent.get("type", "1")), "decimal")
    if parent.has_attr("reversed"):
        count = len(parent.find_all("li", recursive=False))
        number = int(start_attr) if regex.fullmatch(r"\d+", start_attr) else count
        number -= len(li.find_previous_siblings("li"))
    return format_number(number, style) + "."


def format_number(number: int, style: str) -> str:
    """``number`` written in a list style (decimal, lower/upper-alpha, lower/upper-roman)."""
    if style == "decimal" or number <= 0:
        return str(number)
    if style in ("lower-alpha", "upper-alpha"):
        letters = alphabetic(number)
        return letters.upper() if style == "upper-alpha" else letters
    numerals = roman(number)
    return numerals.upper() if style == "upper-roman" else numerals


def _metadata(soup: BeautifulSoup) -> Metadata:
    title_tag = soup.find("title")
    title = " ".join(title_tag.get_text(" ").split()) if title_tag else None
    url = None
    link = soup.find("link", rel=lambda v: v is not None and "canonical" in str(v).lower())
    if isinstance(link, Tag) and link.get("href"):
        url = str(link["href"])
    else:
        meta = soup.find("meta", attrs={"property": "og:url"})
        if isinstance(meta, Tag) and meta.get("content"):
            url = str(meta["content"])
    return Metadata(title=title or None, url=url)


#: Where pages keep their main content, most telling first: ``role="main"``, ``<main>``,
#: ``<article>``, ids ``content``, ``main-content``, ``main``, class ``main-content``.
_ROOT_KEYS = ("role=main", "main", "article", "#content", "#main-content", "#main",
              ".main-content")


def _content_root(soup: BeautifulSoup) -> Tag:
    """The element holding the page's main content (``<main>`` and the like), else the body."""
    body = soup.body or soup
    # One walk over the tree sorts the candidates (a CSS select per key walked it seven times).
    found: dict[str, list[Tag]] = {key: [] for key in _ROOT_KEYS}
    for tag in soup.find_all(True):
        if tag.get("role") == "main":
            found["role=main"].append(tag)
        if tag.name in ("main", "article"):
            found[tag.name].append(tag)
        element_id = tag.get("id")
        if element_id in ("content", "main-content", "main"):
            found[f"#{element_id}"].append(tag)
        if "main-content" in (tag.get("class") or ()):
            found[".main-content"].append(tag)
    body_words = None
    for key in _ROOT_KEYS:
        if len(found[key]) != 1:
            continue
        if body_words is None:
            body_words = len(body.get_text(" ").split())
        words = len(found[key][0].get_text(" ").split())
        # A <main> that holds most of the page is the letter's container; a small one is
        # probably a fragment (a teaser), and the body is safer.
        if words >= 0.3 * body_words:
            return found[key][0]
    return body if isinstance(body, Tag) else soup


# ---------------------------------------------------------------- WhatDoTheyKnow threads

_ACK = regex.compile(
    r"we are (currently )?processing your request|has been logged|will be dealt with under"
    r"|(aim|expect|intend|required|must|should|will) (to )?(send you a |provide a |send a )?"
    r"(respond|reply|response)\w*.{0,40}(within|by|no later than)"
    r"|within (the statutory )?(20|twenty) working days|acknowledge(s|ment of)? (receipt|your)"
    r"|we have received your (request|email)|your request (has been|was) received"
    r"|extend(ed|ing)? the (deadline|time limit|response date)|send receipt"
    r"|auto-?matic(ally)? (generated )?(reply|response)",
    regex.IGNORECASE,
)
_SUBSTANTIVE = regex.compile(
    r"please (find|see) (attached|enclosed|below)|(attached|enclosed) (is |are )?(our|my|the) "
    r"(formal |full )?(response|reply|decision)|(formal|full) (response|reply)|our response"
    r"|do(es)? not hold|(is|are) not held|no (recorded )?information (is )?held"
    r"|(is|are) exempt|refusal notice|we (are )?refus|withh[eo]ld|neither confirm nor deny"
    r"|(is|are) (now )?(available|published)|decision notice|internal review (has|was|is)"
    r"|(i|we) have (now )?(decided|concluded|considered)|(i|we) can (now )?confirm",
    regex.IGNORECASE,
)
# A later note that only explains an earlier answer ("our previous response referred to").
_FOLLOW_UP = regex.compile(
    r"(our|my) (previous|earlier|original) (response|reply|email)|asking for clarification"
    r"|regarding your (phone )?calls?",
    regex.IGNORECASE,
)
_RESPONSE_ATTACHMENT = regex.compile(r"respon|reply|decision|review|letter|outcome", regex.I)
_WDTK_TITLE = regex.compile(
    r"^(?P<subject>.*?)\s+-\s+an? (freedom of information|environmental information|foi|eir)?"
    r"\s*request to (?P<authority>.+?)(\s+-\s+whatdotheyknow.*)?$",
    regex.IGNORECASE,
)


@attrs.define
class _Message:
    incoming: bool
    author: str
    sent: str | None
    blocks: list[HtmlBlock]
    attachments: list[str]
    url: str | None

    @property
    def text(self) -> str:
        return " ".join(b.text for b in self.blocks)


def _wdtk_messages(soup: BeautifulSoup) -> list[_Message]:
    messages = []
    for node in soup.select("div.correspondence"):
        classes = _classes(node)
        if "incoming" not in classes and "outgoing" not in classes:
            continue
        author_tag = node.select_one(".correspondence__header__author")
        header = node.select_one(".correspondence__header")
        author = " ".join((author_tag or header or node).get_text(" ").split()).rstrip(", ")
        time_tag = node.select_one(".correspondence__header time")
        sent = None
        if isinstance(time_tag, Tag):
            sent = str(time_tag.get("datetime") or "") or " ".join(time_tag.get_text().split())
        attachments = [" ".join(a.get_text(" ").split()) for a in node.select(".attachment__name")]
        link = node.select_one("input.cplink__field")
        url = str(link.get("value")) if isinstance(link, Tag) and link.get("value") else None
        body = node.select_one(".correspondence_text")
        blocks: list[HtmlBlock] = []
        if isinstance(body, Tag):
            for junk in body.select(
                ".attachments, .attachments__header, a.quoted-sections, .js-toggle-quoted, .event_actions"
            ):
                junk.decompose()
            blocks = [
                b
                for b in html_blocks(body)
                if b.text.lower() not in ("show quoted sections", "hide quoted sections")
            ]
        messages.append(_Message("incoming" in classes, author, sent, blocks, attachments, url))
    return messages


def _is_acknowledgement(message: _Message) -> bool:
    if any(_RESPONSE_ATTACHMENT.search(name) for name in message.attachments):
        return False
    text = message.text
    return bool(_ACK.search(text)) and not _SUBSTANTIVE.search(text)


def final_reply_index(messages: list[_Message]) -> int | None:
    """Which message is the authority's final substantive reply (``None``: no reply at all).

    The last incoming message that is not an acknowledgement or holding note; a later note
    that merely explains that reply, after the requester wrote back, does not replace it.
    """
    incoming = [i for i, m in enumerate(messages) if m.incoming and m.blocks]
    if not incoming:
        return None
    substantive = [i for i in incoming if not _is_acknowledgement(messages[i])]
    if not substantive:
        return incoming[-1]
    final = substantive[-1]
    for earlier in reversed(substantive[:-1]):
        candidate = messages[final]
        formal = messages[earlier]
        follow_up = bool(_FOLLOW_UP.search(candidate.text)) and not any(
            _RESPONSE_ATTACHMENT.search(name) for name in candidate.attachments
        )
        has_formal = bool(_SUBSTANTIVE.search(formal.text)) or any(
            _RESPONSE_ATTACHMENT.search(name) for name in formal.attachments
        )
        if follow_up and has_formal:
            final = earlier
        else:
            break
    return final


def _load_thread(messages: list[_Message], metadata: Metadata) -> Document:
    builder = DocumentBuilder(SourceFormat.HTML)
    index = final_reply_index(messages)
    title_match = _WDTK_TITLE.match(metadata.title or "")
    subject = title_match.group("subject") if title_match else None
    authority = title_match.group("authority") if title_match else None
    if index is None:
        # Only the request is on the page: keep it all, as quotes of a letter not yet written.
        for message in messages:
            for block in message.blocks:
                block.add_to(builder, kind=BlockKind.QUOTE)
        return builder.build(metadata=attrs.evolve(metadata, subject=subject))
    reply = messages[index]
    for block in reply.blocks:
        block.add_to(builder)
    for name in reply.attachments:
        builder.add(f"Attachment: {name}")
    for earlier in reversed(messages[:index]):
        builder.add(f"From: {earlier.author} Sent: {earlier.sent or ''}", kind=BlockKind.QUOTE)
        for block in earlier.blocks:
            block.add_to(builder, kind=BlockKind.QUOTE)
        for name in earlier.attachments:
            builder.add(f"Attachment: {name}", kind=BlockKind.QUOTE)
    sender = reply.author
    if authority and authority.lower() not in sender.lower():
        sender = f"{sender}, {authority}" if sender else authority
    return builder.build(
        metadata=attrs.evolve(
            metadata,
            sender=sender or None,
            sent=reply.sent,
            subject=subject,
            url=metadata.url or reply.url,
        )
    )


# ---------------------------------------------------------------- last resort

#: A page with more tags than this is read as plain text. The longest real letter pages hold
#: a couple of thousand; beautifulsoup builds a Python object per tag (about 600 bytes and
#: 50 microseconds each), so millions of tags, which a 10 MB page can hold, cost gigabytes
#: and minutes.
MAX_TAGS = 100_000

_FLAT_RAW = regex.compile(r"<(script|style|noscript|template)\b", regex.I)
_FLAT_BREAK = regex.compile(
    r"<\s*(br|/?p|/?div|/?li|/?tr|/?h[1-6]|/?table|/?section|/?article|/?blockquote)\b[^<>]*>",
    regex.I,
)
# [^<>] rather than [^>]: a "<" never closed must not make every later "<" rescan the page.
_FLAT_TAG = regex.compile(r"<[^<>]*>")


def too_many_tags(markup: bytes | str) -> bool:
    """Whether ``markup`` has more than :data:`MAX_TAGS` tags (counting every ``<``)."""
    if isinstance(markup, bytes):
        return markup.count(b"<") > MAX_TAGS
    return markup.count("<") > MAX_TAGS


def _drop_raw_text(text: str) -> str:
    """``text`` without its script, style, noscript and template elements, in one pass.

    A lazy ``<script>.*?</script>`` pattern rescans the rest of the page from every opening
    tag that is never closed; here each closing tag is looked for once, from where it may be.
    """
    kept: list[str] = []
    at = 0
    while opening := _FLAT_RAW.search(text, at):
        kept.append(text[at : opening.start()])
        closing = regex.compile(rf"</{opening.group(1)}\s*>", regex.I).search(text, opening.end())
        if closing is None:
            at = len(text)  # never closed: the rest is script
            break
        at = closing.end()
    kept.append(text[at:])
    return " ".join(kept)


def flat_text(markup: str) -> str:
    """The words of ``markup`` with tags stripped and block tags as line breaks."""
    text = _FLAT_BREAK.sub("\n", _drop_raw_text(markup))
    return html_lib.unescape(_FLAT_TAG.sub(" ", text))


def _load_flat(data: bytes, warning: str) -> Document:
    """Text of the page with tags stripped, one block per line (for markup too big or too deep
    to build a tree of)."""
    builder = DocumentBuilder(SourceFormat.HTML)
    for line in _lines(flat_text(data.decode("utf-8", errors="replace"))):
        if not _JUNK_TEXT.search(line):
            builder.add(line)
    return builder.build(warnings=(warning,))


def _lines(text: str) -> Iterator[str]:
    for line in text.splitlines():
        clean = " ".join(line.replace("\u00a0", " ").split())
        if clean:
            yield clean

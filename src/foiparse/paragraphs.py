"""Stage-neutral text utilities: wrapped lines joined back into paragraphs, and letter cues.

PDF pages and plain-text e-mails arrive as one block per printed line, so a paragraph or a
list item spans several blocks. The segment and extract stages both need the paragraphs, and
both need to know a salutation or a sign-off when they see one; the rules live here, in the
ground floor, so that the two stages read the letter the same way.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from foiparse.document import Block, BlockKind

_I = re.IGNORECASE

def squeeze(text: str) -> str:
    """``text`` with every run of whitespace made one space (letters wrap lines anywhere)."""
    return " ".join(text.split())


#: The opening of a letter's body ("Dear Ms Smith,"; US letters also "Mr. Smith:").
#: Te reo Māori greetings ("Tēnā koe", "Kia ora") open NZ letters; macrons are often dropped.
SALUTATION = re.compile(
    r"^((dear|hello|hi|good (morning|afternoon|day)|greetings|to whom it may concern)\b|"
    r"t[eē]n[aā] (koe|k[oō]rua|koutou)\b|kia ora\b|"
    r"(mr|mrs|ms|miss|mx|dr)\.? \S+( \S+)?\s*:\s*$)",
    _I,
)
#: The sign-off that ends the letter's own words ("Nāku noa, nā" / "Ngā mihi" in NZ letters).
SIGN_OFF = re.compile(
    r"^((yours (sincerely|faithfully|truly|respectfully|cordially)|(sincerely|very truly|"
    r"respectfully) yours|(kind|best|warm|warmest|many)? ?regards|sincerely|respectfully|"
    r"cordially|n[aā]ku (iti )?noa,? n[aā]|noho ora mai)\b|"
    # phrases that also open sentences ("Thank you for …") sign off only alone on the line
    r"((with )?(best|kind) wishes|with (many )?thanks|thank you|many thanks|"
    r"ng[aā] mihi( nui)?)\W{0,2}$)",
    _I,
)
#: A line that starts a list item: ``1.``, ``(a)``, ``Q2``, ``Question 3``, a bullet glyph.
LABEL_START = re.compile(
    # markdown emphasis may wrap a whole item ("*Q1. Copies of …*")
    r"^(?:[*_]{1,2}(?=[\w(]))?([\"“]?\(?\d{1,2}[.):]|\(?[a-z][.)]\s|q\d|question \d|portion \d|"
    r"[•●▪■◦○·∙‣*+\-\u2013o\uf000-\uf8ff]\s)",
    _I,
)
_ENDS_SENTENCE = re.compile(r"[.?!:;\"\u201d\u2019)]\s*$")
# fields of a contact line: "Tel:", "E-mail:", "(312) 746-6000", "www.…", an address
_CONTACT_FIELD = re.compile(
    r"\b(?:tel|telephone|phone|fax|e-?mail|website|web|tty)\s*:|\(\d{3}\)\s?\d{3}-\d{4}|"
    r"\bwww\.|https?://|\w@\w",
    _I,
)


def is_furniture(text: str) -> bool:
    """A page footer or letterhead line left in the text ("E-mail: … Website: …",
    "Emergency and TTY: 9-1-1 … (312) 746-6000"): several contact fields, not a sentence.

    Three fields at least, so that an answer giving one address ("Email: foi@…") stays."""
    return (
        len(text) < 250
        and len(_CONTACT_FIELD.findall(text)) >= 3
        and not text.rstrip().endswith((".", "?", "!", ":"))
    )


def is_hard_wrapped(blocks: Sequence[Block]) -> bool:
    """True when the text looks like fixed-width lines (PDF lines, wrapped e-mail text)."""
    lengths = sorted(len(b.text) for b in blocks if b.kind is not BlockKind.TABLE_ROW)
    if len(lengths) < 10:  # too few lines to tell a wrap width from chance
        return False
    p90 = lengths[int(len(lengths) * 0.9) - 1]
    # wrapped text has many lines that stop mid-sentence, and most of those run to the wrap
    # width (a list of short items, one a line, stops mid-sentence too, but well short of it)
    open_ends = [len(b.text) for b in blocks if not _ENDS_SENTENCE.search(b.text)]
    full = sum(1 for n in open_ends if n >= p90 * 0.7)
    return (
        45 <= p90 <= 140
        and len(open_ends) * 4 >= len(blocks)
        and full >= max(3, len(blocks) * 0.1)
    )


def wrap_width(blocks: Sequence[Block]) -> int:
    """The typical length of a full line (the 80th percentile of line lengths)."""
    lengths = sorted(len(b.text) for b in blocks if b.kind is not BlockKind.TABLE_ROW)
    return lengths[int(len(lengths) * 0.8) - 1] if lengths else 0


def starts_item(block: Block) -> bool:
    """Whether ``block`` opens a list item (loader markup or a label at its start)."""
    return bool(block.list_label) or bool(LABEL_START.match(block.text))


def continues(prev: Block, cur: Block, *, wrapped: bool, width: int) -> bool:
    """Whether ``cur`` carries on the paragraph that ``prev`` is part of."""
    if not wrapped or cur.kind is not prev.kind or cur.kind is BlockKind.TABLE_ROW:
        return False
    if cur.kind is BlockKind.HEADING or starts_item(cur):
        return False
    if SALUTATION.match(cur.text) or SIGN_OFF.match(cur.text) or SIGN_OFF.match(prev.text):
        return False
    if prev.bold != cur.bold and len(prev.text) < width * 0.8:
        return False
    if len(prev.text) < width * 0.7:
        return False  # in wrapped text only a paragraph's last line falls well short
    first_word = cur.text.split(" ", 1)[0]
    if len(prev.text) + 1 + len(first_word) < width * 0.8 and cur.text[:1].isupper():
        # the next line's first word would have fitted on this line: the writer broke it here
        return False
    if not _ENDS_SENTENCE.search(prev.text):
        return True
    # a line ending a sentence but running to the wrap width usually goes on
    return len(prev.text) >= width * 0.85 and cur.text[:1].islower()


def join_lines(all_blocks: Sequence[Block], blocks: Iterable[Block]) -> list[list[Block]]:
    """``blocks`` (in order, a subset of ``all_blocks``) grouped into paragraphs.

    Wrapping is judged over ``all_blocks`` (the whole document), so a short stretch is joined
    the same way as it would be in the full letter. Blocks that are not adjacent in the text
    never join.

    A page footer printed in the middle of a paragraph (OCR and text copies of PDFs keep
    them) does not break it: it is taken into the paragraph it interrupts, which carries on
    after it; :func:`text_blocks` leaves it out of the paragraph's words.
    """
    wrapped = is_hard_wrapped(all_blocks)
    width = wrap_width(all_blocks)
    groups: list[list[Block]] = []
    last_words: Block | None = None  # the last block of the open paragraph that is not furniture
    for block in blocks:
        furniture = is_furniture(block.text)
        if groups and groups[-1][-1].end + 1 == block.start:
            prev = last_words or groups[-1][-1]
            if (furniture and block.kind is prev.kind) or continues(
                prev, block, wrapped=wrapped, width=width
            ):
                groups[-1].append(block)
                if not furniture:
                    last_words = block
                continue
        groups.append([block])
        last_words = None if furniture else block
    return groups


def text_blocks(group: Sequence[Block]) -> list[Block]:
    """The blocks of a paragraph that carry its words (page furniture inside it left out);
    a paragraph made only of furniture keeps it."""
    kept = [b for b in group if not is_furniture(b.text)]
    return kept or list(group)


# --- earlier messages quoted under an e-mail reply ----------------------------------------------
#
# One table of the lines that open a quoted earlier message, read by three stages: segment (the
# first line of each paragraph, to make the QUOTED segments), extract.header (each block, to keep
# the header fields to the reply's own words) and classify (the raw text, line by line, to find
# the reply part of each message on a thread page). Each stage chooses which entries apply in its
# context and how close to the top a marker may sit; the markers themselves are defined only here.
# Every pattern matches one line (``[ \t]`` not ``\s`` inside, so a multi-line search stays on it).

_LINE_I = re.IGNORECASE | re.MULTILINE

#: A banner framed in dashes: "-----Original Message-----", "---------- Forwarded message
#: ---------", and a portal's "--- Original request (submitted 11 October via the portal) ---".
QUOTE_BANNER = re.compile(
    r"^[ \t]*-{2,}[ \t]*(?:original[ \t]+message[ \t]*-{2,}|forwarded[ \t]+message[ \t]*-{2,}|"
    r"original[ \t]+request\b.{0,100}-{2,})",
    _LINE_I,
)
#: The attribution line of a reply client: "On 3 May 2024, at 10:02, Jo Bloggs wrote:".
QUOTE_WROTE = re.compile(r"^[ \t]*on[ \t].{5,120}\bwrote:[ \t]*$", _LINE_I)
#: The first line of a quoted header block ("From: Jo Bloggs <jo@…>"): it opens a message
#: only with a header field (:data:`QUOTE_FIELD`) on the lines below, since a letter may
#: also print "From:" in its own heading.
QUOTE_FROM = re.compile(r"^[ \t]*from:[ \t]*\S", _LINE_I)
#: The other fields of a quoted header block ("Sent:", "Date:", "To:", "Subject:").
QUOTE_FIELD = re.compile(r"^[ \t]*(?:sent|date|to|subject):", _LINE_I)
#: Outlook's header block flattened onto one line (in a PDF): "From: Jo Bloggs Sent: 3 May …".
#: Only "Sent:": a memo heading or a reply's own printed header also reads "From: … Date: …".
QUOTE_FROM_SENT = re.compile(r"^[ \t]*from:[ \t].{1,160}\bsent:[ \t]", _LINE_I)
# a header field anywhere in a line (see ``field_anywhere``)
_FIELD_IN_LINE = re.compile(r"\b(?:sent|date|to):", re.IGNORECASE)
#: Where a thread page (WhatDoTheyKnow/Alaveteli) folds the mail quoted below a message.
QUOTE_FOLD = re.compile(r"^[ \t]*show quoted sections[ \t]*$", _LINE_I)
#: Outlook's rule of dashes over a forwarded letter (the next line is its "Dear …"). A rule
#: also divides a reference line from a letter, so a stage takes it only after a sign-off.
QUOTE_RULE = re.compile(r"^[ \t]*-{10,}[ \t]*$", _LINE_I)


def opens_quoted_message(
    line: str, following: Sequence[str], *, field_anywhere: bool = False
) -> bool:
    """Whether ``line`` opens an earlier, quoted e-mail message: a banner, an "… wrote:" line,
    a flattened "From: … Sent: …" header, or a "From:" line with a header field
    (``Sent:``/``Date:``/``To:``/``Subject:``) at the start of one of the ``following`` lines
    (the caller chooses how many to look at).

    ``field_anywhere`` takes ``Sent:``/``Date:``/``To:`` anywhere in those lines instead: the
    segmenter's looser test, kept as it was because the corpora rely on it. It passes the
    first lines of whole paragraphs, and the test also fires on a thread page's one-line
    "From: X Date: Y" heading when a later line ends in "to:" ("I request access to:"), which
    makes the page quoted history there (classify reads such a page whole instead).
    """
    if QUOTE_BANNER.match(line) or QUOTE_WROTE.match(line) or QUOTE_FROM_SENT.match(line):
        return True
    if not QUOTE_FROM.match(line):
        return False
    if field_anywhere:
        return any(_FIELD_IN_LINE.search(t) for t in following)
    return any(QUOTE_FIELD.match(t) for t in following)

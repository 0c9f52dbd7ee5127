"""Reference, authority, date and regime of a letter.

Each field is chosen from scored candidates found in "the letter" proper: the document minus
earlier messages quoted below an e-mail reply (``BlockKind.QUOTE`` blocks, or the text after a
``From:``/``Sent:`` header pair), and, on an Alaveteli (WhatDoTheyKnow) thread page, only the
authority's last message. Quoted material is still a fallback for the reference, because
authorities often print it only in their acknowledgement's subject line.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
from collections.abc import Callable, Iterable, Sequence

import attrs

from foiparse.document import Block, BlockKind, Document, Segment, SegmentKind
from foiparse.extract import header_patterns as hp
from foiparse.paragraphs import SALUTATION, SIGN_OFF, opens_quoted_message, squeeze
from foiparse.records import Field, Regime


@attrs.frozen
class Header:
    """The header fields of one letter; ``warnings`` explains uncertain or fallback values."""

    reference: Field | None = None
    authority: Field | None = None
    date: Field | None = None
    regime: Regime | None = None
    warnings: tuple[str, ...] = ()


@attrs.frozen
class _Region:
    """The blocks of the letter proper and the blocks quoted from earlier messages."""

    main: tuple[Block, ...]
    quoted: tuple[Block, ...]


def extract_header(doc: Document, segments: tuple[Segment, ...]) -> Header:
    """Find the reference, authority, date and regime of ``doc``.

    The fields are looked for in the letter proper: the text above the segmenter's QUOTED
    segments, cut further by the shared quoted-message markers read block by block (see
    :func:`_letter_region`).
    """
    warnings: list[str] = []
    region = _letter_region(doc, segments)
    reference = _find_reference(doc, region, warnings)
    regime = _find_regime(doc, region, reference, warnings)
    authority = _find_authority(doc, region, warnings)
    us = regime is not None and regime.value.startswith("US-")
    date = _find_date(doc, region, us, warnings)
    return Header(reference, authority, date, regime, tuple(warnings))


# --- the letter proper -----------------------------------------------------------------------


def _letter_region(doc: Document, segments: Sequence[Segment]) -> _Region:
    """The letter proper and the quoted material of ``doc``.

    The letter ends where the segmenter's QUOTED segments start, or earlier where a block
    opens a quoted message (:func:`_quoted_start`): read line by line, the markers also catch
    a memo's "From:"/"To:" header that the segmenter, reading joined paragraphs, passes by.
    Either cut in the first blocks is ignored (a printed e-mail's own header sits there), and
    an Alaveteli thread page is read as the authority's last message instead.
    """
    blocks = [b for b in doc.blocks if b.kind is not BlockKind.QUOTE]
    quoted = [b for b in doc.blocks if b.kind is BlockKind.QUOTE]
    thread = _alaveteli_last_reply(blocks)
    if thread is not None:
        start, end = thread
        return _Region(tuple(blocks[start:end]), tuple(blocks[:start] + blocks[end:] + quoted))
    quoted_at = min((s.start for s in segments if s.kind is SegmentKind.QUOTED), default=len(doc.text))
    segmented = next((i for i, b in enumerate(blocks) if b.start >= quoted_at), len(blocks))
    if segmented < _OWN_HEADER_BLOCKS:
        segmented = len(blocks)
    cut = min(segmented, _quoted_start(blocks))
    return _Region(tuple(blocks[:cut]), tuple(blocks[cut:] + quoted))


#: A quoted-message header in the first blocks is the reply's own (a printed e-mail).
_OWN_HEADER_BLOCKS = 3


def _quoted_start(blocks: Sequence[Block]) -> int:
    """Index of the first block of an earlier message quoted under a reply (or ``len``).

    The markers are the shared ones (:func:`foiparse.paragraphs.opens_quoted_message`), read
    block by block with a "From:" line's header field looked for in the next three blocks.
    """
    for i in range(_OWN_HEADER_BLOCKS, len(blocks)):
        if opens_quoted_message(blocks[i].text, [b.text for b in blocks[i + 1 : i + 4]]):
            return i
    return len(blocks)


def _is_dateline(text: str) -> bool:
    m = hp.DATE.match(text.strip())
    return m is not None and m.end() >= len(text.strip()) - 6


def _alaveteli_last_reply(blocks: Sequence[Block]) -> tuple[int, int] | None:
    """On an Alaveteli thread page, the block range of the authority's last message.

    Each message there opens with its sender's name and a date line; the requester is named
    once beside "made this Freedom of Information request to", so every message whose sender is
    someone else came from the authority.
    """
    made_at = ((i, hp.ALAVETELI_MADE.match(b.text)) for i, b in enumerate(blocks))
    made, m = next(((i, m) for i, m in made_at if m is not None), (None, None))
    if made is None or m is None:
        return None
    if m.group("requester"):
        requester = m.group("requester").strip(" ,").casefold()
    elif made > 0:
        requester = blocks[made - 1].text.strip(" ,").casefold()
    else:
        return None
    starts: list[tuple[int, bool]] = []  # (index of the sender line, from the authority)
    for i in range(made + 1, len(blocks)):
        line = blocks[i].text.strip()
        one_line = hp.ALAVETELI_SENDER_DATE.match(line) or hp.ALAVETELI_FROM_DATE.match(line)
        if one_line is not None and _parse_date(one_line.group("date")) is not None:
            sender = one_line.group("sender").strip(" ,").casefold()
            starts.append((i, sender != requester))
            continue
        if i < made + 2 or not _is_dateline(blocks[i].text):
            continue
        senders = [b.text.strip(" ,").casefold() for b in blocks[max(i - 2, 0) : i]]
        if not senders or any(_is_dateline(s) for s in senders):
            continue
        starts.append((i - len(senders), requester not in senders))
    replies = [k for k, (_, from_authority) in enumerate(starts) if from_authority]
    if not replies:
        return None
    k = replies[-1]
    start = starts[k][0]
    end = starts[k + 1][0] if k + 1 < len(starts) else len(blocks)
    # The page's own navigation follows the last message: stop at its first "Link to this".
    for j in range(start, end):
        if blocks[j].text.strip().casefold() == "link to this":
            return start, j
    return start, end


def _ranges(blocks: Iterable[Block]) -> list[tuple[int, int]]:
    """Merge blocks into contiguous ``(start, end)`` ranges of ``Document.text``."""
    out: list[tuple[int, int]] = []
    for b in blocks:
        if out and b.start <= out[-1][1] + 1:
            out[-1] = (out[-1][0], max(out[-1][1], b.end))
        else:
            out.append((b.start, b.end))
    return out


# --- reference -------------------------------------------------------------------------------

#: A found value and its offsets in ``Document.text`` (``None`` when from e-mail headers).
_Candidate = tuple[str, int | None, int | None]


def _clean_reference(raw: str) -> str | None:
    value = squeeze(raw).rstrip(".-/ ")
    # "15 - 0599" is a text-extraction artefact of "15-0599": close spaced hyphens in numbers.
    value = re.sub(r"(?<=\d) - (?=\d)", "-", value)
    if not value or not any(c.isdigit() for c in value):
        return None
    if hp.REFERENCE_REJECT.match(value) or _parse_date(value) is not None:
        return None
    # A long run of digits split by spaces is a phone number, not a reference.
    if re.fullmatch(r"[\d ()+]{9,}", value) and " " in value:
        return None
    return value


def _label_columns(blocks: Sequence[Block]) -> dict[int, int]:
    """Pair label-only blocks with their values when a layout prints them in two columns.

    PDF letterheads often come out as ``REQUEST DATE:`` / ``FILE NO.:`` followed by the two
    values in the same order; the map sends each label block's index to its value block's.
    """
    pairs: dict[int, int] = {}
    i = 0
    while i < len(blocks):
        n = 0
        while i + n < len(blocks) and _is_label_only(blocks[i + n].text):
            n += 1
        if n >= 2 and all(
            i + n + k < len(blocks) and not _is_label_only(blocks[i + n + k].text) for k in range(n)
        ):
            pairs.update({i + k: i + n + k for k in range(n)})
        i += max(n, 1)
    return pairs


def _is_label_only(text: str) -> bool:
    return text.rstrip().endswith((":", "#")) and len(text.split()) <= 6


def _reference_at(text: str, pos: int) -> tuple[str, int, int] | None:
    value = hp.REFERENCE_VALUE.match(text, pos)
    if value is None:
        return None
    cleaned = _clean_reference(value.group("value"))
    if cleaned is None:
        return None
    raw = value.group("value").rstrip(".-/ \t\n")
    return cleaned, value.start(), value.start() + len(raw)


def _not_own_label(text: str, label: re.Match[str]) -> bool:
    """Whether the label at ``label`` introduces someone else's reference or is prose."""
    before = text[max(0, label.start() - 60) : label.start()]
    return bool(hp.REFERENCE_NEGATIVE_BEFORE.search(before) or hp.REFERENCE_PROSE_BEFORE.search(before))


def _labelled_references(text: str, base: int) -> list[_Candidate]:
    """``(value, start, end)`` for each labelled reference in one line (offsets + ``base``)."""
    out: list[_Candidate] = []
    for label in hp.REFERENCE_LABEL.finditer(text):
        if _not_own_label(text, label):
            continue
        found = _reference_at(text, label.end())
        if found is not None:
            out.append((found[0], base + found[1], base + found[2]))
    return out


def _labelled_in_blocks(blocks: Sequence[Block]) -> list[_Candidate]:
    """Labelled references in ``blocks``; a label ending its line takes the next line's value
    (or, in a two-column layout, the value printed in the same row of the other column)."""
    columns = _label_columns(blocks)
    out: list[_Candidate] = []
    for i, block in enumerate(blocks):
        text = block.text
        out += _labelled_references(text, block.start)
        labels = list(hp.REFERENCE_LABEL.finditer(text))
        last = labels[-1] if labels else None
        if last is None or last.end() < len(text.rstrip()):
            continue
        if _not_own_label(text, last):
            continue
        j = columns.get(i, i + 1)
        if j < len(blocks):
            found = _reference_at(blocks[j].text, 0)
            if found is not None:
                out.append((found[0], blocks[j].start + found[1], blocks[j].start + found[2]))
    return out


def _shaped_references(text: str, base: int) -> list[_Candidate]:
    out: list[_Candidate] = []
    for m in hp.REFERENCE_SHAPE.finditer(text):
        before = text[max(0, m.start() - 60) : m.start()]
        if hp.REFERENCE_NEGATIVE_BEFORE.search(before.split("\n")[-1]):
            continue
        cleaned = _clean_reference(m.group("value"))
        if cleaned is not None:
            out.append((cleaned, base + m.start(), base + m.end()))
    return out


def _find_reference(doc: Document, region: _Region, warnings: list[str]) -> Field | None:
    subject = doc.metadata.subject or ""

    def scan(blocks: Sequence[Block], finder: Callable[[str, int], list[_Candidate]]) -> list[
        _Candidate
    ]:
        found: list[_Candidate] = []
        for start, end in _ranges(blocks):
            found += finder(doc.text[start:end], start)
        return found

    def from_subject(finder: Callable[[str, int], list[_Candidate]]) -> list[_Candidate]:
        return [(v, None, None) for v, _, _ in finder(subject, 0)]

    tiers = [
        ("a labelled reference", _labelled_in_blocks(region.main)),
        ("the e-mail Subject header", from_subject(_labelled_references)),
        ("a quoted earlier message", _labelled_in_blocks(region.quoted)),
        ("an unlabelled reference-shaped token", scan(region.main, _shaped_references)),
        ("the e-mail Subject header", from_subject(_shaped_references)),
        ("an unlabelled token in a quoted message", scan(region.quoted, _shaped_references)),
    ]
    for k, (source, found) in enumerate(tiers):
        if not found:
            continue
        value, start, end = found[0]
        distinct = list(dict.fromkeys(v for v, _, _ in found))
        if len(distinct) > 1:
            others = ", ".join(distinct[1:4])
            warnings.append(f"reference: several candidates, chose {value!r} (also {others})")
        if k > 0:
            warnings.append(f"reference: taken from {source}")
        span = doc.span(start, end) if start is not None and end is not None else None
        return Field(value, span)
    return None


# --- dates -----------------------------------------------------------------------------------


def _parse_date(text: str, *, us: bool = False) -> tuple[str, int, int] | None:
    """The first date in ``text`` as ``(iso, start, end)``; numeric dates are day-first unless
    ``us``."""
    for m in hp.DATE.finditer(text):
        iso = _date_iso(m, us=us)
        if iso is not None:
            return iso, m.start(), m.end()
    return None


def _date_iso(m: re.Match[str], *, us: bool) -> str | None:
    g = m.groupdict()
    try:
        if g["year"] or g["year2"] or g["year3"]:
            mon = (g["mon"] or g["mon2"] or g["mon3"] or "").lower().rstrip(".")
            month = hp.MONTHS.get(mon[:4] if mon.startswith("sept") else mon[:3])
            if month is None:
                return None
            day = int(g["day"] or g["day2"] or g["day3"])
            return dt.date(int(g["year"] or g["year2"] or g["year3"]), month, day).isoformat()
        if g["iy"]:
            return dt.date(int(g["iy"]), int(g["im"]), int(g["id"])).isoformat()
        a, b, y = int(g["n1"]), int(g["n2"]), int(g["ny"])
        year = y if y >= 100 else 2000 + y
        day, month = (b, a) if us else (a, b)
        return dt.date(year, month, day).isoformat()
    except (TypeError, ValueError):
        return None


def _inline_labelled_date(text: str, us: bool) -> tuple[str, int, int] | None:
    """A ``Date:`` label inside a line (a printed e-mail header row), not a request's date."""
    for m in hp.DATE_INLINE_LABEL.finditer(text):
        if hp.DATE_NEGATIVE_BEFORE.search(text[max(0, m.start() - 30) : m.start()] + "date"):
            continue
        found = hp.DATE.match(text, m.end())
        iso = _date_iso(found, us=us) if found else None
        if found is not None and iso is not None:
            return iso, found.start(), found.end()
        # A bilingual cell prints the date in both languages ("5 Rhagfyr 2024 / 5 December
        # 2024"): the first date of the cell that parses.
        cell = text[m.end() :].split("|", 1)[0]
        in_cell = _parse_date(cell, us=us)
        if in_cell is not None and in_cell[1] <= 40:
            iso, s, e = in_cell
            return iso, m.end() + s, m.end() + e
    return None


def _undouble(text: str) -> str:
    """Undo doubled glyphs ("DDaattee:: MMaayy 11") that fake-bold PDF text extracts to."""
    words = text.split()
    doubled = [w for w in words if len(w) % 2 == 0 and w[::2] == w[1::2]]
    if len(words) < 2 or len(doubled) < 0.8 * len(words):
        return text
    return " ".join(w[::2] if w in doubled else w for w in words)


def _sent_date(value: str | None) -> str | None:
    """The ISO date of an e-mail ``Date`` header (RFC 5322) or an ISO timestamp."""
    if not value:
        return None
    try:
        return dt.datetime.fromisoformat(value.strip()).date().isoformat()
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def _head_blocks(blocks: Sequence[Block]) -> Sequence[Block]:
    """The blocks above the salutation (where datelines sit), or the first few."""
    for i, b in enumerate(blocks[:60]):
        if SALUTATION.match(b.text):
            return blocks[: i + 1]
    return blocks[:15]


def _find_date(doc: Document, region: _Region, us: bool, warnings: list[str]) -> Field | None:
    sent = _sent_date(doc.metadata.sent)
    if sent is not None:
        warnings.append("date: taken from the e-mail Date header")
        return Field(sent, None)
    labelled: list[Field] = []
    datelines: list[Field] = []
    weak: list[Field] = []
    for block in _head_blocks(region.main):
        text = _undouble(block.text)
        label = hp.DATE_LABEL.match(text)
        found = _parse_date(text, us=us)
        if found is None:
            continue
        iso, s, e = found
        if text != block.text:  # offsets of an undoubled line no longer fit: span the line
            s, e = 0, len(block.text)
        span = doc.span(block.start + s, block.start + e)
        inline = _inline_labelled_date(text, us)
        if label is not None and s <= label.end() + 1:
            labelled.append(Field(iso, span))
        elif inline is not None:
            iso, s, e = inline
            if text != block.text:
                s, e = 0, len(block.text)
            labelled.append(Field(iso, doc.span(block.start + s, block.start + e)))
        elif s == 0 or not text[:s].strip(" ,;|-"):
            datelines.append(Field(iso, span))
        elif len(text.split()) <= 10 and not hp.DATE_NEGATIVE_BEFORE.search(text[:s]):
            weak.append(Field(iso, span))
    for kind, found_fields in (("", labelled), ("", datelines), ("a short line", weak)):
        if found_fields:
            if kind:
                warnings.append(f"date: taken from {kind}, not a dateline")
            return found_fields[0]
    signed = _signature_date(doc, region.main, us)
    if signed is not None:
        warnings.append("date: taken from under the signature")
    return signed


def _signature_date(doc: Document, blocks: Sequence[Block], us: bool) -> Field | None:
    """A date printed alone (or labelled) under the signature, as some letters only date
    themselves there ("Yours sincerely / A. Name / Assistant Secretary / 17 April 2024")."""
    sign_offs = [i for i, b in enumerate(blocks) if SIGN_OFF.match(b.text)]
    if not sign_offs:
        return None
    for block in blocks[sign_offs[-1] + 1 : sign_offs[-1] + 8]:
        text = block.text.strip()
        label = hp.DATE_LABEL.match(text)
        rest = text[label.end() :] if label else text
        if not _is_dateline(rest):
            continue
        found = _parse_date(rest, us=us)
        if found is not None:
            iso, s, e = found
            offset = block.text.index(rest) if rest else 0
            return Field(iso, doc.span(block.start + offset + s, block.start + offset + e))
    return None


# --- authority -------------------------------------------------------------------------------

# Letters of any script: place names carry accents ("Los Ángeles", "Áras an Chontae").
_TOKEN = re.compile(r"[^\W\d_](?:[^\W\d_]|['\u2019.\-])*|&|,")
_POSSESSIVE = re.compile(r"['\u2019]s?$")


def _is_cap(tok: str) -> bool:
    return tok[:1].isupper()


def _bare(tok: str) -> str:
    return _POSSESSIVE.sub("", tok).rstrip(".").casefold()


def _names_in(text: str) -> list[tuple[str, int, int]]:
    """Public-body-shaped names in one line, as ``(name, start, end)``."""
    toks = list(_TOKEN.finditer(text))
    out: list[tuple[str, int, int]] = []

    def joined(i: int, j: int) -> bool:  # nothing but spaces between tokens i and j
        return not text[toks[i].end() : toks[j].start()].strip()

    def word_ok(i: int) -> bool:
        t = toks[i].group()
        return _is_cap(t) or t.casefold() in hp.NAME_CONNECTORS or t == ","

    def case_ok(i: int, caps: bool) -> bool:
        # A name printed in capitals does not run into title-case words beside it ("Outgoing
        # Letter UNITED STATES ... AGENCY": a portal's label glued to the letterhead).
        t = toks[i].group()
        return not caps or t.isupper() or t in {",", "&"}

    def sentence_end(t: str) -> bool:
        # "Act." ends a sentence; an initialism ("U.S.", "D.C.") does not.
        return t.endswith(".") and len(t) > 3 and not re.fullmatch(r"(?:[A-Za-z]\.)+", t)

    def more_after_and(j: int) -> bool:
        # "Customs and Border Protection" is one name; "X Police Department and Y Fire
        # Authority" lists two bodies: after the "and" at ``j``, a run with a body word.
        run = []
        for t in toks[j + 1 :]:
            if not _is_cap(t.group()):
                break
            run.append(_bare(t.group()))
        return bool(run) and not any(w in hp.BODY_WORDS for w in run)

    k = 0
    while k < len(toks):
        if _bare(toks[k].group()) not in hp.BODY_WORDS or not _is_cap(toks[k].group()):
            k += 1
            continue
        i = k
        body = toks[k].group()
        caps = body.isupper() and len(body) > 3
        # "Department of X" names start at their body word, bar a few qualifiers ("Federal
        # Bureau of ..."): a letterhead often prints a person's name just before them.
        prefix_kind = k + 1 < len(toks) and toks[k + 1].group().casefold() in {"of", "for"}
        while i > 0 and joined(i - 1, i) and word_ok(i - 1) and case_ok(i - 1, caps):
            prev = toks[i - 1].group()
            # "the" and a full stop end a name on the left ("... Act, The X Department"), and
            # so do words that open a sentence or a question ("Has X Police investigated").
            if prev.casefold() in hp.NAME_STOPS or sentence_end(prev):
                break
            if prefix_kind and toks[i - 1].group().casefold() not in hp.NAME_QUALIFIERS:
                break
            i -= 1
        j = k
        in_tail = False  # past "of"/"for": "Ministry of Housing, Communities and Local ..."
        while (
            j + 1 < len(toks) and joined(j, j + 1) and word_ok(j + 1) and case_ok(j + 1, caps)
            and not sentence_end(toks[j].group())
        ):
            nxt = toks[j + 1].group().casefold()
            if nxt in {"of", "for"}:
                in_tail = True
            elif nxt in {",", "&"} and not in_tail:
                break  # "X Police Department, Y" lists two bodies
            elif nxt == "and" and not in_tail and (j != k or not more_after_and(j + 1)):
                break
            j += 1
        # Trim connectors and commas from both ends.
        while i <= j and (toks[i].group().casefold() in hp.NAME_CONNECTORS | {","}):
            i += 1
        while j >= i and (toks[j].group().casefold() in hp.NAME_CONNECTORS | {","}):
            j -= 1
        # A sentence adverb before a comma is not part of the name ("Firstly, X Trust").
        if i + 1 < j and toks[i + 1].group() == "," and toks[i].group().casefold() in hp.ADVERBS:
            i += 2
        if j > i:
            start, end = toks[i].start(), toks[j].end()
            name = text[start:end]
            name = _POSSESSIVE.sub("", name) if re.search(r"['\u2019]s?$", name) else name
            if name.endswith("."):
                name = name[:-1]
            out.append((name, start, start + len(name)))
        k = max(j + 1, k + 1)
    # A fragment inside a longer name of the same line ("NHS Marchbrook" in "NHS Marchbrook and
    # Dunholm Integrated Care Board") is not a mention of its own.
    return [n for n in out if not any(o != n and o[1] <= n[1] and n[2] <= o[2] for o in out)]


def _acceptable(name: str) -> bool:
    words = name.split()
    if not 2 <= len(words) <= 12 or hp.NOT_AUTHORITY.search(name):
        return False
    bare = [_bare(w) for w in words]
    if bare[-1] in hp.NOT_BODY_ENDINGS:
        return False
    if all(w in hp.GENERIC_OFFICE_WORDS | hp.NAME_CONNECTORS for w in bare):
        return False  # "Governance and Compliance Office": an office of the author
    if bare[-1] in hp.PART_ENDINGS and all(
        w in hp.SERVICE_AREA_WORDS | hp.GENERIC_OFFICE_WORDS | hp.NAME_CONNECTORS for w in bare
    ):
        return False  # "Housing Department": a part of the author
    # "City of X", "London Borough of X", "Royal Borough of X and Y"
    kind = next((k for k, w in enumerate(bare[:3]) if w in hp.MUNICIPALITY_KINDS), None)
    if kind is not None and bare[kind + 1 : kind + 2] == ["of"] and len(bare) > kind + 2:
        return not all(w in hp.GENERIC_OFFICE_WORDS | hp.NAME_CONNECTORS for w in bare[kind + 2 :])
    if bare[-1] == "district" and len(bare) >= 3 and "," not in name:
        # A US special district ("X Mass Transit District", "X Park District"); no comma, so
        # a title listed before it ("FOIA Officer, X District") is not taken in.
        return True
    return any(w in hp.STRONG_BODY_WORDS for w in bare) or bare[0] == "nhs"


def _key(name: str) -> frozenset[str]:
    folded = name.casefold().replace("\u2019s", "").replace("'s", "")
    # "United States X Agency" in a letterhead is the "U.S. X Agency" of the signature.
    folded = re.sub(r"\bunited\s+states\b|\bu\.\s?s\.", "us", folded)
    return frozenset(
        w for w in re.findall(r"[a-z0-9]+", folded) if w not in {"the", "of", "and", "for"}
    )


def _display(name: str) -> str:
    if name.isupper():
        small = {"of", "and", "for", "the", "on", "upon", "in"}
        words = [w.lower() if w.lower() in small and k else w.capitalize()
                 for k, w in enumerate(name.split())]
        name = " ".join(words)
    return squeeze(name).removeprefix("the ").removeprefix("The ")


def _find_authority(doc: Document, region: _Region, warnings: list[str]) -> Field | None:
    scores: dict[frozenset[str], float] = {}
    best_field: dict[frozenset[str], tuple[float, Field]] = {}

    def add(name: str, span: tuple[int, int] | None, weight: float) -> None:
        name = hp.STATE_SUFFIX.sub("", _display(name))
        if span is not None:
            span = (span[0], min(span[1], span[0] + len(name)))
        words = name.split()
        cut = max((k for k, w in enumerate(words) if _bare(w.rstrip(",")) in hp.NOT_BODY_ENDINGS),
                  default=None)
        rest = " ".join(words[cut + 1 :]) if cut is not None else ""
        # The body after its team ("Information Governance Team Westshire NHS Trust"), or after
        # a title listed before it ("FOIA Appeals Officer, Federal X Administration").
        if cut is not None and _acceptable(rest) and (
            words[cut].endswith(",") or not _acceptable(name)
        ):
            offset = len(name) - len(rest)
            name = rest
            span = (span[0] + offset, span[1]) if span else None
        elif cut is not None and not rest:
            # The body's building after its name ("X County Borough Council Civic Offices",
            # "X Police Headquarters"): the name ends at its last strong body word.
            strong = [k for k, w in enumerate(words[:cut]) if _bare(w) in hp.STRONG_BODY_WORDS]
            building = _bare(words[cut]) in hp.BUILDING_ENDINGS
            head = " ".join(words[: strong[-1] + 1]) if strong and building else ""
            if not _acceptable(head):
                return
            name = head
            span = (span[0], span[0] + len(head)) if span else None
        elif not _acceptable(name):
            return
        key = _key(name)
        if not key:
            return
        scores[key] = scores.get(key, 0.0) + weight
        field = Field(name, doc.span(*span) if span else None)
        if key not in best_field or weight > best_field[key][0]:
            best_field[key] = (weight, field)

    sender = doc.metadata.sender
    if sender:
        # "Despatch Box, Ministry of X", "Information Governance | X NHS Trust" or "X
        # Constabulary - Freedom of Information <foi@...>": the body's name is one of the parts
        # of the display name that commas, bars and spaced dashes separate.
        display = sender.split("<")[0].strip().strip('"')
        for part in re.split(r"\s*[,|]\s*|\s+[-\u2013\u2014]\s+|\s+via\s+", display):
            add(part.strip(), None, 3.0)
    for title in (doc.metadata.title, doc.blocks[0].text if doc.blocks else None):
        m = hp.ALAVETELI_TITLE.search(title or "")
        if m:
            add(m.group("name"), None, 1.0)
            break
    else:
        # A web page's title names the site after a separator: "Request title | Westshire
        # Police". The site of a disclosure log is the authority that published the reply.
        parts = re.split(r"\s+[|\u2013\u2014-]\s+", doc.metadata.title or "")
        if len(parts) > 1:
            add(parts[-1].strip(), None, 2.0)
    main = list(region.main)
    head = _head_blocks(main)
    sign_offs = [i for i, b in enumerate(main) if SIGN_OFF.match(b.text)]
    foot: set[int] = set()
    if sign_offs:
        page = main[sign_offs[-1]].page
        foot = {
            j for j in range(sign_offs[-1], min(sign_offs[-1] + 9, len(main)))
            if main[j].page == page
        }
    else:  # no closing phrase: the signature is the letter's last lines
        foot = set(range(max(len(main) - 6, len(head)), len(main)))
    end_of_letter = max(foot, default=len(main))
    pasted = _pasted_head(main)
    components = _component_lines(main, len(head) + len(pasted))
    for i, block in enumerate(main):
        weight = 1.0
        if (i < len(head) and i < 12) or i in pasted:
            weight = 3.0
        if i in components:
            weight = 1.0  # a parent department above the component that wrote the letter
        elif i in foot:
            weight = 4.5  # the signature: who wrote the letter
        elif i > end_of_letter:
            weight = 0.3  # enclosures printed after the signature
        elif block.text.startswith("Dear "):
            weight = 0.5  # the requester addressing the body, usually on a thread page
        near = " ".join(b.text for b in main[max(i - 1, 0) : i + 1])
        if hp.OVERSIGHT.search(near) or hp.APPEAL.search(near):
            weight = min(weight, 0.3)  # appeal and complaint addresses name other bodies
        if hp.COPY_LINE.match(block.text):
            weight = 0.3  # "cc: X Regional Office": a copy goes to another office
        for name, s, e in _block_names(doc, main, i):
            add(name, (block.start + s, block.start + e), weight)
    _add_acronyms(region.main, scores, best_field)
    if not scores:
        return None
    _merge_glued(scores, best_field)
    # A shorter name inside a longer one ("Department of Police" in "Lakeview Police
    # Department") is the same body: its evidence counts for the longer name too.
    total = {k: v + sum(w for o, w in scores.items() if o < k) for k, v in scores.items()}
    key = max(total, key=lambda k: (total[k], len(k)))
    field = best_field[key][1]
    if total[key] < 2.0:
        warnings.append(f"authority: weak evidence for {field.value!r}")
    return field


def _pasted_head(blocks: Sequence[Block]) -> set[int]:
    """Indices of the letterhead of a letter pasted below a cover e-mail after a rule line.

    The cover note is signed by a unit ("Regards, ATIP Office"); the letter's own letterhead,
    from the rule line to its salutation, names the body as a letterhead at the top would.
    """
    rules = [i for i, b in enumerate(blocks[:40]) if hp.RULE_LINE.match(b.text)]
    if not rules:
        return set()
    start = rules[0] + 1
    for j in range(start, min(start + 12, len(blocks))):
        if SALUTATION.match(blocks[j].text):
            return set(range(start, j))
    return set()


def _component_lines(blocks: Sequence[Block], n_head: int) -> set[int]:
    """Letterhead lines naming a parent department directly above one of its components.

    US federal letterheads print "U.S. Department of Justice" over "Federal Bureau of Prisons"
    (or "Drug Enforcement Administration"): the component below wrote the letter.
    """
    out: set[int] = set()
    for i in range(min(n_head, len(blocks)) - 1):
        parent, below = blocks[i].text.strip(), blocks[i + 1].text.strip()
        if not hp.PARENT_DEPARTMENT.fullmatch(parent) or hp.PARENT_DEPARTMENT.fullmatch(below):
            continue
        names = _names_in(below)
        if names and names[0][0] == below and _acceptable(below):
            out.add(i)
    return out


def _block_names(doc: Document, blocks: Sequence[Block], i: int) -> list[tuple[str, int, int]]:
    """Body names in block ``i`` (offsets into it), with a name that a line break splits.

    A name runs on into the next line only where the break cannot end it: at a connector
    ("U.S. Customs and" / "Border Protection"), or in wrapped prose where the first line's part
    is no name by itself ("... Partnership, NHS" / "Trust. Please"). Elsewhere the next line is
    an address or another name ("X Health Board" / "Pencadlys, Heol y Gaer").
    """
    block = blocks[i]
    own = _names_in(block.text)
    if i + 1 >= len(blocks):
        return own
    text = doc.text[block.start : blocks[i + 1].end]
    cut = len(block.text)
    joined: list[tuple[str, int, int]] = []
    for name, s, e in _names_in(text):
        if s >= cut or e <= cut:
            continue
        first, second = text[s:cut].split(), text[cut:e].split()
        connectors = hp.NAME_CONNECTORS
        at_connector = bool(first and second) and (
            first[-1].casefold() in connectors or second[0].casefold() in connectors
        )
        if at_connector or (len(block.text) >= 60 and not _acceptable(" ".join(first))):
            joined.append((name, s, e))
    own = [n for n in own if not any(s <= n[1] < e for _, s, e in joined)]
    return sorted(own + joined, key=lambda n: n[1])


def _words(name: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", name.casefold())


def _contains(longer: list[str], shorter: list[str]) -> bool:
    n = len(shorter)
    return any(longer[k : k + n] == shorter for k in range(len(longer) - n + 1))


def _merge_glued(
    scores: dict[frozenset[str], float], best_field: dict[frozenset[str], tuple[float, Field]]
) -> None:
    """Give a name's score to the shorter name inside it that the letter repeats more.

    A letterhead or an address line glues words onto a body's name: the other half of a
    bilingual letterhead, a building ("Civic Offices"), the address after it ("X University,
    Senate House, ..."), a company named after "and". The letter's other mentions print the
    name alone, so the form with the most evidence of its own is the name's extent. A generic
    name ("County Council") never claims a longer one: it is not this body's name; nor does a
    name whose remaining words are named on their own ("City of X" and "Department of Y" in
    "City of X Department of Y": a part of a body, named with its parent).
    """
    generic = hp.BODY_WORDS | hp.GENERIC_OFFICE_WORDS | hp.SERVICE_AREA_WORDS | hp.NAME_CONNECTORS

    def composite(key: frozenset[str], part: frozenset[str]) -> bool:
        rest = key - part
        return any(o < key and o & rest for o in scores)

    for key in sorted(scores, key=len, reverse=True):
        long_words = _words(best_field[key][1].value)
        inside = [
            o for o in scores
            if o < key and scores[o] >= scores[key] and not o <= generic
            and _contains(long_words, _words(best_field[o][1].value)) and not composite(key, o)
        ]
        if inside:
            target = max(inside, key=len)
            scores[target] += scores.pop(key)
            del best_field[key]


def _add_acronyms(
    blocks: Sequence[Block],
    scores: dict[frozenset[str], float],
    best_field: dict[frozenset[str], tuple[float, Field]],
) -> None:
    """Count a body's acronym ("the CPD", "FBI's") as evidence for its name.

    An acronym the letter defines after a name (``Lakeview Police Department ("CPD")``) adds to
    that name; an undefined one ("standard FBI practice") stands as a weak candidate itself.
    """
    text = "\n".join(b.text for b in blocks)
    defined: dict[str, frozenset[str]] = {}
    for m in hp.ACRONYM_DEFINITION.finditer(text):
        acronym = m.group("acr")
        initials = {w[0].lower() for w in m.group("name").split()}
        if set(acronym.lower()) <= initials:
            for key in scores:
                if set(acronym.lower()) <= {w[0] for w in key}:
                    defined.setdefault(acronym, key)
    for m in hp.ACRONYM.finditer(text):
        acronym = m.group("acr")
        if acronym in hp.NOT_BODY_ACRONYMS or not acronym.strip("IVXLCDM"):
            continue
        if acronym not in defined:
            # "VA" for "Department of Veterans Affairs", "DEA", "CBP" for "U.S. Customs and
            # Border Protection": the initials of the name's last words. A letter that calls
            # itself so names its author, as much as printing the name would.
            short = _short_form_of(acronym, scores, best_field)
            if short is not None:
                scores[short] += 1.0
                continue
        key = defined.get(acronym, frozenset({acronym.lower()}))
        scores[key] = scores.get(key, 0.0) + 0.5
        if key not in best_field:
            best_field[key] = (0.5, Field(acronym, None))


def _short_form_of(
    acronym: str,
    scores: dict[frozenset[str], float],
    best_field: dict[frozenset[str], tuple[float, Field]],
) -> frozenset[str] | None:
    """The candidate whose last two or more significant words have ``acronym``'s initials."""
    fits = []
    for key in scores:
        words = [w for w in _words(best_field[key][1].value) if w not in hp.NAME_CONNECTORS]
        n = len(acronym)
        if n >= 2 and len(words) >= n and "".join(w[0] for w in words[-n:]) == acronym.lower():
            fits.append(key)
    return max(fits, key=lambda k: scores[k]) if fits else None


# --- regime ----------------------------------------------------------------------------------

#: Ties between laws a letter names: a state law or FOISA is more specific than the federal
#: Act or FOIA 2000 that letters mention in passing. The EIR ranks with FOIA 2000: UK letters
#: name each in the other's boilerplate, so the handling phrase or the count decides.
_SPECIFICITY = {Regime.US_FOIA: 1, Regime.US_PA: 0, Regime.UK_FOIA: 1, Regime.UK_EIR: 1}


def _find_regime(
    doc: Document, region: _Region, reference: Field | None, warnings: list[str]
) -> Regime | None:
    main = "\n".join(doc.text[s:e] for s, e in _ranges(region.main))
    whole = doc.text + "\n" + (doc.metadata.subject or "")
    votes: dict[Regime, int] = {}
    for pattern, regime in hp.LAW_PATTERNS:
        n_whole = len(pattern.findall(whole))
        if n_whole:  # the letter's own part is inside the whole: look there only on a hit
            n_main = len(pattern.findall(main))
            votes[regime] = votes.get(regime, 0) + 3 * n_main + n_whole
    ref = reference.value.upper() if reference else ""
    scottish = Regime.UK_EISR in votes
    if scottish:
        # Scottish letters call their regulations "the EIRs" too: those votes are the EISR's.
        votes[Regime.UK_EISR] += votes.pop(Regime.UK_EIR, 0)
    environmental = Regime.UK_EIR in votes or scottish
    if ref.startswith("EIR") or (environmental and hp.EIR_HANDLING.search(whole)):
        return Regime.UK_EISR if scottish else Regime.UK_EIR
    if Regime.US_PA in votes and hp.PA_HANDLING.search(main):
        return Regime.US_PA  # processed under the Privacy Act first: a first-party request
    if votes:
        # The most specific law (see _SPECIFICITY), then the most cited; on a tie FOIA 2000,
        # since the EIR is named in FOIA letters' boilerplate too.
        return max(votes, key=lambda r: (_SPECIFICITY.get(r, 2), votes[r], r is Regime.UK_FOIA))
    if hp.FEDERAL_SIGNALS.search(main) and hp.US_SIGNALS.search(whole):
        warnings.append("regime: no Act named; assumed US-FOIA from a federal agency")
        return Regime.US_FOIA
    state = hp.US_ADDRESS.search(doc.text)
    if state and hp.US_SIGNALS.search(doc.text):
        code = _state_code(state.group("state"))
        if code is not None:
            warnings.append(f"regime: no Act named; assumed {code.value} from a US address")
            return code
    if hp.SCOTTISH_SIGNALS.search(whole):
        warnings.append("regime: no Act named; assumed UK-FOISA from Scottish signals")
        return Regime.UK_FOISA
    if hp.UK_SIGNALS.search(whole) or hp.UK_POSTCODE.search(doc.text):
        warnings.append("regime: no Act named; assumed UK-FOIA from UK signals")
        return Regime.UK_FOIA
    if hp.US_SIGNALS.search(whole):
        warnings.append("regime: no Act named; assumed US-FOIA")
        return Regime.US_FOIA
    return None


def _state_code(name: str) -> Regime | None:
    name = name.strip()
    code = name.upper() if len(name) == 2 else None
    if code is None:
        code = next((c for n, c in hp.US_STATES.items() if n.casefold() == name.casefold()), None)
    try:
        return Regime(f"US-{code}") if code else None
    except ValueError:
        return None

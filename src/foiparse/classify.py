"""Classify stage: each answer's disposition and the letter's outcome.

Both come from signal phrases (:mod:`foiparse.classify_patterns`) read sentence by sentence,
after dropping sentences that only describe complaint rights, re-use or e-mail handling, so that
a generic "if you are unhappy with this refusal" never decides anything. The outcome combines
the answers' dispositions, the decision language of the reply itself (earlier messages quoted
below an e-mail, and requester messages on a thread page, are left out) and the exemptions the
cite stage found.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

import attrs

from foiparse import classify_patterns as P
from foiparse.document import Document, DraftAnswer, Segment, SegmentKind
from foiparse.paragraphs import (
    QUOTE_BANNER,
    QUOTE_FOLD,
    QUOTE_RULE,
    SALUTATION,
    SIGN_OFF,
    opens_quoted_message,
    squeeze,
)
from foiparse.records import Answer, Disposition, Exemption, Outcome, Question, Regime

#: Dispositions that give the requester information.
GIVING = frozenset({Disposition.DISCLOSED, Disposition.PUBLISHED_ELSEWHERE})

#: Segment kinds that are never evidence of the outcome: earlier messages quoted below a reply.
#: (Boilerplate and request segments are not blanked: a misplaced boundary would hide the
#: decision itself, and boilerplate sentences are dropped by pattern anyway.)
_IGNORED_SEGMENTS = frozenset({SegmentKind.QUOTED})

#: Negative dispositions, strongest first: the one an answer gets when several are signalled.
_NEGATIVE_ORDER: tuple[tuple[Disposition, tuple[re.Pattern[str], ...]], ...] = (
    (Disposition.NCND, P.NCND),
    (Disposition.REFUSED, P.REFUSED),
    (Disposition.WITHHELD, P.WITHHELD),
    (Disposition.NOT_HELD, P.NOT_HELD),
    (Disposition.OUTSIDE_SCOPE, P.OUTSIDE_SCOPE + P.NO_DUTY_TO_CREATE),
    (Disposition.CLARIFICATION, P.CLARIFICATION),
    # last: "denied" / "decided to refuse your request" name no ground of their own
    (Disposition.REFUSED, P.DENIED + P.WHOLE_REFUSAL),
)

#: Exemption provisions that are procedural refusals rather than content exemptions.
_PROCEDURAL = re.compile(r"^(?:s12|s14|reg12\(4\)\((?:a|b)\)|s3\(g\)|s24A[AB])", re.IGNORECASE)
_PROCEDURAL_TITLE = re.compile(
    r"cost|vexatious|repeat|burdensome|manifestly unreasonable|unreasonable interference|"
    r"disruption of work|diversion of resources|practical refusal", re.I
)
#: NCND provisions by title: "neither confirm nor deny", "exclusion of duty to confirm or deny"
#: (FOIA s23(5), s30(3), s40(5B)...), "existence of a record need not be disclosed" (NZ, CA, AU).
_NCND_TITLE = re.compile(
    r"neither confirm|glomar|(?<!^duty to )confirm or deny|\bNCND\b|\bexistence of", re.IGNORECASE
)
#: Provisions whose ground is that nothing is held (EIR reg12(4)(a), NZ s18(e), IE s15(1)(a)).
_NOT_HELD_TITLE = re.compile(r"not held|(?:does|do) not exist|cannot be found", re.IGNORECASE)
_PUBLISHED_PROVISION = re.compile(r"^s21\b|^s25\b", re.IGNORECASE)


@attrs.frozen
class Classified:
    """What the classify stage returns: answers with dispositions, the outcome, warnings."""

    answers: tuple[Answer, ...] = ()
    outcome: Outcome | None = None
    warnings: tuple[str, ...] = ()


@attrs.frozen
class Signals:
    """Which kinds of decision language a stretch of reply text contains."""

    negatives: frozenset[Disposition] = frozenset()
    given: bool = False
    partial: bool = False
    response_follows: bool = False
    pending: bool = False
    transferred: bool = False
    #: a pointer to published information (given, unless the letter only asks for clarification)
    pointed: bool = False
    #: the whole request is refused ("denied in its entirety", "decided to refuse your request")
    whole_refusal: bool = False

    def merge(self, other: Signals) -> Signals:
        """Both sets of signals together."""
        return Signals(
            self.negatives | other.negatives,
            self.given or other.given,
            self.partial or other.partial,
            self.response_follows or other.response_follows,
            self.pending or other.pending,
            self.transferred or other.transferred,
            self.pointed or other.pointed,
            self.whole_refusal or other.whole_refusal,
        )


# --------------------------------------------------------------------------- text helpers


def sentences(text: str) -> list[str]:
    """The sentences of ``text`` (squeezed), bullets counting as sentence breaks."""
    flat = squeeze(text)
    return [s.strip() for s in P.SENTENCE_END.split(flat) if s and s.strip()]


def is_boilerplate(sentence: str) -> bool:
    """True for a sentence about complaint/appeal rights, re-use, or mail handling, or one that
    says nothing was withheld."""
    return _any(P.BOILERPLATE, sentence) or _any(P.NOTHING_WITHHELD, sentence)


def substantive(text: str, *, pointer_cited: bool = False) -> str:
    """``text`` squeezed, without its boilerplate sentences.

    ``pointer_cited``: the letter relies on FOIA s21 / FOISA s25, so a sentence citing that
    section alone points to published information (see :func:`as_pointer`).
    """
    kept = (s for s in sentences(text) if not is_boilerplate(s))
    return " ".join(as_pointer(as_not_held(s), pointer_cited=pointer_cited) for s in kept)


#: What a sentence citing a not-held ground is read as.
_NOT_HELD_SENTENCE = "Information not held."


def as_not_held(sentence: str) -> str:
    """``sentence``, or a plain "not held" when it cites a provision that means not held.

    "We are applying the exception at regulation 12(4)(a)" or "refused under section 18(e)"
    speaks the language of withholding, but the ground is that nothing is held (GOLD.md
    ``not_held``), so the sentence must not count as a withholding or refusal.
    """
    return _NOT_HELD_SENTENCE if _any(P.NOT_HELD_GROUND, sentence) else sentence


#: What a sentence pointing to information accessible elsewhere is read as.
_POINTER_SENTENCE = "The information is published."


def as_pointer(sentence: str, *, pointer_cited: bool = False) -> str:
    """``sentence``, or a plain "published" when it only points to published information.

    "This information is exempt under section 21 as it is reasonably accessible to you" has the
    words of a withholding, but GOLD.md counts a pointer to published information as given.
    A sentence citing another provision as well keeps its words.
    """
    if not (_any(P.ACCESSIBLE_ELSEWHERE, sentence) or (pointer_cited and _any(P.POINTER_SECTION, sentence))):
        return sentence
    others = {m.group(1) for m in P.ANY_SECTION.finditer(sentence)} - {"21", "25"}
    return sentence if others else _POINTER_SENTENCE


def _any(table: tuple[re.Pattern[str], ...], text: str) -> bool:
    return _joined(table).search(text) is not None


@functools.cache
def _joined(table: tuple[re.Pattern[str], ...]) -> re.Pattern[str]:
    """One pattern matching where any of ``table``'s does: a single scan of the text instead
    of one per phrasing (the tables hold dozens, and this stage runs on every sentence)."""
    return re.compile("|".join(f"(?:{p.pattern})" for p in table), re.IGNORECASE)


def _first(table: tuple[re.Pattern[str], ...], text: str) -> int | None:
    """Where the earliest phrasing of ``table`` starts (a search finds the leftmost match of
    any alternative, so one scan gives the minimum)."""
    m = _joined(table).search(text)
    return m.start() if m else None


# --------------------------------------------------------------------------- dispositions


def own_part(text: str, question_id: str | None) -> str:
    """The passage of a grouped answer that belongs to ``question_id``.

    A grouped answer may carry "For part A – ..." for one sub-question (GOLD.md): that passage is
    sub-question A's answer, and the rest is the answer of the other questions of the group.
    """
    marks = list(P.PART_MARKER.finditer(text))
    if not marks:
        return text
    qid = (question_id or "").lower()
    for i, mark in enumerate(marks):
        label = mark.group(1).lower()
        if qid and (qid == label or qid.endswith(label)) and not qid.isdigit():
            end = marks[i + 1].start() if i + 1 < len(marks) else len(text)
            return text[mark.end() : end]
    before = text[: marks[0].start()]
    return before if before.strip() else text


def disposition_of(text: str, question_id: str | None = None) -> Disposition:
    """The disposition of one answer's text (GOLD.md vocabulary).

    The strongest negative signal wins (NCND, procedural refusal, exemption, not held, outside
    the Act, clarification) unless the letter then gives something anyway ("Notwithstanding",
    "as a courtesy", "in a good faith effort"), or only redactions are mentioned beside released
    records; then it is ``disclosed``. Without a negative: published elsewhere, else disclosed.
    """
    kept = [s for s in sentences(own_part(text, question_id)) if not is_boilerplate(s)]
    # A sentence about other questions only ("the refusal notice covers the information
    # withheld at question 2", closing an answer to question 3) says nothing about this one.
    own = [s for s in kept if _about_this_question(s, question_id)]
    sentences_kept = own or kept
    if any(_any(P.ACCESSIBLE_ELSEWHERE, s) for s in sentences_kept) and not any(
        _any(P.GIVEN, s) for s in sentences_kept
    ):
        # FOIA s21 / FOISA s25: "exempt because it is reasonably accessible" is a pointer to
        # where the information is published, not a withholding
        return Disposition.PUBLISHED_ELSEWHERE
    body = " ".join(as_not_held(s) for s in sentences_kept)
    if not body:
        return Disposition.DISCLOSED
    first_negative: int | None = None
    chosen: Disposition | None = None
    for disposition, table in _NEGATIVE_ORDER:
        at = _first(table, body)
        if at is None:
            continue
        if disposition is Disposition.WITHHELD and _only_redaction(body):
            continue
        first_negative = at if first_negative is None else min(first_negative, at)
        chosen = chosen or disposition
    if chosen is not None and first_negative is not None:
        given_at = _first(P.GIVEN, body)
        if given_at is not None and given_at < first_negative:
            # "please see the attached spreadsheets ... the rest would be unduly burdensome"
            return Disposition.DISCLOSED
        if _first(P.CONCESSION, body[first_negative:]) is not None:
            return Disposition.DISCLOSED
        return chosen
    if _any(P.PUBLISHED, body) and not _any(P.GIVEN, body) and _pointer_leads(sentences_kept):
        return Disposition.PUBLISHED_ELSEWHERE
    return Disposition.DISCLOSED


def _pointer_leads(kept: Sequence[str]) -> bool:
    """True when the answer's first pointer to published information comes before any content
    of its own: "Yes. Clinics run weekly at three sites. Times are published on our website"
    answers the question, and the pointer only adds where more detail is."""
    for sentence in kept:
        if _any(P.PUBLISHED, sentence):
            return True
        if not _any(P.LEAD_IN, sentence):
            return False
    return True


def _about_this_question(sentence: str, question_id: str | None) -> bool:
    """False when ``sentence`` names questions and none of them is ``question_id`` (or its
    parent: "question 2" speaks of 2a too)."""
    named = _named_questions(sentence)
    if not named or not question_id:
        return True
    qid = question_id.lower()
    return any(qid == n or (qid.startswith(n) and n.isdigit() and not qid[len(n)].isdigit()) for n in named)


def _named_questions(sentence: str) -> list[str]:
    """The question ids a sentence names; "questions 3 to 5" gives 3, 4 and 5."""
    out: list[str] = []
    for ref in P.QUESTION_REF.finditer(sentence):
        parts = P.QUESTION_SEP.split(ref.group(1))
        # split() alternates ids and the separators captured between them
        for i in range(0, len(parts), 2):
            qid = parts[i].strip("() ").lower()
            if not qid:
                continue
            ranged = i > 0 and parts[i - 1].lower() in ("to", "-", "–")
            if ranged and out and out[-1].isdigit() and qid.isdigit():
                out.extend(str(n) for n in range(int(out[-1]) + 1, min(int(qid), int(out[-1]) + 50) + 1))
            else:
                out.append(qid)
    return out


_REDACTION = re.compile(r"\bredact(?:ed|ions?)\b", re.IGNORECASE)
_WITHHELD_BUT_REDACTION = tuple(p for p in P.WITHHELD if p.pattern != _REDACTION.pattern)


def _only_redaction(body: str) -> bool:
    """Records are released with redactions: the answer gives information (US practice)."""
    return (bool(_REDACTION.search(body)) and not _any(_WITHHELD_BUT_REDACTION, body)
            and _any(P.GIVEN, body))


# --------------------------------------------------------------------------- outcome


def signals_of(text: str, *, pointer_cited: bool = False) -> Signals:
    """The decision language in ``text`` (boilerplate sentences ignored).

    ``pointer_cited``: the letter relies on FOIA s21 / FOISA s25 (see :func:`as_pointer`).
    """
    body = substantive(text, pointer_cited=pointer_cited)
    negatives: set[Disposition] = set()
    redacted = _only_redaction(body)
    for disposition, table in _NEGATIVE_ORDER:
        if disposition is Disposition.WITHHELD and redacted:
            continue  # released with redactions: partial, counted below
        if _any(table, body):
            negatives.add(disposition)
    if (Disposition.NOT_HELD in negatives and not _any(P.OUTSIDE_SCOPE, body)
            and _any(P.NO_DUTY_TO_CREATE, body)):
        # "no responsive records were located; the Act does not require us to create records"
        negatives.discard(Disposition.OUTSIDE_SCOPE)
    # a release only weighed ("whether any portion could be released with redactions") or left
    # to a future request gives nothing
    actual = " ".join(s for s in sentences(body) if not _any(P.HYPOTHETICAL_RELEASE, s))
    given = _any(P.GIVEN, actual)
    pointed = _any(P.PUBLISHED, body) and Disposition.WITHHELD not in negatives
    if given and _any(P.CONCESSION, body):
        # "unduly burdensome ... however, in a good faith effort we are providing" gives something
        negatives.discard(Disposition.NOT_HELD)
    return Signals(
        negatives=frozenset(negatives),
        given=given,
        partial=redacted or _any(P.PARTIAL, body),
        response_follows=_any(P.RESPONSE_FOLLOWS, body),
        pending=_any(P.PENDING, body),
        transferred=_any(P.TRANSFERRED, body),
        pointed=pointed,
        whole_refusal=_any(P.WHOLE_REFUSAL, body),
    )


def exemption_signals(exemptions: Sequence[Exemption]) -> Signals:
    """What the exemptions relied on say about the outcome."""
    negatives: set[Disposition] = set()
    pointed = False
    for ex in exemptions:
        title = ex.title or ""
        if is_ncnd_ground(ex):
            negatives.add(Disposition.NCND)
        elif _NOT_HELD_TITLE.search(title):
            negatives.add(Disposition.NOT_HELD)
        elif _PROCEDURAL.match(ex.provision) or _PROCEDURAL_TITLE.search(title):
            negatives.add(Disposition.REFUSED)
        elif ex.regime in (Regime.UK_FOIA, Regime.UK_FOISA) and _PUBLISHED_PROVISION.match(ex.provision):
            pointed = True  # s21 (FOISA s25): reasonably accessible elsewhere, i.e. pointed to
        else:
            negatives.add(Disposition.WITHHELD)
    return Signals(negatives=frozenset(negatives), pointed=pointed)


def is_ncnd_ground(ex: Exemption) -> bool:
    """True for a provision that excludes the duty to confirm or deny (s23(5), s40(5B), Glomar)."""
    return bool(_NCND_TITLE.search(ex.title or "")) or ex.provision.lower() == "glomar"


def is_pointer_ground(ex: Exemption) -> bool:
    """True for FOIA s21 / FOISA s25: exempt because the information is published elsewhere."""
    return ex.regime in (Regime.UK_FOIA, Regime.UK_FOISA) and bool(_PUBLISHED_PROVISION.match(ex.provision))


#: Negatives that a whole-request refusal does not override (they are outcomes of their own).
_NOT_A_REFUSAL = frozenset({Disposition.NOT_HELD, Disposition.NCND, Disposition.CLARIFICATION})


def decide_outcome(signals: Signals, dispositions: Sequence[Disposition] = ()) -> Outcome | None:
    """The letter's outcome from its signals and its answers' dispositions.

    ``None`` means nothing decisive was found (the caller falls back to ``other``).
    """
    given = signals.given or any(d in GIVING for d in dispositions)
    negatives = set(signals.negatives) | {d for d in dispositions if d not in GIVING}
    if negatives == {Disposition.CLARIFICATION} and not given:
        # a clarification request that also mentions what is already published still only asks
        return Outcome.CLARIFICATION
    if signals.whole_refusal and not signals.given and not negatives & _NOT_A_REFUSAL:
        # "your request is denied in its entirety": answers with no decision words of their own
        # (defaulting to disclosed) do not make the refusal partial
        return Outcome.REFUSED
    if signals.pending and not signals.given and not signals.pointed and not negatives:
        # an extension or holding notice: answers with no decision words of their own default to
        # "disclosed", but the letter gives nothing yet
        return Outcome.OTHER
    given = given or signals.pointed
    if given and negatives:
        return Outcome.PARTIALLY_GRANTED
    if given:
        return Outcome.PARTIALLY_GRANTED if signals.partial or signals.pending else Outcome.GRANTED
    if signals.transferred and negatives <= {Disposition.NOT_HELD}:
        # "we do not hold it and have transferred your request to X": a transfer, not an answer
        return Outcome.OTHER
    if negatives:
        if negatives == {Disposition.NCND}:
            return Outcome.NEITHER_CONFIRM_NOR_DENY
        if negatives == {Disposition.NOT_HELD}:
            return Outcome.NOT_HELD
        if negatives == {Disposition.CLARIFICATION}:
            return Outcome.CLARIFICATION
        if negatives == {Disposition.OUTSIDE_SCOPE}:
            return Outcome.OTHER
        if signals.partial:
            return Outcome.PARTIALLY_GRANTED
        if negatives <= {Disposition.NCND, Disposition.NOT_HELD}:
            # "we do not hold X, and can neither confirm nor deny Y": nothing given either way
            return Outcome.NEITHER_CONFIRM_NOR_DENY
        return Outcome.REFUSED
    if signals.pending:
        return Outcome.OTHER
    if signals.response_follows:
        return Outcome.GRANTED
    return None


def reply_messages(doc: Document, segments: Sequence[Segment] = ()) -> list[str]:
    """The authority's own messages in ``doc``, oldest first (see :func:`reply_ranges`)."""
    text = _without_segments(doc.text, segments)
    return [text[start:end] for start, end in reply_ranges(text)]


def reply_ranges(text: str) -> list[tuple[int, int]]:
    """Where the authority's own messages sit in ``text``, as ``(start, end)``, oldest first.

    An e-mail reply is the text above the first quoted earlier message. A thread page (a
    WhatDoTheyKnow request page) holds the whole correspondence, each message closed by a
    "Link to this" line (or, on pages without one, by a "show quoted sections" fold, the last
    message running to the end); requester messages are dropped.
    """
    ends = list(P.THREAD_MESSAGE_END.finditer(text))
    folds = len(ends) < 2
    if folds:
        # a "Link to this" page without the line still folds each message's quoted mail
        ends = list(QUOTE_FOLD.finditer(text))
    if len(ends) < 2:
        heads = [m.start() for m in P.THREAD_MESSAGE_HEAD.finditer(text)]
        if len(heads) >= 2:
            # one message from each heading to the next; a requester's are dropped
            bounds = [*heads[1:], len(text)]
            return [(a, b) for a, b in zip([0, *heads[1:]], bounds, strict=True)
                    if not _requester_message(text[a:b])]
        return [(0, _quoted_start(text))]
    ranges, start = [], 0
    for m in ends:
        chunk = text[start : m.start()]
        if not _requester_message(chunk):
            ranges.append((start, start + _quoted_start(chunk)))
        start = m.end()
    if folds and not _requester_message(text[start:]):
        ranges.append((start, start + _quoted_start(text[start:])))
    return ranges or [(0, len(text))]


def _without_segments(text: str, segments: Sequence[Segment]) -> str:
    parts = list(text)
    for seg in segments:
        if seg.kind in _IGNORED_SEGMENTS:
            parts[seg.start : seg.end] = ["\n" if ch == "\n" else " " for ch in text[seg.start : seg.end]]
    return "".join(parts)


def _requester_message(chunk: str) -> bool:
    head = chunk[:600]
    return any(p.search(head) for p in _REQUESTER_FLAGS) or any(
        p.search(chunk) for p in P.REQUESTER_MESSAGE[2:]
    )


_REQUESTER_FLAGS = tuple(re.compile(p.pattern, re.IGNORECASE | re.MULTILINE) for p in P.REQUESTER_MESSAGE[:2])

#: A quoted-message marker this close to the top is the reply's own header, not a quotation.
_MIN_REPLY_CHARS = 200


# The shared salutation and sign-off, at the start of any line of the text ("With regards to
# your request" in a sentence is not a sign-off).
_SIGN_OFF = re.compile(SIGN_OFF.pattern, re.IGNORECASE | re.MULTILINE)
_SALUTATION = re.compile(SALUTATION.pattern, re.IGNORECASE | re.MULTILINE)


def _quoted_start(text: str) -> int:
    """Where quoted earlier correspondence starts in ``text`` (its length when there is none).

    The markers are the shared ones (:mod:`foiparse.paragraphs`), read on raw lines: a
    "From:" line needs its header field on the very next line (or ``Sent:`` on the same
    line, a header flattened by a PDF). Here, unlike in the segmenter, a thread page's
    "show quoted sections" fold also starts a quotation (the segmenter leaves thread pages
    whole so that this stage can split them into messages), and so does Outlook's rule of
    dashes over a "Dear …" letter.
    """
    lines = text.split("\n")
    offset = 0
    for k, line in enumerate(lines):
        start, offset = offset, offset + len(line) + 1
        after = lines[k + 1 : k + 2]
        ruled = bool(QUOTE_RULE.match(line)) and bool(after) and after[0].lower().startswith("dear ")
        if not (
            ruled
            or opens_quoted_message(line, after)
            or QUOTE_FOLD.match(line)
        ):
            continue
        signed = _SIGN_OFF.search(text, 0, start) is not None
        # a rule of dashes also separates a reference line from the letter: only after a
        # sign-off does it start a quotation
        if (ruled or QUOTE_BANNER.match(line)) and not signed:
            continue
        if start < _MIN_REPLY_CHARS and not (signed or _SALUTATION.search(text, 0, start)):
            continue  # the reply's own e-mail header at the top
        return start
    return len(text)


def letter_outcome(
    doc: Document,
    segments: Sequence[Segment],
    dispositions: Sequence[Disposition],
    exemptions: Sequence[Exemption],
) -> Outcome | None:
    """The outcome of the letter as a whole (GOLD.md outcome words).

    The latest authority message with a decision decides (an e-mail has one; a thread page may
    hold several). Exemptions count only when they sit inside that message: a refusal quoted
    below a later release does not make the release partial.
    """
    text = _without_segments(doc.text, segments)
    outcome = _outcome_of(text, dispositions, exemptions)
    if outcome is None and _mostly_quoted(text):
        # nothing but a title line is left outside "quoted" text: the segmenter took a thread
        # page's messages ("From: X Date: Y" headings) for quoted history, so read them all
        outcome = _outcome_of(doc.text, dispositions, exemptions)
    if outcome is not None:
        return outcome
    # a letter with no decision at all (a holding reply, an explanation) is "other"
    return Outcome.OTHER if any(text[a:b].strip() for a, b in reply_ranges(text)) else None


#: Fewer letters than this outside quoted segments is no reply of its own.
_MIN_OWN_LETTERS = 300


def _mostly_quoted(blanked: str) -> bool:
    return len(re.sub(r"\s", "", blanked)) < _MIN_OWN_LETTERS


def _outcome_of(
    text: str, dispositions: Sequence[Disposition], exemptions: Sequence[Exemption]
) -> Outcome | None:
    """The decision of the latest authority message in ``text`` with one; ``other`` when the
    messages decide only that (a holding reply, a transfer); ``None`` when nothing decides."""
    ranges = reply_ranges(text)
    undecided: Outcome | None = None
    for i, (start, end) in enumerate(reversed(ranges)):
        # exemptions found in quoted history or in an earlier message do not decide this one
        inside = [ex for ex in exemptions if ex.span is None or start <= ex.span.start < end]
        if len(ranges) > 1:
            inside = [ex for ex in inside if ex.span is not None]
        sig = signals_of(text[start:end], pointer_cited=any(is_pointer_ground(ex) for ex in inside))
        cited = exemption_signals(inside)
        if Disposition.NCND in sig.negatives and inside and all(is_ncnd_ground(ex) for ex in inside):
            # every provision relied on excludes the duty to confirm or deny: "maintaining the
            # exemption" in the public interest test is the NCND reasoning, not a withholding
            sig = attrs.evolve(sig, negatives=sig.negatives - {Disposition.WITHHELD})
        if Disposition.NCND in sig.negatives and Disposition.WITHHELD not in sig.negatives:
            # a Glomar reply cites (b)(6)/(b)(7)(C) as grounds for NCND, not to withhold
            cited = attrs.evolve(cited, negatives=cited.negatives - {Disposition.WITHHELD})
        if Disposition.CLARIFICATION in sig.negatives and not cited.negatives and not sig.given:
            # a letter asking what is meant, relying on no exemption, withholds nothing yet: "the
            # District cannot release student records" only warns what a narrowed request won't get
            sig = attrs.evolve(sig, negatives=sig.negatives - {Disposition.WITHHELD})
        sig = sig.merge(cited)
        outcome = decide_outcome(sig, dispositions if i == 0 else ())
        if outcome is not None and outcome is not Outcome.OTHER:
            return outcome
        undecided = undecided or outcome
    return undecided


# --------------------------------------------------------------------------- the stage


def classify(
    doc: Document,
    segments: tuple[Segment, ...],
    questions: tuple[Question, ...],
    answers: tuple[DraftAnswer, ...],
    exemptions: tuple[Exemption, ...],
) -> Classified:
    """Give each answer its disposition and the letter its outcome."""
    out = tuple(
        Answer(a.question_id, a.text, disposition_of(a.text, a.question_id), doc.span(a.start, a.end))
        for a in answers
    )
    warnings: list[str] = []
    outcome = letter_outcome(doc, segments, [a.disposition for a in out], exemptions)
    if outcome is None:
        warnings.append("outcome: no decision language found")
    return Classified(answers=out, outcome=outcome, warnings=tuple(warnings))

"""Find the provisions a letter relies on to withhold, refuse or neither confirm nor deny.

:func:`foiparse.cite.patterns.scan` finds every citation-shaped run; this module decides, for
each provision it names, which law it belongs to (the Act named beside it, else the Act named
in its sentence, else the letter's regime) and whether the letter *relies* on it. A mention
counts when the catalog marks the provision as a refusal ground and its sentence withholds,
refuses or exempts (or it heads a line of its own, as refusal notices list exemptions), unless
it is negated ("section 12 does not apply"), quoted, in complaint-rights boilerplate or in
an earlier message quoted below the reply.
"""

from __future__ import annotations

import bisect
import itertools
from collections import Counter
from collections.abc import Iterable

import attrs
import regex

from foiparse.cite import catalog
from foiparse.cite.patterns import Form, Mention, format_provision, scan
from foiparse.document import Document, DraftAnswer, Segment, SegmentKind
from foiparse.paragraphs import SALUTATION
from foiparse.records import Exemption, Regime


@attrs.frozen
class CiteResult:
    """What the cite stage found: the exemptions relied on, and anything worth a warning."""

    exemptions: tuple[Exemption, ...] = ()
    warnings: tuple[str, ...] = ()


# ---------------------------------------------------------------------------- laws named in text

_FOREIGN = "foreign"
_SAME = "same"  # names an access law without saying which ("the Act", "FOIA"): the letter's own

# Order matters: the first pattern that matches at a position wins.
_ACTS: tuple[tuple[str, Regime | str], ...] = (
    (r"Freedom\s+of\s+Information\s+\(Scotland\)\s+Act(?:\s+2002)?|FOI\(?S\)?A\b", Regime.UK_FOISA),
    (
        r"Environmental\s+Information\s+\(Scotland\)\s+Regulations(?:\s+2004)?|EIS?\(?S\)?Rs?\b",
        Regime.UK_EISR,
    ),
    (r"Environmental\s+Information\s+Regulations(?:\s+2004)?|EIRs?\b", Regime.UK_EIR),
    (r"(?:Freedom\s+of\s+Information|FOI)\s+Act\s+2000|FOIA\s+2000", Regime.UK_FOIA),
    (r"Freedom\s+of\s+Information\s+Act,?\s+2014|FOI\s+Act\s+2014", Regime.IE_FOI),
    (r"Freedom\s+of\s+Information\s+Act,?\s+1982|FOI\s+Act\s+1982", Regime.AU_FOI),
    (r"Illinois\s+(?:Freedom\s+of\s+Information\s+Act|FOIA)|5\s?ILCS\s?140", Regime.US_IL),
    (
        r"D\.?\s?C\.?\s+(?:Official\s+)?Code|District\s+of\s+Columbia\s+(?:Freedom\s+of\s+Information\s+Act|FOIA|Code)",
        Regime.US_DC,
    ),
    (r"Local\s+Government\s+Official\s+Information\s+and\s+Meetings\s+Act(?:\s+1987)?|LGOIMA", _SAME),
    (r"Official\s+Information\s+Act(?:\s+1982)?|OIA\b", Regime.NZ_OIA),
    (r"Access\s+to\s+Information\s+Act|ATIA\b", Regime.CA_ATIA),
    (r"Privacy\s+Act(?:\s+of\s+1974)?", Regime.US_PA),
    (r"5\s?U\.?\s?S\.?\s?C\.?", Regime.US_FOIA),
    (r"(?:Freedom\s+of\s+Information|FOI)\s+Act|FOIA\b|FOI\b|(?:the|this)\s+Act\b", _SAME),
    (
        r"Data\s+Protection\s+Act|DPA\b|U?K?\s?GDPR\b|General\s+Data\s+Protection\s+Regulation|"
        r"Police\s+and\s+Criminal\s+Evidence\s+Act|PACE\b|Mental\s+Health\s+Act|MHA\b|"
        r"Re-?use\s+of\s+Public\s+Sector\s+Information|Copyright|Fees\)?\s+Regulations|"
        r"Appropriate\s+Limit\s+and\s+Fees|RIPA\b|[0-9]{1,3}\s?ILCS|"
        r"(?:[A-Z][\w'\u2019&-]*\s+(?:(?:of|and|for|on|the|in|to)\s+)*){1,8}"
        r"(?:Act|Regulations|Code|Order|Rules|Directive|Convention)\b",
        _FOREIGN,
    ),
)
# Every name starts a word: the leading \b lets the engine skip mid-word positions at once.
_ACT_RE = regex.compile(r"\b(?:" + "|".join(f"(?P<a{i}>{p})" for i, (p, _) in enumerate(_ACTS)) + ")")
# What may stand between an Act's name and a citation that follows it.
_AFTER_ACT_GAP = regex.compile(
    r"^[\s,]*(?:\([^()]{1,12}\)\s*)?(?:[0-9]{4}\s*)?(?:(?:exemptions?|exceptions?|at|under|of|the|pursuant\s+to)\s+)*$",
    regex.I,
)
# What may stand between a citation and "of the Act" after it.
_BEFORE_ACT = regex.compile(r"[\s,]*\(?\s*(?:(?:of|in|under|within)\s+)?(?:the\s+)?")


def _act_regime(m: regex.Match[str]) -> Regime | str:
    # The alternatives are not nested, so the last group matched is the one that matched.
    return _ACTS[int(m.lastgroup[1:])][1] if m.lastgroup else _FOREIGN


def _acts(text: str) -> list[tuple[int, int, Regime | str]]:
    return [(m.start(), m.end(), _act_regime(m)) for m in _ACT_RE.finditer(text)]


# ---------------------------------------------------------------------------- context cues

# Words of a sentence that withholds, refuses or exempts (or names the ground for doing so).
_CUE = regex.compile(
    r"exempt|exemption|exception|withh[eo]ld|withholding|redact|refus|declin|\bden(?:y|ied|ial)|"
    r"neither\s+confirm|not\s+(?:obliged|required)|no\s+obligation|\brel(?:y|ied|ies|ying|iance)|"
    r"\bappl(?:y|ies|ied|ying|ication)|engag|invok|by\s+virtue|pursuant|\bunder\b|in\s+accordance|"
    r"appropriate\s+limit|cost|exceed|burdensome|vexatious|repeated|manifestly\s+unreasonable|"
    r"protect|prohibit|\bfalls?\b|covered\s+by|exclud|cannot|unable|confidential|prejudice|harm",
    regex.I,
)
# Words that may stand between "not" and the verb it negates ("has not been applied", "is not
# considered to be exempt"); any other word means "not" belongs to something else ("complaints
# that were not sustained are exempt" relies on the exemption).
_NEGATED_GAP = (
    r"(?:(?:been|be|being|to|have|has|had|yet|also|further|therefore|then|so|sought|seek|seeking|"
    r"going|gone|on|need|needed|necessary|able|wish|wished|intend|intended|deemed|considered|felt|"
    r"found|it|we|i|the|this|that|these|any|such|an?|exemptions?|sections?|provisions?|s)\s+){0,3}?"
)
# A citation the sentence says is not applied ("section 12 does not apply", "not cited"), not
# considered ("we have not gone on to consider whether section 31 applies"), or considered and
# rejected ("we considered whether section 31 applies and concluded that it does not").
_NEGATION = regex.compile(
    rf"\b(?:not|never|no\s+longer)\s+{_NEGATED_GAP}"
    r"(?:appl|cite|citing|rel(?:y|ied|ying)|engag|invok|exempt|us(?:e|ed|ing)\b)"
    r"|\bwithout\s+(?:relying|applying|citing)|\bn['\u2019]t\s+(?:[\w']+\s+){0,2}?(?:appl|cite|rel(?:y|ied)|engag)"
    r"|\bnot\s+(?:[\w']+\s+){0,3}?consider(?:ed|ing)?\s+whether\b"
    r"|\b(?:concluded|decided|determined|satisfied|found|view)\s+that\s+(?:it|this|they|these|the\s+\w+)"
    r"\s+(?:does|do|is|are|would|will)\s+not\b",
    regex.I,
)
# Statute text quoted in passing: "except as otherwise provided in section 7".
_PASSING = regex.compile(r"\b(?:except\s+as|other\s+than\s+as)\s+(?:otherwise\s+)?provided", regex.I)
# A provision named inside an option the writer weighed ("I considered whether the record could
# be released with redactions under section 18, but ..."): a procedure considered, not relied on.
_WEIGHED_OPTION = regex.compile(
    r"\bconsider(?:ed|ing)?\s+whether\b[^.;:]*\b(?:could|might|can|should)\s+be\s+"
    r"(?:released|disclosed|provided|granted|made\s+available)\b[^.;:,]*$",
    regex.I,
)
# A ground only said to be possible ("Exemption (b)(6) may apply to a future release", "section
# 43 could be engaged"): not yet relied on.
_HYPOTHETICAL = regex.compile(
    r"\b(?:may|might|could)\s+(?:also\s+|still\s+|well\s+)?"
    r"(?:apply|be\s+(?:applied|applicable|engaged|invoked|relevant))\b"
    # the work a burden or cost refusal describes ("each record would then have to be reviewed
    # for information exempt under Section 7"): the review it avoids applies nothing
    r"|\bwould\s+(?:then\s+|also\s+|still\s+|first\s+)?(?:have|need)\s+to\s+be\s+"
    r"(?:reviewed|redacted|examined|checked|assessed|vetted)\b",
    regex.I,
)
# "The Act does not apply" to what an exclusion covers (Canada's s69 Cabinet confidences): the
# provision is relied on, so the words negate no citation.
_ACT_EXCLUDES = regex.compile(
    r"\b(?:the|this)\s+Act\s+(?:\w+\s+){0,2}?(?:does|do|will|shall)\s+not\s+apply\b", regex.I
)

# Abbreviated words of US state code names ("Va. Code Ann. § 2.2-3706", "Fla. Stat.",
# "Mass. Gen. Laws"): their dots end no sentence or clause.
_STATE_CODE_WORDS = ("va", "ann", "stat", "gen", "gov", "tex", "fla", "cal", "ga", "pa", "md", "mass",
                     "minn", "wis", "mich", "ky", "rev", "comp", "n.j.s.a")
_ABBREVIATIONS = frozenset(
    {
        "s",
        "ss",
        "no",
        "nos",
        "ex",
        "sec",
        "secs",
        "reg",
        "regs",
        "para",
        "paras",
        "e.g",
        "i.e",
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        "ave",
        "u.s",
        "u.s.c",
        "c",
        "v",
        "vs",
        "etc",
        "art",
        "cf",
        *_STATE_CODE_WORDS,
    }
)
_SENTENCE_END = regex.compile(r"[.!?;][\"\u201d\u2019)\]]*(?=\s)|\n(?=\s*\n)")
_MAX_SENTENCE = 400
_LINE_END = regex.compile(r"\n")
#: Lines shorter than this are headings or list entries, not wrapped prose.
_SHORT_LINE = 60


def _sentence_bounds(text: str) -> list[int]:
    """Offsets where sentences end (after the stop), abbreviations like ``s.`` excluded."""
    out = [0]
    for m in _SENTENCE_END.finditer(text):
        if text[m.start()] == ".":
            word = regex.search(r"([\w.]+)$", text[max(0, m.start() - 12) : m.start()])
            if word is not None and (
                word.group(1).lower() in _ABBREVIATIONS or len(word.group(1)) == 1 or "." in word.group(1)
            ):
                continue
        out.append(m.end())
    # A line that ends with a colon, or a short line (a heading, a list entry such as
    # "Section 31(1)(a)&(b) - Law Enforcement"), ends its sentence; a wrapped prose line does not.
    for m in _LINE_END.finditer(text):
        line = text[text.rfind("\n", 0, m.start()) + 1 : m.start()].rstrip()
        if line.endswith(":") or (0 < len(line) < _SHORT_LINE and not line.endswith((",", "-"))):
            out.append(m.start() + 1)
    out.append(len(text))
    return sorted(set(out))


def _sentence(bounds: list[int], start: int, end: int) -> tuple[int, int]:
    i = bisect.bisect_right(bounds, start) - 1
    j = bisect.bisect_left(bounds, end)
    lo = max(bounds[max(i, 0)], start - _MAX_SENTENCE)
    hi = min(bounds[min(j, len(bounds) - 1)], end + _MAX_SENTENCE)
    return lo, hi


_OPEN_QUOTE = regex.compile(r"\u201c|(?<=^|[\s(\[:])[\"](?=\S)")
_CLOSE_QUOTE = regex.compile(r"\u201d|(?<=\S)[\"](?=[\s.,;:)!?\]]|$)")
_MAX_QUOTE = 1500


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    """Stretches inside quotation marks: quoted statute, requests, earlier decisions."""
    spans: list[tuple[int, int]] = []
    pos = 0
    while True:
        opening = _OPEN_QUOTE.search(text, pos)
        if opening is None:
            return spans
        closing = _CLOSE_QUOTE.search(text, opening.end(), opening.end() + _MAX_QUOTE)
        if closing is None:
            pos = opening.end()
            continue
        spans.append((opening.start(), closing.end()))
        pos = closing.end()


def _inside(spans: Iterable[tuple[int, int]], start: int, end: int) -> bool:
    return any(lo <= start and end <= hi for lo, hi in spans)


# ---------------------------------------------------------------------------- question refs

_QREF = regex.compile(
    r"\b(?:questions?|qs?\.?|parts?|points?|items?|requests?)\s*"
    r"(?P<ids>[0-9]{1,2}[a-z]?(?:\s*(?:\(?[a-z]\)|part\s+[a-z]\b))?"
    r"(?:\s*(?:,|and|&|to|-|\u2013)\s*(?:questions?\s*|q\s*)?[0-9]{1,2}[a-z]?(?:\s*(?:\(?[a-z]\)|part\s+[a-z]\b))?)*)",
    regex.I,
)
_QID = regex.compile(r"([0-9]{1,2})\s*(?:\(?([a-z])\)|part\s+([a-z])\b|([a-z])\b)?", regex.I)


def _question_refs(sentence: str) -> list[str]:
    """Question ids a sentence names: "Question 2 part A" -> 2a; "questions 3 and 4" -> 3, 4."""
    out: list[str] = []
    for ref in _QREF.finditer(sentence):
        for q in _QID.finditer(ref.group("ids")):
            sub = q.group(2) or q.group(3) or q.group(4) or ""
            out.append(q.group(1) + sub.lower())
    return out


# ---------------------------------------------------------------------------- regimes

_US_FORMS = frozenset({Form.US_CODE, Form.US_PARAGRAPH, Form.PRIVACY_ACT})
_STATE_ACCESS_LAW = regex.compile(
    r"\b(?:Freedom\s+of\s+Information|Public\s+Records?|Open\s+(?:Public\s+)?Records|"
    r"Public\s+Information|Right[\s-]to[\s-]Know|Sunshine)\s+(?:Act|Law)\b",
    regex.I,
)
_US_REGIMES = frozenset(r for r in Regime if r.value.startswith("US-"))
_FOI_SISTER = {Regime.UK_EIR: Regime.UK_FOIA, Regime.UK_EISR: Regime.UK_FOISA}
_REG_OF = {Regime.UK_FOIA: Regime.UK_EIR, Regime.UK_FOISA: Regime.UK_EISR}
_EXCEPTION_REGS = {Regime.UK_EIR: frozenset({"12", "13"}), Regime.UK_EISR: frozenset({"10", "11"})}


def infer_regime(text: str, acts: list[tuple[int, int, Regime | str]] | None = None,
                 mentions: list[Mention] | None = None) -> Regime | None:
    """The access law a letter names most often, when the header stage found none.

    ``acts`` and ``mentions`` are the text's Act names and citations when already scanned."""
    counts: Counter[Regime] = Counter()
    for _, _, value in _acts(text) if acts is None else acts:
        if isinstance(value, Regime):
            counts[value] += 1
    for mention in scan(text) if mentions is None else mentions:
        if mention.form in _US_FORMS and isinstance(mention.law, Regime):
            counts[mention.law] += 1
    if counts.get(Regime.US_PA) and counts.get(Regime.US_FOIA):
        counts[Regime.US_PA] = 0  # FOIPA letters: FOIA is the frame, the Privacy Act an addition
    return counts.most_common(1)[0][0] if counts else None


@attrs.frozen
class _Law:
    """What the text around a mention says about its law."""

    regime: Regime | None  # the law named beside or in the sentence, if any
    foreign: bool = False  # another Act is named right beside the citation


def _law_near(
    text: str, mention: Mention, acts: list[tuple[int, int, Regime | str]], sentence: tuple[int, int]
) -> _Law:
    # 1. A following "of the X Act" / "(EIR)" / "MHA 1983".
    gap = _BEFORE_ACT.match(text, mention.end)
    after = gap.end() if gap else mention.end
    for lo, _, value in acts:
        if lo == after:
            if value == _FOREIGN:
                return _Law(None, foreign=True)
            return _Law(value if isinstance(value, Regime) else None)
        if lo > after:
            break
    # 2. An Act named right before: "Freedom of Information Act 2000 section 12(1)",
    #    "Privacy Act exemption (j)(2)".
    before = [a for a in acts if a[1] <= mention.start and a[1] >= sentence[0]]
    if before:
        lo, hi, value = before[-1]
        if _AFTER_ACT_GAP.match(text[hi : mention.start]):
            if value == _FOREIGN:
                return _Law(None, foreign=True)
            return _Law(value if isinstance(value, Regime) else None)
    # 3. One access law named elsewhere in the sentence.
    named = {v for lo, hi, v in acts if lo >= sentence[0] and hi <= sentence[1] and isinstance(v, Regime)}
    if len(named) == 1:
        return _Law(named.pop())
    return _Law(None)


def _regime_for(
    mention: Mention, number: str, levels: tuple[str, ...], near: _Law, letter: Regime | None
) -> Regime | None:
    """The regime one chain of a mention is read under (``None``: not an access-law citation)."""
    if isinstance(mention.law, Regime) and mention.form is not Form.BARE:
        # The form says it: 552(b) -> FOIA, 552a -> Privacy Act, 5 ILCS 140 -> Illinois.
        if mention.form is Form.PRIVACY_ACT and near.regime not in (None, Regime.US_PA, Regime.US_FOIA):
            return None
        if (
            mention.form in _US_FORMS
            and letter is not None
            and letter not in _US_REGIMES
            and near.regime is None
        ):
            return None  # "(b)(6)" in a UK letter is a list item, not a US exemption
        return mention.law
    regime = near.regime or letter
    if regime is None:
        regime = Regime.UK_FOIA
    if mention.form is Form.EXEMPTION and regime in (Regime.US_FOIA, Regime.US_PA):
        return Regime.US_FOIA
    if mention.form is Form.REGULATION:
        return _REG_OF.get(regime, regime)
    # An EIR letter's "section 40(2)" is FOIA's; its "Section 12 (4) (b)" is the EIR's own
    # exception regulation written as a section.
    if regime in _FOI_SISTER and near.regime is None and number not in _EXCEPTION_REGS[regime]:
        return _FOI_SISTER[regime]
    return regime


def _chain_provision(regime: Regime, mention: Mention, number: str, levels: tuple[str, ...]) -> str | None:
    if regime in (Regime.US_FOIA, Regime.US_PA):
        if mention.form is Form.EXEMPTION:
            levels = ("b", number, *levels)
        elif number:
            return None  # "section 6" in a federal letter is no FOIA paragraph
        if len(levels) < 2:
            return None
        if regime is Regime.US_PA and levels[0].lower() not in ("j", "k", "d"):
            return None
        return format_provision(regime, "", levels)
    if not number:
        return None
    return format_provision(regime, number, levels)


# ---------------------------------------------------------------------------- the stage


@attrs.define
class _Found:
    """One provision's mentions; ``first`` is its first relied-on mention, if any."""

    regime: Regime
    provision: str
    first: Mention | None
    mentions: list[Mention]


def find_exemptions(
    doc: Document,
    segments: tuple[Segment, ...],
    *,
    regime: Regime | None,
    answers: tuple[DraftAnswer, ...] = (),
) -> CiteResult:
    """The provisions ``doc`` relies on, in the order the letter first cites them.

    ``regime`` is the letter's regime from the header stage (``None``: inferred from the Acts
    the letter names). An exemption cited inside a draft answer's span applies to that
    answer's question; so do questions its sentence names ("applied to questions 3 and 4").
    """
    text = doc.text
    warnings: list[str] = []
    acts = _acts(text)
    mentions = list(scan(text))
    letter = regime
    if letter is None:
        letter = infer_regime(text, acts, mentions)
        if letter is not None:
            warnings.append(f"cite: no regime given, citations read as {letter.value}")
    skip = _not_relied_spans(text, segments)
    skip.extend(_enclosure_spans(doc))
    quotes = _quoted_spans(text)
    bounds = _sentence_bounds(text)
    if letter in _US_REGIMES and letter not in (Regime.US_FOIA, Regime.US_PA):
        # A state's access law is often a part of a code ("Government Code section 7927.705").
        # So is a state's own access law named by its title ("Virginia Freedom of Information
        # Act", "Colorado Open Records Act", "Open Public Records Act").
        acts = [
            (
                lo,
                hi,
                _SAME
                if v == _FOREIGN and (text[lo:hi].endswith("Code") or _STATE_ACCESS_LAW.search(text[lo:hi]))
                else v,
            )
            for lo, hi, v in acts
        ]
    if letter is Regime.UK_EISR:
        # A Scottish letter's "the EIRs" (no "2004", which only the English title carries
        # without "(Scotland)") means its own regulations.
        acts = [
            (lo, hi, _SAME if v is Regime.UK_EIR and "2004" not in text[lo:hi] else v) for lo, hi, v in acts
        ]
    line_starts = [b.start for b in doc.blocks]

    skip.extend(_checklists(mentions))
    found: dict[tuple[Regime, str], _Found] = {}
    for mention in mentions:
        if mention.law == _FOREIGN:
            continue
        sentence = _sentence(bounds, mention.start, mention.end)
        near = _law_near(text, mention, acts, sentence)
        if near.foreign:
            continue
        if mention.form is Form.BARE and near.regime is None and not _names_access_law(text, mention, acts):
            continue  # a bare "12(4)(b)" counts only when an access law follows it
        relied = _relied_on(text, mention, sentence, line_starts)
        if relied and (
            _inside(quotes, mention.start, mention.end) or _inside(skip, mention.start, mention.end)
        ):
            relied = False
        for number, levels in mention.chains:
            reg = _regime_for(mention, number, levels, near, letter)
            if reg is None:
                continue
            provision = _chain_provision(reg, mention, number, levels)
            if provision is None:
                continue
            entry = catalog.lookup(reg, provision)
            if entry is None and (catalog.is_complete(reg) or mention.form is Form.BARE):
                continue
            if entry is not None and not entry.refusal_ground:
                continue
            item = found.setdefault((reg, provision), _Found(reg, provision, None, []))
            # Mentions not relied on still say which questions a provision was applied to.
            item.mentions.append(mention)
            # A provision the catalog does not know (most US state codes) may be procedure
            # ("as required by section 552.301"): its own clause must withhold under it.
            if relied and item.first is None and (
                entry is not None
                or _cue_beside(text, mention, sentence)
                or _heads_line(text, mention, line_starts)
            ):
                item.first = mention

    relied_items = [f for f in found.values() if f.first is not None]
    # GOLD.md: a section also cited with subsections is listed with its subsections only; the
    # same holds one level down (7(1)(d) beside 7(1)(d)(v) and (vi)).
    ids = {(f.regime, f.provision) for f in relied_items}
    relied_items = [f for f in relied_items if not _has_deeper(f.regime, f.provision, ids)]
    # "The Section 31 exemption has been applied to Question 2" speaks of the subsections
    # listed: mentions of a parent provision say which questions its subsections applied to.
    for item in relied_items:
        for other in found.values():
            if other.regime == item.regime and item.provision.startswith(other.provision + "("):
                item.mentions.extend(other.mentions)
    relied_items.sort(key=lambda f: f.first.start if f.first else 0)

    exemptions: list[Exemption] = []
    for item in relied_items:
        first = item.first
        assert first is not None
        entry = catalog.lookup(item.regime, item.provision)
        if entry is None:
            warnings.append(f"cite: {item.regime.value} {item.provision} is not in the catalog")
        exemptions.append(
            Exemption(
                regime=item.regime,
                provision=item.provision,
                title=entry.title if entry else None,
                cited_as=first.text,
                question_ids=_questions_for(text, bounds, item.mentions, answers),
                span=doc.span(first.start, first.end),
            )
        )
    return CiteResult(tuple(exemptions), tuple(warnings))


_NOT_RELIED_SEGMENTS = frozenset({SegmentKind.BOILERPLATE, SegmentKind.QUOTED, SegmentKind.REQUEST})


# WhatDoTheyKnow-style thread pages close every message with this line.
_THREAD_MESSAGE_END = regex.compile(r"^link to this$", regex.I | regex.M)
_SALUTATION_LINE = regex.compile(SALUTATION.pattern, regex.I | regex.M)


def _not_relied_spans(text: str, segments: tuple[Segment, ...]) -> list[tuple[int, int]]:
    """The stretches of boilerplate, quoted history and recited request.

    Closing boilerplate ends, for citations, at the end of its message on a thread page and at
    a new letter's salutation (a covering e-mail signed off above the letter it carries): a
    later reply's decision is not part of it. The segmenter leaves such a boilerplate segment
    whole on purpose, as the question finder must not read the later reply's lettered points
    as the request's sub-questions; a recited request is cut where the reply starts by the
    segmenter itself.
    """
    ends = [m.start() for m in _THREAD_MESSAGE_END.finditer(text)]
    if len(ends) < 2:
        ends = []
    spans: list[tuple[int, int]] = []
    for seg in segments:
        if seg.kind not in _NOT_RELIED_SEGMENTS:
            continue
        cuts: list[int] = []
        if seg.kind is SegmentKind.BOILERPLATE:
            cuts = [e for e in ends if seg.start < e < seg.end]
            cuts += [m.start() for m in _SALUTATION_LINE.finditer(text, seg.start + 1, seg.end)]
        spans.append((seg.start, min(cuts, default=seg.end)))
    return spans


# A heading that starts a printed key to every exemption (FBI "Explanation of Exemptions").
_ENCLOSURE_HEADING = regex.compile(r"\W*explanation\s+of\s+exemptions\b[^.]{0,80}$", regex.I)
# A stretch of text naming this many US paragraphs is a checklist or key, not a decision.
_CHECKLIST_SIZE = 6
_CHECKLIST_WINDOW = 400


def _enclosure_spans(doc: Document) -> list[tuple[int, int]]:
    """Stretches that explain exemptions in general rather than apply them."""
    spans: list[tuple[int, int]] = []
    for block in doc.blocks:
        if _ENCLOSURE_HEADING.fullmatch(block.text):
            spans.append((block.start, len(doc.text)))
            break
    return spans


def _checklists(mentions: list[Mention]) -> list[tuple[int, int]]:
    """Runs listing most US exemptions at once ("(b)(1) (b)(2) (b)(3) ... (b)(7)(C)").

    Such checklists mark the applied ones in bold or with a tick, which plain text loses.
    """
    us = [m for m in mentions if m.form in (Form.US_PARAGRAPH, Form.US_CODE)]
    spans: list[tuple[int, int]] = []
    for i, first in enumerate(us):
        # Mentions come in text order: the window ends at the first one past its reach.
        reach = first.start + _CHECKLIST_WINDOW
        window = list(itertools.takewhile(lambda m: m.start <= reach, us[i:]))  # noqa: B023
        if len({c for m in window for c in m.chains}) >= _CHECKLIST_SIZE:
            spans.append((first.start, window[-1].end))
    return spans


def _has_deeper(regime: Regime, provision: str, ids: set[tuple[Regime, str]]) -> bool:
    return any(r == regime and p.startswith(provision + "(") for r, p in ids)


def _names_access_law(text: str, mention: Mention, acts: list[tuple[int, int, Regime | str]]) -> bool:
    gap = _BEFORE_ACT.match(text, mention.end)
    after = gap.end() if gap else mention.end
    return any(lo == after and value == _SAME for lo, _, value in acts)


# Withholding words in the clause right before a citation ("withheld under", "redacted pursuant
# to Government Code"), or right after it ("section 7927.705, which exempts").
_CUE_BEFORE = regex.compile(
    r"(?:withh[eo]ld\w*|exempt\w*|except(?:s|ed|ion)?\b|exclud\w*|redact\w*|den(?:y|ied|ial)\b|protect\w*|"
    r"confidential\w*|refus\w*|not\s+(?:be\s+)?(?:disclos|releas)\w*)[^.;:]{0,70}$",
    regex.I,
)
_CUE_AFTER = regex.compile(
    r"^[^.;:]{0,70}?\b(?:exempts?|excepts?|protects?|prohibits?|makes?\s+(?:\w+\s+){0,3}confidential|"
    r"(?:is|are)\s+(?:exempt|confidential|withheld|excepted))\b",
    regex.I,
)
_CUE_REACH = 90
# A citation governed by "under"/"pursuant to" whose clause started with a withholding verb, however
# long the list of things withheld between them ("redacted licence numbers, plate numbers and
# vehicle identification numbers under section 552.130").
_CUE_CLAUSE = regex.compile(
    r"(?:withh[eo]ld\w*|exempt\w*|except(?:s|ed)\b|redact\w*|den(?:y|ied)\b|refus\w*|"
    r"protect\w*)\b[^.;:]*\b(?:under|pursuant\s+to)\s*[*_]*\s*$",
    regex.I,
)
# A provision that obliges disclosure ("would have to be disclosed under § 87(2)(g)(i)-(iv)",
# "basic information required by section 552.108(c)"): a carve-out from a ground, not one.
_DUTY_BEFORE = regex.compile(
    r"\b(?:(?:be|is|are)\s+(?:disclosed|released|made\s+available|provided)|required|requires|"
    r"mandated)\s+(?:to\s+be\s+\w+\s+)?(?:by|under|pursuant\s+to)\s*[*_]*\s*$",
    regex.I,
)
# A provision named for what it lists, defines or governs rather than as a ground: "a body listed
# in section 23(3)", "as defined in section 2", "the public interest under section 36(3)".
_REFERENCE_BEFORE = regex.compile(
    r"(?<!exemptions?\s|exceptions?\s|grounds?\s)"
    r"\b(?:listed|named|defined|specified|described|enumerated|referred\s+to)\s+(?:in|at|by|under)\s+"
    r"|\bpublic\s+interest(?:\s+(?:test|balance|balancing(?:\s+test)?))?\s+"
    r"(?:(?:as\s+)?(?:required|set\s+out)\s+)?(?:under|in|at|by|pursuant\s+to)\s+"
    r"(?:(?:the\s+)?(?:terms\s+of\s+)?)?[*_]*\s*$",
    regex.I,
)
_NUMBER_DOT = regex.compile(r"(?<=[0-9])\.(?=[0-9])")
_INITIALS = regex.compile(rf"\b(?:(?:[A-Z]\.){{2,}}|(?i:{'|'.join(_STATE_CODE_WORDS[:-1])})\.)")


def _cue_beside(text: str, mention: Mention, sentence: tuple[int, int]) -> bool:
    """Whether the clause holding ``mention`` withholds under it (not merely the sentence)."""
    lo, hi = sentence
    # the dots of a code's initials ("under C.R.S. § 24-72-204") do not end the clause
    before = _INITIALS.sub("", text[max(lo, mention.start - _CUE_REACH) : mention.start])
    after = _INITIALS.sub("", text[mention.end : min(hi, mention.end + _CUE_REACH)])
    # the dots inside section numbers ("552.130") end no clause either
    clause = _NUMBER_DOT.sub("", _INITIALS.sub("", text[lo : mention.start]))
    return bool(_CUE_BEFORE.search(before) or _CUE_AFTER.search(after) or _CUE_CLAUSE.search(clause))


def _relied_on(text: str, mention: Mention, sentence: tuple[int, int], line_starts: list[int]) -> bool:
    """Whether the words around ``mention`` withhold, refuse or exempt under it."""
    lo, hi = sentence
    words = _ACT_EXCLUDES.sub("", text[lo:hi])
    if _NEGATION.search(words) or _PASSING.search(words) or _HYPOTHETICAL.search(words):
        return False
    before = text[max(lo, mention.start - _CUE_REACH) : mention.start]
    if _DUTY_BEFORE.search(before) or _REFERENCE_BEFORE.search(before):
        return False
    if _WEIGHED_OPTION.search(text[lo : mention.start]):
        return False
    if _CUE.search(text[lo : mention.start]) or _CUE.search(text[mention.end : hi]):
        return True
    return _heads_line(text, mention, line_starts)


def _heads_line(text: str, mention: Mention, line_starts: list[int]) -> bool:
    """A line of its own headed by the citation: "Section 40(2) Personal Information"."""
    i = bisect.bisect_right(line_starts, mention.start) - 1
    if i < 0:
        return False
    prefix = text[line_starts[i] : mention.start]
    return regex.fullmatch(r"[\s•·*\-\u2013(0-9a-z).]{0,6}", prefix) is not None


def _questions_for(
    text: str, bounds: list[int], mentions: list[Mention], answers: tuple[DraftAnswer, ...]
) -> tuple[str, ...]:
    ids: list[str] = []
    for mention in mentions:
        for answer in answers:
            if answer.start <= mention.start < answer.end:
                ids.append(answer.question_id)
        lo, hi = _sentence(bounds, mention.start, mention.end)
        ids.extend(_question_refs(text[lo:hi]))
    order = {a.question_id: i for i, a in enumerate(answers)}
    unique = list(dict.fromkeys(ids))
    return tuple(sorted(unique, key=lambda q: (order.get(q, len(order)), _natural(q))))


def _natural(qid: str) -> tuple[int, str]:
    m = regex.match(r"[0-9]+", qid)
    return (int(m.group(0)) if m else 10**6, qid)

"""Questions asked and the answers aligned to them.

How letters lay this out, and how it is read here:

* The request may be recited (``REQUEST`` segment: "You asked:", "your request for the
  following:") as a numbered or bulleted list, or as one unnumbered passage (one question).
* In the reply part (``ANSWERS``) questions are often restated, alone or in groups ("Q1 - …",
  "Q1a - …"), each group followed by its answer; the answer runs to the next restated question
  or to the closing boilerplate. An answer passage marked "For part A" answers that
  sub-question instead of the whole group.
* A restated question may carry its answer on the same line ("4. Length of time the contract
  has been in place. 8 months"): the question ends at its question mark or full stop, unless
  what follows still reads as part of the request ("Please provide …").
* When one answer serves every question, or no answer follows any question, the reply is not
  aligned and no answers are returned.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

from foiparse.document import Block, BlockKind, Document, DraftAnswer, Segment, SegmentKind
from foiparse.extract.numbering import Scheme, normalise_id
from foiparse.extract.paragraphs import Para, build, offset_in
from foiparse.paragraphs import SALUTATION, SIGN_OFF, is_furniture, squeeze
from foiparse.records import Question

_I = re.IGNORECASE

# Words that show a sentence still belongs to the requester's question.
_REQUEST_CUE = re.compile(
    r"\b(please|provide|could you|can you|would you|if (possible|available|so|any)|"
    r"i would|i'd|i am|i'm|break (this|it) down|broken down|include|including|"
    r"copies|copy of|details of|list of|for each|per year|specify|state (what|whether|why))\b|\?",
    _I,
)
# Openings that show the authority has started answering.
_ANSWER_START = re.compile(
    r"^(in response|this (portion|information)|the (information|council|trust|department|force)|"
    r"it was determined|we |our |no |yes\b|none\b|n/?a\b|nil\b|not held|information not held|"
    r"please (see|find)|see attached|attached|enclosed|unfortunately|\d|£|\$)",
    _I,
)
_HEADING = re.compile(r"^(our )?(response|reply|answer|disclosure|decision)s?\W*$", _I)
_CONTEXT = re.compile(r"^(questions?|items?|parts?|points?)\s+\d+\s*(-|\u2013|to|and|&)\s*\d+\b", _I)
_PART = re.compile(r"^(?:for |in (?:relation|response) to |regarding )?part\s+([a-z]|[ivx]{1,4})\b"
                   r"\s*[-\u2013\u2014:,.]?\s*", _I)
_SENTENCE_END = re.compile(r"(?<=[?.!])[\"\u201d\u2019)]?\s+(?=\S)|(?<=\?)(?=\S)")
_QUOTED_BODY = re.compile(r"^[\"“](?P<q>.+?)[\"”]\s*[.,;:]?\s*", re.S)


@attrs.frozen
class QuestionsResult:
    """The questions found, their draft answers, and whether the reply answers them one by one."""

    questions: tuple[Question, ...] = ()
    answers: tuple[DraftAnswer, ...] = ()
    aligned: bool = False
    warnings: tuple[str, ...] = ()


@attrs.define
class _Item:
    """One question as printed: its id, parent, text span and (in the reply) answer span."""

    id: str
    parent_id: str | None
    text: str
    start: int
    end: int
    restated: bool
    answer: tuple[int, int] | None = None
    answer_paras: list[Para] = attrs.field(factory=list)
    continuation: list[Para] = attrs.field(factory=list)
    para: Para | None = None


def _letters(n: int) -> str:
    """1 -> a, 2 -> b, … 27 -> aa."""
    out = ""
    while n > 0:
        n, r = divmod(n - 1, 26)
        out = chr(ord("a") + r) + out
    return out


@attrs.define
class _Numberer:
    """Turns a run of list labels into GOLD ids, tracking nesting by numbering scheme."""

    stack: list[str] = attrs.field(factory=list)  # a Scheme, or "bullet:<glyph>"
    ids: list[str] = attrs.field(factory=list)
    counts: list[int] = attrs.field(factory=list)
    last_alpha: str = ""
    stem: bool = False  # the last item ended with a colon (it leads in to sub-items)

    def reset(self) -> None:
        self.stack.clear()
        self.ids.clear()
        self.counts.clear()
        self.last_alpha = ""
        self.stem = False

    def _bullet_level(self, glyph: str, stem: bool) -> str:
        """The stack key of a bullet: a new glyph after a stem ("… as follows:") is a
        sub-level ("•" items with "o" sub-items); otherwise it is the bullet level in use."""
        key = f"bullet:{glyph}"
        if key in self.stack or stem:
            return key
        current = next((k for k in reversed(self.stack) if k.startswith("bullet:")), None)
        if current is not None:
            depth = self.stack.index(current)
            self.stack[depth] = key
        return key

    def assign(self, para: Para) -> tuple[str, str | None]:
        label = para.label
        assert label is not None
        stem, self.stem = self.stem, para.text.rstrip().endswith(":")
        scheme: str = label.scheme
        if scheme is Scheme.ROMAN and len(label.value) == 1 and Scheme.ALPHA in self.stack:
            prev = self.last_alpha
            if prev and ord(label.value) == ord(prev) + 1:
                scheme = Scheme.ALPHA
        if scheme is Scheme.ALPHA and Scheme.ALPHA not in self.stack and Scheme.ROMAN in self.stack:
            scheme = Scheme.ALPHA
        if label.scheme is Scheme.BULLET:
            scheme = self._bullet_level(label.glyph, stem)
        if label.compound:
            # "Q5a" / "5(a)": a full id at once; the number is its own level
            self.stack[:] = [Scheme.NUMBER, Scheme.ALPHA]
            self.ids[:] = [label.value, label.compound]
            self.counts[:] = [0, 0]
            self.last_alpha = label.compound[len(label.value) :][:1]
            return label.compound, label.value
        if scheme in self.stack:
            depth = self.stack.index(scheme)
            del self.stack[depth + 1 :]
            del self.ids[depth + 1 :]
            del self.counts[depth + 1 :]
        else:
            self.stack.append(scheme)
            self.ids.append("")
            self.counts.append(0)
            depth = len(self.stack) - 1
        self.counts[depth] += 1
        parent = self.ids[depth - 1] if depth > 0 else None
        if label.scheme is Scheme.BULLET:
            value = str(self.counts[depth]) if depth == 0 else _letters(self.counts[depth])
        else:
            value = label.value
        if scheme is Scheme.ALPHA:
            self.last_alpha = label.value
        qid = (parent or "") + value
        self.ids[depth] = qid
        return qid, parent


# how a request item reads when it opens: a noun phrase for records, or a question
_REQUEST_ITEM = re.compile(
    r"^(the|a|an|any|all|copies|copy|details|number|numbers|list|names?|how|what|who|when|where|"
    r"which|whether|why|is|are|do|does|did|has|have|can|could|please|total|amount|value|date)\b"
    r"|.*\?\s*$",
    _I,
)
# "1 and 2:", "Questions 3 & 4 -": one answer for two numbered questions
_GROUP_LABEL = re.compile(
    r"^(?:(?:questions?|q|items?|parts?|points?)\s*)?(?P<a>\d{1,2})\s*(?:and|&|,)\s*"
    r"(?:q\s*)?(?P<b>\d{1,2})\s*[:\-\u2013\u2014]\s*(?=\S)",
    _I,
)
# "In response to item 1, …", "With regard to question 2 and 3 …": an answer naming its item
_BY_REFERENCE = re.compile(
    r"^(?:in (?:response|reply|answer|relation|regards?) to|(?:response|reply|answer)s? to|"
    r"regarding|with regards? to|"
    r"as (?:to|for)|turning to|for)\s+(?:(?:your\s+)?(?:items?|questions?|parts?|points?|portions?|"
    # "Response to (2): …": a reply may name the bracketed item by its number alone
    r"requests?)\s+(?:no\.?\s*)?|(?<=to\s)(?=\(\d{1,2}\)\s*[:\-\u2013\u2014]))"
    r"(?:\(?(?P<a>\d{1,2})\)?(?:\s*(?:and|&|,)\s*\(?(?P<b>\d{1,2})\)?)?(?!\w)|"
    # "As to part (A): …", "Regarding item b, …": a lettered item, bracketed or set off
    r"\((?P<pa>[a-z])\)|(?P<la>[a-z])(?=\s*[:,.\-\u2013\u2014]))",
    _I,
)
_WORD = re.compile(r"[a-z0-9]+")


def _overlap(text: str, other: str) -> float:
    """The share of the first words of ``text`` that ``other`` also uses."""
    words = _WORD.findall(text.lower())[:8]
    if not words:
        return 0.0
    vocab = set(_WORD.findall(other.lower()))
    return sum(1 for w in words if w in vocab) / len(words)


def _answer_like(rest: str) -> bool:
    """Text that reads as an authority's reply: "No", "n/a", "8 months", "£70k", "We hold …"."""
    if _ANSWER_START.match(rest):
        return True
    return len(rest.split()) <= 12 and bool(re.search(r"[£$€\d]", rest))


def _split_inline(body: str, *, strict: bool = True) -> tuple[str, str]:
    """Split "question. answer" printed on one line; ``(body, "")`` when there is no answer.

    ``strict``: the rest must read as an answer; otherwise it suffices that it does not read
    as more of the request (used when no answer paragraph follows the item).
    """
    quoted = _QUOTED_BODY.match(body)
    if quoted:
        rest = body[quoted.end() :]
        return quoted.group("q").strip().lstrip("+•-\u2013 ").strip(), rest
    for m in _SENTENCE_END.finditer(body):
        head, rest = body[: m.start()].rstrip(), body[m.end() :]
        if not rest.strip():
            break
        if _answer_like(rest) or (not strict and not _REQUEST_CUE.search(rest)):
            return head, rest
    return body, ""


def _usable_paras(doc: Document, segments: Sequence[Segment]) -> list[tuple[SegmentKind, Para]]:
    out: list[tuple[SegmentKind, Para]] = []
    for seg in segments:
        if seg.kind not in (SegmentKind.REQUEST, SegmentKind.ANSWERS, SegmentKind.DECISION):
            continue
        blocks = [b for b in doc.blocks if b.start >= seg.start and b.end <= seg.end]
        # a quotation inside the letter (the request recited in a block quote) is the
        # letter's own text; an e-mail thread below it is segmented QUOTED and skipped above
        out.extend((seg.kind, p) for p in build(doc, blocks))
    return out


def _table_items(paras: list[tuple[SegmentKind, Para]]) -> list[tuple[Para, Block]]:
    """Two-column question/answer table rows: (paragraph, row) pairs."""
    rows = []
    for _, para in paras:
        block = para.blocks[0]
        if block.kind is BlockKind.TABLE_ROW and len(block.cells) >= 2:
            rows.append((para, block))
    return rows


def extract_questions(doc: Document, segments: tuple[Segment, ...]) -> QuestionsResult:
    """The questions of the request and, where the reply takes them in turn, their answers."""
    paras = _usable_paras(doc, segments)
    table = _from_table(doc, paras)
    if table is not None:
        return table
    items = _collect(doc.text, paras)
    if items:
        replies = _numbered_replies(doc, segments, items)
        if replies is not None:
            return replies
        _attach_continuations(items)
        _split_loose(items)
        return _with_labelled_answers(doc, paras, _assemble(doc, items, paras))
    return _with_labelled_answers(doc, paras, _unnumbered(doc, segments, paras))


def _unnumbered(
    doc: Document, segments: Sequence[Segment], paras: list[tuple[SegmentKind, Para]]
) -> QuestionsResult:
    """Questions and answers of a letter whose reply numbers no restated question."""
    restated = _quoted_restatements(doc, paras)
    if restated is not None:
        return restated
    pairs = _label_pairs(doc, paras)
    if pairs is not None:
        return pairs
    found = _single_question(doc, paras)
    if found.questions:
        return found
    thread = _thread_reply(doc, segments)
    if thread is not None:
        return thread
    # the reply does not restate the request: take it from the quoted thread below
    return QuestionsResult(_quoted_request(doc, segments), (), False)


# "Answer 1:", "Response to Q2 -", "Reply to question 3:": an answer labelled with the id of
# the question it answers (the questions themselves recited elsewhere, or quoted below)
_NUMBERED_ANSWER = re.compile(
    r"^(?:our\s+)?(?:answer|response|reply)\s+(?:to\s+)?(?:(?:q(?:uestion)?|request|item|part|point)"
    r"\s*\.?\s*)?(?:no\.?\s*)?(?P<id>\d{1,3}[a-z]?)\s*[:.\-\u2013\u2014]\s*(?=\S)",
    _I,
)


# "For item 2, please confirm …", "The wording of item 1 would …", "Regarding question 3, …":
# a paragraph whose opening words name the one item it deals with
_NAMES_ITEM = re.compile(
    r"^(?:[^.?!:;\d]{0,40}?\s)?(?:item|question|request|part|point)\s+(?:no\.?\s*)?"
    r"(?P<id>\d{1,3}[a-z]?)\b(?!\s*(?:-|\u2013|to|and|&|,\s*\d))",
    _I,
)


def _item_paragraphs(
    doc: Document, reply: list[Para], found: QuestionsResult
) -> QuestionsResult:
    """``found``, given one paragraph per question when each question in turn has a reply
    paragraph naming it ("For item 2, please confirm …"); otherwise ``found`` unchanged."""
    ids = [q.id for q in found.questions]
    marks: list[Para] = []
    for para in reply:
        m = _NAMES_ITEM.match(para.text)
        if m is None or para.label is not None:
            continue
        if len(marks) == len(ids) or normalise_id(m.group("id")) != ids[len(marks)]:
            return found  # named out of turn, or twice: not one paragraph per item
        marks.append(para)
    if len(marks) != len(ids):
        return found
    answers = [a for qid, p in zip(ids, marks, strict=True) for a in _draft(doc, [qid], p.start, p.end)]
    return attrs.evolve(found, answers=tuple(answers), aligned=True)


def _with_labelled_answers(
    doc: Document, paras: list[tuple[SegmentKind, Para]], found: QuestionsResult
) -> QuestionsResult:
    """``found``, given the answers labelled with question ids when it has none.

    Two labels or more are needed, each naming a question found; an answer runs from its
    label to the next label or to the closing boilerplate.
    """
    if found.answers or len(found.questions) < 2:
        return found
    ids = {q.id for q in found.questions}
    reply = [p for _, p in paras]
    marks: list[tuple[int, str, int]] = []  # (paragraph index, question id, text start)
    for n, para in enumerate(reply):
        m = _NUMBERED_ANSWER.match(para.text)
        if m is None:
            continue
        qid = normalise_id(m.group("id"))
        if qid not in ids or any(qid == seen for _, seen, _ in marks):
            return found
        marks.append((n, qid, offset_in(para, m.end())))
    if not marks:
        return _item_paragraphs(doc, reply, found)
    if len(marks) < 2:
        return found
    answers: list[DraftAnswer] = []
    for k, (n, qid, start) in enumerate(marks):
        nxt = marks[k + 1][0] if k + 1 < len(marks) else len(reply)
        run = _contiguous(doc, reply[n:nxt])
        cut = next((j for j, p in enumerate(run) if j and _LETTER_WIDE.match(p.text)), None)
        run = run[:cut]
        answers.extend(_draft(doc, [qid], start, run[-1].end))
    return attrs.evolve(found, answers=tuple(answers), aligned=True)


def _numbered_replies(
    doc: Document, segments: Sequence[Segment], items: list[_Item]
) -> QuestionsResult | None:
    """Replies numbered to match a request quoted below them ("1) 87 contracts were in
    place", with the e-mail's request "1) How many contracts …" quoted under the reply).

    Every numbered item is in the reply, none repeats the opening words of the quoted
    question with its number, and the quoted request has each number: the quoted items are
    the questions and each reply item (with the paragraphs after it) is its answer.
    """
    if len(items) < 2 or any(not it.restated or it.para is None for it in items):
        return None
    ids = [it.id for it in items]
    if len(set(ids)) != len(ids):
        return None
    quoted = {q.id: q for q in _quoted_request(doc, segments)}
    if len(quoted) < 2 or not set(ids) <= set(quoted):
        return None
    if any(_same_opening(it.para.body, quoted[it.id].text) for it in items if it.para):
        return None  # the reply restates the questions: read it as usual
    answers: list[DraftAnswer] = []
    for it in items:
        assert it.para is not None
        end = it.answer[1] if it.answer is not None else it.para.end
        answers.extend(_draft(doc, [it.id], it.para.body_start, end))
    return QuestionsResult(tuple(quoted.values()), tuple(answers), True)


# a paragraph that is wholly a quotation: a question restated in quotation marks
_WHOLLY_QUOTED = re.compile(r"^[\"“][^\"“”]{10,}[\"”][.?!:]?$")


# "Q: How many …" / "Question: …" before an unnumbered question ("A:" before its answer)
_Q_PREFIX = re.compile(r"^(?:q|question)\s*[:\-\u2013]\s*(?=\S)", _I)


def _restated_unnumbered(para: Para) -> bool:
    """An unnumbered restated question: a paragraph wholly in quotation marks, a bold
    paragraph that asks (ends with "?") in a letter where the reply is in plain type, or a
    paragraph led by "Q:"."""
    if para.label is not None:
        return False
    text = para.text.strip()
    return (
        bool(_WHOLLY_QUOTED.match(text))
        or (para.bold and text.endswith("?"))
        or bool(_Q_PREFIX.match(text))
    )


def _quoted_restatements(
    doc: Document, paras: list[tuple[SegmentKind, Para]]
) -> QuestionsResult | None:
    """Unnumbered questions restated one by one, each in quotation marks (or bold), each
    followed by its answer; the questions are numbered 1, 2, … in order.

    At least two such restatements are needed, each followed by a plain paragraph; an answer
    runs to the next restatement or to the closing boilerplate.
    """
    reply = [p for k, p in paras if k is not SegmentKind.REQUEST]
    marks = [n for n, p in enumerate(reply) if _restated_unnumbered(p)]
    if len(marks) < 2:
        return None
    questions: list[Question] = []
    answers: list[DraftAnswer] = []
    for k, n in enumerate(marks):
        nxt = marks[k + 1] if k + 1 < len(marks) else len(reply)
        after = _contiguous(doc, reply[n + 1 : nxt], reply[n].end)
        if not after:
            return None  # a quotation with no answer after it: not this layout
        qid = str(k + 1)
        para = reply[n]
        text = _Q_PREFIX.sub("", para.text.strip()).strip("\"“”").rstrip()
        questions.append(Question(qid, squeeze(text), None, doc.span(para.start, para.end)))
        start = after[0].start
        label = _ANSWER_LABEL.match(doc.text, start, after[-1].end)
        if label and label.end() < after[-1].end:
            start = label.end()  # "A: 56" - the label is not the answer's text
        answers.extend(_draft(doc, [qid], start, after[-1].end))
    return QuestionsResult(tuple(questions), tuple(answers), True)


def _join_bare_labels(paras: list[tuple[SegmentKind, Para]]) -> list[tuple[SegmentKind, Para]]:
    """A label alone on its line ("Question 1", "Q2") joined to the paragraph after it,
    which holds the question's text."""
    out: list[tuple[SegmentKind, Para]] = []
    k = 0
    while k < len(paras):
        kind, para = paras[k]
        if (
            para.label is not None
            and para.label.prefixed
            and para.body == ""
            and k + 1 < len(paras)
            and paras[k + 1][0] is kind
            and paras[k + 1][1].label is None
        ):
            nxt = paras[k + 1][1]
            joined = Para(para.start, nxt.end, f"{para.text} {nxt.text}", para.blocks + nxt.blocks,
                          attrs.evolve(para.label, length=len(para.text)))
            out.append((kind, joined))
            k += 2
            continue
        out.append((kind, para))
        k += 1
    return out


# the authority asking the requester to clarify, leading in to its own list of points. The
# lead-in ends its paragraph and is one sentence: bounded, so that a long paragraph full of
# "please" costs a linear scan, not a quadratic one (searched on the paragraph's tail).
_ASKS_REQUESTER = re.compile(
    r"\b(please|could you|can you|would you|we (would )?need you to|we ask (that )?you)\b"
    r"[^.?!]{0,40}\b(clarify|confirm|specify|explain|tell us|let us know|narrow)\b[^.?!]{0,300}"
    r"[:?]\s*$",
    _I,
)
#: Characters at the end of a paragraph that can hold that lead-in.
_ASK_TAIL = 420


def _quotes_recital(body: str, recited: str) -> bool:
    """Whether ``body`` opens by quoting the recited item; a quoted phrase from it
    ("\"School safety incidents\" could cover …") opens an answer instead."""
    quoted = _QUOTED_BODY.match(body)
    return quoted is not None and _overlap(recited, quoted.group("q")) >= 0.5


def _names_recited_item(para: Para, items: list[_Item]) -> bool:
    """Whether ``para`` opens with a worded label ("Item 2.") naming a recited item."""
    label = para.label
    if label is None or not label.prefixed:
        return False
    return any(not it.restated and it.id == label.value for it in items)


def _collect(text: str, paras: list[tuple[SegmentKind, Para]]) -> list[_Item]:
    """The numbered or bulleted items of ``paras``, with the answer passages after them."""
    items: list[_Item] = []
    numberer = _Numberer()
    prev_kind: SegmentKind | None = None
    current: _Item | None = None
    in_answer = False  # inside an answer passage (so a list there is part of the answer)
    answer_list = False  # the last paragraph was a list item taken into an answer
    answer_colon = False
    prev_end: int | None = None
    asking = False  # the reply has just asked the requester something ("please clarify:")
    for kind, para in _join_bare_labels(paras):
        if prev_end is not None and _skipped(text, prev_end, para.start) and current is not None:
            # skipped text (boilerplate) lies between: nothing carries on across it
            current = None
            in_answer = False
        prev_end = para.end
        if kind is not prev_kind and (prev_kind is SegmentKind.REQUEST or kind is SegmentKind.REQUEST):
            numberer.reset()
            current = None
            in_answer = False
        prev_kind = kind
        is_item = para.label is not None and para.body != ""
        if kind is not SegmentKind.REQUEST and para.label is None:
            asking = bool(_ASKS_REQUESTER.search(para.text[-_ASK_TAIL:]))
        if is_item and asking and not _names_recited_item(para, items):
            # "Could you please clarify the following: 1. whether …": the authority's own
            # questions to the requester, not the request's; "Item 1. Please tell us …"
            # names the request's item, and its clarification is that item's answer
            continue
        if is_item and not items and not _opens_list(para):
            # a letter's questions start at 1, a or i: "(v) disclose unique or specialized
            # investigative techniques" is a clause of a quoted statute
            is_item = False
        if (
            is_item
            and in_answer
            and (answer_colon or (answer_list and not _REQUEST_ITEM.match(para.body)))
        ):
            # "… because it helps to:" followed by a bulleted list: the list is the answer's,
            # until an item reads as another request item ("The value of the tender")
            is_item = False
        answer_list = in_answer and not is_item and para.label is not None
        if kind is not SegmentKind.REQUEST and para.label is None:
            grouped = _GROUP_LABEL.match(para.text) or _BY_REFERENCE.match(para.text)
            ids = [i for i in (grouped.group("a"), grouped.group("b")) if i] if grouped else []
            if grouped and not ids:
                # "As to part (A): …" names a lettered item only when the request has one
                letter = (grouped.group("pa") or grouped.group("la")).lower()
                ids = [it.id for it in items if not it.restated and it.id == letter][:1]
            if grouped and ids and any(not it.restated for it in items):
                # "1 and 2: information is provided in the spreadsheet" answers both at once;
                # "In response to item 1, enclosed please find …" answers item 1
                idx = grouped.end() if grouped.re is _GROUP_LABEL else 0
                colon = re.match(r"\s*[:\-\u2013\u2014]\s*", para.text[grouped.end() :])
                if colon and grouped.re is _BY_REFERENCE:
                    idx = grouped.end() + colon.end()  # "Response to Item 1: …" is a label
                # "Response to question 1:" alone is a heading: the answer follows it
                heading = not re.search(r"\w", para.text[grouped.end() :])
                for n, qid in enumerate(ids):
                    current = _Item(qid, None, "", para.start, para.end, True, para=para)
                    if n == len(ids) - 1 and not heading:
                        current.answer = (offset_in(para, idx), para.end)
                    items.append(current)
                in_answer, answer_colon = True, para.text.rstrip().endswith(":")
                continue
        if is_item:
            qid, parent = numberer.assign(para)
            body = para.body
            restated = kind is not SegmentKind.REQUEST
            recited = next((it for it in items if not it.restated and it.id == qid), None)
            bullet = para.label is not None and para.label.scheme is Scheme.BULLET
            has_recital = any(not it.restated for it in items)
            if restated and bullet and has_recital and (
                recited is None or not _restates(body, recited.text)
            ):
                # a bullet has no number of its own: a bulleted list in the reply ("- Section
                # 23(5) - security bodies", "I have decided to: • release …") answers a
                # recited question only by restating it
                is_item = False
        if is_item:
            if (
                restated
                and recited is not None
                and not _quotes_recital(body, recited.text)
                and not _topic_heading(body, recited.text)
                and (
                    min(_overlap(body, recited.text), _overlap(recited.text, body)) < 0.4
                    or not _restates(body, recited.text)
                )
            ):
                # "1. Westshire Partnership NHS Trust has six …": the number of a recited
                # question, followed straight by its answer; an answer may reuse the
                # question's words ("(iii) The names of complainants are personal data"),
                # but a restatement opens as the recital does
                current = _Item(qid, parent, "", para.start, para.end, True, para=para)
                current.answer = (para.body_start, para.end)
                in_answer, answer_colon = True, para.text.rstrip().endswith(":")
                items.append(current)
                continue
            after_recital = _split_after(body, _full_text(recited)) if restated and recited else None
            if after_recital is not None:
                # the restatement repeats the recited item word for word, then answers;
                # its closing quote mark may be lost (OCR), so cut where the recital ends
                q_text, rest = after_recital
            else:
                q_text, rest = _split_inline(body) if restated else (body, "")
            if not restated:
                quoted = _QUOTED_BODY.match(body)
                q_text = quoted.group("q") if quoted else body
                if para.text[:1] in "*_" and q_text.endswith(para.text[:1]):
                    q_text = q_text.rstrip("*_")  # the emphasis closing "*Q1. Copies of …*"
            current = _Item(qid, parent, q_text.strip(), para.start, para.end, restated, para=para)
            if restated and rest.strip():
                idx = len(para.text) - len(rest)
                current.answer = (offset_in(para, idx), para.end)
                in_answer = True
                answer_colon = rest.rstrip().endswith(":")
            else:
                in_answer = False
                answer_colon = False
            items.append(current)
            continue
        if current is None or kind is SegmentKind.DECISION:
            in_answer = False
            answer_colon = False
            continue
        if _CONTEXT.match(para.text):
            continue
        if current.restated and current.answer is None and _HEADING.match(para.text):
            continue  # "Response" over the answer is a heading, not its text
        if not current.restated:
            current.continuation.append(para)
            continue
        if current.answer is None:
            current.answer = (para.start, para.end)
        else:
            current.answer = (current.answer[0], para.end)
        current.answer_paras.append(para)
        in_answer = True
        answer_colon = para.text.rstrip().endswith(":")
    return items


def _topic_heading(body: str, recited: str) -> bool:
    """A short heading naming a recited item in fewer words ("1. The number of properties
    offered a buyout", "3. Independent valuation report"): the answer follows it. It is not
    a sentence and reads as the item's words, not as an answer ("56", "Not held")."""
    text = body.strip()
    return (
        0 < len(text.split()) <= 12
        and not re.search(r"[.?!:;,]$", text)
        and _stem_overlap(text, recited) >= 0.6
        and not _answer_like(text)
    )


def _stem_overlap(text: str, other: str) -> float:
    """:func:`_overlap` with plurals folded: a heading "Audit outcomes" names "the outcome
    of each audit"."""
    words = [_stem(w) for w in _WORD.findall(text.lower())[:8]]
    if not words:
        return 0.0
    vocab = {_stem(w) for w in _WORD.findall(other.lower())}
    return sum(1 for w in words if w in vocab) / len(words)


def _same_opening(body: str, recited: str) -> bool:
    """Whether ``body`` opens with the first words of ``recited`` (as a restatement does)."""
    want = _WORD.findall(recited.lower())[:3]
    return _WORD.findall(body.lower())[: len(want)] == want


def _restates(body: str, recited: str) -> bool:
    """Whether ``body`` repeats ``recited``: it opens with the recital's first words and
    uses nearly all of its words within about its length. An answer that reuses the
    question's opening ("The names of the six contractors … are set out …") does not."""
    if not _same_opening(body, recited):
        return False
    want = set(_WORD.findall(recited.lower()))
    if not want:
        return False
    window = set(_WORD.findall(body.lower())[: len(want) + 8])
    return len(want & window) / len(want) >= 0.8


def _split_after(body: str, recited: str) -> tuple[str, str] | None:
    """``body`` split after its repetition of ``recited`` (its last three words, found
    about where the recital's length puts them), when an answer follows; else ``None``.

    A repetition opens with the recital's first words: an answer that merely reuses its
    closing words ("… on 1 May 2024, of which 61 …") is not one.
    """
    want = _WORD.findall(recited.lower())
    if len(want) < 3 or not _restates(body, recited):
        return None
    toks = list(re.finditer(r"[a-z0-9]+", body, _I))
    for i in range(min(len(toks), len(want) + 12) - 2):
        if [t.group().lower() for t in toks[i : i + 3]] == want[-3:]:
            cut = toks[i + 2].end()
            tail = re.match(r"[\s\"”’').\]?!]*[.,;:]?[\s\"”’']*", body[cut:])
            rest = body[cut + (tail.end() if tail else 0) :]
            if not re.search(r"\w", rest):
                return None
            return body[:cut].strip().lstrip("\"“+•-\u2013 ").strip(), rest
    return None


def _opens_list(para: Para) -> bool:
    """Whether ``para``'s label can open a list (lettered and roman lists start at a or i)."""
    label = para.label
    if label is None or label.scheme not in (Scheme.ALPHA, Scheme.ROMAN) or label.compound:
        return True
    return label.value in {"a", "i"}


def _split_loose(items: list[_Item]) -> None:
    """A restated item with no answer paragraph may carry its answer after its first sentence."""
    for it in items:
        if not it.restated or it.answer is not None or it.para is None:
            continue
        head, rest = _split_inline(it.para.body, strict=False)
        if rest.strip():
            idx = len(it.para.text) - len(rest)
            it.text = head
            it.answer = (offset_in(it.para, idx), it.para.end)


# how a requester closes a request: delivery, fees, purpose, thanks
_REQUESTER_CLOSING = re.compile(
    r"^(please (send|e-?mail) (me|us|the|these|this|all|any)\b|"
    r"please provide (the |these |this )?(records|information|documents|responses?) "
    r"(by|via|electronically|in electronic)|thanks?\b|thank you|many thanks|i look forward|"
    r"this request is (not )?(for|made)|i am (happy|willing|prepared) to|(i|we) (agree|are willing) "
    r"to pay|if (there are )?any fees|(kind |best )?regards\b|sincerely\b)",
    _I,
)


def _own_continuation(item: _Item) -> list[Para]:
    """The paragraphs running on from a recited item, up to the requester's closing words
    ("Please send me these records by email …")."""
    paras = item.continuation
    cut = next((n for n, p in enumerate(paras) if _REQUESTER_CLOSING.match(p.text)), None)
    return paras[:cut]


def _full_text(item: _Item) -> str:
    """A recited item's text with the paragraphs that run on from it."""
    return " ".join([item.text, *(p.text for p in _own_continuation(item))])


def _attach_continuations(items: list[_Item]) -> None:
    """Add the unnumbered paragraphs that follow a recited item to its text.

    After the last item of a list, such paragraphs are usually the requester's closing words
    ("Please send me these records …"); they are kept only when the other items of the list
    also ran on over several paragraphs.
    """
    recital = [it for it in items if not it.restated]
    for k, it in enumerate(recital):
        paras = _own_continuation(it)
        last = k + 1 == len(recital) or recital[k + 1].start > (paras[-1].end if paras else it.end)
        if paras and last and k + 1 == len(recital):
            others = [o for o in recital[:k] if o.parent_id == it.parent_id]
            if not others or sum(1 for o in others if o.continuation) * 2 < len(others):
                paras = []
        for para in paras:
            it.text = f"{it.text} {para.text}".strip()
            it.end = para.end


# after the items are answered in turn, a paragraph about the whole request closes the
# reply: "No information has been withheld …", "There are no fees …", a statute's
# explanation shared by the answers ("Exemption (b)(6) exempts …")
_LETTER_WIDE = re.compile(
    r"^(?:no (?:information|records?|material) (?:has|have|was|were) been (?:withheld|redacted)|"
    r"(?:all|the) (?:records|information) (?:has|have) been released in (?:full|(?:their|its) entirety)|"
    r"there (?:are|is|will be) no (?:fees?|charges?)|no (?:fees?|charges?) (?:are|is|will be|has been)|"
    r"exemptions? (?:\(b\)\(\d\)|\d\b)[^.]{0,20}\b(?:exempts|protects|permits|allows)|"
    r"in applying (?:these|the|this) exemptions?|"
    # a note of the law's reach: "… the Law applies to existing records, and an agency is not
    # required to create a record"
    r"[^.]{0,80}\b(?:applies (?:only )?to (?:existing|records that exist)|(?:is|are) not required "
    r"to create)|"
    # a clarification letter's deadline: "If we do not receive your response within 61 days …"
    r"(?:under [^,]{0,40},\s*)?if (?:we|the \w+) (?:do|does) not (?:receive|hear)|"
    # US federal letters close with the fee category and the official responsible
    r"fees?\s*[:\-\u2013\u2014]|your request (?:falls|was placed) (?:with)?in the [^.]{0,40}fee category|"
    r"[^.]{0,120}\bis (?:the official )?responsible for (?:this|the) (?:decision|determination|denial)|"
    r"(?:i am|i'm|we are) sorry (?:that )?(?:we|i) (?:are|am|were|have been) (?:unable|not able) to "
    r"(?:help|assist))",
    _I,
)


def _trim_last_answer(items: list[_Item]) -> None:
    """End the reply's last answer before a paragraph that speaks of the whole request."""
    answered = [it for it in items if it.restated and it.answer is not None]
    if not answered:
        return
    last = max(answered, key=lambda it: it.start)
    assert last.answer is not None
    start = last.answer[0]
    prev_end = last.para.end if last.para is not None else last.end
    for para in last.answer_paras:
        if para.start > start and _LETTER_WIDE.match(para.text):
            if prev_end > start:
                last.answer = (start, prev_end)
            return
        prev_end = para.end


def _assemble(
    doc: Document, items: list[_Item], paras: list[tuple[SegmentKind, Para]]
) -> QuestionsResult:
    _trim_last_answer(items)
    recital = [it for it in items if not it.restated]
    restated = [it for it in items if it.restated]
    if any(it.id.isdigit() for it in recital):
        # with a numbered recital, a lettered list in the reply that no recited number owns
        # ("(a) processed lawfully, fairly …") is quoted law or an answer's list
        known = {it.id for it in recital}
        restated = [it for it in restated if it.id in known or not it.id.isalpha()]
    seen: dict[str, _Item] = {}
    for it in recital:
        seen.setdefault(it.id, it)
    for it in restated:
        if it.id not in seen:
            seen[it.id] = it
    questions = tuple(
        Question(it.id, squeeze(it.text), it.parent_id, doc.span(it.start, it.end))
        for it in seen.values()
    )
    answers: list[DraftAnswer] = []
    pending: list[_Item] = []
    groups = 0
    for it in restated:
        pending.append(it)
        if it.answer is None:
            continue
        groups += 1
        answers.extend(_answers_for(doc, pending, it.answer))
        pending = []
    answered = {a.question_id for a in answers}
    if not restated and recital:
        # the reply does not restate the request: it may still take it part by part in
        # unnumbered paragraphs that name what they answer
        by_topic = _by_topic(doc, recital, paras)
        if by_topic:
            return QuestionsResult(questions, by_topic, True)
    if groups == 0 or (groups == 1 and len(questions) > 1 and len(answered) >= len(questions)):
        return QuestionsResult(questions, (), False)
    if groups == 1 and len(questions) > 1 and len(restated) == len(questions):
        return QuestionsResult(questions, (), False)
    return QuestionsResult(questions, tuple(answers), True)


# words that say nothing about what a question is about
_STOP = frozenset(
    re.findall(
        r"\S+",
        "a an and any are as at be by each every for from had has have i in is it its me my of "
        "on or our please provide request requested requesting following also the their this "
        "that these those to was were what when which who whether with you your all copy "
        "copies information records record data details specifically",
    )
)


@attrs.frozen
class _Unit:
    """A sentence of the reply: where it lies and the words it uses."""

    para: int
    start: int
    end: int
    words: frozenset[str]


def _key(text: str) -> list[str]:
    """The words that say what a question asks about (asides in brackets left out)."""
    text = re.sub(r"\([^)]*\)?", " ", text)
    words = [
        _stem(w) for w in _WORD.findall(text.lower()) if w not in _STOP and not w.isdigit() and len(w) > 1
    ]
    return list(dict.fromkeys(words))[:8]


def _stem(word: str) -> str:
    """``word`` without a plural "s", so that "Pursuit policy" names "vehicle pursuits"."""
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def _mention(key: list[str], unit: _Unit) -> float:
    return sum(1 for w in key if w in unit.words) / len(key) if key else 0.0


def _reply_units(doc: Document, paras: list[Para]) -> list[_Unit]:
    units = []
    for n, para in enumerate(paras):
        sentences = _sentences(para)
        for k, (idx, text) in enumerate(sentences):
            end = offset_in(para, sentences[k + 1][0]) if k + 1 < len(sentences) else para.end
            words = frozenset(_stem(w) for w in _WORD.findall(text.lower()))
            units.append(_Unit(n, offset_in(para, idx), end, words))
    return units


def _place(keys: list[list[str]], units: list[_Unit], lo: int, hi: int) -> list[int | None]:
    """For each key (in order), the index of the unit in ``units[lo:hi]`` that names it.

    A unit naming every word of a key wins; failing that one naming half of them, in order
    after the keys placed before it. A key left unplaced between two keys placed in one unit
    (a list answered in one sentence) shares that unit.
    """
    found: list[int | None] = [None] * len(keys)
    for need in (1.0, 0.5):
        for k, key in enumerate(keys):
            if found[k] is not None or len(key) == 0:
                continue
            before = max((f for f in found[:k] if f is not None), default=lo)
            after = min((f for f in found[k + 1 :] if f is not None), default=hi - 1)
            for u in range(before, after + 1):
                if _mention(key, units[u]) >= need:
                    found[k] = u
                    break
    for k in range(len(found)):
        if found[k] is None:
            prev = next((f for f in reversed(found[:k]) if f is not None), None)
            nxt = next((f for f in found[k + 1 :] if f is not None), None)
            if prev is not None and prev == nxt:
                found[k] = prev
    return found


# bounds on the item-by-sentence search, so that a huge document stays fast
_MAX_TOPIC_ITEMS = 200
_MAX_TOPIC_PARAS = 300


def _by_topic(
    doc: Document, recital: list[_Item], paras: list[tuple[SegmentKind, Para]]
) -> tuple[DraftAnswer, ...]:
    """Answers for a recited request that the reply takes part by part without numbers.

    US letters in particular answer "In response to your request for the name, gender …
    please see …", then "In regards to your request for the definitions …": each paragraph
    names the items it answers. A top-level item's answer runs from the paragraph naming it
    (the first item: from the reply's start) to the paragraph naming the next item; a
    sub-item's answer is the sentence naming it, up to the next sub-item's or its
    paragraph's end.
    """
    if len(recital) > _MAX_TOPIC_ITEMS:
        return ()
    last = max(it.end for it in recital)
    reply = _contiguous(doc, [p for k, p in paras if k is not SegmentKind.REQUEST and p.start > last])
    units = _reply_units(doc, reply[:_MAX_TOPIC_PARAS])
    if len(reply) < 2 or not units:
        return ()
    top = [it for it in recital if it.parent_id is None]
    if not top:
        return ()
    first_units = [u for u, unit in enumerate(units) if u == 0 or units[u - 1].para != unit.para]
    leads = [units[u] for u in first_units]
    spots = _place([_key(it.text) for it in top], leads, 0, len(leads))
    if spots[0] is None and any(s is not None for s in spots[1:]):
        spots[0] = 0  # the reply opens with the first item's answer
    placed = [(it, first_units[s]) for it, s in zip(top, spots, strict=True) if s is not None]
    out: list[DraftAnswer] = []
    starts: set[int] = set()
    for k, (it, u) in enumerate(placed):
        hi = placed[k + 1][1] if k + 1 < len(placed) else len(units)
        out.extend(_draft(doc, [it.id], units[u].start, units[hi - 1].end))
        starts.add(units[u].start)
        children = [c for c in recital if c.parent_id == it.id]
        found = _place([_key(c.text) for c in children], units, u, hi)
        for j, (child, f) in enumerate(zip(children, found, strict=True)):
            if f is None:
                continue
            nxt = [g for g in found[j + 1 :] if g is not None and g != f]
            end_unit = f
            while end_unit + 1 < hi and units[end_unit + 1].para == units[f].para and (
                not nxt or end_unit + 1 < nxt[0]
            ):
                end_unit += 1
            out.extend(_draft(doc, [child.id], units[f].start, units[end_unit].end))
            starts.add(units[f].start)
    return tuple(out) if len(starts) >= 2 else ()


def _draft(doc: Document, ids: list[str], start: int, end: int) -> list[DraftAnswer]:
    while end > start and doc.text[end - 1].isspace():
        end -= 1
    return [DraftAnswer(qid, start, end, squeeze(doc.text[start:end])) for qid in ids] if end > start else []


def _answers_for(doc: Document, group: list[_Item], span: tuple[int, int]) -> list[DraftAnswer]:
    """One answer for each question of ``group``; "For part A" passages go to that sub-question."""
    start, end = span
    text = doc.text[start:end]
    ids = [it.id for it in group]
    base = group[0].parent_id or group[0].id
    parts: dict[str, tuple[int, int]] = {}
    general_end = end
    for m in re.finditer(r"(?m)^", text):
        line_start = start + m.start()
        pm = _PART.match(doc.text[line_start:end])
        if not pm:
            continue
        sub = base + pm.group(1).lower()
        if sub in ids and sub not in parts:
            general_end = min(general_end, line_start)
            parts[sub] = (line_start, end)
    # a part's passage ends where the next part's starts
    ordered = sorted(parts.items(), key=lambda kv: kv[1][0])
    for k, (sub, (s, _)) in enumerate(ordered):
        parts[sub] = (s, ordered[k + 1][1][0] if k + 1 < len(ordered) else end)
    out = []
    for qid in ids:
        s, e = parts.get(qid, (start, general_end))
        label = _ANSWER_LABEL.match(doc.text, s, e)
        if label and label.end() < e:
            s = label.end()  # "Answer: 56." - the label is not the answer's text
        while e > s and doc.text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append(DraftAnswer(qid, s, e, squeeze(doc.text[s:e])))
    return out


_ANSWER_LABEL = re.compile(
    r"(?:(?:our )?(?:answer|response|reply)|a\d{0,2}[a-z]?)\s*[:\-\u2013\u2014]\s*", _I
)


def _skipped(text: str, end: int, start: int) -> bool:
    """Whether text other than page furniture lies between ``end`` and ``start``."""
    return any(
        line.strip() and not is_furniture(line.strip()) for line in text[end:start].splitlines()
    )


def _contiguous(doc: Document, paras: list[Para], after: int | None = None) -> list[Para]:
    """The leading paragraphs of ``paras`` with no skipped (boilerplate) text between them."""
    out: list[Para] = []
    end = after
    for para in paras:
        if end is not None and _skipped(doc.text, end, para.start):
            break
        out.append(para)
        end = para.end
    return out


def _runs(paras: list[tuple[SegmentKind, Para]]) -> list[tuple[bool, list[Para]]]:
    """``paras`` cut into runs of request and reply paragraphs: (is request, paragraphs)."""
    runs: list[tuple[bool, list[Para]]] = []
    for kind, para in paras:
        request = kind is SegmentKind.REQUEST
        if runs and runs[-1][0] == request:
            runs[-1][1].append(para)
        else:
            runs.append((request, [para]))
    return runs


def _label_pairs(doc: Document, paras: list[tuple[SegmentKind, Para]]) -> QuestionsResult | None:
    """Unnumbered questions recited one at a time, each under its own lead-in ("You asked:")
    and followed by its own reply ("Our response: …"): questions 1, 2, … in order.

    At least two recitals are needed, each followed by a reply; a reply runs to the next
    recital or to the closing boilerplate.
    """
    runs = _runs(paras)
    first = next((n for n, (request, _) in enumerate(runs) if request), None)
    if first is None:
        return None
    pairs = runs[first:]
    if len(pairs) < 4 or any(request != (n % 2 == 0) for n, (request, _) in enumerate(pairs)):
        return None
    questions: list[Question] = []
    answers: list[DraftAnswer] = []
    for n in range(0, len(pairs) - 1, 2):
        recital, reply = pairs[n][1], pairs[n + 1][1]
        if len(recital) < 2 or not recital[0].text.rstrip().endswith(":"):
            return None  # each recital opens with its own lead-in
        body = [p for p in recital[1:] if not _CONTEXT.match(p.text)]
        while reply and _HEADING.match(reply[0].text):
            reply = reply[1:]  # "Our response:" is a heading, not the answer
        reply = _contiguous(doc, reply)
        if not body or not reply:
            return None
        cut = next((k for k, p in enumerate(reply) if k and _LETTER_WIDE.match(p.text)), None)
        reply = reply[:cut]
        qid = str(len(questions) + 1)
        text = squeeze(" ".join(p.text for p in body)).strip("\"“”' ")
        questions.append(Question(qid, text, None, doc.span(body[0].start, body[-1].end)))
        answers.extend(_draft(doc, [qid], reply[0].start, reply[-1].end))
    return QuestionsResult(tuple(questions), tuple(answers), True)


# a one-sentence note of the law a request was handled under, before the answer proper
_HANDLED_UNDER = re.compile(
    r"^(?:(?:we|i) have (?:handled|dealt with|processed|considered)|this request has been "
    r"(?:handled|dealt with|processed|considered)|your request has been (?:handled|dealt with|"
    r"processed|considered)) (?:your request |it )?under (?:the )?[^.?!]{3,120}[.]?$",
    _I,
)


# "You requested access to:", "Your request read:" - the letter's words before the recital
_RECITAL_LEAD = re.compile(
    r"^(?:you (?:requested|asked|sought|applied)|your (?:request|application) "
    r"(?:was|is|reads?|stated|sought))\b[^:.?!\"“]{0,60}:\s*(?=\S)",
    _I,
)


def _single_question(doc: Document, paras: list[tuple[SegmentKind, Para]]) -> QuestionsResult:
    """An unnumbered recited request is one question; the reply after it is its answer."""
    request = [p for k, p in paras if k is SegmentKind.REQUEST]
    if len(request) < 2:
        return _inline_request(doc, paras)
    body = request[1:]  # the first request paragraph is the lead-in ("You asked:")
    while len(body) > 1 and body[0].text.rstrip().endswith(":") and _ASK.search(body[0].text):
        body = body[1:]  # the requester's own lead-in ("I hereby request the following records:")
    texts = [p.text for p in body if not _CONTEXT.match(p.text)]
    text = squeeze(" ".join(texts))
    text = _RECITAL_LEAD.sub("", text, count=1).strip("\"“”' ")
    if not text:
        return QuestionsResult()
    span = doc.span(body[0].start, body[-1].end)
    inline = _inline_items(text)
    if inline:
        # "For each officer, 1. First name, 3. Gender, 4. Race": numbered items run into
        # one sentence; the reply cannot be split by them
        return QuestionsResult(tuple(Question(qid, t, None, span) for qid, t in inline), (), False)
    question = Question("1", text, None, span)
    # the reply up to the closing boilerplate answers it, reasons for a decision included
    after = [p for k, p in paras if k is not SegmentKind.REQUEST and p.start > body[-1].end]
    while after and _HEADING.match(after[0].text):
        after = after[1:]  # "Our response:" is a heading, not the answer
    after = _contiguous(doc, after)  # the answer ends at the closing boilerplate
    while len(after) > 1 and _HANDLED_UNDER.match(after[0].text):
        after = after[1:]  # "We have handled your request under the FOIA." is procedure
    if not after:
        return QuestionsResult((question,), (), False)
    s, e = after[0].start, after[-1].end
    answer = DraftAnswer("1", s, e, squeeze(doc.text[s:e]))
    return QuestionsResult((question,), (answer,), True)


_RUN_NUMBER = re.compile(r"(?:^|(?<=[,;:.?!\"“]\s)|(?<=[,;:\"“]))(\d{1,2})[.)]\s+(?=[A-Za-z\"“])")


def _inline_items(text: str) -> list[tuple[str, str]]:
    """Numbered items printed inside one paragraph ("…, 1. First name, 3. Gender, …"):
    numbers rising from 1, after a comma or a sentence end; at least three."""
    marks: list[re.Match[str]] = []
    for m in _RUN_NUMBER.finditer(text):
        value = int(m.group(1))
        if (not marks and value == 1) or (marks and value > int(marks[-1].group(1))):
            marks.append(m)
    if len(marks) < 3:
        return []
    ends = [m.start() for m in marks[1:]] + [len(text)]
    items = [
        (m.group(1), text[m.end() : e].strip().rstrip(",;").strip("\"“” "))
        for m, e in zip(marks, ends, strict=True)
    ]
    return [(qid, t) for qid, t in items if t]


def _from_table(doc: Document, paras: list[tuple[SegmentKind, Para]]) -> QuestionsResult | None:
    """Questions and answers from a two-column question/answer table, when the letter has one."""
    rows = _table_items(paras)
    if len(rows) < 1:
        return None
    wordy = sum(1 for _, b in rows if re.search(r"[a-z]{3}", " ".join(b.cells[:-1]), _I))
    if wordy * 2 < len(rows):
        # "2020/21 | 18,412,660 | 24,907,115": a table of figures inside an answer, not
        # questions beside their answers
        return None
    body = [b for _, b in rows if not _header_row(b.cells)]
    # a numbered row ("1 | Crash data for … | Attached") or a cell that reads as a request
    asking = sum(
        1 for b in body if _question_cell(b.cells)[0] or _asks_in_cell(_question_cell(b.cells)[1])
    )
    if asking * 2 < len(body):
        # "Pursuit of suspects | 301", "Search (clerical) | 12 hours | $295.56": a label
        # column beside figures is a data table inside an answer; a question/answer table's
        # first column holds requests ("How many …?", "Copies of …", "1. The number of …")
        return None
    questions: list[Question] = []
    answers: list[DraftAnswer] = []
    for para, block in rows:
        id_cell, q_cell = _question_cell(block.cells)
        a_cell = block.cells[-1].strip()
        if not q_cell or not a_cell or _header_row(block.cells):
            continue
        q_parts = _numbered_run(q_cell)
        if len(q_parts) >= 2:
            # one row holding the whole numbered request (a PDF table whose rows ran
            # together): its items are the questions; answers only if numbered alike
            a_parts = _numbered_run(a_cell)
            for n, q_part in enumerate(q_parts):
                qid = str(n + 1)
                questions.append(Question(qid, squeeze(q_part), None, doc.span(para.start, para.end)))
                if len(a_parts) == len(q_parts):
                    a_start = doc.text.find(a_parts[n], para.start, para.end + 1)
                    if a_start >= 0:
                        a_end = a_start + len(a_parts[n])
                        answers.append(DraftAnswer(qid, a_start, a_end, squeeze(a_parts[n])))
            continue
        from foiparse.extract.numbering import read_label

        label = read_label(q_cell)
        qid = str(len(questions) + 1)
        if re.search(r"\d", id_cell):
            qid = normalise_id(id_cell)
        elif label is not None and label.scheme is Scheme.NUMBER:
            qid = label.compound or label.value
            q_cell = q_cell[label.length :].strip()
        a_start = doc.text.find(a_cell, para.start, para.end + 1)
        a_start = a_start if a_start >= 0 else para.start
        questions.append(Question(qid, squeeze(q_cell), None, doc.span(para.start, para.end)))
        answers.append(DraftAnswer(qid, a_start, a_start + len(a_cell), squeeze(a_cell)))
    if len(questions) < 2:
        return None
    return QuestionsResult(tuple(questions), tuple(answers), bool(answers))


_HEADER_ASK = re.compile(r"\b(questions?|requests?|requested|asked|quer(y|ies))\b", _I)
# a table's number column: "1", "2a.", "Q3", "Item", "No."
_ID_CELL = re.compile(r"^(?:(?:q|item|no\.?|#)?\s*\d{1,3}[a-z]?[.)]?|item|no\.?|#|q|ref\.?)$", _I)
_HEADER_REPLY = re.compile(r"\b(responses?|answers?|repl(y|ies)|decisions?|information)\b", _I)


def _header_row(cells: Sequence[str]) -> bool:
    """A table's heading row: "Question | Answer", "No. | Your question | Our response",
    bilingual "Rhif / No. | Cwestiwn / Question | Ymateb / Response"."""
    _, q_cell = _question_cell(cells)
    if re.match(r"^(questions?|requests?|you asked)\b", q_cell, _I):
        return True
    if any(len(c.split()) > 5 for c in cells):
        return False
    ask = next((n for n, c in enumerate(cells) if _HEADER_ASK.search(c)), None)
    return ask is not None and any(_HEADER_REPLY.search(c) for c in cells[ask + 1 :])


def _question_cell(cells: Sequence[str]) -> tuple[str, str]:
    """A row's (number cell, question cell): "1 | Crash data for … | Attached" has a number
    column before the question's."""
    first = cells[0].strip()
    if len(cells) >= 3 and _ID_CELL.match(first):
        return first, cells[1].strip()
    return "", first


# a request item printed with its number ("1. The number of …", "Q2 How many …")
_NUMBERED_CELL = re.compile(r"^(?:q|item|question|request)?\s*\d{1,3}[a-z]?\s*[.):\-\u2013]\s*\S", _I)


def _asks_in_cell(cell: str) -> bool:
    """Whether a table cell reads as a request: a question, a request item's opening, a
    numbered item, or a passage long enough to be one (a data label is a few words)."""
    cell = cell.strip()
    return (
        cell.endswith("?")
        or bool(_REQUEST_ITEM.match(cell))
        or bool(_NUMBERED_CELL.match(cell))
        or bool(_REQUEST_CUE.search(cell))
        or len(cell.split()) >= 8
    )


_INLINE_NUMBER = re.compile(r"(?:^|(?<=[.?!:;]\s))(\d{1,2})[.)]\s+(?=\S)")


def _numbered_run(cell: str) -> list[str]:
    """The items of "1. … 2. … 3. …" run together in one cell (numbers 1, 2, … in order,
    each after a sentence end); ``[]`` when the cell is not such a run."""
    marks: list[re.Match[str]] = []
    for m in _INLINE_NUMBER.finditer(cell):
        if int(m.group(1)) == len(marks) + 1:
            marks.append(m)
    if len(marks) < 2 or marks[0].start() != 0:
        return []
    ends = [m.start() for m in marks[1:]] + [len(cell)]
    return [cell[m.end() : e].strip() for m, e in zip(marks, ends, strict=True)]


# "is in receipt of your FOIA request for documents sufficient to show …" (US letters)
_INLINE_REQUEST = re.compile(
    r"(?:in receipt of your .{0,80}?request (?:for|seeking)|you requested|requesting|"
    r"your request (?:for|seeking)|"
    # "… your FOIA request received on 30 September, seeking \"all records …\""
    r"\b(?:seeking|asking for|which sought|that sought)(?=[:,]?\s+[\"“]))[:,]?\s+"
    # "your request for public records under the … Act" names the law, not what was asked
    r"(?P<q>(?!information\b(?!\s+for\b))"
    r"(?!(?:public |government |official )?(?:records|information|documents) (?:under|pursuant)\b)"
    r"\S.{20,})$",
    _I,
)


def _inline_request(doc: Document, paras: list[tuple[SegmentKind, Para]]) -> QuestionsResult:
    """A request recited inside the opening sentence is one question; what follows answers it."""
    answers = [p for k, p in paras if k is SegmentKind.ANSWERS]
    # the opening sentences of the body (after the salutation, when one is found)
    opening = next((n + 1 for n, p in enumerate(answers[:40]) if SALUTATION.match(p.text)), 0)
    for i in range(opening, min(opening + 4, len(answers))):
        para = answers[i]
        m = _INLINE_REQUEST.search(para.text)
        if not m:
            continue
        q_start = offset_in(para, m.start("q"))
        parts, q_end = [m.group("q")], para.end
        rest = answers[i + 1 :]
        quoted = m.group("q").lstrip()[:1] in "\"“"
        # a request cut off mid-sentence ("…; CR number;") runs on to where its sentence
        # ends; a quoted one to its closing quote mark
        while rest and len(parts) < 4 and not _request_ends(parts[-1], quoted):
            if _ANSWER_START.match(rest[0].text):
                break
            parts.append(rest[0].text)
            q_end = rest[0].end
            rest = rest[1:]
        text = squeeze(" ".join(parts)).strip("\"“”' ")
        questions = _separate_requests(doc, text, q_start, q_end)
        after = _contiguous(doc, rest, q_end)
        if not after or len(questions) > 1:
            # several asks answered by what follows as one: not aligned
            return QuestionsResult(questions, (), False)
        s, e = after[0].start, after[-1].end
        return QuestionsResult(questions, (DraftAnswer("1", s, e, squeeze(doc.text[s:e])),), True)
    return QuestionsResult()


def _request_ends(text: str, quoted: bool) -> bool:
    if quoted:
        return bool(re.search(r"[\"”]\W{0,2}$", text))
    return bool(re.search(r"[.?!][\"”’)]?\s*$", text))


# "Please note I am making two requests.": the requester says the request has several parts
_SEVERAL_REQUESTS = re.compile(
    r"(?:^|(?<=[.?!]\s))[^.?!]*\b(?:making|submitting|have|are|is) (?:two|three|four|2|3|4) "
    r"(?:separate |distinct )?(?:requests|questions|parts)\b[^.?!]*[.?!]\s*",
    _I,
)


# "(1) any investigation files …; and (2) copies of …": items enumerated inside a sentence
_PAREN_MARK = re.compile(r"(?:^|(?<=\s))\((\d{1,2}|[a-h])\)\s+(?=\S)")


def _enumerated(text: str) -> list[tuple[str, str]]:
    """Items enumerated "(1) … (2) …" (or "(a) … (b) …") inside one sentence, in sequence
    from the first; the last runs to its sentence's end. Two at least."""
    marks: list[re.Match[str]] = []
    for m in _PAREN_MARK.finditer(text):
        value = m.group(1)
        first = value in {"1", "a"}
        follows = bool(marks) and _next_label(marks[-1].group(1)) == value
        if (not marks and first) or follows:
            marks.append(m)
    if len(marks) < 2:
        return []
    tail = text[marks[-1].end() :]
    stop = re.search(r"[.?!][\"”’)]?(\s+(?=[A-Z])|\s*$)", tail)
    ends = [m.start() for m in marks[1:]] + [marks[-1].end() + (stop.start() + 1 if stop else len(tail))]
    items = []
    for m, e in zip(marks, ends, strict=True):
        items.append((m.group(1), _without_joiner(text[m.end() : e])))
    return items if all(len(t.split()) >= 2 for _, t in items) else []


def _without_joiner(item: str) -> str:
    """An enumerated item without the "; and" / ", or" that joins it to the next one.

    Done by hand: a pattern for it backtracks cubically on a run of
    spaces, and a word ending in "and" ("husband") must keep its letters.
    """
    item = item.strip()
    words = item.rsplit(None, 1)
    if len(words) == 2 and words[1].lower() in ("and", "or"):
        item = words[0]
    return item.rstrip(" ;,").strip("\"“” ")


def _next_label(value: str) -> str:
    return str(int(value) + 1) if value.isdigit() else chr(ord(value) + 1)


def _separate_requests(doc: Document, text: str, start: int, end: int) -> tuple[Question, ...]:
    """One question, or one per part where the requester says it makes several requests."""
    span = doc.span(start, end)
    enumerated = _enumerated(text)
    if enumerated:
        return tuple(Question(qid, t, None, span) for qid, t in enumerated)
    m = _SEVERAL_REQUESTS.search(text)
    if m:
        parts = [text[: m.start()].strip(), text[m.end() :].strip()]
        if all(len(p.split()) >= 4 for p in parts):
            return tuple(Question(str(n), p, None, span) for n, p in enumerate(parts, 1))
    return (Question("1", text, None, span),)


# -- the request quoted in an e-mail thread ---------------------------------------------------

# e-mail header lines that open (or belong to the head of) a quoted message
_MAIL_HEADER = re.compile(
    r"^(from:\s*\S|sent:|date:|to:|cc:|subject:|-{2,}\s*(original|forwarded) message|"
    r"on .{6,80} wrote:)",
    _I,
)
_MAIL_HEAD_LINE = re.compile(
    r"^((sent|date|to|cc|subject|attachments?):|(our|your) ref(erence)?\b)|^[-=_*]{5,}$", _I
)
# a sentence that asks for something (the requester's voice)
_ASK = re.compile(
    r"\?|\bplease (provide|send|supply|could|can|would|release|disclose|confirm|tell|give|"
    r"advise|list|state|share)\b|\b(could|can|would|will) you\b|"
    r"\bi (would like|wish|want|am writing|write) to (request|know|ask|see|obtain|receive|have|"
    r"make)\b|\bi am (formally )?(requesting|asking for)\b|\bi (request|require)\b|"
    r"\brequest(ing)? (under|copies|a copy|access|the following|all|any)\b",
    _I,
)
# courtesy around a request, not part of what is asked
_COURTESY = re.compile(
    r"^(i am|i'm|i would be|we are) (very |more than |quite )?(happy|content|grateful|glad)|"
    r"^(many )?thanks?\b|^i look forward|^(please )?(let me know|do not hesitate|feel free)",
    _I,
)
# how an authority's own message opens (acknowledgements, covering notes)
_AUTHORITY_VOICE = re.compile(
    r"^(thank you for (your|contacting)|i write in response|please (find|see)|we are|i am dealing|"
    r"this (letter|email|e-mail)|attached|unfortunately|as detailed|i have attached|your request)",
    _I,
)
# an authority saying how it handles the request ("I am dealing with your request under …")
_HANDLING = re.compile(
    r"\b(i am|we are) (dealing with|processing|handling|considering) your|\baim to (send|respond|"
    r"reply)|must respond (to you )?within|has been logged",
    _I,
)
# requester messages that are not the request itself
_NOT_A_REQUEST = re.compile(
    r"internal review|conducts freedom of information reviews|(update me|chase|chasing) on the "
    r"status|overdue",
    _I,
)
# "Your request was:", "Thank you for your request for information concerning:"
_LEAD_IN = re.compile(
    r"(your request (was|reads|is)|request(ing|ed)?\b.{0,60}?\b(concerning|regarding|about|"
    r"for|as follows|below|following)|requesting|you (asked|requested|wrote))\s*:\s*[\"“]?$",
    _I,
)
_SENTENCE = re.compile(r"(?<=[.?!])[\"\u201d\u2019)]?\s+(?=[\"“(]?[A-Z0-9])")
_SHORT_ITEM = 200  # an unlabelled list line ("Police Board case number") is short


def _quoted_messages(doc: Document, segments: Sequence[Segment]) -> list[list[Para]]:
    """The quoted earlier messages, most recent first, each as its paragraphs."""
    blocks = [
        b
        for seg in segments
        if seg.kind is SegmentKind.QUOTED
        for b in doc.blocks
        if b.start >= seg.start and b.end <= seg.end
    ]
    messages: list[list[Para]] = []
    for para in build(doc, blocks):
        if _MAIL_HEADER.match(para.text) or not messages:
            if not messages or messages[-1]:
                messages.append([])
            if _MAIL_HEADER.match(para.text):
                continue
        messages[-1].append(para)
    return [m for m in messages if m]


def _message_body(message: list[Para]) -> list[Para]:
    """The message's own words: after its header lines and salutation, before its sign-off."""
    body = [p for p in message if not _MAIL_HEAD_LINE.match(p.text)]
    for i, para in enumerate(body[:4]):
        if SALUTATION.match(para.text):
            body = body[i + 1 :]
            break
    for i, para in enumerate(body):
        if SIGN_OFF.match(para.text):
            return body[:i]
    return body


def _quoted_request(doc: Document, segments: Sequence[Segment]) -> tuple[Question, ...]:
    """The questions of the request as the quoted thread gives them (newest message first)."""
    for message in _quoted_messages(doc, segments):
        body = _message_body(message)
        if not body:
            continue
        items = [it for it in _collect(doc.text, [(SegmentKind.REQUEST, p) for p in body]) if it.text]
        if len(items) >= 2:
            _attach_continuations(items)
            return tuple(
                Question(it.id, squeeze(it.text), it.parent_id, doc.span(it.start, it.end))
                for it in items
            )
        found = _unlabelled_list(doc, body) or _after_lead_in(doc, body)
        requester = not any(_AUTHORITY_VOICE.match(p.text) for p in body[:3]) and not any(
            _NOT_A_REQUEST.search(p.text) or _HANDLING.search(p.text) for p in body
        )
        if not found and requester:
            found = _asks(doc, body)
        if found:
            return found
    return ()


# where a decision's own words end: the review rights after its answers
_REVIEW_RIGHTS = re.compile(
    r"^(?:your )?(?:(?:review|appeal|complaint) rights|rights? (?:of|to) (?:\w+ )?(?:review|appeal|"
    r"complain))|^if you (?:disagree|are (?:unhappy|dissatisfied|not satisfied))",
    _I,
)


def _decision_paras(message: list[Para]) -> list[Para]:
    """A thread message's paragraphs up to where its item-by-item reply ends (the review
    rights or sign-off after the first numbered item): a covering note before it stays."""
    out: list[Para] = []
    for para in message:
        if any(p.label is not None for p in out) and (
            _REVIEW_RIGHTS.match(para.text) or SIGN_OFF.match(para.text)
        ):
            break
        out.append(para)
    return out


def _thread_reply(doc: Document, segments: Sequence[Segment]) -> QuestionsResult | None:
    """A thread page (request, acknowledgement, decision: oldest first) whose own text only
    frames the messages: the request's numbered items, answered one by one in a later
    message ("Part 1 – …"). ``None`` unless a later message answers two items or more."""
    messages = _quoted_messages(doc, segments)
    for n, message in enumerate(messages):
        request = [(SegmentKind.REQUEST, p) for p in _message_body(message)]
        recital = _collect(doc.text, request)
        if len(recital) < 2 or any(it.restated for it in recital):
            continue
        for later in messages[n + 1 :]:
            reply = [(SegmentKind.ANSWERS, p) for p in _decision_paras(later)]
            items = _collect(doc.text, request + reply)
            if sum(1 for it in items if it.restated and it.answer is not None) < 2:
                continue
            _attach_continuations(items)
            _split_loose(items)
            found = _assemble(doc, items, request + reply)
            if found.aligned:
                return found
        return None
    return None


def _unlabelled_list(doc: Document, body: list[Para]) -> tuple[Question, ...]:
    """Short lines after a lead-in ending in a colon: a list whose bullets were lost."""
    for i, para in enumerate(body):
        if not para.text.rstrip().endswith(":"):
            continue
        run: list[Para] = []
        for item in body[i + 1 :]:
            if len(item.text) > _SHORT_ITEM or item.text.endswith(":") or _COURTESY.match(item.text):
                break
            run.append(item)
        if len(run) >= 2:
            return tuple(
                Question(str(k), squeeze(p.text), None, doc.span(p.start, p.end))
                for k, p in enumerate(run, 1)
            )
    return ()


def _after_lead_in(doc: Document, body: list[Para]) -> tuple[Question, ...]:
    """The request an acknowledgement recites after "Your request was:" (up to its own words)."""
    for i, para in enumerate(body):
        if not _LEAD_IN.search(para.text):
            continue
        recital: list[Para] = []
        for item in body[i + 1 :]:
            if _AUTHORITY_VOICE.match(item.text) or re.match(r"^(i am dealing|i have|we)\b", item.text, _I):
                break
            recital.append(item)
        found = _asks(doc, recital, whole=True)
        if found:
            return found
    return ()


def _sentences(para: Para) -> list[tuple[int, str]]:
    """The sentences of ``para`` with their index in ``para.text``."""
    out: list[tuple[int, str]] = []
    pos = 0
    for m in _SENTENCE.finditer(para.text):
        out.append((pos, para.text[pos : m.start()].strip()))
        pos = m.end()
    out.append((pos, para.text[pos:].strip()))
    return [(k, t) for k, t in out if t]


def _asks(doc: Document, paras: list[Para], *, whole: bool = False) -> tuple[Question, ...]:
    """Unnumbered paragraphs as questions: each paragraph that asks opens a new question.

    A paragraph that does not ask carries on the question before it (it sets its scope);
    before the first ask it is context. The question opens at its paragraph's first asking
    sentence, and trailing courtesy ("I am happy for you to redact names") is left out.
    ``whole``: a recital already known to be the request; with no asking sentence at all it
    is one question.
    """
    groups: list[list[tuple[Para, int, int]]] = []  # (para, text start index, text end index)
    for para in paras:
        sentences = _sentences(para)
        asking = [k for k, (_, t) in enumerate(sentences) if _ASK.search(t)]
        if asking:
            first = sentences[asking[0]][0]
            end = len(para.text)
            kept = sentences[asking[0] :]
            while len(kept) > 1 and _COURTESY.match(kept[-1][1]):
                end = kept[-1][0]
                kept.pop()
            groups.append([(para, first, end)])
        elif groups and not _COURTESY.match(para.text):
            groups[-1].append((para, 0, len(para.text)))
    if not groups and whole and paras:
        groups = [[(p, 0, len(p.text)) for p in paras]]
    out = []
    for k, group in enumerate(groups, 1):
        text = " ".join(p.text[a:b].strip() for p, a, b in group).strip("\"“”' ")
        start = offset_in(group[0][0], group[0][1])
        end = offset_in(group[-1][0], group[-1][2])
        out.append(Question(str(k), squeeze(text), None, doc.span(start, max(end, start))))
    return tuple(out)

"""Segment stage: divide a letter into header, request, decision, answers and boilerplate.

The letter is read paragraph by paragraph (wrapped lines joined) and each paragraph gets a
kind from cues that FOI letters share: the salutation closes the header; "You asked:",
"your request for the following:" open the request recital; "Reason for decision", "refusal
notice", "public interest test" mark the decision; complaint rights, the Information
Commissioner, re-use/licence notices and the sign-off are boilerplate; an e-mail header
("From: … Sent: …", "On … wrote:") starts the quoted thread. Adjacent paragraphs of one kind
become one :class:`Segment`.
"""

from __future__ import annotations

import re

from foiparse.document import Block, BlockKind, Document, Segment, SegmentKind
from foiparse.paragraphs import LABEL_START as _LABEL_START
from foiparse.paragraphs import (
    QUOTE_BANNER,
    QUOTE_WROTE,
    SALUTATION,
    SIGN_OFF,
    join_lines,
    opens_quoted_message,
    text_blocks,
)

_I = re.IGNORECASE

BOILERPLATE = re.compile(
    r"internal review|information commissioner|\bico\b|public access counselor|"
    r"rights? (of|to) (appeal|review|complain|request a review)|"
    r"right to (seek|ask for|request|have) (an? )?(internal |investigation and )?review|"
    r"\b(complain|review|investigat|appeal)[^.]{0,80}\b(to|by|with) the (\w+ )?ombudsman|"
    r"\b(contact|write to|apply to|refer \w+ \w+ to) the (\w+ )?ombudsman|"
    r"\b(may|will|intend to) (proactively )?publish (this|our) (response|letter|reply|decision)|"
    r"foia public liaison|office of government information services|"
    r"(for|if you (need|require|have)) any (further|additional) (assistance|questions)|"
    r"^appeals? (procedure|process)|^any appeal against|complaint rights?|^complaints?\W*$|"
    r"if you (are|remain|were) (unhappy|dissatisfied|not (satisfied|content|happy))|"
    # US state letters: "If you believe the City has not complied with the Act, you may …"
    r"(should|if) you wish to (appeal|complain|request a review|seek a review)\b|"
    r"if you believe (that )?[\w .'’]{0,40}\b(has|have|did) not (complied|comply)|"
    r"not (satisfied|content|happy) with (the|this|our) (response|outcome|handling)|"
    r"open government licen[cs]e|re-?use (of )?(the|this|public)|copyright|"
    r"if you have (any )?(further )?(queries|questions)|^complaints? (about|regarding)|do not hesitate|"
    r"if (i|we) can be of (any )?(further|additional) assistance|"
    r"please (contact|let) (me|us) (know )?if you|judicial review|"
    r"this e-?mail,? and any attachments|disclosure log|complaints? (procedure|process)|"
    r"^this (concludes|completes) (our|my|the|(the )?[\w.]+['’]s) (\w+ )?(response|reply)|"
    r"^(we|i) (hope|trust) (that )?(this|the|our) (information|response|reply|letter)|"
    # a short heading over the complaint rights: "Rights of Review", "Your Right to Appeal"
    r"^(your )?(rights? (of|to) (\w+ )?(review|appeal|complain)|(review|appeal|complaint) rights)\W*$",
    _I,
)
# a short line that is not a sentence (an address line, a name, "Tel: …"): after boilerplate it
# is the contact block or footer that the boilerplate leads in to, not more of the reply
_SENTENCE_END = re.compile(r"[.?!:]\W{0,2}$")
_ABBREVIATION_END = re.compile(r"\b[A-Z][a-z]{0,3}\.$")  # "Ave.", "St.", "Ltd."
# contact details and postal codes (UK postcode, US state and ZIP) mark an address block
_CONTACT = re.compile(
    r"\b(?i:tel|telephone|phone|fax|e-?mail|web)\s*:|\bwww\.|https?://|\w@\w|"
    r"\b[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}\b|\b[A-Z]{2} \d{5}\b|\(\d{3}\) ?\d{3}-\d{4}"
)
REQUEST_INTRO = re.compile(
    r"(you (asked|requested|wrote|submitted|said|sought)( for)?|your (original )?request( seeking)?|"
    # "Your original request, made on 3 April 2024, was:"
    r"your (original )?request(,[^,]{0,60},)? (was|reads|read|stated|said|is|sought|asked for)"
    r"( as follows)?|"
    r"(request|requesting|requested|seeking|seek access to|sought|asked for|asking for)\b.{0,60}"
    r"(following|below|as follows)|language of your request|request(ed)? (the )?following|"
    r"^request|^(the )?request was|^questions?|\brequest (for|seeking|asking for)(?=\W*$))"
    r"( (information|records|data|questions?|items?|details|documents))?\W*$",
    _I,
)
# a short heading that opens the reply part ("Disclosure", "Our response:")
ANSWER_HEADING = re.compile(
    r"^(our )?(response|reply|answer|disclosure|information disclosed)s?( to your request)?\W*$",
    _I,
)
# "Portion 2 of your request seeks …": a restatement in the reply, not the recital
RESTATEMENT = re.compile(
    r"^((portion|part|item) \d+ of (your|the) request|q(uestion)? ?\d+[a-z]? ?[-:\u2013])", _I
)
_NOT_REQUEST = re.compile(r"\b(response|reply|answer)", _I)
RESPONSE_START = re.compile(
    # "The Council has received 1,284 …": the authority speaking of itself, with a verb
    r"^(the (\w+ ){0,2}(council|department|authority|trust|board|city|county|village|town|"
    r"office|agency|force|ministry|university|college|commission|service|government|police)"
    r" (has|have|holds?|does|did|do|is|was|can|cannot|can't|will|would|publishes|received|"
    r"located|found|conducted|searched|identified|withholds?|is withholding|must|may)\b|"
    r"(our|my) (response|reply|answer|decision)s?|responses?|reply|answers?|disclosure|"
    r"having (completed|considered|searched|reviewed|examined)|we (have|hold|can|do|are|cannot|can't|"
    r"would|will|located|found|enclose)|i (can|am (able|unable|pleased|writing|sorry|afraid))|"
    r"please (find|see) (the )?(attached|enclosed|below)|see (the )?attached|attached (is|are|please)|"
    r"enclosed (is|are|please)|unfortunately|in (response|regards?|relation) to|this (portion|letter)|"
    r"information (is )?not held|no (information|records|data) |your request (was|has been|is)|"
    r"in accordance with|accordingly|following (an|a) (investigation|search)|"
    r"the information (you|requested|is|was))",
    _I,
)
DECISION = re.compile(
    r"refusal notice|reasons? for (the |my |our )?decision|public interest test|"
    r"(i|we) have (today )?decided|decision:?$|exemptions? (has|have) been applied|"
    r"is exempt (from disclosure )?(under|by virtue)",
    _I,
)
_CLOSING_QUOTE = re.compile(r"[\"”]\W{0,3}$")


_LAST_SENTENCE = re.compile(r"(?:^|(?<=[.?!])\s+)(?P<last>[^.?!]+)$")


# complaint rights and closing courtesies speak to the reader: "you may ask", "if you are …"
_ADDRESSES_READER = re.compile(
    r"\byou (may|can|could|should|will|have (the|a) right|are entitled|are (unhappy|dissatisfied|"
    r"not))|\bif you\b|\byour rights?\b|\bplease\b|\b(contact|write to|telephone|e-?mail)\b",
    _I,
)


# a copyright or re-use notice is closing boilerplate however it is worded
_REUSE = re.compile(r"copyright|open government licen[cs]e|re-?use (of )?(the|this|public)", _I)


def _reasoning(text: str) -> bool:
    """A long paragraph that names the Commissioner or a complaints procedure in passing
    ("In reaching this decision the Council has considered the guidance issued by the
    Information Commissioner …") without telling the reader what they may do: the
    decision's reasons, not closing boilerplate."""
    m = BOILERPLATE.search(text)
    if m is None or m.start() == 0 or len(text) < 200 or _REUSE.search(text):
        return False
    sentences = [t for t in re.split(r"(?<=[.?!])\s+", text) if BOILERPLATE.search(t)]
    return not any(_ADDRESSES_READER.search(t) for t in sentences)


def _contact_line(text: str) -> bool:
    """A short line that is not a sentence: an address line, a name, a job title."""
    ends = _SENTENCE_END.search(text) and not _ABBREVIATION_END.search(text)
    heading = _LABEL_START.match(text) or ANSWER_HEADING.match(text) or RESTATEMENT.match(text)
    return len(text) <= 80 and not ends and not heading


def _page_furniture(paras: list[list[Block]], i: int) -> bool:
    """A contact line at the foot or head of a page ("Emergency and TTY: 9-1-1 …",
    "E-mail: … Website: …") that the loader left in: page furniture, not the letter's words.

    Up to three such lines may stand together between the text and the page break.
    """

    def contact(k: int) -> bool:
        words = text_blocks(paras[k])
        text = " ".join(b.text for b in words)
        return len(words) <= 3 and len(text) < 300 and bool(_CONTACT.search(text))

    def page_break(k: int) -> bool:  # a page break lies between paragraphs k and k + 1
        if k < 0 or k + 1 >= len(paras):
            return False
        a, b = paras[k][-1].page, paras[k + 1][0].page
        return a is not None and b is not None and a != b

    if paras[i][0].page is None or not contact(i):
        return False
    for step in (1, -1):
        k = i
        for _ in range(3):
            if page_break(k if step == 1 else k - 1):
                return True
            k += step
            if not 0 <= k < len(paras) or not contact(k):
                break
    return False


# "… your request under the Access to Information Act, received on 22 January, for:"
_REQUEST_FOR = re.compile(
    r"\byour\b[^.?!]{0,40}\brequest\b[^.?!]*\b(for|seeking|regarding|concerning)\s*:\s*$", _I
)


# "… your request made under the Act, received on 27 May, for the following records:"
_FOLLOWING_FOR = re.compile(
    r"\byour\b[^.?!]{0,40}\brequest\b(?P<rest>[^.?!]*\b(for|seeking|regarding|concerning|about) "
    r"the following\b[^.?!:]{0,20}:\s*$)",
    _I,
)
# "Response to Item 3: …", "Answer to question 2 -": an answer that names its item
_ANSWER_TO_ITEM = re.compile(
    r"^(response|reply|answer)s? to (your )?(item|question|request|part|point|portion)s? "
    r"(no\.? ?)?\d",
    _I,
)


# "As to part (A): …", "In response to item 2, …": the reply taking an item in turn
_ITEM_REPLY = re.compile(
    r"^(as (to|for|regards)|regarding|in (response|relation|reply|regards?) to|"
    r"with (respect|regard) to|turning (now )?to) (your )?(part|item|question|request|point|portion)s?"
    r" (no\.? ?)?\(?(\d{1,2}|[a-z])\b",
    _I,
)


_UNDER_STATUTE = re.compile(
    r",?\s+under (?:the )?[^,:;.]{0,80}?\b(?:act|law|regulations?|code)\b(?: \d{4})?"
    r"(?: \([^)]{0,30}\))?\s*:$",
    _I,
)


def _introduces_request(text: str) -> bool:
    """Whether ``text`` leads in to the recited request ("You asked:").

    A long opening paragraph may end with the lead-in ("… we are now responding to your
    request seeking:"), so its last sentence is judged too.
    """
    if text.rstrip().endswith(":"):
        # "… requesting the following information under the Official Information Act 1982
        # (the Act):": the statute named at the end does not change the lead-in
        text = _UNDER_STATUTE.sub(":", text.rstrip())
    cue = REQUEST_INTRO.search(text) if len(text) < 400 else None
    if cue and not _NOT_REQUEST.search(text):
        # a longer sentence ending "… that you requested." tells, it does not lead in;
        # "Thank you for your request." acknowledges it; "… we will process your request."
        # ends a sentence about something else: only a heading-like line ("Your request")
        # leads in without a colon
        if text.rstrip().endswith(":"):
            return True
        return len(text) < 80 and cue.start() <= 10 and not re.match(r"(many )?thank", text, _I)
    if not text.rstrip().endswith(":"):
        return False
    # "… has completed its response to your request received on 11 June, in which you
    # requested:": the last clause leads in, whatever the sentence said before it
    clause = re.split(r"[,;]\s+", text)[-1]
    if len(clause) < 80 and REQUEST_INTRO.search(clause) and not _NOT_REQUEST.search(clause):
        return True
    if _REQUEST_FOR.search(text[-400:]) and not _NOT_REQUEST.search(text[-400:]):
        return True
    following = _FOLLOWING_FOR.search(text[-400:])
    if following and not _NOT_REQUEST.search(following.group("rest")):
        # "This is in response to your request …, for the following records:": the reply
        # named before the request does not make the lead-in a reply
        return True
    m = _LAST_SENTENCE.search(text[-400:])
    tail = m.group("last") if m else ""
    return (
        len(tail) < len(text) and bool(REQUEST_INTRO.search(tail)) and not _NOT_REQUEST.search(tail)
    )


def _paragraphs(doc: Document) -> list[list[Block]]:
    """Blocks grouped into paragraphs (wrapped lines joined); see :mod:`foiparse.paragraphs`.

    A line that opens closing boilerplate ("If you have any queries …") starts a paragraph of
    its own even when the line before it (a signature line) ran to the wrap width.
    """
    out: list[list[Block]] = []
    for para in join_lines(doc.blocks, doc.blocks):
        # a line opening in lower case ("judicial review of …") carries on a sentence
        cut = next(
            (j for j, b in enumerate(para) if j and not b.text[:1].islower() and BOILERPLATE.match(b.text)),
            None,
        )
        if cut is None:
            out.append(para)
        else:
            out += [para[:cut], para[cut:]]
    return out


_THREAD_FIELD = re.compile(r"^(from|sent|date|to|subject|cc)\s*:", _I)


def _thread_quote(paras: list[list[Block]], i: int, quote_tail: int) -> bool:
    """Whether the quoted run starting at paragraph ``i`` is an earlier e-mail, not a quotation.

    ``quote_tail`` is where the run of quoted (or blank) paragraphs that ends the text starts.
    """
    head = " ".join(b.text for p in paras[i : i + 3] for b in p[:2])
    first = paras[i][0].text
    # inside a quote block any header field opens a message ("From:" needs no "Sent:" below):
    # the block already says it is quoted
    if QUOTE_BANNER.match(first) or QUOTE_WROTE.match(first) or _THREAD_FIELD.match(head):
        return True
    # the run reaches the end: whatever the letter says, it says before the quote
    return i >= quote_tail


def _quote_tail(paras: list[list[Block]]) -> int:
    """Where the run of paragraphs that are all quoted (or blank) and end the text starts
    (``len(paras)`` when the last paragraph is the letter's own): found once, from the end."""
    start = len(paras)
    while start > 0 and all(b.kind is BlockKind.QUOTE or not b.text.strip() for b in paras[start - 1]):
        start -= 1
    return start


def _quoted_start(paras: list[list[Block]]) -> int:
    """Index of the first paragraph of a quoted earlier message, or ``len(paras)``.

    A quoted run (``>`` lines, ``<blockquote>``) cuts the letter only when it is an e-mail
    thread: it runs to the end of the text, or it opens with a message header. A quotation
    inside the letter (the requester's words recited before the answer) is the letter's own.
    """
    quote_tail = _quote_tail(paras)
    for i, para in enumerate(paras):
        if i == 0:
            continue
        first = para[0]
        if first.kind is BlockKind.QUOTE and _thread_quote(paras, i, quote_tail):
            return i
        # a "From:" line needs a header field in the first lines of the next four paragraphs
        window = [p[0].text for p in paras[i + 1 : i + 5]]
        if opens_quoted_message(first.text, window, field_anywhere=True):
            return i
    return len(paras)


# "1.", "(a)", "ii)", "Q2", "Question 3": a bullet glyph ("o Last name") has no number
_LABEL_KEY = re.compile(
    r"^(?:\(?(\d{1,2}|[a-z]|[ivx]{1,4})[.):]|(?:q|question|request|item)\s*(\d{1,2})\b|"
    # "Part (a) – subsidy contract", "Item B:": a lettered item named by a word
    r"(?:part|item|question|request)\s+(?:\(([a-z])\)|([a-z])(?=\s*(?:[.:\-\u2013\u2014]|$))))",
    _I,
)


# "Item 1. USBP located …", "Request 2: …": a numbered item named by a word
_ITEM_WORD = re.compile(
    r"^(?:(?:item|request|question|q)\s*\d{1,2}[a-z]?\s*[.:)\-\u2013]|"
    r"(?:part|item|question|request)\s+(?:\([a-z]\)|[a-z](?=\s*(?:[.:\-\u2013\u2014]|$))))",
    _I,
)


def _label_key(first: Block, text: str) -> str | None:
    """The number or letter of a list item ("a)" -> "a", "Q2" -> "2"); ``None`` for a
    bullet or an unlabelled paragraph."""
    if first.list_label is None and not _LABEL_START.match(text) and not _ITEM_WORD.match(text):
        return None
    m = _LABEL_KEY.match(first.list_label or text) or _LABEL_KEY.match(text)
    return next(g for g in m.groups() if g).lower() if m else None


# "Calls for service: A printout of the log is attached.": after a recited list, a short topic
# and a colon before whole sentences is the reply taking the items in turn
_TOPIC_REPLY = re.compile(r"^[A-Z][\w'’ -]{2,40}:\s+[A-Z0-9]\S*\s+(\S+\s+){4,}")


def _list_goes_on(body: list[list[Block]], texts: list[str], start: int, seen: list[str]) -> bool:
    """Whether the next list item from paragraph ``start`` carries on the labels ``seen``
    (after "a", "b": "c") rather than starting over or being absent."""
    for k in range(start, len(body)):
        key = _label_key(body[k][0], texts[k])
        if key is not None:
            return key not in seen and key != "1" and key != "a" and key != "i"
    return False


_RULE = re.compile(r"^[=\-_*~]{10,}$")
_LETTER_HEAD = 8  # paragraphs a letter's head (date, address, reference) may take


def _letter_after_rule(body: list[list[Block]], texts: list[str], i: int) -> int | None:
    """When paragraph ``i`` opens with a horizontal rule ("=====") and a salutation follows
    a few lines below, the index of that salutation: a letter starts after the rule."""
    if not _RULE.match(body[i][0].text.strip()):
        return None
    for k in range(i + 1, min(len(texts), i + 1 + _LETTER_HEAD)):
        if SALUTATION.match(texts[k]):
            return k
    return None


def classify_paragraphs(doc: Document) -> list[tuple[SegmentKind, list[Block]]]:
    """Each paragraph of ``doc`` with its segment kind, in order."""
    paras = _paragraphs(doc)
    quoted = _quoted_start(paras)
    body = paras[:quoted]
    kinds: list[SegmentKind] = [SegmentKind.ANSWERS] * len(body)
    texts = [" ".join(b.text for b in text_blocks(p)) for p in body]

    header_end = -1
    for i, text in enumerate(texts[: max(3, int(len(texts) * 0.6))]):
        if SALUTATION.match(text):
            header_end = i
            break
    for i in range(header_end + 1):
        kinds[i] = SegmentKind.HEADER

    state = SegmentKind.ANSWERS
    signed = False
    answering = False
    request_labels: list[str] = []  # the list labels of the recital, in order
    request_items = 0  # the recital's list items, bullets included
    second_header = -1
    for i in range(header_end + 1, len(body)):
        text = texts[i]
        if i <= second_header:
            kinds[i] = SegmentKind.HEADER
            continue
        if signed:
            kinds[i] = SegmentKind.BOILERPLATE
            greeting = _letter_after_rule(body, texts, i)
            if greeting is not None:
                # a cover note signed off above a rule, then the letter itself ("Tēnā koe …")
                signed = False
                second_header = greeting
                state = SegmentKind.ANSWERS
                kinds[i] = SegmentKind.HEADER  # the rule's paragraph may hold the date
            continue
        if SIGN_OFF.match(text):
            signed = True
            kinds[i] = SegmentKind.BOILERPLATE
            continue
        labelled = (
            body[i][0].list_label is not None
            or _LABEL_START.match(text)
            or _ANSWER_TO_ITEM.match(text)
        )
        # "3. How many internal reviews were held?" is a question, not complaint rights
        if BOILERPLATE.search(text) and not labelled and not _reasoning(text):
            kinds[i] = SegmentKind.BOILERPLATE
            continue
        if _page_furniture(body, i):
            kinds[i] = SegmentKind.BOILERPLATE
            continue
        if kinds[i - 1] is SegmentKind.BOILERPLATE and (
            _contact_line(text) or (len(text) < 400 and _CONTACT.search(text))
        ):
            kinds[i] = SegmentKind.BOILERPLATE
            continue
        left_request = state is SegmentKind.REQUEST
        if state is SegmentKind.REQUEST:
            key = _label_key(body[i][0], text)
            if key is not None and request_labels and key == request_labels[0]:
                # the list starts over ("a) … d)" recited, then "a) Enclosed please find …"):
                # the reply has begun, with the unlabelled lead-in before it
                k = i - 1
                while k > header_end and kinds[k] is SegmentKind.REQUEST and (
                    _label_key(body[k][0], texts[k]) is None
                ):
                    kinds[k] = SegmentKind.ANSWERS
                    k -= 1
                state = SegmentKind.ANSWERS
                request_labels = []
            elif (
                RESPONSE_START.match(text)
                or (request_items and not labelled and _TOPIC_REPLY.match(text))
                or ANSWER_HEADING.match(text)
                or RESTATEMENT.match(text)
                or _ITEM_REPLY.match(text)
                or DECISION.search(text)
            ):
                state = SegmentKind.DECISION if DECISION.search(text) else SegmentKind.ANSWERS
                if request_labels and _list_goes_on(body, texts, i + 1, request_labels):
                    # "(a) How many …?" / "The Council has received …" / "(b) …": questions
                    # and answers take turns, so the recited items are the reply's too
                    first_item = i
                    for k in range(i - 1, header_end, -1):
                        if kinds[k] is not SegmentKind.REQUEST:
                            break
                        if _label_key(body[k][0], texts[k]) is not None:
                            first_item = k
                    for k in range(first_item, i):
                        kinds[k] = SegmentKind.ANSWERS
                request_labels = []
            else:
                kinds[i] = SegmentKind.REQUEST
                if key is not None:
                    request_labels.append(key)
                request_items += bool(labelled)
                if _CLOSING_QUOTE.search(text) and not _LABEL_START.match(text):
                    state = SegmentKind.ANSWERS
                continue
        # the paragraph that ends the recital ("Your request is granted in part, as follows.")
        # does not open another one
        if not left_request and _introduces_request(text):
            state = SegmentKind.REQUEST
            request_labels = []
            request_items = 0
            kinds[i] = SegmentKind.REQUEST
            continue
        if state is SegmentKind.ANSWERS and _LABEL_START.match(text):
            answering = True
        if DECISION.search(text) and not answering:
            # once questions are being answered, refusal wording belongs to an answer
            state = SegmentKind.DECISION
        elif state is SegmentKind.DECISION and (
            ANSWER_HEADING.match(text) or _LABEL_START.match(text)
        ):
            state = SegmentKind.ANSWERS
        kinds[i] = state
    out = list(zip(kinds, body, strict=True))
    out += [(SegmentKind.QUOTED, p) for p in paras[quoted:]]
    return out


def segment(doc: Document) -> tuple[Segment, ...]:
    """The letter's segments in order; adjacent paragraphs of one kind are merged."""
    segments: list[Segment] = []
    for kind, blocks in classify_paragraphs(doc):
        start, end = blocks[0].start, blocks[-1].end
        if segments and segments[-1].kind is kind:
            segments[-1] = Segment(kind, segments[-1].start, end)
        else:
            segments.append(Segment(kind, start, end))
    return tuple(end_requests_at_reply(doc.text, segments))


# WhatDoTheyKnow-style thread pages close every message with this line.
_THREAD_MESSAGE_END = re.compile(r"^link to this$", re.I | re.M)
# A heading line followed by a paragraph of prose ("Findings of the review", "Handling of your
# request"): the letter's own reasoning starts there.
_HEADING_THEN_PROSE = re.compile(
    r"(?<=\n)[#*\s]*(?-i:[A-Z])[^\n.;:,?!]{2,55}(?<![\s,;:])[*]*\n"
    r"(?=[ \t]*(?![0-9ivx]{1,4}[.)]|\(|[-\u2022*>])[^\n]{60,})",
    re.I,
)
# A line opening with the authority's report of its search or review ("A search of the Office
# of X located 212 pages", "We have reviewed these records"): the reply has begun.
_SEARCH_REPORT_LINE = re.compile(
    r"(?<=\n)[ \t]*(?:(?:a|an|our|the)\s+(?:\w+\s+){0,2}(?:search|review)\s+(?:of|for|located|"
    r"identified|found|has|was)\b|we\s+(?:have\s+)?(?:now\s+)?(?:conducted|searched|located|"
    r"identified|reviewed|processed|completed)\b)",
    re.I,
)


def end_requests_at_reply(text: str, segments: list[Segment]) -> list[Segment]:
    """Recited requests cut short where the reply starts.

    The paragraph rules can run a recited request on past its end: on a thread page, past the
    end of its message; in a letter, past a heading that opens the letter's reasoning or the
    authority's report of its search. What follows the cut is the reply.
    """
    ends = [m.start() for m in _THREAD_MESSAGE_END.finditer(text)]
    if len(ends) < 2:
        ends = []
    out: list[Segment] = []
    for seg in segments:
        cuts: list[int] = []
        if seg.kind is SegmentKind.REQUEST:
            cuts = [e for e in ends if seg.start < e < seg.end]
            cuts += [m.start() for m in _HEADING_THEN_PROSE.finditer(text, seg.start + 1, seg.end)]
            cuts += [m.start() for m in _SEARCH_REPORT_LINE.finditer(text, seg.start + 1, seg.end)]
        cut = min(cuts, default=seg.end)
        if cut >= seg.end:
            out.append(seg)
            continue
        out.append(Segment(seg.kind, seg.start, cut - 1 if text[cut - 1] == "\n" else cut))
        out.append(Segment(SegmentKind.ANSWERS, cut, seg.end))
    return out

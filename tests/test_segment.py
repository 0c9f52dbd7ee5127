"""Segments of synthetic letters, and the ground rules that join wrapped lines into paragraphs."""

from __future__ import annotations

from itertools import pairwise

import pytest

from foiparse.document import BlockKind, Document, DocumentBuilder, SegmentKind
from foiparse.paragraphs import is_furniture, is_hard_wrapped, join_lines
from foiparse.records import SourceFormat
from foiparse.segment import segment


def build(lines: list[str]) -> Document:
    builder = DocumentBuilder(SourceFormat.TEXT)
    for line in lines:
        builder.add(line)
    return builder.build()


def kind_of(doc: Document, needle: str) -> SegmentKind:
    at = doc.text.index(needle)
    return next(s.kind for s in segment(doc) if s.start <= at < s.end)


LETTER = [
    "Northshire Council",
    "12 March 2024",
    "Dear Ms Patel,",
    "You asked:",
    "1. How many potholes were repaired in 2023?",
    "Our response:",
    "We repaired 1,204 potholes in 2023.",
    "Reasons for decision",
    "Some records are exempt under section 40(2).",
    "If you are unhappy with this response you may ask for an internal review.",
    "Yours sincerely",
    "Information Officer",
    "From: Priya Patel",
    "Sent: 1 March 2024 09:12",
    "To: FOI Team",
    "How many potholes were repaired in 2023?",
]


@pytest.mark.parametrize(
    ("needle", "kind"),
    [
        ("12 March 2024", SegmentKind.HEADER),
        ("Dear Ms Patel", SegmentKind.HEADER),
        ("1. How many potholes", SegmentKind.REQUEST),
        ("We repaired", SegmentKind.ANSWERS),
        ("Reasons for decision", SegmentKind.DECISION),
        ("If you are unhappy", SegmentKind.BOILERPLATE),
        ("Yours sincerely", SegmentKind.BOILERPLATE),
        ("From: Priya", SegmentKind.QUOTED),
    ],
    ids=["date", "salutation", "recital", "answer", "decision", "complaint-rights", "sign-off",
         "quoted-thread"],
)
def test_segment_kinds(needle: str, kind: SegmentKind) -> None:
    assert kind_of(build(LETTER), needle) is kind


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("APPEALS PROCEDURE", SegmentKind.BOILERPLATE),
        ("Complaint rights", SegmentKind.BOILERPLATE),
        ("Please see the attached policy.", SegmentKind.ANSWERS),
        ("Your right to seek a review", SegmentKind.BOILERPLATE),
        ("You may contact our FOIA Public Liaison at 202-555-0100 for any further assistance.",
         SegmentKind.BOILERPLATE),
        ("Rights of Review", SegmentKind.BOILERPLATE),
        ("You have the right to seek an investigation and review by the Ombudsman of this "
         "decision.", SegmentKind.BOILERPLATE),
        ("If you wish to complain about this decision you may write to the State Ombudsman.",
         SegmentKind.BOILERPLATE),
        ("Please note that we may publish this response on our website.",
         SegmentKind.BOILERPLATE),
        ("The Ombudsman's office received 41 complaints in 2023.", SegmentKind.ANSWERS),
        ("If you believe the City has not complied with the Act, you may contact the Attorney "
         "General.", SegmentKind.BOILERPLATE),
        ("Should you wish to appeal this determination, you may do so in writing within 30 "
         "days.", SegmentKind.BOILERPLATE),
    ],
    ids=["appeals-heading", "complaint-heading", "answer-text", "review-heading",
         "us-public-liaison", "rights-of-review-heading", "ombudsman-review",
         "complain-to-ombudsman", "publish-response", "ombudsman-in-answer",
         "believe-not-complied", "should-you-wish-to-appeal"],
)
def test_boilerplate_headings(heading: str, kind: SegmentKind) -> None:
    doc = build(["Dear Sir,", "Thank you for your request.", heading, "Yours faithfully"])
    assert kind_of(doc, heading) is kind


def test_segments_cover_the_text_in_order() -> None:
    doc = build(LETTER)
    segments = segment(doc)
    assert segments[0].start == 0 and segments[-1].end == len(doc.text)
    for a, b in pairwise(segments):
        assert a.end < b.start and a.kind is not b.kind


WRAPPED = [
    "Thank you for your request for information which we received on 3 May and",
    "which we have dealt with under the Freedom of Information Act 2000. We hold",
    "the information you asked for and it is set out in the table attached to",
    "this letter, together with the notes that explain how the figures were made.",
    "Jo Marsh, Director of Place",
    "If you have any queries about this response, please do not hesitate to",
    "contact us at the address above, quoting the reference printed at the top.",
    "The information supplied is available for re-use under the Open Government",
    "Licence, and the terms of the licence can be found on the National Archives",
    "website; when re-using it please include the attribution statement below.",
]


def test_wrapped_lines_join_into_paragraphs() -> None:
    doc = build(WRAPPED)
    assert is_hard_wrapped(doc.blocks)
    paras = [" ".join(b.text for b in group) for group in join_lines(doc.blocks, doc.blocks)]
    assert paras[0].endswith("how the figures were made.")
    # the next word ("If") would have fitted on the short line: the writer broke it there
    assert paras[1] == "Jo Marsh, Director of Place"
    assert paras[2].startswith("If you have any queries") and paras[2].endswith("at the top.")


@pytest.mark.parametrize(
    "lines",
    [
        ["• The value of the winning tender", "Jane Doe, Director of Place"] * 6,
        ["1. Name of the supplier. Acme Ltd", "2. Contract length. 14 months"] * 2,
    ],
    ids=["short-list-lines", "too-few-lines"],
)
def test_one_line_per_paragraph_is_not_wrapped(lines: list[str]) -> None:
    assert not is_hard_wrapped(build(lines).blocks)


CLOSING = [
    "Dear Mr. Fan:",
    "Your request was reviewed. A list of the districts is enclosed.",
    "If I can be of further assistance, you may contact me at the following address:",
    "Police Department",
    "Attn: Freedom of Information Officer",
    "3510 S. Michigan Ave.",
    "Chicago, IL 60653",
    "This concludes our response to your request.",
    "Chair : A. Person",
    "Sincerely,",
]


@pytest.mark.parametrize(
    ("needle", "kind"),
    [
        ("Your request was reviewed", SegmentKind.ANSWERS),
        ("Attn: Freedom", SegmentKind.BOILERPLATE),
        ("3510 S. Michigan Ave.", SegmentKind.BOILERPLATE),
        ("Chicago, IL 60653", SegmentKind.BOILERPLATE),
        ("This concludes", SegmentKind.BOILERPLATE),
        ("Chair : A. Person", SegmentKind.BOILERPLATE),
    ],
    ids=["answer", "contact-name", "street-abbreviation", "city-zip", "concludes", "officers"],
)
def test_contact_block_after_boilerplate(needle: str, kind: SegmentKind) -> None:
    assert kind_of(build(CLOSING), needle) is kind


@pytest.mark.parametrize(
    ("lines", "needle", "kind"),
    [
        (["Dear Ms Okafor:",
          "This letter responds to your request received on 2 May. We asked for more time on "
          "9 May and are now responding to your request seeking:",
          "• records for every ranger", "We enclose the records."],
         "• records for every ranger", SegmentKind.REQUEST),
        (["Mr. Stecklow:", "We enclose the records you asked for."],
         "We enclose", SegmentKind.ANSWERS),
        (["Dear Ms Hunt:", "The department is in receipt of your request for:",
          '"1. First name, 2. Gender."', "Your request was reviewed."],
         '"1. First name', SegmentKind.REQUEST),
        (["Dear Sir,", "Attached please find the excel spreadsheet that we have prepared "
          "to provide the electronic documents that you requested.", "Yours faithfully"],
         "Attached please find", SegmentKind.ANSWERS),
        (["Dear Mr. Roy:", "This is further to your request made under the Access to "
          "Information Act, which the Agency received on January 22, 2025, for:",
          '"All records about grain terminal inspections."', "Your request is very broad."],
         '"All records about', SegmentKind.REQUEST),
        (["Dear Mr. Roy:", "This is further to your request made under the Access to "
          "Information Act, which the Agency received on January 22, 2025, for:",
          '"All records about grain terminal inspections."', "Your request is very broad."],
         "Your request is very broad", SegmentKind.ANSWERS),
    ],
    ids=["lead-in-ends-long-paragraph", "mr-salutation", "request-for-colon",
         "you-requested-in-passing", "your-request-received-for-colon",
         "reply-after-quoted-request"],
)
def test_request_lead_ins(lines: list[str], needle: str, kind: SegmentKind) -> None:
    assert kind_of(build(lines), needle) is kind


def test_signature_line_before_boilerplate_stays_in_the_reply() -> None:
    doc = build(WRAPPED)
    assert kind_of(doc, "Jo Marsh") is SegmentKind.ANSWERS
    assert kind_of(doc, "If you have any queries") is SegmentKind.BOILERPLATE


def test_page_footer_is_boilerplate() -> None:
    builder = DocumentBuilder(SourceFormat.PDF)
    for text, page in [
        ("Dear Ms Ray,", 1),
        ("The department is in receipt of your request for the following:", 1),
        ('"All invoices for 2014."', 1),
        ("Emergency: 9-1-1 | Non Emergency: (312) 746-6000", 1),
        ("E-mail: police@example.org | Website: www.example.org", 1),
        ("Your request was reviewed by the undersigned.", 2),
        ("Sincerely,", 2),
    ]:
        builder.add(text, page=page)
    doc = builder.build()
    assert kind_of(doc, "Emergency") is SegmentKind.BOILERPLATE
    assert kind_of(doc, "Your request was reviewed") is SegmentKind.ANSWERS


@pytest.mark.parametrize(
    ("text", "furniture"),
    [
        ("E-mail: police@example.org - Website: www.example.org/police", True),
        ("Emergency and TTY: 9-1-1 - Non Emergency and TTY: (312) 746-6000", True),
        ("Email: foi@example.gov.uk", False),
        ("Contact us at foi@example.gov.uk, tel: 0114 273 4567 or www.example.gov.uk.", False),
    ],
    ids=["email-website", "phone-lines", "one-address-answer", "sentence"],
)
def test_is_furniture(text: str, furniture: bool) -> None:
    assert is_furniture(text) is furniture


def build_marked(lines: list[str]) -> Document:
    """Like :func:`build`, with "> " lines made quoted blocks (``>`` or ``<blockquote>``)."""
    builder = DocumentBuilder(SourceFormat.TEXT)
    for line in lines:
        if line.startswith("> "):
            builder.add(line[2:], kind=BlockKind.QUOTE)
        else:
            builder.add(line)
    return builder.build()


QUOTATION_IN_LETTER = [
    "Dear Requester,",
    "Your request",
    "> Q1. Does the force own a drone?",
    "Our response",
    "The force can neither confirm nor deny that it holds the information.",
    "Yours sincerely,",
    "Information Officer",
    "> From: A Requester",
    "> Sent: 2 May 2024",
    "> Q1. Does the force own a drone?",
]
PORTAL_ORIGINAL_REQUEST = [
    "Dear Ms Lee,",
    "We need more time to respond to your request, and will reply by 4 June.",
    "Sincerely,",
    "Office of the City Clerk",
    "--- Original request (submitted May 1, 2025 via the portal) ---",
    "I am requesting the following records:",
    "\u2022 All body camera policies in effect in 2024.",
]
TRAILING_QUOTE = [
    "Dear Ms Lee,",
    "Please find the figures attached.",
    "Kind regards,",
    "FOI Team",
    "> Could you tell me the number of staff employed in 2023?",
]


@pytest.mark.parametrize(
    ("lines", "needle", "kind"),
    [
        (QUOTATION_IN_LETTER, "Q1. Does the force", SegmentKind.REQUEST),
        (QUOTATION_IN_LETTER, "The force can neither", SegmentKind.ANSWERS),
        (QUOTATION_IN_LETTER, "From: A Requester", SegmentKind.QUOTED),
        (TRAILING_QUOTE, "Could you tell me", SegmentKind.QUOTED),
        (PORTAL_ORIGINAL_REQUEST, "All body camera", SegmentKind.QUOTED),
        (PORTAL_ORIGINAL_REQUEST, "We need more time", SegmentKind.ANSWERS),
    ],
    ids=["block-quoted-recital", "reply-after-quotation", "quoted-message-header",
         "trailing-quote-is-thread", "portal-original-request", "notice-before-original"],
)
def test_quotation_or_thread(lines: list[str], needle: str, kind: SegmentKind) -> None:
    doc = build_marked(lines)
    at = doc.text.index(needle)
    assert next(s.kind for s in segment(doc) if s.start <= at < s.end) is kind


@pytest.mark.parametrize(
    ("lines", "needle", "kind"),
    [
        (["Dear Sir:", "You requested:", "a) Use of force reports;", "b) The pursuit policy.",
          "Your request is granted in part, as follows.", "a) Enclosed please find 37 reports.",
          "b) Enclosed please find the policy."],
         "Your request is granted", SegmentKind.ANSWERS),
        (["Dear Sir:", "You requested:", "a) Use of force reports;", "b) The pursuit policy.",
          "Your request is granted in part, as follows.", "a) Enclosed please find 37 reports.",
          "b) Enclosed please find the policy."],
         "a) Enclosed please find", SegmentKind.ANSWERS),
        (["Dear Sir:", "You requested:", "1. Offense report 24-017;", "2. Dash camera video.",
          "The Attorney General has ruled. In accordance with that ruling, the City responds "
          "as follows.", "1. Basic information is enclosed.", "2. The video is withheld."],
         "In accordance with", SegmentKind.ANSWERS),
        (["Dear Requester", "You asked:", "(a) How many applications were received?",
          "The Council has received 1,284 applications.", "(b) How many were refused?",
          "37 were refused."],
         "(a) How many", SegmentKind.ANSWERS),
        (["Dear Ms Lane:", "You requested the following:", "- Calls for service in 2023.",
          "- The pursuit policy.", "Calls for service: A printout of the call log for the "
          "address is attached."],
         "Calls for service: A printout", SegmentKind.ANSWERS),
        (["Dear Mr Ives,", "Thank you for your email, in which you requested:",
          '"All information about road safety."', "We want to help you.",
          "Once we receive your clarification we will process your request."],
         "Once we receive", SegmentKind.ANSWERS),
        (["Dear Ms Hale,", "Your original request, made on 3 April 2024, was:",
          '"Please provide the submissions."', "I uphold the original response."],
         "Please provide the submissions", SegmentKind.REQUEST),
        (["Dear Mr Cole:", "The City has completed its response to your request received on "
          "June 11, in which you requested:", "1. Incident reports.", "2. The contract.",
          "Response to Item 1: The reports are withheld.", "Response to Item 2: The contract "
          "is posted online. Please let us know if you have trouble accessing it."],
         "1. Incident reports", SegmentKind.REQUEST),
        (["Dear Mr Cole:", "You requested:", "1. Incident reports.", "2. The contract.",
          "Response to Item 1: The reports are withheld.", "Response to Item 2: The contract "
          "is posted online. Please let us know if you have trouble accessing it."],
         "Response to Item 2", SegmentKind.ANSWERS),
        (["Dear Mr Ortiz:", "You requested the following records:", "1. Incident reports.",
          "2. The pursuit policy.", "A search of the Patrol Division located 40 pages.",
          "Item 1. The reports are released in part.", "Item 2. The policy is released."],
         "A search of the Patrol", SegmentKind.ANSWERS),
        (["Dear Ms Lowe:", "I have reviewed your appeal. Your request sought:",
          "(A) all e-mails with the developer;", "(B) all drafts of the study.",
          "As to part (A): The appeal is granted."],
         "As to part (A)", SegmentKind.ANSWERS),
        (["Dear Ms Lowe:", "I have reviewed your appeal. Your request sought:",
          "(A) all e-mails with the developer;", "(B) all drafts of the study.",
          "As to part (A): The appeal is granted."],
         "(A) all e-mails", SegmentKind.REQUEST),
        (["Dear Requester,", "Thank you for your email of 17 May, requesting the following "
          "information under the Official Information Act 1982 (the Act):",
          "1. The number of grants offered.", "2. The value of the grants."],
         "1. The number of grants", SegmentKind.REQUEST),
        (["Dear Ms Roy:", "This is in response to your request made under the Access to "
          "Information Act, received on May 2, for the following records:",
          "\u201cAll briefing notes about the ferry contract.\u201d",
          "A search located 12 pages, which are withheld."],
         "\u201cAll briefing notes", SegmentKind.REQUEST),
    ],
    ids=["granted-in-part-lead-in", "list-starts-over", "in-accordance-with",
         "questions-and-answers-take-turns", "topic-colon-reply", "not-a-lead-in-mid-sentence",
         "request-made-on-was", "last-clause-leads-in", "answer-naming-item-not-boilerplate",
         "item-word-list-starts-over", "as-to-part-ends-recital", "your-request-sought",
         "statute-named-after-lead-in", "response-named-before-request-for-the-following"],
)
def test_recital_ends(lines: list[str], needle: str, kind: SegmentKind) -> None:
    assert kind_of(build(lines), needle) is kind


REASONS_NAMING_THE_COMMISSIONER = (
    "In reaching this decision the Council has considered the guidance issued by the "
    "Information Commissioner and the approach of the Upper Tribunal, looking at the burden on "
    "the Council, the motive of the requester, the value or serious purpose of the request and "
    "any harassment or distress to staff."
)


# a re-use notice that does not tell the reader what they "may" do is still boilerplate
COPYRIGHT_NOTICE = (
    "The information supplied to you continues to be protected by copyright. You are free to "
    "use it for your own purposes, including for private study and non-commercial research, "
    "and for any other purpose authorised by an exception in current copyright law."
)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (REASONS_NAMING_THE_COMMISSIONER, SegmentKind.DECISION),
        ("If you are dissatisfied with this decision you may complain to the Information "
         "Commissioner.", SegmentKind.BOILERPLATE),
        ("This concludes the City's response to your request.", SegmentKind.BOILERPLATE),
        (COPYRIGHT_NOTICE, SegmentKind.BOILERPLATE),
    ],
    ids=["reasons-name-commissioner", "complaint-rights", "this-concludes-the-citys-response",
         "copyright-notice-without-you-may"],
)
def test_reasons_or_boilerplate(text: str, kind: SegmentKind) -> None:
    lines = ["Dear Ms Ford,", "Decision", "The Council has decided to refuse your request under "
             "section 14(1).", text, "Yours sincerely", "FOI Officer"]
    assert kind_of(build(lines), text[:30]) is kind


COVER_NOTE_THEN_LETTER = [
    "Kia ora Aroha",
    "Please find below the Ministry's response to your request.",
    "Ng\u0101 mihi",
    "Ministerial Services",
    "=" * 60,
    "27 June 2024",
    "Ref: OIA-2024-0001",
    "T\u0113n\u0101 koe Aroha",
    "Thank you for your email, in which you requested:",
    "1. The number of grants offered in 2024.",
    "My response is set out below.",
    "If you are unhappy with this response you may complain to the Ombudsman.",
    "N\u0101ku noa, n\u0101",
]


@pytest.mark.parametrize(
    ("needle", "kind"),
    [
        ("Ministerial Services", SegmentKind.BOILERPLATE),
        ("Ref: OIA", SegmentKind.HEADER),
        ("1. The number of grants", SegmentKind.REQUEST),
        ("My response is set out", SegmentKind.ANSWERS),
        ("If you are unhappy", SegmentKind.BOILERPLATE),
    ],
    ids=["cover-note-signature", "letter-head-after-rule", "letter-recital", "letter-reply",
         "letter-boilerplate"],
)
def test_cover_note_above_a_rule(needle: str, kind: SegmentKind) -> None:
    """An e-mail's short cover note, signed off, then a rule and the letter itself."""
    assert kind_of(build(COVER_NOTE_THEN_LETTER), needle) is kind


def test_lower_case_line_does_not_open_boilerplate() -> None:
    """A wrapped line opening in lower case ("judicial review of …") carries on the sentence
    above it: the whole paragraph is closing boilerplate, not half of it the reply."""
    lines = [
        "Dear Ms Ford:",
        "As to part (A): The appeal is granted. The records will be released to you in",
        "electronic form within twenty business days of the date of this determination,",
        "with the personal telephone numbers of the Board members and of the applicant's",
        "employees redacted, as disclosure would be an unwarranted invasion of privacy.",
        "As to part (B): The appeal is denied. The drafts prepared by the consultant are",
        "intra-agency materials and consist of predecisional opinions that need not be",
        "disclosed; the final statement is already posted on the Town's website for all.",
        "This determination constitutes the final agency determination on your appeal. You may seek",
        "judicial review of the denial of part (B) by commencing a proceeding under Article",
        "78 of the Civil Practice Law and Rules within four months of this determination.",
        "Very truly yours,",
    ]
    doc = build(lines)
    assert is_hard_wrapped(doc.blocks)
    assert kind_of(doc, "This determination constitutes") is SegmentKind.BOILERPLATE
    assert kind_of(doc, "As to part (B)") is SegmentKind.ANSWERS

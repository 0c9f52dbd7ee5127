"""Questions and answers found in synthetic letters, one layout per case."""

from __future__ import annotations

import pytest

from foiparse.document import DocumentBuilder
from foiparse.extract.numbering import Scheme, normalise_id, read_label
from foiparse.extract.questions import QuestionsResult, extract_questions
from foiparse.records import SourceFormat
from foiparse.segment import segment


def run(lines: list[str]) -> QuestionsResult:
    builder = DocumentBuilder(SourceFormat.TEXT)
    for line in lines:
        builder.add(line)
    doc = builder.build()
    return extract_questions(doc, segment(doc))


SIGN = ["If you are unhappy with this response you may ask for an internal review.",
        "Yours sincerely", "Information Officer"]

RECITAL_GROUPS = [
    "Dear Applicant,",
    "I note you seek access to the following information:",
    "1. Has the council installed speed cameras on Elm Road?",
    "a. If so, please provide the dates of installation.",
    "2. How many fines were issued in 2023?",
    "Q1 - Has the council installed speed cameras on Elm Road?",
    "Q1a - If so, please provide the dates of installation.",
    "Two cameras were installed on Elm Road.",
    "For part A - They were installed in March 2021.",
    "Q2 - How many fines were issued in 2023?",
    "We issued 412 fines in 2023.",
    *SIGN,
]

INLINE = [
    "Dear Ms Smith,",
    "Please see our response below:",
    "1. Name of the current supplier of the parking system. Acme Parking Ltd",
    "2. Length of time the contract has been in place. 14 months",
    "3. Details of any extension clauses in the contract. No extension clauses",
    *SIGN,
]

ANSWER_PARAGRAPHS = [
    "Dear Mr Jones,",
    "Please find our response to your request below:",
    "1) The number of parking wardens employed in 2022.",
    "We employed 31 parking wardens in 2022.",
    "2) Copies of the enforcement policy.",
    "Please see the attached policy document.",
    *SIGN,
]

BULLETS_WITH_ANSWER_LIST = [
    "Dear Ms Brown,",
    "Please find our response to your request below:",
    "• The value of the winning tender",
    "The Council considers this exempt because disclosure would:",
    "• Prejudice commercial interests of the supplier",
    "• Reduce future competition",
    "• The name of the senior officer responsible",
    "Jane Doe, Director of Place",
    *SIGN,
]

ONE_ANSWER_FOR_ALL = [
    "Dear Sir,",
    "You asked:",
    "1. The number of bins collected in 2021.",
    "2. The number of bins collected in 2022.",
    "Our response:",
    "Please see the attached spreadsheet.",
    *SIGN,
]

SINGLE_QUOTED = [
    "Dear Mr Fan:",
    "The department is in receipt of your request for the following:",
    '"A list of all district offices and their opening hours."',
    "Your request was reviewed by the undersigned. The list is enclosed with this letter.",
    *SIGN,
]

ACKNOWLEDGEMENT = [
    "Dear Ms Green,",
    "Thank you for your request for information which we received on 3 May 2024.",
    "We will respond within 20 working days.",
    *SIGN,
]

PORTIONS = [
    "Dear Mr Reyes,",
    "The language of your request is immediately below:",
    "+ Invoices for radio equipment.",
    "+ Contracts with radio suppliers.",
    'Portion 1 of your request seeks, "+ Invoices for radio equipment.". No responsive '
    "records were found.",
    'Portion 2 of your request seeks, "+ Contracts with radio suppliers.". A copy of the '
    "contract is enclosed.",
    *SIGN,
]

BY_REFERENCE = [
    "Dear Mr Reyes:",
    "You requested:",
    "1. All road gritting contracts in force in 2023.",
    "2. The home addresses of the gritter drivers.",
    "In response to item 1, enclosed please find the two contracts.",
    "In response to item 2, home addresses are exempt from disclosure.",
    *SIGN,
]

NUMBERS_THEN_ANSWERS = [
    "Dear Requester,",
    "QUESTIONS",
    "1. The number of housing officers working on inpatient wards.",
    "2. The discharge protocol for homeless patients.",
    "3. The number of housing officers working in community teams.",
    "RESPONSES",
    "1. The Trust employs six discharge facilitators.",
    "2. Please see the attached discharge policy.",
    "3. Community teams are supported by four accommodation officers.",
    *SIGN,
]

GROUPED_NUMBERS = [
    "Dear Ms Fillis",
    "Request:",
    "1. The number of patients in contact with services by accommodation status.",
    "2. The number of patients on a care programme by accommodation status.",
    "3. The number of patients in aftercare by accommodation status.",
    "Response:",
    "1 and 2: information is provided in the attached spreadsheet.",
    "3. The Trust cannot comply with part 3 within the appropriate limit.",
    *SIGN,
]

QUOTED_THREAD = [
    "Dear Mr Lee,",
    "Please find attached our response to your request.",
    "Yours sincerely",
    "Records Team",
    "From: Sam Lee",
    "Sent: 02 May 2024 10:00",
    "To: Records Team",
    "Subject: Information request",
    "Dear Records Team,",
    "I understand some reports may be sensitive.",
    "Please could you release the inspection reports for 2023? I am happy for you to redact names.",
    "Can you provide the inspection schedule for 2024?",
    "Yours faithfully,",
    "Sam Lee",
]

QUOTED_UNBULLETED_LIST = [
    "Dear Mr Lee,",
    "Attached is a spreadsheet with the data you asked for.",
    "Sincerely,",
    "Board Secretary",
    "From: Sam Lee",
    "Sent: 02 May 2024 10:00",
    "Hello Ms Grey",
    "I would like to request the same data for all cases. For reference, this data is:",
    "Case number",
    "Date the case was filed",
    "Decision of the board",
    "Please let me know if I can clarify anything.",
]

CASES = {
    "recital-groups-part": (
        RECITAL_GROUPS,
        [("1", None, "Has the council installed speed cameras on Elm Road?"),
         ("1a", "1", "If so, please provide the dates of installation."),
         ("2", None, "How many fines were issued in 2023?")],
        {"1": "Two cameras were installed on Elm Road.",
         "1a": "For part A - They were installed in March 2021.",
         "2": "We issued 412 fines in 2023."},
        True,
    ),
    "inline-answers": (
        INLINE,
        [("1", None, "Name of the current supplier of the parking system."),
         ("2", None, "Length of time the contract has been in place."),
         ("3", None, "Details of any extension clauses in the contract.")],
        {"1": "Acme Parking Ltd", "2": "14 months", "3": "No extension clauses"},
        True,
    ),
    "answer-paragraphs": (
        ANSWER_PARAGRAPHS,
        [("1", None, "The number of parking wardens employed in 2022."),
         ("2", None, "Copies of the enforcement policy.")],
        {"1": "We employed 31 parking wardens in 2022.",
         "2": "Please see the attached policy document."},
        True,
    ),
    "bullets-with-list-in-answer": (
        BULLETS_WITH_ANSWER_LIST,
        [("1", None, "The value of the winning tender"),
         ("2", None, "The name of the senior officer responsible")],
        {"1": "The Council considers this exempt because disclosure would: • Prejudice "
              "commercial interests of the supplier • Reduce future competition",
         "2": "Jane Doe, Director of Place"},
        True,
    ),
    "one-answer-for-all": (
        ONE_ANSWER_FOR_ALL,
        [("1", None, "The number of bins collected in 2021."),
         ("2", None, "The number of bins collected in 2022.")],
        {},
        False,
    ),
    "single-quoted-request": (
        SINGLE_QUOTED,
        [("1", None, "A list of all district offices and their opening hours.")],
        {"1": "Your request was reviewed by the undersigned. The list is enclosed with this "
              "letter."},
        True,
    ),
    "acknowledgement": (ACKNOWLEDGEMENT, [], {}, False),
    "answer-names-its-item": (
        BY_REFERENCE,
        [("1", None, "All road gritting contracts in force in 2023."),
         ("2", None, "The home addresses of the gritter drivers.")],
        {"1": "In response to item 1, enclosed please find the two contracts.",
         "2": "In response to item 2, home addresses are exempt from disclosure."},
        True,
    ),
    "recited-numbers-then-answers": (
        NUMBERS_THEN_ANSWERS,
        [("1", None, "The number of housing officers working on inpatient wards."),
         ("2", None, "The discharge protocol for homeless patients."),
         ("3", None, "The number of housing officers working in community teams.")],
        {"1": "The Trust employs six discharge facilitators.",
         "2": "Please see the attached discharge policy.",
         "3": "Community teams are supported by four accommodation officers."},
        True,
    ),
    "one-answer-for-two-numbers": (
        GROUPED_NUMBERS,
        [("1", None, "The number of patients in contact with services by accommodation status."),
         ("2", None, "The number of patients on a care programme by accommodation status."),
         ("3", None, "The number of patients in aftercare by accommodation status.")],
        {"1": "information is provided in the attached spreadsheet.",
         "2": "information is provided in the attached spreadsheet.",
         "3": "The Trust cannot comply with part 3 within the appropriate limit."},
        True,
    ),
    "request-from-quoted-thread": (
        QUOTED_THREAD,
        [("1", None, "Please could you release the inspection reports for 2023?"),
         ("2", None, "Can you provide the inspection schedule for 2024?")],
        {},
        False,
    ),
    "unbulleted-list-in-quoted-thread": (
        QUOTED_UNBULLETED_LIST,
        [("1", None, "Case number"), ("2", None, "Date the case was filed"),
         ("3", None, "Decision of the board")],
        {},
        False,
    ),
    "portion-restatements": (
        PORTIONS,
        [("1", None, "Invoices for radio equipment."),
         ("2", None, "Contracts with radio suppliers.")],
        {"1": "No responsive records were found.", "2": "A copy of the contract is enclosed."},
        True,
    ),
}


@pytest.mark.parametrize("case", list(CASES), ids=list(CASES))
def test_questions_and_answers(case: str) -> None:
    lines, questions, answers, aligned = CASES[case]
    result = run(lines)
    assert [(q.id, q.parent_id, q.text) for q in result.questions] == questions
    assert {a.question_id: a.text for a in result.answers} == answers
    assert result.aligned is aligned


def test_answer_spans_index_the_text() -> None:
    builder = DocumentBuilder(SourceFormat.TEXT)
    for line in ANSWER_PARAGRAPHS:
        builder.add(line)
    doc = builder.build()
    result = extract_questions(doc, segment(doc))
    for answer in result.answers:
        assert doc.text[answer.start : answer.end] == answer.text


@pytest.mark.parametrize(
    ("text", "scheme", "value", "compound"),
    [
        ("1. Has the", Scheme.NUMBER, "1", None),
        ("(2) How many", Scheme.NUMBER, "2", None),
        ("1.The number", Scheme.NUMBER, "1", None),
        ("Q3a - If so", Scheme.NUMBER, "3", "3a"),
        ("Question 4: What", Scheme.NUMBER, "4", None),
        ("5(b) From where", Scheme.NUMBER, "5", "5b"),
        ("b) From where", Scheme.ALPHA, "b", None),
        ("(ii) Which", Scheme.ROMAN, "ii", None),
        ("• Complete tender", Scheme.BULLET, "", None),
        ("+ Invoices", Scheme.BULLET, "", None),
        ("o Last name", Scheme.BULLET, "", None),
        ('Portion 6 of your request seeks, "+ Court', Scheme.NUMBER, "6", None),
    ],
    ids=["dot", "paren", "no-space", "q-compound", "question-word", "bracket-sub", "alpha",
         "roman", "bullet", "plus", "o-bullet", "portion"],
)
def test_read_label(text: str, scheme: Scheme, value: str, compound: str | None) -> None:
    label = read_label(text)
    assert label is not None
    assert (label.scheme, label.value, label.compound) == (scheme, value, compound)


@pytest.mark.parametrize(
    "text", ["3.5 million pounds", "12:30 pm meeting", "I am writing", "Over 5 years"],
    ids=["decimal", "time", "pronoun", "number-inside"],
)
def test_not_a_label(text: str) -> None:
    assert read_label(text) is None


@pytest.mark.parametrize(
    ("raw", "want"),
    [("Q5a", "5a"), ("5(a)", "5a"), ("5.a", "5a"), ("5 a", "5a"), ("Question 3ii", "3ii")],
    ids=["q", "bracket", "dot", "space", "question-roman"],
)
def test_normalise_id(raw: str, want: str) -> None:
    assert normalise_id(raw) == want

"""Questions and answers found in synthetic letters, one layout per case."""

from __future__ import annotations

import pytest

from foiparse.document import BlockKind, DocumentBuilder
from foiparse.extract.numbering import Scheme, normalise_id, read_label
from foiparse.extract.questions import QuestionsResult, extract_questions
from foiparse.records import SourceFormat
from foiparse.segment import segment


def run(lines: list[str]) -> QuestionsResult:
    """Parse ``lines`` as a letter: "> " opens a quoted line, "| " a table row of cells."""
    builder = DocumentBuilder(SourceFormat.TEXT)
    for line in lines:
        if line.startswith("> "):
            builder.add(line[2:], kind=BlockKind.QUOTE)
        elif line.startswith("| "):
            builder.add(line[2:], kind=BlockKind.TABLE_ROW, cells=line[2:].split(" | "))
        else:
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

# the reply numbers its answers to match a request quoted below it (an e-mail thread)
NUMBERED_REPLIES_TO_QUOTED_REQUEST = [
    "Dear Mr Hale,",
    "Thank you for your request. The Council's answers are numbered to match your questions.",
    "1) 87 contracts for school taxi transport were in place on 1 April 2024.",
    "2) The Council does not hold a record of complaints about drivers.",
    "Complaints are logged under one category for all school transport.",
    "Regards,",
    "Information Governance Team",
    "-----Original Message-----",
    "From: Sam Hale",
    "Sent: 18 April 2024 09:13",
    "To: Information Requests",
    "Subject: FOI request",
    "Dear Council,",
    "I would like to request the following information:",
    "1) How many contracts for school taxi transport did the council have on 1 April 2024?",
    "2) How many complaints about taxi drivers did the council receive in 2023/24?",
    "Many thanks,",
    "Sam Hale",
]

# unnumbered questions restated one by one in quotation marks, each followed by its answer
QUOTED_RESTATEMENTS = [
    "Dear Hemi,",
    "I have restated each part of your request below, followed by our response.",
    "\u201cHow many vehicles are in the Ministry's fleet?\u201d",
    "The fleet comprises 48 vehicles.",
    "\u201cWhat was the total cost of fuel in 2022/23?\u201d",
    "The Ministry spent $61,907 on fuel.",
    "Fuel cards are issued to each pool vehicle.",
    *SIGN,
]

# numbered answers under a numbered recital, reusing the question's opening or closing words
ANSWERS_REUSING_QUESTION_WORDS = [
    "Dear Ms Brennan,",
    "You sought access to the following records:",
    "1. The number of vacant housing units on 1 May 2024.",
    "2. The names of the contractors engaged in 2023, and the amount paid to each.",
    "Our decision on each part is set out below.",
    "1. There were 214 vacant housing units on 1 May 2024, of which 61 were being repaired.",
    "2. The names of the six contractors and the total paid to each are in the schedule.",
    *SIGN,
]

# roman-numbered answers that open with the question's words, then say something else
ROMAN_ANSWERS_REUSING_WORDS = [
    "Dear Mr Pennington",
    "You asked for the following:",
    "(i) copies of contaminated land reports for the Wharf Road site;",
    "(ii) the names and addresses of residents who complained about odours.",
    "Our response to each part of your request is as follows.",
    "(i) Two reports are held and are attached.",
    "(ii) The names and addresses of complainants are personal data. This information is "
    "withheld under regulation 13(1).",
    *SIGN,
]

# "Question 1" alone on its line, the question under it, a "Response" heading over the answer
BARE_LABELS_AND_HEADINGS = [
    "Dear Mr Hollis,",
    "Please find our response to your request below.",
    "Question 1",
    "How many noise complaints did the council receive in 2023?",
    "Response",
    "The council received 1,318 noise complaints in 2023.",
    "Question 2",
    "How many noise abatement notices were served?",
    "Response",
    "We served 57 noise abatement notices in 2023.",
    *SIGN,
]

# unnumbered "Q:" / "A:" pairs
Q_AND_A_PREFIXES = [
    "Dear Mr Patel,",
    "Q: How many parking fines did the council issue in 2023?",
    "A: The council issued 48,221 parking fines in 2023.",
    "Q: How much income did the fines raise?",
    "A: The fines raised \u00a31.9 million.",
    *SIGN,
]

# "Q1. A map of …": the article after the label is not a sub-question letter
Q_LABEL_THEN_ARTICLE = [
    "Dear Mr Baird,",
    "The Council's response to each part of your request is given below.",
    "Q1. A map of the priority gritting routes for winter 2023/24.",
    "The routes are published on our website.",
    "Q2. How many gritting vehicles does the council own?",
    "The Council owns 19 gritting vehicles.",
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

# bullets with sub-bullets of another glyph; the reply answers part by part in unnumbered
# paragraphs that name what they answer (US state letters)
TOPIC_ANSWERS = [
    "Dear Ms Okafor:",
    "This letter responds to your request received by the Department of Parks on 2 May 2022. "
    "We asked for more time on 9 May and are now responding to your request seeking:",
    "• records for every park ranger employed from January 1, 2010 to date:",
    "o Surname",
    "o Badge number",
    "o Hire date",
    "o Annual salary",
    "o Transfer date",
    "• I also request definitions of these column headings:",
    "o Grade code",
    "o Step rate",
    "In response to your request for the surname, badge number, hire date and annual salary "
    "of every ranger from 2012 to date, please see the attached spreadsheet.",
    "In regards to your request for records from January 1, 2010, the Department changed "
    "systems in 2012 and cannot extract earlier data without a manual search.",
    "Similarly, we are unable to provide the transfer date of each ranger because it is not "
    "held electronically and finding it would be unduly burdensome.",
    "In regards to your request for definitions of the column headings, the Act does not "
    "require us to answer questions.",
    "As a courtesy, grade code means the pay band of the post. Step rate is the point "
    "within that band.",
    *SIGN,
]

STATUTE_CLAUSES = [
    "Dear Mr Kroll:",
    "The department is in receipt of your request. You are seeking the following:",
    "Pursuant to the Act, I hereby request the following records:",
    "The invoices paid from the asset forfeiture fund in 2014 and the cheques used to pay them.",
    "Your request was reviewed by the undersigned.",
    "Some details were withheld under section 7(1)(d), which exempts records that would:",
    "(v) disclose unique or specialized investigative techniques;",
    "(vi) endanger the life or physical safety of law enforcement personnel;",
    "The remaining records are enclosed.",
    "If I can be of further assistance, you may contact me at the following address:",
    "Freedom of Information Officer",
    "3510 S. Michigan Ave.",
    "Chicago, IL 60653",
    "Sincerely,",
]

TWO_REQUESTS_QUOTED = [
    "Dear Mr. Martinez:",
    "I am in receipt of the 5 May request for documents that you submitted by email.",
    "You requested \u201celectronic records showing the amounts seized in 2015 and 2016. "
    "Please note I am making two requests.",
    "Documents showing the location of every seizure and the estimated value.\u201d",
    "Attached please find the spreadsheet we prepared in reply to both.",
    *SIGN,
]

NUMBERS_IN_ONE_SENTENCE = [
    "Dear Ms. Hunt:",
    "The department is in receipt of your request for:",
    '"For each officer ever employed by the department, 1. First name and surname, '
    '3. Gender, 4. Year of birth, 5. Date of appointment."',
    "Your request was reviewed by the undersigned. A spreadsheet is enclosed.",
    *SIGN,
]

REQUEST_IN_OPENING_SENTENCE = [
    "Mr. Stecklow:",
    "On behalf of the Office, I am responding to your request received on 29 January 2018.",
    "The Office is now responding to your request seeking: information for all complaints "
    "held in the case database: case number;",
    "category; whether the officer was on duty.\u201d",
    "At this time we are sending you the information in four spreadsheets.",
    "In the event that you are not satisfied, you have a right of review by the Public Access "
    "Counselor.",
]

UNCLOSED_RESTATEMENTS = [
    "Dear Mr Reyes,",
    "The language of your request is immediately below:",
    "+ Invoices for radio equipment bought by the force.",
    "+ Contracts with radio suppliers.",
    'Portion 1 of your request seeks, "+ Invoices for radio equipment bought by the force. In '
    "response to this portion, two invoices are enclosed.",
    'Portion 2 of your request seeks, "+ Contracts with radio suppliers. No responsive '
    "records were found.",
    *SIGN,
]

REQUESTER_CLOSING = [
    "Dear Mr Reyes,",
    "The language of your request is immediately below:",
    "+ Invoices for radio equipment bought",
    "in 2014 and 2015.",
    "+ Documents showing where the funding came from",
    "and which budget paid for the licence.",
    "Please send me these records by email only.",
    'Portion 1 of your request seeks, "+ Invoices for radio equipment bought in 2014 and '
    '2015." Two invoices are enclosed.',
    'Portion 2 of your request seeks, "+ Documents showing where the funding came from and '
    'which budget paid for the licence." None were found.',
    *SIGN,
]

TABLE_RUN = [
    ("Dear Sir/Madam", None),
    ("Thank you for your request, detailed below with our reply.", None),
    ("You asked us: | Our reply:", ("You asked us:", "Our reply:")),
    (
        "1. The number of housing officers. 2. The discharge protocol. | 1. Six officers. "
        "2. Please see the attached protocol.",
        ("1. The number of housing officers. 2. The discharge protocol.",
         "1. Six officers. 2. Please see the attached protocol."),
    ),
    ("If you have any further queries, please contact me.", None),
]

LETTERED_LAW_IN_REPLY = [
    "Dear Ms Fillis,",
    "Your request:",
    "1. The number of patients by accommodation status.",
    "2. The number of patients on a care programme.",
    "See the attached spreadsheet for the data requested.",
    "Personal data must be:",
    "(a) processed lawfully, fairly and in a transparent manner;",
    "(b) collected for specified, explicit and legitimate purposes.",
    *SIGN,
]

BOILERPLATE_WORDS_IN_QUESTION = [
    "Dear Mr Khan,",
    "Please see our response below.",
    "Q1 - How many internal reviews did the council complete in 2023?",
    "No",
    "Q2 - Does the council publish a disclosure log?",
    "Yes",
    *SIGN,
]

RESPONSE_HEADINGS = [
    "Dear Dr Patel,",
    "Your request for information has now been considered. You requested the following:",
    "1. The number of hip replacements carried out in 2022/23.",
    "2. The average waiting time for a hip replacement.",
    "Response to question 1:",
    "The Trust carried out 418 hip replacements in 2022/23.",
    "Response to question 2:",
    "The average waiting time was 39 weeks.",
    *SIGN,
]

NESTED_REPLIES = [
    "Dear Sir",
    "You asked:",
    "1. Does the force use facial recognition?",
    "a) If yes, since when?",
    "b) How many arrests resulted?",
    "2. What is the budget for body worn video?",
    "Response",
    "1. Yes.",
    "a) Since 2019.",
    "b) 35 arrests.",
    "2. \u00a31.2 million.",
    *SIGN,
]

QUESTION_ANSWER_LABELS = [
    "Dear Requester,",
    "Thank you for your request.",
    "Question 1: How many electric vehicle charge points does the council own?",
    "Answer: 56.",
    "Question 2: Who maintains them?",
    "Answer: The maintenance contract is held by ChargeCo Ltd.",
    "We hope this information is helpful.",
    *SIGN,
]

YOUR_REQUEST_WAS = [
    "Dear Ms Adams,",
    "Your request was:",
    '"Please provide the number of school exclusions in each of the last three years."',
    "Our response:",
    "Permanent exclusions numbered 12 in 2021, 19 in 2022 and 24 in 2023.",
    *SIGN,
]

FLAT_TOPIC_REPLY = [
    "Dear Mr Rao:",
    "The Department received your request on June 1, 2023 for the following:",
    "\u2022 Copies of the snow removal contract for 2022",
    "\u2022 The total amount paid to the contractor in 2022",
    "In response to your request for the snow removal contract, please find it attached.",
    "Regarding the total amount paid to the contractor, the Department paid $1,240,000.",
    *SIGN,
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
    "sub-bullets-and-answers-by-topic": (
        TOPIC_ANSWERS,
        [("1", None, "records for every park ranger employed from January 1, 2010 to date:"),
         ("1a", "1", "Surname"), ("1b", "1", "Badge number"), ("1c", "1", "Hire date"),
         ("1d", "1", "Annual salary"), ("1e", "1", "Transfer date"),
         ("2", None, "I also request definitions of these column headings:"),
         ("2a", "2", "Grade code"), ("2b", "2", "Step rate")],
        {"1": "In response to your request for the surname, badge number, hire date and annual "
              "salary of every ranger from 2012 to date, please see the attached spreadsheet. "
              "In regards to your request for records from January 1, 2010, the Department "
              "changed systems in 2012 and cannot extract earlier data without a manual search. "
              "Similarly, we are unable to provide the transfer date of each ranger because it "
              "is not held electronically and finding it would be unduly burdensome.",
         **dict.fromkeys(
             ["1a", "1b", "1c", "1d"],
             "In response to your request for the surname, badge number, hire date and annual "
             "salary of every ranger from 2012 to date, please see the attached spreadsheet."),
         "1e": "Similarly, we are unable to provide the transfer date of each ranger because it "
               "is not held electronically and finding it would be unduly burdensome.",
         "2": "In regards to your request for definitions of the column headings, the Act does "
              "not require us to answer questions. As a courtesy, grade code means the pay band "
              "of the post. Step rate is the point within that band.",
         "2a": "As a courtesy, grade code means the pay band of the post.",
         "2b": "Step rate is the point within that band."},
        True,
    ),
    "statute-clauses-are-not-questions": (
        STATUTE_CLAUSES,
        [("1", None, "The invoices paid from the asset forfeiture fund in 2014 and the cheques "
                     "used to pay them.")],
        {"1": "Your request was reviewed by the undersigned. Some details were withheld under "
              "section 7(1)(d), which exempts records that would: (v) disclose unique or "
              "specialized investigative techniques; (vi) endanger the life or physical safety "
              "of law enforcement personnel; The remaining records are enclosed."},
        True,
    ),
    "requester-says-two-requests": (
        TWO_REQUESTS_QUOTED,
        [("1", None, "electronic records showing the amounts seized in 2015 and 2016."),
         ("2", None, "Documents showing the location of every seizure and the estimated value.")],
        {},
        False,
    ),
    "numbers-inside-one-sentence": (
        NUMBERS_IN_ONE_SENTENCE,
        [("1", None, "First name and surname"), ("3", None, "Gender"),
         ("4", None, "Year of birth"), ("5", None, "Date of appointment.")],
        {},
        False,
    ),
    "request-in-opening-sentence": (
        REQUEST_IN_OPENING_SENTENCE,
        [("1", None, "information for all complaints held in the case database: case number; "
                     "category; whether the officer was on duty.")],
        {"1": "At this time we are sending you the information in four spreadsheets."},
        True,
    ),
    "restatement-without-closing-quote": (
        UNCLOSED_RESTATEMENTS,
        [("1", None, "Invoices for radio equipment bought by the force."),
         ("2", None, "Contracts with radio suppliers.")],
        {"1": "response to this portion, two invoices are enclosed.".join(["In ", ""]),
         "2": "No responsive records were found."},
        True,
    ),
    "requester-closing-words-not-a-question": (
        REQUESTER_CLOSING,
        [("1", None, "Invoices for radio equipment bought in 2014 and 2015."),
         ("2", None, "Documents showing where the funding came from and which budget paid for "
                     "the licence.")],
        {"1": "Two invoices are enclosed.", "2": "None were found."},
        True,
    ),
    "lettered-law-in-reply-not-questions": (
        LETTERED_LAW_IN_REPLY,
        [("1", None, "The number of patients by accommodation status."),
         ("2", None, "The number of patients on a care programme.")],
        {},
        False,
    ),
    "boilerplate-words-in-questions": (
        BOILERPLATE_WORDS_IN_QUESTION,
        [("1", None, "How many internal reviews did the council complete in 2023?"),
         ("2", None, "Does the council publish a disclosure log?")],
        {"1": "No", "2": "Yes"},
        True,
    ),
    "response-to-question-headings": (
        RESPONSE_HEADINGS,
        [("1", None, "The number of hip replacements carried out in 2022/23."),
         ("2", None, "The average waiting time for a hip replacement.")],
        {"1": "The Trust carried out 418 hip replacements in 2022/23.",
         "2": "The average waiting time was 39 weeks."},
        True,
    ),
    "replies-numbered-like-the-request": (
        NESTED_REPLIES,
        [("1", None, "Does the force use facial recognition?"),
         ("1a", "1", "If yes, since when?"),
         ("1b", "1", "How many arrests resulted?"),
         ("2", None, "What is the budget for body worn video?")],
        {"1": "Yes.", "1a": "Since 2019.", "1b": "35 arrests.", "2": "\u00a31.2 million."},
        True,
    ),
    "question-and-answer-labels": (
        QUESTION_ANSWER_LABELS,
        [("1", None, "How many electric vehicle charge points does the council own?"),
         ("2", None, "Who maintains them?")],
        {"1": "56.", "2": "The maintenance contract is held by ChargeCo Ltd."},
        True,
    ),
    "your-request-was": (
        YOUR_REQUEST_WAS,
        [("1", None, "Please provide the number of school exclusions in each of the last "
                     "three years.")],
        {"1": "Permanent exclusions numbered 12 in 2021, 19 in 2022 and 24 in 2023."},
        True,
    ),
    "flat-list-answered-by-topic": (
        FLAT_TOPIC_REPLY,
        [("1", None, "Copies of the snow removal contract for 2022"),
         ("2", None, "The total amount paid to the contractor in 2022")],
        {"1": "In response to your request for the snow removal contract, please find it "
              "attached.",
         "2": "Regarding the total amount paid to the contractor, the Department paid "
              "$1,240,000."},
        True,
    ),
    "numbered-replies-to-quoted-request": (
        NUMBERED_REPLIES_TO_QUOTED_REQUEST,
        [("1", None, "How many contracts for school taxi transport did the council have on 1 "
                     "April 2024?"),
         ("2", None, "How many complaints about taxi drivers did the council receive in "
                     "2023/24?")],
        {"1": "87 contracts for school taxi transport were in place on 1 April 2024.",
         "2": "The Council does not hold a record of complaints about drivers. Complaints are "
              "logged under one category for all school transport."},
        True,
    ),
    "quoted-restatements": (
        QUOTED_RESTATEMENTS,
        [("1", None, "How many vehicles are in the Ministry's fleet?"),
         ("2", None, "What was the total cost of fuel in 2022/23?")],
        {"1": "The fleet comprises 48 vehicles.",
         "2": "The Ministry spent $61,907 on fuel. Fuel cards are issued to each pool vehicle."},
        True,
    ),
    "answers-reusing-question-words": (
        ANSWERS_REUSING_QUESTION_WORDS,
        [("1", None, "The number of vacant housing units on 1 May 2024."),
         ("2", None, "The names of the contractors engaged in 2023, and the amount paid to "
                     "each.")],
        {"1": "There were 214 vacant housing units on 1 May 2024, of which 61 were being "
              "repaired.",
         "2": "The names of the six contractors and the total paid to each are in the "
              "schedule."},
        True,
    ),
    "roman-answers-reusing-question-words": (
        ROMAN_ANSWERS_REUSING_WORDS,
        [("i", None, "copies of contaminated land reports for the Wharf Road site;"),
         ("ii", None, "the names and addresses of residents who complained about odours.")],
        {"i": "Two reports are held and are attached.",
         "ii": "The names and addresses of complainants are personal data. This information "
               "is withheld under regulation 13(1)."},
        True,
    ),
    "bare-labels-and-response-headings": (
        BARE_LABELS_AND_HEADINGS,
        [("1", None, "How many noise complaints did the council receive in 2023?"),
         ("2", None, "How many noise abatement notices were served?")],
        {"1": "The council received 1,318 noise complaints in 2023.",
         "2": "We served 57 noise abatement notices in 2023."},
        True,
    ),
    "q-and-a-prefixes": (
        Q_AND_A_PREFIXES,
        [("1", None, "How many parking fines did the council issue in 2023?"),
         ("2", None, "How much income did the fines raise?")],
        {"1": "The council issued 48,221 parking fines in 2023.",
         "2": "The fines raised \u00a31.9 million."},
        True,
    ),
    "q-label-then-article": (
        Q_LABEL_THEN_ARTICLE,
        [("1", None, "A map of the priority gritting routes for winter 2023/24."),
         ("2", None, "How many gritting vehicles does the council own?")],
        {"1": "The routes are published on our website.",
         "2": "The Council owns 19 gritting vehicles."},
        True,
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

# -- round 2 stress rules ---------------------------------------------------------------------

BLOCK_QUOTED_REQUEST_BULLETED_REPLY = [
    "Dear Requester,",
    "Thank you for your email of 2 May 2024.",
    "Your request",
    "> Q1. Does the force own a drone?",
    "> Q2. How many flights did it make in 2023?",
    "Our response",
    "The force can neither confirm nor deny that it holds the information, under:",
    "- Section 24(2) - National security",
    "- Section 31(3) - Law enforcement",
    *SIGN,
]

CLARIFICATION_POINTS = [
    "Dear Mr Ives,",
    "Thank you for your email, in which you requested:",
    '"All information you hold about road safety."',
    "We want to help you, but the request is not clear enough for us to locate the "
    "information.",
    "Could you please clarify the following:",
    "1. the roads you are interested in;",
    "2. the period you are interested in.",
    "Once we receive your clarification we will process your request.",
    *SIGN,
]

RECITED_LIST_STARTS_OVER = [
    "Dear Mr Kowal:",
    "The Village received your request on May 3, 2024. You requested:",
    "a) All use of force reports for 2023;",
    "b) The current general order on vehicle pursuits.",
    "Your request is granted in part and denied in part, as follows.",
    "a) Enclosed please find 37 use of force reports, with names redacted.",
    "b) Enclosed please find General Order 41.2.",
    *SIGN,
]

QUESTIONS_AND_ANSWERS_TAKE_TURNS = [
    "Dear Requester",
    "Thank you for your request. You asked:",
    "(a) How many licence applications has the Council received since 2022?",
    "The Council has received 1,284 applications since 2022.",
    "(b) How many of those related to the harbour ward?",
    "312 of the applications related to the harbour ward.",
    *SIGN,
]

FIGURES_TABLE_IN_ANSWER = [
    "Dear Requester,",
    "Your request and our response",
    "i) Total electricity consumption for the campus for the last two years.",
    "Consumption figures are given in the table below.",
    "| Year | Electricity (kWh)",
    "| 2021/22 | 19,875,302",
    "| 2022/23 | 19,102,948",
    "ii) A copy of the latest Carbon Management Plan.",
    "The plan is published on our website.",
    *SIGN,
]

TOPIC_COLON_REPLIES = [
    "Dear Ms Lane:",
    "The Department received your request on March 4, 2024 for the following records:",
    "- All calls for service to 1100 Harbor Drive in 2023.",
    "- The department's current written policy on vehicle pursuits.",
    "Calls for service: A printout of the calls for service log for 1100 Harbor Drive is "
    "attached.",
    "Pursuit policy: General Order 7.14, Vehicle Pursuits, is attached in full.",
    *SIGN,
]

RESPONSE_TO_ITEM_LABELS = [
    "Dear Mr Cole:",
    "The City has completed its response to your request received on June 11, 2024, in "
    "which you requested:",
    "1. Any incident reports about the shooting at Marisol Park.",
    "2. The City's contract for gunshot detection services.",
    "Response to Item 1: The City is withholding the incident reports under Government Code "
    "section 7923.600.",
    "Response to Item 2: The contract is posted on the City's open data portal. Please let us "
    "know if you have trouble accessing it.",
    "This concludes the City's response to your request.",
    *SIGN,
]

QUOTED_REQUEST_AFTER_SEEKING = [
    "Dear Mr Byrne:",
    "This is in response to your FOIA request received on September 30, 2024, seeking "
    '"all records relating to any investigation of John Doe from 2018 to the present."',
    "You have requested records concerning a named private individual. The Agency can "
    "neither confirm nor deny the existence of such records.",
    *SIGN,
]

ENUMERATED_IN_A_SENTENCE = [
    "Dear Ms Ruiz:",
    "This letter responds to your request dated January 6, 2025, in which you requested "
    "records about yourself, namely: (1) any investigation files in which you were named; and "
    "(2) copies of any complaints filed against you between 2022 and 2024. We processed your "
    "request under both the FOIA and the Privacy Act.",
    "A search located 143 pages responsive to your request.",
    *SIGN,
]

ORIGINAL_REQUEST_MADE_ON = [
    "Dear Ms Hale,",
    "Your original request, made on 3 April 2024, was:",
    '"Please provide the submissions sent to the Minister in January 2024."',
    "Having reviewed the handling of your request, I uphold the original response.",
    *SIGN,
]

ANSWER_NUMBERS_ABOVE_QUOTED_REQUEST = [
    "Dear Ms Osei,",
    "Please find our answers below; your request is copied underneath for reference.",
    "Answer 1: The library received 212 complaints about noise in 2024.",
    "Answer 2: Of those complaints, 40 were about the study rooms.",
    "If you are dissatisfied with the handling of your request, you may ask for an internal "
    "review.",
    "Kind regards,",
    "Records Team",
    "-----Original Message-----",
    "From: Ama Osei",
    "Sent: 02 May 2025 10:00",
    "To: Records Team",
    "Subject: Information request",
    "Dear Records Team,",
    "1) How many complaints about noise did the library receive in 2024?",
    "2) How many of those complaints were about the study rooms?",
    "Yours faithfully,",
    "Ama Osei",
]

RESPONSE_TO_Q_LABELS = [
    "Dear Mr Vance,",
    "The City received your request for public information on March 2, 2026. Your request "
    "mentioned:",
    "Q1. The number of crossing guards employed as of January 1, 2026.",
    "Q2. The contract for the school zone signal maintenance.",
    "Response to Q1: As of January 1, 2026, the City employed 48 crossing guards.",
    "Response to Q2: The responsive contract is attached in full.",
    "If you believe the City has not complied with the Act, you may contact the Attorney "
    "General.",
    "Sincerely,",
    "Records Officer",
]

CLARIFICATION_PER_ITEM = [
    "Dear Mr Roy:",
    "This is further to your request under the Access to Information Act for:",
    '1. "All records about the harbour dredging, 2020 to present";',
    '2. "Briefing notes on the ferry timetable"; and',
    '3. "Contracts with dredging firms."',
    "In order to process your request, we require clarification of its scope.",
    "The wording of item 1 would capture some 20,000 pages. Could you please indicate a "
    "narrower time period?",
    "For item 2, please confirm which ferry routes you are interested in.",
    "For item 3, please specify the period the contracts should cover.",
    "Please note that you have the right to file a complaint with the Information "
    "Commissioner.",
    "Yours sincerely,",
    "Access Analyst",
]

LAW_NOTE_AFTER_LAST_ITEM = [
    "Dear Mr Pike:",
    "The Town has received your request under the Freedom of Information Law for:",
    "1. Copies of the 2025 snow removal contract.",
    "2. Records of overtime paid to highway staff in January 2026.",
    "Item 1: The contract is enclosed.",
    "Item 2: The Town has located no records responsive to this item.",
    "Please be advised that the Freedom of Information Law applies to existing records, and "
    "that an agency is not required to create a record in response to a request.",
    "Should you wish to appeal this determination, you may do so in writing within 30 days.",
    "Very truly yours,",
    "Town Clerk",
]

RECITAL_LEAD_IN_LINE = [
    "Dear Mr Hart",
    "Your request",
    "You requested access to:",
    '"Any minute prepared for the Board about the closure of the Eastgate depot in 2025."',
    "Decision",
    "I have identified two documents within the scope of your request and decided to release "
    "both in full.",
    *SIGN,
]

STRESS_CASES: dict[str, tuple[list[str], list[tuple[str, str | None, str]], dict[str, str], bool]] = {
    "block-quoted-request-bulleted-reply-not-answers": (
        BLOCK_QUOTED_REQUEST_BULLETED_REPLY,
        [("1", None, "Does the force own a drone?"),
         ("2", None, "How many flights did it make in 2023?")],
        {},
        False,
    ),
    "clarification-points-not-questions": (
        CLARIFICATION_POINTS,
        [("1", None, "All information you hold about road safety.")],
        {"1": "We want to help you, but the request is not clear enough for us to locate the "
              "information. Could you please clarify the following: 1. the roads you are "
              "interested in; 2. the period you are interested in. Once we receive your "
              "clarification we will process your request."},
        True,
    ),
    "recited-list-starts-over-in-reply": (
        RECITED_LIST_STARTS_OVER,
        [("a", None, "All use of force reports for 2023;"),
         ("b", None, "The current general order on vehicle pursuits.")],
        {"a": "Enclosed please find 37 use of force reports, with names redacted.",
         "b": "Enclosed please find General Order 41.2."},
        True,
    ),
    "questions-and-answers-take-turns": (
        QUESTIONS_AND_ANSWERS_TAKE_TURNS,
        [("a", None, "How many licence applications has the Council received since 2022?"),
         ("b", None, "How many of those related to the harbour ward?")],
        {"a": "The Council has received 1,284 applications since 2022.",
         "b": "312 of the applications related to the harbour ward."},
        True,
    ),
    "figures-table-inside-answer": (
        FIGURES_TABLE_IN_ANSWER,
        [("i", None, "Total electricity consumption for the campus for the last two years."),
         ("ii", None, "A copy of the latest Carbon Management Plan.")],
        {"i": "Consumption figures are given in the table below. Year | Electricity (kWh) "
              "2021/22 | 19,875,302 2022/23 | 19,102,948",
         "ii": "The plan is published on our website."},
        True,
    ),
    "topic-and-colon-replies": (
        TOPIC_COLON_REPLIES,
        [("1", None, "All calls for service to 1100 Harbor Drive in 2023."),
         ("2", None, "The department's current written policy on vehicle pursuits.")],
        {"1": "Calls for service: A printout of the calls for service log for 1100 Harbor "
              "Drive is attached.",
         "2": "Pursuit policy: General Order 7.14, Vehicle Pursuits, is attached in full."},
        True,
    ),
    "response-to-item-labels": (
        RESPONSE_TO_ITEM_LABELS,
        [("1", None, "Any incident reports about the shooting at Marisol Park."),
         ("2", None, "The City's contract for gunshot detection services.")],
        {"1": "The City is withholding the incident reports under Government Code section "
              "7923.600.",
         "2": "The contract is posted on the City's open data portal. Please let us know if "
              "you have trouble accessing it."},
        True,
    ),
    "quoted-request-after-seeking": (
        QUOTED_REQUEST_AFTER_SEEKING,
        [("1", None, "all records relating to any investigation of John Doe from 2018 to the "
                     "present.")],
        {"1": "You have requested records concerning a named private individual. The Agency "
              "can neither confirm nor deny the existence of such records."},
        True,
    ),
    "items-enumerated-in-a-sentence": (
        ENUMERATED_IN_A_SENTENCE,
        [("1", None, "any investigation files in which you were named"),
         ("2", None, "copies of any complaints filed against you between 2022 and 2024.")],
        {},
        False,
    ),
    "original-request-made-on": (
        ORIGINAL_REQUEST_MADE_ON,
        [("1", None, "Please provide the submissions sent to the Minister in January 2024.")],
        {"1": "Having reviewed the handling of your request, I uphold the original response."},
        True,
    ),
    "answer-number-labels-above-quoted-request": (
        ANSWER_NUMBERS_ABOVE_QUOTED_REQUEST,
        [("1", None, "How many complaints about noise did the library receive in 2024?"),
         ("2", None, "How many of those complaints were about the study rooms?")],
        {"1": "The library received 212 complaints about noise in 2024.",
         "2": "Of those complaints, 40 were about the study rooms."},
        True,
    ),
    "response-to-q-labels": (
        RESPONSE_TO_Q_LABELS,
        [("1", None, "The number of crossing guards employed as of January 1, 2026."),
         ("2", None, "The contract for the school zone signal maintenance.")],
        {"1": "As of January 1, 2026, the City employed 48 crossing guards.",
         "2": "The responsive contract is attached in full."},
        True,
    ),
    "clarification-paragraph-per-item": (
        CLARIFICATION_PER_ITEM,
        [("1", None, "All records about the harbour dredging, 2020 to present"),
         ("2", None, "Briefing notes on the ferry timetable"),
         ("3", None, "Contracts with dredging firms.")],
        {"1": "The wording of item 1 would capture some 20,000 pages. Could you please "
              "indicate a narrower time period?",
         "2": "For item 2, please confirm which ferry routes you are interested in.",
         "3": "For item 3, please specify the period the contracts should cover."},
        True,
    ),
    "law-note-after-last-item": (
        LAW_NOTE_AFTER_LAST_ITEM,
        [("1", None, "Copies of the 2025 snow removal contract."),
         ("2", None, "Records of overtime paid to highway staff in January 2026.")],
        {"1": "The contract is enclosed.",
         "2": "The Town has located no records responsive to this item."},
        True,
    ),
    "recital-lead-in-line-dropped": (
        RECITAL_LEAD_IN_LINE,
        [("1", None, "Any minute prepared for the Board about the closure of the Eastgate depot "
                     "in 2025.")],
        {"1": "I have identified two documents within the scope of your request and decided to "
              "release both in full."},
        True,
    ),
}


@pytest.mark.parametrize("case", list(STRESS_CASES), ids=list(STRESS_CASES))
def test_stress_layouts(case: str) -> None:
    lines, questions, answers, aligned = STRESS_CASES[case]
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
        ("\u2013 Last name", Scheme.BULLET, "", None),
        ("2. \u00a31.2 million", Scheme.NUMBER, "2", None),
        ('Portion 6 of your request seeks, "+ Court', Scheme.NUMBER, "6", None),
        ("Q1. A map of the routes", Scheme.NUMBER, "1", None),
        ("Q1(a). Of these", Scheme.NUMBER, "1", "1a"),
        ("Q1 (b) How many", Scheme.NUMBER, "1", "1b"),
        ("Q2 a) If so", Scheme.NUMBER, "2", "2a"),
        ("Item No. 3: The policy", Scheme.NUMBER, "3", None),
        ("Request #2 - Invoices", Scheme.NUMBER, "2", None),
        ("Part (a)", Scheme.ALPHA, "a", None),
        ("Item B: The register", Scheme.ALPHA, "b", None),
    ],
    ids=["dot", "paren", "no-space", "q-compound", "question-word", "bracket-sub", "alpha",
         "roman", "bullet", "plus", "o-bullet", "en-dash-bullet", "number-then-amount",
         "portion", "q-then-article", "q-bracket-sub-dot", "q-spaced-bracket-sub",
         "q-spaced-closed-sub", "item-no", "request-hash", "part-bracketed-letter",
         "item-letter-colon"],
)
def test_read_label(text: str, scheme: Scheme, value: str, compound: str | None) -> None:
    label = read_label(text)
    assert label is not None
    assert (label.scheme, label.value, label.compound) == (scheme, value, compound)


@pytest.mark.parametrize(
    "text", ["3.5 million pounds", "12:30 pm meeting", "I am writing", "Over 5 years",
             "Part A of your request asked"],
    ids=["decimal", "time", "pronoun", "number-inside", "part-letter-in-prose"],
)
def test_not_a_label(text: str) -> None:
    assert read_label(text) is None


@pytest.mark.parametrize(
    ("raw", "want"),
    [("Q5a", "5a"), ("5(a)", "5a"), ("5.a", "5a"), ("5 a", "5a"), ("Question 3ii", "3ii"),
     ("Item No. 4", "4"), ("Request #2", "2")],
    ids=["q", "bracket", "dot", "space", "question-roman", "item-no", "request-hash"],
)
def test_normalise_id(raw: str, want: str) -> None:
    assert normalise_id(raw) == want


def test_table_row_with_numbered_run() -> None:
    """One table row holding the whole numbered request and the numbered replies."""
    builder = DocumentBuilder(SourceFormat.PDF)
    for text, cells in TABLE_RUN:
        if cells is None:
            builder.add(text, page=1)
        else:
            builder.add(text, page=1, kind=BlockKind.TABLE_ROW, cells=cells)
    doc = builder.build()
    result = extract_questions(doc, segment(doc))
    assert [(q.id, q.text) for q in result.questions] == [
        ("1", "The number of housing officers."), ("2", "The discharge protocol.")]
    assert {a.question_id: a.text for a in result.answers} == {
        "1": "Six officers.", "2": "Please see the attached protocol."}
    assert result.aligned


@pytest.mark.parametrize(
    "header",
    [("Question", "Answer"), ("Your question", "Our response"), ("Information requested",
                                                                  "Reply")],
    ids=["question-answer", "your-question-our-response", "information-requested-reply"],
)
def test_table_header_row_is_not_a_question(header: tuple[str, str]) -> None:
    """A question/answer table's heading row names the columns; it is not a question."""
    rows = [header, ("1. How many cameras are there?", "There are 214 cameras."),
            ("2. Where are they?", "The locations are withheld under section 31.")]
    builder = DocumentBuilder(SourceFormat.HTML)
    builder.add("Dear Requester,")
    for q, a in rows:
        builder.add(f"{q} | {a}", kind=BlockKind.TABLE_ROW, cells=(q, a))
    builder.add("Yours sincerely")
    doc = builder.build()
    result = extract_questions(doc, segment(doc))
    assert [(q.id, q.text) for q in result.questions] == [
        ("1", "How many cameras are there?"), ("2", "Where are they?")]
    assert [a.question_id for a in result.answers] == ["1", "2"]


@pytest.mark.parametrize(
    "header",
    [("Item", "Records requested", "Response"), ("No.", "Your request", "Our response"),
     ("Rhif / No.", "Cwestiwn / Question", "Ymateb / Response")],
    ids=["item-records-requested", "no-your-request", "bilingual-header"],
)
def test_table_with_a_number_column(header: tuple[str, str, str]) -> None:
    """A three-column table: number | request | response; the number is the id."""
    rows = [header, ("1", "Crash data for Elk Street.", "Attached as crashes.xlsx."),
            ("2", "Any traffic studies since 2020.", "The Department has no such records.")]
    builder = DocumentBuilder(SourceFormat.HTML)
    builder.add("Dear Requester,")
    for cells in rows:
        builder.add(" | ".join(cells), kind=BlockKind.TABLE_ROW, cells=cells)
    builder.add("Yours sincerely")
    doc = builder.build()
    result = extract_questions(doc, segment(doc))
    assert [(q.id, q.text) for q in result.questions] == [
        ("1", "Crash data for Elk Street."), ("2", "Any traffic studies since 2020.")]
    assert {a.question_id: a.text for a in result.answers} == {
        "1": "Attached as crashes.xlsx.", "2": "The Department has no such records."}


def test_page_footer_inside_a_recited_item() -> None:
    """A page footer printed between two lines of a recited item is not part of it."""
    lines = [
        ("Dear Mr Reyes,", 1),
        ("The language of your request is immediately below:", 1),
        ("+ Documents sufficient to show where the funding for the licence came", 1),
        ("Tel: 0114 273 4567 | E-mail: foi@example.gov.uk | Website: www.example.gov.uk", 1),
        ("from, including any grants or budget allocations.", 2),
        ("+ Invoices for training.", 2),
        ('Portion 1 of your request seeks funding records. None were found.', 2),
        ('Portion 2 of your request seeks invoices. One invoice is enclosed.', 2),
        ("Yours sincerely", 2),
    ]
    builder = DocumentBuilder(SourceFormat.PDF)
    for text, page in lines:
        builder.add(text, page=page)
    doc = builder.build()
    result = extract_questions(doc, segment(doc))
    assert [q.text for q in result.questions] == [
        "Documents sufficient to show where the funding for the licence came from, including "
        "any grants or budget allocations.",
        "Invoices for training.",
    ]


# --- round 3: layouts seen on letters from authorities not in the dev set -------------------

LABEL_AND_FIGURES_TABLE = [
    "Dear Requester,",
    "You asked:",
    "1. How many speed cameras does the council operate?",
    "2. How many penalty notices did they produce in 2023, by road?",
    "Question 1",
    "The council operates 12 fixed cameras.",
    "Question 2",
    "In 2023 the cameras produced 4,210 notices, as follows:",
    "| Road | Notices",
    "| Station Road | 2,110",
    "| Mill Lane | 2,100",
    *SIGN,
]

FEE_TABLE = [
    "Dear Requester,",
    "You requested the following records:",
    "1. All inspection reports for the Riverside plant since 2020.",
    "2. All correspondence with the state agency about the plant.",
    "We estimate the cost of processing your request as follows:",
    "| Search (professional) | 20 hours | $1,200.00",
    "| Duplication | 4,000 pages | $0.00",
    "| Estimated total | $1,200.00",
    "Please confirm that you agree to pay the estimated fee.",
    *SIGN,
]

BARE_PART_HEADINGS = [
    "Dear Mr Frost,",
    "Thank you for your request, in which you asked for:",
    "(a) the minutes of the harbour board meetings held in 2024;",
    "(b) the board's register of interests.",
    "We have handled your request under the Freedom of Information Act 2000.",
    "Part (a)",
    "The minutes are withheld under section 36 of the Act.",
    "Part (b)",
    "The register is published on our website.",
    "Public interest test",
    "Section 36 is a qualified exemption and we have weighed the public interest.",
    *SIGN,
]

AS_TO_PART_LABELS = [
    "Dear Ms Lowe:",
    "I have reviewed your appeal from the denial of your request. Your request sought:",
    "(A) all e-mails between the Mayor and the developer in 2023; and",
    "(B) all drafts of the traffic study.",
    "Having examined the records, I determine your appeal as follows.",
    "As to part (A): The appeal is GRANTED. The e-mails will be released.",
    "As to part (B): The appeal is DENIED. The drafts are intra-agency materials.",
    "You may seek judicial review of this determination.",
    "Very truly yours,",
]

ITEM_N_ANSWERS = [
    "Dear Mr Ortiz:",
    "You requested the following records:",
    "1. All incident reports about pursuits in 2023.",
    "2. The current pursuit policy.",
    "A search of the Patrol Division located 40 pages of records.",
    "Item 1. The Division located 38 pages of incident reports, released in part.",
    "Item 2. The two-page policy is released in full.",
    "Exemption (b)(6) exempts from disclosure files whose release would invade personal "
    "privacy.",
    "There are no fees associated with this request.",
    "Sincerely,",
]

LABEL_PAIRS = [
    "Dear Requester,",
    "Thank you for your request. Our response to each part follows.",
    "You asked:",
    "The number of fire hydrants tested in 2023.",
    "Our response:",
    "The Service does not hold this information.",
    "You asked:",
    "Any policy on hydrant maintenance.",
    "Our response:",
    "We hold no policy within the scope of your request.",
    "I am sorry we are unable to help further on this occasion.",
    *SIGN,
]

LETTER_WIDE_CLOSING = [
    "Dear Mr Byrne:",
    "You asked for the following:",
    "Item 1: A copy of my personnel file.",
    "Item 2: Any disciplinary records about me.",
    "Response to Item 1: Your personnel file is enclosed.",
    "Response to Item 2: No disciplinary records were located.",
    "No information has been withheld from the enclosed records. There is no charge.",
    "Sincerely,",
]

QUOTE_GLUED_TO_FIRST_ITEM = [
    "Dear Ms Holt:",
    "The City received your request for the following records:",
    '"1) Any contract between the Police Department and the camera vendor.',
    '2) All audit logs of camera searches in 2023."',
    "A search of the Police Department located no responsive records.",
    "Sincerely,",
]

DECISION_BULLETS = [
    "Dear Mr Nash,",
    "I refer to your request for access to the following documents:",
    "> 1. Any briefs to the Minister about the dredging contract.",
    "> 2. Any incident reports about the dredging contract.",
    "Decision",
    "I am authorised to make decisions on FOI requests. I have decided to:",
    "\u2022 release two documents in full;",
    "\u2022 release one document in part; and",
    "\u2022 refuse access to one document in full.",
    "Reasons for decision",
    "One document is exempt under section 42 of the FOI Act.",
    *SIGN,
]

BLOCKQUOTED_ONE_ITEM = [
    "Dear Ms Roy:",
    "This is in response to your request made under the Access to Information Act, "
    "received on May 2, 2024, for the following records:",
    "> \u201cAll briefing notes to the Deputy Minister about the ferry contract.\u201d",
    "A search located 12 pages, which are withheld under section 21(1)(a) of the Act.",
    *SIGN,
]

TOPIC_HEADINGS = [
    "Dear Requester,",
    "Thank you for your request, requesting the following information under the "
    "Official Information Act 1982 (the Act):",
    "1. The number of households offered relocation grants in 2024.",
    "2. The total value of the grants paid.",
    "My response to each part of your request is set out below.",
    "1. Households offered grants",
    "As at 1 May 2024, 58 households had been offered a grant.",
    "2. Value of grants paid",
    "The grants paid total $3.1 million.",
    *SIGN,
]

PART_TOPIC_HEADINGS = [
    "Dear Ms Gallagher,",
    "I refer to your request, in which you sought:",
    "a. a copy of the current ferry subsidy contract;",
    "b. any independent safety audit of the service.",
    "I have now made a final decision to part-grant your request.",
    "Part (a) \u2013 ferry subsidy contract",
    "The contract is released with redactions.",
    "Part (b) \u2013 safety audit",
    "I am refusing this part of your request under section 15(1)(a).",
    *SIGN,
]

ROUND3_CASES: dict[str, tuple[list[str], list[tuple[str, str | None, str]], dict[str, str], bool]] = {
    "label-and-figures-table-in-answer": (
        LABEL_AND_FIGURES_TABLE,
        [("1", None, "How many speed cameras does the council operate?"),
         ("2", None, "How many penalty notices did they produce in 2023, by road?")],
        {"1": "The council operates 12 fixed cameras.",
         "2": "In 2023 the cameras produced 4,210 notices, as follows: Road | Notices "
              "Station Road | 2,110 Mill Lane | 2,100"},
        True,
    ),
    "fee-estimate-table-not-questions": (
        FEE_TABLE,
        [("1", None, "All inspection reports for the Riverside plant since 2020."),
         ("2", None, "All correspondence with the state agency about the plant.")],
        {},
        False,
    ),
    "bare-part-headings": (
        BARE_PART_HEADINGS,
        [("a", None, "the minutes of the harbour board meetings held in 2024;"),
         ("b", None, "the board's register of interests.")],
        {"a": "The minutes are withheld under section 36 of the Act.",
         "b": "The register is published on our website."},
        True,
    ),
    "as-to-part-labels": (
        AS_TO_PART_LABELS,
        [("a", None, "all e-mails between the Mayor and the developer in 2023; and"),
         ("b", None, "all drafts of the traffic study.")],
        {"a": "The appeal is GRANTED. The e-mails will be released.",
         "b": "The appeal is DENIED. The drafts are intra-agency materials."},
        True,
    ),
    "item-n-answers-after-narrative": (
        ITEM_N_ANSWERS,
        [("1", None, "All incident reports about pursuits in 2023."),
         ("2", None, "The current pursuit policy.")],
        {"1": "The Division located 38 pages of incident reports, released in part.",
         "2": "The two-page policy is released in full."},
        True,
    ),
    "repeated-you-asked-pairs": (
        LABEL_PAIRS,
        [("1", None, "The number of fire hydrants tested in 2023."),
         ("2", None, "Any policy on hydrant maintenance.")],
        {"1": "The Service does not hold this information.",
         "2": "We hold no policy within the scope of your request."},
        True,
    ),
    "letter-wide-closing-after-last-answer": (
        LETTER_WIDE_CLOSING,
        [("1", None, "A copy of my personnel file."),
         ("2", None, "Any disciplinary records about me.")],
        {"1": "Your personnel file is enclosed.",
         "2": "No disciplinary records were located."},
        True,
    ),
    "opening-quote-glued-to-first-item": (
        QUOTE_GLUED_TO_FIRST_ITEM,
        [("1", None, "Any contract between the Police Department and the camera vendor."),
         ("2", None, 'All audit logs of camera searches in 2023."')],
        {},
        False,
    ),
    "decision-bullets-not-request-items": (
        DECISION_BULLETS,
        [("1", None, "Any briefs to the Minister about the dredging contract."),
         ("2", None, "Any incident reports about the dredging contract.")],
        {},
        False,
    ),
    "block-quoted-single-request": (
        BLOCKQUOTED_ONE_ITEM,
        [("1", None, "All briefing notes to the Deputy Minister about the ferry contract.")],
        {"1": "A search located 12 pages, which are withheld under section 21(1)(a) of the Act."},
        True,
    ),
    "part-letter-topic-headings": (
        PART_TOPIC_HEADINGS,
        [("a", None, "a copy of the current ferry subsidy contract;"),
         ("b", None, "any independent safety audit of the service.")],
        {"a": "The contract is released with redactions.",
         "b": "I am refusing this part of your request under section 15(1)(a)."},
        True,
    ),
    "topic-headings-before-answers": (
        TOPIC_HEADINGS,
        [("1", None, "The number of households offered relocation grants in 2024."),
         ("2", None, "The total value of the grants paid.")],
        {"1": "As at 1 May 2024, 58 households had been offered a grant.",
         "2": "The grants paid total $3.1 million."},
        True,
    ),
}


@pytest.mark.parametrize("case", list(ROUND3_CASES), ids=list(ROUND3_CASES))
def test_round3_layouts(case: str) -> None:
    lines, questions, answers, aligned = ROUND3_CASES[case]
    result = run(lines)
    assert [(q.id, q.parent_id, q.text) for q in result.questions] == questions
    # a list, not a dict: a question answered twice (lead-in and reply) must fail
    assert [(a.question_id, a.text) for a in result.answers] == list(answers.items())
    assert result.aligned is aligned


# -- round 4: layouts from the second held-out batch ------------------------------------------

RESPONSE_TO_BRACKETED_NUMBER = [
    "Dear Mr Reyes:",
    "This is in response to your request for records about yourself. You asked for:",
    "(1) A copy of my classification file.",
    "(2) My medical records from 2023.",
    "(3) All records of the investigation into the incident of May 2, 2024.",
    "Response to (1): We located 40 pages, which are released in full.",
    "Response to (2): Your medical records (96 pages) are released in full.",
    "Response to (3): The investigative file is withheld in full under Exemption (b)(7)(C).",
    *SIGN,
]

HANDLED_UNDER_PREAMBLE = [
    "Dear Ms Kerr,",
    "Thank you for your email in which you asked for the following information:",
    '"Please provide all submissions to Ministers about the decision to close the depot."',
    "We have handled your request under the Freedom of Information Act 2000.",
    "I can confirm that the Department holds information within the scope of your request.",
    "The submissions are withheld under section 35(1)(a) of the Act.",
    *SIGN,
]

FEES_AND_OFFICIAL_AFTER_ITEMS = [
    "Dear Mr Lund:",
    "You requested the following records:",
    "1. All permits issued for the marina in 2023.",
    "2. All correspondence with the marina operator.",
    "Item 1: We located two permits, which are released in full.",
    "Item 2: We located 80 pages of correspondence, released in part under Exemption 6.",
    "Fees: Your request falls within the other fee category. There is no charge.",
    "Ana Ruiz, Government Information Specialist, is responsible for this decision.",
    *SIGN,
]

OFFICIAL_AFTER_ITEMS = [
    line for line in FEES_AND_OFFICIAL_AFTER_ITEMS if not line.startswith("Fees:")
]

EMPHASISED_ITEMS = [
    "Kia ora Ms Hart",
    "Thank you for your email requesting the following under the Official Information Act 1982:",
    "*Q1. Copies of all briefings to the Minister about the flood fund.*",
    "*Q2. The results of the evaluation of the first funding round.*",
    "Q1",
    "We have identified three briefings. These are withheld in full under section 9(2)(f)(iv).",
    "Q2",
    "This part of your request is refused under section 18(d) of the Act.",
    *SIGN,
]

PORTAL_NOTICE_ORIGINAL_REQUEST = [
    "Dear Ms. Vance,",
    "The City received your request for public records under the California Public Records "
    "Act on March 3, 2025. Your request is quoted below.",
    "The City needs additional time to respond and will do so by March 27, 2025.",
    "Sincerely,",
    "Office of the City Clerk",
    "--- Original request (submitted March 3, 2025 via the records portal) ---",
    "I am requesting the following records:",
    "\u2022 All body camera policies in effect in 2024.",
    "\u2022 All contracts with the body camera vendor since 2021.",
    "Thank you.",
]

CLARIFICATION_PER_ITEM = [
    "Dear Ms. Ortiz:",
    "The District received your request for information. You requested:",
    '1. "All communications regarding the bus contract."',
    '2. "All records related to playground injuries."',
    "We need more information to identify the records you are seeking. Pursuant to the Act, "
    "we ask that you clarify your request as follows:",
    "Item 1. Please tell us the time period you are interested in.",
    'Item 2. "Playground injuries" could cover nurse logs and insurance claims. Please tell us '
    "which records you want.",
    "Under Section 552.222(d), if we do not receive your response within 61 days, your request "
    "will be considered withdrawn.",
    *SIGN,
]

THREAD_PAGE_DECISION = [
    "Tide gauge maintenance records",
    "Sam Ito made this request to the Department of Coasts.",
    "From: Sam Ito",
    "Date: 2 May 2024",
    "Dear Department of Coasts,",
    "I request access to:",
    "1. The maintenance logs of the harbour tide gauges for 2023;",
    "2. The outcome of each calibration check.",
    "Yours faithfully,",
    "Sam Ito",
    "From: FOI Team",
    "Date: 30 May 2024",
    "Dear Sam",
    "The notice of decision is set out below.",
    "Kind regards",
    "FOI Team",
    "Dear Mr Ito",
    "I have decided to grant access to the documents you requested.",
    "Part 1 \u2013 maintenance logs",
    "I have identified one document, the 2023 maintenance log, which is released in full.",
    "Part 2 \u2013 calibration outcomes",
    "The same log records the outcome of each calibration check.",
    "Your review rights",
    "If you disagree with my decision, you may apply for internal review within 30 days.",
    "Yours sincerely",
    "Decision Maker",
]

ROUND4_CASES: dict[str, tuple[list[str], list[tuple[str, str | None, str]], dict[str, str], bool]] = {
    "response-to-bracketed-number": (
        RESPONSE_TO_BRACKETED_NUMBER,
        [("1", None, "A copy of my classification file."),
         ("2", None, "My medical records from 2023."),
         ("3", None, "All records of the investigation into the incident of May 2, 2024.")],
        {"1": "We located 40 pages, which are released in full.",
         "2": "Your medical records (96 pages) are released in full.",
         "3": "The investigative file is withheld in full under Exemption (b)(7)(C)."},
        True,
    ),
    "handled-under-act-preamble": (
        HANDLED_UNDER_PREAMBLE,
        [("1", None, "Please provide all submissions to Ministers about the decision to close "
                     "the depot.")],
        {"1": "I can confirm that the Department holds information within the scope of your "
              "request. The submissions are withheld under section 35(1)(a) of the Act."},
        True,
    ),
    "fees-and-official-after-items": (
        FEES_AND_OFFICIAL_AFTER_ITEMS,
        [("1", None, "All permits issued for the marina in 2023."),
         ("2", None, "All correspondence with the marina operator.")],
        {"1": "We located two permits, which are released in full.",
         "2": "We located 80 pages of correspondence, released in part under Exemption 6."},
        True,
    ),
    "responsible-official-after-items": (
        OFFICIAL_AFTER_ITEMS,
        [("1", None, "All permits issued for the marina in 2023."),
         ("2", None, "All correspondence with the marina operator.")],
        {"1": "We located two permits, which are released in full.",
         "2": "We located 80 pages of correspondence, released in part under Exemption 6."},
        True,
    ),
    "markdown-emphasised-items": (
        EMPHASISED_ITEMS,
        [("1", None, "Copies of all briefings to the Minister about the flood fund."),
         ("2", None, "The results of the evaluation of the first funding round.")],
        {"1": "We have identified three briefings. These are withheld in full under section "
              "9(2)(f)(iv).",
         "2": "This part of your request is refused under section 18(d) of the Act."},
        True,
    ),
    "portal-notice-original-request": (
        PORTAL_NOTICE_ORIGINAL_REQUEST,
        [("1", None, "All body camera policies in effect in 2024."),
         ("2", None, "All contracts with the body camera vendor since 2021.")],
        {},
        False,
    ),
    "clarification-per-item": (
        CLARIFICATION_PER_ITEM,
        [("1", None, "All communications regarding the bus contract."),
         ("2", None, "All records related to playground injuries.")],
        {"1": "Please tell us the time period you are interested in.",
         "2": '"Playground injuries" could cover nurse logs and insurance claims. Please tell us '
              "which records you want."},
        True,
    ),
    "thread-page-decision": (
        THREAD_PAGE_DECISION,
        [("1", None, "The maintenance logs of the harbour tide gauges for 2023;"),
         ("2", None, "The outcome of each calibration check.")],
        {"1": "I have identified one document, the 2023 maintenance log, which is released in "
              "full.",
         "2": "The same log records the outcome of each calibration check."},
        True,
    ),
}


@pytest.mark.parametrize("case", list(ROUND4_CASES), ids=list(ROUND4_CASES))
def test_round4_layouts(case: str) -> None:
    lines, questions, answers, aligned = ROUND4_CASES[case]
    result = run(lines)
    assert [(q.id, q.parent_id, q.text) for q in result.questions] == questions
    assert [(a.question_id, a.text) for a in result.answers] == list(answers.items())
    assert result.aligned is aligned

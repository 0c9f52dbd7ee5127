"""Header fields (reference, authority, date, regime) over synthetic letter snippets."""

from __future__ import annotations

import json
from collections.abc import Sequence

import pytest

from foiparse.document import BlockKind, Document, DocumentBuilder, Metadata, Segment, SegmentKind
from foiparse.errors import FoiParseError
from foiparse.extract.header import Header, _letter_region, extract_header
from foiparse.load import load
from foiparse.options import ParseOptions
from foiparse.records import Regime, SourceFormat
from tests.conftest import SHARED, requires_shared

Line = str | tuple[str, BlockKind]


def make_doc(
    lines: Sequence[Line],
    *,
    fmt: SourceFormat = SourceFormat.TEXT,
    metadata: Metadata | None = None,
    page: int | None = None,
) -> Document:
    builder = DocumentBuilder(fmt)
    for line in lines:
        text, kind = (line, BlockKind.PARAGRAPH) if isinstance(line, str) else line
        builder.add(text, kind=kind, page=page)
    return builder.build(metadata=metadata)


def header_of(lines: Sequence[Line], **kwargs: object) -> Header:
    doc = make_doc(lines, **kwargs)  # type: ignore[arg-type]
    return extract_header(doc, ())


BODY = [
    "Dear Ms Smith,",
    "Thank you for your request for information, which we have now considered.",
    "Yours sincerely,",
    "Information Rights Team",
]

# --- reference -------------------------------------------------------------------------------

REFERENCE_CASES = [
    ("our-ref", ["Our ref: FOI-027538", *BODY], "FOI-027538"),
    ("our-reference", ["Our Reference: FOI2018/03467", *BODY], "FOI2018/03467"),
    ("reference-no-dot", ["Reference no.20210357", *BODY], "20210357"),
    ("reference-number", ["Reference number: FOI 2021-315", *BODY], "FOI 2021-315"),
    ("foi-reference", ["FOI Reference: 828/2023", *BODY], "828/2023"),
    (
        "foi-request-reference-no",
        ["Freedom of information request reference no: 01.FOI.23.033534", *BODY],
        "01.FOI.23.033534",
    ),
    ("foi-request-number", ["Freedom of Information Request 008", *BODY], "008"),
    ("request-ir", ["Request IR-2019-118", *BODY], "IR-2019-118"),
    ("foia-file-no", ["FOIA FILE NO.: 15-3528", *BODY], "15-3528"),
    ("foia-file-no-ocr-equals", ["FOIA FILE NO.: = 15-6586", *BODY], "15-6586"),
    ("foia-bare", ["Re: FOIA 16-2231", *BODY], "16-2231"),
    ("foipa", ["FOIPA Request No.: 1234567-000", *BODY], "1234567-000"),
    ("case-no", ["Case No: 4471/22", *BODY], "4471/22"),
    ("rfi-shape", ["Freedom of Information/RFI-2207", *BODY], "RFI-2207"),
    ("ref-inside-line", ["FREEDOM OF INFORMATION REQUEST Ref: DPT 21/22/003", *BODY],
     "DPT 21/22/003"),
    ("spaces-squeezed", ["Our ref:  FOI /   1042", *BODY], "FOI / 1042"),
    ("spaced-hyphen-closed", ["FOIA FILE NO.: 15 - 0599", *BODY], "15-0599"),
    ("label-then-next-line", ["Subject: Re - Request - Reference -", "EIR / 1501248", *BODY],
     "EIR / 1501248"),
    (
        "two-column-labels",
        ["REQUEST DATE:", "FOIA FILE NO.:", "March 3, 2016", "P0-41122", *BODY],
        "P0-41122",
    ),
    ("not-your-ref", ["Your ref: ABC/123", "Our ref: FOI/9876", *BODY], "FOI/9876"),
    ("only-your-ref", ["Your reference: JS/2023/44", *BODY], None),
    (
        "not-previous-request",
        ["Dear Ms Smith,", "This follows your previous request 01/FOI/22/026147.", *BODY[1:]],
        None,
    ),
    (
        "not-earlier-foia",
        ["Dear Mr Jones,", "In response to FOIA 15-2549, CPD acknowledged the purchase.", *BODY[1:]],
        None,
    ),
    ("not-ico-case", ["ICO reference: IC-294694-H4F4", *BODY], None),
    ("not-a-date", ["Reference: 12/03/2021", *BODY], None),
    ("none-printed", BODY, None),
    # label wordings and shapes from letters the rules were not written on
    ("table-row-bar", ["Our Reference | 101004417893", *BODY], "101004417893"),
    ("joined-agency-prefixes", ["RE: FOIA Request No. DOC-BCNS-2024-001932", *BODY],
     "DOC-BCNS-2024-001932"),
    ("agency-code-before-foi", ["Our ref: MRAF-FOI-2024-05521", *BODY], "MRAF-FOI-2024-05521"),
    ("records-request-id", ["RE: Public Records Request P004417-061824", *BODY],
     "P004417-061824"),
    ("records-request-spaced-prefix", ["Public Records Request PRR 24-1187 - Response", *BODY],
     "PRR 24-1187"),
    ("our-file", ["Our file: A-2024-00311", *BODY], "A-2024-00311"),
    ("ref-dot-no-dot", ["Ref. No. FOI-551", *BODY], "FOI-551"),
    ("foi-no", ["FOI No. 551/24", *BODY], "551/24"),
    ("request-id", ["Request ID: 24-551", *BODY], "24-551"),
    ("foi-request-colon", ["FOI Request: 24551", *BODY], "24551"),
    ("ticket-hash", ["Ticket #2024-551", *BODY], "2024-551"),
    ("foisa-ref-above-your-ref", ["FOISA ref: F0123-24", "Your ref: SH/RecruitAgents", *BODY],
     "F0123-24"),
    ("case-reference-not-ico-case",
     ["Case Reference: FOI2024/18273", "Dear Mr V,",
      "The ICO has given your complaint the reference IC-287654-Q8R2.", *BODY[1:]],
     "FOI2024/18273"),
    ("not-ease-of-reference",
     ["Dear Ms W,", "Your questions are shown here for ease of reference.",
      "Q1. What was spent on agency staff?", *BODY[1:]], None),
    ("not-a-question-number", ["Reference: Q1", *BODY], None),
    ("not-wdtk-placeholder", ["To: Jo Bloggs <[FOI #1131679 email]>", *BODY], None),
    # round 3: US letters' unlabelled case numbers and their reply labels
    ("bare-re-coded-id", ["Re: NPS-FO-2024-220117", "Final Response", *BODY],
     "NPS-FO-2024-220117"),
    ("request-then-coded-id", ["Re: FOIA Request NPS-FO-2024-220117", *BODY],
     "NPS-FO-2024-220117"),
    ("in-reply-refer-to", ["In Reply Refer To: 31-PA-11873 / 212", *BODY], "31-PA-11873 / 212"),
    ("when-replying-quote", ["When replying please quote: 2024/551", *BODY], "2024/551"),
    ("not-re-topic-with-digits", ["Re: COVID-19 vaccination data", *BODY], None),
    # round 4: US state request initials
    ("pir-no", ["Re: Public Information Request \u2014 PIR No. 2025-117 \u2014 Clarification",
                *BODY], "2025-117"),
    ("prr-hash", ["PRR #: 24-0091", *BODY], "24-0091"),
    # round 5: a year-office-number id after "FOIA Request", a referral number beside it
    ("request-year-office-number",
     ["Subject: Privacy Act/FOIA Request 2026-PA-00388 (Referral No. RF-26-1142)", *BODY],
     "2026-PA-00388"),
    ("nz-oia-shaped", ["Thank you. Please quote OIA-2026-0088 in any reply.", *BODY],
     "OIA-2026-0088"),
]


@pytest.mark.parametrize(("lines", "want"), [c[1:] for c in REFERENCE_CASES],
                         ids=[c[0] for c in REFERENCE_CASES])
def test_reference(lines: list[str], want: str | None) -> None:
    header = header_of(lines)
    got = header.reference.value if header.reference else None
    assert got == want


def test_reference_span_points_at_value() -> None:
    doc = make_doc(["Our ref: FOI-027538", *BODY])
    header = extract_header(doc, ())
    assert header.reference is not None and header.reference.span is not None
    span = header.reference.span
    assert doc.text[span.start : span.end] == "FOI-027538"


def test_reference_from_quoted_acknowledgement_subject() -> None:
    lines: list[Line] = [
        *BODY,
        ("From: FOI", BlockKind.QUOTE),
        ("Subject: Re - Freedom of Information Request - Reference - FOI / 555123", BlockKind.QUOTE),
    ]
    header = header_of(lines, fmt=SourceFormat.EMAIL)
    assert header.reference is not None
    assert header.reference.value == "FOI / 555123"
    assert any("quoted" in w for w in header.warnings)


def test_reference_from_quoted_thread_without_quote_marks() -> None:
    lines = [
        *BODY,
        "From: FOI",
        "Sent: 03 February 2025 10:56",
        "Subject: Re - Freedom of Information Request - Reference - FOI / 777001",
    ]
    header = header_of(lines, fmt=SourceFormat.EMAIL)
    assert header.reference is not None and header.reference.value == "FOI / 777001"


def test_reference_in_subject_beats_prose_reference_in_body() -> None:
    meta = Metadata(subject="RE: FOI Request - FOI ref: HUH/FOI/0412/24 - Agency nursing")
    lines = ["Dear Ms W,", "Your questions are repeated here for ease of reference.",
             "Q1. What was spent?", *BODY[1:]]
    header = header_of(lines, fmt=SourceFormat.EMAIL, metadata=meta)
    assert header.reference is not None and header.reference.value == "HUH/FOI/0412/24"


def test_reference_from_nz_oia_subject_header() -> None:
    meta = Metadata(subject="Your OIA request - OIA-2026-0088 - transfer to Ministry for Water")
    header = header_of(BODY, fmt=SourceFormat.EMAIL, metadata=meta)
    assert header.reference is not None
    assert header.reference.value == "OIA-2026-0088"


def test_reference_from_subject_header_has_no_span() -> None:
    meta = Metadata(subject="Freedom of Information Request - Reference - FOI / 123456")
    header = header_of(BODY, fmt=SourceFormat.EMAIL, metadata=meta)
    assert header.reference is not None
    assert (header.reference.value, header.reference.span) == ("FOI / 123456", None)


# --- date ------------------------------------------------------------------------------------

DATE_CASES = [
    ("day-month-year", ["20 November 2023", *BODY], False, "2023-11-20"),
    ("ordinal", ["19th March 2021", *BODY], False, "2021-03-19"),
    ("ordinal-spaced", ["15 th April 2021", *BODY], False, "2021-04-15"),
    ("abbreviated", ["20th Nov 2023", *BODY], False, "2023-11-20"),
    ("us-month-first", ["November 20, 2023", *BODY], False, "2023-11-20"),
    ("comma-after-month", ["20 July, 2015 Sent Via E-Mail", *BODY], False, "2015-07-20"),
    ("iso", ["2023-11-20", *BODY], False, "2023-11-20"),
    ("uk-numeric-label", ["Date: 22/04/2021", *BODY], False, "2021-04-22"),
    ("us-numeric", ["Date: 04/22/2021", *BODY], True, "2021-04-22"),
    ("sent-with-weekday", ["Sent: Monday, 7 December 2023", *BODY], False, "2023-12-07"),
    ("dateline-then-team", ["26 April 2021 Freedom of Information Team", *BODY], False,
     "2021-04-26"),
    ("inline-date-label", ["From: Smith, Jo - To: a@b.org - Date: May 1, 2017 at 3:56 PM", *BODY],
     False, "2017-05-01"),
    ("doubled-glyphs", ["DDaattee:: MMaayy 11,, 22001177", *BODY], False, "2017-05-01"),
    ("skip-request-date", ["REQUEST DATE: August 10, 2016", "August 17, 2016", *BODY], False,
     "2016-08-17"),
    ("not-request-date-in-body", ["Dear Sir,", "Your request dated 4 March 2021 asked for...",
                                  *BODY[1:]], False, None),
    ("no-date", BODY, False, None),
    ("day-month-name-hyphens", ["5-Jun-2024", *BODY], False, "2024-06-05"),
    ("numeric-hyphens-day-first", ["05-06-2024", *BODY], False, "2024-06-05"),
    ("numeric-hyphens-us", ["Date: 06-05-2024", *BODY], True, "2024-06-05"),
    ("us-numeric-dateline", ["03/04/2024", *BODY], True, "2024-03-04"),
    ("year-first-slashes", ["2024/06/03", *BODY], False, "2024-06-03"),
    ("day-of-month-legal-style", ["4th day of June, 2024", *BODY], False, "2024-06-04"),
    ("table-row-label", ["Published | 1 May 2024", "Date | 9 May 2024", *BODY], False,
     "2024-05-09"),
    ("date-of-response-not-request",
     ["Request reference: 3398921", "Date of request: 29/01/2024", "Date of response: 05/03/2024",
      *BODY], False, "2024-03-05"),
    ("not-a-reference-number", ["Ref: 21/22/003", *BODY], False, None),
    # round 3: bilingual letterhead cells and letters dated only under the signature
    ("bilingual-label-cell", ["Dyddiad / Date: | 3 Mawrth 2024 / 3 March 2024", *BODY], False,
     "2024-03-03"),
    ("bilingual-label-inline", ["Dáta / Date: 3 Márta 2024 / 3 March 2024", *BODY], False,
     "2024-03-03"),
    # round 5: a portal's label table, the request's "Date Created" row above the message's
    ("portal-message-date", ["Reference # | R0042-0312", "Date Created | 3/12/2026 9:14 AM",
                             "Message Date | 3/25/2026 2:37 PM", *BODY], True, "2026-03-25"),
    ("portal-created-only", ["Date Created | 3/12/2026 9:14 AM", *BODY], True, None),
    ("under-signature", [*BODY, "P. Name", "Assistant Director", "9 May 2024"], False,
     "2024-05-09"),
    ("under-signature-labelled", [*BODY, "P. Name", "Dated: 9 May 2024"], False, "2024-05-09"),
    ("not-enclosure-table-date", [*BODY, "P. Name", "Doc | 09/01/2024 | Brief | 4"], False,
     None),
]


@pytest.mark.parametrize(("lines", "us", "want"), [c[1:] for c in DATE_CASES],
                         ids=[c[0] for c in DATE_CASES])
def test_date(lines: list[str], us: bool, want: str | None) -> None:
    if us:
        lines = [*lines, "Rockford, IL 61101", "Freedom of Information Act (FOIA)"]
    header = header_of(lines)
    assert (header.date.value if header.date else None) == want


@pytest.mark.parametrize(
    ("sent", "want"),
    [("Tue, 24 Dec 2024 10:00:29 +0000", "2024-12-24"), ("2017-07-03T15:05:34+01:00", "2017-07-03")],
    ids=["rfc5322", "iso-timestamp"],
)
def test_date_from_email_header(sent: str, want: str) -> None:
    header = header_of(BODY, fmt=SourceFormat.EMAIL, metadata=Metadata(sent=sent))
    assert header.date is not None and (header.date.value, header.date.span) == (want, None)
    assert "date: taken from the e-mail Date header" in header.warnings


# --- authority -------------------------------------------------------------------------------

AUTHORITY_CASES = [
    ("letterhead", ["Northshire Community NHS Foundation Trust", "1 High Street", *BODY],
     None, "Northshire Community NHS Foundation Trust"),
    ("sign-off", [*BODY, "Eastvale Borough Council"], None, "Eastvale Borough Council"),
    ("sign-off-after-team", [*BODY[:-1], "Information Governance Team Westshire NHS Trust"], None,
     "Westshire NHS Trust"),
    ("email-sender", BODY, "Midtown City Council <foi@midtown.example>", "Midtown City Council"),
    ("body-phrase", ["Dear Ms Smith,", "The Springfield Police Department received your request.",
                     "Sincerely,", "J. Doe"], None, "Springfield Police Department"),
    ("possessive", ["Dear Ms Smith,", "Please find Lowtown District Council's response below.",
                    "Regards"], None, "Lowtown District Council"),
    ("caps-letterhead", ["DEPARTMENT OF PUBLIC WORKS", "CITY OF RIVERTON", *BODY], None,
     "Department of Public Works"),
    ("wrapped-name", ["Dear Ms Smith,",
                      "Thank you for your request for information from Hill and Dale Mental Health"
                      " Partnership, NHS",
                      "Trust. Please find our response below.", "Regards"], None,
     "Hill and Dale Mental Health Partnership, NHS Trust"),
    ("ignores-ico", ["Dear Ms Smith,", "You may complain to the Information Commissioner's Office.",
                     "Regards"], None, None),
    ("email-sender-after-bar", BODY,
     "Information Governance | Harrowmere University Hospitals NHS Foundation Trust <f@h.example>",
     "Harrowmere University Hospitals NHS Foundation Trust"),
    ("email-sender-before-dash", BODY, "Northmoor Constabulary - Freedom of Information <f@n.example>",
     "Northmoor Constabulary"),
    ("not-headquarters", [*BODY, "Trust Headquarters, Level 2"], None, None),
    ("office-before-university",
     [*BODY[:-1], "Freedom of Information Officer", "Governance and Compliance Office",
      "University of Westmarch"], None, "University of Westmarch"),
    ("not-service-department",
     ["Eastmoor County Council", "Dear Ms B,", "Please find our decision below.", "Yours sincerely,",
      "Ann Doyle", "Planning Department"], None, "Eastmoor County Council"),
    ("city-of-not-clerk",
     ["CITY OF MAPLE HOLLOW, TEXAS", "Office of the City Secretary", "Dear Mr. A:",
      "Please find the records enclosed.", "Sincerely,", "Lee Briggs", "City Secretary",
      "City of Maple Hollow"], None, "City of Maple Hollow"),
    ("village-of", ["VILLAGE OF OAK RIDGE", "Office of the Village Clerk", *BODY[:-1],
                    "Village of Oak Ridge"], None, "Village of Oak Ridge"),
    ("title-listed-before-body",
     [*BODY[:-1], "FOIA Officer, Federal Example Safety Administration"], None,
     "Federal Example Safety Administration"),
    ("not-job-title", [*BODY[:-1], "Government Information Specialist"], None, None),
    ("london-borough", [*BODY[:-1], "London Borough of Eastfield"], None,
     "London Borough of Eastfield"),
    ("accented-place", [*BODY[:-1], "San Andrés Unified School District"], None,
     "San Andrés Unified School District"),
    ("treasury", [*BODY[:-1], "HM Treasury"], None, "HM Treasury"),
    ("college", [*BODY[:-1], "Northgate College London"], None, "Northgate College London"),
    ("transport-for", [*BODY[:-1], "Transport for Westmoor"], None, "Transport for Westmoor"),
    ("national-body", [*BODY[:-1], "Heritage Forests Scotland"], None, "Heritage Forests Scotland"),
    ("nothing", ["Dear Ben, we will send the revised data by Friday."], None, None),
    # round 3: names glued to their neighbours, and the letter's own short form of its name
    ("initialism-and-body",
     ["Dear Ms A,", "The U.S. Customs and Excise Service has searched.", "Sincerely,",
      "U.S. Customs and Excise"], None, "U.S. Customs and Excise"),
    ("name-split-at-connector", ["HM Customs and", "Excise", *BODY], None,
     "HM Customs and Excise"),
    ("not-company-after-and",
     ["Dear Mr A,", "The Lakeview Police Department holds a contract between the Lakeview Police"
      " Department and Acme Link, Ltd.", "Sincerely,", "Records Clerk",
      "Lakeview Police Department"], None, "Lakeview Police Department"),
    ("caps-name-not-portal-label",
     ["Type: Outgoing Letter UNITED STATES MARITIME SAFETY AGENCY", "Dear Ms A,",
      "The U.S. Maritime Safety Agency received your request.", "Sincerely,",
      "U.S. Maritime Safety Agency"], None, "U.S. Maritime Safety Agency"),
    ("bilingual-letterhead-half",
     ["Comhairle Contae na Abhann Móire Avonmore County Council", "Dear Mr B,",
      "Avonmore County Council received your request.", "Yours sincerely,", "A. Name",
      "Avonmore County Council"], None, "Avonmore County Council"),
    ("not-address-after-name",
     ["Dear Ms C,", "Write to the FOI Officer, University of Eastmarch, Senate House, Eastmarch"
      " EM1 2AB.", "Yours sincerely,", "A. Name", "University of Eastmarch"], None,
     "University of Eastmarch"),
    ("not-question-opening",
     ["Dear Ms D,", "1. Has Fenland Police investigated the matter?", "Yours sincerely,",
      "Fenland Police"], None, "Fenland Police"),
    ("building-after-name", ["Glenmoor County Borough Council Civic Offices, Bridge Street",
                             *BODY], None, "Glenmoor County Borough Council"),
    ("not-job-title-after-body", [*BODY[:-1], "A. Name", "Senior Executive Officer"], None, None),
    ("not-next-line-address",
     [*BODY[:-1], "Bwrdd Iechyd Dyffryn Afon / Afon Valley University Health Board",
      "Pencadlys, Heol y Bont, Afonfa AF1 2BC"], None, "Afon Valley University Health Board"),
    ("parent-named-by-its-short-form",
     ["DEPARTMENT OF RURAL AFFAIRS", "Farm Payments Administration", "Dear Mr E,",
      "Your RA customer number and RA file were searched. RA holds no record.",
      "RA staff checked twice.", "Sincerely,", "Farm Payments Administration"], None,
     "Department of Rural Affairs"),
    ("component-named-by-its-short-form",
     ["U.S. Department of Examples", "Coastal Navigation Administration", "Dear Mr F,",
      "CNA searched its files. CNA holds no record.", "Sincerely,", "FOIA Unit Chief"], None,
     "Coastal Navigation Administration"),
    ("us-spelled-out-letterhead",
     ["UNITED STATES MARITIME SAFETY AGENCY", "Dear Ms G,", "Sincerely,",
      "U.S. Maritime Safety Agency"], None, "U.S. Maritime Safety Agency"),
    ("not-cc-office", ["Dear Ms H,", "Please find the records enclosed.", "Sincerely,",
                       "Eastfield District Council", "cc: Westfield Regional Office",
                       "cc: Westfield Regional Office"], None, "Eastfield District Council"),
    # round 4
    ("component-below-parent-department",
     ["U.S. Department of Examples", "Federal Bureau of Samples", "Office of General Counsel",
      "Dear Mr X,", "You may appeal to the Director, United States Department of Examples.",
      "Sincerely,", "FOIA/PA Section"], None, "Federal Bureau of Samples"),
    ("us-special-district",
     ["WILLOW CREEK PARK DISTRICT", "Dear Ms Y,",
      "The Willow Creek Park District has reviewed your request.", "Sincerely,",
      "FOIA Officer, Willow Creek Park District"], None, "Willow Creek Park District"),
    ("letter-pasted-below-cover-note",
     ["Good afternoon,", "The response letter is reproduced below.", "Regards,", "ATIP Office",
      "----------", "Canadian Sample Agency", "Agence canadienne des exemples",
      "Access to Information and Privacy Office", "January 15, 2025", "Dear Mr Z:",
      "One page is a confidence of the King's Privy Council for Canada.", "Yours sincerely,",
      "A. Name", "Director, Access to Information and Privacy"], None,
     "Canadian Sample Agency"),
    # round 5: a federal body named after the country, bilingual letterhead and signature
    ("country-named-body", ["Parks and Heritage Canada | Parcs et Patrimoine Canada",
                            "30 Victoria Street, Gatineau QC K1A 0M5", *BODY[:-1],
                            "Director, Access to Information and Privacy",
                            "Parks and Heritage Canada"], None, "Parks and Heritage Canada"),
]


@pytest.mark.parametrize(("lines", "sender", "want"), [c[1:] for c in AUTHORITY_CASES],
                         ids=[c[0] for c in AUTHORITY_CASES])
def test_authority(lines: list[str], sender: str | None, want: str | None) -> None:
    header = header_of(lines, metadata=Metadata(sender=sender))
    assert (header.authority.value if header.authority else None) == want


def test_authority_acronym_defined_in_letter_supports_name() -> None:
    lines = [
        "Rahm Doe Department of Police · City of Springfield",
        "Dear Mr. Fan:",
        'The Springfield Police Department ("SPD") is in receipt of your request.',
        "SPD has reviewed it. SPD will respond.",
        "Sincerely,",
        "Freedom of Information Officer",
    ]
    header = header_of(lines)
    assert header.authority is not None
    assert header.authority.value == "Springfield Police Department"


# --- regime ----------------------------------------------------------------------------------

REGIME_CASES = [
    ("uk-foia", ["under the Freedom of Information Act 2000"], Regime.UK_FOIA),
    ("uk-eir", ["handled under the Environmental Information Regulations 2004"], Regime.UK_EIR),
    ("eir-over-foia", ["Freedom of Information Act 2000",
                       "dealt with under the Environmental Information Regulations 2004"],
     Regime.UK_EIR),
    ("foisa", ["the Freedom of Information (Scotland) Act 2002"], Regime.UK_FOISA),
    ("eisr", ["the Environmental Information (Scotland) Regulations 2004"], Regime.UK_EISR),
    ("illinois", ["pursuant to 5 ILCS 140/7(1)(c)"], Regime.US_IL),
    ("federal", ["exempt under 5 U.S.C. § 552(b)(6)"], Regime.US_FOIA),
    ("state-over-federal", ["Freedom of Information Act 5 U.S.C. 552", "5 ILCS 140/2"],
     Regime.US_IL),
    ("ireland", ["section 15 of the Freedom of Information Act 2014"], Regime.IE_FOI),
    ("nz", ["under the Official Information Act 1982"], Regime.NZ_OIA),
    ("canada", ["paragraph 20(1)(b) of the Access to Information Act"], Regime.CA_ATIA),
    ("us-address-fallback", ["Your FOIA request", "3510 S. Michigan Ave., Rockford, IL 61101"],
     Regime.US_IL),
    ("uk-signals-fallback", ["You may contact the Information Commissioner."], Regime.UK_FOIA),
    ("no-signal", ["We will send the data on Friday."], None),
    ("eisr-called-eirs", ["Our ref: EIR/2024/117",
                          "under the Environmental Information (Scotland) Regulations 2004 (the EIRs)",
                          "withheld under regulation 11(2) of the EIRs"], Regime.UK_EISR),
    ("eir-in-foia-boilerplate", ["handled under the Freedom of Information Act 2000",
                                 "environmental information is covered by the EIR instead"],
     Regime.UK_FOIA),
    ("colorado", ["under the Colorado Open Records Act, C.R.S. § 24-72-200.1"], Regime.US_CO),
    ("georgia-citation", ["exempt under O.C.G.A. § 50-18-72(a)(4)"], Regime.US_GA),
    ("wisconsin-citation", ["see Wis. Stat. § 19.35(1)(a)"], Regime.US_WI),
    ("west-virginia-not-virginia", ["the West Virginia Freedom of Information Act"], Regime.US_WV),
    ("open-records-with-address", ["Your open records request", "250 Aspen Ave, Larkspur, CO 80477"],
     Regime.US_CO),
    ("federal-agency-without-act", ["U.S. Department of Examples", "Washington, DC 20530",
                                    "This responds to your FOIA request."], Regime.US_FOIA),
    # round 4: the law a first-party request is processed under first
    ("privacy-act-first", ["Because you asked for records about yourself, we processed your "
                           "request under the Privacy Act of 1974, 5 U.S.C. § 552a. We also "
                           "processed it under the FOIA, 5 U.S.C. § 552."], Regime.US_PA),
    ("foia-and-privacy-act", ["we processed your request under both the FOIA, 5 U.S.C. § 552, "
                              "and the Privacy Act of 1974, 5 U.S.C. § 552a."], Regime.US_FOIA),
    ("privacy-act-first-of-both", ["we processed your request under both the Privacy Act of "
                                   "1974, 5 U.S.C. \u00a7 552a, and the FOIA, 5 U.S.C. \u00a7 552."],
     Regime.US_PA),
]


@pytest.mark.parametrize(("lines", "want"), [c[1:] for c in REGIME_CASES],
                         ids=[c[0] for c in REGIME_CASES])
def test_regime(lines: list[str], want: Regime | None) -> None:
    assert header_of(lines).regime == want


def test_regime_from_eir_reference() -> None:
    lines = ["Our ref: EIR / 1224573", *BODY]
    assert header_of(lines).regime is Regime.UK_EIR


def test_regime_fallback_warns() -> None:
    header = header_of(["You may contact the Information Commissioner."])
    assert any(w.startswith("regime: no Act named") for w in header.warnings)


# --- threads ---------------------------------------------------------------------------------


def test_alaveteli_thread_page_takes_the_authoritys_last_message() -> None:
    lines = [
        "Jo Bloggs",
        "made this Freedom of Information request to",
        "Ministry of Examples",
        "Jo Bloggs",
        "1 May 2019",
        "Dear Ministry of Examples,",
        "Please send me the list.",
        "Despatch Box,",
        "3 May 2019",
        "Our reference: 4000001 Information request",
        "Dear Jo Bloggs,",
        "We hold no such list.",
        "Department of Examples",
        "Link to this",
        "Jo Bloggs",
        "4 May 2019",
        "Dear Despatch Box, thank you.",
    ]
    header = header_of(lines, fmt=SourceFormat.HTML)
    assert header.date is not None and header.date.value == "2019-05-03"
    assert header.reference is not None and header.reference.value == "4000001"
    assert header.authority is not None and header.authority.value == "Department of Examples"


def test_alaveteli_one_line_headers_take_the_authoritys_last_message() -> None:
    """A thread page printing each message's sender and date in one line."""
    lines = [
        "J. Bloggs made this Freedom of Information request to University of Examples",
        "J. Bloggs 1 May 2019 Delivered",
        "Dear University of Examples,",
        "Please send me the list.",
        "Information Compliance, University of Examples 2 May 2019",
        "We have logged your request as FOI-2019-1.",
        "Link to this",
        "Information Compliance, University of Examples 20 May 2019",
        "Dear J. Bloggs,",
        "We hold no such list.",
        "University of Examples",
        "Link to this",
    ]
    header = header_of(lines, fmt=SourceFormat.HTML)
    assert header.date is not None and header.date.value == "2019-05-20"


def test_alaveteli_labelled_from_date_headers_take_the_authoritys_last_message() -> None:
    """A thread page printing "From: X Date: Y" for each message."""
    lines = [
        "J. Bloggs made this Freedom of Information request to Department of Examples",
        "From: J. Bloggs Date: 1 May 2019",
        "Dear Department of Examples,",
        "Please send me the list.",
        "From: FOI, Department of Examples Date: 2 May 2019",
        "We have logged your request as FOI19-0001.",
        "From: FOI, Department of Examples Date: 20 May 2019",
        "Dear J. Bloggs,",
        "We hold no such list.",
        "Department of Examples",
    ]
    header = header_of(lines, fmt=SourceFormat.HTML)
    assert header.date is not None and header.date.value == "2019-05-20"


# --- the real dev corpus (skipped without ../shared) ---------------------------------------


@requires_shared
def test_dev_corpus_header_accuracy() -> None:
    """Reference and date agree with the gold labels on the text-layer dev letters."""
    dev = SHARED / "corpus" / "dev"
    options = ParseOptions(ocr="never")
    hits = {"reference": 0, "date": 0}
    total = 0
    for gold_path in sorted(dev.glob("*.gold.json")):
        source = next((p for p in dev.glob(gold_path.name.split(".")[0] + ".*")
                       if not p.name.endswith((".gold.json", ".full.json"))), None)
        if source is None:
            continue
        try:
            doc = load(source.read_bytes(), name=str(source), options=options)
        except FoiParseError:
            continue  # scans without OCR, legacy formats without their tools
        gold = json.loads(gold_path.read_text())
        header = extract_header(doc, ())
        total += 1
        hits["reference"] += (header.reference.value if header.reference else None) == gold[
            "reference"
        ]
        hits["date"] += (header.date.value if header.date else None) == gold["date"]
    assert total >= 20
    assert hits["reference"] / total >= 0.9
    assert hits["date"] / total >= 0.9


_THREAD = [
    "Northfield Borough Council",          # 0
    "Our ref: FOI 2024/100",               # 1
    "Dear Ms Reid,",                       # 2
    "We hold the information you asked for and enclose it.",  # 3
    "Yours sincerely,",                    # 4
    "Records Team",                        # 5
    "Sam Reid asked on 2 May:",            # 6
    "-----Original Message-----",          # 7
    "From: Sam Reid",                      # 8
    "Sent: 2 May 2024 10:00",              # 9
]


@pytest.mark.parametrize(
    ("quoted_from_block", "main_blocks"),
    [(None, 7), (6, 6), (1, 7), (8, 7)],
    ids=["own-markers-only", "segmenter-cut-earlier", "segmenter-cut-at-top-ignored",
         "own-marker-earlier"],
)
def test_letter_region_honours_quoted_segments(quoted_from_block: int | None, main_blocks: int) -> None:
    """The letter proper ends at the segmenter's QUOTED segments or the first block that opens
    a quoted message, whichever comes first, but never in the reply's own top lines."""
    doc = make_doc(_THREAD)
    segments: tuple[Segment, ...] = ()
    if quoted_from_block is not None:
        segments = (Segment(SegmentKind.QUOTED, doc.blocks[quoted_from_block].start, len(doc.text)),)
    region = _letter_region(doc, segments)
    assert len(region.main) == main_blocks
    assert len(region.main) + len(region.quoted) == len(doc.blocks)

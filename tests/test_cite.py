"""The cite stage on synthetic letters: relied on vs mentioned, question ids, spans, catalog."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from foiparse.cite import find_exemptions
from foiparse.cite.catalog import catalog, lookup, section_of
from foiparse.document import Document, DocumentBuilder, DraftAnswer, Segment, SegmentKind
from foiparse.records import Regime, SourceFormat
from foiparse.segment import end_requests_at_reply

SHARED = Path(__file__).resolve().parents[2] / "shared"
UK, EIR, US, IL = Regime.UK_FOIA, Regime.UK_EIR, Regime.US_FOIA, Regime.US_IL
CA, TX = Regime.US_CA, Regime.US_TX


def build(text: str, fmt: SourceFormat = SourceFormat.TEXT) -> Document:
    builder = DocumentBuilder(fmt)
    for line in text.split("\n"):
        builder.add(line)
    return builder.build()


def ids(text: str, regime: Regime | None, segments: tuple[Segment, ...] | None = None) -> list[str]:
    doc = build(text)
    segs = segments if segments is not None else (Segment(SegmentKind.ANSWERS, 0, len(doc.text)),)
    return [e.id for e in find_exemptions(doc, segs, regime=regime).exemptions]


NOT_RELIED = [
    # procedural sections of other regimes are no grounds
    ("nz-s9-1-public-interest", Regime.NZ_OIA,
     "I have considered whether the public interest in the information withheld outweighs the "
     "need to withhold it, as required by section 9(1) of the Act."),
    ("ca-s6-sufficient-detail", Regime.CA_ATIA,
     "As your request is very broad we cannot process it. In accordance with\n"
     "section 6 of the Act, a request must provide sufficient detail to identify the record."),
    ("hypothetical-future-release", US, "Exemption (b)(6) may apply to a future release of records."),
    ("hypothetical-could-be-engaged", UK, "Section 43(2) could be engaged by some of the pricing."),
    ("s12-does-not-apply", UK, "We have checked and section 12 does not apply to this request."),
    ("not-cited", UK, "As you have not cited section 12, I expect a reply today."),
    ("advice-s16", UK, "Under section 16 of the Act we have a duty to provide advice and assistance."),
    ("refusal-notice-s17", UK, "This letter is a refusal notice under section 17 of the Act."),
    (
        "complaint-s50",
        UK,
        "You have the right under section 50 of the Freedom of Information Act 2000 "
        "to apply to the Information Commissioner.",
    ),
    (
        "general-duty-s1",
        UK,
        "Section 1(1) of the Freedom of Information Act 2000 entitles you to information.",
    ),
    ("other-act-lga", UK, "This is done using the vires in Section 21 of the Local Government Act."),
    ("other-act-dpa", UK, "We process data under section 45 of the Data Protection Act 2018."),
    ("other-act-pace", UK, "Samples are taken under section 64 of PACE."),
    ("mental-health", UK, "The number of people on Section 117 Aftercare is shown below."),
    ("mha-abbrev", UK, "We do not hold data for patients under s.117 MHA 1983 aftercare."),
    ("money", UK, "The cost was £1,182.58 in 2023 and S 4,785.76 in 2022."),
    ("date-and-phone", UK, "Call (0114) 273 4567 on 12.05.2023 at 10:30."),
    (
        "il-review",
        IL,
        "You may seek review by the Public Access Counselor under 5 ILCS 140/9.5(a) "
        "or judicial review under 5 ILCS 140/11.",
    ),
    ("il-other-chapter", IL, "Seizures are made under 720 ILCS 570/505(a) of the Controlled Substances Act."),
    ("il-questions", IL, "FOIA does not require answers to questions. 5 ILCS 140/3.3 provides so."),
    ("us-exclusion", US, "Congress excluded three categories of records. See 5 U.S.C. § 552(c) (2006)."),
    ("us-appeal", US, "We are required by 5 USC § 552 (a)(6)(A) to tell you of your right to appeal."),
    (
        "quoted-request",
        EIR,
        'You wrote: "the refusal on grounds of regulation 12(5)(c) of the EIR is wrong".',
    ),
    ("statute-in-passing", IL, "records are open, except as otherwise provided in section 7 of this Act."),
    ("uk-list-item", UK, "Please provide (b)(6) of the contract schedule."),
    (
        "considered-and-rejected",
        UK,
        "We have considered whether section 31 (law enforcement) applies to the amounts and have "
        "concluded that it does not.",
    ),
    (
        "not-gone-on-to-consider",
        UK,
        "We have not gone on to consider whether any exemptions would apply to the audit reports, "
        "for example section 31 (law enforcement).",
    ),
    ("eir-presumption", EIR, "Regulation 12(2) requires us to apply a presumption in favour of disclosure."),
    (
        "state-procedure-in-a-withholding-sentence",
        TX,
        "Because the City wished to withhold some of the information, we asked the Attorney General "
        "for a decision, as required by section 552.301 of the Government Code.",
    ),
    (
        "state-complaint-route",
        TX,
        "Complaints about charges may be made under section 552.269 of the Government Code.",
    ),
    # a provision that obliges disclosure is a carve-out from the ground, not a ground
    ("ny-carve-out-must-be-disclosed", Regime.US_NY,
     "The drafts contain no statistical or factual tabulations that would have to be disclosed "
     "under § 87(2)(g)(i)-(iv) of the Public Officers Law."),
    ("ie-duty-to-assist-s15-4", Regime.IE_FOI,
     "On 18 June I offered to assist you in refining the request before refusing it, and I am "
     "satisfied that the requirements of section 15(4) of the FOI Act have been met."),
    # a provision named for what it lists or defines, not as a ground
    ("uk-body-listed-in-s23-3", UK,
     "Confirming whether information is held would reveal whether or not a body listed in "
     "section 23(3) has been involved in this area of policing, which is exempt."),
    ("ie-public-interest-provision", Regime.IE_FOI,
     "The pricing schedule is protected commercial information. I have considered the public "
     "interest under section 36(3)."),
    # the review a burden refusal would need, described: nothing is withheld under it
    ("il-review-a-burden-refusal-would-need", IL,
     "Each record would then have to be reviewed page by page for information exempt under "
     "Section 7 (for example, private information of riders)."),
    # round 5: a procedure weighed inside "considered whether ... could be released"
    ("ie-partial-release-weighed", Regime.IE_FOI,
     "I have also considered whether the record could be released with redactions under "
     "section 18, but a redacted version would be misleading."),
]


@pytest.mark.parametrize(("regime", "text"), [c[1:] for c in NOT_RELIED], ids=[c[0] for c in NOT_RELIED])
def test_mentions_that_are_not_relied_on(regime: Regime, text: str) -> None:
    assert ids(text, regime) == []


RELIED = [
    (
        "heading-line",
        UK,
        "The information is withheld by virtue of the following exemptions:\n"
        "Section 40(2) Personal Information\nSection 43(2) Commercial Interests",
        ["UK-FOIA s40(2)", "UK-FOIA s43(2)"],
    ),
    (
        "cost-limit",
        UK,
        "The appropriate limit set in regulation by section 12 of the Freedom of "
        "Information Act is 18 hours.",
        ["UK-FOIA s12"],
    ),
    (
        "subsection-wins",
        UK,
        "The figure is given as <5 by virtue of section 40.\nSection 40(2) Personal Information",
        ["UK-FOIA s40(2)"],
    ),
    (
        "ancestor-dropped",
        IL,
        "Redacted under 5 ILCS 140/7(1)(d). In particular §7(1)(d)(v) applies.",
        ["US-IL s7(1)(d)(v)"],
    ),
    ("eir-letter-cites-foia", EIR, "Names are withheld under section 40(2).", ["UK-FOIA s40(2)"]),
    (
        "no-regime-inferred",
        None,
        "Under the Environmental Information Regulations 2004 we withhold this under regulation 12(5)(b).",
        ["UK-EIR reg12(5)(b)"],
    ),
    (
        "not-negates-another-word",
        IL,
        "Records of complaints that were not sustained are exempt under Section 7(1)(n) of FOIA.",
        ["US-IL s7(1)(n)"],
    ),
    (
        "state-code-which-exempts",
        CA,
        "The City is withholding the reports pursuant to Government Code section 7923.600, which "
        "exempts investigation records, and section 7927.705, which exempts records exempted under "
        "other state law.",
        ["US-CA s7923.600", "US-CA s7927.705"],
    ),
    (
        "state-code-withheld-under",
        TX,
        "The dash camera video is withheld in its entirety under section 552.108(a)(1).",
        ["US-TX s552.108(a)(1)"],
    ),
    (
        "state-code-heading-line",
        TX,
        "The following exceptions were applied:\nSection 552.101 - Information confidential by law",
        ["US-TX s552.101"],
    ),
    (
        "eisr-letter-calls-its-regulations-eirs",
        Regime.UK_EISR,
        "We are withholding them under regulation 10(5)(g) of the EIRs, because disclosure would "
        "harm the protection of the environment.",
        ["UK-EISR reg10(5)(g)"],
    ),
    (
        "state-code-initials-before-section",
        Regime.US_CO,
        "The statements are redacted as confidential commercial data under C.R.S. § 24-72-204(3)(a)(IV).",
        ["US-CO s24-72-204(3)(a)(IV)"],
    ),
    (
        "first-mention-order",
        UK,
        "We rely on section 43(2). We also rely on section 41.",
        ["UK-FOIA s43(2)", "UK-FOIA s41"],
    ),
    # the clause's withholding verb sits before a long list of what was withheld, and a
    # decision of the state Attorney General is named in the same sentence
    (
        "state-code-long-list-before-under",
        TX,
        "In accordance with Open Records Decision No. 684 (2009), the City has redacted driver's "
        "license numbers, license plate numbers and vehicle identification numbers under "
        "**section 552.130** of the Act, and e-mail addresses of members of the public under "
        "**section 552.137** of the Act.",
        ["US-TX s552.130", "US-TX s552.137"],
    ),
    (
        "ny-ground-kept-beside-carve-out",
        Regime.US_NY,
        "The drafts are intra-agency materials exempt under Public Officers Law § 87(2)(g). They "
        "hold no factual tabulations that would have to be disclosed under § 87(2)(g)(i)-(iv).",
        ["US-NY s87(2)(g)"],
    ),
    (
        "ie-refusal-with-duty-to-assist",
        Regime.IE_FOI,
        "I have decided to refuse your request under section 15(1)(c) of the FOI Act. I am "
        "satisfied that the requirements of section 15(4) have been met.",
        ["IE-FOI s15(1)(c)"],
    ),
    (
        "us-title-5-and-sibling-paragraph",
        US,
        "Names have been withheld pursuant to Title 5 U.S.C. § 552(b)(6) and (b)(7)(C).",
        ["US-FOIA (b)(6)", "US-FOIA (b)(7)(C)"],
    ),
    (
        "us-exemption-paragraph-heading",
        US,
        "Exemption (b)(7)(E) protects records compiled for law enforcement purposes, the release "
        "of which would disclose techniques for law enforcement investigations.",
        ["US-FOIA (b)(7)(E)"],
    ),
    (
        # an exclusion says the Act does not apply: that negates no citation
        "ca-exclusion-act-does-not-apply",
        Regime.CA_ATIA,
        "One page containing a Cabinet confidence has been excluded under paragraph 69(1)(g) of "
        "the Act, and the Act therefore does not apply to it.",
        ["CA-ATIA s69(1)(g)"],
    ),
    (
        "uk-exemption-defined-in-section-is-relied-on",
        UK,
        "We have withheld the names under the exemption listed in section 40(2).",
        ["UK-FOIA s40(2)"],
    ),
]


@pytest.mark.parametrize(("regime", "text", "expected"), [c[1:] for c in RELIED], ids=[c[0] for c in RELIED])
def test_relied_on(regime: Regime | None, text: str, expected: list[str]) -> None:
    assert ids(text, regime) == expected


def test_boilerplate_and_quoted_segments_are_ignored() -> None:
    text = "We hold the information and attach it.\nAn earlier reply said it is exempt under section 43(2)."
    doc = build(text)
    cut = text.index("An earlier")
    segs = (Segment(SegmentKind.ANSWERS, 0, cut), Segment(SegmentKind.QUOTED, cut, len(text)))
    assert [e.id for e in find_exemptions(doc, segs, regime=UK).exemptions] == []


THREAD_PAGE = (
    "T. Requester 15 October 2024 Delivered\nDear University,\nPlease send every e-mail about X.\n"
    "Yours faithfully,\nT. Requester\nLink to this\n"
    "FOI Team, University 11 November 2024\nDear T. Requester,\n"
    "The University has decided to refuse your request under section 14(1) of the Freedom of "
    "Information Act 2000, as the request is vexatious.\nYours sincerely,\nFOI Team\nLink to this\n"
)
COVERING_EMAIL = (
    "Kia ora Hemi\nPlease find below the Ministry's response to your request.\nNga mihi\n"
    "Ministerial Services\n==========\nTena koe Hemi\nThank you for your request.\n"
    "I have decided to withhold the names under section 9(2)(a) of the Act.\nNaku noa, na\nA Person"
)


@pytest.mark.parametrize(
    ("text", "regime", "sign_off", "expected"),
    [
        (THREAD_PAGE, UK, "Yours faithfully", ["UK-FOIA s14(1)"]),
        (COVERING_EMAIL, Regime.NZ_OIA, "Nga mihi", ["NZ-OIA s9(2)(a)"]),
    ],
    ids=["thread-page-boilerplate-ends-with-its-message", "covering-email-boilerplate-ends-at-salutation"],
)
def test_misplaced_boilerplate_segment_does_not_hide_a_later_reply(
    text: str, regime: Regime, sign_off: str, expected: list[str]
) -> None:
    """A closing-boilerplate segment that runs on from one message's sign-off over a later
    message (or the letter a covering e-mail carries) does not hide that message's grounds."""
    doc = build(text)
    cut = doc.text.index(sign_off)
    segs = (Segment(SegmentKind.ANSWERS, 0, cut), Segment(SegmentKind.BOILERPLATE, cut, len(doc.text)))
    assert [e.id for e in find_exemptions(doc, segs, regime=regime).exemptions] == expected


REQUEST_THEN_HEADING = (
    "Thank you for your request, in which you asked for:\n"
    "(i) all monitoring data collected at every restoration site since 2012;\n"
    "(ii) all site visit reports for those sites.\n"
    "Handling of your request\n"
    "Because the information is environmental, the Agency must deal with your request under the\n"
    "EISRs. We are applying the exemption in section 39(2) of the Freedom of Information\n"
    "(Scotland) Act 2002 (FOISA), so that the request is handled under the EISRs only.\n"
)


def _request_cut_at_reply(doc: Document) -> tuple[Segment, ...]:
    """The whole text taken for a recited request, as the segmenter cuts it where the reply
    starts (the paragraph rules can run a request on that far)."""
    return tuple(end_requests_at_reply(doc.text, [Segment(SegmentKind.REQUEST, 0, len(doc.text))]))


def test_recited_request_ends_at_a_heading_followed_by_prose() -> None:
    """A request segment that runs on over the letter's next heading does not hide the grounds
    the letter applies under that heading."""
    doc = build(REQUEST_THEN_HEADING)
    segs = _request_cut_at_reply(doc)
    assert [e.id for e in find_exemptions(doc, segs, regime=Regime.UK_EISR).exemptions] == ["UK-FOISA s39(2)"]
    # a request with no heading inside stays recited
    head = doc.text.index("Handling")
    short = build(REQUEST_THEN_HEADING[:head] + "I also ask whether section 39(2) was applied.\n")
    segs = _request_cut_at_reply(short)
    assert find_exemptions(short, segs, regime=Regime.UK_EISR).exemptions == ()


REQUEST_THEN_SEARCH = (
    "This is the final response to your FOIA request. You requested:\n"
    "Records of inspections of the vessel conducted between 2024 and 2025, including any\n"
    "emails between inspectors and the operator.\n"
    "A search of the Office of Vessel Inspection located 212 pages of responsive records.\n"
    "Seven pages are withheld in full under Exemption 5, 5 U.S.C. \u00a7 552(b)(5).\n"
)


@pytest.mark.parametrize(
    ("opening", "want"),
    [
        ("A search of the Office of Vessel Inspection located", ["US-FOIA (b)(5)"]),
        ("We have reviewed the records located by the Office of Vessel Inspection;", ["US-FOIA (b)(5)"]),
        ("Any records of the Office of Vessel Inspection located", []),  # still the request
    ],
    ids=["search-of", "we-have-reviewed", "request-continues"],
)
def test_recited_request_ends_at_the_search_report(opening: str, want: list[str]) -> None:
    """A request segment that runs on over the letter's report of its search does not hide the
    exemptions the letter applies after it."""
    text = REQUEST_THEN_SEARCH.replace("A search of the Office of Vessel Inspection located", opening)
    doc = build(text)
    segs = _request_cut_at_reply(doc)
    assert [e.id for e in find_exemptions(doc, segs, regime=Regime.US_FOIA).exemptions] == want


def test_checklist_of_every_us_exemption_is_not_a_decision() -> None:
    text = (
        "Withheld information is pursuant to the exemptions marked below:\n"
        "(b)(1) (b)(2) (b)(3) (b)(4) (b)(5) (b)(6) (b)(7)(A) (b)(7)(C) (b)(8)"
    )
    assert ids(text, US) == []


def test_explanation_of_exemptions_enclosure_is_ignored() -> None:
    text = (
        "We released 10 pages; names were withheld under (b)(6).\nEXPLANATION OF EXEMPTIONS\n"
        "(b)(5) inter-agency memoranda which would not be available by law.\n"
        "(b)(7)(D) could reasonably be expected to disclose the identity of a confidential source."
    )
    assert ids(text, US) == ["US-FOIA (b)(6)"]


def test_question_ids_from_answer_spans_and_explicit_statements() -> None:
    text = (
        "1. Yes, we hold this.\n2. The names are withheld under section 40(2).\n"
        "3. See below.\nSection 43(2) has been applied in relation to questions 3 and 4."
    )
    doc = build(text)
    a1 = text.index("1."), text.index("2.")
    a2 = text.index("2."), text.index("3.")
    a3 = text.index("3."), len(text)
    answers = tuple(
        DraftAnswer(q, s, e, text[s:e]) for q, (s, e) in zip(("1", "2", "3"), (a1, a2, a3), strict=True)
    )
    result = find_exemptions(doc, (Segment(SegmentKind.ANSWERS, 0, len(text)),), regime=UK, answers=answers)
    got = {e.id: e.question_ids for e in result.exemptions}
    assert got == {"UK-FOIA s40(2)": ("2",), "UK-FOIA s43(2)": ("3", "4")}


def test_question_part_reference() -> None:
    doc = build("This exemption, section 31(1)(a), is applied in relation to Question 2 part A.")
    (ex,) = find_exemptions(doc, (), regime=UK).exemptions
    assert ex.question_ids == ("2a",)


def test_exemption_record_fields() -> None:
    text = "Some data has been withheld.\nSection 31(1)(a)&(b) - Law Enforcement"
    doc = build(text)
    first, second = find_exemptions(doc, (), regime=UK).exemptions
    assert (first.provision, second.provision) == ("s31(1)(a)", "s31(1)(b)")
    assert first.cited_as == "Section 31(1)(a)&(b)"
    assert first.span is not None and text[first.span.start : first.span.end] == first.cited_as
    assert first.title == "Prevention or detection of crime"
    assert first.regime is Regime.UK_FOIA


def test_unknown_provision_of_incomplete_catalog_warns() -> None:
    doc = build("The record is withheld under section 1040(b) of the Evidence Act.")
    # A following "of the ... Act" names another law, so nothing is listed.
    assert find_exemptions(doc, (), regime=Regime.US_CA).exemptions == ()
    # A state's own code is its access law.
    doc = build("The record is withheld under section 6254(k) of the Government Code.")
    result = find_exemptions(doc, (), regime=Regime.US_CA)
    assert [e.id for e in result.exemptions] == ["US-CA s6254(k)"]
    assert any("not in the catalog" in w for w in result.warnings)


CATALOG = [
    ("exact", Regime.UK_FOIA, "s40(2)", "s40(2)", True),
    ("parent-fallback", Regime.UK_FOIA, "s31(1)(a)(ii)", "s31(1)(a)", True),
    ("procedural", Regime.UK_FOIA, "s17", "s17", False),
    ("privacy-act", Regime.US_PA, "(j)(2)", "(j)(2)", True),
    ("exclusion", Regime.US_FOIA, "(c)(1)", "(c)(1)", False),
    ("eir-presumption", Regime.UK_EIR, "reg12(2)", "reg12(2)", False),
    ("eisr-conditions", Regime.UK_EISR, "reg10(1)(b)", "reg10(1)", False),
    ("illinois", Regime.US_IL, "s7(1)(c)", "s7(1)(c)", True),
    ("illinois-burden", Regime.US_IL, "s3(g)", "s3(g)", True),
    ("dc", Regime.US_DC, "s2-534(a)(2)", "s2-534(a)(2)", True),
    ("nz-public-interest-test", Regime.NZ_OIA, "s9(1)", "s9(1)", False),
    ("nz-privacy-below-s9", Regime.NZ_OIA, "s9(2)(a)", "s9(2)(a)", True),
    ("nz-not-exist", Regime.NZ_OIA, "s18(e)", "s18(e)", True),
    ("ca-sufficient-detail", Regime.CA_ATIA, "s6", "s6", False),
    ("ca-declining-request", Regime.CA_ATIA, "s6.1", "s6.1", True),
    ("ca-severability", Regime.CA_ATIA, "s25", "s25", False),
    ("ie-internal-review", Regime.IE_FOI, "s21", "s21", False),
    ("ie-duty-to-assist", Regime.IE_FOI, "s15(4)", "s15(4)", False),
]


@pytest.mark.parametrize(
    ("regime", "provision", "found", "ground"), [c[1:] for c in CATALOG], ids=[c[0] for c in CATALOG]
)
def test_catalog(regime: Regime, provision: str, found: str, ground: bool) -> None:
    entry = catalog(regime, provision)
    assert entry is not None and entry.provision == found and entry.refusal_ground is ground
    assert entry.title


def test_catalog_unknown() -> None:
    assert lookup(Regime.UK_FOIA, "s117") is None
    assert lookup(Regime.OTHER, "s1") is None


@pytest.mark.parametrize(
    ("provision", "section"),
    [("s31(1)(a)", "s31"), ("(b)(7)(C)", "(b)(7)"), ("reg12(5)(b)", "reg12")],
    ids=["uk", "us", "eir"],
)
def test_section_of(provision: str, section: str) -> None:
    assert section_of(provision) == section


@pytest.mark.skipif(not (SHARED / "corpus" / "dev").exists(), reason="shared corpus not present")
def test_dev_corpus_exemptions() -> None:
    """The stage alone on the dev letters the loader can read, with the gold regime."""
    from foiparse.errors import FoiParseError
    from foiparse.load import load
    from foiparse.options import ParseOptions

    options = ParseOptions(ocr="never")
    tp = fp = fn = 0
    for gold_path in sorted((SHARED / "corpus" / "dev").glob("*.gold.json")):
        gold = json.loads(gold_path.read_text())
        source = next(
            p for p in gold_path.parent.glob(gold_path.name[:3] + ".*") if not p.name.endswith(".json")
        )
        try:
            doc = load(source.read_bytes(), name=str(source), options=options)
        except FoiParseError:
            continue
        found = find_exemptions(doc, (), regime=Regime(gold["regime"]))
        pred, want = {e.id for e in found.exemptions}, set(gold["exemptions"])
        tp, fp, fn = tp + len(pred & want), fp + len(pred - want), fn + len(want - pred)
    assert tp > 0
    f1 = 2 * tp / (2 * tp + fp + fn)
    assert f1 >= 0.95, (tp, fp, fn)
    assert all(re.fullmatch(r"\S+ \S+", x) for x in want)

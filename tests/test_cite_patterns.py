"""Citation forms: every printed way of citing a provision normalises to the GOLD.md id."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from foiparse.cite import find_exemptions
from foiparse.cite.patterns import attach_sibling, format_provision, scan, split_levels
from foiparse.document import DocumentBuilder, Segment, SegmentKind
from foiparse.records import Regime, SourceFormat


def cite(text: str, regime: Regime | None) -> list[str]:
    builder = DocumentBuilder(SourceFormat.TEXT)
    for line in text.split("\n"):
        builder.add(line)
    doc = builder.build()
    segments = (Segment(SegmentKind.ANSWERS, 0, len(doc.text)),)
    return [e.id for e in find_exemptions(doc, segments, regime=regime).exemptions]


UK, EIR, US, IL = Regime.UK_FOIA, Regime.UK_EIR, Regime.US_FOIA, Regime.US_IL

FORMS = [
    ("and-ampersand", UK, "exempt under Section 31(1)(a)&(b).", ["UK-FOIA s31(1)(a)", "UK-FOIA s31(1)(b)"]),
    ("s-dot", UK, "This is withheld under s.40(2).", ["UK-FOIA s40(2)"]),
    ("capital-S", UK, "We rely on S31 to withhold it.", ["UK-FOIA s31"]),
    ("spaced-and-3A", UK, "exempt by section 40 (2) and (3A)(a).", ["UK-FOIA s40(2)", "UK-FOIA s40(3A)(a)"]),
    ("plural-sections", UK, "withheld under sections 30 and 31.", ["UK-FOIA s30", "UK-FOIA s31"]),
    ("spaced-subsection", UK, "Section 12 (2) exemption applies.", ["UK-FOIA s12(2)"]),
    ("run-together", UK, "Section 31(1)(a)(b) - Law Enforcement", ["UK-FOIA s31(1)(a)", "UK-FOIA s31(1)(b)"]),
    (
        "letter-list",
        UK,
        "It is exempt under section 35(1)(a), (b), (c) and (f) of the Act.",
        ["UK-FOIA s35(1)(a)", "UK-FOIA s35(1)(b)", "UK-FOIA s35(1)(c)", "UK-FOIA s35(1)(f)"],
    ),
    (
        "ncnd-list",
        UK,
        "By virtue of sections 23(5) and 24(2) we neither confirm nor deny.",
        ["UK-FOIA s23(5)", "UK-FOIA s24(2)"],
    ),
    ("regulation", EIR, "We are withholding this under regulation 12(5)(b).", ["UK-EIR reg12(5)(b)"]),
    ("reg-short", EIR, "Names are withheld under Reg 13.", ["UK-EIR reg13"]),
    ("bare-of-the-eir", EIR, "The request is refused under 12(4)(b) of the EIR.", ["UK-EIR reg12(4)(b)"]),
    (
        "section-of-eir",
        UK,
        "'Manifestly unreasonable' as detailed in Section 12 (4) (b) of the Environmental "
        "Information Regulations is a qualified exemption.",
        ["UK-EIR reg12(4)(b)"],
    ),
    ("foisa", Regime.UK_FOISA, "withheld under section 38(1)(b) of FOISA.", ["UK-FOISA s38(1)(b)"]),
    (
        "foisa-roman",
        Regime.UK_FOISA,
        "exempt under sections 30(b)(i) and (c).",
        ["UK-FOISA s30(b)(i)", "UK-FOISA s30(c)"],
    ),
    ("eisr", Regime.UK_EISR, "We apply the exception in regulation 10(5)(e).", ["UK-EISR reg10(5)(e)"]),
    ("usc", US, "Withheld pursuant to 5 U.S.C. § 552(b)(6).", ["US-FOIA (b)(6)"]),
    ("paren", US, "Redacted under (b)(7)(C).", ["US-FOIA (b)(7)(C)"]),
    ("paren-spaced", US, "Redacted under (b) (7) (C).", ["US-FOIA (b)(7)(C)"]),
    ("b-paren", US, "Names are withheld under b(6).", ["US-FOIA (b)(6)"]),
    ("exemption-word", US, "Withheld under Exemption 6.", ["US-FOIA (b)(6)"]),
    ("exemption-sub", US, "Withheld under Exemption 7(C).", ["US-FOIA (b)(7)(C)"]),
    ("ex-dot", US, "Redactions: Ex. 7(C).", ["US-FOIA (b)(7)(C)"]),
    ("exemptions-list", US, "Withheld under Exemptions 6 and 7(C).", ["US-FOIA (b)(6)", "US-FOIA (b)(7)(C)"]),
    ("ocr-lower", US, "Withheld under (b)(7)(c).", ["US-FOIA (b)(7)(C)"]),
    ("ocr-G", US, "Withheld under (b)(G).", ["US-FOIA (b)(6)"]),
    ("ocr-zero", US, "Withheld under (0)(6).", ["US-FOIA (b)(6)"]),
    ("privacy-usc", US, "Exempt under 5 U.S.C. 552a(j)(2).", ["US-PA (j)(2)"]),
    (
        "foipa",
        US,
        "pursuant to FOIA exemption (b)(7)(E) and Privacy Act exemption (j)(2), this response "
        "neither confirms nor denies",
        ["US-FOIA (b)(7)(E)", "US-PA (j)(2)"],
    ),
    ("ilcs", IL, "Withheld under 5 ILCS 140/7(1)(c).", ["US-IL s7(1)(c)"]),
    ("il-section", None, "Redacted under Section 7(1)(b) of the Illinois FOIA.", ["US-IL s7(1)(b)"]),
    ("il-3g", IL, "The request is unduly burdensome under Section 3(g).", ["US-IL s3(g)"]),
    (
        "il-roman-list",
        IL,
        "redacted pursuant to §7(1)(d)(v) and (vi).",
        ["US-IL s7(1)(d)(v)", "US-IL s7(1)(d)(vi)"],
    ),
    ("dc", Regime.US_DC, "Withheld under D.C. Official Code § 2-534(a)(2).", ["US-DC s2-534(a)(2)"]),
    ("ie", Regime.IE_FOI, "Access is refused under section 37(1).", ["IE-FOI s37(1)"]),
    ("au-47F", Regime.AU_FOI, "This material is exempt under s47F.", ["AU-FOI s47F"]),
    ("au-47E", Regime.AU_FOI, "I have decided the documents are exempt under s 47E(d).", ["AU-FOI s47E(d)"]),
    (
        "nz",
        Regime.NZ_OIA,
        "Withheld under section 9(2)(a) of the Official Information Act.",
        ["NZ-OIA s9(2)(a)"],
    ),
    ("nz-18", Regime.NZ_OIA, "Your request is refused under section 18(e).", ["NZ-OIA s18(e)"]),
    (
        "ca-paragraph",
        Regime.CA_ATIA,
        "Information was withheld under paragraph 20(1)(b) of the Act.",
        ["CA-ATIA s20(1)(b)"],
    ),
    ("ca-subsection", Regime.CA_ATIA, "Information was withheld under subsection 19(1).", ["CA-ATIA s19(1)"]),
    (
        "us-exemption-numbers-then-code",
        US,
        "Confirming that records exist would disclose information protected by FOIA Exemptions 6 "
        "and 7(C), 5 U.S.C. § 552(b)(6) and (b)(7)(C).",
        ["US-FOIA (b)(6)", "US-FOIA (b)(7)(C)"],
    ),
    (
        "us-code-list-and-privacy-act",
        US,
        "The withheld information is exempt from disclosure pursuant to 5 U.S.C. § 552(b)(5), (b)(6) "
        "and (b)(7)(C) of the FOIA, and from access under the Privacy Act pursuant to 5 U.S.C. § 552a(j)(2).",
        ["US-FOIA (b)(5)", "US-FOIA (b)(6)", "US-FOIA (b)(7)(C)", "US-PA (j)(2)"],
    ),
    ("wa-rcw", Regime.US_WA, "Records are exempt under RCW 42.56.240(1) and withheld.",
     ["US-WA s42.56.240(1)"]),
    ("ky-krs", Regime.US_KY, "The records are exempt under KRS 61.878(1)(a).", ["US-KY s61.878(1)(a)"]),
    ("oh-capital-levels-kept", Regime.US_OH, "Redactions were made pursuant to R.C. 149.43(A)(1)(h).",
     ["US-OH s149.43(A)(1)(h)"]),
    ("co-crs", Regime.US_CO, "Denied under C.R.S. 24-72-204(3)(a)(I) as criminal justice records.",
     ["US-CO s24-72-204(3)(a)(I)"]),
    ("mi-mcl", Regime.US_MI, "Portions are exempt from disclosure under MCL 15.243(1)(a).",
     ["US-MI s15.243(1)(a)"]),
    ("va-title-prefixed", Regime.US_VA,
     "The personnel records are withheld under Va. Code § 2.2-3705.1(1) of the Virginia Freedom of "
     "Information Act.", ["US-VA s2.2-3705.1(1)"]),
    ("va-excluded-under", Regime.US_VA, "Criminal investigative files are excluded under § 2.2-3706(B)(1).",
     ["US-VA s2.2-3706(B)(1)"]),
    ("nj-njsa-colon", Regime.US_NJ, "The personnel file is exempt under N.J.S.A. 47:1A-10 of OPRA.",
     ["US-NJ s47:1A-10"]),
    ("nj-colon-dash-dot", Regime.US_NJ,
     "The victim's address is redacted pursuant to N.J.S.A. 47:1A-1.1 as personal information.",
     ["US-NJ s47:1A-1.1"]),
    ("time-of-day-not-a-section", Regime.US_NJ, "Section 10:30 of the meeting was withheld.", []),
    ("policy-paragraph-not-a-section", UK,
     "See section 3.2.1 of the policy, which is exempt under section 43(2).", ["UK-FOIA s43(2)"]),
    ("foisa-compound", Regime.UK_FOISA, "I withhold the minutes under section 30(b)(i) and (ii) of FOISA.",
     ["UK-FOISA s30(b)(i)", "UK-FOISA s30(b)(ii)"]),
]


@pytest.mark.parametrize(("regime", "text", "expected"), [f[1:] for f in FORMS], ids=[f[0] for f in FORMS])
def test_citation_forms(regime: Regime | None, text: str, expected: list[str]) -> None:
    assert cite(text, regime) == expected


SPLITS = [
    ("child-chain", ["1", "a"], [["1", "a"]]),
    ("letter-siblings", ["1", "a", "b"], [["1", "a"], ["1", "b"]]),
    ("roman-child", ["2", "b", "i"], [["2", "b", "i"]]),
    ("lone-i-is-letter", ["2", "i"], [["2", "i"]]),
]


@pytest.mark.parametrize(("tokens", "expected"), [s[1:] for s in SPLITS], ids=[s[0] for s in SPLITS])
def test_split_levels(tokens: list[str], expected: list[list[str]]) -> None:
    assert split_levels(tokens) == expected


SIBLINGS = [
    ("replace-letter", ["1", "a"], ["b"], [["1", "b"]]),
    ("replace-subsection", ["2"], ["3A", "a"], [["3A", "a"]]),
    ("roman-after-roman", ["1", "d", "v"], ["vi"], [["1", "d", "vi"]]),
    ("letter-i-after-h", ["2", "h"], ["i"], [["2", "i"]]),
]


@pytest.mark.parametrize(
    ("base", "tokens", "expected"), [s[1:] for s in SIBLINGS], ids=[s[0] for s in SIBLINGS]
)
def test_attach_sibling(base: list[str], tokens: list[str], expected: list[list[str]]) -> None:
    assert attach_sibling(base, tokens) == expected


# ---------------------------------------------------------------------------- round trip

_SECTION_IDS = st.sampled_from(
    [
        "s12",
        "s14(1)",
        "s21",
        "s23(5)",
        "s31(1)(a)",
        "s35(1)(b)",
        "s40(2)",
        "s40(3A)(a)",
        "s43(2)",
        "s36(2)(b)(ii)",
        "s44(1)(a)",
    ]
)
_SECTION_PRINTS = [
    "Section {n}{lv}",
    "section {n} {lvs}",
    "s.{n}{lv}",
    "s{n}{lv}",
    "S{n}{lv}",
    "sec. {n}{lv}",
    "Section {n} {lvs} of the Freedom of Information Act 2000",
]


def _split(provision: str) -> tuple[str, list[str]]:
    head, _, rest = provision.partition("(")
    levels = ("(" + rest).strip("()").split(")(") if rest else []
    return head.lstrip("sreg"), levels


@given(_SECTION_IDS, st.sampled_from(_SECTION_PRINTS))
def test_round_trip_uk_sections(provision: str, form: str) -> None:
    number, levels = _split(provision)
    text = form.format(n=number, lv="".join(f"({x})" for x in levels), lvs=" ".join(f"({x})" for x in levels))
    assert cite(f"This information is exempt under {text}.", UK) == [f"UK-FOIA {provision}"]


@given(
    st.sampled_from(["(b)(1)", "(b)(3)", "(b)(5)", "(b)(6)", "(b)(7)(A)", "(b)(7)(C)", "(b)(7)(E)"]),
    st.sampled_from(["{p}", "{sp}", "5 U.S.C. § 552{p}", "Exemption {ex}", "Ex. {ex}", "b{ex}"]),
)
def test_round_trip_us_paragraphs(provision: str, form: str) -> None:
    levels = provision.strip("()").split(")(")
    ex = levels[1] + "".join(f"({x})" for x in levels[2:])
    text = form.format(p=provision, sp=" ".join(f"({x})" for x in levels), ex=ex)
    if form == "b{ex}":
        text = "b(" + levels[1] + ")" + "".join(f"({x})" for x in levels[2:])
    assert cite(f"Material was withheld under {text}.", US) == [f"US-FOIA {provision}"]


@given(
    st.sampled_from(["reg12(4)(b)", "reg12(5)(a)", "reg12(5)(e)", "reg13(1)"]),
    st.sampled_from(["regulation {n}{lv}", "Reg {n}{lv}", "regulation {n} {lvs}", "{n}{lv} of the EIR"]),
)
def test_round_trip_eir(provision: str, form: str) -> None:
    number, levels = _split(provision)
    text = form.format(n=number, lv="".join(f"({x})" for x in levels), lvs=" ".join(f"({x})" for x in levels))
    assert cite(f"We are withholding it under {text}.", EIR) == [f"UK-EIR {provision}"]


FORMATS = [
    ("uk", UK, "40", ("2",), "s40(2)"),
    ("eir", EIR, "12", ("5", "b"), "reg12(5)(b)"),
    ("us-upper", US, "", ("b", "7", "c"), "(b)(7)(C)"),
    ("uk-lower", UK, "31", ("1", "A"), "s31(1)(a)"),
    ("dc-upper", Regime.US_DC, "2-534", ("a", "3", "c"), "s2-534(a)(3)(C)"),
]


@pytest.mark.parametrize(
    ("regime", "number", "levels", "expected"), [f[1:] for f in FORMATS], ids=[f[0] for f in FORMATS]
)
def test_format_provision(regime: Regime, number: str, levels: tuple[str, ...], expected: str) -> None:
    assert format_provision(regime, number, levels) == expected


def test_scan_reports_where_the_citation_is() -> None:
    text = "We rely on Section 31(1)(a)&(b) here."
    (mention,) = scan(text)
    assert text[mention.start : mention.end] == "Section 31(1)(a)&(b)"

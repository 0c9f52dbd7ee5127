"""Patterns and tables for the header fields: reference labels, dates, body names, laws.

Kept apart from :mod:`foiparse.extract.header` so the vocabulary can grow without touching the
selection logic. Everything here reflects how FOI letters are written in general (UK FOIA/EIR/
FOISA, US federal and state laws, IE/AU/NZ/CA), not the wording of any one letter.
"""

from __future__ import annotations

import re

from foiparse.records import Regime

# --- reference -------------------------------------------------------------------------------

#: Labels that introduce the authority's own reference. Order does not matter; the value must
#: follow the label directly (after an optional separator).
REFERENCE_LABEL = re.compile(
    r"""
    (?<![\w])
    (?P<label>
        our\s+ref(?:erence)?(?:\s*(?:no|number|num)\b)?\.?
      | (?:foi|foia|eir|foi/eir|foisa|rfi|request|case|file|your\s+foi|tracking)?[ \t]*
        ref(?:erence)?(?:\s*(?:no|number|num)\b)?\.?(?=[\s:#\-\u2013\u2014.]|\d)
      | freedom\s+of\s+information(?:\s+act)?\s+(?:request|case)
        (?:\s+reference)?(?:\s*(?:no|number)\b)?\.?
      | (?:foia|foipa|foi|eir|records?)\s+(?:file|request|case|tracking)\s*(?:no|number|\#)\.?
      | (?:case|file|request|tracking)\s*(?:no\b\.?|number|\#)
      | foi\s+id
      | request(?=\s+[A-Z]{1,5}-\d)
      | foia(?=\s+\d)
    )
    [ \t]*(?:[:#\-\u2013\u2014.=][ \t]*){0,3}
    """,
    re.IGNORECASE | re.VERBOSE,
)

#: The value of a reference: optional short letter prefixes (``FOI``, ``DPT``, ``FOI TEO``),
#: then a run holding at least one digit, with ``/``, ``-``, ``.`` joins (``FOI / 1143599``,
#: ``21/22/003``, ``NIC-448459-V1J1H``, ``FOI TEO 2020 - 0012``).
REFERENCE_VALUE = re.compile(
    r"""
    (?P<value>
        (?:[A-Za-z]{1,6}(?:[ \t]?[/\-.][ \t]?|[ \t]))?
        (?:[A-Za-z]{2,6}[ \t])?
        [A-Za-z0-9]*\d[A-Za-z0-9./\-]*
        (?:[ \t]?[/\-][ \t]?[A-Za-z0-9]*\d[A-Za-z0-9./\-]*)*
    )
    """,
    re.VERBOSE,
)

#: An unlabelled reference-shaped token (``RFI-2207``, ``FOI 2021-315``, ``EIR / 1501248``).
REFERENCE_SHAPE = re.compile(
    r"(?<![\w])(?<!\d/)(?P<value>(?:RFI|FOIA?|EIR|FOI/EIR|IR)(?:[ \t]?[/\-][ \t]?|[ \t]|)"
    r"\d[\dA-Za-z]*(?:[/\-.]\d[\dA-Za-z]*)*)(?![\w])"
)

#: Words just before a label or value that make it someone else's reference.
REFERENCE_NEGATIVE_BEFORE = re.compile(
    r"(?:\byour\s*$|\byour\s+(?:own\s+)?$|previous|earlier|prior|original|former|last|"
    r"\bicos?\b|commissioner|tribunal|in\s+response\s+to\s*$|response\s+to\s+(?:foia?|eir)?\s*$"
    r"|appeal)[^.\n]{0,25}$",
    re.IGNORECASE,
)

#: Values that are not references even when labelled: ICO/OIC case numbers, dates, phones.
REFERENCE_REJECT = re.compile(
    r"""^(?:
        IC-\d+-\w+ | FS50\d+ | FER\d+ | OIC-\d+-\w+ | EA/\d{4}/\d+
      | \d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}
      | 0\d{3,4}[ \t]?\d{3}[ \t]?\d{3,4}
      | \d{1,2}
    )$""",
    re.IGNORECASE | re.VERBOSE,
)

# --- dates -----------------------------------------------------------------------------------

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = (
    r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"

#: Dates in the forms letters print them. Named groups: ``day``, ``mon``, ``year`` for the
#: spelled-month forms; ``iy``/``im``/``id`` for ISO; ``n1``/``n2``/``ny`` for numeric ones.
DATE = re.compile(
    _WEEKDAY
    + r"(?:"
    + r"(?P<day>\d{1,2})\s?(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r",?\s+(?P<year>\d{4})"
    + r"|" + _MONTH.replace("mon>", "mon2>") + r"\s+(?P<day2>\d{1,2})\s?(?:st|nd|rd|th)?,?\s+"
    + r"(?P<year2>\d{4})"
    + r"|(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2})(?!T\d|\d)"
    + r"|(?<![\d/])(?P<n1>\d{1,2})[/.](?P<n2>\d{1,2})[/.](?P<ny>\d{4}|\d{2})(?![\d/])"
    + r")\b",
    re.IGNORECASE,
)

#: Labels that introduce the letter's own date.
DATE_LABEL = re.compile(
    r"^\s*(?:date(?:d)?(?:\s+of\s+(?:response|letter|issue))?|response\s+date|sent|letter\s+date)"
    r"\s*:+\s*",
    re.IGNORECASE,
)

#: The same labels inside a line ("From: X - Date: May 1, 2017 at 3:56 PM").
DATE_INLINE_LABEL = re.compile(r"(?<![\w])(?:date|sent)\s*:+\s*", re.IGNORECASE)

#: Words before a date that make it some other date (the request's, a deadline...).
DATE_NEGATIVE_BEFORE = re.compile(
    r"(?:request|received|dated|submitted|your|wrote|made|since|by|until|from|to|between|"
    r"deadline|due|extension|of)\W*(?:date\W*)?$",
    re.IGNORECASE,
)

#: A line that opens an earlier, quoted message in an e-mail thread.
QUOTED_HEADER = re.compile(
    r"^\s*(?:-{2,}\s*original\s+message\s*-{2,}|from:\s*\S.*|on\s.{5,80}\bwrote:\s*)$",
    re.IGNORECASE,
)
QUOTED_HEADER_NEXT = re.compile(r"^\s*(?:sent|date|to|subject):", re.IGNORECASE)

#: US states (name -> postal code), for "FOIA" + address signals.
US_STATES = {
    "Alabama": "AL", "Alaska": "AK", "Arizona": "AZ", "Arkansas": "AR", "California": "CA",
    "Colorado": "CO", "Connecticut": "CT", "Delaware": "DE", "District of Columbia": "DC",
    "Florida": "FL", "Georgia": "GA", "Hawaii": "HI", "Idaho": "ID", "Illinois": "IL",
    "Indiana": "IN", "Iowa": "IA", "Kansas": "KS", "Kentucky": "KY", "Louisiana": "LA",
    "Maine": "ME", "Maryland": "MD", "Massachusetts": "MA", "Michigan": "MI", "Minnesota": "MN",
    "Mississippi": "MS", "Missouri": "MO", "Montana": "MT", "Nebraska": "NE", "Nevada": "NV",
    "New Hampshire": "NH", "New Jersey": "NJ", "New Mexico": "NM", "New York": "NY",
    "North Carolina": "NC", "North Dakota": "ND", "Ohio": "OH", "Oklahoma": "OK", "Oregon": "OR",
    "Rhode Island": "RI", "South Carolina": "SC", "South Dakota": "SD", "Tennessee": "TN",
    "Texas": "TX", "Utah": "UT", "Vermont": "VT", "Virginia": "VA", "Washington": "WA",
    "West Virginia": "WV", "Wisconsin": "WI", "Wyoming": "WY",
}  # fmt: skip

#: "City, ST 12345" or "City, State 12345": a US postal address line.
US_ADDRESS = re.compile(
    r",\s*(?P<state>(?i:" + "|".join(sorted(US_STATES, key=len, reverse=True))
    + r")|[A-Z]{2})\.?\s+\d{5}(?:-\d{4})?\b"
)
UK_POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s+\d[A-Z]{2}\b")

# --- regimes ---------------------------------------------------------------------------------

#: Laws named in a letter, most specific first; each hit is one vote for its regime.
LAW_PATTERNS: tuple[tuple[re.Pattern[str], Regime], ...] = tuple(
    (re.compile(p, re.IGNORECASE), r)
    for p, r in (
        (r"environmental\s+information\s+\(scotland\)\s+regulations|\bEISR\b", Regime.UK_EISR),
        (r"freedom\s+of\s+information\s+\(scotland\)\s+act|\bFOISA\b", Regime.UK_FOISA),
        (r"environmental\s+information\s+regulations|\bEIRs?\b(?!\s*[/&]\s*FOI)"
         r"|\bregulations?\s+12\s*\(\s*[345]\s*\)", Regime.UK_EIR),
        (r"freedom\s+of\s+information\s+act\s+2000|\bFOIA\s+2000\b", Regime.UK_FOIA),
        (r"\b5\s+ILCS\s+140|illinois\s+freedom\s+of\s+information\s+act", Regime.US_IL),
        (r"california\s+public\s+records\s+act|government\s+code\s+(?:section\s+)?6250"
         r"|government\s+code\s+(?:section\s+)?792\d", Regime.US_CA),
        (r"freedom\s+of\s+information\s+law|public\s+officers\s+law", Regime.US_NY),
        (r"texas\s+public\s+information\s+act|government\s+code\s+chapter\s+552",
         Regime.US_TX),
        (r"d\.?\s?c\.?\s+(?:official\s+)?code\s+§*\s*2-53\d|D\.C\.\s+FOIA", Regime.US_DC),
        (r"\bRCW\s+42\.56|washington\s+public\s+records\s+act", Regime.US_WA),
        (r"massachusetts\s+public\s+records|G\.?\s?L\.?\s+c\.\s*66", Regime.US_MA),
        (r"\bMCL\s+15\.23|michigan\s+freedom\s+of\s+information", Regime.US_MI),
        (r"chapter\s+119,?\s+florida\s+statutes|florida\s+public\s+records", Regime.US_FL),
        (r"open\s+public\s+records\s+act|\bOPRA\b", Regime.US_NJ),
        (r"5\s+U\.?\s?S\.?\s?C\.?\s*§*\s*552(?!a)|\bFOIPA\b|federal\s+freedom\s+of\s+information",
         Regime.US_FOIA),
        (r"5\s+U\.?\s?S\.?\s?C\.?\s*§*\s*552a|privacy\s+act\s+of\s+1974", Regime.US_PA),
        (r"freedom\s+of\s+information\s+act\s+2014", Regime.IE_FOI),
        (r"freedom\s+of\s+information\s+act\s+1982|\bFOI\s+Act\s+1982\b", Regime.AU_FOI),
        (r"official\s+information\s+act\s+1982", Regime.NZ_OIA),
        (r"access\s+to\s+information\s+act", Regime.CA_ATIA),
    )
)

#: Phrases saying the request is being handled under the EIR, which then wins over FOIA.
EIR_HANDLING = re.compile(
    r"(?:under|with|accordance\s+with)\s+the\s+(?:environmental\s+information\s+regulations|EIRs?)"
    r"|\bregulations?\s+1[23]\s*\(\s*\d",
    re.IGNORECASE,
)

#: Bare UK signals when no Act is named.
UK_SIGNALS = re.compile(
    r"information\s+commissioner|\bICO\b|\bNHS\b|\bcouncil\b|£|\bconstabulary\b",
    re.IGNORECASE,
)
SCOTTISH_SIGNALS = re.compile(r"scottish\s+information\s+commissioner", re.IGNORECASE)
US_SIGNALS = re.compile(r"\bU\.S\.C\b|\bFOIA\b|freedom\s+of\s+information\s+act", re.IGNORECASE)

# --- authority names -------------------------------------------------------------------------

#: Words that make a name look like a public body; a candidate must contain one.
BODY_WORDS = frozenset(
    w.casefold()
    for w in (
        "Council", "Police", "Constabulary", "Department", "Dept", "Ministry", "Trust", "NHS",
        "Office", "Board", "Agency", "Commission", "Bureau", "Service", "Services", "Authority",
        "University", "College", "Executive", "Government", "Assembly", "Parliament",
        "Administration", "Commissioner", "Directorate", "Corporation", "Court", "Courts",
        "Cabinet", "Treasury", "County", "City", "Borough", "District", "Parish", "Healthcare",
        "Hospital", "Hospitals", "Fire", "Rescue", "Transport", "Inspectorate", "Ombudsman",
        "Agency", "Division", "Attorney", "Sheriff", "Mayor", "Secretary", "Tribunal",
    )
)

#: Body words strong enough to end a name by themselves (``X Council``, ``X NHS Trust``).
STRONG_BODY_WORDS = frozenset(
    w.casefold()
    for w in (
        "Council", "Police", "Constabulary", "Department", "Ministry", "Trust", "Office", "Board",
        "Agency", "Commission", "Bureau", "Service", "Authority", "University", "Executive",
        "Government", "Assembly", "Directorate", "Corporation", "Inspectorate", "Digital",
        "England", "Healthcare",
    )
)

#: Words that may precede "Department of X" / "Bureau of X" as part of the name.
NAME_QUALIFIERS = frozenset(
    w.casefold()
    for w in (
        "Federal", "National", "State", "States", "United", "US", "U.S.", "Royal", "HM", "Home",
        "Foreign", "Scottish", "Welsh", "Irish", "Northern", "Ireland", "Australian", "Canadian",
        "City", "County",
    )
)

#: Last words that make a name a team, a building or a street, not the body itself.
NOT_BODY_ENDINGS = frozenset(
    {"team", "unit", "house", "centre", "center", "building", "street", "road", "floor",
     "lead", "officer", "manager", "suite", "avenue", "park", "hall"}
)

#: Sentence adverbs that a comma separates from a following name.
ADVERBS = frozenset(
    {"firstly", "secondly", "thirdly", "finally", "however", "therefore", "unfortunately",
     "additionally", "also", "yes", "no", "accordingly", "furthermore", "moreover", "please"}
)

#: Connectors allowed inside a body's name.
NAME_CONNECTORS = frozenset({"of", "for", "and", "&", "the", "on", "upon", "in"})

#: Oversight bodies and offices every letter mentions in its boilerplate; never the author.
NOT_AUTHORITY = re.compile(
    r"information\s+commissioner|\bICO\b|office\s+of\s+information\s+policy|"
    r"office\s+of\s+government\s+information\s+services|\bOGIS\b|ombudsman|tribunal|"
    r"public\s+access\s+counselor|freedom\s+of\s+information\s+(?:team|officer|office|unit)|"
    r"information\s+governance|\bFOI\s+(?:team|office|unit|lead)|office\s+of\s+legal\s+affairs"
    r"|^(?:the\s+)?(?:department|office|board|trust|council|authority|service)$|"
    r"public\s+sector\s+information|open\s+government|national\s+archives|data\s+protection",
    re.IGNORECASE,
)

#: Appeal and complaint routes: the bodies they name are not the letter's author.
APPEAL = re.compile(r"\bappeal|\bcomplain|right\s+of\s+review|judicial\s+review", re.I)

#: An acronym a letter defines for a name: ``Lakeview Police Department ("CPD")``.
ACRONYM_DEFINITION = re.compile(
    r"(?P<name>(?:[A-Z][\w'\u2019&-]*\s+){1,8})\(\s*(?:the\s+)?[\"\u201c\u201d']?(?P<acr>[A-Z]{2,6})[\"\u201c\u201d']?\s*\)"
)
#: An acronym used as a body's name: "the FBI", "FBI's", "standard FBI practice".
ACRONYM = re.compile(r"(?<![\w/.@-])(?P<acr>[A-Z]{2,5})(?![\w/.@-]|\s*\))")
#: Acronyms of laws, oversight bodies and letter furniture, never the author's.
NOT_BODY_ACRONYMS = frozenset(
    {"FOI", "FOIA", "FOIPA", "FOISA", "EIR", "EIRS", "USC", "OIP", "OGIS", "ICO", "NHS", "PA",
     "RE", "US", "USA", "UK", "ILCS", "PAC", "FAX", "TTY", "PDF", "CC", "MS", "MR", "MRS", "DR",
     "NW", "NE", "SW", "SE", "ID", "NO", "FOR", "OF", "AND", "THE", "TO", "IN", "ON", "AT",
     "DATE", "FILE", "AM", "PM", "CEO", "GDPR", "DPA", "MP", "SI", "OGL", "CPA", "LLC", "INC",
     "PO", "VIA", "CR", "QR", "IT", "HR", "FAQ", "URL", "PS", "NB", "IR", "RFI", "DC"}
)

#: Oversight and appeal bodies: lines naming them are complaint boilerplate.
OVERSIGHT = re.compile(
    r"information\s+commissioner|\bICO\b|office\s+of\s+information\s+policy|\bOGIS\b|"
    r"ombudsman|tribunal|public\s+access\s+counselor",
    re.IGNORECASE,
)

#: Alaveteli (WhatDoTheyKnow, Right to Know...) page titles name the authority.
ALAVETELI_TITLE = re.compile(
    r"a\s+freedom\s+of\s+information\s+request\s+to\s+(?P<name>.+?)(?:\s+-\s+\w[\w ]*)?$",
    re.IGNORECASE,
)
ALAVETELI_MADE = re.compile(r"^made\s+this\s+freedom\s+of\s+information\s+request\s+to$", re.I)

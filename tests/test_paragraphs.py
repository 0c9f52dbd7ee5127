"""Shared cues: salutations, sign-offs, list labels and the lines that open a quoted message."""

from __future__ import annotations

import re

import pytest

from foiparse.paragraphs import (
    LABEL_START,
    QUOTE_FOLD,
    QUOTE_RULE,
    SALUTATION,
    SIGN_OFF,
    opens_quoted_message,
)


@pytest.mark.parametrize(
    ("line", "salutation"),
    [
        ("Dear Ms Patel,", True),
        ("Mr. Smith:", True),
        ("Tēnā koe Mr Hohaia", True),
        ("Tena koe,", True),
        ("Tēnā kōrua", True),
        ("Kia ora Aroha,", True),
        ("Good day,", True),
        ("To whom it may concern:", True),
        ("Greetings,", True),
        ("Dearborn County received your request.", False),
        ("The tender was issued in 2023.", False),
    ],
    ids=["dear", "us-colon", "tena-koe", "tena-koe-no-macrons", "tena-korua", "kia-ora",
         "good-day", "to-whom", "greetings", "dearborn-not", "sentence-not"],
)
def test_salutation(line: str, salutation: bool) -> None:
    assert bool(SALUTATION.match(line)) is salutation


@pytest.mark.parametrize(
    ("line", "sign_off"),
    [
        ("Yours sincerely,", True),
        ("Nāku noa, nā", True),
        ("Naku noa na", True),
        ("Nāku iti noa, nā", True),
        ("Ngā mihi", True),
        ("Ngā mihi nui,", True),
        ("Noho ora mai", True),
        ("Very truly yours,", True),
        ("Sincerely yours,", True),
        ("Yours respectfully,", True),
        ("Best wishes,", True),
        ("With thanks,", True),
        ("Cordially,", True),
        ("Best wishes for the project were sent by the Minister.", False),
        ("Thank you for your request of 3 May.", False),
        ("Ngā mihi o te Tau Hou were printed on the card.", False),
    ],
    ids=["yours-sincerely", "naku-noa-na", "naku-noa-no-macrons", "naku-iti-noa", "nga-mihi",
         "nga-mihi-nui", "noho-ora-mai", "very-truly-yours", "sincerely-yours",
         "yours-respectfully", "best-wishes", "with-thanks", "cordially",
         "best-wishes-sentence-not", "thank-you-sentence-not", "nga-mihi-sentence-not"],
)
def test_sign_off(line: str, sign_off: bool) -> None:
    assert bool(SIGN_OFF.match(line)) is sign_off


@pytest.mark.parametrize(
    ("line", "item"),
    [
        ("1. The number of grants", True),
        ('"1) Any contract with the vendor', True),
        ("\u201c2. All audit logs", True),
        ('"The number of grants"', False),
        ("2023 was a busy year", False),
        ("*Q1. Copies of all briefings*", True),
        ("_(a) The register of interests_", True),
        ("*Not* a list item", False),
    ],
    ids=["number", "quote-glued-to-number", "curly-quote-glued", "quoted-words-not",
         "year-not", "emphasis-over-item", "underscore-emphasis-over-item",
         "emphasised-word-not"],
)
def test_label_start(line: str, item: bool) -> None:
    """A quoted request's first item may carry the opening quote mark before its number."""
    assert bool(LABEL_START.match(line)) is item


@pytest.mark.parametrize(
    ("line", "following", "anywhere", "opens"),
    [
        ("-----Original Message-----", [], False, True),
        ("---------- Forwarded message ---------", [], False, True),
        ("--- Original request (submitted 2 May 2024 via the portal) ---", [], False, True),
        ("On Tue, 4 Jun 2024 at 09:12, Sam Reid <sam@example.org> wrote:", [], False, True),
        ("From: Sam Reid Sent: 04 June 2024 09:12 To: FOI Team", [], False, True),
        ("From: Sam Reid <sam@example.org>", ["Sent: 04 June 2024 09:12"], False, True),
        ("From: Sam Reid <sam@example.org>", ["Subject: FOI request"], False, True),
        ("From: Sam Reid <sam@example.org>", ["Regarding the tender"], False, False),
        # a field inside a line counts only in the segmenter's looser reading
        ("From: Sam Reid", ["I request access to:"], False, False),
        ("From: Sam Reid", ["I request access to:"], True, True),
        # a memo heading or a printed reply header: "Date:" beside the sender is not enough
        ("From: Records Unit Date: 3 May 2024", [], False, False),
        ("On Monday the council wrote to the contractor.", [], False, False),
        ("From the records held, we found three files.", ["To: …"], False, False),
        ("Original message text follows", [], False, False),
    ],
    ids=["original-message", "forwarded", "portal-original-request", "wrote", "flattened-sent",
         "from-then-sent", "from-then-subject", "from-alone-not", "field-inside-line-strict-not",
         "field-inside-line-loose", "from-date-inline-not", "wrote-in-sentence-not",
         "from-in-sentence-not", "no-dashes-not"],
)
def test_opens_quoted_message(line: str, following: list[str], anywhere: bool, opens: bool) -> None:
    assert opens_quoted_message(line, following, field_anywhere=anywhere) is opens


@pytest.mark.parametrize(
    ("pattern", "line", "matches"),
    [
        (QUOTE_FOLD, "show quoted sections", True),
        (QUOTE_FOLD, "Please show quoted sections below", False),
        (QUOTE_RULE, "----------------------------------------", True),
        (QUOTE_RULE, "-----", False),
    ],
    ids=["fold", "fold-in-sentence-not", "rule", "short-rule-not"],
)
def test_context_markers(pattern: re.Pattern[str], line: str, matches: bool) -> None:
    assert bool(pattern.match(line)) is matches

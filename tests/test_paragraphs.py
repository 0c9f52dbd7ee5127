"""Salutations and sign-offs that open and close a letter's own words (shared cues)."""

from __future__ import annotations

import pytest

from foiparse.paragraphs import LABEL_START, SALUTATION, SIGN_OFF


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

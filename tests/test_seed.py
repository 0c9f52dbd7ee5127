"""The document the project started from: a police disclosure page (text form) and its label."""

from __future__ import annotations

import json
import re

import pytest

import foiparse
from tests.conftest import SHARED

SEED = SHARED / "seed"
pytestmark = pytest.mark.skipif(not SEED.is_dir(), reason="../shared/seed is absent")


@pytest.fixture(scope="module")
def seed() -> tuple[foiparse.Letter, dict]:
    text_path = next(SEED.glob("*.txt"))
    gold = json.loads(next(SEED.glob("*.gold.json")).read_text(encoding="utf-8"))
    return foiparse.parse(text_path), gold


def test_reference_outcome_regime(seed) -> None:
    letter, gold = seed
    assert letter.reference is not None and letter.reference.value == gold["reference"]
    assert letter.outcome == foiparse.Outcome(gold["outcome"])
    assert letter.regime == foiparse.Regime(gold["regime"])


def test_questions_are_the_twenty_of_the_label(seed) -> None:
    letter, gold = seed
    assert [q.id for q in letter.questions] == [q["id"] for q in gold["questions"]]
    for got, want in zip(letter.questions, gold["questions"], strict=True):
        words = " ".join(re.findall(r"[a-z0-9]+", got.text.lower())[:4])
        assert words == want["start"], got.id


def test_exemptions_are_s31_1_a_and_b(seed) -> None:
    letter, _ = seed
    assert sorted(e.id for e in letter.exemptions) == ["UK-FOIA s31(1)(a)", "UK-FOIA s31(1)(b)"]

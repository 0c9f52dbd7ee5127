"""Golden files: each synthetic letter in fixtures/golden parses to its NAME.expected.json.

The expected files are written by hand from what the letter says, not snapshotted from output.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import foiparse
from tests.conftest import GOLDEN

CASES = sorted(p for p in GOLDEN.iterdir() if p.suffix != ".json" and not p.name.startswith("."))


def squeeze(text: str) -> str:
    return " ".join(text.split())


def projection(letter: foiparse.Letter) -> dict[str, Any]:
    """The parts of a record the golden files pin down."""
    record = letter.to_dict()
    return {
        "reference": record["reference"],
        "authority": record["authority"],
        "date": record["date"],
        "regime": record["regime"],
        "outcome": record["outcome"],
        "answers_aligned": record["answers_aligned"],
        "questions": [
            {"id": q["id"], "text": squeeze(q["text"]), "parent_id": q["parent_id"]}
            for q in record["questions"]
        ],
        "answers": [
            {"question_id": a["question_id"], "disposition": a["disposition"],
             "text": squeeze(a["text"])}
            for a in record["answers"]
        ],
        "exemptions": [
            {"id": e["id"], "question_ids": e["question_ids"]} for e in record["exemptions"]
        ],
    }


def expected_path(case: Path) -> Path:
    return case.with_name(case.stem + ".expected.json")


def test_every_case_has_an_expectation() -> None:
    assert CASES, "no golden fixtures found"
    for case in CASES:
        assert expected_path(case).exists(), f"{case.name} has no {case.stem}.expected.json"


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_golden(case: Path) -> None:
    expected = json.loads(expected_path(case).read_text(encoding="utf-8"))
    got = projection(foiparse.parse(case))
    for key in expected:
        assert got[key] == expected[key], f"{case.name}: {key}"


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_spans_point_at_their_values(case: Path) -> None:
    """Provenance: every span lies inside the text, and question/answer spans cover their text."""
    letter = foiparse.parse(case)
    for field in (letter.reference, letter.authority, letter.date):
        if field is not None and field.span is not None:
            assert 0 <= field.span.start <= field.span.end <= len(letter.text)
    for item in (*letter.questions, *letter.answers):
        assert item.span is not None
        covered = squeeze(letter.text[item.span.start : item.span.end])
        assert squeeze(item.text) in covered
    if letter.source.format is foiparse.SourceFormat.PDF:
        assert all(a.span is not None and a.span.page for a in letter.answers)

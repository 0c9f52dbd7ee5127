"""The shipped JSON Schema matches the records, and every golden record validates against it;
the outcome mappings to other tools' vocabularies are total and as documented."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

import foiparse
from foiparse import interop, schema
from foiparse.cli import main
from foiparse.records import Outcome
from tests.conftest import GOLDEN

CASES = sorted(p for p in GOLDEN.iterdir() if p.suffix != ".json")


def test_shipped_schema_is_the_generated_one() -> None:
    assert schema.shipped_schema() == schema.letter_schema(), (
        "regenerate src/foiparse/data/letter.schema.json with `foiparse schema`"
    )


def test_schema_is_a_valid_draft_2020_12_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(schema.letter_schema())


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
@pytest.mark.parametrize("include_text", [False, True], ids=["plain", "with-text"])
def test_golden_records_validate(case: Path, include_text: bool) -> None:
    record = foiparse.parse(case).to_dict(include_text=include_text)
    jsonschema.validate(record, schema.letter_schema(), cls=jsonschema.Draft202012Validator)


def test_error_records_validate(capsys, tmp_path) -> None:
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"")
    main(["parse", "--format", "jsonl", str(empty)])
    record = json.loads(capsys.readouterr().out)
    jsonschema.validate(record, schema.error_record_schema())


def test_schema_command_prints_the_schema(capsys) -> None:
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out) == schema.letter_schema()


@pytest.mark.parametrize(
    ("outcome", "state"),
    [
        pytest.param(Outcome.GRANTED, "successful", id="granted"),
        pytest.param(Outcome.PARTIALLY_GRANTED, "partially_successful", id="partial"),
        pytest.param(Outcome.REFUSED, "rejected", id="refused"),
        pytest.param(Outcome.NOT_HELD, "not_held", id="not-held"),
        pytest.param(Outcome.NEITHER_CONFIRM_NOR_DENY, "rejected", id="ncnd"),
        pytest.param(Outcome.CLARIFICATION, "waiting_clarification", id="clarification"),
        pytest.param(Outcome.OTHER, None, id="other"),
    ],
)
def test_alaveteli_state(outcome: Outcome, state: str | None) -> None:
    assert interop.alaveteli_state(outcome) == state


@pytest.mark.parametrize(
    ("outcome", "cites", "disposition"),
    [
        pytest.param(Outcome.GRANTED, False, "full_grant", id="granted"),
        pytest.param(Outcome.PARTIALLY_GRANTED, True, "partial_grant_partial_denial", id="partial"),
        pytest.param(Outcome.REFUSED, True, "full_denial_based_on_exemptions", id="refused-exempt"),
        pytest.param(Outcome.REFUSED, False, "other", id="refused-procedural"),
        pytest.param(Outcome.NOT_HELD, False, "no_records", id="no-records"),
        pytest.param(Outcome.NEITHER_CONFIRM_NOR_DENY, True, "full_denial_based_on_exemptions", id="glomar"),
        pytest.param(Outcome.CLARIFICATION, False, "records_not_reasonably_described", id="clarify"),
        pytest.param(None, False, None, id="unknown"),
    ],
)
def test_doj_disposition(outcome: Outcome | None, cites: bool, disposition: str | None) -> None:
    assert interop.doj_disposition(outcome, cites_exemptions=cites) == disposition


def test_mappings_cover_every_outcome() -> None:
    assert set(interop.ALAVETELI_STATES) == set(Outcome)
    for outcome in Outcome:
        assert interop.doj_disposition(outcome) is not None


def test_mappings_read_a_letter() -> None:
    letter = foiparse.parse(GOLDEN / "police-disclosure.html")
    assert interop.alaveteli_state(letter) == interop.alaveteli_state(letter.outcome)


def test_dataset_carries_the_interop_columns(tmp_path) -> None:
    import sqlite3

    from foiparse.export.sqlite import Dataset

    letter = foiparse.parse(GOLDEN / "council-reply.eml")
    with Dataset.open(tmp_path / "out.sqlite") as dataset:
        dataset.add(letter)
    row = sqlite3.connect(tmp_path / "out.sqlite").execute(
        "select outcome, alaveteli_state, doj_disposition from letters").fetchone()
    assert row == (
        letter.outcome.value if letter.outcome else None,
        interop.alaveteli_state(letter),
        interop.doj_disposition(letter),
    )

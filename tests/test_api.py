"""The public surface: what `parse` accepts, what the records look like, the options object."""

from __future__ import annotations

import io
import json

import attrs
import pytest

import foiparse
from foiparse import ParseOptions
from tests.conftest import GOLDEN

LETTER_TEXT = (
    "Our ref: FOI 1234\n"
    "Dear Applicant,\n"
    "1. How many parking permits did the Council issue in 2023?\n"
    "The Council issued 5,210 parking permits in 2023.\n"
    "Yours sincerely,\nInformation Governance\n"
)


@pytest.mark.parametrize(
    "make_source",
    [
        pytest.param(lambda p: p, id="pathlib-path"),
        pytest.param(lambda p: str(p), id="str-path"),
        pytest.param(lambda p: p.read_bytes(), id="bytes"),
        pytest.param(lambda p: io.BytesIO(p.read_bytes()), id="binary-file"),
        pytest.param(lambda p: p.read_text(encoding="utf-8"), id="str-text"),
    ],
)
def test_parse_accepts_every_kind_of_source(tmp_path, make_source) -> None:
    path = tmp_path / "letter.txt"
    path.write_text(LETTER_TEXT, encoding="utf-8")
    letter = foiparse.parse(make_source(path))
    assert isinstance(letter, foiparse.Letter)
    assert "5,210 parking permits" in letter.text


def test_format_is_sniffed_from_content_not_name(tmp_path) -> None:
    pdf = (GOLDEN / "nhs-trust-letter.pdf").read_bytes()
    misnamed = tmp_path / "letter.txt"
    misnamed.write_bytes(pdf)
    assert foiparse.parse(misnamed).source.format is foiparse.SourceFormat.PDF


def test_records_are_frozen() -> None:
    letter = foiparse.parse(LETTER_TEXT)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        letter.reference = None  # type: ignore[misc]
    assert isinstance(letter.questions, tuple)
    assert isinstance(letter.warnings, tuple)


def test_source_records_hash_and_path() -> None:
    path = GOLDEN / "council-reply.eml"
    letter = foiparse.parse(path)
    assert letter.source.path == str(path)
    assert len(letter.source.sha256) == 64
    assert letter.source.format is foiparse.SourceFormat.EMAIL


def test_to_dict_follows_gold_field_names_and_is_json() -> None:
    record = foiparse.parse(GOLDEN / "police-disclosure.html").to_dict()
    for key in ("reference", "authority", "date", "regime", "outcome", "questions", "answers",
                "answers_aligned", "exemptions", "source", "warnings"):
        assert key in record
    json.dumps(record)
    assert "text" not in record
    assert "text" in foiparse.parse(GOLDEN / "police-disclosure.html").to_dict(include_text=True)


GOLDEN_CASES = sorted(p for p in GOLDEN.iterdir() if p.suffix != ".json")


@pytest.mark.parametrize("path", GOLDEN_CASES, ids=[p.name for p in GOLDEN_CASES])
def test_from_dict_reads_back_what_to_dict_wrote(path) -> None:
    letter = foiparse.parse(path)
    assert letter.questions and letter.authority is not None  # a record with something in it
    with_text = json.loads(json.dumps(letter.to_dict(include_text=True)))
    assert foiparse.Letter.from_dict(with_text) == letter
    without_text = json.loads(json.dumps(letter.to_dict()))
    assert foiparse.Letter.from_dict(without_text) == attrs.evolve(letter, text="")


def test_from_dict_keeps_ocr_pages_and_exemption_details() -> None:
    source = foiparse.Source(path=None, format=foiparse.SourceFormat.PDF, sha256="0" * 64, pages=2,
                             ocr_pages=(1, 2), ocr_confidence=(0.91, 0.5))
    exemption = foiparse.Exemption(foiparse.Regime.UK_FOIA, "s31(1)(a)", "Law enforcement",
                                   "section 31(1)(a)", ("1", "2b"), foiparse.Span(5, 21, 2))
    letter = foiparse.Letter(source=source, text="x" * 30, exemptions=(exemption,),
                             outcome=foiparse.Outcome.REFUSED)
    assert foiparse.Letter.from_dict(letter.to_dict(include_text=True)) == letter


def test_from_dict_reads_nulls_as_empty() -> None:
    """Hand-edited or other tools' JSON may write null for an empty list."""
    record = foiparse.parse(GOLDEN / "council-reply.eml").to_dict()
    record.update(questions=None, answers=None, exemptions=None, warnings=None)
    letter = foiparse.Letter.from_dict(record)
    assert (letter.questions, letter.answers, letter.exemptions, letter.warnings) == ((),) * 4


def test_export_dataset_writes_and_resumes(tmp_path) -> None:
    dest = tmp_path / "letters.sqlite"
    first = foiparse.export_dataset([GOLDEN], dest, jobs=1)
    assert (first.parsed, first.failed) == (len(GOLDEN_CASES), 0)
    again = foiparse.export_dataset([GOLDEN], dest, jobs=1)
    assert (again.parsed, again.skipped) == (0, len(GOLDEN_CASES))
    import sqlite3

    with sqlite3.connect(dest) as conn:
        assert conn.execute("select count(*) from letters").fetchone()[0] == len(GOLDEN_CASES)


def test_missing_fields_are_none_with_a_warning() -> None:
    letter = foiparse.parse("Dear Sir,\nThank you for your letter.\n")
    assert letter.reference is None
    assert any(w.startswith("reference") for w in letter.warnings)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param(None, ParseOptions(), id="none"),
        pytest.param({"max_pages": 3}, ParseOptions(max_pages=3), id="mapping"),
        pytest.param(ParseOptions(ocr="never"), ParseOptions(ocr=foiparse.OcrMode.NEVER), id="instance"),
    ],
)
def test_options_resolve(value, expected) -> None:
    assert ParseOptions.resolve(value) == expected


def test_options_reject_unknown_fields() -> None:
    with pytest.raises(TypeError, match="no_such_flag"):
        ParseOptions.resolve({"no_such_flag": True})


def test_public_surface_is_small() -> None:
    assert "parse" in foiparse.__all__
    assert all(hasattr(foiparse, name) for name in foiparse.__all__)
    assert issubclass(foiparse.NoTextLayer, foiparse.FoiParseError)


@pytest.mark.parametrize(
    "text",
    [pytest.param("Please see our website at gov.uk", id="domain"),
     pytest.param("Our ref FOI.2024 refers.", id="dotted-reference"),
     pytest.param("We hold no information.", id="sentence")],
)
def test_one_line_text_is_text_not_a_path(text: str) -> None:
    letter = foiparse.parse(text)
    assert letter.source.path is None
    assert text.rstrip(".") in letter.text


def test_a_missing_letter_file_is_unreadable(tmp_path) -> None:
    with pytest.raises(foiparse.UnreadableSource, match="no such file"):
        foiparse.parse(str(tmp_path / "reply.pdf"))


@pytest.mark.parametrize(
    "bad",
    [pytest.param({"timeout": -1}, id="negative-timeout"),
     pytest.param({"timeout": "soon"}, id="text-timeout"),
     pytest.param({"max_pages": 0}, id="zero-pages"),
     pytest.param({"max_bytes": True}, id="bool-limit")],
)
def test_options_reject_bad_values(bad) -> None:
    with pytest.raises(ValueError):
        ParseOptions.resolve(bad)


def test_parse_many_reads_open_files_for_the_pool() -> None:
    with open(GOLDEN / "council-reply.eml", "rb") as handle:
        (result,) = foiparse.parse_many([handle], jobs=2)
    assert result.ok and result.letter is not None
    assert result.letter.source.format is foiparse.SourceFormat.EMAIL

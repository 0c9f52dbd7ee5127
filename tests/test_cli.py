"""The command line: records out, error records for failures, documented exit codes."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from foiparse.cli import main
from tests.conftest import GOLDEN


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_parse_prints_one_json_record(capsys) -> None:
    path = str(GOLDEN / "council-reply.eml")
    code, out, _ = run(capsys, "parse", path)
    assert code == 0
    record = json.loads(out)
    assert record["source"]["path"] == path


def test_jsonl_one_line_per_input_and_error_records(capsys, tmp_path) -> None:
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    good = str(GOLDEN / "illinois-response.txt")
    code, out, _ = run(capsys, "parse", "--format", "jsonl", good, str(empty))
    assert code == 1
    lines = [json.loads(line) for line in out.splitlines()]
    assert [r["source"]["path"] for r in lines] == [good, str(empty)]
    assert lines[1]["error"]["type"] == "EmptyDocument"
    assert lines[1]["error"]["message"]


def test_missing_file_is_an_error_record_not_a_crash(capsys, tmp_path) -> None:
    code, out, err = run(capsys, "parse", "--format", "jsonl", str(tmp_path / "nope.pdf"))
    assert code == 1
    assert json.loads(out)["error"]["type"]
    assert "Traceback" not in err


@pytest.mark.parametrize("flag", ["-o", "--out", "--output"])
def test_output_file(capsys, tmp_path, flag: str) -> None:
    """Every command that writes somewhere takes ``--out`` (``-o``); older names still work."""
    target = tmp_path / "out.json"
    code, out, _ = run(capsys, "parse", flag, str(target), str(GOLDEN / "council-reply.eml"))
    assert code == 0 and out == ""
    assert json.loads(target.read_text(encoding="utf-8"))["source"]["format"] == "email"


@pytest.mark.parametrize(
    "argv",
    [pytest.param([], id="no-command"), pytest.param(["parse"], id="no-files"),
     pytest.param(["parse", "--format", "xml", "x"], id="bad-format"),
     pytest.param(["parse", "--timeout", "-1", "x"], id="negative-timeout"),
     pytest.param(["bulk", "x", "--out", "y.sqlite", "--jobs", "0"], id="zero-jobs")],
)
def test_usage_errors_exit_2(capsys, argv) -> None:
    assert main(argv) == 2


def test_python_dash_m_works() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "foiparse", "parse", "--format", "jsonl", str(GOLDEN / "council-reply.eml")],
        capture_output=True, text=True, check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["source"]["format"] == "email"

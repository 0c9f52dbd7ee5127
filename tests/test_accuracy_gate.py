"""Accuracy gate: per-field F1 on the dev corpus must not fall below the floors in the repo.

The F1s are computed with the shared scorer's own definitions (../shared/tools/score.py), in
process. Floors live in tests/accuracy_floors.json and only go up: run
``FOIPARSE_RATCHET=1 pytest tests/test_accuracy_gate.py`` to raise each floor to today's figure
(rounded down); lowering one is a reviewed edit of that file, never automatic.
"""

from __future__ import annotations

import importlib.util
import json
import math
import os
import shutil
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import foiparse
from tests.conftest import SHARED, requires_shared

FLOORS = Path(__file__).with_name("accuracy_floors.json")
DEV = SHARED / "corpus" / "dev"


def load_scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("foiparse_score", SHARED / "tools" / "score.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def predictions(scorer: ModuleType) -> dict[str, dict[str, Any]]:
    """What `foiparse parse --format jsonl` would print, keyed as the scorer keys it.

    Parsed with ``parse_many`` on every core: the scanned letters' OCR dominates the time. The
    time limit is generous so that a loaded machine does not turn a slow scan into a miss.
    """
    paths = [p for p in sorted(DEV.iterdir())
             if p.is_file() and not scorer.is_label(p) and p.suffix != ".jsonl"]
    preds: dict[str, dict[str, Any]] = {}
    for result in foiparse.parse_many(paths, options={"timeout": 900.0}):
        path = Path(str(result.source))
        if result.letter is not None:
            record = result.letter.to_dict()
        else:
            record = {"source": {"path": str(path)}, "error": {"type": type(result.error).__name__}}
        preds[str(path.resolve())] = record
    return preds


@pytest.fixture(scope="module")
def dev_predictions() -> dict[str, dict[str, Any]]:
    return predictions(load_scorer())


@pytest.fixture(scope="module")
def dev_scores(dev_predictions: dict[str, dict[str, Any]]) -> dict[str, float]:
    scores, _ = load_scorer().score(DEV, dev_predictions, False)
    return {field: f1 for field, (_, _, f1) in scores.items()}


@requires_shared
def test_every_dev_letter_gives_a_record(dev_predictions: dict[str, dict[str, Any]]) -> None:
    """Only the optional system tools may stand between a dev letter and its record."""
    allowed = set()
    if shutil.which("tesseract") is None:
        allowed.add("NoTextLayer")
    if shutil.which("antiword") is None:
        allowed.add("UnsupportedFormat")
    failed = {Path(p).name: r["error"]["type"] for p, r in dev_predictions.items() if "error" in r}
    assert all(kind in allowed for kind in failed.values()), failed


@requires_shared
def test_f1_at_or_above_floors(dev_scores: dict[str, float]) -> None:
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))
    below = {f: (round(dev_scores[f], 3), floor) for f, floor in floors.items()
             if dev_scores[f] + 1e-9 < floor}
    assert not below, f"F1 fell below its floor (got, floor): {below}"
    if os.environ.get("FOIPARSE_RATCHET"):
        raised = {f: max(floor, math.floor(dev_scores[f] * 100) / 100) for f, floor in floors.items()}
        FLOORS.write_text(json.dumps(raised, indent=2) + "\n", encoding="utf-8")


@requires_shared
def test_floors_cover_every_scored_field(dev_scores: dict[str, float]) -> None:
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))
    assert set(floors) == set(dev_scores)

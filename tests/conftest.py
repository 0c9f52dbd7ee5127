"""Shared test helpers: where the fixtures and the (optional) shared corpus live."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
GOLDEN = FIXTURES / "golden"
#: ../shared beside the checkout: real letters and the scorer. Absent in a fresh clone.
SHARED = ROOT.parent / "shared"

requires_shared = pytest.mark.skipif(
    not (SHARED / "corpus" / "dev").is_dir(), reason="../shared (the real-letter corpus) is absent"
)

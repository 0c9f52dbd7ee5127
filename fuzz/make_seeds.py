"""Write the seed corpus: the golden fixtures and the small generated bad inputs.

    python fuzz/make_seeds.py OUT_DIR

Inputs over ``MAX_SEED`` bytes (the 50 MB page, the 2,000-page PDF, the zip bomb) are left out:
each would be re-read on every pass and they test limits, not parsing.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MAX_SEED = 256 * 1024


def write_seeds(out: Path) -> int:
    """Copy the small seeds into ``out``; returns how many were written."""
    sys.path.insert(0, str(ROOT))
    from tests.make_bad_inputs import write_bad_inputs

    out.mkdir(parents=True, exist_ok=True)
    count = 0
    golden = [p for p in sorted((ROOT / "tests" / "fixtures" / "golden").iterdir())
              if not p.name.endswith(".json")]
    with tempfile.TemporaryDirectory() as tmp:
        write_bad_inputs(Path(tmp))
        bad = [p for p in sorted(Path(tmp).iterdir()) if p.name != "expected.json"]
        for path in [*golden, *bad]:
            data = path.read_bytes()
            if 0 < len(data) <= MAX_SEED:
                (out / path.name).write_bytes(data)
                count += 1
    return count


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python fuzz/make_seeds.py OUT_DIR")
    print(f"wrote {write_seeds(Path(sys.argv[1]))} seeds to {sys.argv[1]}")

"""The package's floors (docs: design): each module imports only from floors below it.

Ground: records, document, options, errors, paragraphs, interop. Stages: load, segment, extract,
cite, classify, export (each unaware of the others). Then pipeline; bulk; scrape; cli, docgen.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "foiparse"

GROUND = {"records", "document", "options", "errors", "paragraphs", "interop"}
STAGES = {"load", "segment", "extract", "cite", "classify", "classify_patterns", "export", "schema"}
# What each top-level unit may import from the package, besides itself.
ALLOWED: dict[str, set[str]] = {
    **{name: GROUND for name in GROUND},
    **{name: GROUND | {"classify_patterns"} for name in STAGES},
    "pipeline": GROUND | STAGES,
    "bulk": GROUND | STAGES | {"pipeline"},
    "scrape": GROUND | STAGES | {"pipeline", "bulk"},
    "cli": GROUND | STAGES | {"pipeline", "bulk", "scrape", "__init__"},
    "docgen": GROUND | STAGES | {"cli"},
    "__init__": GROUND | STAGES | {"pipeline", "bulk"},
    "__main__": {"cli"},
}


def unit_of(path: Path) -> str:
    return path.relative_to(PACKAGE).parts[0].removesuffix(".py")


def imported_units(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    units = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("foiparse"):
            parts = node.module.split(".")
            if len(parts) > 1:
                units.add(parts[1])
            else:  # "from foiparse import x": x is the unit (or a name __init__ exports)
                units.update(alias.name if (PACKAGE / f"{alias.name}.py").exists()
                             or (PACKAGE / alias.name).is_dir() else "__init__"
                             for alias in node.names)
        elif isinstance(node, ast.Import):
            units.update(a.name.split(".")[1] for a in node.names
                         if a.name.startswith("foiparse.") and "." in a.name)
    return units


MODULES = sorted(p for p in PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=[str(p.relative_to(PACKAGE)) for p in MODULES])
def test_imports_only_from_floors_below(path: Path) -> None:
    unit = unit_of(path)
    assert unit in ALLOWED, f"{unit} has no floor in the layer map"
    wrong = imported_units(path) - ALLOWED[unit] - {unit}
    assert not wrong, f"{path.relative_to(PACKAGE)} imports {sorted(wrong)}"

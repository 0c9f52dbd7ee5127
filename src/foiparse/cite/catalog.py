"""The exemption catalog: what each provision is called and whether a letter can rely on it.

The data ships as package data (``data/exemptions.json``), built from the team's reference
file and extended with Illinois (5 ILCS 140) and District of Columbia (D.C. Code 2-534).
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources
from typing import Any

import attrs

from foiparse.records import Regime

#: The last bracketed level of a provision (``(a)`` of ``s31(1)(a)``).
_LAST_LEVEL = re.compile(r"\([^()]*\)$")


@attrs.frozen
class CatalogEntry:
    """One provision of one regime's access law.

    ``refusal_ground`` says whether a letter can rely on the provision to withhold, refuse or
    neither confirm nor deny (``s12``, ``s40(2)``: yes; ``s1``, ``s17``, ``s50``: no).
    ``verified`` is false where the source could not confirm the title.
    """

    regime: Regime
    provision: str
    title: str
    kind: str
    absolute: bool | None
    test: str | None
    refusal_ground: bool
    verified: bool = True


@cache
def _load() -> dict[Regime, dict[str, CatalogEntry]]:
    raw: dict[str, Any] = json.loads(
        resources.files("foiparse.cite").joinpath("data/exemptions.json").read_text("utf-8")
    )
    out: dict[Regime, dict[str, CatalogEntry]] = {}
    for key, entries in raw.items():
        if key.startswith("_"):
            continue
        regime = Regime(key)
        out[regime] = {
            provision: CatalogEntry(
                regime=regime,
                provision=provision,
                title=e["title"],
                kind=e["kind"],
                absolute=e["absolute"],
                test=e["test"],
                refusal_ground=e["refusal_ground"],
                verified=e.get("verified", True),
            )
            for provision, e in entries.items()
        }
    return out


def regimes() -> frozenset[Regime]:
    """The regimes the catalog knows."""
    return frozenset(_load())


def section_of(provision: str) -> str:
    """The section a provision belongs to: ``s31(1)(a)`` -> ``s31``; ``(b)(7)(C)`` -> ``(b)(7)``."""
    if provision.startswith("("):
        return "".join(re.findall(r"\([^()]*\)", provision)[:2])
    return provision.split("(", 1)[0]


def lookup(regime: Regime, provision: str) -> CatalogEntry | None:
    """The catalog entry for ``provision``, else the nearest enclosing provision's entry.

    ``lookup(UK_FOIA, "s31(1)(a)(ii)")`` falls back to ``s31(1)(a)`` and then ``s31``.
    ``None`` when neither the provision nor any parent is known.
    """
    table = _load().get(regime)
    if not table:
        return None
    current = provision
    while True:
        entry = table.get(current)
        if entry is not None:
            return entry
        parent = _LAST_LEVEL.sub("", current)
        if parent == current or not parent:
            return None
        current = parent


def catalog(regime: Regime, provision: str) -> CatalogEntry | None:
    """Public alias of :func:`lookup`: ``catalog(Regime.UK_FOIA, "s40(2)").title``."""
    return lookup(regime, provision)


def is_complete(regime: Regime) -> bool:
    """Whether the catalog lists every section of ``regime`` a letter may cite.

    For these regimes an unknown section is not an exemption (``Section 117`` of the Mental
    Health Act quoted in a FOIA letter); for the others an unknown section may be real.
    """
    return regime in _COMPLETE


_COMPLETE = frozenset(
    {Regime.UK_FOIA, Regime.UK_EIR, Regime.UK_EISR, Regime.UK_FOISA, Regime.US_FOIA, Regime.US_PA}
)


def entries(regime: Regime) -> tuple[CatalogEntry, ...]:
    """Every catalog entry of ``regime``, in the catalog's order (for documentation)."""
    return tuple(_load().get(regime, {}).values())

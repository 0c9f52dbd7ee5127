"""Cite stage: find, normalise and explain the exemptions a letter relies on."""

from __future__ import annotations

from foiparse.cite.find import CiteResult, find_exemptions

__all__ = ["CiteResult", "find_exemptions"]

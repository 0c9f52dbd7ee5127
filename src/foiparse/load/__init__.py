"""Load stage: bytes of any supported format -> :class:`foiparse.document.Document`."""

from __future__ import annotations

from foiparse.load.dispatch import load, sniff

__all__ = ["load", "sniff"]

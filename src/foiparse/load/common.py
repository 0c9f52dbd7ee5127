"""Small helpers the loaders share: library error wording and list counters."""

from __future__ import annotations

_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"),
          (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


def library_reason(exc: BaseException) -> str:
    """The library's own words for what went wrong, short, without its class name (a person
    reading the message knows the file, not pdfminer's or lxml's exception hierarchy)."""
    words = " ".join(str(exc).split())
    if not words:
        return "no further detail"
    return words if len(words) <= 160 else words[:157] + "..."


def alphabetic(number: int) -> str:
    """A list counter in letters: 1 -> ``a``, 26 -> ``z``, 27 -> ``aa``."""
    letters = ""
    n = number
    while n > 0:
        n, rem = divmod(n - 1, 26)
        letters = chr(ord("a") + rem) + letters
    return letters


def roman(number: int) -> str:
    """A list counter in lower-case roman numerals: 4 -> ``iv``."""
    out = ""
    n = number
    for value, numeral in _ROMAN:
        while n >= value:
            out += numeral
            n -= value
    return out

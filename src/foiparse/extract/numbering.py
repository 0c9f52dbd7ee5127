"""Numbering tokenizer: the label at the start of a list item (``1.``, ``Q2a``, ``(ii)``, ``•``).

A label is read into a :class:`Label` (scheme, value, explicit id) so that the questions
extractor can nest items (numbers > letters > roman numerals) and normalise ids the way
GOLD.md asks (``Q5a``, ``5(a)``, ``5.a`` -> ``5a``).
"""

from __future__ import annotations

import enum
import re

import attrs


class Scheme(enum.StrEnum):
    """How an item is numbered."""

    NUMBER = "number"  # 1.  1)  (1)  Q1  Question 1  Portion 1 of your request
    ALPHA = "alpha"  # a.  (b)  c)
    ROMAN = "roman"  # i.  (ii)  iii)
    BULLET = "bullet"  # •  -  +  o  *  and private-use glyphs from PDF symbol fonts


@attrs.frozen
class Label:
    """A list label found at the start of a line.

    ``value`` is the normalised label (``"3"``, ``"b"``, ``"ii"``, ``""`` for bullets);
    ``compound`` is a full id printed at once (``"5a"`` for ``Q5a`` / ``5(a)``), else ``None``.
    ``length`` is how many characters of the line the label (and its separator) takes.
    ``prefixed`` is true for ``Q``/``Question``/``Portion`` labels, which are always items.
    ``glyph`` is the bullet character for bullets (``"•"``, ``"o"``), so that a list whose
    sub-items use another glyph can be nested; ``""`` otherwise.
    """

    scheme: Scheme
    value: str
    length: int
    compound: str | None = None
    prefixed: bool = False
    glyph: str = ""


_ROMAN = re.compile(r"^(?=[ivxl]+$)(?:xl|l?x{0,3})(?:ix|iv|v?i{0,3})$")

# "Q1", "Q 1a", "Q1(a)", "Question 1", "Question 1.a", "Request 2", "Item 3", "Part 4",
# "Item No. 3", "Request #2". A sub-label set off by a space must be closed ("Q1 a)", "Q1. (b)"):
# in "Q1. A map of …" the "A" is an article.
_PREFIXED = re.compile(
    r"""^(?:q(?:uestion)?|request|item|part|point)\s*\.?\s*(?:(?:no\.?|number|\#)\s*)?
        (?P<num>\d{1,3})
        (?:[.(]?(?P<sub>[a-z]|[ivx]{2,4})\)?(?![a-z])
          |\s*[.]?\s*(?:\((?P<bsub>[a-z]|[ivx]{2,4})\)|(?P<csub>[a-z]|[ivx]{2,4})[).:])(?![a-z]))?
        (?P<sep>\s*[.):\-\u2013\u2014]\s*|\s+|$)""",
    re.IGNORECASE | re.VERBOSE,
)
# "Portion 2 of your request seeks the following:" (US state letters restate requests this way).
_PORTION = re.compile(
    r"""^(?:portion|part|item)\s+(?P<num>\d{1,3})\s+of\s+(?:your|the)\s+request\s+
        (?:seeks|sought|asks|asked|reads|states|requests)(?:\s+the\s+following)?\s*[:,.]?\s*""",
    re.IGNORECASE | re.VERBOSE,
)
# "Part (a)", "Item B:", "Question (c) -": a lettered item named by a word; a bare letter must
# be followed by a stop, colon or dash, or end the line ("Part A of your request" is prose).
_PREFIXED_LETTER = re.compile(
    r"^(?:part|item|question|request|point)\s+"
    r"(?:\((?P<p>[a-z])\)|(?P<v>[a-z])(?=\s*(?:[.:\-\u2013\u2014]|$)))\s*[.):\-\u2013\u2014]?\s*",
    re.IGNORECASE,
)
# "5(a) ", "1(ii) ": number with a bracketed sub-label.
_NUMBER_SUB_BRACKET = re.compile(
    r"^\(?(?P<num>\d{1,2})\s*\((?P<sub>[a-z]|[ivx]{2,4})\)[.:]?\s+", re.IGNORECASE
)
# "1a.", "1.a)", "5b)": number with a glued letter.
_NUMBER_SUB_GLUED = re.compile(r"^(?P<num>\d{1,2})\.?(?P<sub>[a-z])[.)]\s*", re.IGNORECASE)
# "1.", "1)", "(1)", "1:", "1 -", "1.The" (no space); "12.3" and "3.5 million" are not labels.
_NUMBER = re.compile(
    r"^(?P<open>\()?(?P<num>\d{1,2})(?P<close>[.)]|:|\s[-\u2013\u2014])(?!\d)\s*", re.IGNORECASE
)
_LETTER = re.compile(r"^(?P<open>\()?(?P<val>[a-z]{1,4})(?P<close>[.)])\s+", re.IGNORECASE)
_BULLET = re.compile(r"^(?P<sym>[•●▪■◦○·∙‣\u2043*+\-\u2013\u2014o\uf000-\uf8ff])\s+")


def read_label(text: str) -> Label | None:
    """The numbering label at the start of ``text``, or ``None``."""
    m = _PORTION.match(text)
    if m:
        return Label(Scheme.NUMBER, m.group("num"), m.end(), prefixed=True)
    m = _PREFIXED.match(text)
    if m:
        sub = (m.group("sub") or m.group("bsub") or m.group("csub") or "").lower()
        num = m.group("num")
        return Label(Scheme.NUMBER, num, m.end(), num + sub if sub else None, prefixed=True)
    m = _PREFIXED_LETTER.match(text)
    if m:
        low = (m.group("p") or m.group("v")).lower()
        scheme = Scheme.ROMAN if low in {"i", "v", "x"} else Scheme.ALPHA
        return Label(scheme, low, m.end(), prefixed=True)
    for pattern in (_NUMBER_SUB_BRACKET, _NUMBER_SUB_GLUED):
        m = pattern.match(text)
        if m:
            num, sub = m.group("num"), m.group("sub").lower()
            return Label(Scheme.NUMBER, num, m.end(), num + sub)
    m = _NUMBER.match(text)
    if m and (m.group("open") is None or m.group("close") == ")"):
        spaced = m.end() > m.end("close")  # "2. £1.2 million": a space follows the dot
        if m.group("close").strip() in {".", ":"} and not (spaced or _starts_word(text[m.end() :])):
            return None  # "3.5 million", "12:30" are not labels
        return Label(Scheme.NUMBER, m.group("num"), m.end())
    m = _LETTER.match(text)
    if m:
        val = m.group("val")
        low = val.lower()
        if m.group("open") and m.group("close") != ")":
            return None
        if len(val) == 1 and low.isalpha():
            # a single letter may also be a roman numeral (i, v, x); the caller decides.
            scheme = Scheme.ROMAN if low in {"i", "v", "x"} else Scheme.ALPHA
            # "A. Smith" initials are common; accept only when followed by a word
            upper_dot = val.isupper() and m.group("close") == "." and not m.group("open")
            if upper_dot and not _starts_word(text[m.end() :]):
                return None
            return Label(scheme, low, m.end())
        if _ROMAN.match(low):
            return Label(Scheme.ROMAN, low, m.end())
        return None
    m = _BULLET.match(text)
    if m:
        if m.group("sym") == "o" and not text[m.end() :][:1].isalnum():
            return None
        return Label(Scheme.BULLET, "", m.end(), glyph=_same_glyph(m.group("sym")))
    return None


# glyphs that print alike stand for one level (a PDF may give a dash as "-" or an en dash)
_GLYPH_CLASS = {"\u2013": "-", "\u2014": "-", "\u25cf": "\u2022", "\u00b7": "\u2022", "\u2219": "\u2022"}


def _same_glyph(sym: str) -> str:
    return _GLYPH_CLASS.get(sym, sym)


def _starts_word(rest: str) -> bool:
    return bool(rest) and (rest[0].isalpha() or rest[0] in "\"\u201c\u2018'(")


def label_from_markup(list_label: str) -> Label | None:
    """A label given by the loader's list markup (``"1."``, ``"a)"``, ``"•"``)."""
    text = list_label.strip()
    if not text:
        return None
    found = read_label(text + " X")
    if found is not None:
        return attrs.evolve(found, length=0)
    return Label(Scheme.BULLET, "", 0, glyph=_same_glyph(text[0]))


def roman_value(value: str) -> int:
    """The integer a lower-case roman numeral stands for (``"iv"`` -> 4)."""
    digits = {"i": 1, "v": 5, "x": 10, "l": 50}
    total = 0
    for a, b in zip(value, [*value[1:], ""], strict=True):
        va = digits[a]
        total += -va if b and digits[b] > va else va
    return total


def normalise_id(raw: str) -> str:
    """An id as GOLD.md writes it: lower case, no ``Q``/``Question`` prefix, no punctuation."""
    s = raw.lower().strip()
    s = re.sub(
        r"^(?:q(?:uestion)?|request|item|part|portion)\s*\.?\s*(?:(?:no\.?|number|#)\s*)?(?=\d)",
        "",
        s,
    )
    return re.sub(r"[^a-z0-9]", "", s)

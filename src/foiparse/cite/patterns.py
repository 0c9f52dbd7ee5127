"""Citation patterns: find provision numbers in text and split compound citations.

This module knows how citations are *written* (``Section 31(1)(a)&(b)``, ``(b) (7) (C)``,
``5 ILCS 140/7(1)(c)``, ``sections 30 and 31``), not which of them a letter relies on; that is
:mod:`foiparse.cite.find`'s job. A :class:`Mention` holds one printed citation and the
provisions it names as raw chains of levels; :func:`format_provision` writes a chain in the
canonical form of GOLD.md for a given regime.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator

import attrs
import regex

from foiparse.records import Regime


class Form(enum.StrEnum):
    """How a citation was written; decides how its numbers are read."""

    KEYWORD = "keyword"  # section 40(2), s.12, S31, regulation 12(5)(b), § 2-534(a)(2)
    REGULATION = "regulation"  # regulation 12(5)(b), Reg 13
    EXEMPTION = "exemption"  # Exemption 7(C), Ex. 6 (US); "exemption 43(2)" elsewhere
    US_CODE = "us_code"  # 5 U.S.C. § 552(b)(6), 552a(j)(2)
    US_PARAGRAPH = "us_paragraph"  # (b)(7)(C), b(6), b7C
    PRIVACY_ACT = "privacy_act"  # (j)(2), (k)(5)
    ILCS = "ilcs"  # 5 ILCS 140/7(1)(c), Section 140/3(g)
    BARE = "bare"  # 12(4)(b) of the EIR


@attrs.frozen
class Mention:
    """One printed citation: where it is, its words, and the provisions it names.

    ``chains`` are the provisions as (number, levels) pairs, before the regime is known:
    ``Section 31(1)(a)&(b)`` gives ``("31", ("1", "a"))`` and ``("31", ("1", "b"))``.
    US ``552(b)`` paragraphs have number ``""`` and levels starting ``b``.
    ``law`` is what the form itself says about the law: an ILCS chapter other than the
    Illinois FOIA is ``"foreign"``.
    """

    start: int
    end: int
    text: str
    form: Form
    chains: tuple[tuple[str, tuple[str, ...]], ...]
    law: Regime | str | None = None
    plural: bool = False


# ---------------------------------------------------------------------------- building blocks

_LEVEL_BODY = r"[0-9]{1,3}[A-Za-z]{0,2}|[A-Za-z]{1,4}(?:[.-][0-9]{1,2})?"
_LEVEL = rf"\(\s?(?:{_LEVEL_BODY})\s?\)"
# Levels may be separated by one space ("12 (4) (b)"), never by a line of text.
_LEVELS = rf"(?:[ \t]?{_LEVEL})*"
_LEVEL_RE = regex.compile(rf"\(\s?({_LEVEL_BODY})\s?\)")
# A section number: 40, 22A, 47F, 24AB, 16.1 (Canada), 2.15 / 7.5 (Illinois), 2-534 (DC Code),
# 6254 / 552.101 / 24-72-204 (other US state codes), title-prefixed 2.2-3706 (Virginia) and
# 47:1A-1.1 (New Jersey). Not a thousands figure or a date.
_NUM = (
    r"(?-i:(?:552a|[0-9]{1,4}(?:[.:][0-9]{1,2}[A-Z]?(?=-[0-9]))?(?:-[0-9]{1,4}){0,2}(?:\.[0-9]{1,4}){0,2}[A-Z]{0,2})"
    r"(?![A-Za-z0-9])(?![.,:][0-9]))"
)

# US state codes cited by their initials stand where "section" would: RCW 42.56.240(1)
# (Washington), KRS 61.878(1)(a) (Kentucky), ORS 192.345 (Oregon), NRS (Nevada), MCL 15.243
# (Michigan), C.R.S. 24-72-204 (Colorado), R.C. / O.R.C. 149.43 (Ohio), G.S. 132-1.2 (N. Carolina),
# N.J.S.A. 47:1A-1.1 (New Jersey).
_STATE_CODE = r"(?-i:RCW|KRS|ORS|NRS|MCL|C\.R\.S\.|O\.R\.C\.|R\.C\.|N\.C\.G\.S\.|G\.S\.|N\.J\.S\.A\.)"
_KEYWORD = (
    r"(?P<kw>sections?|secs?\.?|subsections?|paragraphs?|paras?\.|§§?|ss\.?|s\."
    rf"|s(?=[0-9])|(?-i:s)[ ](?=[0-9])|{_STATE_CODE})"
)
_REG_KEYWORD = r"(?P<rkw>regulations?|regs?\.?|r\.)"
_EXEMPT_KEYWORD = r"(?P<ekw>exemptions?|exceptions?|ex\.|exs\.)"

_MASTER = regex.compile(
    rf"""
    (?P<usc>\b5\s?U\.?\s?S\.?\s?C\.?\s?(?:§+|sec(?:tion)?\.?)?\s?(?P<usc_num>552a?)\s?(?P<usc_lv>{_LEVELS}))
  | (?P<usc2>(?<![\w.\-/])(?P<usc2_num>552a?)(?P<usc2_lv>(?:[ \t]?{_LEVEL})+))
  | (?P<ilcs>\b(?P<il_ch>[0-9]{{1,3}})\s?ILCS\s?(?P<il_act>[0-9]{{1,4}})\s?/\s?
        (?P<il_num>{_NUM})(?P<il_lv>{_LEVELS}))
  | (?<![\w'\u2019])(?:{_KEYWORD}\s?(?P<kw_il>140\s?/\s?)?(?P<kw_num>{_NUM})(?P<kw_lv>{_LEVELS}))
  | (?<![\w'\u2019])(?:{_REG_KEYWORD}\s?(?P<r_num>{_NUM})(?P<r_lv>{_LEVELS}))
  | (?<![\w'\u2019])(?:{_EXEMPT_KEYWORD}\s?(?P<e_num>(?-i:[0-9]{{1,3}}[A-Z]?))(?![A-Za-z0-9])
        (?P<e_lv>{_LEVELS}))
  | (?P<usb>(?<![\w)])\(\s?[bB0O]\s?\)(?P<usb_lv>(?:[ \t]?\(\s?[0-9GlIS]\s?\))(?:[ \t]?\(\s?[A-Fa-f]\s?\))?))
  | (?P<usb2>(?<![\w(])b\s?\(\s?(?P<usb2_n>[0-9])\s?\)(?:\s?\(\s?(?P<usb2_s>[A-Fa-f])\s?\))?)
  | (?P<usb3>(?<![\w(])(?-i:b(?P<usb3_n>[1-9])(?P<usb3_s>[A-F])?)(?![\w]))
  | (?P<pa>(?<![\w)])\(\s?(?P<pa_l>[jk])\s?\)[ \t]?\(\s?(?P<pa_n>[0-9])\s?\))
  | (?P<bare>(?<![\w/.§()\-])(?P<bare_num>(?-i:[0-9]{{1,3}}[A-Z]{{0,2}}))(?P<bare_lv>(?:[ \t]?{_LEVEL})+))
    """,
    regex.VERBOSE | regex.IGNORECASE,
)

# What may join the items of a compound citation.
_SEP = regex.compile(r"[ \t]*(?:,[ \t]*(?:and|or|&)?|&|\band/or\b|\band\b|\bor\b|/|\+)[ \t]*", regex.I)
_CONT_LEVELS = regex.compile(rf"(?:{_LEVEL})(?:[ \t]?{_LEVEL})*")
_CONT_NUMBER = regex.compile(
    rf"(?P<kw>(?:sections?|s\.|ss\.?|regulations?|regs?\.?|exemptions?|ex\.|§§?)\s?)?"
    rf"(?P<num>{_NUM})(?P<lv>{_LEVELS})",
    regex.I,
)

# A number followed by a code's name starts a citation of its own ("5 U.S.C.", "5 ILCS 140").
_STATUTE_AFTER = regex.compile(r"\s?(?:U\.?\s?S\.?\s?C\b|ILCS\b|C\.?F\.?R\b)", regex.I)

_ROMAN = regex.compile(r"(?i)^(?:i|ii|iii|iv|v|vi|vii|viii|ix|x|xi|xii)$")
# OCR misreadings of a US paragraph digit ("(b)(G)" for "(b)(6)").
_OCR_DIGIT = str.maketrans({"G": "6", "l": "1", "I": "1", "S": "5"})


def _levels(text: str) -> list[str]:
    return [m.group(1) for m in _LEVEL_RE.finditer(text)]


def _kind(token: str, previous: str | None) -> str:
    """The level class of a token: number, letter, roman numeral or capital."""
    if token[0].isdigit():
        return "num"
    if _ROMAN.match(token) and token.islower():
        # (a)(i): a roman numeral follows a letter; (i)(ii) are roman siblings; a lone "i"
        # after nothing or a number is a letter (s9(2)(i)).
        if previous in ("lower", "roman"):
            return "roman"
        if len(token) > 1 and previous is None:
            return "roman"
        return "lower"
    if token.isupper():
        return "upper"
    return "lower"


def _classes(chain: list[str]) -> list[str]:
    out: list[str] = []
    for token in chain:
        out.append(_kind(token, out[-1] if out else None))
    return out


def split_levels(tokens: list[str]) -> list[list[str]]:
    """Split one run of levels into chains: ``(1)(a)(b)`` -> ``[1, a]``, ``[1, b]``.

    A level of the same class as the one before it is a sibling, not a child
    (``Section 31(1)(a)(b)`` cites 31(1)(a) and 31(1)(b)).
    """
    chains: list[list[str]] = []
    current: list[str] = []
    classes: list[str] = []
    for token in tokens:
        kind = _kind(token, classes[-1] if classes else None)
        if current and kind == classes[-1]:
            chains.append(current)
            current, classes = current[:-1], classes[:-1]
        current = [*current, token]
        classes = [*classes, kind]
    chains.append(current)
    return chains


def attach_sibling(base: list[str], tokens: list[str]) -> list[list[str]]:
    """The chains a continuation like ``and (3A)(a)`` names, given the chain before it.

    The continuation replaces the base chain from the last level of its own class:
    ``40(2)`` + ``(3A)(a)`` -> ``40(3A)(a)``; ``35(1)(a)`` + ``(b)`` -> ``35(1)(b)``.
    """
    base_classes = _classes(base)
    first = tokens[0]
    kind = _kind(first, base_classes[-1] if base_classes else None)
    if kind == "lower" and _ROMAN.match(first) and "roman" in base_classes:
        kind = "roman"
    # "(h) and (i)": a lone letter continuing a letter list is a letter.
    if kind == "roman" and "roman" not in base_classes and len(first) == 1 and base_classes[-1] == "lower":
        kind = "lower"
    cut = len(base)
    for i in range(len(base_classes) - 1, -1, -1):
        if base_classes[i] == kind:
            cut = i
            break
    prefix = base[:cut]
    return [prefix + chain for chain in split_levels(tokens)]


def _chains_from(number: str, level_text: str) -> list[tuple[str, tuple[str, ...]]]:
    tokens = _levels(level_text)
    if not tokens:
        return [(number, ())]
    return [(number, tuple(chain)) for chain in split_levels(tokens)]


# ---------------------------------------------------------------------------- scanning


def _base(m: regex.Match[str]) -> tuple[Form, list[tuple[str, tuple[str, ...]]], Regime | str | None, bool]:
    """The form, chains, law and plurality of one master-pattern match."""
    us_code = next((k for k in ("usc", "usc2", "kw") if m.group(f"{k}_num")), None)
    if us_code and m.group(f"{us_code}_num").lower() in ("552", "552a"):
        num = m.group(f"{us_code}_num").lower()
        law: Regime | str | None = Regime.US_PA if num == "552a" else Regime.US_FOIA
        level_text = m.group(f"{us_code}_lv")
        return Form.US_CODE, [("", tuple(c)) for c in split_levels(_levels(level_text))], law, False
    if m.group("ilcs"):
        chapter, act = m.group("il_ch"), m.group("il_act")
        law = Regime.US_IL if (chapter, act) == ("5", "140") else "foreign"
        return Form.ILCS, _chains_from(m.group("il_num"), m.group("il_lv")), law, False
    if m.group("kw_num"):
        kw = m.group("kw").lower().rstrip(". ")
        plural = kw in ("sections", "ss", "§§", "subsections", "paragraphs", "secs")
        law = Regime.US_IL if m.group("kw_il") else None
        return Form.KEYWORD, _chains_from(m.group("kw_num"), m.group("kw_lv")), law, plural
    if m.group("r_num"):
        plural = m.group("rkw").lower().startswith(("regulations", "regs"))
        return Form.REGULATION, _chains_from(m.group("r_num"), m.group("r_lv")), None, plural
    if m.group("e_num"):
        plural = m.group("ekw").lower() in ("exemptions", "exceptions", "exs.")
        return Form.EXEMPTION, _chains_from(m.group("e_num"), m.group("e_lv")), None, plural
    if m.group("usb"):
        tokens = ["b", *_levels(m.group("usb_lv"))]
        tokens[1] = tokens[1].translate(_OCR_DIGIT)
        return Form.US_PARAGRAPH, [("", tuple(tokens))], Regime.US_FOIA, False
    if m.group("usb2") or m.group("usb3"):
        key = "usb2" if m.group("usb2") else "usb3"
        tokens = ["b", m.group(f"{key}_n")]
        if m.group(f"{key}_s"):
            tokens.append(m.group(f"{key}_s"))
        return Form.US_PARAGRAPH, [("", tuple(tokens))], Regime.US_FOIA, False
    if m.group("pa"):
        chain = (m.group("pa_l").lower(), m.group("pa_n"))
        return Form.PRIVACY_ACT, [("", chain)], Regime.US_PA, False
    return Form.BARE, _chains_from(m.group("bare_num"), m.group("bare_lv")), None, False


def _continue(
    text: str, pos: int, form: Form, chains: list[tuple[str, tuple[str, ...]]], plural: bool
) -> tuple[int, list[tuple[str, tuple[str, ...]]]]:
    """Extend a citation over ``, (b) and (c)`` / ``and 31`` / ``& (3A)(a)``; new end and chains."""
    end = pos
    while True:
        sep = _SEP.match(text, end)
        if sep is None:
            return end, chains
        after = sep.end()
        levels = _CONT_LEVELS.match(text, after)
        if levels is not None and form is not Form.PRIVACY_ACT:
            number, base = chains[-1]
            tokens = _levels(levels.group(0))
            if form in (Form.US_PARAGRAPH, Form.US_CODE) and tokens[0].lower() == "b":
                new = [("", tuple(c)) for c in split_levels(tokens)]
            else:
                new = [(number, tuple(c)) for c in attach_sibling(list(base), tokens)]
            chains = [*chains, *new]
            end = levels.end()
            continue
        more = _CONT_NUMBER.match(text, after)
        if more is None or form in (Form.US_PARAGRAPH, Form.PRIVACY_ACT, Form.US_CODE):
            return end, chains
        has_levels = bool(more.group("lv"))
        if not (plural or more.group("kw") or has_levels):
            return end, chains
        number = more.group("num")
        if number == "552a" or ("-" in number and "-" not in chains[-1][0]):
            return end, chains
        if _STATUTE_AFTER.match(text, more.end()):
            return end, chains  # "Exemptions 6 and 7(C), 5 U.S.C. § 552(b)(6)": a new citation
        chains = [*chains, *_chains_from(number, more.group("lv"))]
        end = more.end()


def scan(text: str) -> Iterator[Mention]:
    """Every citation-shaped run of ``text``, compound citations split into chains."""
    pos = 0
    while True:
        m = _MASTER.search(text, pos)
        if m is None:
            return
        form, chains, law, plural = _base(m)
        end, chains = _continue(text, m.end(), form, chains, plural)
        # A trailing space captured by an optional level separator is not part of the citation.
        while end > m.start() and text[end - 1] in " \t":
            end -= 1
        yield Mention(m.start(), end, text[m.start() : end], form, tuple(chains), law, plural)
        pos = max(end, m.start() + 1)


# ---------------------------------------------------------------------------- canonical form

_REG_REGIMES = frozenset({Regime.UK_EIR, Regime.UK_EISR})
_UPPER_THIRD = frozenset({Regime.US_FOIA, Regime.US_DC})
# Other state codes letter their levels in either case ("149.43(A)(1)(h)", "24-72-204(3)(a)(I)"):
# kept as printed, as the statute numbers them (GOLD.md). Illinois is always lower case.
_AS_PRINTED = frozenset(
    r
    for r in Regime
    if r.value.startswith("US-") and r not in (Regime.US_FOIA, Regime.US_PA, Regime.US_IL, Regime.US_DC)
)


def format_provision(regime: Regime, number: str, levels: tuple[str, ...]) -> str:
    """The canonical provision (GOLD.md) for a chain read under ``regime``.

    ``format_provision(UK_EIR, "12", ("5", "b"))`` is ``reg12(5)(b)``;
    ``format_provision(US_FOIA, "", ("b", "7", "c"))`` is ``(b)(7)(C)``.
    """
    if regime is Regime.US_FOIA or regime is Regime.US_PA:
        parts = [levels[0].lower(), *levels[1:]]
        if len(parts) >= 3:
            parts[2] = parts[2].upper()
        return "".join(f"({p})" for p in parts)
    norm: list[str] = []
    for i, token in enumerate(levels):
        if regime in _AS_PRINTED:
            norm.append(token)
        elif token[0].isdigit() or (regime in _UPPER_THIRD and i >= 2):
            norm.append(token.upper())
        else:
            norm.append(token.lower())
    prefix = "reg" if regime in _REG_REGIMES else "s"
    return prefix + number.upper() + "".join(f"({t})" for t in norm)

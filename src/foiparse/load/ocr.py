"""OCR for scanned PDF pages: pypdfium2 renders a page, Tesseract (via pytesseract) reads it.

The PDF loader decides which pages need OCR (``ParseOptions.ocr``) and calls
:func:`ocr_pdf_pages`; it then passes each page's text through :func:`clean_ocr_text`, which
repairs the mistakes OCR makes on letters, and adds the lines as blocks. Both libraries are the
optional ``ocr`` extra and Tesseract is a system program, so everything here is imported lazily
and a missing piece raises :class:`OcrUnavailable` naming what to install.
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from typing import Any

import attrs
import regex

from foiparse.errors import CorruptDocument, EncryptedDocument, LimitExceeded, NoTextLayer
from foiparse.options import ParseOptions

#: Resolution pages are rendered at. Tesseract is tuned for ~300 dpi; on the dev corpus's five
#: scanned letters (23 pages) 300 dpi recovered 16 of 20 gold reference/question/answer texts
#: verbatim against 15 at 200 dpi (token recall 99.96% against 99.93%).
RENDER_DPI = 300
#: Largest rendered side in pixels, so an oversized page (a plan, an A0 scan) cannot exhaust
#: memory; such pages are rendered at a lower resolution instead.
MAX_RENDER_PIXELS = 8000
#: Most pages OCR'd at once within one document (each runs one single-threaded Tesseract).
MAX_WORKERS = 2
#: Tesseract page segmentation: 3 = fully automatic layout, which keeps letterhead columns apart.
_TESSERACT_CONFIG = "--psm 3"

_PIP_HINT = "pip install 'foiparse[ocr]'"
_APT_HINT = "apt-get install tesseract-ocr"


class OcrUnavailable(NoTextLayer):
    """A PDF needs OCR but the ``ocr`` extra or the Tesseract program (or language) is missing.

    The message says exactly what to install.
    """


@attrs.frozen
class OcrPage:
    """The text Tesseract read on one page (1-based) and its mean word confidence (0-100)."""

    page: int
    text: str
    confidence: float


def _missing_parts() -> list[str]:
    """Install commands for whatever OCR needs and is not there (empty when OCR can run)."""
    missing: list[str] = []
    try:
        import pypdfium2  # noqa: F401
        import pytesseract
    except ImportError:
        missing.append(_PIP_HINT)
        # Without pytesseract we cannot ask where Tesseract is; look for it on PATH.
        if shutil.which("tesseract") is None:
            missing.append(_APT_HINT)
        return missing
    if shutil.which(pytesseract.pytesseract.tesseract_cmd) is None:
        missing.append(_APT_HINT)
    return missing


def ocr_available() -> bool:
    """Whether :func:`ocr_pdf_pages` can run: the ``ocr`` extra is installed and Tesseract found."""
    return not _missing_parts()


def require_ocr() -> None:
    """Raise :class:`OcrUnavailable` naming what to install when OCR cannot run."""
    missing = _missing_parts()
    if missing:
        raise OcrUnavailable(
            "this PDF has pages with no text layer (a scan) and OCR is not available: "
            + " and ".join(missing)
            + " to read it"
        )


def ocr_pdf_pages(data: bytes, pages: Sequence[int], options: ParseOptions) -> list[OcrPage]:
    """OCR the given 1-based ``pages`` of the PDF in ``data``, in the order given.

    All pages together get at most ``options.timeout`` seconds (``LimitExceeded`` past it).
    Raises :class:`OcrUnavailable` when OCR cannot run, :class:`EncryptedDocument` /
    :class:`CorruptDocument` when pypdfium2 cannot open the PDF, and ``ValueError`` for a page
    number outside the document (a caller's mistake).
    """
    require_ocr()
    import pypdfium2 as pdfium

    # Tesseract's OpenMP threads fight each other on a busy or small machine: on 2 cores one
    # thread read a page in ~4 s against ~16 s with the default. Parallelism comes from reading
    # several pages at once instead (below). A value the user already set is kept.
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    deadline = time.monotonic() + options.timeout
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise EncryptedDocument(
                "the PDF is encrypted and the empty password does not open it"
            ) from exc
        raise CorruptDocument(f"the PDF is damaged and cannot be rendered for OCR ({exc})") from exc
    # pdfium is not thread safe, so pages are rendered here, one at a time; Tesseract runs as a
    # subprocess, so a few pages can be read at once by worker threads. At most ``workers`` pages
    # wait rendered, which bounds memory (a 300 dpi page is about 9 MB).
    workers = max(1, min(ocr_workers(), len(pages)))
    results: dict[int, OcrPage] = {}
    pending: set[Future[OcrPage]] = set()
    try:
        count = len(pdf)
        outside = [number for number in pages if not 1 <= number <= count]
        if outside:
            raise ValueError(f"page {outside[0]} is outside this {count}-page PDF")
        with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="foiparse-ocr") as pool:
            try:
                for number in pages:
                    _check_deadline(deadline, number, options)
                    while len(pending) >= workers:
                        pending = _collect(pending, results)
                    page = pdf[number - 1]
                    try:
                        image = _render(page)
                    finally:
                        page.close()
                    pending.add(pool.submit(_read_image, image, number, options, deadline))
                while pending:
                    pending = _collect(pending, results)
            except BaseException:
                for future in pending:
                    future.cancel()
                raise
    finally:
        pdf.close()
    return [results[number] for number in pages]


def ocr_workers() -> int:
    """How many pages are read at once: the CPUs this process may use, at most :data:`MAX_WORKERS`."""
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cpus = os.cpu_count() or 1
    return max(1, min(MAX_WORKERS, cpus))


def _collect(pending: set[Future[OcrPage]], results: dict[int, OcrPage]) -> set[Future[OcrPage]]:
    """Wait for at least one page; store finished pages; re-raise the first failure."""
    done, still = wait(pending, return_when=FIRST_COMPLETED)
    for future in done:
        page = future.result()
        results[page.page] = page
    return still


def _check_deadline(deadline: float, number: int, options: ParseOptions) -> float:
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise LimitExceeded(
            f"OCR ran over the time limit of {options.timeout:g} s before page {number} "
            "(raise ParseOptions.timeout to read long scans)"
        )
    return remaining


def _render(page: Any) -> Any:
    """The page as a greyscale PIL image at :data:`RENDER_DPI` (less for oversized pages)."""
    width, height = page.get_size()  # in points, 1/72 inch
    scale = RENDER_DPI / 72
    longest = max(width, height, 1.0) * scale
    if longest > MAX_RENDER_PIXELS:
        scale *= MAX_RENDER_PIXELS / longest
    return page.render(scale=scale, grayscale=True).to_pil()


def _read_image(image: Any, number: int, options: ParseOptions, deadline: float) -> OcrPage:
    """Run Tesseract on one page image, rebuild its text line by line and clean it."""
    import pytesseract

    timeout = _check_deadline(deadline, number, options)
    try:
        data = pytesseract.image_to_data(
            image,
            lang=options.ocr_language,
            config=_TESSERACT_CONFIG,
            output_type=pytesseract.Output.DICT,
            timeout=timeout,
        )
    except pytesseract.TesseractNotFoundError as exc:
        raise OcrUnavailable(f"Tesseract was not found: {_APT_HINT} to read scanned PDFs") from exc
    except pytesseract.TesseractError as exc:
        message = str(exc.message if hasattr(exc, "message") else exc)
        if "language" in message.lower():
            packages = " ".join(
                f"tesseract-ocr-{lang}" for lang in options.ocr_language.split("+") if lang
            )
            raise OcrUnavailable(
                f"Tesseract has no data for language {options.ocr_language!r}: "
                f"apt-get install {packages}"
            ) from exc
        raise NoTextLayer(f"Tesseract failed on page {number} of this scan ({message})") from exc
    except RuntimeError as exc:
        # pytesseract signals its timeout with a bare RuntimeError.
        if "timeout" in str(exc).lower():
            raise LimitExceeded(
                f"OCR of page {number} ran over the time limit of {options.timeout:g} s "
                "(raise ParseOptions.timeout to read long scans)"
            ) from exc
        raise
    text, confidence = _assemble(data)
    return OcrPage(number, clean_ocr_text(text), confidence)


def _assemble(data: dict[str, list[Any]]) -> tuple[str, float]:
    """Text with one line per Tesseract line (a blank line between blocks) and mean confidence.

    Tesseract reports one row per word with its block, paragraph and line numbers; rows with
    confidence -1 are layout rows, not words.
    """
    lines: list[str] = []
    words: list[str] = []
    confidences: list[float] = []
    current: tuple[int, int, int] | None = None
    for i, word in enumerate(data["text"]):
        conf = float(data["conf"][i])
        word = str(word).strip()
        if conf < 0 or not word:
            continue
        key = (int(data["block_num"][i]), int(data["par_num"][i]), int(data["line_num"][i]))
        if key != current:
            if words:
                lines.append(" ".join(words))
                words = []
            if current is not None and key[0] != current[0]:
                lines.append("")
            current = key
        words.append(word)
        confidences.append(conf)
    if words:
        lines.append(" ".join(words))
    mean = sum(confidences) / len(confidences) if confidences else 0.0
    return "\n".join(lines), round(mean, 2)


# --- cleaning OCR text ------------------------------------------------------------------------
#
# Each fix is a named rule so that it can be measured alone (see benchmarks/bench_ocr.py and the
# tests). Rules only touch patterns that are near-certainly OCR mistakes in a letter's prose.

_LIGATURES = str.maketrans(
    {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
     "\ufb05": "st", "\ufb06": "st", "\u00ad": ""}
)
# Verbs that follow the pronoun "I" in letters; a lone "|" or "l" before one of them is "I".
# ("1" is left alone: "item 1 will be" is common.)
_I_VERBS = (
    r"am|have|had|was|will|would|can|could|do|did|hope|trust|enclose|attach|must|should|"
    r"may|might|regret|apologise|apologize|understand|note|refer|write|confirm|believe|"
    r"consider|also|cannot|can't|don't"
)
_PRONOUN_I = regex.compile(
    rf"(?<![\p{{L}}\p{{N}}|/(])[|l](?=\s+(?:{_I_VERBS})\b|(?:'m|'ve|'ll|'d)\b)"
)
# "lam" / "Iam" / "|am": the pronoun glued to "am".
_I_AM = regex.compile(r"(?<![\p{L}\p{N}])[|lI]am\b")
# A lone "|" before a month or a number, as in "on | January": it is the digit 1.
_PIPE_ONE = regex.compile(
    r"(?<=\s)\|(?=\s+(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December)\b)|(?<=\s)\|(?=\d)"
)
# Federal FOIA exemptions "(b)(1)".."(b)(9)": after "(b)" a group holding a digit look-alike is
# that digit ("(b)(G)" -> "(b)(6)"); no exemption has a letter there.
_AFTER_B = regex.compile(r"(?<=\(b\)\s?)\(([GSOoZlI|])\)")
_LOOKALIKE_DIGIT = {"G": "6", "S": "5", "O": "0", "o": "0", "Z": "2", "l": "1", "I": "1",
                    "|": "1"}
# ... and "(b)" itself read as "(0)" (no subsection is numbered 0) or, after "552", as "(6)"/"(8)".
_B_SUBSECTION = regex.compile(r"(?<=552\s?)\([068]\)(?=\s?\(\d\))|(?<![\w)])\(0\)(?=\s?\([1-9]\))")
# A paragraph number read as "l"/"I" between a section number and a lettered sub-paragraph:
# "7(l)(c)" -> "7(1)(c)". A lone "(l)" is left: Illinois has a paragraph "(l)".
_PARAGRAPH_ONE = regex.compile(r"(?<=\d)\(([lI|])\)(?=\([a-z]{1,2}\))")
# Roman sub-items read with a digit or "l": "(v1)" / "(vl)" -> "(vi)". "(ll)" has no i/v/x and
# stays (Illinois has a paragraph "(ll)").
_ROMAN_GROUP = regex.compile(r"\(((?:[ivx]|[l1|]){2,5})\)")
# "§" read as "$" in a U.S. Code citation ("5 U.S.C. $ 552"), or "§§" as "$$".
_SECTION_SIGN = regex.compile(r"(?<=U\.\s?S\.\s?C\.?\s?)\$(?!\$)|\$\$(?=\s?\d)")
# Words hyphenated across a line end, continued in lower case on the next line.
_BROKEN_WORD = regex.compile(r"(\p{L})[-\u2010\u00ad]\n(\p{Ll}[\p{L}']*)[ \t]?")
# Marks Tesseract makes of specks, rules and page edges at the ends of a line.
_EDGE_JUNK = regex.compile(r"^[|_~`\u00bb]+\s+|\s+[|_~`\u00bb]+$")
# Short lines that are real: common short words and list labels ("a.", "(b)", "Q1").
_SHORT_REAL = regex.compile(
    r"(?i:a|i|am|an|as|at|be|by|do|go|he|if|in|is|it|me|my|no|of|on|or|so|to|up|us|we|re|cc|"
    r"ok|mr|ms|dr|st)[.,:;]?|\(?[a-z]{1,2}[.)]|[A-Z]\.?|[ivx]{1,4}[.)]"
)


def _fix_roman(match: regex.Match[str]) -> str:
    inner = match.group(1)
    if not regex.search(r"[l1|]", inner) or not regex.search(r"[ivx]", inner):
        return str(match.group(0))  # "(11)" and "(iv)" are both fine as they are
    return "(" + str(regex.sub(r"[l1|]", "i", inner)) + ")"


def _is_noise_line(line: str) -> bool:
    """A line made by a stamp, signature or speck: no digit, no word of three letters or more,
    and not a short word or list label on its own."""
    stripped = line.strip()
    if not stripped or regex.search(r"\d|\p{L}{3,}", stripped):
        return False
    return not all(_SHORT_REAL.fullmatch(token) for token in stripped.split())


def _digit_after_b(match: regex.Match[str]) -> str:
    return f"({_LOOKALIKE_DIGIT[match.group(1)]})"


def _drop_noise_lines(text: str) -> str:
    return "\n".join(line for line in text.split("\n") if not _is_noise_line(line))


def _per_line(pattern: regex.Pattern[str], replacement: Any) -> Callable[[str], str]:
    # Edge patterns use ^ and $, so each rule runs line by line.
    return lambda text: "\n".join(pattern.sub(replacement, line) for line in text.split("\n"))


#: The repairs, in the order they run; named so each can be measured on its own.
CLEAN_RULES: tuple[tuple[str, Callable[[str], str]], ...] = (
    ("ligatures", lambda text: text.translate(_LIGATURES)),
    ("broken-words", lambda text: _BROKEN_WORD.sub(r"\1\2\n", text)),
    ("noise-lines", _drop_noise_lines),
    ("edge-junk", _per_line(_EDGE_JUNK, "")),
    ("i-am", _per_line(_I_AM, "I am")),
    ("pronoun-i", _per_line(_PRONOUN_I, "I")),
    ("pipe-one", _per_line(_PIPE_ONE, "1")),
    ("b-subsection", _per_line(_B_SUBSECTION, "(b)")),
    ("digit-after-b", _per_line(_AFTER_B, _digit_after_b)),
    ("paragraph-one", _per_line(_PARAGRAPH_ONE, "(1)")),
    ("roman", _per_line(_ROMAN_GROUP, _fix_roman)),
    ("section-sign", _per_line(_SECTION_SIGN, "\u00a7")),
)


def clean_ocr_text(text: str) -> str:
    """Repair what OCR does to a letter; for OCR'd text only (it is idempotent).

    Ligatures become letters, words hyphenated across lines are joined, ``lam``/``| am`` become
    ``I am``, a lone ``|`` before a date is ``1``, digit look-alikes in legal citations are
    mended (``(b)(G)`` and ``(0)(6)`` -> ``(b)(6)``, ``7(l)(c)`` -> ``7(1)(c)``, ``(v1)`` ->
    ``(vi)``, ``$ 552`` -> ``§ 552``), and lines or line ends made of stamp and speck marks go.
    """
    for _name, rule in CLEAN_RULES:
        text = rule(text)
    return text

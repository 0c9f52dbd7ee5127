"""Whatever bytes arrive, `parse` returns a Letter or raises a FoiParseError, nothing else."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import foiparse
from tests.conftest import GOLDEN

PREFIXES = [b"", b"%PDF-1.4\n", b"PK\x03\x04", b"<html><body>", b"From: a@b\nSubject: x\n\n",
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"\xff\xfe"]
SEEDS = [p.read_bytes() for p in sorted(GOLDEN.iterdir()) if p.suffix != ".json"]


def parse_or_typed_error(data: bytes) -> None:
    try:
        letter = foiparse.parse(data)
    except foiparse.FoiParseError as exc:
        assert str(exc), "errors must say what was wrong"
    else:
        assert isinstance(letter, foiparse.Letter)
        letter.to_dict()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(prefix=st.sampled_from(PREFIXES), body=st.binary(max_size=2048))
def test_any_bytes(prefix: bytes, body: bytes) -> None:
    parse_or_typed_error(prefix + body)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.sampled_from(SEEDS), cut=st.floats(0, 1), junk=st.binary(max_size=64))
def test_truncated_and_spliced_fixtures(seed: bytes, cut: float, junk: bytes) -> None:
    """Real-shaped inputs cut short or with junk spliced in: the common damage in scraped files."""
    at = int(len(seed) * cut)
    parse_or_typed_error(seed[:at] + junk + seed[at + len(junk):])


@settings(max_examples=80, deadline=None)
@given(text=st.text(max_size=3000))
def test_any_text(text: str) -> None:
    parse_or_typed_error(text.encode("utf-8", errors="surrogatepass"))

"""Errors of the scraper. Each is a :class:`foiparse.FoiParseError`, so one ``except`` catches all.

A scrape does not stop on these: the driver records the failed URL with the error's name and
message and goes on with the next one.
"""

from __future__ import annotations

from foiparse.errors import FoiParseError


class ScrapeError(FoiParseError):
    """Root of the errors raised while fetching; ``url`` is the address that failed."""

    def __init__(self, url: str, message: str) -> None:
        super().__init__(f"{url}: {message}")
        self.url = url


class Disallowed(ScrapeError):
    """robots.txt forbids this URL to our User-Agent."""


class OffHost(ScrapeError):
    """The URL (or a redirect) leads to a host the scrape was not allowed to visit."""


class HttpStatusError(ScrapeError):
    """The server answered with an error status (after any retries)."""

    def __init__(self, url: str, status: int) -> None:
        super().__init__(url, f"HTTP {status}")
        self.status = status


class TooLarge(ScrapeError):
    """The response is bigger than the download limit; it was abandoned mid-stream."""


class BadContentType(ScrapeError):
    """The response's Content-Type is not one this request accepts."""


class FetchFailed(ScrapeError):
    """A network error or timeout persisted through every retry, or redirects looped."""


__all__ = [
    "BadContentType",
    "Disallowed",
    "FetchFailed",
    "HttpStatusError",
    "OffHost",
    "ScrapeError",
    "TooLarge",
]

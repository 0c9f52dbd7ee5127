"""A polite, bounded HTTP client (httpx) for scraping disclosure logs.

Politeness: robots.txt is obeyed, requests to one host are spaced by ``min_interval`` seconds
(or the host's robots.txt Crawl-delay, if longer), 429 and 5xx answers are retried with
exponential backoff honouring ``Retry-After``, every request names the project in its
User-Agent, and responses are revalidated through an on-disk cache (ETag / Last-Modified),
so an unchanged page costs a 304 and no body. Safety: bodies are streamed and abandoned past
``max_bytes``, Content-Type is checked before the body is read, every request has a timeout,
and redirects are followed by hand so each hop passes the host and robots checks again.
"""

from __future__ import annotations

import email.utils
import time
from collections import Counter
from collections.abc import Callable, Collection
from pathlib import Path
from types import TracebackType
from typing import Self
from urllib.parse import urljoin, urlsplit

import attrs
import httpx

from foiparse.scrape.cache import CachedResponse, DiskCache
from foiparse.scrape.errors import (
    BadContentType,
    Disallowed,
    FetchFailed,
    HttpStatusError,
    OffHost,
    TooLarge,
)
from foiparse.scrape.robots import RobotsRules

#: The product token robots.txt rules are matched against.
AGENT_TOKEN = "foiparse"
#: Names the project and how to reach whoever runs it (replace the placeholders when deploying).
DEFAULT_USER_AGENT = (
    f"{AGENT_TOKEN}/0.1 (+https://example.org/foiparse; FOI research scraper; "
    "contact: foiparse@example.org)"
)

HTML_TYPES = ("text/html", "application/xhtml+xml")
JSON_TYPES = ("application/json", "text/json")
#: Letters come as PDF, Word, e-mail or text; servers often label them octet-stream, which is
#: accepted here and left to the parser's content sniffing.
LETTER_TYPES = (
    "application/pdf",
    "application/x-pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/msword",
    "application/octet-stream",
    "binary/octet-stream",
    "message/rfc822",
    "text/plain",
    "text/html",
    "text/markdown",
)

_RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
_REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})


@attrs.frozen(kw_only=True)
class ClientOptions:
    """Settings of :class:`Client`; the defaults are polite enough for a public website."""

    user_agent: str = DEFAULT_USER_AGENT
    #: Least number of seconds between two requests to the same host.
    min_interval: float = 1.0
    #: Seconds allowed for connecting and for each read.
    timeout: float = 30.0
    #: Largest body accepted; a bigger one is abandoned mid-stream (:class:`TooLarge`).
    max_bytes: int = 50 * 1024 * 1024
    #: Retries after a 429, a 5xx or a network error (so ``retries + 1`` attempts in all).
    retries: int = 3
    #: First backoff in seconds when the server gives no Retry-After; doubles each retry.
    backoff: float = 2.0
    #: Longest wait honoured (Retry-After or Crawl-delay); a server asking more is given up on.
    max_wait: float = 300.0
    max_redirects: int = 5
    #: Hosts besides the start URL's that may be visited (``host`` or ``host:port``).
    allowed_hosts: frozenset[str] = attrs.field(default=frozenset(), converter=frozenset)
    #: Folder of the conditional-request cache; ``None`` disables revalidation.
    cache_dir: Path | None = attrs.field(
        default=None, converter=attrs.converters.optional(Path)
    )


@attrs.frozen(kw_only=True)
class FetchResult:
    """One fetched URL: a fresh 200 body, or the cached body after a 304 (``not_modified``)."""

    url: str
    final_url: str
    status: int
    body: bytes
    content_type: str | None
    etag: str | None
    last_modified: str | None
    content_disposition: str | None = None
    not_modified: bool = False


def media_type(content_type: str | None) -> str:
    """``text/html; charset=utf-8`` -> ``text/html``."""
    return (content_type or "").split(";", 1)[0].strip().lower()


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date), or ``None``."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when is None:
        return None
    current = time.time() if now is None else now
    return max(0.0, when.timestamp() - current)


class Client:
    """Polite GET requests confined to the start host (and any hosts allowed explicitly).

    ``sleep`` and ``clock`` are injectable so tests can observe the waits without waiting.
    """

    def __init__(
        self,
        options: ClientOptions | None = None,
        *,
        start_url: str | None = None,
        transport: httpx.BaseTransport | None = None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.options = options or ClientOptions()
        self._hosts: set[str] = {h.lower() for h in self.options.allowed_hosts}
        if start_url is not None:
            self._hosts.add(_netloc(start_url))
        self._http = httpx.Client(
            headers={"User-Agent": self.options.user_agent},
            timeout=httpx.Timeout(self.options.timeout),
            follow_redirects=False,  # each hop is checked against hosts and robots by hand
            transport=transport,
        )
        self._sleep = sleep
        self._clock = clock
        self._last_request: dict[str, float] = {}
        self._cache = DiskCache(self.options.cache_dir) if self.options.cache_dir else None
        self.robots = RobotsRules(AGENT_TOKEN, self._fetch_robots)
        #: Counts of what happened: requests, not_modified, retries, bytes.
        self.stats: Counter[str] = Counter()

    # -- context management ---------------------------------------------------------------
    def close(self) -> None:
        """Close the connection pool."""
        self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    # -- checks ---------------------------------------------------------------------------
    def allows_host(self, url: str) -> bool:
        """Whether ``url`` is on the start host or an explicitly allowed one."""
        parts = urlsplit(url)
        if parts.scheme.lower() not in ("http", "https"):
            return False
        return not self._hosts or _netloc(url) in self._hosts or (
            (parts.hostname or "").lower() in self._hosts)

    def check(self, url: str) -> None:
        """Raise :class:`OffHost` or :class:`Disallowed` if ``url`` may not be fetched."""
        if not self.allows_host(url):
            raise OffHost(url, "not on the start host (allow it explicitly to follow it)")
        if not self.robots.allowed(url):
            raise Disallowed(url, "robots.txt disallows it")

    # -- fetching -------------------------------------------------------------------------
    def get(self, url: str, *, accept: Collection[str] = HTML_TYPES,
            conditional: bool = True) -> FetchResult:
        """GET ``url`` politely; revalidate against the cache when ``conditional``.

        Raises a :class:`~foiparse.scrape.errors.ScrapeError` subclass on failure.
        """
        cached = self._cache.get(url) if (self._cache and conditional) else None
        current = url
        for _hop in range(self.options.max_redirects + 1):
            self.check(current)
            headers = cached.validators() if cached and current == url else {}
            outcome = self._attempt(current, headers, accept, cached if current == url else None)
            if isinstance(outcome, str):  # a redirect: the next hop's absolute URL
                current = outcome
                continue
            if url != current:
                outcome = attrs.evolve(outcome, url=url)
            if self._cache and not outcome.not_modified and (outcome.etag or outcome.last_modified):
                self._cache.put(url, etag=outcome.etag, last_modified=outcome.last_modified,
                                content_type=outcome.content_type, body=outcome.body)
            return outcome
        raise FetchFailed(url, f"more than {self.options.max_redirects} redirects")

    def _attempt(self, url: str, headers: dict[str, str], accept: Collection[str],
                 cached: CachedResponse | None) -> FetchResult | str:
        """One request with retries; a redirect returns the Location to follow."""
        opts = self.options
        for attempt in range(opts.retries + 1):
            last = attempt == opts.retries
            self._wait_turn(url)
            self.stats["requests"] += 1
            try:
                with self._http.stream("GET", url, headers=headers) as response:
                    status = response.status_code
                    if status in _RETRY_STATUSES and not last:
                        delay = parse_retry_after(response.headers.get("Retry-After"))
                        if delay is None:
                            delay = opts.backoff * (2 ** attempt)
                        if delay > opts.max_wait:
                            raise HttpStatusError(url, status)
                        self.stats["retries"] += 1
                        self._sleep(delay)
                        continue
                    return self._finish(url, response, accept, cached)
            except httpx.TransportError as exc:  # timeouts, refused connections, resets
                if last:
                    raise FetchFailed(url, f"{type(exc).__name__}: {exc}") from exc
                self.stats["retries"] += 1
                self._sleep(opts.backoff * (2 ** attempt))
        raise FetchFailed(url, "no attempt succeeded")  # pragma: no cover - loop always returns

    def _finish(self, url: str, response: httpx.Response, accept: Collection[str],
                cached: CachedResponse | None) -> FetchResult | str:
        status = response.status_code
        if status in _REDIRECT_STATUSES and "Location" in response.headers:
            return urljoin(url, response.headers["Location"])
        if status == 304 and cached is not None:
            self.stats["not_modified"] += 1
            return FetchResult(url=url, final_url=url, status=304, body=cached.body,
                               content_type=cached.content_type, etag=cached.etag,
                               last_modified=cached.last_modified, not_modified=True)
        if status != 200:
            raise HttpStatusError(url, status)
        content_type = response.headers.get("Content-Type")
        kind = media_type(content_type)
        if accept and "*/*" not in accept and kind not in accept:
            raise BadContentType(url, f"Content-Type {kind or 'missing'!r} is not one of "
                                 f"{', '.join(accept)}")
        limit = self.options.max_bytes
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > limit:
            raise TooLarge(url, f"Content-Length {declared} exceeds the limit of {limit} bytes")
        chunks: list[bytes] = []
        size = 0
        # The declared length may be absent or a lie: count what actually arrives.
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > limit:
                raise TooLarge(url, f"body exceeds the limit of {limit} bytes")
            chunks.append(chunk)
        self.stats["bytes"] += size
        return FetchResult(url=url, final_url=str(response.url), status=200, body=b"".join(chunks),
                           content_type=content_type, etag=response.headers.get("ETag"),
                           last_modified=response.headers.get("Last-Modified"),
                           content_disposition=response.headers.get("Content-Disposition"))

    def _wait_turn(self, url: str) -> None:
        """Sleep until this host's interval (or robots Crawl-delay) has passed."""
        host = _netloc(url)
        interval = self.options.min_interval
        if not url.endswith("/robots.txt"):
            delay = self.robots.crawl_delay(url)
            if delay is not None:
                interval = max(interval, min(delay, self.options.max_wait))
        last = self._last_request.get(host)
        if last is not None:
            remaining = interval - (self._clock() - last)
            if remaining > 0:
                self._sleep(remaining)
        self._last_request[host] = self._clock()

    def _fetch_robots(self, robots_url: str) -> tuple[int, str]:
        """Fetch robots.txt (rate-limited, bounded, no robots check of its own)."""
        self._wait_turn(robots_url)
        self.stats["requests"] += 1
        try:
            # RFC 9309: follow redirects for robots.txt (http -> https is common).
            with self._http.stream("GET", robots_url, follow_redirects=True) as response:
                if response.status_code != 200:
                    return response.status_code, ""
                data = b""
                # RFC 9309 asks crawlers to read at least 500 KiB; ignore anything beyond.
                for chunk in response.iter_bytes():
                    data += chunk
                    if len(data) > 512 * 1024:
                        break
                return 200, data.decode("utf-8", errors="replace")
        except httpx.TransportError:
            return 0, ""


def _netloc(url: str) -> str:
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    return f"{host}:{parts.port}" if parts.port else host

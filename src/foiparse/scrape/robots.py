"""robots.txt, fetched once per origin and read with :mod:`urllib.robotparser`.

Unreadable files are judged as RFC 9309 says: a 4xx answer means "no rules" (crawl freely),
a 5xx answer or a network failure means "assume everything is disallowed" for this run.
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

#: Fetches a robots.txt URL and returns ``(status, text)``; status 0 for a network failure.
RobotsFetcher = Callable[[str], tuple[int, str]]


def origin_of(url: str) -> str:
    """``scheme://host[:port]`` of ``url``, lower-cased: the unit robots.txt applies to."""
    parts = urlsplit(url)
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"


class RobotsRules:
    """Answers "may this User-Agent fetch this URL?" for every origin a scrape meets."""

    def __init__(self, agent_token: str, fetch: RobotsFetcher) -> None:
        # robotparser matches a rule's User-agent line as a substring of the token we give,
        # so pass the product token ("foiparse"), not the whole User-Agent header.
        self.agent_token = agent_token
        self._fetch = fetch
        self._parsers: dict[str, RobotFileParser] = {}

    def _parser(self, url: str) -> RobotFileParser:
        origin = origin_of(url)
        parser = self._parsers.get(origin)
        if parser is None:
            parser = RobotFileParser(origin + "/robots.txt")
            status, text = self._fetch(origin + "/robots.txt")
            if status == 0 or status >= 500:
                parser.parse(["User-agent: *", "Disallow: /"])
            elif status >= 400:
                parser.parse([])
            else:
                parser.parse(text.splitlines())
            self._parsers[origin] = parser
        return parser

    def allowed(self, url: str) -> bool:
        """Whether robots.txt lets us fetch ``url``."""
        return self._parser(url).can_fetch(self.agent_token, url)

    def crawl_delay(self, url: str) -> float | None:
        """The Crawl-delay robots.txt asks of us on ``url``'s origin, if any."""
        delay = self._parser(url).crawl_delay(self.agent_token)
        return float(delay) if delay is not None else None

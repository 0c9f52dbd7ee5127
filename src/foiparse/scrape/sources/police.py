"""UK police disclosure logs on the forces' shared website platform.

Every force publishes its log under ``/foi-ai/<force>/disclosure-log/``: listing pages (the
log, a year, a month, each possibly paginated with ``?page=N``) link to one page per request
at ``.../<yyyy>/<month>/<slug>/``. The request page carries the response text itself and
sometimes PDF or Word attachments (the platform keeps media under asset folders such as
``/SysSiteAssets/``). URLs are classified by shape, not by page markup, because the markup
is shared by dozens of forces and changes with site redesigns while the URL scheme does not.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterator
from urllib.parse import parse_qsl, urlsplit

import attrs

from foiparse.scrape.sources.base import (
    Failure,
    Fetcher,
    Item,
    links,
    looks_like_letter_file,
    next_page,
    page_item,
    soup_of,
)

_LOG_PATH = re.compile(r"^/foi-ai/(?P<force>[^/]+)/(?P<log>disclosure[^/]*)(?P<rest>/.*)?$", re.I)
_YEAR = re.compile(r"(?<!\d)(19|20)\d{2}(?!\d)")
_MONTH = re.compile(
    r"(?<![a-z])(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|"
    r"sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?)(?![a-z])", re.I)
# Asset folders of the platform's CMS; links there are downloads even without an extension.
_ASSET_DIRS = ("/sysassets/", "/syssiteassets/", "/globalassets/", "/siteassets/", "/media/")


def classify(url: str) -> tuple[str, str] | None:
    """``("item" | "index", force)`` for a disclosure-log URL, ``None`` for any other URL."""
    match = _LOG_PATH.match(urlsplit(url).path)
    if match is None:
        return None
    force = match["force"].lower()
    tokens = [match["log"], *(s for s in (match["rest"] or "").split("/") if s)]
    year = next((i for i, t in enumerate(tokens) if _YEAR.search(t)), None)
    month = next((i for i, t in enumerate(tokens) if i and _MONTH.search(t)), None)
    if year is not None and month is not None and len(tokens) - 1 > max(year, month):
        return "item", force
    return "index", force


def is_attachment(url: str) -> bool:
    """A link on a request page that downloads a letter."""
    path = urlsplit(url).path.lower()
    return looks_like_letter_file(url) or any(d in path for d in _ASSET_DIRS)


def _follow_index(url: str, start: str, force: str) -> bool:
    """Listing pages worth walking: this force's log, below the start page, plain or paged."""
    kind = classify(url)
    if kind != ("index", force):
        return False
    parts, origin = urlsplit(url), urlsplit(start)
    if parts.netloc.lower() != origin.netloc.lower():
        return False
    if not parts.path.rstrip("/").startswith(origin.path.rstrip("/")):
        return False
    # Only pagination in the query: sort orders and filters would multiply the same listing.
    return all(k.lower() == "page" for k, _v in parse_qsl(parts.query))


@attrs.frozen(kw_only=True)
class PoliceLog:
    """A force's disclosure log (or one year, month or request page of it)."""

    start_url: str
    #: Stop after this many listing pages (``None``: walk them all).
    max_pages: int | None = None
    #: Stop after this many request pages (``None``: all).
    max_items: int | None = None
    kind: str = "police"

    def __attrs_post_init__(self) -> None:
        if classify(self.start_url) is None:
            raise ValueError(f"{self.start_url} is not a /foi-ai/<force>/disclosure-log/ URL")

    def items(self, fetcher: Fetcher) -> Iterator[Item | Failure]:
        """Walk the listing pages breadth-first and yield each request page found."""
        kind, force = classify(self.start_url) or ("index", "")
        if kind == "item":
            yield page_item(fetcher, self.start_url, is_attachment=is_attachment)
            return
        queue: deque[str] = deque([self.start_url])
        queued = {self.start_url}
        seen_items: set[str] = set()
        pages = 0
        while queue and (self.max_pages is None or pages < self.max_pages):
            url = queue.popleft()
            pages += 1
            result = fetcher.fetch(url, role="index")
            if result is None:
                yield Failure(url=url, role="index", error="listing page could not be fetched")
                continue
            soup = soup_of(result)
            found = links(soup, result.url)
            following = next_page(soup, result.url)
            for link in ([following] if following else []) + found:
                if link not in queued and fetcher.allows(link) and _follow_index(
                        link, self.start_url, force):
                    queued.add(link)
                    queue.append(link)
            for link in found:
                if link in seen_items or classify(link) != ("item", force):
                    continue
                if not fetcher.allows(link):
                    continue
                if self.max_items is not None and len(seen_items) >= self.max_items:
                    return
                seen_items.add(link)
                yield page_item(fetcher, link, is_attachment=is_attachment, parent=url)

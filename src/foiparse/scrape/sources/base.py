"""What every source kind shares: the item/candidate records and link-finding helpers.

A *source* walks a website's listing pages and yields one :class:`Item` per request it finds
(or a :class:`Failure` for a listing or request page that could not be fetched). An item
carries *candidates*: the letters it holds, either inline (the request page itself, one
message of a correspondence thread) or as attachment URLs still to be downloaded. Sources
never touch the dataset; they fetch through a :class:`Fetcher` the driver provides.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterator, Mapping
from typing import Protocol
from urllib.parse import urldefrag, urljoin, urlsplit

import attrs
from bs4 import BeautifulSoup, Tag

from foiparse.scrape.client import HTML_TYPES, FetchResult

#: File extensions of documents that can hold a letter.
LETTER_EXTENSIONS = (".pdf", ".docx", ".doc", ".eml", ".txt", ".htm", ".html", ".md")
#: Extensions that are never letters, even when a link says "download".
_NEVER = (".xls", ".xlsx", ".csv", ".zip", ".jpg", ".jpeg", ".png", ".gif", ".mp4", ".ppt",
          ".pptx", ".odt", ".ods")


@attrs.frozen(kw_only=True)
class Candidate:
    """One letter an item holds: inline ``data`` already in hand, or a ``url`` to download."""

    url: str
    data: bytes | None = None
    #: A file-name hint for inline data (helps the parser guess the format).
    name: str | None = None
    #: ``page`` (the request page), ``message`` (one message of a thread) or ``attachment``.
    role: str = "attachment"


@attrs.frozen(kw_only=True)
class Item:
    """One request found on a listing: its page and the letters it holds."""

    url: str
    title: str | None = None
    #: The item page answered 304: nothing on it changed since the last run.
    not_modified: bool = False
    candidates: tuple[Candidate, ...] = ()
    #: Source-specific facts (authority, status, dates), stored as JSON with the item.
    meta: Mapping[str, str | None] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True)
class Failure:
    """A listing or request page that could not be fetched (already recorded by the fetcher)."""

    url: str
    role: str
    error: str


class Fetcher(Protocol):
    """How a source fetches: the driver records every outcome; ``None`` means it failed."""

    def fetch(self, url: str, *, role: str, accept: Collection[str] = HTML_TYPES,
              parent: str | None = None) -> FetchResult | None: ...

    def allows(self, url: str) -> bool:
        """Whether ``url`` is on an allowed host (off-host links are skipped silently)."""
        ...


class Source(Protocol):
    """A kind of website that can be scraped."""

    @property
    def kind(self) -> str:
        """Short name of the kind (``police``, ``wdtk``, ``generic``)."""
        ...

    @property
    def start_url(self) -> str:
        """Where the walk starts (its host is the one host visited by default)."""
        ...

    def items(self, fetcher: Fetcher) -> Iterator[Item | Failure]:
        """Walk the listing and yield every item (and every page that failed)."""
        ...


def soup_of(result: FetchResult) -> BeautifulSoup:
    """Parse an HTML response (the declared charset is honoured, else sniffed)."""
    return BeautifulSoup(result.body, "lxml")


def absolute(base: str, href: str | None) -> str | None:
    """``href`` resolved against ``base``, without its fragment; ``None`` if not http(s)."""
    if not href:
        return None
    href = href.strip()
    url, _frag = urldefrag(urljoin(base, href))
    if urlsplit(url).scheme.lower() not in ("http", "https"):
        return None
    return url


def links(root: BeautifulSoup | Tag, base: str, selector: str = "a[href]") -> list[str]:
    """Absolute URLs of the elements ``selector`` picks (``href`` or ``src``), deduplicated."""
    found: list[str] = []
    for el in root.select(selector):
        href = el.get("href") or el.get("src")
        url = absolute(base, href if isinstance(href, str) else None)
        if url and url not in found:
            found.append(url)
    return found


def looks_like_letter_file(url: str) -> bool:
    """Whether ``url``'s path ends like a document that can hold a letter."""
    path = urlsplit(url).path.lower()
    return path.endswith(LETTER_EXTENSIONS) and not path.endswith((".htm", ".html"))


def is_never_letter(url: str) -> bool:
    """Spreadsheets, images, archives: attachments that are data, not letters."""
    return urlsplit(url).path.lower().endswith(_NEVER)


# "Next", "Next page", "Older entries", or just arrows (single/double right angle quotes).
_NEXT_TEXT = re.compile(
    r"^\s*(next(\s+page)?|older( entries| posts)?|[\u203a\u00bb>]+)\s*[\u203a\u00bb>]*\s*$",
    re.I,
)


def next_page(soup: BeautifulSoup, base: str, selector: str | None = None) -> str | None:
    """The listing's next page: ``selector`` if given, else ``rel=next`` or a "Next" link."""
    if selector:
        found = links(soup, base, selector)
        return found[0] if found else None
    for el in soup.select('a[rel~="next"], link[rel~="next"]'):
        href = el.get("href")
        url = absolute(base, href if isinstance(href, str) else None)
        if url:
            return url
    for a in soup.select("a[href]"):
        classes = " ".join(a.get("class") or [])
        label = a.get("aria-label") or ""
        text = a.get_text(" ", strip=True)
        if (_NEXT_TEXT.match(text) or "next" in classes.lower()
                or str(label).lower().startswith("next")):
            href = a.get("href")
            url = absolute(base, href if isinstance(href, str) else None)
            if url and url != base:
                return url
    return None


def follow_listing(
    fetcher: Fetcher,
    start_url: str,
    *,
    item_links: Callable[[BeautifulSoup, str], Iterator[str] | list[str]],
    next_link: Callable[[BeautifulSoup, str], str | None],
    max_pages: int | None = None,
    max_items: int | None = None,
) -> Iterator[tuple[str, str] | Failure]:
    """Walk a listing's pages one after the other from ``start_url``.

    Yields ``(item URL, listing page URL)`` for each item link not seen before that robots.txt
    allows, at most ``max_items`` of them over at most ``max_pages`` pages; or a
    :class:`Failure` for a listing page that could not be fetched, where the walk stops.
    ``item_links`` picks a page's item links (``soup``, the page's URL); ``next_link`` its
    next page.
    """
    url: str | None = start_url
    pages: set[str] = set()
    seen: set[str] = set()
    while url and url not in pages and (max_pages is None or len(pages) < max_pages):
        pages.add(url)
        result = fetcher.fetch(url, role="index")
        if result is None:
            yield Failure(url=url, role="index", error="listing page could not be fetched")
            return
        soup = soup_of(result)
        following = next_link(soup, result.url)
        for link in item_links(soup, result.url):
            if link in (url, result.url, following) or link in pages:
                continue  # an in-page anchor ("#contact"), or a link to a listing page
            if link in seen or not fetcher.allows(link):
                continue
            if max_items is not None and len(seen) >= max_items:
                return
            seen.add(link)
            yield link, url
        url = following


def main_content(soup: BeautifulSoup) -> Tag | BeautifulSoup:
    """The page's main content (``<main>``, ``role=main`` or ``<article>``), else the page."""
    for selector in ("main", '[role="main"]', "article", "#content", "#main-content"):
        found = soup.select_one(selector)
        if found is not None and found.get_text(strip=True):
            return found
    return soup


def as_html_document(fragment: Tag | BeautifulSoup, title: str | None = None) -> bytes:
    """A fragment wrapped as a standalone UTF-8 HTML document (for the HTML loader)."""
    head = f"<title>{_escape(title)}</title>" if title else ""
    return (f'<!DOCTYPE html><html><head><meta charset="utf-8">{head}</head><body>'
            f"{fragment}</body></html>").encode()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def page_title(soup: BeautifulSoup) -> str | None:
    """The page's ``<h1>``, else its ``<title>``."""
    for el in (soup.select_one("main h1") or soup.select_one("h1"), soup.title):
        if el is not None:
            text = el.get_text(" ", strip=True)
            if text:
                return text
    return None


def word_count(node: Tag | BeautifulSoup) -> int:
    """Words of visible text under ``node``."""
    return len(node.get_text(" ", strip=True).split())


#: With attachments present, a request page shorter than this is a cover note ("please see
#: the attached response"), not a letter in its own right.
COVER_NOTE_WORDS = 120


def page_item(fetcher: Fetcher, url: str, *, is_attachment: Callable[[str], bool],
              attachment_selector: str | None = None, parent: str | None = None,
              meta: Mapping[str, str | None] | None = None) -> Item | Failure:
    """Fetch a request page and make an :class:`Item` of it and its attachments.

    The page's main content is a letter itself (the platform publishes the response as the
    page), unless it is only a short cover note for attached letters.
    """
    result = fetcher.fetch(url, role="item", parent=parent)
    if result is None:
        return Failure(url=url, role="item", error="request page could not be fetched")
    soup = soup_of(result)
    title = page_title(soup)
    main = main_content(soup)
    if attachment_selector:
        found = links(soup, result.url, attachment_selector)
    else:
        found = [u for u in links(main, result.url) if is_attachment(u)]
    attachments = [u for u in found if u != url and not is_never_letter(u)]
    candidates: list[Candidate] = []
    if not attachments or word_count(main) >= COVER_NOTE_WORDS:
        candidates.append(Candidate(url=url, data=as_html_document(main, title), role="page",
                                    name="page.html"))
    candidates.extend(Candidate(url=u) for u in attachments)
    return Item(url=url, title=title, not_modified=result.not_modified,
                candidates=tuple(candidates), meta=dict(meta or {}))

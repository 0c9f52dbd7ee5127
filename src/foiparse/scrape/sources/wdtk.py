"""WhatDoTheyKnow (and any other Alaveteli site): one request, or an authority's requests.

Alaveteli publishes each request at ``/request/<slug>`` and its metadata at
``/request/<slug>.json`` (title, authority, status, and the event list saying which incoming
messages are responses). An authority's page ``/body/<url_name>`` lists its requests, paged
with ``?page=N``. The letters are the authority's incoming messages on the request page
(elements with ``id="incoming-<n>"``) and their attachments
(``/request/<id>/response/<n>/attach/<k>/<file>``); the HTML renderings of attachments that
Alaveteli also links (``/attach/html/...``) are skipped, as they duplicate the files.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from typing import Any
from urllib.parse import parse_qsl, urlsplit, urlunsplit

import attrs
from bs4 import BeautifulSoup, Tag

from foiparse.scrape.client import JSON_TYPES
from foiparse.scrape.sources.base import (
    Candidate,
    Failure,
    Fetcher,
    Item,
    as_html_document,
    follow_listing,
    links,
    next_page,
    page_title,
    soup_of,
)

_REQUEST = re.compile(r"^/request/(?P<slug>[A-Za-z0-9_-]+)/?$")
_BODY = re.compile(r"^/body/(?P<name>[A-Za-z0-9_-]+)(/[a-z_]+)?/?$")
_ATTACHMENT = re.compile(r"/request/\d+/response/\d+/attach/(?!html/)\d+/")
_INCOMING_ID = re.compile(r"^incoming-(\d+)$")


def request_url(url: str) -> str | None:
    """The canonical ``/request/<slug>`` URL for a link to a request, else ``None``."""
    parts = urlsplit(url)
    match = _REQUEST.match(parts.path.removesuffix(".json"))
    if match is None:
        return None
    return urlunsplit((parts.scheme, parts.netloc, f"/request/{match['slug']}", "", ""))


def _meta(data: Mapping[str, Any]) -> dict[str, str | None]:
    body = data.get("public_body") or {}
    return {
        "title": _str(data.get("title")),
        "authority": _str(body.get("name")) if isinstance(body, Mapping) else None,
        "authority_slug": _str(body.get("url_name")) if isinstance(body, Mapping) else None,
        "status": _str(data.get("described_state") or data.get("display_status")),
        "created_at": _str(data.get("created_at")),
        "updated_at": _str(data.get("updated_at")),
    }


def _str(value: object) -> str | None:
    return str(value) if value not in (None, "") else None


def _response_ids(data: Mapping[str, Any]) -> set[str] | None:
    """Incoming-message ids the event list marks as responses (``None``: no event list)."""
    events = data.get("info_request_events")
    if not isinstance(events, list):
        return None
    return {str(e["incoming_message_id"]) for e in events
            if isinstance(e, Mapping) and e.get("event_type") == "response"
            and e.get("incoming_message_id") is not None}


def _message_body(message: Tag) -> Tag:
    for selector in (".correspondence_text", ".correspondence__text", ".message-body"):
        found = message.select_one(selector)
        if found is not None:
            return found
    return message


def _request_links(soup: BeautifulSoup, base: str) -> list[str]:
    """The requests an authority's page links to, as canonical request URLs."""
    return [req for req in map(request_url, links(soup, base)) if req is not None]


def _next_plain_page(soup: BeautifulSoup, base: str) -> str | None:
    """The next page of the list, only when it is plain pagination (``?page=N``), never a
    filtered or sorted variant of the same list."""
    following = next_page(soup, base)
    if following and not all(k == "page" for k, _ in parse_qsl(urlsplit(following).query)):
        return None
    return following


@attrs.frozen(kw_only=True)
class WhatDoTheyKnow:
    """A request page (``/request/<slug>``) or an authority's list (``/body/<name>``)."""

    start_url: str
    max_pages: int | None = None
    max_items: int | None = None
    kind: str = "wdtk"

    def __attrs_post_init__(self) -> None:
        path = urlsplit(self.start_url).path
        if request_url(self.start_url) is None and not _BODY.match(path):
            raise ValueError(f"{self.start_url} is neither /request/<slug> nor /body/<name>")

    def items(self, fetcher: Fetcher) -> Iterator[Item | Failure]:
        """Yield the start request, or every request the authority's pages list."""
        single = request_url(self.start_url)
        if single is not None:
            yield self._request(fetcher, single, parent=None)
            return
        for entry in follow_listing(
            fetcher, self.start_url, item_links=_request_links, next_link=_next_plain_page,
            max_pages=self.max_pages, max_items=self.max_items,
        ):
            if isinstance(entry, Failure):
                yield entry
                continue
            req, listing = entry
            yield self._request(fetcher, req, parent=listing)

    def _request(self, fetcher: Fetcher, url: str, parent: str | None) -> Item | Failure:
        data: Mapping[str, Any] = {}
        meta_result = fetcher.fetch(url + ".json", role="metadata", accept=JSON_TYPES,
                                    parent=url)
        if meta_result is not None:
            try:
                loaded = json.loads(meta_result.body)
            except ValueError:
                loaded = None
            if isinstance(loaded, Mapping):
                data = loaded
        page = fetcher.fetch(url, role="item", parent=parent)
        if page is None:
            return Failure(url=url, role="item", error="request page could not be fetched")
        soup = soup_of(page)
        meta = _meta(data)
        title = meta.get("title") or page_title(soup)
        responses = _response_ids(data)
        candidates: list[Candidate] = []
        for message in soup.find_all(id=_INCOMING_ID):
            if not isinstance(message, Tag):
                continue
            match = _INCOMING_ID.match(str(message.get("id")))
            number = match.group(1) if match else ""
            if responses is not None and number not in responses:
                continue
            body = _message_body(message)
            candidates.append(Candidate(url=f"{url}#incoming-{number}", role="message",
                                        data=as_html_document(body, title), name="message.html"))
            candidates.extend(Candidate(url=a) for a in links(message, page.url)
                              if _ATTACHMENT.search(urlsplit(a).path))
        # Both fetches must be unchanged for the item to count as unchanged.
        unchanged = page.not_modified and (meta_result is None or meta_result.not_modified)
        return Item(url=url, title=title, not_modified=unchanged,
                    candidates=tuple(dict.fromkeys(candidates)), meta=meta)

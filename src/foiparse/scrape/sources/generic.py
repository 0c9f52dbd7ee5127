"""Any disclosure log, described by CSS selectors.

From a start URL, ``item_selector`` picks the links to each request on a listing page and
``next_selector`` (optional; ``rel=next`` or a "Next" link by default) the following page.
A picked link that is itself a document (``.pdf``, ``.docx``...) is taken as the letter; a
picked web page is fetched, its main content kept as a letter unless it is only a cover
note, and ``attachment_selector`` (default: links to documents) picks its attachments.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from foiparse.scrape.sources.base import (
    Candidate,
    Failure,
    Fetcher,
    Item,
    follow_listing,
    links,
    looks_like_letter_file,
    next_page,
    page_item,
)


@attrs.frozen(kw_only=True)
class GenericLog:
    """A listing described by CSS selectors (soupsieve syntax, as in BeautifulSoup)."""

    start_url: str
    item_selector: str
    next_selector: str | None = None
    attachment_selector: str | None = None
    max_pages: int | None = None
    max_items: int | None = None
    kind: str = "generic"

    def items(self, fetcher: Fetcher) -> Iterator[Item | Failure]:
        """Follow next-page links from the start URL and yield each item link's letters."""
        for entry in follow_listing(
            fetcher, self.start_url,
            item_links=lambda soup, base: links(soup, base, self.item_selector),
            next_link=lambda soup, base: next_page(soup, base, self.next_selector),
            max_pages=self.max_pages, max_items=self.max_items,
        ):
            if isinstance(entry, Failure):
                yield entry
                continue
            link, listing = entry
            if looks_like_letter_file(link):
                # The listing links the letter itself: an item with no page of its own.
                yield Item(url=link, candidates=(Candidate(url=link),))
            else:
                yield page_item(fetcher, link, is_attachment=looks_like_letter_file,
                                attachment_selector=self.attachment_selector, parent=listing)

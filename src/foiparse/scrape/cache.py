"""An on-disk HTTP cache keyed by URL, kept for conditional requests (ETag / Last-Modified).

Each URL has two files named after the SHA-256 of the URL (never after the URL itself, so no
URL can steer where a file lands): ``<hash>.json`` with the validators and ``<hash>.body``.
Writes go to a temporary file first and are renamed into place, so an interrupted run never
leaves a half-written body that a later 304 would resurrect.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

import attrs


@attrs.frozen(kw_only=True)
class CachedResponse:
    """What the cache remembers of one URL's last 200 response."""

    url: str
    etag: str | None
    last_modified: str | None
    content_type: str | None
    body: bytes

    def validators(self) -> dict[str, str]:
        """The conditional-request headers that revalidate this entry."""
        headers: dict[str, str] = {}
        if self.etag:
            headers["If-None-Match"] = self.etag
        if self.last_modified:
            headers["If-Modified-Since"] = self.last_modified
        return headers


class DiskCache:
    """A folder of cached responses; safe to share between runs, not between live processes."""

    def __init__(self, root: str | os.PathLike[str]) -> None:
        self.root = Path(root)

    def _paths(self, url: str) -> tuple[Path, Path]:
        key = hashlib.sha256(url.encode("utf-8")).hexdigest()
        folder = self.root / key[:2]
        return folder / f"{key}.json", folder / f"{key}.body"

    def get(self, url: str) -> CachedResponse | None:
        """The cached response for ``url``, or ``None`` if absent or unreadable."""
        meta_path, body_path = self._paths(url)
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            body = body_path.read_bytes()
        except (OSError, ValueError):
            return None
        if meta.get("url") != url or meta.get("size") != len(body):
            return None  # a hash collision or a torn write: treat as a miss
        return CachedResponse(url=url, etag=meta.get("etag"),
                              last_modified=meta.get("last_modified"),
                              content_type=meta.get("content_type"), body=body)

    def put(self, url: str, *, etag: str | None, last_modified: str | None,
            content_type: str | None, body: bytes) -> None:
        """Remember a 200 response; only worth it when it carries a validator."""
        meta_path, body_path = self._paths(url)
        meta_path.parent.mkdir(parents=True, exist_ok=True)
        meta = {"url": url, "etag": etag, "last_modified": last_modified,
                "content_type": content_type, "size": len(body)}
        _atomic_write(body_path, body)
        _atomic_write(meta_path, json.dumps(meta).encode("utf-8"))


def _atomic_write(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise

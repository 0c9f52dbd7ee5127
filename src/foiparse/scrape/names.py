"""Safe local file names for downloaded letters.

A name is derived from the Content-Disposition header or the URL's last path segment, but only
its last component survives (no ``/``, ``\\`` or ``..``), only a conservative character set is
kept, and a short hash of the URL is prefixed so two different URLs never share a file.
:func:`safe_path` then checks that the result really lies inside the target folder.
"""

from __future__ import annotations

import hashlib
import re
from email.message import Message
from pathlib import Path
from urllib.parse import unquote, urlsplit

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
_EXTENSIONS = {
    "application/pdf": ".pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
    "application/msword": ".doc",
    "text/html": ".html",
    "application/xhtml+xml": ".html",
    "text/plain": ".txt",
    "message/rfc822": ".eml",
    "application/json": ".json",
}
MAX_NAME = 100


def disposition_filename(header: str | None) -> str | None:
    """The file name a Content-Disposition header proposes (RFC 6266 ``filename*`` first)."""
    if not header:
        return None
    msg = Message()
    msg["Content-Disposition"] = header
    name = msg.get_filename()  # decodes filename*=UTF-8''... and plain filename=
    return name or None


def safe_filename(url: str, content_disposition: str | None = None,
                  content_type: str | None = None) -> str:
    """A file name for what ``url`` returned, safe to join to any folder."""
    raw = disposition_filename(content_disposition) or unquote(urlsplit(url).path)
    # Keep only the last component, whichever separator an attacker chose.
    base = re.split(r"[/\\]", raw)[-1]
    base = _UNSAFE.sub("_", base).strip("._-")[:MAX_NAME] or "download"
    kind = (content_type or "").split(";", 1)[0].strip().lower()
    ext = _EXTENSIONS.get(kind)
    if ext and not base.lower().endswith(ext) and "." not in base:
        base += ext
    digest = hashlib.sha256(url.encode("utf-8")).hexdigest()[:10]
    return f"{digest}-{base}"


def safe_path(folder: Path, name: str) -> Path:
    """``folder / name``, refusing any name that would land outside ``folder``."""
    root = folder.resolve()
    target = (root / name).resolve()
    if target.parent != root:
        raise ValueError(f"unsafe file name {name!r}")
    return target

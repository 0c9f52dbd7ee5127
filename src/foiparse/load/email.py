"""E-mail messages (.eml) through the standard library (minimal first version)."""

from __future__ import annotations

import email
import email.policy

from foiparse.document import Document, DocumentBuilder, Metadata
from foiparse.load.text import add_text_lines
from foiparse.options import ParseOptions
from foiparse.records import SourceFormat


def load_email(data: bytes, options: ParseOptions) -> Document:
    msg = email.message_from_bytes(data, policy=email.policy.default)
    body = msg.get_body(preferencelist=("plain", "html"))
    text = body.get_content() if body is not None else ""
    builder = DocumentBuilder(SourceFormat.EMAIL)
    add_text_lines(builder, str(text))
    meta = Metadata(sender=str(msg.get("From") or "") or None, sent=str(msg.get("Date") or "") or None,
                    subject=str(msg.get("Subject") or "") or None)
    return builder.build(metadata=meta)

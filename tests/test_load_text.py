"""Text and markdown loader: lines, pages at form feeds, markdown structure."""

from __future__ import annotations

import pytest

from foiparse.document import BlockKind
from foiparse.load import load


def test_form_feeds_are_pages() -> None:
    doc = load(b"Page one text\n\x0cPage two text\n")
    assert [(b.text, b.page) for b in doc.blocks] == [("Page one text", 1), ("Page two text", 2)]
    assert doc.pages == 2


MARKDOWN = (
    b"# Response to FOI 42\n\n**Your request**\n\n1. How many?\n   - in 2023\n"
    b"b) Which wards?\n\n| Ward | Beds |\n|---|---|\n| North | 12 |\n\n"
    b"> quoted request\n\nSee [our site](https://x.example) for more.\n\n---\n"
)


@pytest.mark.parametrize(
    ("index", "text", "kind", "label", "bold"),
    [
        (0, "Response to FOI 42", BlockKind.HEADING, None, True),
        (1, "Your request", BlockKind.PARAGRAPH, None, True),
        (2, "1. How many?", BlockKind.LIST_ITEM, "1.", False),
        (3, "\u2022 in 2023", BlockKind.LIST_ITEM, "\u2022", False),
        (4, "b) Which wards?", BlockKind.LIST_ITEM, "b)", False),
        (5, "Ward | Beds", BlockKind.TABLE_ROW, None, False),
        (6, "North | 12", BlockKind.TABLE_ROW, None, False),
        (7, "quoted request", BlockKind.QUOTE, None, False),
        (8, "See our site for more.", BlockKind.PARAGRAPH, None, False),
    ],
    ids=[
        "heading",
        "bold",
        "numbered",
        "nested-bullet",
        "letter-label",
        "table-head",
        "table-row",
        "quote",
        "link-text",
    ],
)
def test_markdown_blocks(index: int, text: str, kind: BlockKind, label: str | None, bold: bool) -> None:
    blocks = load(MARKDOWN, name="reply.md").blocks
    assert len(blocks) == 9
    block = blocks[index]
    assert (block.text, block.kind, block.list_label, block.bold) == (text, kind, label, bold)


def test_plain_text_keeps_markup_characters() -> None:
    assert load(b"1. **Not** markdown here", name="reply.txt").text == "1. **Not** markdown here"

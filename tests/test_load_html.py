"""HTML loader: furniture dropped, lists, headings, tables, WhatDoTheyKnow final reply."""

from __future__ import annotations

import pytest

from foiparse.document import BlockKind
from foiparse.load import load

PAGE = """<!DOCTYPE html><html><head><title>FOI 2024/117 - Example Police</title>
<link rel="canonical" href="https://police.example/foi/2024-117"></head><body>
<div class="quick-exit">Quickly exit this site by pressing the Escape key Leave this site</div>
<div id="cookie-banner"><p>We use some essential cookies to make our website work.</p></div>
<a class="skip-link" href="#main">Skip to main content</a>
<header><nav><ul><li>Home</li><li>News</li></ul></nav></header>
<div class="govuk-phase-banner"><p>This site is a beta, your feedback helps us.</p></div>
<nav class="breadcrumbs"><ol><li>Home</li><li>Disclosure log</li></ol></nav>
<main id="main">
<h1>Freedom of information request reference no: 2024/117</h1>
<p><strong>Reason for decision</strong></p>
<p>I note you seek the following information:</p>
<ol type="a" start="2"><li>How many drones?</li><li>At what cost?<ul><li>per unit</li></ul></li></ol>
<ol><li value="5">Fifth question</li><li>Sixth question</li></ol>
<p>Line one<br>Line two &amp; more</p>
<table><tr><th>Year</th><th>Count</th></tr><tr><td>2023</td><td>14</td></tr></table>
<blockquote>An earlier message</blockquote>
</main>
<footer><p>Copyright Example Police</p></footer>
<script>var x = "Dear script";</script>
</body></html>"""


def test_page_furniture_dropped_and_letter_kept() -> None:
    doc = load(PAGE.encode())
    text = doc.text
    for junk in (
        "Quickly exit",
        "cookies",
        "Skip to",
        "Home",
        "beta",
        "Copyright",
        "Dear script",
        "Disclosure log",
    ):
        assert junk not in text, junk
    assert doc.blocks[0].text.startswith("Freedom of information request reference no")
    assert doc.metadata.title == "FOI 2024/117 - Example Police"
    assert doc.metadata.url == "https://police.example/foi/2024-117"


LETTER = "<p>Dear Ms Smith, thank you for your request for information about parking fines.</p>"
SIDEBAR = "<div><p>Related pages: council tax, bins and recycling, libraries</p></div>"


@pytest.mark.parametrize(
    "container",
    [
        '<div role="main">{}</div>',
        "<main>{}</main>",
        "<article>{}</article>",
        '<div id="content">{}</div>',
        '<div id="main-content">{}</div>',
        '<div class="page main-content">{}</div>',
    ],
    ids=["role-main", "main", "article", "id-content", "id-main-content", "class-main-content"],
)
def test_main_content_container_is_the_letter(container: str) -> None:
    page = f"<html><body>{SIDEBAR}{container.format(LETTER)}{SIDEBAR}</body></html>"
    expected = "Dear Ms Smith, thank you for your request for information about parking fines."
    assert load(page.encode()).text == expected


def test_two_articles_or_a_small_main_mean_the_whole_body() -> None:
    two = f"<html><body><article>{LETTER}</article><article>{LETTER}</article></body></html>"
    assert load(two.encode()).text.count("Dear Ms Smith") == 2
    teaser = f"<html><body><main><p>Short teaser</p></main>{LETTER * 3}</body></html>"
    assert load(teaser.encode()).text.count("Dear Ms Smith") == 3


@pytest.mark.parametrize(
    ("text", "kind", "label", "level"),
    [
        ("Freedom of information request reference no: 2024/117", BlockKind.HEADING, None, 1),
        ("Reason for decision", BlockKind.HEADING, None, 0),
        ("b. How many drones?", BlockKind.LIST_ITEM, "b.", 0),
        ("c. At what cost?", BlockKind.LIST_ITEM, "c.", 0),
        ("\u2022 per unit", BlockKind.LIST_ITEM, "\u2022", 1),
        ("5. Fifth question", BlockKind.LIST_ITEM, "5.", 0),
        ("6. Sixth question", BlockKind.LIST_ITEM, "6.", 0),
        ("Line one", BlockKind.PARAGRAPH, None, 0),
        ("Line two & more", BlockKind.PARAGRAPH, None, 0),
        ("An earlier message", BlockKind.QUOTE, None, 0),
    ],
    ids=[
        "h1",
        "strong-only",
        "ol-type-a-start",
        "ol-next",
        "nested-ul",
        "li-value",
        "after-value",
        "br-1",
        "br-2",
        "blockquote",
    ],
)
def test_block_kinds(text: str, kind: BlockKind, label: str | None, level: int) -> None:
    blocks = {b.text: b for b in load(PAGE.encode()).blocks}
    block = blocks[text]
    assert (block.kind, block.list_label, block.level) == (kind, label, level)


def test_table_rows_have_cells() -> None:
    rows = [b for b in load(PAGE.encode()).blocks if b.kind is BlockKind.TABLE_ROW]
    assert [r.cells for r in rows] == [("Year", "Count"), ("2023", "14")]
    assert rows[0].text == "Year | Count"


def test_deep_nesting_does_not_crash() -> None:
    data = (
        "<html><body><p>Dear Sir,</p>"
        + "<div>" * 10_000
        + "<p>deep answer</p>"
        + "</div>" * 10_000
        + "<p>Yours faithfully</p></body></html>"
    ).encode()
    texts = [b.text for b in load(data).blocks]
    assert texts[0] == "Dear Sir," and texts[-1] == "Yours faithfully"


def _message(
    direction: str, ident: int, author: str, when: str, body: str, attachment: str | None = None
) -> str:
    attach = ""
    if attachment:
        attach = (
            f'<div class="attachments"><div class="attachments__header"><h3>1 Attachment'
            f'</h3></div><ul class="list-of-attachments"><li class="attachment">'
            f'<p class="attachment__name">{attachment}</p><p class="attachment__meta">'
            f'88K <a href="#">Download</a> <a href="#">View as HTML</a></p></li></ul></div>'
        )
    classes = f"{direction} correspondence js-collapsable"
    return (
        f'<div class="{classes}" id="{direction}-{ident}">'
        f'<div class="correspondence__header"><span class="correspondence__header__author">'
        f'{author},</span><a class="correspondence__header__date" href="#">'
        f'<time datetime="{when}T10:00:00+00:00">{when}</time></a></div>'
        f'<div class="correspondence_text">{attach}<p>{body}</p></div>'
        f'<div class="correspondence__footer"><input type="text" class="cplink__field" '
        f'value="https://wdtk.example/request/drones#{direction}-{ident}"></div></div>'
    )


def _thread(*messages: str) -> bytes:
    return (
        "<html><head><title>Drones - a Freedom of Information request to Example Borough"
        " Council - WhatDoTheyKnow</title></head><body><div id='banner'>WhatDoTheyKnow</div>"
        "<div id='left_column'>"
        + "".join(messages)
        + "</div><div id='right_column' class='sidebar'>Similar requests</div>"
        "</body></html>"
    ).encode()


REQUEST = _message(
    "outgoing",
    1,
    "A Requester",
    "2024-01-02",
    "Dear Example Borough Council,<br>1. How many drones do you own?",
)
ACK = _message(
    "incoming",
    2,
    "FOI Team",
    "2024-01-03",
    "Our reference: FOI-5531<br>Thank you for your request. We will respond within 20 working days.",
)
ANSWER = _message(
    "incoming",
    3,
    "FOI Team",
    "2024-01-25",
    "Dear Requester,<br>Please find attached our response. We do not hold this information.",
    attachment="FOI-5531 Response.pdf",
)
FOLLOW_UP_Q = _message("outgoing", 4, "A Requester", "2024-01-26", "What did you mean?")
CLARIFY = _message(
    "incoming",
    5,
    "FOI Team",
    "2024-02-01",
    "Our previous response referred to drones owned outright; that is all.",
)
PUBLISHED = _message(
    "incoming",
    6,
    "FOI Team",
    "2024-06-01",
    "Following the Decision Notice, the information is available at the link.",
)


@pytest.mark.parametrize(
    ("messages", "first_line", "sent"),
    [
        ((REQUEST, ACK, ANSWER), "Dear Requester,", "2024-01-25"),
        ((REQUEST, ACK), "Our reference: FOI-5531", "2024-01-03"),
        ((REQUEST, ACK, ANSWER, FOLLOW_UP_Q, CLARIFY), "Dear Requester,", "2024-01-25"),
        (
            (REQUEST, ACK, ANSWER, PUBLISHED),
            "Following the Decision Notice, the information is available at the link.",
            "2024-06-01",
        ),
    ],
    ids=["answer-after-ack", "only-ack", "clarifying-note-does-not-replace", "later-release"],
)
def test_wdtk_final_reply(messages: tuple[str, ...], first_line: str, sent: str) -> None:
    doc = load(_thread(*messages))
    assert doc.blocks[0].text == first_line
    assert doc.metadata.sent is not None and doc.metadata.sent.startswith(sent)
    assert doc.metadata.subject == "Drones"
    assert doc.metadata.sender is not None and "Example Borough Council" in doc.metadata.sender
    reply = [b for b in doc.blocks if b.kind is not BlockKind.QUOTE]
    quoted = [b.text for b in doc.blocks if b.kind is BlockKind.QUOTE]
    assert not any("How many drones" in b.text for b in reply)
    assert any("How many drones" in q for q in quoted)  # the request stays available
    assert "Similar requests" not in doc.text and "What did you mean?" not in doc.text


def test_wdtk_attachment_names_follow_reply() -> None:
    doc = load(_thread(REQUEST, ACK, ANSWER))
    texts = [b.text for b in doc.blocks if b.kind is not BlockKind.QUOTE]
    assert texts[-1] == "Attachment: FOI-5531 Response.pdf"
    assert "88K" not in doc.text

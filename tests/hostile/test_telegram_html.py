"""The strict Telegram HTML reader used on every message the bot sends in the hostile tests."""

from __future__ import annotations

import html

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.support.telegram_html import Entity, TelegramHtmlError, check_text, parse


@pytest.mark.parametrize(
    ("markup", "text"),
    [
        ("plain", "plain"),
        ("<b>bold <i>both</i></b>", "bold both"),
        ('<a href="https://x.y/?a=1&amp;b=2">link</a>', "link"),
        ('<span class="tg-spoiler">s</span><tg-spoiler>t</tg-spoiler>', "st"),
        ('<pre><code class="language-python">x &lt; 1</code></pre>', "x < 1"),
        ("<blockquote expandable>q</blockquote>", "q"),
        ('<tg-emoji emoji-id="5368324170671202286">👍</tg-emoji>', "👍"),
        ('<tg-time unix="1647531900" format="wDT">22:45</tg-time>', "22:45"),
        ("&lt;&gt;&amp;&quot;&#39;&#x1F600;", "<>&\"'😀"),
        ("<b><a href='tg://user?id=1'>@fan</a></b>", "@fan"),
    ],
)
def test_what_telegram_accepts(markup: str, text: str) -> None:
    assert parse(markup).text == text


def test_entities_are_where_the_text_is() -> None:
    assert parse("a<b>bc</b>d").entities == (Entity("b", 1, 3),)


@pytest.mark.parametrize(
    ("markup", "reason"),
    [
        ("a < b", "not a tag"),
        ("a > b", "outside a tag"),
        ("Q&A", "not an entity"),
        ("&nbsp;", "not an entity"),
        ("<b>open", "never closed"),
        ("<b><i>x</b></i>", "closes nothing"),
        ("</b>", "closes nothing"),
        ("<div>x</div>", "not a tag Telegram supports"),
        ("<br>", "not a tag"),
        ('<b class="x">y</b>', "unsupported attributes"),
        ('<span class="red">y</span>', "tg-spoiler"),
        ("<a>no href</a>", "without href"),
        ('<a href="x"><a href="y">z</a></a>', "inside <a>"),
        ("<code><b>x</b></code>", "inside <pre>/<code>"),
        ('<code class="language-py">x</code>', "directly inside <pre>"),
        ("<blockquote><blockquote>x</blockquote></blockquote>", "inside <blockquote>"),
        ("&#xD800;", "not a character"),
        ("\ud800", "lone surrogate"),
        ('<tg-time unix="1" format="x">t</tg-time>', "invalid format"),
    ],
)
def test_what_telegram_refuses(markup: str, reason: str) -> None:
    with pytest.raises(TelegramHtmlError, match=reason.replace("(", r"\(").replace(")", r"\)")):
        parse(markup)


def test_limits_count_the_parsed_text_in_utf16_units() -> None:
    check_text("<b>" + "x" * 4096 + "</b>", 4096, html=True, what="text")
    with pytest.raises(TelegramHtmlError, match="over 4096"):
        check_text("😀" * 2049, 4096, html=True, what="text")
    with pytest.raises(TelegramHtmlError, match="empty"):
        check_text("<b> </b>", 4096, html=True, what="text")


@settings(max_examples=50, derandomize=True, database=None)
@given(st.text(alphabet=st.characters(exclude_categories=["Cs"])))
def test_escaped_text_reads_back_as_itself(text: str) -> None:
    assert parse(html.escape(text)).text == text

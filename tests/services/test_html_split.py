from __future__ import annotations

import gc
import random
import unicodedata
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.domain.html_split import (
    ALLOWED_TAGS,
    TELEGRAM_LIMIT,
    escape,
    split_html,
    utf16_length,
    visible_length,
)

FAMILY = "\U0001f468\u200d\U0001f469\u200d\U0001f467\u200d\U0001f466"
# Plain pieces (escaped before use) and ready-made entities, chosen to sit on every edge.
PLAIN_ATOMS = [
    "a",
    "word",
    " ",
    "  ",
    "\n",
    "\n\n",
    "\r\n",
    "。",
    "，",
    "粉丝",
    "投票结果",
    "𠀀",
    "😀",
    "👍🏽",
    FAMILY,
    "🇨🇳",
    "🇩🇪🇫🇷",
    "❤️",
    "1️⃣",
    "é",
    "e\u0301",
    "a\u0308\u0323",
    "각",
    "\u1100\u1161\u11a8",
    "<",
    ">",
    "&",
    '"',
    "'",
    "$x$",
    "ab\u200ccd",
]
ENTITY_ATOMS = ["&amp;", "&lt;", "&gt;", "&quot;", "&#128512;", "&#x4E2D;", "&#39;"]
TAGS = [
    ("b", ""),
    ("strong", ""),
    ("i", ""),
    ("em", ""),
    ("u", ""),
    ("ins", ""),
    ("s", ""),
    ("strike", ""),
    ("del", ""),
    ("span", ' class="tg-spoiler"'),
    ("tg-spoiler", ""),
    ("a", ' href="https://example.com/?a=1&amp;b=%22x%22"'),
    ("code", ""),
    ("pre", ""),
    ("blockquote", " expandable"),
    ("blockquote", ""),
]
# Anything but marks, surrogates, joiners and tag characters, which only come from the atoms.
SAFE_TEXT = st.text(
    alphabet=st.characters(
        exclude_categories=("Mn", "Mc", "Me", "Cs", "Cf"),
        exclude_characters="\u1160\u11a8\r",
    ),
    max_size=30,
)


class VisibleText(HTMLParser):
    """The oracle: what Telegram shows, read by the standard library, and a nesting check."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.stack: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        assert tag in ALLOWED_TAGS, tag
        self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack, f"</{tag}> closes nothing"
        assert self.stack.pop() == tag

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        raise AssertionError(f"self-closing <{tag}/>")


def visible(markup: str) -> str:
    parser = VisibleText()
    parser.feed(markup)
    parser.close()
    assert parser.stack == [], f"unclosed {parser.stack}"
    return "".join(parser.text)


def is_extending(char: str) -> bool:
    return unicodedata.category(char) in {"Mn", "Mc", "Me"} or char in {
        "\u200d",
        "\u200c",
        "\ufe0f",
        "\U0001f3fd",
    }


def assert_good_split(markup: str, limit: int) -> list[str]:
    parts = split_html(markup, limit)
    texts = [visible(part) for part in parts]
    assert "".join(texts) == visible(markup)
    for text in texts:
        assert text
        assert utf16_length(text) <= limit
    for before, after in zip(texts, texts[1:], strict=False):
        assert not is_extending(after[0]), (before[-3:], after[:3])
        assert before[-1] != "\u200d"
        assert before[-1] != "\r" or after[0] != "\n"
    return parts


def random_document(rng: random.Random, atoms: int) -> str:
    out: list[str] = []
    while atoms > 0:
        if rng.random() < 0.15:
            name, attrs = rng.choice(TAGS)
            size = rng.randint(0, min(atoms, 40))
            out.append(f"<{name}{attrs}>{random_document(rng, size)}</{name}>")
            atoms -= size + 1
        elif rng.random() < 0.1:
            out.append(rng.choice(ENTITY_ATOMS))
            atoms -= 1
        else:
            out.append(escape(rng.choice(PLAIN_ATOMS)))
            atoms -= 1
    return "".join(out)


fragments = st.one_of(
    SAFE_TEXT.map(escape),
    st.sampled_from(PLAIN_ATOMS).map(escape),
    st.sampled_from(ENTITY_ATOMS),
)
documents = st.recursive(
    st.lists(fragments, max_size=8).map("".join),
    lambda children: st.builds(
        lambda tag, inner: f"<{tag[0]}{tag[1]}>{''.join(inner)}</{tag[0]}>",
        st.sampled_from(TAGS),
        st.lists(children, max_size=4),
    ),
    max_leaves=12,
)


@settings(deadline=None)
@given(markup=st.lists(documents, max_size=6).map("".join), limit=st.integers(16, 300))
def test_parts_are_small_balanced_and_add_up_to_the_original(markup: str, limit: int) -> None:
    assert_good_split(markup, limit)


@settings(max_examples=40, deadline=None)  # nothing here is timed; CI machines are loaded
@given(seed=st.integers(0, 2**32 - 1), atoms=st.integers(0, 10_000), limit=st.integers(16, 5000))
def test_long_documents_up_to_twenty_thousand_characters(seed: int, atoms: int, limit: int) -> None:
    markup = random_document(random.Random(seed), atoms)
    parts = assert_good_split(markup, limit)
    assert len(parts) >= visible_length(markup) / limit


@given(text=SAFE_TEXT, limit=st.integers(2, 10))
def test_tiny_limits_still_make_progress(text: str, limit: int) -> None:
    assert_good_split(escape(text), limit)


def test_the_default_limit_is_telegrams() -> None:
    markup = escape("粉丝留言 " * 2000)
    parts = split_html(markup)
    assert TELEGRAM_LIMIT == 4096
    assert len(parts) == 3
    assert all(visible_length(part) <= 4096 for part in parts)
    assert split_html(escape("short")) == ["short"]


def test_length_is_utf16_of_the_visible_text() -> None:
    assert visible_length("<b>ab</b>") == 2
    assert visible_length("&amp;&lt;&gt;&quot;") == 4
    assert visible_length("&#128512;😀中") == 5
    assert visible_length(f'<a href="https://example.com/{"x" * 100}">link</a>') == 4


def test_no_visible_text_gives_no_parts() -> None:
    assert split_html("") == []
    assert split_html("<b></b><i><u></u></i>") == []


def test_prefers_paragraphs_then_lines_then_spaces() -> None:
    paragraph = "a" * 30 + "\n\n" + "b" * 10 + "\n" + "c" * 10 + " " + "d" * 30
    assert split_html(paragraph, 60)[0] == "a" * 30 + "\n\n"
    line = "a" * 30 + " " + "b" * 10 + "\n" + "c" * 30
    assert split_html(line, 50)[0] == "a" * 30 + " " + "b" * 10 + "\n"
    words = "a" * 20 + " " + "b" * 20 + " " + "c" * 20
    assert split_html(words, 50) == ["a" * 20 + " " + "b" * 20 + " ", "c" * 20]


def test_a_break_too_early_in_the_part_is_not_worth_it() -> None:
    assert split_html("ab\n" + "c" * 60, 40)[0] == "ab\n" + "c" * 37


def test_chinese_text_splits_after_punctuation_in_the_second_half() -> None:
    early = "第一句话说完了。" + "第二句话还没有说完但是很长很长" * 2
    assert split_html(early, 30)[0] == early[:30]
    assert split_html("一二三四五六，七八九十", 9) == ["一二三四五六，", "七八九十"]


def test_never_splits_a_surrogate_pair_a_flag_or_a_zwj_sequence() -> None:
    assert split_html("a😀😀", 4) == ["a😀", "😀"]
    assert split_html("🇩🇪🇫🇷", 6) == ["🇩🇪", "🇫🇷"]
    assert split_html("xxxxx" + FAMILY, 12) == ["xxxxx", FAMILY]
    assert split_html("abce\u0301", 4) == ["abc", "e\u0301"]


def test_a_cluster_wider_than_the_limit_is_cut_between_code_points() -> None:
    assert split_html(FAMILY, 4) == [
        "\U0001f468\u200d",
        "\U0001f469\u200d",
        "\U0001f467\u200d",
        "\U0001f466",
    ]


def test_entities_count_once_and_stay_whole() -> None:
    assert split_html("&amp;" * 10, 4) == ["&amp;" * 4, "&amp;" * 4, "&amp;" * 2]


def test_open_tags_are_closed_and_reopened_with_their_attributes() -> None:
    markup = '<a href="https://t.me/x"><b>one two</b> three</a> four'
    assert split_html(markup, 10) == [
        '<a href="https://t.me/x"><b>one two</b> </a>',
        '<a href="https://t.me/x">three</a> four',
    ]
    code = '<pre><code class="language-python">x = 1\ny = 2\n</code></pre>'
    assert split_html(code, 6) == [
        '<pre><code class="language-python">x = 1\n</code></pre>',
        '<pre><code class="language-python">y = 2\n</code></pre>',
    ]


def test_escape_covers_what_telegram_parses() -> None:
    assert escape("""<b>"Tom" & 'Jerry'</b>""") == (
        "&lt;b&gt;&quot;Tom&quot; &amp; &#x27;Jerry&#x27;&lt;/b&gt;"
    )
    assert visible(escape("<a & b>")) == "<a & b>"


@pytest.mark.parametrize(
    ("markup", "message"),
    [
        ("a < b", "unescaped"),
        ("fish & chips", "unescaped"),
        ("&nbsp;", "unescaped"),
        ("<div>x</div>", "does not support"),
        ("<b><i>x</b></i>", "misplaced"),
        ("x</b>", "misplaced"),
        ("<b>x", "unclosed"),
    ],
)
def test_invalid_html_is_refused(markup: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        split_html(markup)


def test_the_limit_must_hold_an_astral_character() -> None:
    with pytest.raises(ValueError, match="at least 2"):
        split_html("x", 1)


def test_splitting_long_text_does_not_keep_the_garbage_collector_busy() -> None:
    """A container per visible character made each collection rescan them all, and splitting
    grew faster than the text (bench hostile_input: 17x at 10x the size). Counted, not timed."""
    collections = 0

    def count(phase: str, info: dict[str, int]) -> None:
        nonlocal collections
        collections += phase == "start"

    markup = "<b>" + "播" * 200_000 + "</b>"
    gc.collect()
    gc.callbacks.append(count)
    try:
        parts = split_html(markup)
    finally:
        gc.callbacks.remove(count)
    assert len(parts) == 49
    # Telegram's own limit makes about fifty parts; a collection per 700 characters was 280.
    assert collections < 20

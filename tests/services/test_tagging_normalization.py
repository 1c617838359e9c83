"""normalize(): NFKC, casefold, Traditional -> Simplified; and the generated table behind it."""

from __future__ import annotations

import importlib.util
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.domain.tagging import normalization, normalize
from bot.domain.tagging.generate_hant_map import build_table, opencc_dictionary_dir
from bot.domain.tagging.hant_map import SIMPLIFIED, TRADITIONAL

TABLE = str.maketrans(TRADITIONAL, SIMPLIFIED)


def slow_normalize(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold().translate(TABLE)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ＢＵＧ", "bug"),
        ("Bug", "bug"),
        ("＃建議", "#建议"),
        ("問題", "问题"),
        ("问题", "问题"),
        ("這個視頻的音樂", "这个视频的音乐"),
        ("「好看」！", "「好看」!"),
        ("\u3000hello", " hello"),
        ("Straße", "strasse"),
        ("ﬁne", "fine"),
        ("⾨", "门"),  # Kangxi radical -> NFKC 門 -> Simplified
        ("ＡＢＣ１２３", "abc123"),
    ],
)
def test_normalize_examples(text: str, expected: str) -> None:
    assert normalize(text) == expected


def test_length_may_change_before_the_chinese_map_but_not_in_it() -> None:
    assert len(normalize("ß")) == 2
    assert len(normalize("ﬃ")) == 3
    assert len(TRADITIONAL) == len(SIMPLIFIED)
    assert all(len(normalize(c)) == 1 for c in TRADITIONAL)


def test_table_is_one_to_one_and_already_resolved() -> None:
    assert len(set(TRADITIONAL)) == len(TRADITIONAL)
    assert not set(TRADITIONAL) & set(SIMPLIFIED)
    assert normalize(normalize("後來發現這個問題")) == normalize("後來發現這個問題")


def test_simplified_characters_are_left_alone() -> None:
    # 么 is Simplified although Taiwan's variant table lists it; 什么 must stay 什么.
    assert normalize("什么后来发现") == "什么后来发现"
    assert normalize("什麼後來發現") == "什么后来发现"


@settings(max_examples=400, deadline=None)
@given(st.text())
def test_fast_path_equals_the_definition_on_any_text(text: str) -> None:
    assert normalize(text) == slow_normalize(text)


CJK_AND_FULLWIDTH = st.text(
    alphabet=st.sampled_from(
        list("問题題问後后發发ＡａＢ＃！？　 aBß̈ﬁ⾨㎏①ǰ") + ["\u0301", "\u0308", "豈", "\uff21"]
    ),
    max_size=30,
)


@settings(max_examples=400, deadline=None)
@given(CJK_AND_FULLWIDTH)
def test_fast_path_equals_the_definition_on_tricky_text(text: str) -> None:
    assert normalize(text) == slow_normalize(text)


@pytest.mark.skipif(
    importlib.util.find_spec("opencc") is None,
    reason="opencc-python-reimplemented is a build-time tool for the table, not a dependency",
)
def test_committed_table_matches_the_generator() -> None:
    table = build_table(opencc_dictionary_dir())
    assert "".join(sorted(table)) == TRADITIONAL
    assert "".join(table[k] for k in sorted(table)) == SIMPLIFIED


def test_identity_cache_stays_bounded() -> None:
    many = "".join(chr(code) for code in range(0x20000, 0x20000 + 70_000))  # CJK Extension B
    assert normalize(many) == slow_normalize(many)
    assert len(normalization._HANT_AND_FULLWIDTH) <= normalization._CACHE_LIMIT

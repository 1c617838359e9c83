"""Parsers of what strangers send stay linear: the shapes that made a regex quadratic."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from bot.domain.video_metrics_values import header_key, without_brackets

# The lazy regex header_key used to strip bracketed units with: the reference for what to keep.
REFERENCE = re.compile(r"[(（\[【].*?[)）\]】]")


@given(st.text(alphabet="(（[【)）]】ab播\n ", max_size=40))
def test_brackets_are_removed_exactly_as_the_regex_did(text: str) -> None:
    assert without_brackets(text) == REFERENCE.sub("", text)


def test_headers_keep_their_meaning() -> None:
    assert header_key("播放量（次）") == "播放量"
    assert header_key("Plays (total)") == "plays"
    assert header_key("点赞【万】") == "点赞"
    assert header_key("likes ((") == "likes"


def test_a_cell_of_unclosed_brackets_is_read_in_one_pass() -> None:
    # 4 KB of "(" froze every group: each opener rescanned the rest of the cell.
    cell = "(" * 400_000 + "播放量"
    assert header_key(cell) == "播放量"
    assert without_brackets("(" * 400_000 + ")") == ""

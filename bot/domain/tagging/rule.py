"""A tag as operators define it: a name, keywords, and hashtag aliases."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.domain.tagging.normalization import normalize

# Python's \w on str is exactly str.isalnum() or "_": letters of any script, CJK, digits.
HASHTAG_BODY = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class TagRule:
    """`keywords` and `hashtags` are compared after normalize(); a hashtag may carry its '#'."""

    tag: str
    keywords: tuple[str, ...]
    hashtags: tuple[str, ...] = ()


def keyword_key(tag: str, keyword: str) -> str:
    """The normalised form the automaton searches for; surrounding whitespace is not part of it."""
    key = normalize(keyword).strip()
    if not key:
        raise ValueError(f"tag {tag!r}: keyword {keyword!r} is empty or only whitespace")
    return key


def hashtag_key(tag: str, alias: str) -> str:
    """The normalised hashtag body ('#Bug' and 'bug' give 'bug'); rejects ones that cannot occur."""
    key = normalize(alias).strip().removeprefix("#")
    if not HASHTAG_BODY.fullmatch(key):
        raise ValueError(
            f"tag {tag!r}: hashtag {alias!r} can never match: use letters, digits and '_' only"
        )
    return key


def tag_name_key(tag: str) -> str:
    key = normalize(tag).strip()
    if not key:
        raise ValueError(f"tag name {tag!r} is empty or only whitespace")
    return key

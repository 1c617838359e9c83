"""The words that decided a comment's sentiment and each of its tags, as the fan wrote them.

The tagger works on normalize(text) (Simplified, lower case); an operator reading a Traditional
comment should see 涼了, not 凉了. When normalising kept the length, which it does for Chinese
and for most Latin text, a word is quoted from the original at the place it was found; otherwise
(ß -> ss shifts every offset) the normalised word is shown.

Stored as JSON arrays (feedback_items.evidence, feedback_item_tags.evidence): words may hold
spaces and commas ("not good", "does not work").
"""

from __future__ import annotations

import json
from typing import NamedTuple

from bot.domain.tagging.normalization import normalize
from bot.domain.tagging.result import TagResult
from bot.domain.tagging.sentiment import Sentiment

MAX_WORDS = 4  # per decision: what an inbox line has room for


class Evidence(NamedTuple):
    sentiment: tuple[str, ...]
    tags: dict[str, tuple[str, ...]]


NO_EVIDENCE = Evidence((), {})


def evidence_of(text: str, result: TagResult) -> Evidence:
    """The evidence of `result` (the tagging of `text`), quoted from `text` where it can be."""
    if not result.tags and result.sentiment is Sentiment.NEUTRAL:
        return NO_EVIDENCE
    norm = normalize(text)
    same_length = len(norm) == len(text)

    def quoted(word: str, start: int | None = None) -> str:
        if not same_length:
            return word
        if start is None:
            start = norm.find(word)
            if start < 0:
                return word
        return text[start : start + len(word)]

    by_tag: dict[str, list[str]] = {}
    # "#bug" says it once: the keyword "bug" found inside the hashtag is not a second word.
    hashtags = [(hit.start, hit.end) for hit in result.matched if hit.term.startswith("#")]
    for hit in result.matched:
        if not hit.term.startswith("#") and any(
            s <= hit.start and hit.end <= e for s, e in hashtags
        ):
            continue
        word = quoted(hit.term, hit.start) if hit.end - hit.start == len(hit.term) else hit.term
        for tag in hit.tags:
            words = by_tag.setdefault(tag, [])
            if word not in words and len(words) < MAX_WORDS:
                words.append(word)
    sentiment = tuple(dict.fromkeys(quoted(word) for word in result.evidence))[:MAX_WORDS]
    return Evidence(sentiment, {tag: tuple(words) for tag, words in by_tag.items()})


def encode(words: tuple[str, ...]) -> str | None:
    return json.dumps(list(words), ensure_ascii=False) if words else None


def decode(stored: str | None) -> tuple[str, ...]:
    """The words stored by `encode`; nothing for NULL or a value not written by it."""
    if not stored:
        return ()
    try:
        words = json.loads(stored)
    except ValueError:
        return ()
    if not isinstance(words, list):
        return ()
    return tuple(word for word in words if isinstance(word, str))

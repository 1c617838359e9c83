"""The words that decided a comment's sentiment and each of its tags, as the fan wrote them.

The tagger works on normalize(text) (Simplified, lower case); an operator reading a Traditional
comment should see 涼了, not 凉了. When normalising kept the length, which it does for Chinese
and for most Latin text, a word is quoted from the original at the place it was found; otherwise
(ß -> ss shifts every offset) the normalised word is shown. Sentiment words carry no offset and
are searched for, only in non-ASCII text (where the script may differ): in English they keep the
lower case the tagger reads.

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
    """The evidence of `result` (the tagging of `text`), quoted from `text` where it can be.

    Runs on ingest for every comment that gets a feedback row: one plain loop over the hits."""
    if not result.tags and result.sentiment is Sentiment.NEUTRAL:
        return NO_EVIDENCE
    norm = normalize(text)
    same_length = len(norm) == len(text)
    by_tag: dict[str, list[str]] = {}
    # "#bug" says it once: the keyword "bug" found inside the hashtag is not a second word.
    hashtags = (
        [(hit.start, hit.end) for hit in result.matched if hit.term[0] == "#"]
        if "#" in norm
        else []
    )
    for term, start, end, tags in result.matched:
        if hashtags and term[0] != "#" and any(s <= start and end <= e for s, e in hashtags):
            continue
        word = text[start:end] if same_length and end - start == len(term) else term
        for tag in tags:
            words = by_tag.get(tag)
            if words is None:
                by_tag[tag] = [word]
            elif len(words) < MAX_WORDS and word not in words:
                words.append(word)
    sentiment: tuple[str, ...] = ()
    if result.evidence:
        if same_length and norm != text and not text.isascii():
            sentiment = tuple(dict.fromkeys(_quoted(word, text, norm) for word in result.evidence))
        else:
            sentiment = result.evidence
        sentiment = sentiment[:MAX_WORDS]
    return Evidence(sentiment, {tag: tuple(words) for tag, words in by_tag.items()})


def _quoted(word: str, text: str, norm: str) -> str:
    start = norm.find(word)
    return word if start < 0 else text[start : start + len(word)]


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

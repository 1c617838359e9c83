"""What tagging one comment found, with the evidence for every tag.

Named tuples rather than frozen dataclasses: they are as immutable and typed, and a frozen
dataclass costs several times more to create on a path that makes them for every message.
"""

from __future__ import annotations

from typing import NamedTuple

from bot.domain.tagging.sentiment import Sentiment, SentimentHit


class TagHit(NamedTuple):
    """`term` (a keyword, or '#' + a hashtag body) found at [start, end) of normalize(text),
    whose length may differ from the original's; it gives every tag in `tags`."""

    term: str
    start: int
    end: int
    tags: tuple[str, ...]


class TagResult(NamedTuple):
    """`evidence` names what decided the sentiment, strongest first: the lexicon words that agree
    with it, then the learned features (see learned.py); empty for a neutral comment."""

    tags: frozenset[str]
    sentiment: Sentiment
    matched: tuple[TagHit, ...]
    sentiment_hits: tuple[SentimentHit, ...]
    evidence: tuple[str, ...] = ()

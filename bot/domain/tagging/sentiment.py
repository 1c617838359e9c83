"""Lexicon sentiment with negation: deterministic, and every point is explained by a hit."""

from __future__ import annotations

from enum import StrEnum
from typing import NamedTuple

from bot.domain.tagging.lexicon import INTENSIFIERS
from bot.domain.tagging.term import Term

_NEGATION_GAPS = INTENSIFIERS | {""}


class Sentiment(StrEnum):
    POSITIVE = "positive"
    NEUTRAL = "neutral"
    NEGATIVE = "negative"


class SentimentHit(NamedTuple):
    """A counted lexicon word: its polarity after negation, and the negator that flipped it."""

    word: str
    polarity: int
    negator: str | None = None


LexiconMatch = tuple[int, int, Term]  # start, end (exclusive) in the normalised text, term


def _leftmost_longest(match: LexiconMatch) -> tuple[int, int]:
    return match[0], -match[1]


def assess(text: str, matches: list[LexiconMatch]) -> tuple[Sentiment, tuple[SentimentHit, ...]]:
    """Score lexicon matches found in the normalised `text`.

    Overlapping matches are resolved leftmost-longest, so 不错 beats the 错 inside it and a
    neutral word such as 你好 shields its 好. A negator flips the next word when only whitespace
    or one intensifier stands between them ("not good", "not very good", "不好", "不太好").
    """
    if not matches:
        return Sentiment.NEUTRAL, ()
    if len(matches) > 1:
        matches.sort(key=_leftmost_longest)
    hits: list[SentimentHit] = []
    score = 0
    covered_to = 0
    negator: str | None = None
    negator_end = 0
    for start, end, term in matches:
        if start < covered_to:
            continue
        covered_to = end
        if term.is_negator:
            negator, negator_end = term.text, end
        elif term.polarity:
            if negator is not None and text[negator_end:start].strip() in _NEGATION_GAPS:
                hits.append(SentimentHit(term.text, -term.polarity, negator))
            else:
                hits.append(SentimentHit(term.text, term.polarity))
            score += hits[-1].polarity
    if score > 0:
        return Sentiment.POSITIVE, tuple(hits)
    if score < 0:
        return Sentiment.NEGATIVE, tuple(hits)
    return Sentiment.NEUTRAL, tuple(hits)

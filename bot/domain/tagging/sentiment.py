"""Lexicon sentiment with negation: deterministic, and every point is explained by a hit."""

from __future__ import annotations

from enum import StrEnum
from typing import NamedTuple

from bot.domain.tagging.lexicon import INTENSIFIERS
from bot.domain.tagging.term import CONTRAST, NEGATOR, PAST, Term

NEGATION_GAPS = INTENSIFIERS | {""}

# After 好 these end the word, so 好 is the adjective "good" ("好！", "好啊"); before anything
# else Chinese it is the adverb "so" (好伤心 "so sad", 好大 "so big") and carries nothing itself.
_PARTICLES_AFTER_GOOD = frozenset("了啊呀的吧哦耶哇呢嘛滴")
# A past marker reaches to the end of its clause: "以前很好看，现在也好看" praises the present.
_CLAUSE_BREAKS = frozenset(",.!?;:，。！？；：\n…~～")


class Sentiment(StrEnum):
    POSITIVE = "positive"
    NEUTRAL = "neutral"
    NEGATIVE = "negative"


class SentimentHit(NamedTuple):
    """A counted lexicon word: its polarity after negation, the word that flipped it (a negator
    or a past marker such as "used to"), and its weight (doubled after each "but")."""

    word: str
    polarity: int
    negator: str | None = None
    weight: int = 1


class Assessment(NamedTuple):
    """The sentiment, its hits, and the spans tag keywords answer to: accepted negators and the
    neutral words that shield what lies inside them (牛 in 蒙牛, "crash" in "a plane crash")."""

    sentiment: Sentiment
    hits: tuple[SentimentHit, ...]
    negators: tuple[tuple[int, int], ...]
    shields: tuple[tuple[int, int], ...]
    score: int = 0


LexiconMatch = tuple[int, int, Term]  # start, end (exclusive) in the normalised text, term

_NOTHING = Assessment(Sentiment.NEUTRAL, (), (), ())


def _leftmost_longest(match: LexiconMatch) -> tuple[int, int]:
    return match[0], -match[1]


def _is_han(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


def _good_as_so(text: str, end: int) -> bool:
    return end < len(text) and _is_han(text[end]) and text[end] not in _PARTICLES_AFTER_GOOD


def assess(text: str, matches: list[LexiconMatch]) -> Assessment:
    """Score lexicon matches found in the normalised `text`.

    Overlapping matches are resolved leftmost-longest, so 不错 beats the 错 inside it and a
    neutral word such as 你好 shields its 好. A negator flips the next word when only whitespace
    or one intensifier stands between them ("not good", "not very good", "不好", "不太好").
    A past marker ("used to", 以前) turns the next praise of its clause into a complaint. Each
    contrast ("but", 但是) doubles the weight of what follows it.
    """
    if not matches:
        return _NOTHING
    if len(matches) > 1:
        matches.sort(key=_leftmost_longest)
    hits: list[SentimentHit] = []
    negators: list[tuple[int, int]] = []
    shields: list[tuple[int, int]] = []
    score = 0
    weight = 1
    covered_to = 0
    negator: str | None = None
    negator_end = 0
    past: str | None = None
    past_start = past_end = 0
    for start, end, term in matches:
        if start < covered_to:
            continue
        covered_to = end
        role = term.role
        if role == NEGATOR:
            negator, negator_end = term.text, end
            negators.append((start, end))
            continue
        if role == CONTRAST:
            weight *= 2
            past = None
            continue
        if role == PAST:
            past, past_start, past_end = term.text, start, end
            continue
        polarity = term.polarity
        if not polarity:
            shields.append((start, end))
            continue
        if term.text == "好" and _good_as_so(text, end):
            continue
        flipped_by: str | None = None
        if negator is not None and text[negator_end:start].strip() in NEGATION_GAPS:
            polarity, flipped_by = -polarity, negator
        elif past is not None and polarity > 0:
            if _CLAUSE_BREAKS.isdisjoint(text[past_end:start]):
                polarity, flipped_by = -polarity, past
                # Like a negator for the tag right after it: "used to love this" is no praise.
                negators.append((past_start, past_end))
            past = None
        hits.append(SentimentHit(term.text, polarity, flipped_by, weight))
        score += polarity * weight
    if score > 0:
        sentiment = Sentiment.POSITIVE
    elif score < 0:
        sentiment = Sentiment.NEGATIVE
    else:
        sentiment = Sentiment.NEUTRAL
    return Assessment(sentiment, tuple(hits), tuple(negators), tuple(shields), score)

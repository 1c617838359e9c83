"""Sentiment from the bilingual lexicon, with negation, explained by its hits."""

from __future__ import annotations

import pytest

from bot.domain.tagging import Sentiment, SentimentHit, Tagger, normalize
from bot.domain.tagging.lexicon import INTENSIFIERS, NEGATIVE, NEGATORS, NEUTRAL, POSITIVE

TAGGER = Tagger.build([], learned=False)


def sentiment(text: str) -> Sentiment:
    return TAGGER.tag(text).sentiment


@pytest.mark.parametrize(
    "text",
    [
        "great video!",
        "I love it",
        "This is AMAZING",
        "ＧＯＯＤ",
        "太好看了",
        "支持！",
        "不错不错",
        "這個視頻很精彩",
        "👍👍",
        "not bad at all",
        "不难看",
        "没毛病",
        "no problem",
    ],
)
def test_positive(text: str) -> None:
    assert sentiment(text) is Sentiment.POSITIVE


@pytest.mark.parametrize(
    "text",
    [
        "this is boring",
        "worst video ever",
        "not good",
        "not very good",
        "isn't good",
        "isn’t good",
        "I don't like it",
        "never liked it",
        "不好",
        "不好看",
        "不喜欢",
        "不太好",
        "不是很好",
        "并不精彩",
        "没意思",
        "無聊",
        "好无聊",
        "👎",
    ],
)
def test_negative(text: str) -> None:
    assert sentiment(text) is Sentiment.NEGATIVE


@pytest.mark.parametrize(
    "text",
    [
        "",
        "when is the next upload",
        "你好",
        "大家好",
        "不好意思，请问一下",
        "好像是这样",
        "good and boring",
        "好不好",
        "goodbye",
        "nothingness",
        "it looks like rain",
    ],
)
def test_neutral(text: str) -> None:
    assert sentiment(text) is Sentiment.NEUTRAL


def test_hits_explain_the_score() -> None:
    result = TAGGER.tag("Not good, but I love the music 👍")
    assert result.sentiment is Sentiment.POSITIVE
    assert result.sentiment_hits == (
        SentimentHit("good", -1, "not"),
        SentimentHit("love", 1, weight=2),
        SentimentHit("👍", 1, weight=2),
    )


def test_chinese_negation_is_explained() -> None:
    assert TAGGER.tag("不太好").sentiment_hits == (SentimentHit("好", -1, "不太"),)
    assert TAGGER.tag("没意思").sentiment_hits == (SentimentHit("没意思", -1),)


def test_longest_word_wins_over_words_inside_it() -> None:
    # 不错 contains the negator 不 and the negative 错; only 不错 counts.
    assert TAGGER.tag("不错").sentiment_hits == (SentimentHit("不错", 1),)


def test_negation_reaches_only_across_whitespace_or_one_intensifier() -> None:
    assert TAGGER.tag("not really good").sentiment_hits == (SentimentHit("good", -1, "not"),)
    assert TAGGER.tag("not, good").sentiment_hits == (SentimentHit("good", 1),)
    assert TAGGER.tag("no idea why it is good").sentiment_hits == (SentimentHit("good", 1),)


def test_negator_inside_a_word_does_not_negate() -> None:
    assert TAGGER.tag("knot good").sentiment_hits == (SentimentHit("good", 1),)


def test_sentiment_is_deterministic() -> None:
    text = "不好看但是很精彩 not bad 👍"
    assert {TAGGER.tag(text) for _ in range(3)} == {TAGGER.tag(text)}


def test_lexicon_is_stored_in_normal_form_and_disjoint() -> None:
    groups = [POSITIVE, NEGATIVE, NEGATORS, NEUTRAL]
    words = [word for group in [*groups, INTENSIFIERS] for word in group]
    assert all(normalize(word) == word.strip() == word for word in words)
    assert sum(len(group) for group in groups) == len(set().union(*groups))
    assert len(POSITIVE) + len(NEGATIVE) >= 300

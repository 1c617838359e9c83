"""The learned sentiment layer: the shipped model loads, decides, and names its evidence."""

from __future__ import annotations

import pytest

from bot.domain.tagging import DEFAULT_RULES, Sentiment, Tagger
from bot.domain.tagging.learned import LEXICON_SILENT, SentimentModel, shipped_model

MODEL = shipped_model()
LEARNED = Tagger.build(DEFAULT_RULES, learned=True)

pytestmark = pytest.mark.skipif(MODEL is None, reason="no sentiment_model.json in this checkout")


def test_the_shipped_model_is_small_and_versioned() -> None:
    assert MODEL is not None
    assert MODEL.version
    assert 1_000 <= len(MODEL.features) <= 50_000
    assert SentimentModel.from_json(MODEL.to_json()).features == MODEL.features


@pytest.mark.parametrize(
    ("text", "sentiment"),
    [
        ("加载太慢了，凉了", Sentiment.NEGATIVE),
        ("質量很好，非常滿意", Sentiment.POSITIVE),
        ("Absolutely love this, great job", Sentiment.POSITIVE),
        ("This is a horrible waste of money", Sentiment.NEGATIVE),
    ],
)
def test_clear_comments_get_their_sentiment(text: str, sentiment: Sentiment) -> None:
    assert LEARNED.tag(text).sentiment is sentiment


def test_the_decision_keeps_its_evidence() -> None:
    result = LEARNED.tag("加载太慢了，凉了")
    assert result.sentiment is Sentiment.NEGATIVE
    assert result.evidence[:2] == ("太慢", "凉了")


def test_a_text_without_evidence_is_neutral() -> None:
    for text in ("", "12345", "..."):
        result = LEARNED.tag(text)
        assert (result.sentiment, result.evidence) == (Sentiment.NEUTRAL, ())


def test_a_polar_verdict_needs_a_margin() -> None:
    strong = {"great": (-2.0, -2.0, 4.0)}
    model = SentimentModel("t", (0.0, 0.0, 0.0), strong | {LEXICON_SILENT: (0, 0, 0)}, 7.0)
    tagger = Tagger.build([], learned=True, model=model)
    assert tagger.tag("great").sentiment is Sentiment.NEUTRAL
    model.neutral_margin = 5.0
    assert tagger.tag("great").sentiment is Sentiment.POSITIVE
    assert tagger.tag("great").evidence[0] == "great"


def test_the_lexicon_stays_the_default() -> None:
    assert Tagger.build(DEFAULT_RULES).model is None
    assert LEARNED.model is MODEL

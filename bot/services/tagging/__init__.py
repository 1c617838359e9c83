"""Automatic tagging of fan comments: keyword and hashtag tags, and sentiment. Pure, no I/O."""

from bot.services.tagging.defaults import DEFAULT_RULES
from bot.services.tagging.normalization import normalize
from bot.services.tagging.result import TagHit, TagResult
from bot.services.tagging.rule import TagRule
from bot.services.tagging.sentiment import Sentiment, SentimentHit
from bot.services.tagging.tagger import Tagger

__all__ = [
    "DEFAULT_RULES",
    "Sentiment",
    "SentimentHit",
    "TagHit",
    "TagResult",
    "TagRule",
    "Tagger",
    "normalize",
]

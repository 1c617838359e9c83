"""Automatic tagging of fan comments: keyword and hashtag tags, and sentiment. Pure, no I/O.

    tagger = Tagger.build(rules)          # once per tag set; ValueError names a bad rule
    result = tagger.tag(comment_text)     # result.tags, result.sentiment, and the evidence

The rules, all on normalize(text) = NFKC, casefold, Traditional -> Simplified (1:1 by character):
- a keyword matches as a substring; an ASCII letter or digit at either end of it must not touch
  another ASCII letter or digit, so "bug" misses "debugger" and "bugs" but finds "bug修复";
  overlapping keywords are all found;
- a hashtag (#bug, ＃建議) gives a tag when its body equals the tag's name or one of its aliases;
- sentiment counts lexicon words (leftmost-longest), flipped by a negator right before them.
Offsets in the evidence refer to the normalised text, which can be longer ('ß' -> 'ss').
"""

from bot.domain.tagging.defaults import DEFAULT_RULES
from bot.domain.tagging.normalization import normalize
from bot.domain.tagging.result import TagHit, TagResult
from bot.domain.tagging.rule import TagRule
from bot.domain.tagging.sentiment import Sentiment, SentimentHit
from bot.domain.tagging.tagger import Tagger

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

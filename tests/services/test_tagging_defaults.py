"""The default tag set loads and tags typical fan comments in both languages sensibly."""

from __future__ import annotations

import pytest

from bot.domain.tagging import Sentiment, Tagger, normalize
from bot.domain.tagging.defaults import DEFAULT_RULES

TAGGER = Tagger.build(DEFAULT_RULES, learned=False)


def test_defaults_cover_the_core_tags_in_both_languages() -> None:
    names = {rule.tag for rule in DEFAULT_RULES}
    assert {"suggestion", "bug", "praise", "complaint", "question", "topic_idea"} <= names
    for rule in DEFAULT_RULES:
        assert any(keyword.isascii() for keyword in rule.keywords), rule.tag
        assert any(not keyword.isascii() for keyword in rule.keywords), rule.tag
        assert any(not alias.isascii() for alias in rule.hashtags), rule.tag


def test_default_keywords_are_distinct_within_a_tag() -> None:
    for rule in DEFAULT_RULES:
        keys = [normalize(keyword) for keyword in rule.keywords]
        assert len(keys) == len(set(keys)), rule.tag


@pytest.mark.parametrize(
    ("text", "tags", "sentiment"),
    [
        ("The audio is out of sync on my iPhone", {"bug"}, Sentiment.NEUTRAL),
        ("App crashes every time, so frustrating", {"bug"}, Sentiment.NEGATIVE),
        ("視頻黑屏了，播放不了", {"bug"}, Sentiment.NEUTRAL),
        ("更新后一直闪退", {"bug", "update_request"}, Sentiment.NEGATIVE),
        ("You should add subtitles, it would be nice", {"suggestion"}, Sentiment.POSITIVE),
        ("建议加上中文字幕", {"suggestion"}, Sentiment.NEUTRAL),
        ("Great video, thank you! 👍", {"praise"}, Sentiment.POSITIVE),
        ("太好看了，支持！", {"praise"}, Sentiment.POSITIVE),
        ("Total clickbait, so boring", {"complaint"}, Sentiment.NEGATIVE),
        ("又是标题党，好无聊", {"complaint"}, Sentiment.NEGATIVE),
        ("How do you edit your videos?", {"question"}, Sentiment.NEUTRAL),
        ("请问背景音乐是什么？", {"question"}, Sentiment.NEUTRAL),
        ("Please make a video about street food", {"topic_idea"}, Sentiment.NEUTRAL),
        ("下期可以拍一期日本旅行吗", {"topic_idea"}, Sentiment.NEUTRAL),
        ("催更！！", {"update_request"}, Sentiment.POSITIVE),
        ("商务合作请私信", {"collab"}, Sentiment.NEUTRAL),
        ("加微信免费领会员", {"spam"}, Sentiment.NEUTRAL),
        ("#選題 貓咪日常", {"topic_idea"}, Sentiment.NEUTRAL),
        ("＃ＢＵＧ login page", {"bug"}, Sentiment.NEUTRAL),
        ("first!", set(), Sentiment.NEUTRAL),
        ("今天天气不错", set(), Sentiment.POSITIVE),
    ],
)
def test_sample_comments(text: str, tags: set[str], sentiment: Sentiment) -> None:
    result = TAGGER.tag(text)
    assert (set(result.tags), result.sentiment) == (tags, sentiment)

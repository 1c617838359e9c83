"""The defects seen on real public comments (issue 16), each pinned by the comment that showed it,
in Simplified and Traditional Chinese alike where the defect is Chinese."""

from __future__ import annotations

import pytest

from bot.domain.tagging import DEFAULT_RULES, Sentiment, SentimentHit, Tagger, TagRule

TAGGER = Tagger.build(DEFAULT_RULES, learned=False)


def judged(text: str) -> tuple[set[str], Sentiment]:
    result = TAGGER.tag(text)
    return set(result.tags), result.sentiment


@pytest.mark.parametrize("text", ["特别好看", "特別好看", "这个特别喜欢", "區別不大，都好看"])
def test_bie_inside_tebie_is_no_negator(text: str) -> None:
    tags, sentiment = judged(text)
    assert sentiment is Sentiment.POSITIVE
    assert "praise" in tags


@pytest.mark.parametrize("text", ["别看了", "別買"])
def test_bie_alone_still_negates_what_follows(text: str) -> None:
    assert TAGGER.tag(text + "，好看").sentiment_hits[0].polarity == 1  # a clause break ends it
    assert TAGGER.tag("别喜欢").sentiment_hits == (SentimentHit("喜欢", -1, "别"),)


@pytest.mark.parametrize(
    ("text", "lost"),
    [
        ("不好看", "praise"),
        ("不好看啊", "praise"),
        ("一点也不好看", "praise"),
        ("不太喜欢", "praise"),
        ("一點也不好看", "praise"),
        ("不太喜歡", "praise"),
        ("not amazing at all", "praise"),
        ("不是bug", "bug"),
        ("这不无聊", "complaint"),
    ],
)
def test_a_negated_keyword_gives_no_tag(text: str, lost: str) -> None:
    assert lost not in judged(text)[0]


def test_negation_reaches_operator_keywords_too() -> None:
    tagger = Tagger.build([TagRule("price", ("贵", "expensive"))])
    assert tagger.tag("不贵").tags == frozenset()
    assert tagger.tag("not expensive").tags == frozenset()
    assert tagger.tag("太贵了").tags == {"price"}


def test_hashtags_are_explicit_and_never_negated() -> None:
    assert "bug" in judged("不 #bug")[0]


@pytest.mark.parametrize("text", ["好伤心", "好傷心", "好累", "好慢啊"])
def test_hao_as_so_is_not_positive(text: str) -> None:
    assert judged(text)[1] is Sentiment.NEGATIVE


@pytest.mark.parametrize("text", ["好大", "好多人", "不好说"])
def test_hao_before_a_neutral_word_counts_nothing(text: str) -> None:
    assert judged(text)[1] is Sentiment.NEUTRAL


@pytest.mark.parametrize("text", ["好！", "说得好", "好啊", "不好吃"])
def test_hao_as_good_still_counts(text: str) -> None:
    expected = Sentiment.NEGATIVE if text.startswith("不") else Sentiment.POSITIVE
    assert judged(text)[1] is expected


@pytest.mark.parametrize(
    "text",
    ["加载太慢了", "这个号凉了", "难吃", "看完好伤心", "太拉了", "太拉了吧這操作", "載入好慢"],
)
def test_slang_of_complaint_is_negative(text: str) -> None:
    assert judged(text)[1] is Sentiment.NEGATIVE


def test_slowly_is_not_slow() -> None:
    assert judged("慢慢来")[1] is Sentiment.NEUTRAL


def test_niu_inside_mengniu_is_no_praise() -> None:
    assert TAGGER.tag("蒙牛牛奶").sentiment_hits == ()
    assert judged("太牛了")[1] is Sentiment.POSITIVE


def test_a_plane_crash_is_no_bug() -> None:
    assert "bug" not in judged("a plane crash in the news")[0]
    assert "bug" not in judged("great crash course")[0]
    assert "bug" in judged("the app crash again")[0]
    assert "bug" in judged("it keeps crashing, crash after crash")[0]


def test_knowing_how_to_party_is_no_question() -> None:
    assert "question" not in judged("these guys know how to party")[0]
    assert "question" in judged("how to get the song?")[0]


@pytest.mark.parametrize("text", ["Is that Megan Fox?", "這是誰？", "真的假的?"])
def test_a_question_mark_makes_a_question(text: str) -> None:
    assert "question" in judged(text)[0]


@pytest.mark.parametrize(
    ("text", "sentiment"),
    [
        ("[doge]", Sentiment.POSITIVE),
        ("[笑哭][笑哭]", Sentiment.POSITIVE),
        ("[支持]", Sentiment.POSITIVE),
        ("[大哭]", Sentiment.NEGATIVE),
        ("[生氣]", Sentiment.NEGATIVE),
        ("太菜了[doge]", Sentiment.NEUTRAL),  # a tease, not a complaint
        ("[吃瓜]", Sentiment.NEUTRAL),
    ],
)
def test_platform_emotes_carry_their_meaning(text: str, sentiment: Sentiment) -> None:
    assert judged(text)[1] is sentiment


def test_emote_is_evidence() -> None:
    assert TAGGER.tag("[支持]").sentiment_hits == (SentimentHit("[支持]", 1),)


@pytest.mark.parametrize("text", ["more videos like this", "do it like that", "looks like this"])
def test_like_as_a_preposition_is_no_praise(text: str) -> None:
    assert judged(text) == (set(), Sentiment.NEUTRAL)


@pytest.mark.parametrize("text", ["I like this", "I really like the editing", "we like it"])
def test_like_after_its_subject_is_praise(text: str) -> None:
    assert judged(text)[1] is Sentiment.POSITIVE


@pytest.mark.parametrize(
    "text",
    [
        "this used to be the best channel but now it's just ads",
        "used to be the best, but",
        "I used to love this show",
        "以前很好看",
        "以前很喜歡，現在不看了",
    ],
)
def test_praise_put_in_the_past_is_negative(text: str) -> None:
    assert judged(text)[1] is Sentiment.NEGATIVE


def test_the_past_marker_is_the_evidence() -> None:
    assert TAGGER.tag("I used to love this").sentiment_hits == (
        SentimentHit("love", -1, "used to"),
    )


@pytest.mark.parametrize("text", ["I used to love this", "以前喜欢", "以前很喜歡"])
def test_praise_put_in_the_past_gives_no_praise_tag(text: str) -> None:
    assert "praise" not in judged(text)[0]


def test_the_past_marker_ends_with_its_clause() -> None:
    assert judged("I used to watch on TV. love it here")[1] is Sentiment.POSITIVE


@pytest.mark.parametrize(
    "text",
    [
        "I love the app but the update is horrible",
        "画面很好看，但是剧情太拖沓",
        "畫面很好看，但是劇情太拖沓",
        "good idea, however the audio is bad",
    ],
)
def test_the_clause_after_but_weighs_more(text: str) -> None:
    assert judged(text)[1] is Sentiment.NEGATIVE


def test_the_weight_is_evidence() -> None:
    hits = TAGGER.tag("I love the app but the update is horrible").sentiment_hits
    assert hits == (SentimentHit("love", 1), SentimentHit("horrible", -1, None, 2))


def test_a_turn_to_praise_wins_too() -> None:
    assert judged("有点长，不过真的好看")[1] is Sentiment.POSITIVE

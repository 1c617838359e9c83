"""Keywords proposed from a group's corrections: supported, precise, not redundant, never one
already known or declined."""

from __future__ import annotations

from bot.domain.tagging.keyword_learning import Proposal, candidates, proposal_key, propose

MISSED = [
    "字幕又对不上了",
    "字幕对不上啊",
    "这期字幕对不上",
    "the subtitles lag behind",
    "subtitles lag again",
]
OTHERS = ["今天的字幕很清楚", "好看", "lag is fine", "see you"]


def test_the_most_supported_words_are_proposed_longest_first() -> None:
    assert propose("bug", MISSED, OTHERS) == [
        Proposal("bug", "对不上", 3, 0),
        Proposal("bug", "subtitles lag", 2, 0),
    ]


def test_a_word_common_elsewhere_is_not_precise_enough() -> None:
    missed = ["字幕错了", "字幕有错"]
    others = ["字幕很好", "字幕清楚", "喜欢字幕"]
    assert propose("bug", missed, others) == []


def test_a_word_in_one_comment_only_is_not_enough() -> None:
    assert propose("bug", ["声音没了"], []) == []


def test_known_and_declined_words_and_their_pieces_are_never_proposed() -> None:
    proposed = propose("bug", MISSED, OTHERS, known={"对不上", "subtitles"})
    assert [p.keyword for p in proposed if "不上" in p.keyword or "subtitles" in p.keyword] == []


def test_a_proposal_is_quoted_as_the_fan_wrote_it() -> None:
    (proposal,) = propose("bug", ["聲音對不上", "畫面對不上了"], [])
    assert proposal.keyword == "對不上"


def test_candidates_skip_stop_words() -> None:
    found = candidates("This video is so good, 这个视频")
    assert "video" not in found and "这个" not in found and "视频" not in found
    assert "good" in found and "so good" in found


def test_a_proposal_key_fits_a_button_and_names_tag_and_keyword() -> None:
    key = proposal_key("bug", "对不上" * 20)
    assert len(key) == 10 and key != proposal_key("praise", "对不上" * 20)

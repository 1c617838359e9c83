"""Keyword and hashtag rules of Tagger: normal form, word boundaries, overlaps, validation."""

from __future__ import annotations

import pytest

from bot.domain.tagging import Tagger, TagHit, TagRule

RULES = (
    TagRule("bug", ("bug", "问题", "out of sync", "c++"), ("问题", "bugs")),
    TagRule("suggestion", ("建议", "suggest", "please add"), ("建议",)),
    TagRule("topic idea", ("下期", "下期做"), ("选题",)),
)
TAGGER = Tagger.build(RULES)


def tags(text: str) -> set[str]:
    return set(TAGGER.tag(text).tags)


@pytest.mark.parametrize(
    "text",
    ["ＢＵＧ in the player", "BUG!", "found a Bug.", "bug", "(bug)", "bug修复", "这个bug"],
)
def test_keywords_match_any_case_and_width(text: str) -> None:
    assert tags(text) == {"bug"}


@pytest.mark.parametrize("text", ["这个问题", "這個問題", "问題", "問题"])
def test_simplified_and_traditional_match_alike(text: str) -> None:
    assert tags(text) == {"bug"}


def test_traditional_keyword_matches_simplified_text() -> None:
    tagger = Tagger.build([TagRule("bug", ("問題",))])
    assert tagger.tag("这个问题").tags == {"bug"}


@pytest.mark.parametrize("text", ["debugger", "bugs", "abug", "bug2", "bugfix", "ｂｕｇｇｙ"])
def test_ascii_keywords_do_not_match_inside_words(text: str) -> None:
    assert tags(text) == set()


def test_ascii_boundary_only_applies_to_ascii_ends() -> None:
    assert tags("I like c++!") == {"bug"}
    assert tags("xc++") == set()
    assert tags("c++x") == {"bug"}  # the key ends in '+', not a letter or digit
    assert tags("audio is out of sync.") == {"bug"}
    assert tags("out of syncing") == set()


def test_overlapping_keywords_are_all_found() -> None:
    result = TAGGER.tag("下期做个教程")
    assert result.tags == {"topic idea"}
    assert {(hit.term, hit.start, hit.end) for hit in result.matched} == {
        ("下期", 0, 2),
        ("下期做", 0, 3),
    }


def test_matches_report_offsets_in_the_normalised_text() -> None:
    result = TAGGER.tag("ß ＢＵＧ")  # normalises to "ss bug"
    assert result.matched == (TagHit("bug", 3, 6, ("bug",)),)


def test_every_occurrence_is_reported() -> None:
    result = TAGGER.tag("bug, bug and 問題")
    assert [(hit.term, hit.start) for hit in result.matched] == [
        ("bug", 0),
        ("bug", 5),
        ("问题", 13),
    ]


def test_one_keyword_shared_by_two_tags_gives_both() -> None:
    tagger = Tagger.build([TagRule("a", ("crash",)), TagRule("b", ("crash", "CRASH"))])
    result = tagger.tag("crash")
    assert result.tags == {"a", "b"}
    assert result.matched == (TagHit("crash", 0, 5, ("a", "b")),)


HASHTAGS = Tagger.build(
    [TagRule("bug", (), ("问题", "bugs")), TagRule("idea", (), ("建议", "#Suggest"))]
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("#bug the player", {"bug"}),
        ("#Bug", {"bug"}),
        ("#BUGS", {"bug"}),
        ("＃建议 加字幕", {"idea"}),
        ("＃建議", {"idea"}),
        ("#問題", {"bug"}),
        ("#ＳＵＧＧＥＳＴ!", {"idea"}),
        ("#idea,#bug", {"idea", "bug"}),
        ("#suggestion", set()),  # a longer hashtag is another hashtag
        ("#建议书", set()),
        ("C#建议", set()),  # '#' glued to a word does not start a hashtag
        ("#bug_report", set()),
        ("bug 建议", set()),  # aliases are not keywords
    ],
)
def test_hashtags(text: str, expected: set[str]) -> None:
    assert HASHTAGS.tag(text).tags == expected


def test_keyword_rule_applies_inside_hashtags_too() -> None:
    assert tags("#bug_report") == {"bug"}  # '_' is not an ASCII letter or digit
    assert tags("#debugger") == set()


def test_tag_name_is_a_hashtag_when_it_can_be_one() -> None:
    tagger = Tagger.build([TagRule("Praise", ()), TagRule("topic idea", ())])
    assert tagger.tag("#praise").tags == {"Praise"}
    assert tagger.tag("#topic idea").tags == set()


def test_hashtag_hit_is_explained() -> None:
    result = HASHTAGS.tag("ok ＃建議")
    assert result.matched == (TagHit("#建议", 3, 6, ("idea",)),)


def test_keyword_and_hashtag_both_explain_a_tag() -> None:
    result = TAGGER.tag("#问题 问题")
    assert result.tags == {"bug"}
    assert {hit.term for hit in result.matched} == {"问题", "#问题"}


def test_no_match_gives_no_tags() -> None:
    result = TAGGER.tag("")
    assert result.tags == frozenset()
    assert result.matched == ()


@pytest.mark.parametrize("keyword", ["", "   ", "\u3000", "\t\n"])
def test_blank_keywords_are_rejected(keyword: str) -> None:
    with pytest.raises(ValueError, match="tag 'bug': keyword .* is empty"):
        Tagger.build([TagRule("bug", ("crash", keyword))])


def test_surrounding_whitespace_is_not_part_of_a_keyword() -> None:
    tagger = Tagger.build([TagRule("bug", ("  crash ",))])
    assert tagger.tag("it crashed, crash!").tags == {"bug"}


@pytest.mark.parametrize("alias", ["", "#", "two words", "bug!"])
def test_hashtags_that_can_never_match_are_rejected(alias: str) -> None:
    with pytest.raises(ValueError, match="hashtag .* can never match"):
        Tagger.build([TagRule("bug", (), (alias,))])


def test_blank_and_duplicate_tag_names_are_rejected() -> None:
    with pytest.raises(ValueError, match="tag name"):
        Tagger.build([TagRule(" ", ("x",))])
    with pytest.raises(ValueError, match="defined twice"):
        Tagger.build([TagRule("Bug", ("x",)), TagRule("ＢＵＧ", ("y",))])


def test_tagger_keeps_its_rules_and_can_be_rebuilt_from_them() -> None:
    assert TAGGER.rules == RULES
    assert Tagger.build(TAGGER.rules).tag("问题").tags == {"bug"}


def test_tagger_is_immutable() -> None:
    with pytest.raises(AttributeError):
        TAGGER.extra = 1  # type: ignore[attr-defined]

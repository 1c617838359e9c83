"""Every automatic decision keeps the words that decided it, quoted as the fan wrote them."""

from __future__ import annotations

from bot.domain.tagging import DEFAULT_RULES, Tagger
from bot.domain.tagging.evidence import NO_EVIDENCE, decode, encode, evidence_of

TAGGER = Tagger.build(DEFAULT_RULES)


def evidence(text: str) -> tuple[tuple[str, ...], dict[str, tuple[str, ...]]]:
    found = evidence_of(text, TAGGER.tag(text))
    return found.sentiment, found.tags


def test_sentiment_words_are_quoted_in_the_fans_own_script() -> None:
    assert evidence("加载太慢了，凉了")[0] == ("太慢", "凉了")
    assert evidence("載入太慢了，涼了")[0] == ("太慢", "涼了")


def test_a_flipped_word_is_shown_with_what_flipped_it() -> None:
    assert evidence("不好看")[0] == ("不好看",)
    assert evidence("不太喜歡")[0] == ("不太喜歡",)
    # English sentiment words keep the lower case the tagger reads (no search for them).
    assert evidence("This is Not good")[0] == ("not good",)


def test_each_tag_names_its_keywords_and_hashtags() -> None:
    sentiment, tags = evidence("App keeps CRASHING, crash again #Bug")
    assert tags == {"bug": ("crash", "#Bug")}
    assert evidence("閃退了，有問題")[1]["bug"] == ("閃退", "有問題")


def test_a_neutral_untagged_comment_has_no_evidence() -> None:
    text = "see you tomorrow"
    assert evidence_of(text, TAGGER.tag(text)) is NO_EVIDENCE


def test_a_length_changing_fold_shows_the_normalised_word() -> None:
    # 'ß' folds to 'ss': offsets no longer fit the original, the tagger's own form is shown.
    assert evidence("straße is great")[0] == ("great",)


def test_stored_evidence_round_trips_and_tolerates_strangers() -> None:
    assert decode(encode(("太慢", "not good, really"))) == ("太慢", "not good, really")
    assert encode(()) is None
    assert decode(None) == decode("") == decode("{oops") == decode('{"a": 1}') == ()

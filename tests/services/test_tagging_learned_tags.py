"""The learned layer of the built-in tags: it adds what the keywords miss, with its evidence."""

from __future__ import annotations

import pytest

from bot.domain.tagging import DEFAULT_RULES, Tagger, TagRule
from bot.domain.tagging.evidence import evidence_of
from bot.domain.tagging.learned_tags import NEVER, TagModel, shipped_tag_model
from bot.services.digest import default_tagging
from bot.services.polls import default_tagger

TAGS = ("bug", "praise")
# One feature per tag, strong enough alone: "stutters" says bug, 剪得 says praise.
MODEL = TagModel(
    "test",
    TAGS,
    bias=(-1.0, -1.0),
    thresholds=(0.5, 0.5),
    features={"stutters": (2.0, 0.0), "剪得": (0.0, 2.0), "video": (0.1, 0.0)},
)


def learned(rules: tuple[TagRule, ...] = DEFAULT_RULES, model: TagModel = MODEL) -> Tagger:
    return Tagger.build(rules, learned=True, tag_model=model)


def test_the_model_adds_a_tag_the_keywords_miss_with_its_evidence() -> None:
    text = "The video stutters at the end"
    assert "bug" not in Tagger.build(DEFAULT_RULES).tag(text).tags
    result = learned().tag(text)
    assert "bug" in result.tags
    assert evidence_of(text, result).tags["bug"] == ("stutters", "video")


def test_evidence_is_quoted_as_the_fan_wrote_it() -> None:
    text = "這期剪得真細"
    result = learned().tag(text)
    assert "praise" in result.tags
    assert evidence_of(text, result).tags["praise"] == ("剪得",)


def test_below_the_threshold_no_tag() -> None:
    assert "bug" not in learned().tag("a video").tags


def test_a_keyword_tag_stands_as_the_keywords_decided() -> None:
    result = learned().tag("the app crashes and stutters")
    assert "bug" in result.tags
    assert [hit.term for hit in result.matched if "bug" in hit.tags] == ["crashes"]


def test_a_negated_keyword_is_not_brought_back_by_the_model() -> None:
    assert "praise" not in learned().tag("不好看").tags


def test_a_group_without_the_built_in_tag_does_not_get_it_back() -> None:
    rules = tuple(rule for rule in DEFAULT_RULES if rule.tag != "bug")
    assert "bug" not in learned(rules).tag("The video stutters").tags


def test_an_operators_own_tag_stays_keyword_exact() -> None:
    own = TagRule(tag="lag", keywords=("lag",))
    result = learned((own,)).tag("The video stutters")
    assert result.tags == frozenset()


def test_a_tag_set_to_never_stays_keyword_only() -> None:
    model = TagModel("t", TAGS, (-1.0, -1.0), (NEVER, 0.5), dict(MODEL.features))
    assert "bug" not in learned(model=model).tag("The video stutters").tags


def test_the_learned_layer_is_off_by_default() -> None:
    tagger = Tagger.build(DEFAULT_RULES)
    assert tagger.tag_model is None
    assert "bug" not in tagger.tag("The video stutters").tags


def test_a_model_with_mismatched_lengths_is_refused() -> None:
    with pytest.raises(ValueError, match="one bias and one threshold per tag"):
        TagModel("t", TAGS, (0.0,), (0.5, 0.5), {})


SHIPPED = shipped_tag_model()


@pytest.mark.skipif(SHIPPED is None, reason="no tag_model.json in this checkout")
def test_the_shipped_model_is_small_versioned_and_loads_back() -> None:
    assert SHIPPED is not None
    assert SHIPPED.version
    assert set(SHIPPED.tags) <= {rule.tag for rule in DEFAULT_RULES}
    assert 100 <= len(SHIPPED.features) <= 20_000
    assert TagModel.from_json(SHIPPED.to_json()).features == SHIPPED.features
    assert Tagger.build(DEFAULT_RULES, learned=True).tag_model is SHIPPED


@pytest.mark.skipif(SHIPPED is None, reason="no tag_model.json in this checkout")
def test_digests_and_poll_topics_tag_with_the_learned_layer() -> None:
    wish = "要是有中文字幕就好了"  # no keyword: see tests/feedback/test_learned_tag_inbox.py
    assert "suggestion" not in Tagger.build(DEFAULT_RULES).tag(wish).tags
    assert "suggestion" in default_tagging()(wish).tags
    assert "suggestion" in default_tagger().tag(wish).tags

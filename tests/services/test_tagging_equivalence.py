"""The automaton finds exactly what a plain loop over the same rules finds.

The reference (tests/support/tagging.py) shares nothing with the engine but the table data:
its own normal form (unicodedata + the table), a str.find loop with the same boundary rule,
and a character scan for hashtags. Compared: tags, and every keyword and hashtag hit with its span.
"""

from __future__ import annotations

import random
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.domain.tagging import Tagger, TagRule
from tests.support.tagging import (
    EN,
    HANT,
    ZH,
    Hit,
    fullwidth,
    is_word,
    ref_normalize,
    reference,
    seeded_comment,
)


def engine(tagger: Tagger, text: str) -> tuple[set[str], Counter[Hit]]:
    result = tagger.tag(text)
    hits = Counter((hit.term, hit.start, hit.end, frozenset(hit.tags)) for hit in result.matched)
    return set(result.tags), hits


# Pieces chosen to collide: cases and widths of the same letters, Traditional and Simplified
# forms, characters whose normal form is longer ('ß', 'ﬁ', 'İ'), hashtags, emoji, punctuation.
KEY_PIECES = [
    "bug", "BUG", "ＢＵＧ", "Bug", "b", "g", "ug", "de", "2", "ss", "ß", "ﬁ", "fi",
    "问题", "問題", "问", "題", "后", "後", "发", "發", "视频", "視頻", "好", "不",
    "#", "＃", "_", "+", "!", "！", " ", "👍", "c++", "İ", "i̇",
]  # fmt: skip
TEXT_PIECES = [*KEY_PIECES, "a#", "问#", "　", "\u0301", "ǰ", "x", "9", "，", "。", "😂", "\n", "a"]

key_text = st.lists(st.sampled_from(KEY_PIECES), min_size=1, max_size=3).map("".join)
keyword = key_text.filter(lambda k: ref_normalize(k).strip() != "")
hashtag = key_text.map(lambda k: ref_normalize(k).strip().removeprefix("#")).filter(
    lambda k: k != "" and all(is_word(c) for c in k)
)
rule_lists = st.lists(
    st.tuples(
        st.lists(keyword, max_size=4),
        st.lists(hashtag, max_size=2),
        st.sampled_from(["bug", "问题", "Idea", "topic idea", "x_1"]),
    ),
    max_size=4,
    unique_by=lambda r: ref_normalize(r[2]),
).map(
    lambda raw: [TagRule(name, tuple(keys), tuple(tags)) for keys, tags, name in raw],
)


def texts_for(rules: list[TagRule]) -> st.SearchStrategy[str]:
    """Texts made of tricky pieces and of the rules' own keywords, hashtags and names."""
    own = [k for r in rules for k in r.keywords] + [f"#{h}" for r in rules for h in r.hashtags]
    own += [f"#{r.tag}" for r in rules]
    return st.lists(st.sampled_from(TEXT_PIECES + own), max_size=25).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_automaton_equals_reference_loop(data: st.DataObject) -> None:
    rules = data.draw(rule_lists)
    tagger = Tagger.build(rules)
    for text in data.draw(st.lists(texts_for(rules), min_size=1, max_size=5)):
        assert engine(tagger, text) == reference(rules, text)


def seeded_rules(rng: random.Random) -> list[TagRule]:
    rules = []
    for index in range(12):
        keys = rng.sample(EN, 2) + rng.sample(ZH, 2) + [rng.choice(EN) + " " + rng.choice(EN)]
        if index % 3 == 0:
            keys = [k.translate(HANT).upper() for k in keys]
        if index % 4 == 0:
            keys = [fullwidth(k) for k in keys]
        rules.append(TagRule(f"tag{index}", tuple(keys), (rng.choice(EN + ZH),)))
    return rules


def test_automaton_equals_reference_loop_on_a_seeded_corpus() -> None:
    rng = random.Random(20240601)
    rules = seeded_rules(rng)
    tagger = Tagger.build(rules)
    corpus = [seeded_comment(rng) for _ in range(3000)]
    tagged = 0
    for text in corpus:
        expected = reference(rules, text)
        assert engine(tagger, text) == expected, text
        tagged += bool(expected[0])
    assert tagged > 1000  # the corpus exercises the rules, it is not mostly misses

"""The automaton finds exactly what a plain loop over the same rules finds.

The reference below shares nothing with the engine but the table data: its own normal form
(unicodedata + the table), a str.find loop with the same boundary rule, and a character scan
for hashtags. Compared: tags, and every keyword and hashtag hit with its span.
"""

from __future__ import annotations

import random
import unicodedata
from collections import Counter
from collections.abc import Sequence

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.domain.tagging import Tagger, TagRule
from bot.domain.tagging.hant_map import SIMPLIFIED, TRADITIONAL

TABLE = str.maketrans(TRADITIONAL, SIMPLIFIED)
ASCII_WORD = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")

Hit = tuple[str, int, int, frozenset[str]]


def ref_normalize(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold().translate(TABLE)


def is_word(char: str) -> bool:
    return char.isalnum() or char == "_"


def keyword_hits(norm: str, keyword: str) -> list[tuple[int, int]]:
    spans = []
    start = norm.find(keyword)
    while start != -1:
        end = start + len(keyword)
        glued_before = keyword[0] in ASCII_WORD and start > 0 and norm[start - 1] in ASCII_WORD
        glued_after = keyword[-1] in ASCII_WORD and end < len(norm) and norm[end] in ASCII_WORD
        if not glued_before and not glued_after:
            spans.append((start, end))
        start = norm.find(keyword, start + 1)
    return spans


def hashtags(norm: str) -> list[tuple[str, int, int]]:
    found = []
    for i, char in enumerate(norm):
        if char != "#" or (i > 0 and is_word(norm[i - 1])):
            continue
        j = i + 1
        while j < len(norm) and is_word(norm[j]):
            j += 1
        if j > i + 1:
            found.append((norm[i + 1 : j], i, j))
    return found


def reference(rules: Sequence[TagRule], text: str) -> tuple[set[str], Counter[Hit]]:
    norm = ref_normalize(text)
    by_keyword: dict[tuple[str, int, int], set[str]] = {}
    by_hashtag: dict[tuple[str, int, int], set[str]] = {}
    for rule in rules:
        for keyword in rule.keywords:
            key = ref_normalize(keyword).strip()
            for start, end in keyword_hits(norm, key):
                by_keyword.setdefault((key, start, end), set()).add(rule.tag)
        aliases = {ref_normalize(alias).strip().removeprefix("#") for alias in rule.hashtags}
        name = ref_normalize(rule.tag).strip()
        if all(is_word(c) for c in name):
            aliases.add(name)
        for body, start, end in hashtags(norm):
            if body in aliases:
                by_hashtag.setdefault(("#" + body, start, end), set()).add(rule.tag)
    hits: Counter[Hit] = Counter()
    for (term, start, end), tags in [*by_keyword.items(), *by_hashtag.items()]:
        hits[(term, start, end, frozenset(tags))] += 1
    return {tag for *_, tags in hits for tag in tags}, hits


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


EN = ["bug", "crash", "audio", "sync", "great", "video", "please", "add", "subtitles", "lag"]
ZH = ["问题", "建议", "字幕", "视频", "卡顿", "好看", "下期", "选题", "音乐", "更新"]
HANT = str.maketrans("问题议视频卡顿选乐", "問題議視頻卡頓選樂")
EMOJI = ["👍", "😂", "🔥", "❤️", ""]


def fullwidth(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


def seeded_comment(rng: random.Random) -> str:
    words = [rng.choice(EN if rng.random() < 0.5 else ZH) for _ in range(rng.randint(1, 6))]
    if rng.random() < 0.3:
        words.insert(rng.randrange(len(words) + 1), "#" + rng.choice(EN + ZH))
    words.append(rng.choice(EMOJI))
    text = rng.choice([" ", "", ", ", "！"]).join(words)
    if rng.random() < 0.3:
        text = text.translate(HANT)
    if rng.random() < 0.2:
        text = fullwidth(text)
    if rng.random() < 0.3:
        text = text.upper()
    if rng.random() < 0.1:
        text = text.replace(rng.choice(EN), "de" + rng.choice(EN) + "ger")
    return text


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

"""A reference tagger that shares nothing with the engine but the table data (its own normal
form, a str.find loop with the same boundary rule, a character scan for hashtags, its own
leftmost-longest pass over the lexicon for negators and shielding neutral words), and seeded
comments in English and Chinese to feed it and the engine."""

from __future__ import annotations

import random
import unicodedata
from collections import Counter
from collections.abc import Sequence

from bot.domain.tagging import TagRule
from bot.domain.tagging.hant_map import SIMPLIFIED, TRADITIONAL
from bot.domain.tagging.lexicon import (
    CONTRASTS,
    INTENSIFIERS,
    NEGATIVE,
    NEGATORS,
    NEUTRAL,
    PAST_MARKERS,
    POSITIVE,
)

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


def lexicon_spans(norm: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """(negators, neutral words) that survive leftmost-longest among all lexicon words."""
    kinds = dict.fromkeys(POSITIVE | NEGATIVE | CONTRASTS | PAST_MARKERS, "word")
    kinds |= dict.fromkeys(NEUTRAL, "neutral") | dict.fromkeys(NEGATORS, "negator")
    for word in list(kinds):
        kinds[word.replace("'", "\N{RIGHT SINGLE QUOTATION MARK}")] = kinds[word]
    found = [(start, end, kinds[word]) for word in kinds for start, end in keyword_hits(norm, word)]
    found.sort(key=lambda span: (span[0], -span[1]))
    negators, neutral = [], []
    covered_to = 0
    for start, end, kind in found:
        if start < covered_to:
            continue
        covered_to = end
        if kind == "negator":
            negators.append((start, end))
        elif kind == "neutral":
            neutral.append((start, end))
    return negators, neutral


def standing(
    norm: str, spans: tuple[list[tuple[int, int]], list[tuple[int, int]]], start: int, end: int
) -> bool:
    """A keyword hit gives its tag unless a neutral word holds it or a negator precedes it."""
    negators, neutral = spans
    if any(s <= start and end <= e and e - s > end - start for s, e in neutral):
        return False
    gaps = INTENSIFIERS | {""}
    return not any(e <= start and norm[e:start].strip() in gaps for _, e in negators)


def reference(rules: Sequence[TagRule], text: str) -> tuple[set[str], Counter[Hit]]:
    norm = ref_normalize(text)
    spans = lexicon_spans(norm)
    by_keyword: dict[tuple[str, int, int], set[str]] = {}
    by_hashtag: dict[tuple[str, int, int], set[str]] = {}
    for rule in rules:
        for keyword in rule.keywords:
            key = ref_normalize(keyword).strip()
            for start, end in keyword_hits(norm, key):
                if not standing(norm, spans, start, end):
                    continue
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

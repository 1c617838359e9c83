"""Topic polls: the most mentioned topic ideas of a period, as candidate poll options. Pure.

Fans ask for the same topic in many words ("下期出猫咪", "想看猫咪", "#选题 猫咪"). A comment's
subject is what remains of its normalised text once the words that made it a topic idea (the
tag's keywords and hashtags), other hashtags, punctuation and spaces are taken out; comments with
the same subject are one candidate, counted once per fan, labelled with its most common wording.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from bot.domain.polls import OPTION_MAX, OPTIONS_MAX
from bot.domain.tagging import Tagger, normalize

TOPIC_TAG = "topic_idea"
_HASHTAG = re.compile(r"[#＃]\S+")
_SPACES = re.compile(r"\s+")
# Matched on the reversed text from its start: a search for `(...)+$` tries every position of
# a long run of filler and rescans the rest of it each time, quadratically. Reversed, each
# alternative starts with a different character, so the run is read once.
_TRAILING_FILLER_REVERSED = re.compile(r"(?:[\s\W]|吧|呢|啊|吗|呀|esaelp\b|slp\b)+")
# What is left before the topic itself once the request words are gone ("下期出猫咪" -> "猫咪").
_LEADING_FILLER = re.compile(
    r"^(?:\s|[出做拍来搞]一期|[出做拍来搞]个|[出做拍来搞]|一期|个|关于|(?:about|on|a|an|the|some)\b)+"
)

IsTopic = Callable[[str], bool]


@dataclass(frozen=True, slots=True)
class TopicCandidate:
    label: str
    mentions: int  # comments
    fans: int  # distinct authors


def topic_candidates(
    comments: Iterable[tuple[int | None, str]],
    tagger: Tagger,
    *,
    is_topic: IsTopic | None = None,
    limit: int = OPTIONS_MAX,
) -> list[TopicCandidate]:
    """Candidates, most fans first (then most mentions, then label). `is_topic` decides which
    comments count (stored tags); by default the tagger's own `topic_idea` tag does."""
    labels: dict[str, Counter[str]] = {}
    fans: dict[str, set[int]] = {}
    mentions: Counter[str] = Counter()
    for author, text in comments:
        result = tagger.tag(text)
        if not (is_topic(text) if is_topic is not None else TOPIC_TAG in result.tags):
            continue
        key = _subject(normalize(text), [(hit.start, hit.end) for hit in result.matched])
        label = _label(text)
        if not key or not label:
            continue
        labels.setdefault(key, Counter())[label] += 1
        mentions[key] += 1
        if author is not None:
            fans.setdefault(key, set()).add(author)
    ranked = sorted(
        mentions,
        key=lambda key: (-len(fans.get(key, ())), -mentions[key], _best(labels[key])),
    )
    return [
        TopicCandidate(_best(labels[key]), mentions[key], len(fans.get(key, ())))
        for key in ranked[:limit]
    ]


def _subject(normalized: str, spans: list[tuple[int, int]]) -> str:
    kept = list(normalized)
    for start, end in spans:
        for index in range(start, min(end, len(kept))):
            kept[index] = " "
    text = _LEADING_FILLER.sub("", _HASHTAG.sub(" ", "".join(kept)).strip())
    text = _without_trailing_filler(text)
    return "".join(
        char for char in text if unicodedata.category(char)[0] not in "PZSC" and char != "#"
    )


def _without_trailing_filler(text: str) -> str:
    filler = _TRAILING_FILLER_REVERSED.match(text[::-1])
    return text[: len(text) - filler.end()] if filler is not None else text


def _label(text: str) -> str:
    cleaned = _SPACES.sub(" ", _HASHTAG.sub(" ", text)).strip()
    return cleaned[:OPTION_MAX].strip()


def _best(counter: Counter[str]) -> str:
    return min(counter, key=lambda label: (-counter[label], len(label), label))

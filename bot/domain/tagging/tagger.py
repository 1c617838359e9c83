"""Tags and sentiment for one comment in a single Aho-Corasick pass over its normalised text."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import ahocorasick  # type: ignore[import-not-found]  # C extension without type information

from bot.domain.tagging.lexicon import NEGATIVE, NEGATORS, NEUTRAL, POSITIVE
from bot.domain.tagging.normalization import normalize
from bot.domain.tagging.result import TagHit, TagResult
from bot.domain.tagging.rule import (
    HASHTAG_BODY,
    TagRule,
    hashtag_key,
    keyword_key,
    tag_name_key,
)
from bot.domain.tagging.sentiment import LexiconMatch, assess
from bot.domain.tagging.term import ASCII_WORD_CHARS, Term

# Like Telegram, a '#' glued to a preceding word ("C#", "abc#tag") does not start a hashtag.
_HASHTAG = re.compile(r"(?<!\w)#(\w+)")


def _lexicon_entries() -> Iterable[tuple[str, int, bool]]:
    """(word, polarity, is_negator) for every lexicon word, with typographic apostrophes too."""
    groups = ((POSITIVE, 1, False), (NEGATIVE, -1, False), (NEGATORS, 0, True), (NEUTRAL, 0, False))
    for words, polarity, is_negator in groups:
        for word in words:
            yield word, polarity, is_negator
            if "'" in word:
                yield word.replace("'", "\N{RIGHT SINGLE QUOTATION MARK}"), polarity, is_negator


class Tagger:
    """Immutable once built; share one per tag set across tasks and threads."""

    __slots__ = ("_automaton", "_hashtags", "_rules")

    def __init__(
        self, rules: tuple[TagRule, ...], automaton: Any, hashtags: dict[str, tuple[str, ...]]
    ) -> None:
        self._rules = rules
        self._automaton = automaton
        self._hashtags = hashtags

    @classmethod
    def build(cls, rules: Iterable[TagRule]) -> Tagger:
        """Validate `rules` and build the automaton; ValueError names the offending tag."""
        rules = tuple(rules)
        terms: dict[str, Term] = {}
        hashtags: dict[str, tuple[str, ...]] = {}
        seen_names: dict[str, str] = {}
        for rule in rules:
            name_key = tag_name_key(rule.tag)
            if name_key in seen_names:
                raise ValueError(f"tag {rule.tag!r} is defined twice (as {seen_names[name_key]!r})")
            seen_names[name_key] = rule.tag
            for keyword in rule.keywords:
                key = keyword_key(rule.tag, keyword)
                terms.setdefault(key, Term(key)).add_tag(rule.tag)
            aliases = [hashtag_key(rule.tag, alias) for alias in rule.hashtags]
            if HASHTAG_BODY.fullmatch(name_key):
                aliases.append(name_key)
            for alias in aliases:
                tags = hashtags.get(alias, ())
                if rule.tag not in tags:
                    hashtags[alias] = (*tags, rule.tag)
        for word, polarity, is_negator in _lexicon_entries():
            term = terms.setdefault(word, Term(word))
            term.in_lexicon = True
            term.polarity = polarity
            term.is_negator = is_negator
        automaton = ahocorasick.Automaton()
        for key, term in terms.items():
            automaton.add_word(key, _payload(term))
        automaton.make_automaton()
        return cls(rules, automaton, hashtags)

    @property
    def rules(self) -> tuple[TagRule, ...]:
        return self._rules

    def tag(self, text: str) -> TagResult:
        """Tags, sentiment and the evidence for both; pure, safe to call from any thread."""
        norm = normalize(text)
        size = len(norm)
        tags: set[str] = set()
        matched: list[TagHit] = []
        lexical: list[LexiconMatch] = []
        for last, payload in self._automaton.iter(norm):
            length, check_start, check_end, term_text, term_tags, lexicon_term = payload
            start = last - length + 1
            end = last + 1
            if check_start and start and norm[start - 1] in ASCII_WORD_CHARS:
                continue
            if check_end and end < size and norm[end] in ASCII_WORD_CHARS:
                continue
            if term_tags:
                tags.update(term_tags)
                matched.append(_new(TagHit, (term_text, start, end, term_tags)))
            if lexicon_term is not None:
                lexical.append((start, end, lexicon_term))
        if "#" in norm:
            for found in _HASHTAG.finditer(norm):
                hashtag_tags = self._hashtags.get(found.group(1))
                if hashtag_tags:
                    tags.update(hashtag_tags)
                    matched.append(TagHit(found.group(), found.start(), found.end(), hashtag_tags))
        sentiment, sentiment_hits = assess(norm, lexical)
        return _new(TagResult, (frozenset(tags), sentiment, tuple(matched), sentiment_hits))


# Named tuples built the way their own __new__ builds them, minus a Python-level call: this path
# runs for every stored comment and creates a few of them each time.
_new = tuple.__new__

# The automaton's value for a key, unpacked in one step on the hot path.
_Payload = tuple[int, bool, bool, str, tuple[str, ...], Term | None]


def _payload(term: Term) -> _Payload:
    lexicon_term = term if term.in_lexicon else None
    return term.length, term.check_start, term.check_end, term.text, term.tags, lexicon_term

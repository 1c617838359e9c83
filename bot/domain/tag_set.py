"""A group's tag set as operators edit it: validated changes to a tuple of `TagRule`s.

Every change returns a new set or raises `TagSetError` with a machine code the handler localizes;
nothing is half-applied. `fingerprint` identifies a set's content: equal sets share one cached
tagger, on every instance and across databases.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Final

from bot.domain.tagging import DEFAULT_RULES, TagRule, normalize
from bot.domain.tagging.rule import hashtag_key, keyword_key

MAX_TAGS: Final = 50
MAX_TAG_NAME: Final = 32
MAX_TERM: Final = 64
MAX_TERMS_PER_TAG: Final = 200
DEFAULT_FINGERPRINT: Final = "default"
_NAME = re.compile(r"\w+")
_SEPARATORS = re.compile(r"[,，、;；\n]")


class TagSetErrorCode(StrEnum):
    NAME_INVALID = "name_invalid"
    NAME_TAKEN = "name_taken"
    UNKNOWN_TAG = "unknown_tag"
    EMPTY_TERM = "empty_term"
    TERM_TOO_LONG = "term_too_long"
    HASHTAG_INVALID = "hashtag_invalid"
    TOO_MANY_TAGS = "too_many_tags"
    TOO_MANY_TERMS = "too_many_terms"
    NO_TERMS = "no_terms"
    TERM_ABSENT = "term_absent"
    TOO_LONG = "too_long"


class TagSetError(Exception):
    def __init__(self, code: TagSetErrorCode, value: str = "") -> None:
        super().__init__(f"{code.value}: {value}")
        self.code = code
        self.value = value


@dataclass(frozen=True, slots=True)
class Terms:
    keywords: tuple[str, ...]
    hashtags: tuple[str, ...]


def tag_name(word: str) -> str:
    """The stored form of a tag name: normalised, without '#', letters/digits/'_' only."""
    name = normalize(word).strip().removeprefix("#")
    if not _NAME.fullmatch(name) or len(name) > MAX_TAG_NAME:
        raise TagSetError(TagSetErrorCode.NAME_INVALID, word.strip()[: MAX_TAG_NAME + 8])
    return name


def resolve_tag(word: str, names: Collection[str], aliases: Mapping[str, str]) -> str:
    """The stored name a typed tag means: the name itself when the set has it, else the
    built-in tag its display name stands for (`建议`, `建議` -> `suggestion`, from `aliases`,
    keyed by `tag_name` of each display name) when the set has that one."""
    name = tag_name(word)
    if name in names:
        return name
    key = aliases.get(name)
    return key if key is not None and key in names else name


def parse_terms(text: str) -> Terms:
    """Comma-separated keywords; an entry starting with '#' is a hashtag alias."""
    if not text.strip():
        raise TagSetError(TagSetErrorCode.NO_TERMS)
    keywords: list[str] = []
    hashtags: list[str] = []
    for raw in _SEPARATORS.split(text):
        term = raw.strip()
        if not normalize(term).strip().removeprefix("#").strip():
            raise TagSetError(TagSetErrorCode.EMPTY_TERM, term)
        if len(term) > MAX_TERM:
            raise TagSetError(TagSetErrorCode.TERM_TOO_LONG, term[:MAX_TERM] + "…")
        if term.startswith(("#", "＃")):
            body = normalize(term).strip().removeprefix("#")
            if not _NAME.fullmatch(body):
                raise TagSetError(TagSetErrorCode.HASHTAG_INVALID, term)
            hashtags.append(body)
        else:
            keywords.append(term)
    return Terms(tuple(dict.fromkeys(keywords)), tuple(dict.fromkeys(hashtags)))


@dataclass(frozen=True, slots=True)
class TagSet:
    rules: tuple[TagRule, ...]

    @classmethod
    def default(cls) -> TagSet:
        return cls(DEFAULT_RULES)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(rule.tag for rule in self.rules)

    def get(self, name: str) -> TagRule:
        key = tag_name(name)
        for rule in self.rules:
            if rule.tag == key:
                return rule
        raise TagSetError(TagSetErrorCode.UNKNOWN_TAG, key)

    def has(self, name: str) -> bool:
        return any(rule.tag == name for rule in self.rules)

    def create(self, name: str, terms: Terms) -> TagSet:
        key = tag_name(name)
        if self.has(key):
            raise TagSetError(TagSetErrorCode.NAME_TAKEN, key)
        if len(self.rules) >= MAX_TAGS:
            raise TagSetError(TagSetErrorCode.TOO_MANY_TAGS, str(MAX_TAGS))
        rule = _checked(TagRule(key, terms.keywords, terms.hashtags))
        return TagSet((*self.rules, rule))

    def rename(self, old: str, new: str) -> TagSet:
        rule = self.get(old)
        key = tag_name(new)
        if key != rule.tag and self.has(key):
            raise TagSetError(TagSetErrorCode.NAME_TAKEN, key)
        return self._replaced(rule, replace(rule, tag=key))

    def delete(self, name: str) -> TagSet:
        rule = self.get(name)
        return TagSet(tuple(r for r in self.rules if r is not rule))

    def add_terms(self, name: str, terms: Terms) -> TagSet:
        rule = self.get(name)
        keywords = tuple(dict.fromkeys((*rule.keywords, *terms.keywords)))
        hashtags = tuple(dict.fromkeys((*rule.hashtags, *terms.hashtags)))
        if len(keywords) + len(hashtags) > MAX_TERMS_PER_TAG:
            raise TagSetError(TagSetErrorCode.TOO_MANY_TERMS, str(MAX_TERMS_PER_TAG))
        return self._replaced(rule, _checked(TagRule(rule.tag, keywords, hashtags)))

    def remove_terms(self, name: str, terms: Terms) -> TagSet:
        rule = self.get(name)
        keys = {normalize(k).strip() for k in rule.keywords}
        for keyword in terms.keywords:
            if normalize(keyword).strip() not in keys:
                raise TagSetError(TagSetErrorCode.TERM_ABSENT, keyword)
        for hashtag in terms.hashtags:
            if hashtag not in {normalize(h).strip().removeprefix("#") for h in rule.hashtags}:
                raise TagSetError(TagSetErrorCode.TERM_ABSENT, "#" + hashtag)
        gone_keywords = {normalize(k).strip() for k in terms.keywords}
        gone_hashtags = set(terms.hashtags)
        keywords = tuple(k for k in rule.keywords if normalize(k).strip() not in gone_keywords)
        hashtags = tuple(
            h for h in rule.hashtags if normalize(h).strip().removeprefix("#") not in gone_hashtags
        )
        return self._replaced(rule, TagRule(rule.tag, keywords, hashtags))

    def _replaced(self, old: TagRule, new: TagRule) -> TagSet:
        return TagSet(tuple(new if rule is old else rule for rule in self.rules))


def _checked(rule: TagRule) -> TagRule:
    try:
        for keyword in rule.keywords:
            keyword_key(rule.tag, keyword)
        for alias in rule.hashtags:
            hashtag_key(rule.tag, alias)
    except ValueError as error:
        raise TagSetError(TagSetErrorCode.EMPTY_TERM, str(error)) from error
    return rule


def fingerprint(rules: Iterable[TagRule]) -> str:
    canonical = json.dumps(
        [[rule.tag, list(rule.keywords), list(rule.hashtags)] for rule in rules],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(canonical.encode()).hexdigest()

"""Tags and sentiment for one comment in a single Aho-Corasick pass over its normalised text."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import ahocorasick  # type: ignore[import-not-found]  # C extension without type information

from bot.domain.tagging.learned import SentimentModel, Weights, shipped_model
from bot.domain.tagging.learned_tags import FoundFeature, TagModel, shipped_tag_model
from bot.domain.tagging.lexicon import (
    CONTRASTS,
    NEGATIVE,
    NEGATORS,
    NEUTRAL,
    PAST_MARKERS,
    POSITIVE,
)
from bot.domain.tagging.normalization import normalize
from bot.domain.tagging.result import TagHit, TagResult
from bot.domain.tagging.rule import (
    HASHTAG_BODY,
    TagRule,
    hashtag_key,
    keyword_key,
    tag_name_key,
)
from bot.domain.tagging.sentiment import (
    NEGATION_GAPS,
    LexiconMatch,
    Sentiment,
    SentimentHit,
    assess,
)
from bot.domain.tagging.term import ASCII_WORD_CHARS, CONTRAST, NEGATOR, PAST, PLAIN, Term

# Like Telegram, a '#' glued to a preceding word ("C#", "abc#tag") does not start a hashtag.
_HASHTAG = re.compile(r"(?<!\w)#(\w+)")


def _lexicon_entries() -> Iterable[tuple[str, int, int]]:
    """(word, polarity, role) for every lexicon word, with typographic apostrophes too."""
    groups = (
        (POSITIVE, 1, PLAIN),
        (NEGATIVE, -1, PLAIN),
        (NEGATORS, 0, NEGATOR),
        (NEUTRAL, 0, PLAIN),
        (CONTRASTS, 0, CONTRAST),
        (PAST_MARKERS, 0, PAST),
    )
    for words, polarity, role in groups:
        for word in words:
            yield word, polarity, role
            if "'" in word:
                yield word.replace("'", "\N{RIGHT SINGLE QUOTATION MARK}"), polarity, role


class Tagger:
    """Immutable once built; share one per tag set across tasks and threads."""

    __slots__ = ("_automaton", "_hashtags", "_learned_tags", "_model", "_rules", "_tag_model")

    def __init__(
        self,
        rules: tuple[TagRule, ...],
        automaton: Any,
        hashtags: dict[str, tuple[str, ...]],
        model: SentimentModel | None,
        tag_model: TagModel | None = None,
    ) -> None:
        self._rules = rules
        self._automaton = automaton
        self._hashtags = hashtags
        self._model = model
        self._tag_model = tag_model
        # The built-in tags this tag set still has: only those may come from the model.
        self._learned_tags = (
            frozenset(rule.tag for rule in rules) & frozenset(tag_model.tags)
            if tag_model is not None
            else frozenset()
        )

    @classmethod
    def build(
        cls,
        rules: Iterable[TagRule],
        *,
        learned: bool = False,
        learned_tags: bool = False,
        model: SentimentModel | None = None,
        tag_model: TagModel | None = None,
    ) -> Tagger:
        """Validate `rules` and build the automaton; ValueError names the offending tag.

        By default sentiment is the lexicon's. With `learned=True` it comes from `model`, by
        default the shipped one (learned.py), with the lexicon's verdict as one of its features,
        and the built-in tags the keywords miss may come from `tag_model`, by default the shipped
        one (learned_tags.py). `learned_tags=True` takes the tag model alone: what ingest uses,
        since its additions keep precision >= 0.85 on held-out folds while the learned
        sentiment still trails the lexicon there (bench/tag_quality.py)."""
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
        for word, polarity, role in _lexicon_entries():
            term = terms.setdefault(word, Term(word))
            term.in_lexicon = True
            term.polarity = polarity
            term.role = role
        model = (model or shipped_model()) if learned else None
        tag_model = (tag_model or shipped_tag_model()) if learned or learned_tags else None
        if model is not None:
            for key, weights in model.features.items():
                if not key.startswith("\x00"):
                    terms.setdefault(key, Term(key)).weights = weights
        if tag_model is not None:
            for key, tag_weights in tag_model.features.items():
                terms.setdefault(key, Term(key)).tag_weights = tag_weights
        automaton = ahocorasick.Automaton()
        for key, term in terms.items():
            automaton.add_word(key, _payload(term))
        automaton.make_automaton()
        return cls(rules, automaton, hashtags, model, tag_model)

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
        learned: list[tuple[str, Weights]] = []
        tag_features: list[FoundFeature] = []
        for last, payload in self._automaton.iter(norm):
            (
                length,
                check_start,
                check_end,
                term_text,
                term_tags,
                lexicon_term,
                weights,
                tag_weights,
            ) = payload
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
            if weights is not None:
                learned.append((term_text, weights))
            if tag_weights is not None:
                tag_features.append(_new(FoundFeature, (term_text, start, end, tag_weights)))
        assessment = assess(norm, lexical)
        sentiment = assessment.sentiment
        evidence: tuple[str, ...] = ()
        if self._model is not None:
            verdict = self._model.decide(learned, assessment.score)
            sentiment = verdict.sentiment
            evidence = _evidence(sentiment, assessment.hits, verdict.evidence)
        elif sentiment is not Sentiment.NEUTRAL:
            evidence = _evidence(sentiment, assessment.hits, ())
        if matched and (assessment.negators or assessment.shields):
            matched = _standing(norm, matched, assessment.negators, assessment.shields)
            tags = {tag for hit in matched for tag in hit.tags}
        if tag_features and self._tag_model is not None:
            for decided in self._tag_model.decide(tag_features, self._learned_tags - tags):
                tags.add(decided.tag)
                matched += [
                    TagHit(f.text, f.start, f.end, (decided.tag,)) for f in decided.evidence
                ]
        if "#" in norm:
            for found in _HASHTAG.finditer(norm):
                hashtag_tags = self._hashtags.get(found.group(1))
                if hashtag_tags:
                    tags.update(hashtag_tags)
                    matched.append(TagHit(found.group(), found.start(), found.end(), hashtag_tags))
        return _new(
            TagResult, (frozenset(tags), sentiment, tuple(matched), assessment.hits, evidence)
        )

    def model_features(self, text: str) -> list[str]:
        """The learned features found in `text`, as the model sees them (for training)."""
        norm = normalize(text)
        size = len(norm)
        found = []
        for last, payload in self._automaton.iter(norm):
            length, check_start, check_end, term_text, _, _, weights, tag_weights = payload
            start = last - length + 1
            if weights is None and tag_weights is None:
                continue
            if check_start and start and norm[start - 1] in ASCII_WORD_CHARS:
                continue
            if check_end and last + 1 < size and norm[last + 1] in ASCII_WORD_CHARS:
                continue
            found.append(term_text)
        return found

    @property
    def model(self) -> SentimentModel | None:
        return self._model

    @property
    def tag_model(self) -> TagModel | None:
        return self._tag_model


def _evidence(
    sentiment: Sentiment, hits: tuple[SentimentHit, ...], learned: tuple[str, ...]
) -> tuple[str, ...]:
    """What decided `sentiment`: the lexicon words pointing its way, then the model's features."""
    if sentiment is Sentiment.NEUTRAL:
        return ()
    sign = 1 if sentiment is Sentiment.POSITIVE else -1
    words = [_as_read(hit) for hit in hits if hit.polarity * sign > 0]
    words += [feature for feature in learned if feature not in words]
    return tuple(dict.fromkeys(words))[:4]


def _as_read(hit: SentimentHit) -> str:
    """A flipped word with what flipped it: 不好看 is the evidence, not 好看."""
    if hit.negator is None:
        return hit.word
    if hit.word.isascii():
        return f"{hit.negator} {hit.word}"
    return hit.negator + hit.word


def _standing(
    norm: str,
    matched: list[TagHit],
    negators: tuple[tuple[int, int], ...],
    shields: tuple[tuple[int, int], ...],
) -> list[TagHit]:
    """The keyword hits that keep their tags: not negated (不好看 is no praise) and not inside a
    longer neutral word (牛 in 蒙牛, "crash" in "a plane crash"). Hashtags are explicit: the caller
    adds them afterwards, untouched."""
    kept = []
    for hit in matched:
        length = hit.end - hit.start
        if any(s <= hit.start and hit.end <= e and e - s > length for s, e in shields):
            continue
        if any(
            end <= hit.start and norm[end : hit.start].strip() in NEGATION_GAPS
            for _, end in negators
        ):
            continue
        kept.append(hit)
    return kept


# Named tuples built the way their own __new__ builds them, minus a Python-level call: this path
# runs for every stored comment and creates a few of them each time.
_new = tuple.__new__

# The automaton's value for a key, unpacked in one step on the hot path.
_Payload = tuple[
    int, bool, bool, str, tuple[str, ...], Term | None, Weights | None, tuple[float, ...] | None
]


def _payload(term: Term) -> _Payload:
    lexicon_term = term if term.in_lexicon else None
    return (
        term.length,
        term.check_start,
        term.check_end,
        term.text,
        term.tags,
        lexicon_term,
        term.weights,
        term.tag_weights,
    )

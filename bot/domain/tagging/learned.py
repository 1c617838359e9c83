"""The learned sentiment layer: a linear model over n-grams, words and the lexicon's verdict.

Trained at development time by bench/train_tagger.py on public labelled sets (bench/data/README.md)
and shipped as sentiment_model.json beside this module; nothing is downloaded at run time. Its
features are normalised strings found by the Tagger's own automaton in the same pass as the
keywords (CJK character bigrams and trigrams, whole ASCII words and word pairs), so the model adds
dictionary look-ups, not a second scan. Every decision names the features that carried it.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import NamedTuple

from bot.domain.tagging.sentiment import Sentiment

MODEL_PATH = Path(__file__).with_name("sentiment_model.json")
CLASSES = (Sentiment.NEGATIVE, Sentiment.NEUTRAL, Sentiment.POSITIVE)

# Reserved feature names: they start with a character no normalised text contains at that place
# of the automaton, so they only ever come from the lexicon's verdict.
LEXICON_POSITIVE = "\x00lexicon+"
LEXICON_NEGATIVE = "\x00lexicon-"
LEXICON_SILENT = "\x00lexicon0"
LEXICON_FEATURES = (LEXICON_POSITIVE, LEXICON_NEGATIVE, LEXICON_SILENT)

Weights = tuple[float, float, float]  # per class, in CLASSES order


class Verdict(NamedTuple):
    sentiment: Sentiment
    confidence: float  # the margin of the winning class over the runner-up, in logits
    evidence: tuple[str, ...]  # the features that pushed hardest towards the winner


class SentimentModel:
    """Immutable after loading; shared by every Tagger."""

    __slots__ = ("bias", "features", "neutral_margin", "version")

    def __init__(
        self,
        version: str,
        bias: Weights,
        features: dict[str, Weights],
        neutral_margin: float = 0.0,
    ) -> None:
        self.version = version
        self.bias = bias
        self.features = features
        # A polar verdict needs this lead in logits over the runner-up, and evidence in the text:
        # most fan comments say nothing either way, and the labelled sets hold few such texts.
        self.neutral_margin = neutral_margin

    @classmethod
    def from_json(cls, text: str) -> SentimentModel:
        data = json.loads(text)
        if tuple(data["classes"]) != tuple(c.value for c in CLASSES):
            raise ValueError(
                f"model classes {data['classes']} are not {[c.value for c in CLASSES]}"
            )
        features = {key: _weights(value) for key, value in data["features"].items()}
        margin = float(data.get("neutral_margin", 0.0))
        return cls(str(data["version"]), _weights(data["bias"]), features, margin)

    def to_json(self) -> str:
        return json.dumps(
            {
                "version": self.version,
                "classes": [c.value for c in CLASSES],
                "bias": list(self.bias),
                "neutral_margin": self.neutral_margin,
                "features": {key: list(value) for key, value in sorted(self.features.items())},
            },
            ensure_ascii=False,
            separators=(",", ":"),
        )

    def text_features(self) -> list[str]:
        """The features the automaton searches for (the lexicon's are added by the Tagger)."""
        return [key for key in self.features if not key.startswith("\x00")]

    def decide(self, found: list[tuple[str, Weights]], lexicon_score: int) -> Verdict:
        """Score the distinct features `found` in one text plus the lexicon's verdict on it."""
        lexicon_key = (
            LEXICON_POSITIVE
            if lexicon_score > 0
            else LEXICON_NEGATIVE
            if lexicon_score < 0
            else LEXICON_SILENT
        )
        present = dict(found)
        lexicon_weights = self.features.get(lexicon_key)
        if lexicon_weights is not None:
            present[lexicon_key] = lexicon_weights
        negative, neutral, positive = self.bias
        for weights in present.values():
            negative += weights[0]
            neutral += weights[1]
            positive += weights[2]
        logits = (negative, neutral, positive)
        winner = max(range(3), key=logits.__getitem__)
        runner_up = max(logits[i] for i in range(3) if i != winner)
        pushes = [
            (weights[winner] - max(weights[i] for i in range(3) if i != winner), key)
            for key, weights in present.items()
            if not key.startswith("\x00")
        ]
        pushes.sort(reverse=True)
        evidence = tuple(key for push, key in pushes[:3] if push > 0)
        margin = logits[winner] - runner_up
        polar = CLASSES[winner] is not Sentiment.NEUTRAL
        if polar and (margin < self.neutral_margin or not (evidence or lexicon_score)):
            return Verdict(Sentiment.NEUTRAL, margin, ())
        return Verdict(CLASSES[winner], margin, evidence)


def _weights(value: list[float]) -> Weights:
    negative, neutral, positive = (float(v) for v in value)
    return negative, neutral, positive


@cache
def shipped_model() -> SentimentModel | None:
    """The model in the package, or None in a checkout that has not trained one yet."""
    if not MODEL_PATH.exists():
        return None
    return SentimentModel.from_json(MODEL_PATH.read_text(encoding="utf-8"))

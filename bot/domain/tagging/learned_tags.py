"""The learned layer for the built-in tags: one linear model per tag over n-grams and words.

Trained at development time by bench/train_tagger.py (bench/data/README.md names the sets) and
shipped as tag_model.json beside this module; nothing is downloaded at run time. Its features are
found by the Tagger's automaton in the same pass as the keywords, like the sentiment model's. The
model only adds: a keyword tag stands as the keywords decided it (exact, explainable, and its
negation rules are tested), and the model gives a built-in tag the keywords missed when its score
reaches the tag's threshold, chosen on the dev part so that these additions keep precision >=
0.85; a tag whose threshold is NEVER stays keyword-only. The features that pushed hardest are the
evidence. Only the built-in tags have a model: an operator's own tags stay keyword-exact, and a
group that removed a built-in tag does not get it back.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import NamedTuple

TAG_MODEL_PATH = Path(__file__).with_name("tag_model.json")
EVIDENCE_FEATURES = 2  # per learned tag: an inbox line has room for few words
NEVER = 99.0  # a threshold no score reaches: the tag is the keywords' alone


class FoundFeature(NamedTuple):
    """A learned feature found at [start, end) of normalize(text), with its weight per tag."""

    text: str
    start: int
    end: int
    weights: tuple[float, ...]


class LearnedTag(NamedTuple):
    tag: str
    score: float
    evidence: tuple[FoundFeature, ...]  # strongest first


class TagModel:
    """Immutable after loading; shared by every Tagger."""

    __slots__ = ("bias", "features", "tags", "thresholds", "version")

    def __init__(
        self,
        version: str,
        tags: tuple[str, ...],
        bias: tuple[float, ...],
        thresholds: tuple[float, ...],
        features: dict[str, tuple[float, ...]],
    ) -> None:
        if not len(tags) == len(bias) == len(thresholds):
            raise ValueError("a tag model needs one bias and one threshold per tag")
        self.version = version
        self.tags = tags
        self.bias = bias
        self.thresholds = thresholds
        self.features = features

    @classmethod
    def from_json(cls, text: str) -> TagModel:
        data = json.loads(text)
        tags = tuple(str(tag) for tag in data["tags"])
        features = {key: _floats(value, len(tags)) for key, value in data["features"].items()}
        return cls(
            str(data["version"]),
            tags,
            _floats(data["bias"], len(tags)),
            _floats(data["thresholds"], len(tags)),
            features,
        )

    def to_json(self) -> str:
        return json.dumps(
            {
                "version": self.version,
                "tags": list(self.tags),
                "bias": list(self.bias),
                "thresholds": list(self.thresholds),
                "features": {key: list(value) for key, value in sorted(self.features.items())},
            },
            ensure_ascii=False,
            separators=(",", ":"),
        )

    def decide(self, found: list[FoundFeature], allowed: frozenset[str]) -> list[LearnedTag]:
        """The tags of `allowed` whose score over the features `found` reaches their threshold.
        A feature found twice counts once, as in training."""
        distinct = {feature.text: feature for feature in found}
        decided = []
        for index, tag in enumerate(self.tags):
            threshold = self.thresholds[index]
            if tag not in allowed or threshold >= NEVER:
                continue
            score = self.bias[index] + sum(f.weights[index] for f in distinct.values())
            if score < threshold:
                continue
            pushes = sorted(
                (f for f in distinct.values() if f.weights[index] > 0),
                key=lambda f: -f.weights[index],
            )
            decided.append(LearnedTag(tag, score, tuple(pushes[:EVIDENCE_FEATURES])))
        return decided


def _floats(value: list[float], size: int) -> tuple[float, ...]:
    floats = tuple(float(v) for v in value)
    if len(floats) != size:
        raise ValueError(f"expected {size} numbers, got {len(floats)}")
    return floats


@cache
def shipped_tag_model() -> TagModel | None:
    """The model in the package, or None in a checkout that has not trained one yet."""
    if not TAG_MODEL_PATH.exists():
        return None
    return TagModel.from_json(TAG_MODEL_PATH.read_text(encoding="utf-8"))

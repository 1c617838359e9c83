"""Train the learned sentiment layer and write bot/domain/tagging/sentiment_model.json.

Development time only; needs scikit-learn, which the product does not depend on:

    python3 -m venv /tmp/trainvenv && /tmp/trainvenv/bin/pip install scikit-learn pyahocorasick
    /tmp/trainvenv/bin/python -m bench.tag_data prepare     # the sets outside the repository
    /tmp/trainvenv/bin/python -m bench.train_tagger

It trains on the train part of every set present (bench/tag_data.py), chooses the regularisation
and the number of features kept by macro-F1 on the dev part (mean of the languages), and never
reads the test part. Features are what the Tagger's automaton finds (learned.py): CJK character
bigrams and trigrams, ASCII words and word pairs seen in at least MIN_DOCUMENTS training texts, and
the lexicon's verdict.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from sklearn.feature_extraction import DictVectorizer  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402

from bench.tag_data import Example, part, sentiment_sets  # noqa: E402
from bot.domain.tagging import Tagger, normalize  # noqa: E402
from bot.domain.tagging.learned import (  # noqa: E402
    CLASSES,
    LEXICON_FEATURES,
    LEXICON_NEGATIVE,
    LEXICON_POSITIVE,
    LEXICON_SILENT,
    MODEL_PATH,
    SentimentModel,
    Weights,
)

MIN_DOCUMENTS = 3
C_GRID = (0.3, 1.0, 3.0)
KEEP_GRID = (8_000, 16_000)
MARGIN_GRID = (0.0, 0.5, 1.0, 1.5)
_ASCII_WORD = re.compile(r"[a-z0-9']+")
_ASCII_ALNUM = re.compile(r"[a-z0-9\s]")


def candidates(text: str) -> set[str]:
    norm = normalize(text)
    found: set[str] = set()
    for n in (2, 3):
        for i in range(len(norm) - n + 1):
            gram = norm[i : i + n]
            if not _ASCII_ALNUM.search(gram):
                found.add(gram)
    words = _ASCII_WORD.findall(norm)
    found.update(words)
    found.update(f"{a} {b}" for a, b in zip(words, words[1:], strict=False))
    return found


def lexicon_feature(lexicon: Tagger, text: str) -> str:
    score = sum(hit.polarity * hit.weight for hit in lexicon.tag(text).sentiment_hits)
    if score > 0:
        return LEXICON_POSITIVE
    return LEXICON_NEGATIVE if score < 0 else LEXICON_SILENT


def language(text: str) -> str:
    return "zh" if any("\u4e00" <= c <= "\u9fff" for c in text) else "en"


def macro_f1(gold: Sequence[str], predicted: Sequence[str]) -> float:
    labels = sorted(set(gold))
    scores = []
    for label in labels:
        tp = sum(g == p == label for g, p in zip(gold, predicted, strict=True))
        fp = sum(p == label != g for g, p in zip(gold, predicted, strict=True))
        fn = sum(g == label != p for g, p in zip(gold, predicted, strict=True))
        scores.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(scores) / len(scores)


def main() -> None:
    train: list[Example] = []
    dev: list[Example] = []
    for name, _, examples in sentiment_sets():
        train += [e for e in examples if part(e.text) == "train"]
        dev += [e for e in examples if part(e.text) == "dev"]
        print(f"{name}: {len(examples)} rows")
    documents: Counter[str] = Counter()
    for example in train:
        documents.update(candidates(example.text))
    vocabulary = {
        key: (0.0, 0.0, 0.0) for key, count in documents.items() if count >= MIN_DOCUMENTS
    }
    print(f"candidate features: {len(vocabulary)}")
    finder = Tagger.build(
        [], learned=True, model=SentimentModel("candidates", (0.0, 0.0, 0.0), vocabulary)
    )
    lexicon = Tagger.build([])

    def rows(examples: Sequence[Example]) -> list[dict[str, float]]:
        out = []
        for example in examples:
            # The finder also meets the tag model's features: only the candidates count here.
            row = dict.fromkeys(
                (f for f in finder.model_features(example.text) if f in vocabulary), 1.0
            )
            row[lexicon_feature(lexicon, example.text)] = 1.0
            out.append(row)
        return out

    vectorizer = DictVectorizer()
    x_train = vectorizer.fit_transform(rows(train))
    x_dev_rows = rows(dev)
    names = vectorizer.get_feature_names_out()
    classes = [c.value for c in CLASSES]
    y_train = [e.label for e in train]
    # Each set weighs the same whatever its size, so the languages are balanced.
    sizes = Counter(e.source for e in train)
    weights = [len(train) / (len(sizes) * sizes[e.source]) for e in train]
    best: tuple[float, SentimentModel] | None = None
    for c in C_GRID:
        fitted = LogisticRegression(C=c, max_iter=2000)
        fitted.fit(x_train, y_train, sample_weight=weights)
        order = [list(fitted.classes_).index(label) for label in classes]
        coef = fitted.coef_[order]
        bias = fitted.intercept_[order]
        centered = coef - coef.mean(axis=0)
        strength = abs(centered).max(axis=0)
        for keep in KEEP_GRID:
            kept = sorted(range(len(names)), key=lambda i: -strength[i])[:keep]
            features = {str(names[i]): triple(centered[:, i]) for i in kept}
            for key in LEXICON_FEATURES:
                i = vectorizer.vocabulary_.get(key)
                if i is not None:
                    features[key] = triple(centered[:, i])
            for margin in MARGIN_GRID:
                model = SentimentModel("candidate", triple(bias - bias.mean()), features, margin)
                score = dev_score(model, dev, x_dev_rows)
                print(f"C={c} keep={keep} margin={margin}: dev macro-F1 {score:.3f}")
                if best is None or score > best[0]:
                    best = (score, model)
    assert best is not None
    score, model = best
    model.version = datetime.now(UTC).strftime("%Y%m%d") + f"-{len(model.features)}"
    MODEL_PATH.write_text(model.to_json(), encoding="utf-8")
    print(
        f"wrote {MODEL_PATH.relative_to(ROOT)}: version {model.version}, dev macro-F1 {score:.3f}"
    )


def triple(values: Any) -> Weights:
    first, second, third = (round(float(v), 4) for v in values)
    return first, second, third


def dev_score(
    model: SentimentModel, dev: Sequence[Example], dev_rows: Sequence[dict[str, float]]
) -> float:
    by_language: dict[str, tuple[list[str], list[str]]] = {}
    for example, row in zip(dev, dev_rows, strict=True):
        found = [
            (key, model.features[key])
            for key in row
            if key in model.features and not key.startswith("\x00")
        ]
        lexicon_score = 1 if LEXICON_POSITIVE in row else -1 if LEXICON_NEGATIVE in row else 0
        predicted = model.decide(found, lexicon_score).sentiment.value
        gold, guesses = by_language.setdefault(language(example.text), ([], []))
        gold.append(example.label)
        guesses.append(predicted)
    scores = [macro_f1(gold, guesses) for gold, guesses in by_language.values()]
    return sum(scores) / len(scores)


if __name__ == "__main__":
    main()

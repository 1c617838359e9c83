"""Train the learned layer of the built-in tags and write bot/domain/tagging/tag_model.json.

Development time only; needs scikit-learn, which the product does not depend on:

    python3 -m venv /tmp/trainvenv && /tmp/trainvenv/bin/pip install scikit-learn pyahocorasick
    /tmp/trainvenv/bin/python -m bench.tag_data prepare     # the sets outside the repository
    /tmp/trainvenv/bin/python -m bench.train_tag_model

One logistic regression per tag on the train and dev parts of every tag set present
(bench/tag_data.py: the project's fan comments and the VLC forum sentences). Each tag's threshold
is chosen on out-of-fold scores (FOLDS folds by hash): the lowest score at which what the model
adds to the keywords (rows where they gave no such tag) keeps precision >= TARGET_PRECISION, the
recall counted on keywords and model together. The test part is never read.
Features are those of the sentiment model (bench/train_tagger.candidates) plus '?' and '!'.
"""

from __future__ import annotations

import hashlib
import sys
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
from sklearn.feature_extraction import DictVectorizer  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402

from bench.tag_data import TaggedExample, part, tag_sets  # noqa: E402
from bench.train_tagger import candidates  # noqa: E402
from bot.domain.tagging import DEFAULT_RULES, Tagger, normalize  # noqa: E402
from bot.domain.tagging.learned_tags import TAG_MODEL_PATH, TagModel  # noqa: E402

# Not spam: the spam check (bot/services/spam.py) decides that with its own evidence, and a spam
# model fitted mostly on English YouTube spam called every Chinese comment with 视频 spam.
TAGS = ("bug", "suggestion", "question", "praise", "complaint")
TARGET_PRECISION = 0.85
MIN_DOCUMENTS = 2
KEEP_PER_TAG = 1_500
C = 1.0
FOLDS = 5
NEVER = 99.0  # a threshold no score reaches: the tag stays keyword-only


def examples() -> list[TaggedExample]:
    rows: list[TaggedExample] = []
    for name, found in tag_sets():
        rows += found
        print(f"{name}: {len(found)} rows")
    return rows


def text_candidates(text: str) -> set[str]:
    found = candidates(text)
    found.update(mark for mark in "?!" if mark in normalize(text))
    return found


def fold(text: str) -> int:
    """Which of FOLDS cross-validation folds a text is in: by hash, like its part."""
    return hashlib.sha1(text.encode("utf-8")).digest()[1] % FOLDS


def main() -> None:
    rows = examples()
    # Train and dev together, with thresholds chosen on out-of-fold scores: the dev part alone
    # holds 25 fan comments, too few to set a precision threshold on.
    seen = [e for e in rows if part(e.text) != "test"]
    documents: Counter[str] = Counter()
    for example in seen:
        documents.update(text_candidates(example.text))
    vocabulary = {k: (0.0,) * len(TAGS) for k, n in documents.items() if n >= MIN_DOCUMENTS}
    print(f"candidate features: {len(vocabulary)}")
    zeros = (0.0,) * len(TAGS)
    finder = Tagger.build(
        [], learned=True, tag_model=TagModel("candidates", TAGS, zeros, zeros, vocabulary)
    )
    vectorizer = DictVectorizer()
    x_all = vectorizer.fit_transform(
        [dict.fromkeys(finder.model_features(e.text), 1.0) for e in seen]
    ).tocsr()
    names = vectorizer.get_feature_names_out()
    keywords = Tagger.build(DEFAULT_RULES)
    by_keyword_all = [keywords.tag(e.text).tags for e in seen]
    folds = np.array([fold(e.text) for e in seen])
    # Each source weighs the same whatever its size: the fan comments are few but the domain.
    sizes = Counter(e.source for e in seen)
    weights = np.array([len(seen) / (len(sizes) * sizes[e.source]) for e in seen])
    coefficients, biases, thresholds = [], [], []
    for tag in TAGS:
        gold = np.array([tag in e.tags for e in seen])
        by_keyword = np.array([tag in found for found in by_keyword_all])
        out_of_fold = np.zeros(len(seen))
        for k in range(FOLDS):
            inside = folds != k
            fitted = _fit(x_all[inside], gold[inside], weights[inside])
            out_of_fold[~inside] = fitted.decision_function(x_all[~inside])
        threshold, recall, precision = choose_threshold(out_of_fold, by_keyword, gold)
        fitted = _fit(x_all, gold, weights)
        coef = fitted.coef_[0].copy()
        coef[np.argsort(-abs(coef))[KEEP_PER_TAG:]] = 0.0
        print(
            f"{tag}: threshold {threshold:.2f}, out-of-fold: additions P {precision:.3f},"
            f" keywords and model R {recall:.3f}"
        )
        coefficients.append(coef)
        biases.append(round(float(fitted.intercept_[0]), 4))
        thresholds.append(round(threshold, 4))
    matrix = np.vstack(coefficients)
    features = {
        str(names[i]): tuple(round(float(v), 4) for v in matrix[:, i])
        for i in range(len(names))
        if np.any(matrix[:, i] != 0.0)
    }
    model = TagModel("candidate", TAGS, tuple(biases), tuple(thresholds), features)
    model.version = datetime.now(UTC).strftime("%Y%m%d") + f"-tags-{len(features)}"
    TAG_MODEL_PATH.write_text(model.to_json(), encoding="utf-8")
    print(f"wrote {TAG_MODEL_PATH.relative_to(ROOT)}: version {model.version}")


def _fit(x: Any, y: np.ndarray, weights: np.ndarray) -> LogisticRegression:
    fitted = LogisticRegression(C=C, max_iter=3000, class_weight="balanced")
    fitted.fit(x, y, sample_weight=weights)
    return fitted


def choose_threshold(
    scores: np.ndarray, by_keyword: np.ndarray, gold: np.ndarray
) -> tuple[float, float, float]:
    """(threshold, recall, precision of the additions) of the lowest threshold at which the rows
    the model adds to the keywords' keep precision >= TARGET_PRECISION; NEVER when none does."""
    best = (NEVER, _recall_precision(by_keyword, gold)[0], 1.0)
    for threshold in sorted(set(np.round(scores, 2).tolist()), reverse=True):
        added = (scores >= threshold) & ~by_keyword
        if not added.any():
            continue
        precision = float(np.sum(added & gold)) / float(added.sum())
        recall = _recall_precision(by_keyword | added, gold)[0]
        if precision >= TARGET_PRECISION and recall > best[1]:
            best = (float(threshold), recall, precision)
    return best


def _recall_precision(guesses: np.ndarray, gold: np.ndarray) -> tuple[float, float]:
    tp = int(np.sum(guesses & gold))
    return tp / max(int(gold.sum()), 1), tp / max(int(guesses.sum()), 1)


if __name__ == "__main__":
    main()

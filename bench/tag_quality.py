"""Tag and sentiment quality on the test part of the labelled sets (bench/data/README.md).

Run: python3 tasks.py bench tag_quality

Prints, per set and per language, sentiment macro-F1 of the tagger with its learned layer
(Tagger.build(..., learned=True), reported as fanpulse), of the lexicon alone (the default today),
and in the same run of SnowNLP (Chinese) and VADER (English) on the same texts; precision and
recall of each built-in tag that has a labelled set; and the share of test comments left without
any tag. The peers run in another Python (FANPULSE_PEER_PYTHON, default /tmp/h5venv/bin/python)
that has snownlp and vaderSentiment; without it they are skipped and the reason is printed. The
test part is never used for training or tuning (bench/train_tagger.py reads train and dev only).

Ends with: bench tag_quality: zh_f1=... en_f1=... snownlp_zh_f1=... vader_en_f1=... tag_recall=...
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.tag_data import (  # noqa: E402
    SPAM_SET,
    available,
    part,
    read_tsv,
    sentiment_sets,
    tag_sets,
)
from bot.domain.tagging import DEFAULT_RULES, Tagger  # noqa: E402

PEER_PYTHON = os.environ.get("FANPULSE_PEER_PYTHON", "/tmp/h5venv/bin/python")
BUILT_IN_TAGS = ("bug", "suggestion", "question", "praise", "complaint", "spam")
# A tag with fewer labelled examples than this in a test part says too little to print per set.
MIN_POSITIVES = 3

# Runs inside the peer's Python: one text per line of JSON in, one label per line out. SnowNLP
# has no neutral class; its probability is cut at 0.5, its best case on two-class sets. VADER's
# compound score uses its documented thresholds (+-0.05).
_PEER_SCRIPT = """
import json, sys
peer = sys.argv[1]
texts = [json.loads(line) for line in sys.stdin]
if peer == "snownlp":
    from snownlp import SnowNLP
    def label(text):
        try:
            return "positive" if SnowNLP(text).sentiments >= 0.5 else "negative"
        except Exception:
            return "neutral"
else:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    analyzer = SentimentIntensityAnalyzer()
    def label(text):
        score = analyzer.polarity_scores(text)["compound"]
        return "positive" if score >= 0.05 else "negative" if score <= -0.05 else "neutral"
for text in texts:
    print(label(text))
"""


def macro_f1(gold: Sequence[str], predicted: Sequence[str]) -> float:
    """Mean F1 over the classes the gold labels use: a neutral guess on a two-class set is wrong."""
    labels = sorted(set(gold))
    total = 0.0
    for label in labels:
        tp = sum(g == p == label for g, p in zip(gold, predicted, strict=True))
        fp = sum(p == label != g for g, p in zip(gold, predicted, strict=True))
        fn = sum(g == label != p for g, p in zip(gold, predicted, strict=True))
        total += 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return total / len(labels)


def peer_labels(peer: str, texts: Sequence[str]) -> tuple[list[str] | None, str]:
    if not Path(PEER_PYTHON).exists():
        return None, f"no peer Python at {PEER_PYTHON} (set FANPULSE_PEER_PYTHON)"
    payload = "".join(json.dumps(text) + "\n" for text in texts)
    done = subprocess.run(
        [PEER_PYTHON, "-c", _PEER_SCRIPT, peer],
        input=payload,
        capture_output=True,
        text=True,
        check=False,
    )
    labels = done.stdout.splitlines()
    if done.returncode or len(labels) != len(texts):
        reason = done.stderr.strip().splitlines()[-1:] or ["no output"]
        return None, f"{peer} failed in {PEER_PYTHON}: {reason[0]}"
    return labels, ""


def main() -> None:
    shipped = Tagger.build(DEFAULT_RULES, learned=True)
    lexicon = Tagger.build(DEFAULT_RULES, learned=False)
    model = shipped.model
    print(f"model: {model.version if model else 'none shipped'}")
    pooled: dict[str, dict[str, tuple[list[str], list[str]]]] = {}
    all_tests: list[str] = []
    for name, language, examples in sentiment_sets():
        test = [e for e in examples if part(e.text) == "test"]
        texts = [e.text for e in test]
        all_tests += texts
        gold = [e.label for e in test]
        systems = {
            "fanpulse": [shipped.tag(t).sentiment.value for t in texts],
            "lexicon": [lexicon.tag(t).sentiment.value for t in texts],
        }
        peer = "snownlp" if language == "zh" else "vader"
        labels, reason = peer_labels(peer, texts)
        if labels is not None:
            systems[peer] = labels
        line = ", ".join(
            f"{system} {macro_f1(gold, guess):.3f}" for system, guess in systems.items()
        )
        print(f"{name} ({language}, {len(test)} test rows): macro-F1 {line}")
        if reason:
            print(f"  {peer} skipped: {reason}")
        for system, guess in systems.items():
            gold_pool, guess_pool = pooled.setdefault(language, {}).setdefault(system, ([], []))
            gold_pool += gold
            guess_pool += guess
    f1: dict[str, float] = {}
    for language, pool in pooled.items():
        for system, (gold_pool, guess_pool) in pool.items():
            f1[f"{system}_{language}"] = macro_f1(gold_pool, guess_pool)
        figures = ", ".join(f"{s} {f1[f'{s}_{language}']:.3f}" for s in pool)
        print(f"{language} pooled: {figures}")
    recalls = tag_scores(shipped, lexicon, all_tests)
    untagged = sum(not shipped.tag(t).tags for t in all_tests) / max(len(all_tests), 1)
    print(f"share untagged (sentiment test texts, default tags): {untagged:.1%}")
    tag_recall = sum(recalls) / len(recalls) if recalls else float("nan")

    def figure(key: str) -> str:
        return f"{f1[key]:.3f}" if key in f1 else "skipped"

    print(
        f"bench tag_quality: zh_f1={figure('fanpulse_zh')} en_f1={figure('fanpulse_en')} "
        f"snownlp_zh_f1={figure('snownlp_zh')} vader_en_f1={figure('vader_en')} "
        f"tag_recall={tag_recall:.3f}"
    )


def precision_recall(
    tagger: Tagger, tag: str, rows: Sequence[tuple[str, bool]]
) -> tuple[float, float]:
    guesses = [tag in tagger.tag(text).tags for text, _ in rows]
    tp = sum(g and y for g, (_, y) in zip(guesses, rows, strict=True))
    return tp / max(sum(guesses), 1), tp / max(sum(y for _, y in rows), 1)


def tag_scores(shipped: Tagger, lexicon: Tagger, sentiment_texts: Sequence[str]) -> list[float]:
    """Precision and recall of each built-in tag on every labelled test part; the recalls of the
    shipped tagger on the pooled test parts, one per tag that has any labelled example."""
    labelled: dict[str, dict[str, list[tuple[str, bool]]]] = {}
    if available(SPAM_SET):
        spam = [e for e in read_tsv(SPAM_SET, "youtube") if part(e.text) == "test"]
        labelled["youtube_spam"] = {"spam": [(e.text, e.label == "spam") for e in spam]}
    for name, examples in tag_sets():
        test = [e for e in examples if part(e.text) == "test"]
        labelled[name] = {tag: [(e.text, tag in e.tags) for e in test] for tag in BUILT_IN_TAGS}
    recalls = []
    for tag in BUILT_IN_TAGS:
        pooled: list[tuple[str, bool]] = []
        for name, by_tag in labelled.items():
            rows = by_tag.get(tag, [])
            positives = sum(y for _, y in rows)
            if positives < MIN_POSITIVES:
                continue
            pooled += rows
            figures = ", ".join(
                "{} P {:.3f} R {:.3f}".format(system, *precision_recall(tagger, tag, rows))
                for system, tagger in (("fanpulse", shipped), ("lexicon", lexicon))
            )
            print(f"tag {tag} on {name} ({len(rows)} rows, {positives} {tag}): {figures}")
        if not pooled:
            print(f"tag {tag}: no labelled test rows here, not measured")
            continue
        precision, recall = precision_recall(shipped, tag, pooled)
        print(f"tag {tag} pooled: fanpulse P {precision:.3f} R {recall:.3f}")
        recalls.append(recall)
    return recalls


if __name__ == "__main__":
    main()

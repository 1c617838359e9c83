"""Hostile input: every parser of text and files strangers send, over shapes that break regexes.

Run: `python3 tasks.py bench hostile_input [--size N] [--rounds N]`

A group anyone can create reaches these parsers with arguments, captions and files. A parser whose
time grows faster than its input lets one message hold the event loop that every group shares
(a run of "(" in a video-stats header once took seconds). For each parser and each shape the bench
times the input at N characters and at 10 N, and reports the growth: about 10 for a linear
parser, about 100 for a quadratic one. Each time is the best of `--rounds` calls, the two sizes
alternated, on this thread's CPU clock (time the scheduler gives to others is not the parser's);
a case over the target is measured four more times with four times the calls and the median
counts, so one busy moment cannot fail a case and a parser that really grows faster fails every
time. The reference in the same run, at its start and its end, is
a plain linear pass (`str.split`), so a noisy machine shows in it too.

Ends with `bench hostile_input: worst_growth=... worst=parser/shape reference_growth=...`; the
target is worst_growth <= 12.
"""

from __future__ import annotations

import argparse
import csv
import gc
import io
import json
import statistics
import time
import zipfile
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any, TypeVar, cast

import openpyxl

from bot.domain.arguments import parse_number, parse_period, split_bars, split_flags
from bot.domain.feedback_command import stored_text
from bot.domain.giveaway import parse_create, parse_rules
from bot.domain.giveaway_flow import read_channel, read_comments, read_joined_day, read_winners
from bot.domain.history import read_history
from bot.domain.html_split import split_html
from bot.domain.inbox import parse_filters
from bot.domain.poll_topics import topic_candidates
from bot.domain.polls import parse_poll
from bot.domain.recurrence import parse_duration, parse_local_datetime
from bot.domain.tag_set import parse_terms
from bot.domain.tagging import DEFAULT_RULES, Tagger
from bot.domain.timezones import parse_timezone
from bot.domain.video_metrics_import import parse_metrics
from bot.domain.video_metrics_line import parse_metrics_line
from bot.domain.video_metrics_values import header_key
from bot.domain.videos import parse_video
from bot.logs import scrub
from bot.services.digest_delivery import parse_local_time

NOW = datetime(2026, 12, 2, 12, 0, tzinfo=UTC)
TZ = "Asia/Shanghai"
FLAGS = ("close", "start", "anonymous", "multi", "quiz", "explain", "tz")
TARGET = 12.0
# What makes a pattern backtrack or a loop rescan: runs of one separator, and alternations.
SHAPES: dict[str, str] = {
    "open-paren": "(",
    "full-width-paren": "（",
    "bracket": "【",
    "dash": "-",
    "em-dash": "—",
    "double-dash-word": "--a ",
    "bar": "|",
    "full-width-bar": "｜",
    "hash": "#",
    "equals": "=",
    "colon": ":",
    "full-width-colon": "：",
    "digits": "7",
    "spaces": " ",
    "newlines": "\n",
    "cjk": "播",
    "pairs": "a=1 ",
    "video-codes": "#v1 ",
    "url-ish": "https://b23.tv/",
    "tags": "<b>",
    "mixed": "(—|:#=7 ",
}

T = TypeVar("T")
Parser = Callable[[str], object]
# A parser of files: the file is built from the text before the clock starts.
Prepared = tuple[Callable[[str], object], Callable[[object], object]]


def _swallow(parse: Callable[[T], object]) -> Callable[[T], object]:
    """A refusal is an answer too: what is timed is reaching it."""

    def run(given: T) -> object:
        try:
            return parse(given)
        except Exception as error:  # noqa: BLE001 - every parser has its own refusals
            return error

    return run


def _csv(text: str) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["video", f"播放量{text}", "date"])
    writer.writerow(["v1", "100", "2026-11-30"])
    return out.getvalue().encode("utf-8")


def _history(text: str) -> bytes:
    message = {"id": 1, "type": "message", "date": "2026-11-30T12:00:00", "text": text}
    return json.dumps({"name": "g", "id": 1, "messages": [message]}).encode()


def _history_zip(text: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("ChatExport/result.json", _history(text))
    return out.getvalue()


def _xlsx(text: str) -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["video", f"播放量{text}", "date", text])
    sheet.append(["v1", "100", "2026-11-30", text])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _topic_comments(text: str) -> list[tuple[int | None, str]]:
    return [(1, f"下期出{text}"), (2, f"#选题 {text}吧"), (3, f"想看 {text} please")]


def parsers() -> dict[str, Parser]:
    tagger = Tagger.build(DEFAULT_RULES)
    found: dict[str, Parser] = {
        "split_flags": lambda text: split_flags(text, FLAGS),
        "split_bars": split_bars,
        "parse_number": parse_number,
        "parse_period": lambda text: parse_period(text, now=NOW, timezone=TZ),
        "parse_duration": parse_duration,
        "parse_local_datetime": lambda text: parse_local_datetime(text, TZ, NOW),
        "parse_poll": lambda text: parse_poll(f"Q? | a | b {text}", timezone=TZ, now=NOW),
        "parse_create": lambda text: parse_create(f"1 2h {text}", NOW, TZ),
        "parse_rules": lambda text: parse_rules(text, NOW, TZ),
        "read_winners": read_winners,
        "read_comments": read_comments,
        "read_channel": read_channel,
        "read_joined_day": lambda text: read_joined_day(text, NOW, TZ),
        "parse_filters": lambda text: parse_filters(text, ("bug", "praise"), now=NOW, timezone=TZ),
        "parse_terms": parse_terms,
        "parse_timezone": parse_timezone,
        "parse_video": lambda text: parse_video(text, timezone=TZ, now=NOW),
        "parse_metrics_line": lambda text: parse_metrics_line(f"v1 {text}", date(2026, 12, 2)),
        "header_key": header_key,
        "split_html": split_html,
        "tagger": tagger.tag,
        "scrub": scrub,
        "feedback_text": lambda text: stored_text(f"/feedback {text}"),
        "parse_local_time": parse_local_time,
    }
    return {name: _swallow(parse) for name, parse in found.items()}


def file_parsers() -> dict[str, Prepared]:
    tagger = Tagger.build(DEFAULT_RULES)
    found: dict[str, Prepared] = {
        "parse_metrics_csv": (_csv, lambda content: parse_metrics(cast(bytes, content))),
        "parse_metrics_xlsx": (_xlsx, lambda content: parse_metrics(cast(bytes, content))),
        "read_history": (_history, lambda content: read_history(cast(bytes, content))),
        "read_history_zip": (_history_zip, lambda content: read_history(cast(bytes, content))),
        "topic_candidates": (
            _topic_comments,
            lambda comments: topic_candidates(
                cast(list[tuple[int | None, str]], comments), tagger, is_topic=lambda _: True
            ),
        ),
    }
    return {name: (prepare, _swallow(parse)) for name, (prepare, parse) in found.items()}


# A case over the target is measured this many more times and its median reported: one busy
# moment of the machine cannot fail it, a parser that really grows faster fails every time.
CONFIRMATIONS = 4


def best_time(parse: Callable[[Any], object], given: object, rounds: int) -> float:
    """One call per sample: repeating a call in a loop measured the allocator's reuse of the
    last call's memory (five times slower per call at 50,000 characters), not the parser."""
    best = float("inf")
    for _ in range(rounds):
        started = time.thread_time()
        parse(given)
        best = min(best, time.thread_time() - started)
    return best


def growth(
    case: Parser | Prepared, unit: str, size: int, rounds: int
) -> tuple[float, float, float]:
    prepare, parse = case if isinstance(case, tuple) else (_same, case)
    gc.collect()  # the garbage of the case before is not this one's to collect
    small = prepare((unit * (size // len(unit) + 1))[:size])
    large = prepare((unit * (10 * size // len(unit) + 1))[: 10 * size])
    # Alternated, so that a busy moment of the machine falls on both sizes alike; the best of
    # each, because noise only ever adds time.
    first = second = float("inf")
    for _ in range(rounds):
        first = min(first, best_time(parse, small, 1))
        second = min(second, best_time(parse, large, 1))
    # Below a few microseconds the clock's own grain decides: such a parser answered at once
    # (a length check), and its ratio would be noise.
    floor = 5e-6
    return first, second, max(second, floor) / max(first, floor)


def confirmed(
    case: Parser | Prepared, unit: str, size: int, rounds: int, first: tuple[float, float, float]
) -> tuple[tuple[float, float, float], int]:
    """The median of `first` and CONFIRMATIONS new measurements, when `first` is over target."""
    if first[2] <= TARGET:
        return first, 1
    measured = [first, *(growth(case, unit, size, 4 * rounds) for _ in range(CONFIRMATIONS))]
    return statistics.median_low(sorted(measured, key=lambda row: row[2])), len(measured)


def _same(text: str) -> object:
    return text


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--size", type=int, default=5_000)
    options.add_argument("--rounds", type=int, default=5)
    args = options.parse_args()

    reference = growth(str.split, "a b ", args.size, args.rounds)[2]
    worst = (0.0, "", "")
    print(
        f"hostile input: {args.size:,} and {10 * args.size:,} characters, best of {args.rounds}, "
        f"a case over {TARGET} measured "
        f"{CONFIRMATIONS} more times (median)"
    )
    print(f"  reference (str.split): growth {reference:.1f}")
    remeasured = 0
    cases: dict[str, Parser | Prepared] = {**parsers(), **file_parsers()}
    for name, case in cases.items():
        rows = []
        for shape, unit in SHAPES.items():
            measured = growth(case, unit, args.size, args.rounds)
            (small, large, ratio), times = confirmed(case, unit, args.size, args.rounds, measured)
            remeasured += times > 1
            rows.append((ratio, shape, small, large))
            if ratio > worst[0]:
                worst = (ratio, name, shape)
        ratio, shape, small, large = max(rows)
        print(
            f"  {name:22} worst {ratio:6.1f} on {shape:18} "
            f"({small * 1e3:8.3f} ms -> {large * 1e3:9.3f} ms)"
        )
    reference_after = growth(str.split, "a b ", args.size, args.rounds)[2]
    print(f"  reference (str.split) again at the end: growth {reference_after:.1f}")
    verdict = "PASS" if worst[0] <= TARGET else "FAIL"
    print(
        f"  worst growth {worst[0]:.1f} ({worst[1]} on {worst[2]}), target <= {TARGET}: {verdict}"
    )
    print(
        f"bench hostile_input: worst_growth={worst[0]:.1f} worst={worst[1]}/{worst[2]} "
        f"reference_growth={reference:.1f}/{reference_after:.1f} remeasured={remeasured} "
        f"parsers={len(cases)} shapes={len(SHAPES)}"
    )


if __name__ == "__main__":
    main()

"""Platform numbers typed as one command line, and the template file operators fill in.

``/video_stats v12 bilibili 2026-11-27 plays=12000 likes=800`` or
``/video_stats v12 B站 2026年11月27日 播放量=1.2万 点赞：800``: the video first, then in any order
a platform (else the video's own), a day (else today) and ``name=value`` numbers under the same
names and synonyms as a file's columns. The line becomes a one-row `ParsedMetrics`, so it is
stored and reported exactly like a file.
"""

from __future__ import annotations

import re
from datetime import date
from enum import StrEnum

from bot.domain.video_metrics_import import MetricRow, ParsedMetrics, Reason, Refused
from bot.domain.video_metrics_values import (
    METRICS,
    CellRefused,
    Field,
    header_field,
    parse_count,
    parse_day,
    parse_platform,
)

LINE = 1
_PAIR = re.compile(r"([^=:：]+)[=:：](.*)")


class LineErrorCode(StrEnum):
    USAGE = "usage"  # no video, or no number at all
    UNKNOWN_WORD = "unknown_word"  # a word that is neither a platform, a day nor name=value


class LineError(ValueError):
    def __init__(self, code: LineErrorCode, word: str = "") -> None:
        super().__init__(f"{code.value}: {word}")
        self.code = code
        self.word = word


def parse_metrics_line(text: str, today: date) -> ParsedMetrics:
    words = text.split()
    if len(words) < 2:
        raise LineError(LineErrorCode.USAGE)
    video, platform, day = words[0], None, today
    counts: dict[Field, int | None] = {}
    parsed = ParsedMetrics("line", "", METRICS)
    for word in words[1:]:
        pair = _PAIR.fullmatch(word)
        field = header_field(pair[1]) if pair is not None else None
        try:
            if pair is not None and field in METRICS:
                counts[field] = parse_count(pair[2])
            elif pair is not None and field is Field.PLATFORM:
                platform = parse_platform(pair[2])
            elif pair is not None and field is Field.DATE:
                day = parse_day(pair[2], today)
            elif pair is not None:
                raise LineError(LineErrorCode.UNKNOWN_WORD, pair[1])
            elif (as_platform := _platform(word)) is not None:
                platform = as_platform
            elif any(char.isdigit() for char in word):
                field = Field.DATE
                day = parse_day(word, today)
            else:
                raise LineError(LineErrorCode.UNKNOWN_WORD, word)
        except CellRefused as refused:
            value = pair[2] if pair is not None else word
            parsed.refused.append(_refused(refused, field or Field.DATE, value))
            return parsed
    if all(value is None for value in counts.values()):
        raise LineError(LineErrorCode.USAGE)
    values = tuple(counts.get(metric) for metric in METRICS)
    row_counts = (values[0], values[1], values[2], values[3], values[4])
    parsed.rows.append(MetricRow(LINE, video, platform, day, row_counts))
    return parsed


def _platform(word: str) -> str | None:
    try:
        return parse_platform(word)
    except CellRefused:
        return None


def _refused(refused: CellRefused, field: Field, value: str) -> Refused:
    return Refused(LINE, Reason(refused.problem.value), field.value, value)

"""A platform-number file, read and checked completely before anything is stored.

The numbers are **cumulative snapshots**: a row says "on this day, this video had N plays on this
platform in total", which is what Douyin, Bilibili, YouTube Studio and the others export per day.
The report card takes the latest snapshot per platform as the total and the difference between
the last two snapshots as the day-over-day change.

`parse_metrics(content)` reads the file (video_metrics_read) and each row's cells
(video_metrics_values): a row with a bad cell is refused with its line number and a reason, the
others become `MetricRow`s. `settle(parsed, videos)` then names unknown videos, fills an empty
platform with the video's own, and refuses a second row for the same video, platform and day.
A file that cannot be read at all raises `MetricsFileError`.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import TypeVar

from bot.domain.video_metrics_read import (
    HEADER_SEARCH_ROWS,
    Cell,
    FileErrorCode,
    MetricsFileError,
    read_table,
)
from bot.domain.video_metrics_values import (
    METRICS,
    CellRefused,
    Field,
    cell_text,
    header_field,
    header_score,
    is_formula,
    parse_count,
    parse_day,
    parse_platform,
)

Counts = tuple[int | None, int | None, int | None, int | None, int | None]
REQUIRED = (Field.VIDEO, Field.DATE)
SHORT_CODE_DIGITS = 6  # "12" in the video column means v12; longer digit runs are platform ids
T = TypeVar("T")


class Reason(StrEnum):
    UNKNOWN_VIDEO = "unknown_video"
    NEGATIVE = "negative"
    NOT_A_NUMBER = "not_a_number"
    BAD_DATE = "bad_date"
    DUPLICATE = "duplicate"
    UNKNOWN_PLATFORM = "unknown_platform"
    MISSING_VALUE = "missing_value"
    FORMULA = "formula"
    DECREASING = "decreasing"  # a cumulative total below an earlier day's (or above a later's)


@dataclass(frozen=True, slots=True)
class Refused:
    line: int
    reason: Reason
    column: str = ""  # the field whose cell was refused, when one was
    value: str = ""  # what the cell held (shortened), for the operator's list


@dataclass(frozen=True, slots=True)
class MetricRow:
    line: int
    video: str
    platform: str | None  # None: the video's registered platform
    day: date
    counts: Counts  # in METRICS order; None where the file gives no number


@dataclass(slots=True)
class ParsedMetrics:
    format: str
    encoding: str
    metrics: tuple[Field, ...]  # the metric columns the file has
    rows: list[MetricRow] = field(default_factory=list)
    refused: list[Refused] = field(default_factory=list)

    def references(self) -> set[str]:
        """Every way the rows name a video, for one lookup."""
        refs: set[str] = set()
        for row in self.rows:
            refs.update(reference_candidates(row.video))
        return refs


@dataclass(frozen=True, slots=True)
class KnownVideo:
    id: int
    platform: str
    code: str = ""  # "v12", for answers


@dataclass(frozen=True, slots=True)
class SettledRow:
    line: int
    video_id: int
    platform: str
    day: date
    counts: Counts


@dataclass(slots=True)
class Settled:
    rows: list[SettledRow]
    refused: list[Refused]  # the parse's and the settle's, by line


@dataclass(frozen=True, slots=True)
class StoredRow:
    """What a row left in the database, for the answer to echo."""

    video_id: int
    platform: str
    day: date
    counts: Counts
    video: str = ""  # the video's code, "v12"


@dataclass(frozen=True, slots=True)
class ImportReport:
    taken: int  # new (video, platform, day) rows
    updated: int  # rows whose numbers changed
    unchanged: int  # rows the database already held as they are
    refused: list[Refused]
    written: tuple[StoredRow, ...] = ()  # the new and updated rows as stored, in file order

    @property
    def stored(self) -> int:
        return self.taken + self.updated


def parse_metrics(content: bytes, *, latest_day: date | None = None) -> ParsedMetrics:
    """Read and check a CSV/XLSX file; MetricsFileError when it cannot be read at all."""
    table = read_table(content, header_score)
    rows = table.rows
    columns = _header(rows)
    metrics = tuple(metric for metric in METRICS if metric in columns)
    missing = [name.value for name in REQUIRED if name not in columns]
    if not metrics:
        missing.append("plays")
    if missing:
        raise MetricsFileError(FileErrorCode.MISSING_COLUMN, ",".join(missing))
    parsed = ParsedMetrics(table.format, table.encoding, metrics)
    reader = _RowReader(columns, latest_day)
    for line, cells in rows:
        outcome = reader.read(line, cells)
        if isinstance(outcome, MetricRow):
            parsed.rows.append(outcome)
        elif outcome is not None:
            parsed.refused.append(outcome)
    return parsed


def _header(rows: Iterator[tuple[int, Sequence[Cell]]]) -> dict[Field, int]:
    for _, cells in _first(rows, HEADER_SEARCH_ROWS):
        if header_score(cells) >= 2:  # a title line above the header is common in exports
            columns: dict[Field, int] = {}
            for index, cell in enumerate(cells):
                found = header_field(cell)
                if found is not None:
                    columns.setdefault(found, index)
            return columns
    raise MetricsFileError(FileErrorCode.NO_HEADER)


def _first(
    rows: Iterator[tuple[int, Sequence[Cell]]], count: int
) -> Iterator[tuple[int, Sequence[Cell]]]:
    for _ in range(count):
        row = next(rows, None)
        if row is None:
            return
        yield row


class _RowReader:
    def __init__(self, columns: Mapping[Field, int], latest_day: date | None) -> None:
        self._video = columns[Field.VIDEO]
        self._date = columns[Field.DATE]
        self._platform = columns.get(Field.PLATFORM)
        self._latest = latest_day
        # A file repeats few distinct days and platforms: each text is parsed once.
        self._days: dict[str, date] = {}
        self._platforms: dict[str, str] = {}
        self._indexes = [columns.get(metric) for metric in METRICS]

    def read(self, line: int, cells: Sequence[Cell]) -> MetricRow | Refused | None:
        if not any(cells):
            return None  # blank lines between blocks and at the end
        size = len(cells)
        video_cell = cells[self._video] if self._video < size else None
        if is_formula(video_cell):
            return Refused(line, Reason.FORMULA, Field.VIDEO.value, _shown(video_cell))
        video = video_cell.strip() if type(video_cell) is str else cell_text(video_cell)
        if not video:
            return Refused(line, Reason.MISSING_VALUE, Field.VIDEO.value)
        day_cell = cells[self._date] if self._date < size else None
        if day_cell in (None, ""):
            return Refused(line, Reason.MISSING_VALUE, Field.DATE.value)
        day = self._day(line, day_cell)
        if isinstance(day, Refused):
            return day
        platform = self._platform_of(line, cells, size)
        if isinstance(platform, Refused):
            return platform
        counts = self._counts(line, cells, size)
        if isinstance(counts, Refused):
            return counts
        return MetricRow(line, video, platform, day, counts)

    def _platform_of(self, line: int, cells: Sequence[Cell], size: int) -> str | Refused | None:
        if self._platform is None or self._platform >= size:
            return None
        cell = cells[self._platform]
        if isinstance(cell, str) and (cached := self._platforms.get(cell)) is not None:
            return cached
        platform = _cell(line, Field.PLATFORM, cell, parse_platform)
        if isinstance(cell, str) and isinstance(platform, str):
            self._platforms[cell] = platform
        return platform

    def _day(self, line: int, cell: Cell) -> date | Refused:
        if isinstance(cell, str) and (cached := self._days.get(cell)) is not None:
            return cached
        day = _cell(line, Field.DATE, cell, lambda c: parse_day(c, self._latest))
        if isinstance(cell, str) and isinstance(day, date):
            self._days[cell] = day
        return day

    def _counts(self, line: int, cells: Sequence[Cell], size: int) -> Counts | Refused:
        values: list[int | None] = []
        append = values.append
        for index in self._indexes:
            if index is None or index >= size:
                append(None)
                continue
            cell = cells[index]
            if type(cell) is str and cell.isdigit() and cell.isascii():
                append(int(cell))  # the common case, without the checks' overhead
                continue
            value = _cell(line, METRICS[len(values)], cell, parse_count)
            if isinstance(value, Refused):
                return value
            append(value)
        if values.count(None) == len(values):
            return Refused(line, Reason.MISSING_VALUE, Field.PLAYS.value)
        return (values[0], values[1], values[2], values[3], values[4])


def _cell(line: int, column: Field, cell: Cell, parse: Callable[[Cell], T]) -> T | Refused:
    if is_formula(cell):
        return Refused(line, Reason.FORMULA, column.value, _shown(cell))
    try:
        return parse(cell)
    except CellRefused as refused:
        return Refused(line, Reason(refused.problem.value), column.value, _shown(cell))


def _shown(cell: Cell, limit: int = 40) -> str:
    text = cell_text(cell)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def reference_candidates(ref: str) -> tuple[str, ...]:
    """ "v12", "#v12", a platform id or URL as written; "12" also as "v12"."""
    if ref.isdigit() and len(ref) <= SHORT_CODE_DIGITS:
        return (ref, f"v{ref}")
    return (ref,)


def settle(parsed: ParsedMetrics, videos: Mapping[str, KnownVideo]) -> Settled:
    """Rows with their video resolved; unknown videos and second rows for a key refused."""
    rows: list[SettledRow] = []
    refused = list(parsed.refused)
    seen: dict[tuple[int, str, date], int] = {}
    for row in parsed.rows:
        video = _known(row.video, videos)
        if video is None:
            refused.append(Refused(row.line, Reason.UNKNOWN_VIDEO, Field.VIDEO.value, row.video))
            continue
        platform = row.platform or video.platform
        key = (video.id, platform, row.day)
        first = seen.setdefault(key, row.line)
        if first != row.line:
            refused.append(
                Refused(row.line, Reason.DUPLICATE, Field.VIDEO.value, f"{row.video} · {first}")
            )
            continue
        rows.append(SettledRow(row.line, video.id, platform, row.day, row.counts))
    refused.sort(key=lambda item: item.line)
    return Settled(rows, refused)


def merged(counts: Counts, before: Counts | None) -> Counts:
    """A number the row does not give keeps the stored one, or stays unknown."""
    if before is None:
        return counts
    values = [value if value is not None else before[i] for i, value in enumerate(counts)]
    return (values[0], values[1], values[2], values[3], values[4])


def refuse_decreasing(
    rows: Sequence[SettledRow], stored: Mapping[tuple[int, str, date], Counts]
) -> tuple[list[SettledRow], list[Refused]]:
    """Rows whose cumulative totals stay in order with the neighbouring days of their video and
    platform (stored ones and the rows kept before them), and the others refused.

    Per number, a total is refused when it is below the nearest earlier (or same-day stored)
    known total, or above the nearest later one: a platform's cumulative count does not go
    down, so this is a typo or another video's number, and storing it would show a negative
    change. Neighbours, not all days, so that one confirmed correction is the new baseline.
    """
    # Per (video, platform, metric): the known totals as days and values sorted by day.
    series: dict[tuple[int, str, int], tuple[list[date], list[int]]] = {}
    for (video_id, platform, day), counts in sorted(stored.items(), key=lambda item: item[0][2]):
        for index, value in enumerate(counts):
            if value is not None:
                days, values = series.setdefault((video_id, platform, index), ([], []))
                days.append(day)
                values.append(value)
    kept: list[SettledRow] = []
    refused: list[Refused] = []
    for row in rows:
        problem = _out_of_order(row, series)
        if problem is not None:
            refused.append(problem)
            continue
        kept.append(row)
        for index, value in enumerate(row.counts):
            if value is None:
                continue
            days, values = series.setdefault((row.video_id, row.platform, index), ([], []))
            at = bisect_left(days, row.day)
            if at < len(days) and days[at] == row.day:
                values[at] = value
            else:
                days.insert(at, row.day)
                values.insert(at, value)
    return kept, refused


def _out_of_order(
    row: SettledRow, series: Mapping[tuple[int, str, int], tuple[list[date], list[int]]]
) -> Refused | None:
    for index, value in enumerate(row.counts):
        known = series.get((row.video_id, row.platform, index))
        if value is None or known is None:
            continue
        days, values = known
        after = bisect_right(days, row.day)
        if after > 0 and value < values[after - 1]:
            return _decreasing(row, index, values[after - 1], days[after - 1])
        if after < len(days) and value > values[after]:
            return _decreasing(row, index, values[after], days[after])
    return None


def _decreasing(row: SettledRow, index: int, other: int, day: date) -> Refused:
    value = row.counts[index]
    shown = f"{value:,} · {other:,} ({day.isoformat()})"
    return Refused(row.line, Reason.DECREASING, METRICS[index].value, shown)


def _known(ref: str, videos: Mapping[str, KnownVideo]) -> KnownVideo | None:
    for candidate in reference_candidates(ref):
        found = videos.get(candidate)
        if found is not None:
            return found
    return None

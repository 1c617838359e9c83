"""Cell values of a platform-number file: counts, days, platforms, header names.

Counts as spreadsheets and platform dashboards write them: ``12000``, ``12,000``, ``12 000``,
full-width digits, ``1.2万`` or ``1.2萬`` (12,000), ``3亿``, ``1.2w``, ``8k``, and XLSX numbers.
Days: ISO, ``2026/11/28``, ``2026.11.28``, ``2026年11月28日``, ``20261128``, a date cell or an
Excel serial day number. Nothing here touches the database.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from bot.domain.video_metrics_read import Cell


class Field(StrEnum):
    VIDEO = "video"
    PLATFORM = "platform"
    DATE = "date"
    PLAYS = "plays"
    LIKES = "likes"
    COMMENTS = "comments"
    FAVOURITES = "favourites"
    SHARES = "shares"


METRICS: tuple[Field, ...] = (
    Field.PLAYS,
    Field.LIKES,
    Field.COMMENTS,
    Field.FAVOURITES,
    Field.SHARES,
)

_FIELD_NAMES: dict[Field, tuple[str, ...]] = {
    Field.VIDEO: (
        "video", "videos", "videocode", "videoid", "videourl", "code", "id", "url", "link",
        "视频", "视频编号", "视频代码", "视频id", "视频链接", "作品", "作品id", "作品链接", "链接",
        "编号",
    ),
    Field.PLATFORM: ("platform", "site", "平台", "渠道", "发布平台"),
    Field.DATE: ("date", "day", "日期", "统计日期", "数据日期", "日"),
    Field.PLAYS: (
        "plays", "play", "views", "view", "playcount", "viewcount",
        "播放量", "播放", "播放数", "播放次数", "观看", "观看量", "观看次数", "浏览量",
    ),
    Field.LIKES: ("likes", "like", "点赞", "点赞量", "点赞数", "获赞", "赞"),
    Field.COMMENTS: ("comments", "comment", "评论", "评论量", "评论数"),
    Field.FAVOURITES: (
        "favourites", "favorites", "favourite", "favorite", "saves", "collects",
        "收藏", "收藏量", "收藏数",
    ),
    Field.SHARES: (
        "shares", "share", "reposts", "分享", "分享量", "分享数", "转发", "转发量", "转发数",
    ),
}  # fmt: skip
HEADER_NAMES: dict[str, Field] = {
    name: field for field, names in _FIELD_NAMES.items() for name in names
}

PLATFORMS = (
    "douyin",
    "kuaishou",
    "bilibili",
    "youtube",
    "tiktok",
    "xiaohongshu",
    "weixin",
    "other",
)
_PLATFORM_NAMES: dict[str, tuple[str, ...]] = {
    "douyin": ("抖音",),
    "kuaishou": ("快手", "ks"),
    "bilibili": ("b站", "哔哩哔哩", "哔哩", "bili", "bstation"),
    "youtube": ("yt", "油管", "youtubeshorts"),
    "tiktok": ("tt", "tik tok"),
    "xiaohongshu": ("小红书", "xhs", "red", "rednote"),
    "weixin": ("微信", "视频号", "微信视频号", "wechat", "channels", "wechatchannels"),
    "other": ("其他", "其它"),
}
PLATFORM_NAMES: dict[str, str] = {
    alias: platform for platform, aliases in _PLATFORM_NAMES.items() for alias in aliases
} | {platform: platform for platform in PLATFORMS}

EMPTY_MARKS = frozenset({"", "-", "--", "—", "/", "n/a", "na", "null", "none"})
_UNITS = {
    "万": 10_000,
    "萬": 10_000,  # Traditional Chinese
    "w": 10_000,
    "亿": 100_000_000,
    "億": 100_000_000,
    "k": 1_000,
    "千": 1_000,
    "m": 1_000_000,
}
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_SEPARATORS = str.maketrans("", "", ",_ '\u00a0\u202f")
_DAY = re.compile(
    r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
    r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?"  # a time of day after it is ignored
)
_COMPACT_DAY = re.compile(r"(\d{4})(\d{2})(\d{2})")
_SERIAL = re.compile(r"\d{5}(?:\.0+)?")
EXCEL_EPOCH = date(1899, 12, 30)  # serial 1 = 1900-01-01, counting Excel's phantom 1900-02-29
FIRST_YEAR = 2005  # no short-video platform numbers before YouTube
SERIAL_RANGE = ((date(FIRST_YEAR, 1, 1) - EXCEL_EPOCH).days, (date(2100, 1, 1) - EXCEL_EPOCH).days)
# What str.isalnum rejects (\w is isalnum or "_"): one pass in C, where a generator over the
# characters made a str object per CJK character and grew faster than the text.
_NOT_ALPHANUMERIC = re.compile(r"[\W_]+")
_OPENERS = frozenset("(（[【")
_CLOSERS = frozenset(")）]】")
# Slices between these, not a step per character: a str object per CJK character made the
# pass grow faster than the text.
_BRACKET_MARKS = re.compile(r"[(（\[【)）\]】\n]")


class ValueProblem(StrEnum):
    NOT_A_NUMBER = "not_a_number"
    NEGATIVE = "negative"
    FORMULA = "formula"
    BAD_DATE = "bad_date"
    UNKNOWN_PLATFORM = "unknown_platform"


class CellRefused(Exception):
    def __init__(self, problem: ValueProblem) -> None:
        super().__init__(problem.value)
        self.problem = problem


def header_key(cell: Cell) -> str:
    """ "Plays (次)", " 播放量（次） ", "PLAY_COUNT" compare as "plays", "播放量", "playcount"."""
    if not isinstance(cell, str):
        return ""
    text = unicodedata.normalize("NFKC", cell).lower()
    text = without_brackets(text)
    return _NOT_ALPHANUMERIC.sub("", text)


def without_brackets(text: str) -> str:
    """The text without its bracketed parts: an opener up to the first closer after it on the
    same line ("播放量（次）" -> "播放量"). One pass from mark to mark: the lazy
    regex this replaces rescanned the rest of the line from every unclosed opener, so a header
    cell of 4 KB of "(" pinned the event loop for every group (quadratic), and a list of one int
    per character grew faster than the text (cache misses, bench hostile_input)."""
    kept: list[str] = []
    start = 0  # what is before it is decided
    opened: int | None = None  # the open bracket's offset
    for mark in _BRACKET_MARKS.finditer(text):
        char, at = mark[0], mark.start()
        if char in _CLOSERS and opened is not None:
            kept.append(text[start:opened])
            start, opened = at + 1, None
        elif char == "\n":
            opened = None  # unclosed on its line: it closes nothing after it either, kept
        elif char in _OPENERS and opened is None:
            opened = at
    kept.append(text[start:])
    return "".join(kept)


def header_field(cell: Cell) -> Field | None:
    return HEADER_NAMES.get(header_key(cell))


def header_score(row: Sequence[Cell]) -> int:
    return len({field for cell in row if (field := header_field(cell)) is not None})


def is_formula(cell: Cell) -> bool:
    return isinstance(cell, str) and cell.lstrip().startswith("=")


def cell_text(cell: Cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell).strip()


def parse_count(cell: Cell) -> int | None:
    """A non-negative whole count, or None for an empty cell; CellRefused otherwise."""
    if cell is None:
        return None
    if isinstance(cell, bool):
        raise CellRefused(ValueProblem.NOT_A_NUMBER)
    if isinstance(cell, int):
        return _non_negative(cell)
    if isinstance(cell, float):
        if not cell.is_integer():
            raise CellRefused(ValueProblem.NOT_A_NUMBER)
        return _non_negative(int(cell))
    if not isinstance(cell, str):
        raise CellRefused(ValueProblem.NOT_A_NUMBER)
    text = cell.strip()
    try:
        return _non_negative(int(text))  # the common case, fast
    except ValueError:
        pass
    return _count_text(text)


def _non_negative(value: int) -> int:
    if value < 0:
        raise CellRefused(ValueProblem.NEGATIVE)
    return value


def _count_text(text: str) -> int | None:
    if text.startswith("="):
        raise CellRefused(ValueProblem.FORMULA)
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
    text = text.translate(_SEPARATORS).replace("，", "").lower()
    if text in EMPTY_MARKS:
        return None
    negative = text.startswith(("-", "−"))
    text = text.lstrip("+-−")
    multiplier = 1
    if text and text[-1] in _UNITS:
        multiplier = _UNITS[text[-1]]
        text = text[:-1]
    if not _NUMBER.fullmatch(text):
        raise CellRefused(ValueProblem.NOT_A_NUMBER)
    if negative:
        raise CellRefused(ValueProblem.NEGATIVE)
    value = Decimal(text) * multiplier
    if multiplier == 1 and value != value.to_integral_value():
        raise CellRefused(ValueProblem.NOT_A_NUMBER)  # 12.5 plays: not a count
    # 1.23456万 is a dashboard's rounding of a whole count: round it back.
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def parse_day(cell: Cell, latest: date | None = None) -> date:
    """A day from a date cell, a text date or an Excel serial; not after `latest` when given."""
    if isinstance(cell, datetime):
        day = cell.date()
    elif isinstance(cell, date):
        day = cell
    elif isinstance(cell, bool) or cell is None:
        raise CellRefused(ValueProblem.BAD_DATE)
    elif isinstance(cell, int | float):
        day = _serial_day(cell)
    elif isinstance(cell, str):
        day = _text_day(cell.strip())
    else:
        raise CellRefused(ValueProblem.BAD_DATE)
    if day.year < FIRST_YEAR or (latest is not None and day > latest):
        raise CellRefused(ValueProblem.BAD_DATE)
    return day


def _serial_day(serial: float) -> date:
    if not float(serial).is_integer() or not SERIAL_RANGE[0] <= serial < SERIAL_RANGE[1]:
        raise CellRefused(ValueProblem.BAD_DATE)
    return EXCEL_EPOCH + timedelta(days=int(serial))


def _text_day(text: str) -> date:
    if text.startswith("="):
        raise CellRefused(ValueProblem.FORMULA)
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
    match = _DAY.fullmatch(text) or _COMPACT_DAY.fullmatch(text)
    if match is not None:
        try:
            return date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            raise CellRefused(ValueProblem.BAD_DATE) from None
    if _SERIAL.fullmatch(text):
        return _serial_day(float(text))
    raise CellRefused(ValueProblem.BAD_DATE)


def parse_platform(cell: Cell) -> str | None:
    """The canonical platform name, None for an empty cell; CellRefused when unknown."""
    text = cell_text(cell)
    if not text:
        return None
    if text.startswith("="):
        raise CellRefused(ValueProblem.FORMULA)
    key = unicodedata.normalize("NFKC", text).lower()
    found = PLATFORM_NAMES.get(key) or PLATFORM_NAMES.get(key.replace(" ", ""))
    if found is None:
        raise CellRefused(ValueProblem.UNKNOWN_PLATFORM)
    return found

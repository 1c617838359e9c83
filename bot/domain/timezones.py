"""A group's time zone as operators name it: an IANA name, a UTC offset or a city. Pure, no I/O.

    /timezone Asia/Shanghai    /timezone asia/shanghai    /timezone UTC+8    /timezone GMT-5
    /timezone 北京    /timezone 臺北    /timezone Tokyo    /timezone new york

Whole-hour offsets become the IANA `Etc/GMT∓N` zones (whose sign is inverted by POSIX
convention: UTC+8 is `Etc/GMT-8`); an offset has no daylight saving time, so a city is the better
answer for a place that has it, and the refusal of a half-hour offset says so.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from functools import cache
from zoneinfo import available_timezones

# Cities fans and operators type, in the three languages, beyond IANA's own city names.
CITIES: dict[str, str] = {
    **dict.fromkeys(
        (
            "北京",
            "上海",
            "深圳",
            "广州",
            "廣州",
            "杭州",
            "成都",
            "重庆",
            "重慶",
            "武汉",
            "武漢",
            "南京",
            "西安",
            "天津",
            "中国",
            "中國",
            "beijing",
            "peking",
            "china",
            "北京时间",
            "北京時間",
        ),
        "Asia/Shanghai",
    ),
    **dict.fromkeys(("台北", "臺北", "台湾", "臺灣", "taipei", "taiwan"), "Asia/Taipei"),
    **dict.fromkeys(("香港", "hong kong", "hongkong", "hk"), "Asia/Hong_Kong"),
    **dict.fromkeys(("澳门", "澳門", "macau", "macao"), "Asia/Macau"),
    **dict.fromkeys(("东京", "東京", "日本", "japan"), "Asia/Tokyo"),
    **dict.fromkeys(("首尔", "首爾", "韩国", "韓國", "korea"), "Asia/Seoul"),
    **dict.fromkeys(("新加坡",), "Asia/Singapore"),
    **dict.fromkeys(("吉隆坡",), "Asia/Kuala_Lumpur"),
    **dict.fromkeys(("曼谷",), "Asia/Bangkok"),
    **dict.fromkeys(("伦敦", "倫敦"), "Europe/London"),
    **dict.fromkeys(("巴黎",), "Europe/Paris"),
    **dict.fromkeys(("柏林",), "Europe/Berlin"),
    **dict.fromkeys(("纽约", "紐約", "new york", "nyc"), "America/New_York"),
    **dict.fromkeys(("洛杉矶", "洛杉磯", "los angeles"), "America/Los_Angeles"),
    **dict.fromkeys(("温哥华", "溫哥華"), "America/Vancouver"),
    **dict.fromkeys(("多伦多", "多倫多"), "America/Toronto"),
    **dict.fromkeys(("悉尼", "雪梨"), "Australia/Sydney"),
    **dict.fromkeys(("utc", "gmt", "协调世界时", "世界时"), "UTC"),
}
# What to offer as buttons, per reader language: the zones a group of theirs most likely has.
LIKELY: dict[str, tuple[str, ...]] = {
    "zh": ("Asia/Shanghai", "Asia/Hong_Kong", "Asia/Taipei", "Asia/Singapore"),
    "zh-Hant": ("Asia/Taipei", "Asia/Hong_Kong", "Asia/Shanghai", "Asia/Macau"),
    "en": ("America/New_York", "Europe/London", "America/Los_Angeles", "Asia/Singapore"),
}
_OFFSET = re.compile(r"(?:utc|gmt)?\s?([+-])\s?(\d{1,2})(?::?(\d{2}))?")
MAX_OFFSET_HOURS = 14


class TimezoneError(ValueError):
    """`code`: "unknown" (with close IANA names in `suggestions`) or "half-hour"."""

    def __init__(self, code: str, suggestions: tuple[str, ...] = ()) -> None:
        super().__init__(code)
        self.code = code
        self.suggestions = suggestions


@cache
def _zones() -> dict[str, str]:
    """Every IANA name, and its city part ("new york" for America/New_York), lower case."""
    found: dict[str, str] = {}
    for name in sorted(available_timezones()):
        found.setdefault(name.lower(), name)
        if "/" in name and not name.startswith("Etc/"):
            city = name.rsplit("/", 1)[1].replace("_", " ").lower()
            found.setdefault(city, name)
    return found


def parse_timezone(text: str) -> str:
    """The IANA name for what was typed; TimezoneError when there is none."""
    typed = " ".join(unicodedata.normalize("NFKC", text).strip().lower().split())
    if not typed:
        raise TimezoneError("unknown")
    if typed in CITIES:
        return CITIES[typed]
    zones = _zones()
    if typed in zones:
        return zones[typed]
    for spelling in (typed.replace(" ", "_"), typed.replace("_", " ")):
        if spelling in zones:
            return zones[spelling]
    offset = _OFFSET.fullmatch(typed)
    if offset is not None:
        return _offset_zone(offset)
    raise TimezoneError("unknown", _close(typed))


def _offset_zone(found: re.Match[str]) -> str:
    sign, hours, minutes = found[1], int(found[2]), int(found[3] or 0)
    if minutes:
        raise TimezoneError("half-hour")
    if hours > MAX_OFFSET_HOURS:
        raise TimezoneError("unknown")
    if hours == 0:
        return "UTC"
    # POSIX: Etc/GMT-8 is eight hours ahead of UTC.
    return f"Etc/GMT{'-' if sign == '+' else '+'}{hours}"


def _close(typed: str) -> tuple[str, ...]:
    zones = _zones()
    names = difflib.get_close_matches(typed, list(zones), n=1, cutoff=0.75)
    return tuple(dict.fromkeys(zones[name] for name in names))


def likely_zones(locale: str) -> tuple[str, ...]:
    return LIKELY.get(locale, LIKELY["en"])

"""Videos as operators name them: platform links, platform ids, codes, and the /video_add syntax.
Pure, no I/O.

    /video_add <URL | platform id | platform [URL | id]> | <title> [| <published, local time>]

A link is recognised for Douyin, Kuaishou, Bilibili (BV ids), YouTube (watch, shorts, youtu.be,
embed, live), TikTok and Xiaohongshu, and for WeChat Channels by its host; short share links
(v.douyin.com, b23.tv, vm.tiktok.com, xhslink.com...) name the platform but carry no id.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, time
from enum import StrEnum
from typing import Any
from urllib.parse import parse_qs, urlsplit
from zoneinfo import ZoneInfo

from bot.domain.recurrence import ScheduleError, to_utc, zone

TITLE_MAX = 200
URL_MAX = 1000
PLATFORM_ID_MAX = 128
NUMBER_MAX = 999_999_999
CLEAR = "-"  # /video_edit v3 id -  clears a field


class Platform(StrEnum):
    DOUYIN = "douyin"
    KUAISHOU = "kuaishou"
    BILIBILI = "bilibili"
    YOUTUBE = "youtube"
    TIKTOK = "tiktok"
    XIAOHONGSHU = "xiaohongshu"
    WEIXIN = "weixin"
    OTHER = "other"


_PLATFORM_WORDS: dict[str, Platform] = {
    **{platform.value: platform for platform in Platform},
    "抖音": Platform.DOUYIN,
    "快手": Platform.KUAISHOU,
    "b站": Platform.BILIBILI,
    "哔哩哔哩": Platform.BILIBILI,
    "bili": Platform.BILIBILI,
    "yt": Platform.YOUTUBE,
    "油管": Platform.YOUTUBE,
    "小红书": Platform.XIAOHONGSHU,
    "xhs": Platform.XIAOHONGSHU,
    "rednote": Platform.XIAOHONGSHU,
    "视频号": Platform.WEIXIN,
    "微信": Platform.WEIXIN,
    "wechat": Platform.WEIXIN,
    "其他": Platform.OTHER,
}


class VideoErrorCode(StrEnum):
    USAGE = "usage"
    NO_TITLE = "no-title"
    TITLE_TOO_LONG = "title-too-long"
    URL_TOO_LONG = "url-too-long"
    BAD_URL = "bad-url"
    UNKNOWN_PLATFORM = "unknown-platform"
    PLATFORM_MISMATCH = "platform-mismatch"
    BAD_PLATFORM_ID = "bad-platform-id"
    BAD_TIME = "bad-time"
    TIME_IN_THE_FUTURE = "time-in-the-future"
    BAD_CODE = "bad-code"
    UNKNOWN_FIELD = "unknown-field"


class VideoInputError(ValueError):
    """Bad input; `code` picks the localized message (`video-error-<code>`), `args` fill it."""

    def __init__(self, code: VideoErrorCode, **args: str | int) -> None:
        super().__init__(f"{code.value} {args}")
        self.code = code
        self.args_for_text = args


@dataclass(frozen=True, slots=True)
class VideoSource:
    """Where a video lives: its platform, the link as given, the platform's own id if known."""

    platform: Platform
    url: str | None = None
    platform_video_id: str | None = None


@dataclass(frozen=True, slots=True)
class VideoDraft:
    source: VideoSource
    title: str
    published_at: datetime | None  # UTC


_BV = re.compile(r"BV[0-9A-Za-z]{10}")
_AV = re.compile(r"av(\d{1,12})", re.IGNORECASE)
_YOUTUBE_ID = re.compile(r"[0-9A-Za-z_-]{11}")
_DIGITS = re.compile(r"\d{6,25}")
_XHS_ID = re.compile(r"[0-9a-f]{24}")
_KUAISHOU_ID = re.compile(r"[0-9A-Za-z_-]{6,64}")
_PLAIN_ID = re.compile(r"[0-9A-Za-z_.:-]{1,128}")
_CODE = re.compile(r"[#＃]?[vｖ](\d{1,9})", re.IGNORECASE)
_BARS = re.compile(r"[|｜]")


def platform_of(word: str) -> Platform | None:
    return _PLATFORM_WORDS.get(unicodedata.normalize("NFKC", word).strip().lower())


def code_number(ref: str) -> int | None:
    """12 for "v12", "V12", "#v12", "＃ｖ１２"; None when `ref` is not a video code."""
    found = _CODE.fullmatch(ref.strip())
    if found is None:
        return None
    number = int(found[1])
    return number if 0 < number <= NUMBER_MAX else None


def code(number: int) -> str:
    return f"v{number}"


def video_number(word: str) -> int:
    """The number of the video named `word`: v12, #v12, or plain 12."""
    number = code_number(word)
    if number is None and word.isdecimal() and len(word) <= 9 and int(word) > 0:
        number = int(word)
    if number is None:
        raise VideoInputError(VideoErrorCode.BAD_CODE, value=word[:40])
    return number


def looks_like_url(text: str) -> bool:
    lowered = text.lower()
    return lowered.startswith(("http://", "https://")) or bool(
        re.match(r"^[\w.-]+\.[a-z]{2,}/", lowered)
    )


def parse_url(text: str) -> VideoSource:
    """The platform and, when the link carries it, the video's id; any other web link is
    `other`. VideoInputError when it is not a web link."""
    url = text.strip()
    if len(url) > URL_MAX:
        raise VideoInputError(VideoErrorCode.URL_TOO_LONG, limit=URL_MAX)
    with_scheme = url if re.match(r"^https?://", url, re.IGNORECASE) else f"https://{url}"
    try:
        parts = urlsplit(with_scheme)
        host = (parts.hostname or "").lower()
    except ValueError:
        raise VideoInputError(VideoErrorCode.BAD_URL, url=url) from None
    if "." not in host or any(char.isspace() for char in url):
        raise VideoInputError(VideoErrorCode.BAD_URL, url=url)
    segments = [segment for segment in parts.path.split("/") if segment]
    query = parse_qs(parts.query)
    platform, video_id = _recognise(host, segments, query)
    return VideoSource(platform, url, video_id)


def _host_is(host: str, *domains: str) -> bool:
    return any(host == domain or host.endswith(f".{domain}") for domain in domains)


def _recognise(
    host: str, segments: list[str], query: dict[str, list[str]]
) -> tuple[Platform, str | None]:
    if _host_is(host, "youtube.com", "youtube-nocookie.com", "youtu.be"):
        return Platform.YOUTUBE, _youtube_id(host, segments, query)
    if _host_is(host, "bilibili.com", "b23.tv"):
        return Platform.BILIBILI, _bilibili_id(segments)
    if _host_is(host, "douyin.com", "iesdouyin.com"):
        found = _after(segments, ("video", "note")) or _first(query.get("modal_id"))
        return Platform.DOUYIN, _match(_DIGITS, found)
    if _host_is(host, "tiktok.com"):
        found = _after(segments, ("video", "v"))
        return Platform.TIKTOK, _match(_DIGITS, found.removesuffix(".html") if found else None)
    if _host_is(host, "kuaishou.com", "gifshow.com", "chenzhongtech.com", "kuaishouapp.com"):
        found = _after(segments, ("short-video", "photo", "fw"))
        if found == "photo" and len(segments) > 2:  # /fw/photo/<id>
            found = segments[2]
        return Platform.KUAISHOU, _match(_KUAISHOU_ID, found)
    if _host_is(host, "xiaohongshu.com", "xhslink.com"):
        found = _after(segments, ("explore", "item", "discovery"))
        if found == "item" and len(segments) > 2:  # /discovery/item/<id>
            found = segments[2]
        return Platform.XIAOHONGSHU, _match(_XHS_ID, found)
    if _host_is(host, "channels.weixin.qq.com", "weixin.qq.com"):
        return Platform.WEIXIN, None
    return Platform.OTHER, None


def _youtube_id(host: str, segments: list[str], query: dict[str, list[str]]) -> str | None:
    if _host_is(host, "youtu.be"):
        return _match(_YOUTUBE_ID, segments[0] if segments else None)
    if segments[:1] == ["watch"]:
        return _match(_YOUTUBE_ID, _first(query.get("v")))
    return _match(_YOUTUBE_ID, _after(segments, ("shorts", "embed", "live", "v")))


def _bilibili_id(segments: list[str]) -> str | None:
    for segment in segments:
        if _BV.fullmatch(segment):
            return segment
        if found := _AV.fullmatch(segment):
            return f"av{found[1]}"
    return None


def _after(segments: list[str], markers: tuple[str, ...]) -> str | None:
    for index, segment in enumerate(segments[:-1]):
        if segment in markers:
            return segments[index + 1]
    return None


def _first(values: list[str] | None) -> str | None:
    return values[0] if values else None


def _match(pattern: re.Pattern[str], value: str | None) -> str | None:
    return value if value is not None and pattern.fullmatch(value) else None


def parse_source(text: str) -> VideoSource:
    """`https://...`, `BV1xx411c7mD`, `douyin`, `douyin 7312...`, `youtube https://...`."""
    words = text.split()
    if not words:
        raise VideoInputError(VideoErrorCode.USAGE)
    if len(words) == 1:
        word = words[0]
        if looks_like_url(word):
            return parse_url(word)
        if _BV.fullmatch(word):
            return VideoSource(Platform.BILIBILI, None, word)
        platform = platform_of(word)
        if platform is None:
            raise VideoInputError(VideoErrorCode.UNKNOWN_PLATFORM, value=word)
        return VideoSource(platform)
    if looks_like_url(words[0]):
        raise VideoInputError(VideoErrorCode.BAD_URL, url=text.strip()[:200])
    if len(words) > 2:
        raise VideoInputError(VideoErrorCode.USAGE)
    platform = platform_of(words[0])
    if platform is None:
        raise VideoInputError(VideoErrorCode.UNKNOWN_PLATFORM, value=words[0])
    return with_platform(platform, words[1])


def with_platform(platform: Platform, value: str) -> VideoSource:
    """A link or id given for a named platform: a link must agree with it."""
    if looks_like_url(value):
        source = parse_url(value)
        if source.platform not in (platform, Platform.OTHER):
            raise VideoInputError(
                VideoErrorCode.PLATFORM_MISMATCH,
                platform=platform.value,
                found=source.platform.value,
            )
        return VideoSource(platform, source.url, source.platform_video_id)
    return VideoSource(platform, None, platform_id(value))


def platform_id(value: str) -> str:
    value = value.strip()
    if len(value) > PLATFORM_ID_MAX or not _PLAIN_ID.fullmatch(value):
        raise VideoInputError(VideoErrorCode.BAD_PLATFORM_ID, value=value[:40])
    return value


def parse_title(value: str) -> str:
    title = " ".join(value.split())
    if not title:
        raise VideoInputError(VideoErrorCode.NO_TITLE)
    if len(title) > TITLE_MAX:
        raise VideoInputError(VideoErrorCode.TITLE_TOO_LONG, length=len(title), limit=TITLE_MAX)
    return title


_LOCAL = re.compile(
    r"(?P<year>\d{4})[-/.年](?P<month>\d{1,2})[-/.月](?P<day>\d{1,2})日?"
    r"(?:[ tT]+(?P<hour>\d{1,2})[:：点](?P<minute>\d{2})?分?)?"
)


def parse_published(value: str, tz: str, now: datetime) -> datetime:
    """A local date (and time) in `tz`, in the past or now: when the video went out."""
    normalized = unicodedata.normalize("NFKC", value).strip()
    found = _LOCAL.fullmatch(normalized)
    if found is None:
        raise VideoInputError(VideoErrorCode.BAD_TIME, value=value)
    try:
        day = date(int(found["year"]), int(found["month"]), int(found["day"]))
        moment = time(int(found["hour"] or 0), int(found["minute"] or 0))
        instant = to_utc(datetime.combine(day, moment), zone(tz))
    except (ValueError, ScheduleError):
        raise VideoInputError(VideoErrorCode.BAD_TIME, value=value) from None
    if instant > now:
        raise VideoInputError(VideoErrorCode.TIME_IN_THE_FUTURE, value=value)
    return instant


def parse_video(text: str, *, timezone: str, now: datetime) -> VideoDraft:
    """`/video_add`'s arguments as a draft, or VideoInputError."""
    parts = [part.strip() for part in _BARS.split(text)]
    if len(parts) < 2 or len(parts) > 3:
        raise VideoInputError(VideoErrorCode.USAGE)
    source = parse_source(parts[0])
    title = parse_title(parts[1])
    published = parse_published(parts[2], timezone, now) if len(parts) == 3 and parts[2] else None
    return VideoDraft(source, title, published)


class VideoField(StrEnum):
    TITLE = "title"
    URL = "url"
    PLATFORM = "platform"
    ID = "id"
    PUBLISHED = "published"


_FIELD_WORDS: dict[str, VideoField] = {
    **{field.value: field for field in VideoField},
    "link": VideoField.URL,
    "标题": VideoField.TITLE,
    "链接": VideoField.URL,
    "平台": VideoField.PLATFORM,
    "编号": VideoField.ID,
    "发布": VideoField.PUBLISHED,
    "发布时间": VideoField.PUBLISHED,
    "time": VideoField.PUBLISHED,
}


def field_of(word: str) -> VideoField:
    found = _FIELD_WORDS.get(unicodedata.normalize("NFKC", word).strip().lower())
    if found is None:
        raise VideoInputError(VideoErrorCode.UNKNOWN_FIELD, value=word[:40])
    return found


_MENTION = re.compile(r"[#＃][vｖVＶ](\d{1,9})(?![\dA-Za-z_])")


def mentioned_numbers(text: str) -> set[int]:
    """The video numbers a comment mentions as `#v12` (any case, full-width ＃ and digits too)."""
    if "#" not in text and "＃" not in text:
        return set()
    return {number for found in _MENTION.findall(text) if (number := int(found)) > 0}


@dataclass(frozen=True, slots=True)
class StoredVideo:
    id: int
    chat_id: int
    number: int
    title: str
    platform: str
    url: str | None
    platform_video_id: str | None
    published_at: datetime | None
    created_at: datetime
    archived_at: datetime | None
    announcement_message_id: int | None
    channel_chat_id: int | None
    channel_message_id: int | None
    thread_message_id: int | None

    @property
    def code(self) -> str:
        return code(self.number)


def source_after(video: StoredVideo, values: dict[str, object]) -> VideoSource:
    """Where the video would live after an edit (to refuse one that duplicates another)."""
    platform = str(values.get("platform", video.platform))
    url = values.get("url", video.url)
    found = values.get("platform_video_id", video.platform_video_id)
    return VideoSource(
        Platform(platform),
        url if isinstance(url, str) else None,
        found if isinstance(found, str) else None,
    )


@dataclass(frozen=True, slots=True)
class VideoEdit:
    values: dict[str, Any]  # the columns to update
    shown: str  # the new value as the operator reads it back


def edit_of(
    field: VideoField, value: str, video: StoredVideo, timezone: str, now: datetime
) -> VideoEdit:
    """What `/video_edit <code> <field> <value>` changes; `-` clears an optional field."""
    cleared = value == CLEAR
    if field is VideoField.TITLE:
        title = parse_title(value)
        return VideoEdit({"title": title}, title)
    if field is VideoField.PLATFORM:
        platform = platform_of(value)
        if platform is None:
            raise VideoInputError(VideoErrorCode.UNKNOWN_PLATFORM, value=value[:40])
        return VideoEdit({"platform": platform.value}, platform.value)
    if field is VideoField.ID:
        found = None if cleared else platform_id(value)
        return VideoEdit({"platform_video_id": found}, found or CLEAR)
    if field is VideoField.PUBLISHED:
        published = None if cleared else parse_published(value, timezone, now)
        return VideoEdit({"published_at": published}, local_time(published, timezone) or CLEAR)
    if cleared:
        return VideoEdit({"url": None}, CLEAR)
    source = parse_url(value)
    values: dict[str, Any] = {"url": source.url}
    if source.platform is not Platform.OTHER:
        values["platform"] = source.platform.value
        if source.platform_video_id is not None:
            values["platform_video_id"] = source.platform_video_id
        elif source.platform.value != video.platform:
            values["platform_video_id"] = None
    return VideoEdit(values, value)


def local_time(value: datetime | None, timezone: str) -> str:
    """A moment as the group reads it ("" for none)."""
    if value is None:
        return ""
    return f"{value.astimezone(ZoneInfo(timezone)):%Y-%m-%d %H:%M}"

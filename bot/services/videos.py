"""The video registry's use cases: add, list, edit, archive, announce, link by hand, and the
channel post's automatic forward that roots a video's discussion thread.

Each change is one transaction with its audit entry. Refusals are typed exceptions (or, for a
change that was already made, a `changed` flag); handlers/videos.py says them in the reader's
words. Telegram stays behind `VideoCourier` (bot/telegram/video_courier.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.db import audit
from bot.db import video_linking as links
from bot.db import videos as store
from bot.db.chat_settings import group, group_language
from bot.domain.audit import AuditEvent
from bot.domain.roles import Actor
from bot.domain.videos import (
    StoredVideo,
    VideoDraft,
    VideoErrorCode,
    VideoField,
    VideoInputError,
    edit_of,
    field_of,
    parse_video,
    source_after,
    video_number,
)
from bot.domain.videos import code as video_code
from bot.i18n import Html, Locale, Texts, Translator, locale_of

NUMBER_ATTEMPTS = 3
PAGE_SIZE = 10
MAX_ARGUMENTS = 2_000


class PostRefused(Exception):
    """Telegram refused the announcement (the bot may not post there)."""


class VideoCourier(Protocol):
    async def linked_channel(self, chat_id: int) -> int | None:
        """The channel linked to the group; None when there is none or it cannot be asked."""

    async def post(self, chat_id: int, text: Html) -> int:
        """The posted message's id; PostRefused when Telegram refuses it."""


class VideoRefused(Exception):
    """Why a video command changed nothing."""


class UnknownVideo(VideoRefused):
    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


class DuplicateVideo(VideoRefused):
    """Another video of the group already has this link or platform id."""

    def __init__(self, video: StoredVideo) -> None:
        super().__init__(video.code)
        self.video = video


class NumbersBusy(VideoRefused):
    """Others kept taking the next number: the operator may try again."""


class VideoArchived(VideoRefused):
    def __init__(self, video: StoredVideo) -> None:
        super().__init__(video.code)
        self.video = video


class NoLinkedChannel(VideoRefused):
    pass


class AnnounceFailed(VideoRefused):
    def __init__(self, *, in_channel: bool) -> None:
        super().__init__("channel" if in_channel else "group")
        self.in_channel = in_channel


class UnknownComment(VideoRefused):
    """The replied-to message is not a stored comment of the group."""


@dataclass(frozen=True, slots=True)
class Added:
    video: StoredVideo
    timezone: str


@dataclass(frozen=True, slots=True)
class VideoPage:
    videos: list[StoredVideo]
    linked: dict[int, int]  # video id -> active comment links
    page: int  # from 0
    pages: int
    total: int
    timezone: str


@dataclass(frozen=True, slots=True)
class Edited:
    code: str
    field: VideoField
    shown: str


@dataclass(frozen=True, slots=True)
class Changed:
    """An archive or link command's video, and whether it changed (False: it already was)."""

    code: str
    changed: bool = True


class VideoRegistry:
    def __init__(
        self,
        session_factory: async_sessionmaker[AsyncSession],
        translator: Translator,
        courier: VideoCourier,
        *,
        default_timezone: str,
        default_language: Locale,
    ) -> None:
        self._session_factory = session_factory
        self._translator = translator
        self._courier = courier
        self._default_timezone = default_timezone
        self._default_language = default_language

    # registering

    async def add(self, chat_id: int, actor: Actor, arguments: str, now: datetime) -> Added:
        """VideoInputError when the arguments do not read as a video."""
        timezone = await self._timezone(chat_id)
        if len(arguments) > MAX_ARGUMENTS:
            raise VideoInputError(VideoErrorCode.USAGE)
        draft = parse_video(arguments, timezone=timezone, now=now)
        return Added(await self._register(chat_id, actor, draft, now), timezone)

    async def _register(
        self, chat_id: int, actor: Actor, draft: VideoDraft, now: datetime
    ) -> StoredVideo:
        """Two operators adding at once may take the same number: the loser's transaction fails
        on UNIQUE (chat_id, number) and tries again with the next one."""
        for _ in range(NUMBER_ATTEMPTS):
            try:
                async with self._session_factory() as session, session.begin():
                    duplicate = await store.same_source(session, chat_id, draft.source)
                    if duplicate is not None:
                        raise DuplicateVideo(duplicate)
                    video = await store.add_video(
                        session,
                        chat_id,
                        source=draft.source,
                        title=draft.title,
                        published_at=draft.published_at,
                        created_by=actor.user_id,
                        now=now,
                    )
                    detail = f"{video.code} {video.title}"
                    await _record(session, chat_id, actor, "video-added", now, detail=detail)
                return video
            except IntegrityError:
                continue
        raise NumbersBusy

    # listing

    async def page(self, chat_id: int, wanted: int, *, archived: bool) -> VideoPage:
        """Page `wanted` (from 0, kept within the pages there are), newest first."""
        timezone = await self._timezone(chat_id)
        async with self._session_factory() as session:
            total = await store.count_videos(session, chat_id, archived=archived)
            pages = max(1, -(-total // PAGE_SIZE))
            page = min(max(wanted, 0), pages - 1)
            videos = await store.page_of_videos(
                session, chat_id, archived=archived, offset=page * PAGE_SIZE, limit=PAGE_SIZE
            )
            linked = await links.active_counts(session, [video.id for video in videos])
        return VideoPage(videos, linked, page, pages, total, timezone)

    # editing, archiving

    async def edit(
        self,
        chat_id: int,
        actor: Actor,
        reference: str,
        field_word: str,
        value: str,
        *,
        now: datetime,
    ) -> Edited:
        timezone = await self._timezone(chat_id)
        async with self._session_factory() as session, session.begin():
            video = await _find(session, chat_id, reference)
            field = field_of(field_word)
            edit = edit_of(field, value.strip(), video, timezone, now)
            merged = source_after(video, edit.values)
            duplicate = await store.same_source(session, chat_id, merged, excluding=video.id)
            if duplicate is not None:
                raise DuplicateVideo(duplicate)
            await store.update_video(session, video.id, **edit.values)
            detail = f"{video.code} {field.value}"
            await _record(session, chat_id, actor, "video-edited", now, detail=detail)
        return Edited(video.code, field, edit.shown)

    async def archive(
        self, chat_id: int, actor: Actor, reference: str, now: datetime, *, archive: bool
    ) -> Changed:
        async with self._session_factory() as session, session.begin():
            video = await _find(session, chat_id, reference)
            if (video.archived_at is not None) == archive:
                return Changed(video.code, changed=False)
            await store.update_video(session, video.id, archived_at=now if archive else None)
            action = "video-archived" if archive else "video-unarchived"
            await _record(session, chat_id, actor, action, now, detail=video.code)
        return Changed(video.code)

    # announcing

    async def find(self, chat_id: int, reference: str) -> StoredVideo:
        """The group's video named by `reference`; VideoInputError or UnknownVideo otherwise."""
        async with self._session_factory() as session:
            return await _find(session, chat_id, reference)

    async def announce(
        self, chat_id: int, actor: Actor, reference: str, now: datetime, *, in_channel: bool
    ) -> StoredVideo:
        """Posts the video's announcement in the group's language, in the group or in its linked
        channel, and remembers the post (replies to it, comments under it link to the video)."""
        async with self._session_factory() as session:
            video = await _find(session, chat_id, reference)
            language = await group_language(session, chat_id)
        if video.archived_at is not None:
            raise VideoArchived(video)
        group_texts = self._translator.bind(locale_of(language) or self._default_language)
        post = announcement(group_texts, video, in_channel=in_channel)
        target = chat_id
        if in_channel:
            linked = await self._courier.linked_channel(chat_id)
            if linked is None:
                raise NoLinkedChannel
            target = linked
        try:
            message_id = await self._courier.post(target, post)
        except PostRefused as error:
            raise AnnounceFailed(in_channel=in_channel) from error
        values: dict[str, Any] = (
            {"channel_chat_id": target, "channel_message_id": message_id, "thread_message_id": None}
            if in_channel
            else {"announcement_message_id": message_id}
        )
        async with self._session_factory() as session, session.begin():
            await store.update_video(session, video.id, **values)
            where = "channel" if in_channel else "group"
            await _record(
                session, chat_id, actor, "video-announced", now, detail=f"{video.code} {where}"
            )
        return video

    async def thread_rooted(
        self, chat_id: int, channel_chat_id: int, channel_message_id: int, message_id: int
    ) -> None:
        """The automatic forward `message_id` of a channel post arrived in the group: comments on
        the post arrive in its thread, so it is what links them to the video."""
        async with self._session_factory() as session, session.begin():
            await store.remember_thread_root(
                session, chat_id, channel_chat_id, channel_message_id, message_id
            )

    # linking by hand

    async def link(
        self, chat_id: int, actor: Actor, reference: str, message_id: int, now: datetime
    ) -> Changed:
        """UnknownComment when `message_id` is not a stored comment of the group."""
        async with self._session_factory() as session, session.begin():
            video = await _find(session, chat_id, reference)
            if video.archived_at is not None:
                raise VideoArchived(video)
            if not await links.comment_stored(session, chat_id, message_id):
                raise UnknownComment
            if not await links.link_by_hand(session, chat_id, message_id, video.id, now):
                return Changed(video.code, changed=False)
            detail = f"{video.code} {message_id}"
            await _record(session, chat_id, actor, "video-linked", now, detail=detail)
        return Changed(video.code)

    async def unlink(
        self, chat_id: int, actor: Actor, reference: str, message_id: int, now: datetime
    ) -> Changed:
        async with self._session_factory() as session, session.begin():
            video = await _find(session, chat_id, reference)
            if not await links.unlink_by_hand(session, chat_id, message_id, video.id):
                return Changed(video.code, changed=False)
            detail = f"{video.code} {message_id}"
            await _record(session, chat_id, actor, "video-unlinked", now, detail=detail)
        return Changed(video.code)

    async def _timezone(self, chat_id: int) -> str:
        async with self._session_factory() as session:
            record = await group(session, chat_id)
        return (record.timezone if record else None) or self._default_timezone


def announcement(texts: Texts, video: StoredVideo, *, in_channel: bool) -> Html:
    parts = [texts("video-announcement", code=video.code, title=video.title)]
    if video.url:
        parts.append(texts("video-line-url", url=video.url))
    call = "video-announcement-comment" if in_channel else "video-announcement-reply"
    parts.append(texts(call, code=video.code))
    return texts.lines(parts)


async def _find(session: AsyncSession, chat_id: int, word: str) -> StoredVideo:
    """The group's video named by `word` (v12, #v12, 12): VideoInputError when `word` names no
    video, UnknownVideo when the group has none by that number."""
    number = video_number(word)
    video = await store.by_number(session, chat_id, number)
    if video is None:
        raise UnknownVideo(video_code(number))
    return video


async def _record(
    session: AsyncSession, chat_id: int, actor: Actor, action: str, at: datetime, *, detail: str
) -> None:
    event = AuditEvent(chat_id=chat_id, actor=actor, action=action, at=at, detail=detail)
    await audit.record(session, event)

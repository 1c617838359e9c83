"""Videos: /video_add, /videos, /video_edit, /video_archive, /video_unarchive, /video_announce,
and /link, /unlink (in reply to a comment).

    /video_add https://www.bilibili.com/video/BV1xx411c7mD | New MV | 2026-11-20 18:00
    /video_add douyin 7312345678901234567 | Cat vlog
    /video_edit v3 title Cat vlog, part 2          fields: title, url, platform, id, published
    /video_announce v3             posts in the group; `/video_announce v3 channel` in the
                                   channel linked to the group
    /link v3, /unlink v3           in reply to a fan's comment

The automatic forward of a video's channel post into the group roots the post's discussion
thread: its message id is remembered, so comments there link to the video at flush time
(bot/db/video_linking.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from aiogram import Bot, Router
from aiogram.exceptions import TelegramBadRequest, TelegramForbiddenError
from aiogram.filters import CommandObject, Filter
from aiogram.filters.callback_data import CallbackData
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message, MessageOriginChannel
from aiogram.utils.keyboard import InlineKeyboardBuilder
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.config import Settings
from bot.db import audit
from bot.db import video_linking as links
from bot.db import videos as store
from bot.db.chat_settings import group
from bot.db.videos import StoredVideo
from bot.domain.roles import OperatorCommand, Role
from bot.domain.videos import (
    Platform,
    VideoDraft,
    VideoErrorCode,
    VideoField,
    VideoInputError,
    code_number,
    field_of,
    parse_published,
    parse_title,
    parse_url,
    parse_video,
    platform_id,
    platform_of,
)
from bot.domain.videos import code as video_code
from bot.i18n import Html, Texts, Translator
from bot.telegram.show_in_place import show_in_place
from handlers.authority import operator_callback, operator_command
from handlers.callbacks import BigInt
from handlers.features import Feature
from handlers.filters import GROUP_CHAT_TYPES
from handlers.middlewares import OperatorContext, group_locale

VIDEO_ADD = OperatorCommand("video_add", Role.OPERATOR)
VIDEOS = OperatorCommand("videos", Role.ANALYST)
VIDEOS_PAGE = OperatorCommand("videos-page", Role.ANALYST)
VIDEO_EDIT = OperatorCommand("video_edit", Role.OPERATOR)
VIDEO_ARCHIVE = OperatorCommand("video_archive", Role.OPERATOR)
VIDEO_UNARCHIVE = OperatorCommand("video_unarchive", Role.OPERATOR)
VIDEO_ANNOUNCE = OperatorCommand("video_announce", Role.OPERATOR)
LINK = OperatorCommand("link", Role.OPERATOR, console=False)
UNLINK = OperatorCommand("unlink", Role.OPERATOR, console=False)

NUMBER_ATTEMPTS = 3
PAGE_SIZE = 10
SHOWN_URL = 120  # ten lines of title (200), link and details stay under 4096
MAX_ARGUMENTS = 2_000
CLEAR = "-"
_ALL_WORDS = frozenset({"all", "archived", "全部", "归档"})
_CHANNEL_WORDS = frozenset({"channel", "频道"})
_HELP_WORDS = frozenset({"help", "帮助"})


class VideoPageCb(CallbackData, prefix="vp1"):
    chat_id: BigInt
    page: BigInt
    archived: bool


def _error(texts: Texts, error: VideoInputError) -> Html:
    return texts(f"video-error-{error.code.value}", **error.args_for_text)


async def _timezone(
    session_factory: async_sessionmaker[AsyncSession], chat_id: int, settings: Settings
) -> str:
    async with session_factory() as session:
        record = await group(session, chat_id)
    return (record.timezone if record else None) or settings.default_timezone


def _video_number(word: str) -> int:
    number = code_number(word)
    if number is None and word.isdecimal() and len(word) <= 9 and int(word) > 0:
        number = int(word)
    if number is None:
        raise VideoInputError(VideoErrorCode.BAD_CODE, value=word[:40])
    return number


async def _find(session: AsyncSession, chat_id: int, word: str, texts: Texts) -> StoredVideo | Html:
    """The group's video named by `word` (v12, #v12, 12), or the message that says why not."""
    try:
        number = _video_number(word)
    except VideoInputError as error:
        return _error(texts, error)
    video = await store.by_number(session, chat_id, number)
    if video is None:
        return texts("video-unknown", code=video_code(number))
    return video


def _describe(texts: Texts, video: StoredVideo, timezone: str, linked: int = 0) -> Html:
    """A video as a list shows it: code, title, platform; then what is known of it."""
    head = texts(
        "video-line",
        code=video.code,
        title=video.title,
        platform=video.platform,
        archived=_yes(video.archived_at is not None),
        linked=linked,
    )
    details = []
    if video.platform_video_id:
        details.append(texts("video-line-id", id=video.platform_video_id))
    if video.published_at is not None:
        details.append(
            texts("video-line-published", when=_local_time(video.published_at, timezone))
        )
    if video.url:
        details.append(texts("video-line-url", url=_shown_url(video.url)))
    return Html(head + "".join(f"\n    {detail}" for detail in details))


def _shown_url(url: str) -> str:
    """A list line shows the start of a long link: ten videos stay within one message."""
    return url if len(url) <= SHOWN_URL else url[: SHOWN_URL - 1] + "\u2026"


def _local_time(value: datetime | None, timezone: str) -> str:
    if value is None:
        return ""
    return f"{value.astimezone(ZoneInfo(timezone)):%Y-%m-%d %H:%M}"


# registering


async def cmd_video_add(
    message: Message,
    *,
    command: CommandObject,
    operator: OperatorContext,
    texts: Texts,
    session_factory: async_sessionmaker[AsyncSession],
    settings: Settings,
) -> None:
    arguments = (command.args or "").strip()
    if not arguments or arguments.lower() in _HELP_WORDS:
        await message.reply(texts("video-help"))
        return
    now = datetime.now(UTC)
    timezone = await _timezone(session_factory, operator.chat_id, settings)
    try:
        if len(arguments) > MAX_ARGUMENTS:
            raise VideoInputError(VideoErrorCode.USAGE)
        draft = parse_video(arguments, timezone=timezone, now=now)
    except VideoInputError as error:
        await message.reply(texts.lines([_error(texts, error), texts("video-error-hint")]))
        return
    registered = await _register(session_factory, operator, draft, now, texts)
    if isinstance(registered, Html):
        await message.reply(registered)
        return
    await message.reply(
        texts.lines(
            [texts("video-added", code=registered.code), _describe(texts, registered, timezone)]
        )
    )


async def _register(
    session_factory: async_sessionmaker[AsyncSession],
    operator: OperatorContext,
    draft: VideoDraft,
    now: datetime,
    texts: Texts,
) -> StoredVideo | Html:
    """The new video, or why not. Two operators adding at once may take the same number: the
    loser's transaction fails on UNIQUE (chat_id, number) and tries again with the next one."""
    for _ in range(NUMBER_ATTEMPTS):
        try:
            async with session_factory() as session, session.begin():
                duplicate = await store.same_source(session, operator.chat_id, draft.source)
                if duplicate is not None:
                    return texts("video-duplicate", code=duplicate.code, title=duplicate.title)
                video = await store.add_video(
                    session,
                    operator.chat_id,
                    source=draft.source,
                    title=draft.title,
                    published_at=draft.published_at,
                    created_by=operator.actor.user_id,
                    now=now,
                )
                detail = f"{video.code} {video.title}"
                await audit.record(session, operator.audit("video-added", now, detail=detail))
            return video
        except IntegrityError:
            continue
    return texts("video-busy")


# listing


async def cmd_videos(
    message: Message,
    *,
    command: CommandObject,
    operator: OperatorContext,
    texts: Texts,
    session_factory: async_sessionmaker[AsyncSession],
    settings: Settings,
) -> None:
    archived, page = False, 0
    for word in (command.args or "").lower().split():
        if word in _ALL_WORDS:
            archived = True
        elif word.isdecimal() and len(word) <= 6 and int(word) > 0:
            page = int(word) - 1
        else:
            await message.reply(texts("videos-usage"))
            return
    text, keyboard = await _render(
        operator, texts, session_factory, settings, wanted=page, archived=archived
    )
    await message.answer(text, reply_markup=keyboard, disable_web_page_preview=True)


async def cb_videos_page(
    query: CallbackQuery,
    *,
    callback_data: VideoPageCb,
    operator: OperatorContext,
    texts: Texts,
    session_factory: async_sessionmaker[AsyncSession],
    settings: Settings,
) -> None:
    text, keyboard = await _render(
        operator,
        texts,
        session_factory,
        settings,
        wanted=callback_data.page,
        archived=callback_data.archived,
    )
    await show_in_place(query, text, keyboard, disable_web_page_preview=True)


async def _render(
    operator: OperatorContext,
    texts: Texts,
    session_factory: async_sessionmaker[AsyncSession],
    settings: Settings,
    *,
    wanted: int,
    archived: bool,
) -> tuple[Html, InlineKeyboardMarkup | None]:
    timezone = await _timezone(session_factory, operator.chat_id, settings)
    async with session_factory() as session:
        total = await store.count_videos(session, operator.chat_id, archived=archived)
        pages = max(1, -(-total // PAGE_SIZE))
        page = min(max(wanted, 0), pages - 1)
        videos = await store.page_of_videos(
            session, operator.chat_id, archived=archived, offset=page * PAGE_SIZE, limit=PAGE_SIZE
        )
        counts = await links.active_counts(session, [video.id for video in videos])
    if not videos:
        key = "videos-none-at-all" if archived else "videos-none"
        return texts(key, title=operator.title), None
    lines = [texts("videos-title", title=operator.title, page=page + 1, pages=pages, total=total)]
    lines += [_describe(texts, video, timezone, counts.get(video.id, 0)) for video in videos]
    if not archived:
        lines.append(texts("videos-archived-hint"))
    return texts.lines(lines), _keyboard(texts, operator.chat_id, page, pages, archived)


def _keyboard(
    texts: Texts, chat_id: int, page: int, pages: int, archived: bool
) -> InlineKeyboardMarkup | None:
    if pages <= 1:
        return None
    builder = InlineKeyboardBuilder()
    if page > 0:
        builder.button(
            text=texts.plain("videos-newer"),
            callback_data=VideoPageCb(chat_id=chat_id, page=page - 1, archived=archived),
        )
    if page + 1 < pages:
        builder.button(
            text=texts.plain("videos-older"),
            callback_data=VideoPageCb(chat_id=chat_id, page=page + 1, archived=archived),
        )
    return builder.as_markup()


# editing, archiving


@dataclass(frozen=True, slots=True)
class Edit:
    values: dict[str, Any]
    shown: str


def _edit_of(
    field: VideoField, value: str, video: StoredVideo, timezone: str, now: datetime
) -> Edit:
    cleared = value == CLEAR
    if field is VideoField.TITLE:
        title = parse_title(value)
        return Edit({"title": title}, title)
    if field is VideoField.PLATFORM:
        platform = platform_of(value)
        if platform is None:
            raise VideoInputError(VideoErrorCode.UNKNOWN_PLATFORM, value=value[:40])
        return Edit({"platform": platform.value}, platform.value)
    if field is VideoField.ID:
        found = None if cleared else platform_id(value)
        return Edit({"platform_video_id": found}, found or CLEAR)
    if field is VideoField.PUBLISHED:
        published = None if cleared else parse_published(value, timezone, now)
        return Edit({"published_at": published}, _local_time(published, timezone) or CLEAR)
    if cleared:
        return Edit({"url": None}, CLEAR)
    source = parse_url(value)
    values: dict[str, Any] = {"url": source.url}
    if source.platform is not Platform.OTHER:
        values["platform"] = source.platform.value
        if source.platform_video_id is not None:
            values["platform_video_id"] = source.platform_video_id
        elif source.platform.value != video.platform:
            values["platform_video_id"] = None
    return Edit(values, value)


async def cmd_video_edit(
    message: Message,
    *,
    command: CommandObject,
    operator: OperatorContext,
    texts: Texts,
    session_factory: async_sessionmaker[AsyncSession],
    settings: Settings,
) -> None:
    words = (command.args or "").strip().split(maxsplit=2)
    if len(words) < 3 or len(words[2]) > MAX_ARGUMENTS:
        await message.reply(texts("video-edit-usage"))
        return
    reference, field_word, value = words
    now = datetime.now(UTC)
    timezone = await _timezone(session_factory, operator.chat_id, settings)
    async with session_factory() as session, session.begin():
        found = await _find(session, operator.chat_id, reference, texts)
        if not isinstance(found, StoredVideo):
            reply: Html = found
        else:
            reply = await _apply_edit(
                session,
                operator,
                texts,
                found,
                field_word=field_word,
                value=value,
                now=now,
                timezone=timezone,
            )
    await message.reply(reply, disable_web_page_preview=True)


async def _apply_edit(
    session: AsyncSession,
    operator: OperatorContext,
    texts: Texts,
    video: StoredVideo,
    *,
    field_word: str,
    value: str,
    now: datetime,
    timezone: str,
) -> Html:
    try:
        field = field_of(field_word)
        edit = _edit_of(field, value.strip(), video, timezone, now)
    except VideoInputError as error:
        return _error(texts, error)
    merged = store.source_after(video, edit.values)
    duplicate = await store.same_source(session, operator.chat_id, merged, excluding=video.id)
    if duplicate is not None:
        return texts("video-duplicate", code=duplicate.code, title=duplicate.title)
    await store.update_video(session, video.id, **edit.values)
    await audit.record(
        session, operator.audit("video-edited", now, detail=f"{video.code} {field.value}")
    )
    return texts("video-edited", code=video.code, field=field.value, value=edit.shown)


async def _archive(
    message: Message,
    command: CommandObject,
    operator: OperatorContext,
    texts: Texts,
    session_factory: async_sessionmaker[AsyncSession],
    *,
    archive: bool,
) -> None:
    words = (command.args or "").split()
    if len(words) != 1:
        await message.reply(texts("video-archive-usage"))
        return
    now = datetime.now(UTC)
    async with session_factory() as session, session.begin():
        found = await _find(session, operator.chat_id, words[0], texts)
        if not isinstance(found, StoredVideo):
            reply: Html = found
        elif (found.archived_at is not None) == archive:
            reply = texts("video-archive-unchanged", code=found.code, archived=_yes(archive))
        else:
            await store.update_video(session, found.id, archived_at=now if archive else None)
            action = "video-archived" if archive else "video-unarchived"
            await audit.record(session, operator.audit(action, now, detail=found.code))
            reply = texts("video-archive-done", code=found.code, archived=_yes(archive))
    await message.reply(reply)


def _yes(value: bool) -> str:
    return "yes" if value else "no"


async def cmd_video_archive(
    message: Message,
    *,
    command: CommandObject,
    operator: OperatorContext,
    texts: Texts,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    await _archive(message, command, operator, texts, session_factory, archive=True)


async def cmd_video_unarchive(
    message: Message,
    *,
    command: CommandObject,
    operator: OperatorContext,
    texts: Texts,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    await _archive(message, command, operator, texts, session_factory, archive=False)


# announcing


async def cmd_video_announce(
    message: Message,
    *,
    bot: Bot,
    command: CommandObject,
    operator: OperatorContext,
    texts: Texts,
    session_factory: async_sessionmaker[AsyncSession],
    settings: Settings,
    translator: Translator,
) -> None:
    words = (command.args or "").lower().split()
    if not 1 <= len(words) <= 2 or (len(words) == 2 and words[1] not in _CHANNEL_WORDS):
        await message.reply(texts("video-announce-usage"))
        return
    in_channel = len(words) == 2
    async with session_factory() as session:
        found = await _find(session, operator.chat_id, words[0], texts)
    if not isinstance(found, StoredVideo):
        await message.reply(found)
        return
    if found.archived_at is not None:
        await message.reply(texts("video-announce-archived", code=found.code))
        return
    group_texts = translator.bind(await group_locale(session_factory, operator.chat_id, settings))
    post = announcement(group_texts, found, in_channel=in_channel)
    target = operator.chat_id
    if in_channel:
        linked = await _linked_channel(bot, operator.chat_id)
        if linked is None:
            await message.reply(texts("video-announce-no-channel", title=operator.title))
            return
        target = linked
    try:
        sent = await bot.send_message(target, post)
    except (TelegramBadRequest, TelegramForbiddenError):
        key = "video-announce-channel-failed" if in_channel else "video-announce-failed"
        await message.reply(texts(key, title=operator.title))
        return
    now = datetime.now(UTC)
    values: dict[str, Any] = (
        {
            "channel_chat_id": target,
            "channel_message_id": sent.message_id,
            "thread_message_id": None,
        }
        if in_channel
        else {"announcement_message_id": sent.message_id}
    )
    async with session_factory() as session, session.begin():
        await store.update_video(session, found.id, **values)
        where = "channel" if in_channel else "group"
        await audit.record(
            session, operator.audit("video-announced", now, detail=f"{found.code} {where}")
        )
    if operator.in_private or in_channel:
        await message.reply(texts("video-announced", code=found.code, channel=_yes(in_channel)))


def announcement(texts: Texts, video: StoredVideo, *, in_channel: bool) -> Html:
    parts = [texts("video-announcement", code=video.code, title=video.title)]
    if video.url:
        parts.append(texts("video-line-url", url=video.url))
    call = "video-announcement-comment" if in_channel else "video-announcement-reply"
    parts.append(texts(call, code=video.code))
    return texts.lines(parts)


async def _linked_channel(bot: Bot, chat_id: int) -> int | None:
    try:
        chat = await bot.get_chat(chat_id)
    except (TelegramBadRequest, TelegramForbiddenError):
        return None
    return chat.linked_chat_id


class AutomaticForward(Filter):
    """The copy Telegram posts in a discussion group of each post in its linked channel."""

    async def __call__(self, message: Message) -> bool:
        return (
            message.is_automatic_forward is True
            and message.chat.type in GROUP_CHAT_TYPES
            and isinstance(message.forward_origin, MessageOriginChannel)
        )


async def on_automatic_forward(
    message: Message, *, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    origin = message.forward_origin
    assert isinstance(origin, MessageOriginChannel)
    # Comments on the channel post arrive in the group in the thread of this copy (their
    # message_thread_id is its id), so it is what links them to the video.
    async with session_factory() as session, session.begin():
        await store.remember_thread_root(
            session, message.chat.id, origin.chat.id, origin.message_id, message.message_id
        )


# linking by hand


async def _link(
    message: Message,
    command: CommandObject,
    operator: OperatorContext,
    texts: Texts,
    session_factory: async_sessionmaker[AsyncSession],
    *,
    bot: Bot,
    active: bool,
) -> None:
    usage = "video-link-usage" if active else "video-unlink-usage"
    words = (command.args or "").split()
    replied = message.reply_to_message
    if len(words) != 1 or replied is None:
        await message.reply(texts(usage))
        return
    if replied.from_user is not None and replied.from_user.id == bot.id:
        await message.reply(texts("video-link-not-a-comment"))
        return
    now = datetime.now(UTC)
    async with session_factory() as session, session.begin():
        found = await _find(session, operator.chat_id, words[0], texts)
        if not isinstance(found, StoredVideo):
            reply: Html = found
        elif active:
            reply = await _link_one(
                session, operator, texts, found, message_id=replied.message_id, now=now
            )
        else:
            reply = await _unlink_one(
                session, operator, texts, found, message_id=replied.message_id, now=now
            )
    await message.reply(reply)


async def _link_one(
    session: AsyncSession,
    operator: OperatorContext,
    texts: Texts,
    video: StoredVideo,
    *,
    message_id: int,
    now: datetime,
) -> Html:
    if video.archived_at is not None:
        return texts("video-link-archived", code=video.code)
    if not await links.comment_stored(session, operator.chat_id, message_id):
        return texts("video-link-unknown-comment")
    if not await links.link_by_hand(session, operator.chat_id, message_id, video.id, now):
        return texts("video-link-unchanged", code=video.code, linked="yes")
    detail = f"{video.code} {message_id}"
    await audit.record(session, operator.audit("video-linked", now, detail=detail))
    return texts("video-link-done", code=video.code, linked="yes")


async def _unlink_one(
    session: AsyncSession,
    operator: OperatorContext,
    texts: Texts,
    video: StoredVideo,
    *,
    message_id: int,
    now: datetime,
) -> Html:
    if not await links.unlink_by_hand(session, operator.chat_id, message_id, video.id):
        return texts("video-link-unchanged", code=video.code, linked="no")
    detail = f"{video.code} {message_id}"
    await audit.record(session, operator.audit("video-unlinked", now, detail=detail))
    return texts("video-link-done", code=video.code, linked="no")


async def cmd_link(
    message: Message,
    *,
    bot: Bot,
    command: CommandObject,
    operator: OperatorContext,
    texts: Texts,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    await _link(message, command, operator, texts, session_factory, bot=bot, active=True)


async def cmd_unlink(
    message: Message,
    *,
    bot: Bot,
    command: CommandObject,
    operator: OperatorContext,
    texts: Texts,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    await _link(message, command, operator, texts, session_factory, bot=bot, active=False)


def create_router() -> Router:
    router = Router(name=__name__)
    operator_command(router, VIDEO_ADD, cmd_video_add)
    operator_command(router, VIDEOS, cmd_videos)
    operator_command(router, VIDEO_EDIT, cmd_video_edit)
    operator_command(router, VIDEO_ARCHIVE, cmd_video_archive)
    operator_command(router, VIDEO_UNARCHIVE, cmd_video_unarchive)
    operator_command(router, VIDEO_ANNOUNCE, cmd_video_announce)
    operator_command(router, LINK, cmd_link)
    operator_command(router, UNLINK, cmd_unlink)
    return router


def create_callback_router() -> Router:
    router = Router(name=f"{__name__}.callbacks")
    operator_callback(router, VIDEOS_PAGE, VideoPageCb, cb_videos_page)
    return router


def create_forward_router() -> Router:
    """Automatic forwards of channel posts (PlainGroupChat lets them through to the routers)."""
    router = Router(name=f"{__name__}.forwards")
    router.message.register(on_automatic_forward, AutomaticForward())
    return router


FEATURE = Feature(
    name="videos",
    operator=(create_router,),
    group=(create_forward_router,),
    buttons=(create_callback_router,),
)

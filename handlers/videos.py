"""Videos: /video_add, /videos, /video_edit, /video_archive, /video_unarchive, /video_announce,
and /link, /unlink (in reply to a comment).

    /video_add https://www.bilibili.com/video/BV1xx411c7mD | New MV | 2026-11-20 18:00
    /video_add douyin 7312345678901234567 | Cat vlog
    /video_edit v3 title Cat vlog, part 2          fields: title, url, platform, id, published
    /video_announce v3             posts in the group; `/video_announce v3 channel` in the
                                   channel linked to the group
    /link v3, /unlink v3           in reply to a fan's comment (/link v3 also in reply to a
                                   closed topic poll whose winner became v3)

The automatic forward of a video's channel post into the group roots the post's discussion
thread: its message id is remembered, so comments there link to the video at flush time
(bot/db/video_linking.py).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import cast

from aiogram import Bot, Router
from aiogram.filters import CommandObject, Filter
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message, MessageOriginChannel
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.domain.roles import OperatorCommand, Role
from bot.domain.videos import StoredVideo, VideoErrorCode, VideoInputError, local_time
from bot.domain.videos import code as video_code
from bot.i18n import Html, Locale, Texts
from bot.services.ask_notices import AskNotices, NotATopicPoll, PollStillOpen, UnknownVideoCode
from bot.services.feedback_video_link import link_feedback
from bot.services.video_report_render import platform_name
from bot.services.videos import (
    MAX_ARGUMENTS,
    AnnounceFailed,
    DuplicateVideo,
    NoLinkedChannel,
    NumbersBusy,
    UnknownComment,
    UnknownVideo,
    VideoArchived,
    VideoPage,
    VideoRegistry,
)
from bot.telegram.filters import GROUP_CHAT_TYPES
from bot.telegram.show_in_place import show_in_place
from bot.telegram.video_courier import TelegramVideoCourier
from handlers.authority import operator_callback, operator_command
from handlers.callbacks import VideoAgainCb, VideoPageCb
from handlers.features import Built, Feature, Wiring
from handlers.middlewares import OperatorContext

VIDEO_ADD = OperatorCommand("video_add", Role.OPERATOR)
VIDEOS = OperatorCommand("videos", Role.ANALYST)
VIDEOS_PAGE = OperatorCommand("videos-page", Role.ANALYST)
VIDEO_EDIT = OperatorCommand("video_edit", Role.OPERATOR)
VIDEO_ARCHIVE = OperatorCommand("video_archive", Role.OPERATOR)
VIDEO_UNARCHIVE = OperatorCommand("video_unarchive", Role.OPERATOR)
VIDEO_ANNOUNCE = OperatorCommand("video_announce", Role.OPERATOR)
LINK = OperatorCommand("link", Role.OPERATOR, console=False)
UNLINK = OperatorCommand("unlink", Role.OPERATOR, console=False)

SHOWN_URL = 120  # ten lines of title (200), link and details stay under 4096
_ALL_WORDS = frozenset({"all", "archived", "全部", "归档"})
_CHANNEL_WORDS = frozenset({"channel", "频道"})
_HELP_WORDS = frozenset({"help", "帮助"})


def _refused(texts: Texts, error: VideoInputError | UnknownVideo | DuplicateVideo) -> Html:
    """What the video commands say for a video they cannot name, find or register twice."""
    if isinstance(error, VideoInputError):
        args = dict(error.args_for_text)
        if error.code is VideoErrorCode.PLATFORM_MISMATCH:
            args = {key: platform_name(texts, str(value)) for key, value in args.items()}
        return texts(f"video-error-{error.code.value}", **args)
    if isinstance(error, UnknownVideo):
        return texts("video-unknown", code=error.code)
    return texts("video-duplicate", code=error.video.code, title=error.video.title)


def _describe(texts: Texts, video: StoredVideo, timezone: str, linked: int = 0) -> Html:
    """A video as a list shows it: code, title, platform; then what is known of it."""
    head = texts(
        "video-line",
        code=video.code,
        title=video.title,
        platform=platform_name(texts, video.platform),
        archived=_yes(video.archived_at is not None),
        linked=linked,
    )
    details = []
    if video.platform_video_id:
        details.append(texts("video-line-id", id=video.platform_video_id))
    if video.published_at is not None:
        details.append(texts("video-line-published", when=local_time(video.published_at, timezone)))
    if video.url:
        details.append(texts("video-line-url", url=_shown_url(video.url)))
    return Html(head + "".join(f"\n    {detail}" for detail in details))


def _shown_url(url: str) -> str:
    """A list line shows the start of a long link: ten videos stay within one message."""
    return url if len(url) <= SHOWN_URL else url[: SHOWN_URL - 1] + "\u2026"


def _yes(value: bool) -> str:
    return "yes" if value else "no"


# registering


async def cmd_video_add(
    message: Message,
    *,
    command: CommandObject,
    operator: OperatorContext,
    texts: Texts,
    videos: VideoRegistry,
) -> None:
    arguments = (command.args or "").strip()
    if not arguments or arguments.lower() in _HELP_WORDS:
        await message.reply(texts("video-help"))
        return
    try:
        added = await videos.add(operator.chat_id, operator.actor, arguments, datetime.now(UTC))
    except VideoInputError as error:
        await message.reply(texts.lines([_refused(texts, error), texts("video-error-hint")]))
        return
    except DuplicateVideo as error:
        await message.reply(_refused(texts, error))
        return
    except NumbersBusy:
        await message.reply(texts("video-busy"))
        return
    video = added.video
    await message.reply(
        texts.lines(
            [texts("video-added", code=video.code), _describe(texts, video, added.timezone)]
        )
    )


# listing


async def cmd_videos(
    message: Message,
    *,
    command: CommandObject,
    operator: OperatorContext,
    texts: Texts,
    videos: VideoRegistry,
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
    shown = await videos.page(operator.chat_id, page, archived=archived)
    text, keyboard = _render(operator, texts, shown, archived=archived)
    await message.answer(text, reply_markup=keyboard, disable_web_page_preview=True)


async def cb_videos_page(
    query: CallbackQuery,
    *,
    callback_data: VideoPageCb,
    operator: OperatorContext,
    texts: Texts,
    videos: VideoRegistry,
) -> None:
    archived = callback_data.archived
    shown = await videos.page(operator.chat_id, callback_data.page, archived=archived)
    text, keyboard = _render(operator, texts, shown, archived=archived)
    await show_in_place(query, text, keyboard, disable_web_page_preview=True)


def _render(
    operator: OperatorContext, texts: Texts, shown: VideoPage, *, archived: bool
) -> tuple[Html, InlineKeyboardMarkup | None]:
    if not shown.videos:
        key = "videos-none-at-all" if archived else "videos-none"
        return texts(key, title=operator.title), None
    lines = [
        texts(
            "videos-title",
            title=operator.title,
            page=shown.page + 1,
            pages=shown.pages,
            total=shown.total,
        )
    ]
    lines += [
        _describe(texts, video, shown.timezone, shown.linked.get(video.id, 0))
        for video in shown.videos
    ]
    if not archived:
        lines.append(texts("videos-archived-hint"))
    keyboard = _keyboard(texts, operator.chat_id, shown.page, shown.pages, archived)
    return texts.lines(lines), keyboard


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


async def cmd_video_edit(
    message: Message,
    *,
    command: CommandObject,
    operator: OperatorContext,
    texts: Texts,
    videos: VideoRegistry,
) -> None:
    words = (command.args or "").strip().split(maxsplit=2)
    if len(words) < 3 or len(words[2]) > MAX_ARGUMENTS:
        await message.reply(texts("video-edit-usage"))
        return
    reference, field_word, value = words
    try:
        edited = await videos.edit(
            operator.chat_id, operator.actor, reference, field_word, value, now=datetime.now(UTC)
        )
    except (VideoInputError, UnknownVideo, DuplicateVideo) as error:
        reply = _refused(texts, error)
    else:
        reply = texts(
            "video-edited", code=edited.code, field=edited.field.value, value=edited.shown
        )
    await message.reply(reply, disable_web_page_preview=True)


async def _archive(
    message: Message,
    command: CommandObject,
    operator: OperatorContext,
    texts: Texts,
    videos: VideoRegistry,
    *,
    archive: bool,
) -> None:
    words = (command.args or "").split()
    if len(words) != 1:
        await message.reply(texts("video-archive-usage"))
        return
    try:
        done = await videos.archive(
            operator.chat_id, operator.actor, words[0], datetime.now(UTC), archive=archive
        )
    except (VideoInputError, UnknownVideo) as error:
        await message.reply(_refused(texts, error))
        return
    key = "video-archive-done" if done.changed else "video-archive-unchanged"
    await message.reply(texts(key, code=done.code, archived=_yes(archive)))


async def cmd_video_archive(
    message: Message,
    *,
    command: CommandObject,
    operator: OperatorContext,
    texts: Texts,
    videos: VideoRegistry,
) -> None:
    await _archive(message, command, operator, texts, videos, archive=True)


async def cmd_video_unarchive(
    message: Message,
    *,
    command: CommandObject,
    operator: OperatorContext,
    texts: Texts,
    videos: VideoRegistry,
) -> None:
    await _archive(message, command, operator, texts, videos, archive=False)


# announcing


async def cmd_video_announce(
    message: Message,
    *,
    command: CommandObject,
    operator: OperatorContext,
    texts: Texts,
    videos: VideoRegistry,
) -> None:
    words = (command.args or "").lower().split()
    if not 1 <= len(words) <= 2 or (len(words) == 2 and words[1] not in _CHANNEL_WORDS):
        await message.reply(texts("video-announce-usage"))
        return
    in_channel = len(words) == 2
    try:
        video = await videos.find(operator.chat_id, words[0])
    except (VideoInputError, UnknownVideo) as error:
        await message.reply(_refused(texts, error))
        return
    posted = video.channel_message_id if in_channel else video.announcement_message_id
    if posted is not None:
        # Posting twice is rarely meant (a retyped command, a second operator): ask first.
        builder = InlineKeyboardBuilder()
        for post in (True, False):
            builder.button(
                text=texts.plain("confirm-yes" if post else "confirm-no"),
                callback_data=VideoAgainCb(
                    chat_id=operator.chat_id, number=video.number, channel=in_channel, post=post
                ),
            )
        await message.reply(
            texts("confirm-video-again", code=video.code, channel=_yes(in_channel)),
            reply_markup=builder.as_markup(),
        )
        return
    said = await _announce(operator, texts, videos, video.code, in_channel=in_channel)
    if said is not None:
        await message.reply(said)


async def _announce(
    operator: OperatorContext,
    texts: Texts,
    videos: VideoRegistry,
    reference: str,
    *,
    in_channel: bool,
) -> Html | None:
    """Post the announcement; what to answer (None: the post in the group is the answer)."""
    try:
        video = await videos.announce(
            operator.chat_id, operator.actor, reference, datetime.now(UTC), in_channel=in_channel
        )
    except (VideoInputError, UnknownVideo) as error:
        return _refused(texts, error)
    except VideoArchived as error:
        return texts("video-announce-archived", code=error.video.code)
    except NoLinkedChannel:
        return texts("video-announce-no-channel", title=operator.title)
    except AnnounceFailed:
        key = "video-announce-channel-failed" if in_channel else "video-announce-failed"
        return texts(key, title=operator.title)
    if operator.in_private or in_channel:
        return texts("video-announced", code=video.code, channel=_yes(in_channel))
    return None


async def cb_video_again(
    query: CallbackQuery,
    *,
    callback_data: VideoAgainCb,
    operator: OperatorContext,
    texts: Texts,
    videos: VideoRegistry,
) -> None:
    if not callback_data.post:
        await show_in_place(query, texts("confirm-declined"))
        return
    in_channel = callback_data.channel
    said = await _announce(
        operator, texts, videos, video_code(callback_data.number), in_channel=in_channel
    )
    code = video_code(callback_data.number)
    await show_in_place(
        query, said or texts("video-announced", code=code, channel=_yes(in_channel))
    )


class AutomaticForward(Filter):
    """The copy Telegram posts in a discussion group of each post in its linked channel."""

    async def __call__(self, message: Message) -> bool:
        return (
            message.is_automatic_forward is True
            and message.chat.type in GROUP_CHAT_TYPES
            and isinstance(message.forward_origin, MessageOriginChannel)
        )


async def on_automatic_forward(message: Message, *, videos: VideoRegistry) -> None:
    origin = message.forward_origin
    assert isinstance(origin, MessageOriginChannel)
    await videos.thread_rooted(
        message.chat.id, origin.chat.id, origin.message_id, message.message_id
    )


# linking by hand


async def _link(
    message: Message,
    command: CommandObject,
    operator: OperatorContext,
    texts: Texts,
    videos: VideoRegistry,
    *,
    bot: Bot,
    active: bool,
    ask_notices: AskNotices,
) -> None:
    usage = "video-link-usage" if active else "video-unlink-usage"
    words = (command.args or "").split()
    replied = message.reply_to_message
    if len(words) != 1 or replied is None:
        await message.reply(texts(usage))
        return
    if replied.from_user is not None and replied.from_user.id == bot.id:
        if active:
            await _link_poll(
                message,
                operator,
                texts,
                ask_notices,
                reference=words[0],
                poll_message_id=replied.message_id,
            )
        else:
            await message.reply(texts("video-link-not-a-comment"))
        return
    try:
        if active:
            done = await link_feedback(
                videos,
                ask_notices,
                operator.chat_id,
                operator.actor,
                reference=words[0],
                message_id=replied.message_id,
                now=datetime.now(UTC),
            )
        else:
            done = await videos.unlink(
                operator.chat_id, operator.actor, words[0], replied.message_id, datetime.now(UTC)
            )
    except (VideoInputError, UnknownVideo) as error:
        await message.reply(_refused(texts, error))
        return
    except VideoArchived as error:
        await message.reply(texts("video-link-archived", code=error.video.code))
        return
    except UnknownComment:
        await message.reply(texts("video-link-unknown-comment"))
        return
    key = "video-link-done" if done.changed else "video-link-unchanged"
    await message.reply(texts(key, code=done.code, linked=_yes(active)))


async def _link_poll(
    message: Message,
    operator: OperatorContext,
    texts: Texts,
    ask_notices: AskNotices,
    *,
    reference: str,
    poll_message_id: int,
) -> None:
    """/link v12 in reply to a closed topic poll: its winning option became v12."""
    try:
        made = await ask_notices.poll_made(operator.chat_id, poll_message_id, reference)
    except VideoInputError as error:
        await message.reply(_refused(texts, error))
        return
    except UnknownVideoCode as error:
        await message.reply(texts("video-unknown", code=error.code))
        return
    except NotATopicPoll:
        await message.reply(texts("video-link-not-a-comment"))
        return
    except PollStillOpen:
        await message.reply(texts("video-link-poll-open"))
        return
    separator = texts.plain("poll-list-separator")
    await message.reply(
        texts(
            "video-link-poll-done",
            winners=separator.join(made.winners),
            code=made.video.code,
            fans=made.voters,
        )
    )


async def cmd_link(
    message: Message,
    *,
    bot: Bot,
    command: CommandObject,
    operator: OperatorContext,
    texts: Texts,
    videos: VideoRegistry,
    ask_notices: AskNotices,
) -> None:
    await _link(
        message, command, operator, texts, videos, bot=bot, active=True, ask_notices=ask_notices
    )


async def cmd_unlink(
    message: Message,
    *,
    bot: Bot,
    command: CommandObject,
    operator: OperatorContext,
    texts: Texts,
    videos: VideoRegistry,
    ask_notices: AskNotices,
) -> None:
    await _link(
        message, command, operator, texts, videos, bot=bot, active=False, ask_notices=ask_notices
    )


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
    operator_callback(router, VIDEO_ANNOUNCE, VideoAgainCb, cb_video_again, once="video-again")
    return router


def create_forward_router() -> Router:
    """Automatic forwards of channel posts (PlainGroupChat lets them through to the routers)."""
    router = Router(name=f"{__name__}.forwards")
    router.message.register(on_automatic_forward, AutomaticForward())
    return router


def _build(wiring: Wiring) -> Built:
    registry = VideoRegistry(
        wiring.session_factory,
        wiring.translator,
        TelegramVideoCourier(wiring.bot),
        default_timezone=wiring.settings.default_timezone,
        default_language=cast(Locale, wiring.settings.default_language),
    )
    return Built(services={"videos": registry})


FEATURE = Feature(
    name="videos",
    operator=(create_router,),
    group=(create_forward_router,),
    buttons=(create_callback_router,),
    build=_build,
)

"""`/video_link v12 douyin`: a named invite link (`v12·douyin`) to paste into that video's
description on that platform; `/video_links`: the group's links with their joins, each live
one with Rename (answered by replying to the bot's prompt) and Revoke (asked first). Every join
through a link is counted for its video and platform (bot/telegram/invite_joins.py records
them); the funnel shows on the video's card, in the digest and on the dashboard."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from aiogram import Bot, F, Router
from aiogram.filters import CommandObject, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, ForceReply, InlineKeyboardMarkup, Message
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.db.video_links import StoredLink
from bot.domain.roles import OperatorCommand, Role
from bot.domain.video_links import LinkProblem, LinkRefused, known_platforms
from bot.i18n import Html, Texts
from bot.services.video_links import (
    LinkGone,
    LinkRevoked,
    LinksUnavailable,
    UnknownLinkVideo,
    VideoLinks,
)
from bot.services.video_report_render import platform_name
from bot.telegram.invite_joins import observe
from bot.telegram.invite_link_courier import TelegramInviteLinkCourier
from bot.telegram.show_in_place import show_in_place
from handlers.authority import operator_callback, operator_command, operator_message
from handlers.callbacks import VideoLinkCb
from handlers.features import Built, Feature, Wiring
from handlers.middlewares import ContextMiddleware, OperatorContext

VIDEO_LINK = OperatorCommand("video_link", Role.OPERATOR)
VIDEO_LINKS = OperatorCommand("video_links", Role.ANALYST)
VIDEO_LINKS_CARD = OperatorCommand("video_links-card", Role.ANALYST)
VIDEO_LINK_RENAME = OperatorCommand("video_link-rename", Role.OPERATOR)
VIDEO_LINK_REVOKE = OperatorCommand("video_link-revoke", Role.OPERATOR)
SHOWN_LINKS = 15
BUTTONED_LINKS = 8  # two buttons each, under Telegram's 100 and readable on a phone
SOURCES_WINDOW = timedelta(days=7)


class RenamingLink(StatesGroup):
    name = State()


# making one


async def cmd_video_link(
    message: Message,
    *,
    command: CommandObject,
    operator: OperatorContext,
    texts: Texts,
    video_links: VideoLinks,
) -> None:
    try:
        made = await video_links.make(
            operator.chat_id, operator.actor, command.args or "", datetime.now(UTC)
        )
    except LinkRefused as refused:
        await message.reply(_refusal(texts, refused))
        return
    except UnknownLinkVideo as unknown:
        await message.reply(texts("video-invite-unknown-video", code=unknown.code))
        return
    except LinksUnavailable:
        await message.reply(texts("video-invite-no-right"))
        return
    link = made.link
    key = "video-invite-made" if made.made else "video-invite-exists"
    await message.reply(
        texts(
            key,
            name=link.name,
            code=link.video_code,
            title=link.video_title,
            platform=platform_name(texts, link.platform),
            link=link.invite_link,
            joins=link.joins,
        ),
        disable_web_page_preview=True,
    )


def _refusal(texts: Texts, refused: LinkRefused) -> Html:
    if refused.problem is LinkProblem.UNKNOWN_PLATFORM:
        return texts(
            "video-invite-unknown-platform", typed=refused.typed, platforms=known_platforms()
        )
    return texts(f"video-invite-{refused.problem.value}", typed=refused.typed)


# the card


async def cmd_video_links(
    message: Message, *, operator: OperatorContext, texts: Texts, video_links: VideoLinks
) -> None:
    text, keyboard = await _card(operator, texts, video_links)
    await message.answer(text, reply_markup=keyboard, disable_web_page_preview=True)


async def cb_card(
    query: CallbackQuery, *, operator: OperatorContext, texts: Texts, video_links: VideoLinks
) -> None:
    text, keyboard = await _card(operator, texts, video_links)
    await show_in_place(query, text, keyboard, disable_web_page_preview=True)


async def _card(
    operator: OperatorContext, texts: Texts, video_links: VideoLinks, note: Html | None = None
) -> tuple[Html, InlineKeyboardMarkup | None]:
    links = await video_links.links(operator.chat_id)
    now = datetime.now(UTC)
    sources = await video_links.sources(operator.chat_id, now - SOURCES_WINDOW, now)
    lines = [note] if note is not None else []
    if not links:
        lines.append(texts("video-links-none", title=operator.title))
    else:
        lines.append(texts("video-links-title", title=operator.title, count=len(links)))
        lines.extend(_line(texts, link) for link in links[:SHOWN_LINKS])
        if len(links) > SHOWN_LINKS:
            lines.append(texts("video-links-more", count=len(links) - SHOWN_LINKS))
    lines.append(
        texts(
            "video-links-sources",
            days=SOURCES_WINDOW.days,
            total=sources.total,
            videos=sources.through_videos,
            others=sources.other_links,
            none=sources.no_link,
        )
    )
    keyboard = _keyboard(texts, operator, links)
    return texts.lines(lines), keyboard


def _line(texts: Texts, link: StoredLink) -> Html:
    return texts(
        "video-links-line",
        name=link.name,
        code=link.video_code,
        title=link.video_title,
        platform=platform_name(texts, link.platform),
        joins=link.joins,
        link=link.invite_link,
        revoked=link.revoked_at.date().isoformat() if link.revoked_at else "no",
    )


def _keyboard(
    texts: Texts, operator: OperatorContext, links: list[StoredLink]
) -> InlineKeyboardMarkup | None:
    if operator.role < Role.OPERATOR:
        return None
    live = [link for link in links if link.revoked_at is None][:BUTTONED_LINKS]
    if not live:
        return None
    builder = InlineKeyboardBuilder()
    for link in live:
        for act, key in (("rename", "video-links-rename"), ("revoke", "video-links-revoke")):
            builder.button(
                text=texts.plain(key, name=link.name),
                callback_data=VideoLinkCb(chat_id=operator.chat_id, link_id=link.id, act=act),
            )
    builder.adjust(2)
    return builder.as_markup()


# revoking, asked first


async def cb_revoke(
    query: CallbackQuery,
    *,
    callback_data: VideoLinkCb,
    operator: OperatorContext,
    texts: Texts,
    video_links: VideoLinks,
) -> None:
    if callback_data.act == "revoke":
        link = await video_links.link(operator.chat_id, callback_data.link_id)
        if link is None or link.revoked_at is not None:
            await _gone(query, operator, texts, video_links)
            return
        builder = InlineKeyboardBuilder()
        builder.button(
            text=texts.plain("video-links-revoke-yes"),
            callback_data=callback_data.model_copy(update={"act": "revoke-yes"}),
        )
        builder.button(
            text=texts.plain("video-links-back"),
            callback_data=callback_data.model_copy(update={"act": "list"}),
        )
        question = texts("video-links-revoke-question", name=link.name, joins=link.joins)
        await show_in_place(query, question, builder.as_markup())
        return
    try:
        revoked = await video_links.revoke(
            operator.chat_id, operator.actor, callback_data.link_id, datetime.now(UTC)
        )
    except LinksUnavailable:
        await query.answer(texts.plain("video-invite-no-right"), show_alert=True)
        return
    if revoked is None:
        await _gone(query, operator, texts, video_links)
        return
    note = texts("video-links-revoked", name=revoked.name, joins=revoked.joins)
    text, keyboard = await _card(operator, texts, video_links, note)
    await show_in_place(query, text, keyboard, disable_web_page_preview=True)


async def _gone(
    query: CallbackQuery, operator: OperatorContext, texts: Texts, video_links: VideoLinks
) -> None:
    note = texts("video-links-gone")
    text, keyboard = await _card(operator, texts, video_links, note)
    await show_in_place(query, text, keyboard, disable_web_page_preview=True)


# renaming: the tap asks, the operator's reply names it


async def cb_rename(
    query: CallbackQuery,
    *,
    bot: Bot,
    callback_data: VideoLinkCb,
    operator: OperatorContext,
    texts: Texts,
    state: FSMContext,
    video_links: VideoLinks,
) -> None:
    link = await video_links.link(operator.chat_id, callback_data.link_id)
    if link is None or link.revoked_at is not None:
        await _gone(query, operator, texts, video_links)
        return
    await state.set_state(RenamingLink.name)
    await state.update_data(video_link_chat=operator.chat_id, video_link_id=link.id)
    where = query.message.chat.id if query.message is not None else query.from_user.id
    await bot.send_message(
        where,
        texts("video-links-rename-ask", name=link.name),
        reply_markup=ForceReply(selective=True),
    )
    await query.answer()


async def on_new_name(
    message: Message,
    *,
    operator: OperatorContext,
    texts: Texts,
    state: FSMContext,
    video_links: VideoLinks,
) -> None:
    data = await state.get_data()
    if data.get("video_link_chat") != operator.chat_id:
        # The console moved to another group since the tap: the link is not this group's.
        await state.clear()
        await message.reply(texts("video-links-gone"))
        return
    try:
        renamed = await video_links.rename(
            operator.chat_id,
            operator.actor,
            int(data["video_link_id"]),
            message.text or "",
            datetime.now(UTC),
        )
    except LinkRefused as refused:
        await message.reply(_refusal(texts, refused))  # the question stays open: try again
        return
    except (LinkRevoked, LinkGone):
        await state.clear()
        await message.reply(texts("video-links-gone"))
        return
    except LinksUnavailable:
        await state.clear()
        await message.reply(texts("video-invite-no-right"))
        return
    await state.clear()
    if renamed is None:
        await message.reply(texts("video-links-gone"))
        return
    await message.reply(texts("video-links-renamed", name=renamed.name, code=renamed.video_code))


# routers


def create_router() -> Router:
    router = Router(name=__name__)
    operator_command(router, VIDEO_LINK, cmd_video_link)
    operator_command(router, VIDEO_LINKS, cmd_video_links)
    return router


def create_buttons() -> Router:
    router = Router(name=f"{__name__}.buttons")
    operator_callback(router, VIDEO_LINKS_CARD, VideoLinkCb, cb_card, rule=F.act == "list")
    operator_callback(router, VIDEO_LINK_RENAME, VideoLinkCb, cb_rename, rule=F.act == "rename")
    operator_callback(
        router,
        VIDEO_LINK_REVOKE,
        VideoLinkCb,
        cb_revoke,
        rule=F.act.in_({"revoke", "revoke-yes"}),
    )
    return router


def create_private() -> Router:
    router = Router(name=f"{__name__}.private")
    operator_message(router, VIDEO_LINK_RENAME, on_new_name, StateFilter(RenamingLink.name))
    return router


def create_group() -> Router:
    """The reply to the rename prompt in the group: a reply to the bot, so it reaches the
    routers; the group's routers carry no authority of their own, so this one does."""
    router = create_private()
    router.name = f"{__name__}.group"
    router.message.middleware(ContextMiddleware())
    return router


def _build(wiring: Wiring) -> Built:
    courier = TelegramInviteLinkCourier(wiring.bot)
    return Built(services={"video_links": VideoLinks(wiring.session_factory, courier)})


FEATURE = Feature(
    name="video_links",
    operator=(create_router,),
    buttons=(create_buttons,),
    private=(create_private,),
    group=(create_group,),
    observers=observe,
    update_types=("chat_member",),
    build=_build,
)

"""Linking feedback to a video from an /inbox card: Link on the card, then which feedback of the
page, then which video; the link goes through the same use case as `/link v12` by reply
(bot/services/feedback_video_link.py), so the fans who asked are told. Every step edits the
card in place; the feedback and the video are looked up in the button's group again, so a
forged or stale button is refused."""

from __future__ import annotations

from datetime import UTC, datetime

from aiogram import Router
from aiogram.types import CallbackQuery, InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.domain.inbox import excerpt
from bot.domain.roles import OperatorCommand, Role
from bot.i18n import Texts
from bot.services.ask_notices import AskNotices
from bot.services.feedback_video_link import link_feedback
from bot.services.inbox import InboxPage, InboxService
from bot.services.videos import UnknownComment, UnknownVideo, VideoArchived, VideoRegistry
from bot.telegram.show_in_place import show_in_place
from handlers.authority import operator_callback
from handlers.callbacks import InboxLinkCb, InboxPageCb
from handlers.features import Feature
from handlers.inbox import has_videos, page_or_alert, render_page
from handlers.middlewares import OperatorContext

INBOX_LINK = OperatorCommand("inbox-link", Role.OPERATOR)
CHOICES = 8  # the newest videos offered; older ones are linked with /link v12 by reply
LABEL = 40


async def cb_inbox_link(
    query: CallbackQuery,
    *,
    callback_data: InboxLinkCb,
    operator: OperatorContext,
    texts: Texts,
    inbox: InboxService,
    videos: VideoRegistry,
    ask_notices: AskNotices,
) -> None:
    page = await page_or_alert(
        query, inbox, operator, texts, query_id=callback_data.query, number=callback_data.page
    )
    if page is None:
        return
    if callback_data.message_id == 0:
        await show_in_place(
            query, texts("inbox-link-which-feedback"), _feedback_choices(texts, page, callback_data)
        )
        return
    row = next((row for row in page.rows if row.message_id == callback_data.message_id), None)
    if row is None:
        await query.answer(texts.plain("inbox-link-gone"), show_alert=True)
        return
    if callback_data.video == 0:
        listed = await videos.page(operator.chat_id, 0, archived=False)
        builder = InlineKeyboardBuilder()
        for offered in listed.videos[:CHOICES]:
            builder.button(
                text=f"{offered.code} {offered.title}"[:LABEL],
                callback_data=callback_data.model_copy(update={"video": offered.id}),
            )
        _back(builder, texts, callback_data)
        builder.adjust(1)
        text = texts("inbox-link-which-video", text=excerpt(row.text))
        await show_in_place(query, text, builder.as_markup())
        return
    listed = await videos.page(operator.chat_id, 0, archived=False)
    video = next((video for video in listed.videos if video.id == callback_data.video), None)
    if video is None:
        await query.answer(texts.plain("inbox-link-gone"), show_alert=True)
        return
    try:
        done = await link_feedback(
            videos,
            ask_notices,
            operator.chat_id,
            operator.actor,
            reference=video.code,
            message_id=row.message_id,
            now=datetime.now(UTC),
        )
    except (UnknownVideo, VideoArchived, UnknownComment):
        await query.answer(texts.plain("inbox-link-gone"), show_alert=True)
        return
    key = "inbox-link-done" if done.changed else "inbox-link-unchanged"
    can_link = await has_videos(videos, operator.chat_id, operator.role)
    text, keyboard = render_page(operator, texts, page, can_link=can_link)
    said = texts.lines([texts(key, code=done.code), text])
    await show_in_place(query, said, keyboard, disable_web_page_preview=True)


def _feedback_choices(texts: Texts, page: InboxPage, data: InboxLinkCb) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for number, row in enumerate(page.rows, start=1):
        builder.button(
            text=f"{number}. {excerpt(row.text)}"[:LABEL],
            callback_data=data.model_copy(update={"message_id": row.message_id, "video": 0}),
        )
    _back(builder, texts, data)
    builder.adjust(1)
    return builder.as_markup()


def _back(builder: InlineKeyboardBuilder, texts: Texts, data: InboxLinkCb) -> None:
    builder.button(
        text=texts.plain("inbox-link-back"),
        callback_data=InboxPageCb(chat_id=data.chat_id, query=data.query, page=data.page),
    )


def create_callback_router() -> Router:
    router = Router(name=__name__)
    operator_callback(router, INBOX_LINK, InboxLinkCb, cb_inbox_link)
    return router


FEATURE = Feature(name="inbox_link", buttons=(create_callback_router,))

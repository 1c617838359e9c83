"""Drafts (bot/services/drafts.py): the service every preview and question is kept by, its expiry
on the clock, and the buttons the polls and giveaways features put under their previews (Send /
Edit / Cancel) and questions (Yes / No). Each feature answers the taps on its own drafts."""

from __future__ import annotations

from datetime import datetime

from aiogram.filters.callback_data import CallbackData
from aiogram.types import InlineKeyboardMarkup, Message
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.i18n import Html, Texts
from bot.services.drafts import DraftKind, DraftService, Refused
from bot.telegram.draft_courier import TelegramDraftCourier
from handlers.callbacks import DraftAct, GiveawayDraftCb, PollDraftCb
from handlers.features import Built, Feature, Wiring
from handlers.middlewares import OperatorContext

DraftCb = type[PollDraftCb] | type[GiveawayDraftCb]


async def show_preview(
    message: Message,
    preview: Html,
    *,
    kind: DraftKind,
    callback: DraftCb,
    arguments: str,
    source: str,
    operator: OperatorContext,
    texts: Texts,
    drafts: DraftService,
    now: datetime,
    reply: bool,
) -> None:
    """`preview` of what the one-line `arguments` make, kept as a draft until the operator's
    Send (`reply`: quoting their message)."""
    draft = await drafts.open(
        kind,
        operator.chat_id,
        operator.actor.user_id,
        arguments=arguments,
        locale=texts.locale,
        now=now,
        source=source,
    )
    answer = message.reply if reply else message.answer
    shown = await answer(
        preview, reply_markup=preview_keyboard(texts, callback, operator.chat_id, draft.id)
    )
    await drafts.shown(draft.id, shown.chat.id, shown.message_id)


def preview_keyboard(
    texts: Texts, callback: DraftCb, chat_id: int, draft_id: int
) -> InlineKeyboardMarkup:
    return _keyboard(
        texts,
        callback,
        chat_id,
        draft_id,
        [
            (DraftAct.GO, "draft-button-send"),
            (DraftAct.EDIT, "draft-button-edit"),
            (DraftAct.DROP, "draft-button-cancel"),
        ],
    )


def question_keyboard(
    texts: Texts, callback: DraftCb, chat_id: int, draft_id: int
) -> InlineKeyboardMarkup:
    return _keyboard(
        texts,
        callback,
        chat_id,
        draft_id,
        [(DraftAct.GO, "draft-button-yes"), (DraftAct.DROP, "draft-button-no")],
    )


def _keyboard(
    texts: Texts,
    callback: DraftCb,
    chat_id: int,
    draft_id: int,
    buttons: list[tuple[DraftAct, str]],
) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for act, key in buttons:
        data: CallbackData = callback(chat_id=chat_id, draft_id=draft_id, act=act)
        builder.button(text=texts.plain(key), callback_data=data)
    builder.adjust(len(buttons))
    return builder.as_markup()


def refusal_text(texts: Texts, refused: Refused) -> str:
    return texts.plain(f"draft-refused-{refused.value}")


def _build(wiring: Wiring) -> Built:
    drafts = DraftService(
        wiring.session_factory, wiring.translator, TelegramDraftCourier(wiring.bot)
    )
    return Built(services={"drafts": drafts}, clock_sources=[drafts])


FEATURE = Feature(name="drafts", build=_build)

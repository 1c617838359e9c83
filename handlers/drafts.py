"""Drafts (bot/services/drafts.py): the service every preview and question is kept by, its expiry
on the clock, and the buttons the polls and giveaways features put under their previews (Send /
Edit / Cancel) and questions (Yes / No). Each feature answers the taps on its own drafts."""

from __future__ import annotations

from aiogram.filters.callback_data import CallbackData
from aiogram.types import InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.i18n import Texts
from bot.services.drafts import DraftService, Refused
from bot.telegram.draft_courier import TelegramDraftCourier
from handlers.callbacks import DraftAct, GiveawayDraftCb, PollDraftCb
from handlers.features import Built, Feature, Wiring

DraftCb = type[PollDraftCb] | type[GiveawayDraftCb]


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

"""Spam in the room (issue 18, section 3): operators' /spam on a message, and their taps on a
spam report (Undo, Ban, Not spam). The decision itself is made at ingest (bot/db/spam.py) and
acted on by the clock (bot/services/spam.py); the mode is the door's `spam` setting
(`/door spam report`, `/door spam act`, `/door spam off`, or the /settings panel's Door screen).
"""

from __future__ import annotations

from typing import cast

from aiogram import Router
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.domain.roles import OperatorCommand, Role
from bot.domain.spam import SpamMode
from bot.i18n import Locale, Texts
from bot.services.languages import Languages
from bot.services.spam import Spam, SpamJobs
from bot.telegram.show_in_place import show_in_place
from bot.telegram.spam_courier import TelegramSpamCourier
from handlers.authority import operator_callback, operator_command
from handlers.callbacks import SpamCb
from handlers.features import Built, Feature, Wiring
from handlers.middlewares import OperatorContext

MARK = OperatorCommand("spam", Role.OPERATOR, destructive=True, console=False)
DECISION = OperatorCommand("spam_decide", Role.OPERATOR, destructive=True)
ACTIONS = ("undo", "ban", "clear")


async def cmd_spam(
    message: Message, *, operator: OperatorContext, texts: Texts, spam: Spam
) -> None:
    replied = message.reply_to_message
    if replied is None or replied.from_user is None or replied.sender_chat is not None:
        await message.reply(texts("spam-mark-usage"))
        return
    if replied.from_user.is_bot:
        await message.reply(texts("spam-mark-staff"))
        return
    key = await spam.mark(
        operator.chat_id,
        operator.actor,
        replied.from_user.id,
        replied.message_id,
        replied.text or replied.caption,
    )
    await message.reply(texts(key))


def get_report_keyboard(
    texts: Texts, chat_id: int, report_id: int, mode: str
) -> InlineKeyboardMarkup:
    """Undo only where something was done; in a dry run there is nothing to undo."""
    builder = InlineKeyboardBuilder()
    for action in ACTIONS:
        if action == "undo" and mode != SpamMode.ACT:
            continue
        builder.button(
            text=texts.plain("spam-button", action=action),
            callback_data=SpamCb(chat_id=chat_id, report_id=report_id, action=action),
        )
    return builder.as_markup()


async def cb_spam(
    query: CallbackQuery,
    *,
    callback_data: SpamCb,
    operator: OperatorContext,
    texts: Texts,
    spam: Spam,
) -> None:
    decision = await spam.decide(
        operator.chat_id, callback_data.report_id, operator.actor, callback_data.action
    )
    if not decision.done:
        await query.answer(texts.plain(decision.key), show_alert=True)
        return
    await show_in_place(query, texts(decision.key, count=decision.count))


def create_router() -> Router:
    router = Router(name=__name__)
    operator_command(router, MARK, cmd_spam)
    return router


def create_callback_router() -> Router:
    router = Router(name=f"{__name__}.callbacks")
    operator_callback(router, DECISION, SpamCb, cb_spam)
    return router


def build(wiring: Wiring) -> Built:
    courier = TelegramSpamCourier(wiring.bot, wiring.admins, get_report_keyboard)
    languages = Languages(wiring.session_factory, cast(Locale, wiring.settings.default_language))
    spam = Spam(wiring.session_factory, wiring.clock, courier, wiring.translator, languages)
    return Built(services={"spam": spam}, clock_sources=[SpamJobs(spam)])


FEATURE = Feature(
    name="spam",
    operator=(create_router,),
    buttons=(create_callback_router,),
    build=build,
)

"""Applying a created or changed tag to the stored history: the offer under the tag command's
answer, the button that starts the run, and the worker (bot/services/retag.py) that edits that
same message with its progress and its count."""

from __future__ import annotations

from aiogram import Router
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.domain.roles import OperatorCommand, Role
from bot.i18n import Texts
from bot.services.retag import Outcome, Retagger, RetagPace, RetagSource, tag_reason
from bot.telegram.retag_courier import TelegramRetagCourier
from bot.telegram.show_in_place import show_in_place
from handlers.authority import operator_callback
from handlers.callbacks import RetagCb
from handlers.features import Built, Feature, Wiring
from handlers.middlewares import OperatorContext

RETAG = OperatorCommand("retag-history", Role.OPERATOR)
ANSWERS = {
    Outcome.STARTED: "retag-started",
    Outcome.RUNNING: "retag-running",
    Outcome.UNKNOWN: "retag-unknown",
}


async def retag_offer(
    retag: Retagger, operator: OperatorContext, texts: Texts, tag: str
) -> InlineKeyboardMarkup:
    """The buttons offering to apply `tag`, as it stands now, to the comments already stored."""
    run_id = await retag.offer(operator.chat_id, tag_reason(tag), tag, texts.locale)
    builder = InlineKeyboardBuilder()
    for go, label in ((True, "retag-offer-apply"), (False, "retag-offer-skip")):
        builder.button(
            text=texts.plain(label),
            callback_data=RetagCb(chat_id=operator.chat_id, run_id=run_id, go=go),
        )
    return builder.as_markup()


async def cb_retag(
    query: CallbackQuery,
    *,
    callback_data: RetagCb,
    operator: OperatorContext,
    texts: Texts,
    retag: Retagger,
) -> None:
    message = query.message
    if not callback_data.go:
        said = message.html_text if isinstance(message, Message) else ""
        await show_in_place(query, texts.lines([said, texts("retag-skipped")]))
        return
    progress = (message.chat.id, message.message_id) if isinstance(message, Message) else None
    outcome = await retag.start(
        callback_data.run_id,
        operator.chat_id,
        locale=texts.locale,
        progress=progress,
        requested_by=operator.actor.user_id,
    )
    # The worker edits the message itself, from its first batch on.
    await query.answer(texts.plain(ANSWERS[outcome]))


def create_callback_router() -> Router:
    router = Router(name=f"{__name__}.callbacks")
    operator_callback(router, RETAG, RetagCb, cb_retag)
    return router


def _build(wiring: Wiring) -> Built:
    settings = wiring.settings
    retagger = Retagger(
        wiring.session_factory,
        TelegramRetagCourier(wiring.bot),
        wiring.translator,
        pace=RetagPace(
            settings.retag_batch_size,
            settings.retag_pause_seconds,
            settings.retag_progress_seconds,
        ),
    )
    return Built(services={"retag": retagger}, clock_sources=[RetagSource(retagger)])


FEATURE = Feature(name="retag", buttons=(create_callback_router,), build=_build)

"""A command message is handled once, and a button registered with `once=` acts once per message
it sits under, however often Telegram delivers the update (bot/services/command_effects.py).

`OnceMiddleware` runs after `ContextMiddleware` on the routers that carry it, so a refused
command claims nothing. A button under a preview that posts (a poll's or a giveaway's Send)
declares its effect: `operator_callback(router, spec, Cb, handler, once="poll-send")`; two taps,
or one tap delivered twice, post once. A button on a card that stays usable (a reroll) declares
`once_per_tap=`: the claim is keyed by the callback query's id, which a redelivery repeats.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import structlog
from aiogram import BaseMiddleware
from aiogram.exceptions import TelegramAPIError
from aiogram.types import CallbackQuery, Message, TelegramObject

from bot.domain.roles import OperatorCommand
from bot.services.command_effects import EffectKey, claim_effect
from handlers.authority import ONCE_FLAG, ONCE_PER_TAP_FLAG, OPERATOR_FLAG, PUBLIC_FLAG

log = structlog.get_logger(__name__)

Next = Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]]


class OnceMiddleware(BaseMiddleware):
    async def __call__(self, handler: Next, event: TelegramObject, data: dict[str, Any]) -> Any:
        key = effect_key(event, data["handler"].flags)
        if key is None or await claim_effect(data["session_factory"], key):
            return await handler(event, data)
        log.info("command.repeated", chat_id=key.chat_id, message_id=key.message_id,
                 effect=key.effect)  # fmt: skip
        if isinstance(event, CallbackQuery):
            try:
                await event.answer()
            except TelegramAPIError as error:  # a redelivered query may be too old to answer
                log.info("command.repeated_answer_failed", error=error.message)
        return None


def effect_key(event: TelegramObject, flags: dict[str, Any]) -> EffectKey | None:
    if isinstance(event, Message):
        spec: OperatorCommand | None = flags.get(OPERATOR_FLAG)
        name = spec.name if spec is not None else flags.get(PUBLIC_FLAG)
        if name is None:
            return None
        return EffectKey(event.chat.id, event.message_id, f"command:{name}")
    if isinstance(event, CallbackQuery):
        if event.message is None:
            return None
        effect: str | None = flags.get(ONCE_FLAG)
        per_tap: str | None = flags.get(ONCE_PER_TAP_FLAG)
        if per_tap is not None:
            effect = f"{per_tap}:{event.id}"
        if effect is None:
            return None
        return EffectKey(event.message.chat.id, event.message.message_id, effect)
    return None

"""/notices on|off: whether a fan is told when what they asked for is made (bot/services/
ask_notices.py). Anyone's, in a group and in private chat; the choice is the person's, for
every group."""

from __future__ import annotations

from typing import cast

from aiogram import Router
from aiogram.filters import CommandObject
from aiogram.types import Message

from bot.domain.ask_notices import parse_switch
from bot.i18n import Locale, Texts
from bot.services.ask_notices import AskNotices, LoopsDigestSection
from bot.telegram.ask_notice_courier import TelegramNoticeCourier
from handlers.authority import public_command
from handlers.features import Built, Feature, Wiring

ECHO_LIMIT = 40


async def cmd_notices(
    message: Message, *, command: CommandObject, texts: Texts, ask_notices: AskNotices
) -> None:
    user = message.from_user
    if user is None or user.is_bot or message.sender_chat is not None:
        await message.reply(texts("ask-notices-not-a-person"))
        return
    typed = (command.args or "").strip()
    if not typed:
        enabled = await ask_notices.enabled(user.id)
        await message.reply(texts("ask-notices-now", enabled=str(enabled).lower()))
        return
    choice = parse_switch(typed)
    if choice is None:
        await message.reply(texts("ask-notices-bad-choice", value=typed[:ECHO_LIMIT]))
        return
    await ask_notices.set_enabled(user.id, choice)
    await message.reply(texts("ask-notices-set", enabled=str(choice).lower()))


def create_router() -> Router:
    router = Router(name=__name__)
    public_command(router, "notices", cmd_notices)
    return router


def _build(wiring: Wiring) -> Built:
    notices = AskNotices(
        wiring.session_factory,
        wiring.translator,
        TelegramNoticeCourier(wiring.bot),
        default_language=cast(Locale, wiring.settings.default_language),
        default_timezone=wiring.settings.default_timezone,
        wake=wiring.clock.rebuild,
    )
    return Built(services={"ask_notices": notices}, clock_sources=[notices])


FEATURE = Feature(
    name="notices",
    fallback_commands=(create_router,),
    digest_sections={"loops": LoopsDigestSection},
    build=_build,
)

"""/member_tags: recognition (issue 19, section 3). `/member_tags` shows the group's choice,
`on` / `off` turns it on or off, `winner top since` (any of them) says which tags exist. The
tags themselves are computed and sent by the clock (bot/services/member_tags.py)."""

from __future__ import annotations

from typing import cast

from aiogram import Router
from aiogram.filters import CommandObject
from aiogram.types import Message

from bot.db.member_tags import TagChoice
from bot.domain.member_tags import Kinds, Switch, Unknown, parse_choice
from bot.domain.roles import OperatorCommand, Role
from bot.i18n import Html, Locale, Texts
from bot.services.languages import Languages
from bot.services.member_tags import MemberTags
from bot.services.timezones import GroupTimezones
from bot.telegram.member_tag_courier import TelegramMemberTagCourier
from handlers.authority import operator_command
from handlers.features import Built, Feature, Wiring
from handlers.middlewares import OperatorContext

MEMBER_TAGS = OperatorCommand("member_tags", Role.OPERATOR)
ECHO_LIMIT = 40


async def cmd_member_tags(
    message: Message,
    *,
    command: CommandObject,
    operator: OperatorContext,
    texts: Texts,
    member_tags: MemberTags,
) -> None:
    typed = (command.args or "").strip()
    if not typed:
        await message.reply(
            _shown(texts, operator.title, await member_tags.choice(operator.chat_id))
        )
        return
    choice = parse_choice(typed)
    if isinstance(choice, Unknown):
        await message.reply(texts("member-tags-bad-word", word=choice.word[:ECHO_LIMIT]))
        return
    if isinstance(choice, Switch):
        chosen, allowed = await member_tags.choose(operator.chat_id, enabled=choice.enabled)
    else:
        assert isinstance(choice, Kinds)
        chosen, allowed = await member_tags.choose(operator.chat_id, kinds=choice.kinds)
    lines = [_shown(texts, operator.title, chosen)]
    if chosen.enabled and not allowed:
        lines.append(texts("member-tags-right-missing"))
    await message.reply(texts.lines(lines))


def _shown(texts: Texts, title: str, chosen: TagChoice) -> Html:
    kinds = texts.plain("member-tags-separator").join(
        texts.plain("member-tags-kind", kind=str(kind)) for kind in chosen.kinds
    )
    return texts("member-tags-now", title=title, enabled=str(chosen.enabled).lower(), kinds=kinds)


def create_router() -> Router:
    router = Router(name=__name__)
    operator_command(router, MEMBER_TAGS, cmd_member_tags)
    return router


def build(wiring: Wiring) -> Built:
    default = cast(Locale, wiring.settings.default_language)
    service = MemberTags(
        wiring.session_factory,
        TelegramMemberTagCourier(wiring.bot, wiring.admins),
        languages=Languages(wiring.session_factory, default),
        timezones=GroupTimezones(
            wiring.session_factory, wiring.clock, wiring.settings.default_timezone
        ),
        texts_for=lambda locale: wiring.translator.bind(cast(Locale, locale)),
        wake=wiring.clock.rebuild,
    )
    return Built(services={"member_tags": service}, clock_sources=[service])


FEATURE = Feature(name="member_tags", operator=(create_router,), build=build)

"""/timezone: the group's time zone, shown and changed (an IANA name, a UTC offset or a city)."""

from __future__ import annotations

from datetime import UTC, datetime

from aiogram import Router
from aiogram.filters import CommandObject
from aiogram.types import Message

from bot.domain.roles import OperatorCommand, Role
from bot.domain.timezones import TimezoneError, parse_timezone
from bot.i18n import Html, Texts, moment
from bot.services.timezones import GroupTimezones, ZoneChange
from handlers.authority import operator_command
from handlers.features import Built, Feature, Wiring
from handlers.middlewares import OperatorContext

TIMEZONE = OperatorCommand("timezone", Role.OPERATOR)
ECHO_LIMIT = 64  # what was typed, quoted back


async def cmd_timezone(
    message: Message,
    *,
    command: CommandObject,
    operator: OperatorContext,
    texts: Texts,
    timezones: GroupTimezones,
) -> None:
    typed = (command.args or "").strip()
    if not typed:
        current = await timezones.of_group(operator.chat_id)
        now = moment(datetime.now(UTC), current)
        await message.reply(
            texts("timezone-current", title=operator.title, timezone=current, now=now)
        )
        return
    try:
        timezone = parse_timezone(typed)
    except TimezoneError as error:
        await message.reply(_refusal(texts, typed[:ECHO_LIMIT], error))
        return
    change = await timezones.choose(operator.chat_id, operator.actor, timezone)
    await message.reply(_changed(texts, operator.title, change))


def _refusal(texts: Texts, typed: str, error: TimezoneError) -> Html:
    if error.code == "half-hour":
        return texts("timezone-half-hour")
    if error.suggestions:
        return texts("timezone-unknown-near", typed=typed, suggestions=", ".join(error.suggestions))
    return texts("timezone-unknown", typed=typed)


def _changed(texts: Texts, title: str, change: ZoneChange) -> Html:
    lines = [
        texts(
            "timezone-set",
            title=title,
            timezone=change.after,
            digest=moment(change.digest_now, change.after),
            was=moment(change.digest_was, change.after),
        )
    ]
    lines.extend(
        texts(
            "timezone-deadline",
            kind=deadline.kind,
            number=deadline.number,
            when=moment(deadline.at, change.after),
        )
        for deadline in change.deadlines
    )
    return texts.lines(lines)


def create_router() -> Router:
    router = Router(name=__name__)
    operator_command(router, TIMEZONE, cmd_timezone)
    return router


def build(wiring: Wiring) -> Built:
    zones = GroupTimezones(wiring.session_factory, wiring.clock, wiring.settings.default_timezone)
    return Built(services={"timezones": zones})


FEATURE = Feature(name="timezone", operator=(create_router,), build=build)

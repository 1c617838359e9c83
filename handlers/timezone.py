"""/timezone: the group's time zone, shown and changed (an IANA name, a UTC offset or a city);
and the zone buttons under the report to whoever added the bot (handlers/membership.py)."""

from __future__ import annotations

from datetime import UTC, datetime

from aiogram import Router
from aiogram.filters import CommandObject
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.domain.roles import OperatorCommand, Role
from bot.domain.timezones import TimezoneError, likely_zones, parse_timezone
from bot.i18n import Html, Texts, moment
from bot.services.timezones import GroupTimezones, ZoneChange
from bot.telegram.show_in_place import show_in_place
from handlers.authority import operator_callback, operator_command
from handlers.callbacks import ZonePickCb
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


def zone_buttons(chat_id: int, locale: str) -> InlineKeyboardMarkup:
    """The zones most groups in this language live in, one tap each."""
    builder = InlineKeyboardBuilder()
    for zone in likely_zones(locale):
        builder.button(text=zone, callback_data=ZonePickCb(chat_id=chat_id, zone=zone))
    builder.adjust(2)
    return builder.as_markup()


async def cb_zone_pick(
    query: CallbackQuery,
    *,
    callback_data: ZonePickCb,
    operator: OperatorContext,
    texts: Texts,
    timezones: GroupTimezones,
) -> None:
    # The zone is data a client could forge: read it like a typed one.
    try:
        timezone = parse_timezone(callback_data.zone)
    except TimezoneError:
        await query.answer(texts.plain("timezone-unknown", typed=callback_data.zone[:ECHO_LIMIT]))
        return
    change = await timezones.choose(operator.chat_id, operator.actor, timezone)
    await show_in_place(query, _changed(texts, operator.title, change))


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


def create_callback_router() -> Router:
    router = Router(name=f"{__name__}.callbacks")
    operator_callback(router, TIMEZONE, ZonePickCb, cb_zone_pick)
    return router


def build(wiring: Wiring) -> Built:
    zones = GroupTimezones(wiring.session_factory, wiring.clock, wiring.settings.default_timezone)
    return Built(services={"timezones": zones})


FEATURE = Feature(
    name="timezone", operator=(create_router,), buttons=(create_callback_router,), build=build
)

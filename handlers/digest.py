"""Digests: /digest (preview today or a date), /digest_subscribe, /digest_unsubscribe,
/digest_time HH:MM, /digest_chat <chat id>|off. The clock's digest jobs send through
bot/telegram/digest_courier.py; the events a digest counts that ingest does not store (joins and
leaves, replies to the bot, reactions) are recorded by bot/telegram/group_events.py.

/digest 2026-11-27, 昨天, 11/30     a day       /digest week, 上周, 7d     seven days
/digest csv               today so far, with the numbers as a CSV file
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import cast

from aiogram import Bot, Router
from aiogram.filters import CommandObject
from aiogram.types import BufferedInputFile, CallbackQuery, InlineKeyboardMarkup, Message
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.domain.roles import OperatorCommand, Role
from bot.i18n import Html, Locale, Texts
from bot.services.console import Console
from bot.services.digest_delivery import (
    Composed,
    DigestAsk,
    DigestProblem,
    DigestService,
    DigestSubscriptions,
    NotADigestDay,
    parse_local_time,
)
from bot.services.digest_render import render_csv
from bot.telegram.dashboard_links import DashboardLinks
from bot.telegram.digest_courier import TelegramDigestCourier, send_chart
from bot.telegram.group_events import observe
from bot.telegram.show_in_place import show_in_place
from handlers.authority import operator_callback, operator_command
from handlers.callbacks import DigestHereCb
from handlers.features import Built, Feature, Wiring
from handlers.middlewares import OperatorContext

DIGEST = OperatorCommand("digest", Role.ANALYST)
DIGEST_SUBSCRIBE = OperatorCommand("digest_subscribe", Role.ANALYST)
DIGEST_UNSUBSCRIBE = OperatorCommand("digest_unsubscribe", Role.ANALYST)
DIGEST_TIME = OperatorCommand("digest_time", Role.OPERATOR)
DIGEST_CHAT = OperatorCommand("digest_chat", Role.OPERATOR)

UPDATE_TYPES = ("chat_member", "message_reaction")
ECHO_LIMIT = 100  # what was typed, quoted back


async def cmd_digest(
    message: Message,
    *,
    bot: Bot,
    command: CommandObject,
    operator: OperatorContext,
    texts: Texts,
    digests: DigestService,
    dashboard_links: DashboardLinks,
) -> None:
    words = (command.args or "").lower().split()
    with_csv = "csv" in words
    ask = _ask(" ".join(word for word in words if word != "csv"))
    try:
        composed = await digests.preview(operator.chat_id, texts, ask, datetime.now(UTC))
    except NotADigestDay as refused:
        await message.reply(_refusal(texts, refused))
        return
    if composed is not None:
        opener = await dashboard_links.button(
            bot, composed.opener, message.chat.id, operator.chat_id
        )
        await _answer(bot, message.chat.id, composed, with_csv=with_csv, opener=opener)


def _ask(typed: str) -> DigestAsk:
    if not typed:
        return DigestAsk()
    # "/digest week" has always meant the last finished week.
    if typed == "week":
        return DigestAsk(week=True)
    return DigestAsk(typed=typed)


def _refusal(texts: Texts, refused: NotADigestDay) -> Html:
    if refused.problem is DigestProblem.NO_PERIOD:
        return texts("digest-usage")
    typed = refused.typed if len(refused.typed) <= ECHO_LIMIT else refused.typed[:ECHO_LIMIT] + "…"
    lines = [texts("digest-period-refused", problem=refused.problem.value, value=typed)]
    if refused.suggestion is not None:
        lines.append(texts("digest-did-you-mean", suggestion=f"/digest {refused.suggestion}"))
    lines.append(texts("digest-usage"))
    return texts.lines(lines)


async def _answer(
    bot: Bot,
    chat_id: int,
    composed: Composed,
    *,
    with_csv: bool,
    opener: InlineKeyboardMarkup | None,
) -> None:
    for part in composed.parts:
        await bot.send_message(chat_id, part)
    await send_chart(bot, chat_id, composed.chart, composed.caption, opener)
    if with_csv:
        digest = composed.digest
        name = f"digest-{digest.chat_id}-{digest.first_day.isoformat()}.csv"
        await bot.send_document(chat_id, BufferedInputFile(render_csv(digest), name))


async def cmd_digest_subscribe(
    message: Message,
    *,
    operator: OperatorContext,
    texts: Texts,
    digest_subscriptions: DigestSubscriptions,
) -> None:
    user_id = operator.actor.user_id
    if user_id is None:
        await message.reply(texts("digest-needs-person"))
        return
    added, when = await digest_subscriptions.subscribe(operator.chat_id, user_id, datetime.now(UTC))
    key = "digest-subscribed" if added else "digest-already-subscribed"
    await message.reply(
        texts(key, title=operator.title, time=when.local_time, timezone=when.timezone)
    )


async def cmd_digest_unsubscribe(
    message: Message,
    *,
    operator: OperatorContext,
    texts: Texts,
    digest_subscriptions: DigestSubscriptions,
) -> None:
    user_id = operator.actor.user_id
    if user_id is None:
        await message.reply(texts("digest-needs-person"))
        return
    removed = await digest_subscriptions.unsubscribe(operator.chat_id, user_id)
    key = "digest-unsubscribed" if removed else "digest-not-subscribed"
    await message.reply(texts(key, title=operator.title))


async def cmd_digest_time(
    message: Message,
    *,
    command: CommandObject,
    operator: OperatorContext,
    texts: Texts,
    digest_subscriptions: DigestSubscriptions,
) -> None:
    local = parse_local_time(command.args or "")
    if local is None:
        await message.reply(texts("digest-time-usage"))
        return
    when = await digest_subscriptions.set_time(
        operator.chat_id, operator.actor, local, datetime.now(UTC)
    )
    await message.reply(
        texts("digest-time-set", title=operator.title, time=when.local_time, timezone=when.timezone)
    )


async def cmd_digest_chat(
    message: Message,
    *,
    command: CommandObject,
    operator: OperatorContext,
    texts: Texts,
    digest_subscriptions: DigestSubscriptions,
    console: Console,
) -> None:
    argument = (command.args or "").strip().lower()
    now = datetime.now(UTC)
    if argument == "off":
        await digest_subscriptions.stop_sending_to_chat(operator.chat_id, operator.actor, now)
        await message.reply(texts("digest-chat-cleared", title=operator.title))
        return
    if not argument and not operator.in_private and operator.actor.user_id is not None:
        await _offer_groups(message, operator, texts, console, operator.actor.user_id)
        return
    target = _chat_id(argument)
    if target is None or operator.actor.user_id is None:
        await message.reply(texts("digest-chat-usage"))
        return
    if not await digest_subscriptions.send_to_chat(operator.chat_id, operator.actor, target, now):
        await message.reply(texts("digest-chat-refused"))
        return
    await message.reply(texts("digest-chat-set", title=operator.title, chat=str(target)))


async def _offer_groups(
    message: Message, operator: OperatorContext, texts: Texts, console: Console, user_id: int
) -> None:
    """/digest_chat typed in the operators' chat itself: which of the groups this person runs
    sends its digest here. One tap each; the role in that group is checked at the press."""
    groups = [g for g in (await console.groups(user_id)).groups if g.chat_id != operator.chat_id]
    if not groups:
        await message.reply(texts("digest-chat-here-none"))
        return
    builder = InlineKeyboardBuilder()
    for choice in groups:
        builder.button(
            text=texts.plain("groups-button", title=choice.title),
            callback_data=DigestHereCb(chat_id=choice.chat_id, target=operator.chat_id),
        )
    builder.adjust(1)
    await message.reply(
        texts("digest-chat-here", chat=operator.title), reply_markup=builder.as_markup()
    )


async def cb_digest_here(
    query: CallbackQuery,
    *,
    callback_data: DigestHereCb,
    operator: OperatorContext,
    texts: Texts,
    digest_subscriptions: DigestSubscriptions,
) -> None:
    now = datetime.now(UTC)
    target = callback_data.target
    if not await digest_subscriptions.send_to_chat(operator.chat_id, operator.actor, target, now):
        await query.answer(texts.plain("digest-chat-refused"), show_alert=True)
        return
    chat = query.message.chat.title if query.message and query.message.chat.title else str(target)
    await show_in_place(query, texts("digest-chat-set", title=operator.title, chat=chat))


def _chat_id(argument: str) -> int | None:
    try:
        return int(argument)
    except ValueError:
        return None


def create_router() -> Router:
    router = Router(name=__name__)
    operator_command(router, DIGEST, cmd_digest)
    operator_command(router, DIGEST_SUBSCRIBE, cmd_digest_subscribe)
    operator_command(router, DIGEST_UNSUBSCRIBE, cmd_digest_unsubscribe)
    operator_command(router, DIGEST_TIME, cmd_digest_time)
    operator_command(router, DIGEST_CHAT, cmd_digest_chat)
    return router


def create_callback_router() -> Router:
    router = Router(name=f"{__name__}.callbacks")
    operator_callback(router, DIGEST_CHAT, DigestHereCb, cb_digest_here)
    return router


def _build(wiring: Wiring) -> Built:
    courier = TelegramDigestCourier(
        wiring.bot, wiring.authority, DashboardLinks.from_settings(wiring.settings)
    )
    digests = DigestService(
        wiring.session_factory,
        wiring.translator,
        courier,
        default_timezone=wiring.settings.default_timezone,
        default_language=cast(Locale, wiring.settings.default_language),
        sections=wiring.digest_sections,
        charts=wiring.charts,
    )
    subscriptions = DigestSubscriptions(
        wiring.session_factory,
        courier,
        wiring.clock,
        default_timezone=wiring.settings.default_timezone,
    )
    return Built(
        services={"digests": digests, "digest_subscriptions": subscriptions},
        clock_sources=[digests],
        health_probes={"digest": digests.probe},
    )


FEATURE = Feature(
    name="digest",
    operator=(create_router,),
    buttons=(create_callback_router,),
    observers=observe,
    update_types=UPDATE_TYPES,
    build=_build,
)

"""Digests: /digest (preview today or a date), /digest_subscribe, /digest_unsubscribe,
/digest_time HH:MM, /digest_chat <chat id>|off; the Telegram courier the clock's digest jobs
send through; and the events a digest counts that ingest does not store (joins and leaves from
chat_member, replies to the bot, reactions).

/digest 2026-11-27        a finished day      /digest week        last week
/digest csv               today so far, with the numbers as a CSV file
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from datetime import UTC, date, datetime, timedelta
from typing import Any, cast

import structlog
from aiogram import BaseMiddleware, Bot, Dispatcher, Router
from aiogram.exceptions import TelegramAPIError, TelegramBadRequest, TelegramForbiddenError
from aiogram.filters import CommandObject
from aiogram.types import (
    BufferedInputFile,
    ChatMemberUpdated,
    Message,
    MessageReactionUpdated,
    TelegramObject,
)
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.config import Settings
from bot.db import audit
from bot.db import digest as store
from bot.db.write_buffer import UpdateWrites
from bot.domain.attribution import PLACEHOLDER_SENDER_IDS
from bot.domain.audit import AuditAction
from bot.domain.roles import GONE_STATUSES, OperatorCommand, Role
from bot.i18n import Locale, Texts, Translator
from bot.services.clock import Clock
from bot.services.digest import DigestKind
from bot.services.digest_delivery import (
    Composed,
    DigestService,
    RecipientBlocked,
    parse_local_time,
)
from bot.services.digest_render import DigestSections, Visibility, render_csv
from bot.telegram.admins import AdminCache, bot_rights, role_in_group, status_of
from handlers.authority import operator_command
from handlers.features import Built, Feature, Wiring
from handlers.filters import GROUP_CHAT_TYPES
from handlers.middlewares import OperatorContext

log = structlog.get_logger(__name__)

DIGEST = OperatorCommand("digest", Role.ANALYST)
DIGEST_SUBSCRIBE = OperatorCommand("digest_subscribe", Role.ANALYST)
DIGEST_UNSUBSCRIBE = OperatorCommand("digest_unsubscribe", Role.ANALYST)
DIGEST_TIME = OperatorCommand("digest_time", Role.OPERATOR)
DIGEST_CHAT = OperatorCommand("digest_chat", Role.OPERATOR)

UPDATE_TYPES = ("chat_member", "message_reaction")
CHART_NAME = "digest.png"


class TelegramCourier:
    def __init__(
        self,
        bot: Bot,
        session_factory: async_sessionmaker[AsyncSession],
        admins: AdminCache,
        settings: Settings,
    ) -> None:
        self._bot = bot
        self._session_factory = session_factory
        self._admins = admins
        self._settings = settings

    async def visibility(self, chat_id: int) -> Visibility:
        rights = await bot_rights(self._bot, chat_id)
        if rights is None:
            return Visibility(is_admin=None, reads_everything=None)
        return Visibility(is_admin=rights.is_admin, reads_everything=rights.reads_everything)

    async def may_receive(self, chat_id: int, user_id: int) -> bool:
        role = await role_in_group(
            self._bot,
            self._session_factory,
            self._admins,
            self._settings.operator_ids,
            chat_id=chat_id,
            user_id=user_id,
            live=False,
        )
        return role >= Role.ANALYST

    async def send(
        self, recipient: int, parts: Sequence[str], chart: bytes | None, caption: str
    ) -> None:
        try:
            for part in parts:
                await self._bot.send_message(recipient, part)
            if chart is not None:
                await self._bot.send_photo(
                    recipient,
                    BufferedInputFile(chart, CHART_NAME),
                    caption=caption[:1024],
                    parse_mode=None,  # the chart's title, plain text: the group title unescaped
                )
        except TelegramForbiddenError as error:
            raise RecipientBlocked(error.message) from error
        except TelegramBadRequest as error:
            if "chat not found" in error.message.lower():
                raise RecipientBlocked(error.message) from error
            raise


def digest_service(
    bot: Bot,
    *,
    session_factory: async_sessionmaker[AsyncSession],
    translator: Translator,
    admins: AdminCache,
    settings: Settings,
    sections: DigestSections,
) -> DigestService:
    return DigestService(
        session_factory,
        translator,
        TelegramCourier(bot, session_factory, admins, settings),
        default_timezone=settings.default_timezone,
        default_language=cast(Locale, settings.default_language),
        sections=sections,
    )


async def cmd_digest(
    message: Message,
    *,
    bot: Bot,
    command: CommandObject,
    operator: OperatorContext,
    texts: Texts,
    session_factory: async_sessionmaker[AsyncSession],
    translator: Translator,
    admins: AdminCache,
    settings: Settings,
    digest_sections: DigestSections,
) -> None:
    service = digest_service(
        bot,
        session_factory=session_factory,
        translator=translator,
        admins=admins,
        settings=settings,
        sections=digest_sections,
    )
    target = await service.target(operator.chat_id)
    if target is None:
        return
    now = datetime.now(UTC)
    words = (command.args or "").lower().split()
    with_csv = "csv" in words
    words = [word for word in words if word != "csv"]
    today = service.today(target, now)
    if not words:
        kind, day = DigestKind.PREVIEW, today
    elif words == ["week"]:
        kind, day = DigestKind.WEEKLY, today - timedelta(days=today.weekday() + 7)
    else:
        day_or_none = _date(words[0]) if len(words) == 1 else None
        if day_or_none is None or day_or_none > today:
            await message.reply(texts("digest-usage"))
            return
        kind, day = DigestKind.DAILY if day_or_none < today else DigestKind.PREVIEW, day_or_none
    composed = await service.compose(target, texts, kind, day, now)
    await _answer(bot, message.chat.id, composed, with_csv=with_csv)


async def _answer(bot: Bot, chat_id: int, composed: Composed, *, with_csv: bool) -> None:
    for part in composed.parts:
        await bot.send_message(chat_id, part)
    await bot.send_photo(
        chat_id,
        BufferedInputFile(composed.chart, CHART_NAME),
        caption=composed.caption[:1024],
        parse_mode=None,  # the chart's title, plain text: the group title unescaped
    )
    if with_csv:
        digest = composed.digest
        name = f"digest-{digest.chat_id}-{digest.first_day.isoformat()}.csv"
        await bot.send_document(chat_id, BufferedInputFile(render_csv(digest), name))


def _date(word: str) -> date | None:
    try:
        return date.fromisoformat(word)
    except ValueError:
        return None


async def cmd_digest_subscribe(
    message: Message,
    *,
    operator: OperatorContext,
    texts: Texts,
    session_factory: async_sessionmaker[AsyncSession],
    settings: Settings,
    clock: Clock | None = None,
) -> None:
    user_id = operator.actor.user_id
    if user_id is None:
        await message.reply(texts("digest-needs-person"))
        return
    async with session_factory() as session, session.begin():
        added = await store.subscribe(session, operator.chat_id, user_id, datetime.now(UTC))
        local_time, _ = await store.digest_settings(session, operator.chat_id)
    timezone = await _timezone(session_factory, operator.chat_id, settings)
    key = "digest-subscribed" if added else "digest-already-subscribed"
    await message.reply(
        texts(key, title=operator.title, time=local_time or "09:00", timezone=timezone)
    )
    if clock is not None:
        await clock.rebuild()


async def cmd_digest_unsubscribe(
    message: Message,
    *,
    operator: OperatorContext,
    texts: Texts,
    session_factory: async_sessionmaker[AsyncSession],
    clock: Clock | None = None,
) -> None:
    user_id = operator.actor.user_id
    if user_id is None:
        await message.reply(texts("digest-needs-person"))
        return
    async with session_factory() as session, session.begin():
        removed = await store.unsubscribe(session, operator.chat_id, user_id)
    key = "digest-unsubscribed" if removed else "digest-not-subscribed"
    await message.reply(texts(key, title=operator.title))
    if clock is not None:
        await clock.rebuild()


async def cmd_digest_time(
    message: Message,
    *,
    command: CommandObject,
    operator: OperatorContext,
    texts: Texts,
    session_factory: async_sessionmaker[AsyncSession],
    settings: Settings,
    clock: Clock | None = None,
) -> None:
    local = parse_local_time(command.args or "")
    if local is None:
        await message.reply(texts("digest-time-usage"))
        return
    written = f"{local:%H:%M}"
    now = datetime.now(UTC)
    async with session_factory() as session, session.begin():
        await store.set_digest_settings(session, operator.chat_id, now, local_time=written)
        await audit.record(
            session, operator.audit(AuditAction.DIGEST_TIME_SET, now, detail=written)
        )
    timezone = await _timezone(session_factory, operator.chat_id, settings)
    await message.reply(
        texts("digest-time-set", title=operator.title, time=written, timezone=timezone)
    )
    if clock is not None:
        await clock.rebuild()


async def cmd_digest_chat(
    message: Message,
    *,
    bot: Bot,
    command: CommandObject,
    operator: OperatorContext,
    texts: Texts,
    session_factory: async_sessionmaker[AsyncSession],
    clock: Clock | None = None,
) -> None:
    argument = (command.args or "").strip().lower()
    now = datetime.now(UTC)
    if argument == "off":
        async with session_factory() as session, session.begin():
            await store.set_digest_settings(
                session, operator.chat_id, now, clear_operators_chat=True
            )
            await audit.record(session, operator.audit(AuditAction.DIGEST_CHAT_CLEARED, now))
        await message.reply(texts("digest-chat-cleared", title=operator.title))
    else:
        target = _chat_id(argument)
        user_id = operator.actor.user_id
        # A chat id typed by a client is data: the caller must administer that chat now.
        if target is None or user_id is None:
            await message.reply(texts("digest-chat-usage"))
            return
        if not await _administers(bot, target, user_id):
            await message.reply(texts("digest-chat-refused"))
            return
        async with session_factory() as session, session.begin():
            await store.set_digest_settings(
                session, operator.chat_id, now, operators_chat_id=target
            )
            await audit.record(
                session, operator.audit(AuditAction.DIGEST_CHAT_SET, now, detail=str(target))
            )
        await message.reply(texts("digest-chat-set", title=operator.title, chat=str(target)))
    if clock is not None:
        await clock.rebuild()


def _chat_id(argument: str) -> int | None:
    try:
        return int(argument)
    except ValueError:
        return None


async def _administers(bot: Bot, chat_id: int, user_id: int) -> bool:
    try:
        member = await bot.get_chat_member(chat_id, user_id)
    except TelegramAPIError:
        return False
    return status_of(member) in ("creator", "administrator")


async def _timezone(
    session_factory: async_sessionmaker[AsyncSession], chat_id: int, settings: Settings
) -> str:
    from bot.db.chat_settings import group  # noqa: PLC0415

    async with session_factory() as session:
        record = await group(session, chat_id)
    return (record.timezone if record else None) or settings.default_timezone


def create_router() -> Router:
    router = Router(name=__name__)
    operator_command(router, DIGEST, cmd_digest)
    operator_command(router, DIGEST_SUBSCRIBE, cmd_digest_subscribe)
    operator_command(router, DIGEST_UNSUBSCRIBE, cmd_digest_unsubscribe)
    operator_command(router, DIGEST_TIME, cmd_digest_time)
    operator_command(router, DIGEST_CHAT, cmd_digest_chat)
    return router


Next = Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]]


class GroupEvents(BaseMiddleware):
    """Records joins and leaves (chat_member), replies to the bot and reactions. An outer
    middleware, so it never takes an update away from a feature's handler; the rows go into the
    batch's write buffer, durable with the batch before Telegram is told it was received."""

    async def __call__(self, handler: Next, event: TelegramObject, data: dict[str, Any]) -> Any:
        recorded = _event_of(event, data["bot"])
        if recorded is not None:
            writes: UpdateWrites = data["writes"]
            writes.add(store.GROUP_EVENT_INSERT, recorded)
        return await handler(event, data)


def _event_of(event: TelegramObject, bot: Bot) -> tuple[Any, ...] | None:
    if isinstance(event, Message):
        reply = event.reply_to_message
        if (
            event.chat.type in GROUP_CHAT_TYPES
            and reply is not None
            and reply.from_user is not None
            and reply.from_user.id == bot.id
            and event.from_user is not None
            # An anonymous admin's or a channel's reply carries a placeholder `from`: no person.
            and event.sender_chat is None
            and event.from_user.id not in PLACEHOLDER_SENDER_IDS
        ):
            return _event(
                event.chat.id,
                "bot_reply",
                event.from_user.id,
                event.message_id,
                amount=1,
                at=event.date,
            )
        return None
    if isinstance(event, ChatMemberUpdated):
        if event.chat.type not in GROUP_CHAT_TYPES:
            return None
        before = status_of(event.old_chat_member) in GONE_STATUSES
        after = status_of(event.new_chat_member) in GONE_STATUSES
        if before == after:
            return None
        kind = "leave" if after else "join"
        return _event(
            event.chat.id, kind, event.new_chat_member.user.id, 0, amount=1, at=event.date
        )
    if isinstance(event, MessageReactionUpdated) and event.chat.type in GROUP_CHAT_TYPES:
        added = len(event.new_reaction) - len(event.old_reaction)
        if added <= 0:
            return None
        who = event.user.id if event.user else (event.actor_chat.id if event.actor_chat else 0)
        return _event(event.chat.id, "reaction", who, event.message_id, amount=added, at=event.date)
    return None


def _event(
    chat_id: int, kind: str, user_id: int, message_id: int, *, amount: int, at: datetime
) -> tuple[Any, ...]:
    return (chat_id, kind, user_id, message_id, amount, at.astimezone(UTC))


async def on_reaction_recorded(reaction: MessageReactionUpdated) -> None:
    """GroupEvents recorded it; no feature acts on reactions, so no router needs to see one."""


def observe(dispatcher: Dispatcher) -> None:
    events = GroupEvents()
    dispatcher.message.outer_middleware(events)
    dispatcher.chat_member.outer_middleware(events)
    dispatcher.message_reaction.outer_middleware(events)
    # Reactions come in bursts (one update each): end them at the dispatcher, not after a walk
    # through every feature's router.
    dispatcher.message_reaction.register(on_reaction_recorded)


def _build(wiring: Wiring) -> Built:
    digests = digest_service(
        wiring.bot,
        session_factory=wiring.session_factory,
        translator=wiring.translator,
        admins=wiring.admins,
        settings=wiring.settings,
        sections=wiring.digest_sections,
    )
    return Built(
        services={"digests": digests},
        clock_sources=[digests],
        health_probes={"digest": digests.probe},
    )


FEATURE = Feature(
    name="digest",
    operator=(create_router,),
    observers=observe,
    update_types=UPDATE_TYPES,
    build=_build,
)

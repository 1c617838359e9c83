"""Fans' control of their data, and operators' retention of comment text.

Fans (private chat):  /mydata   everything stored about them, as a JSON document
                      /forget   asks for confirmation, then deletes or anonymises it all and
                                leaves a tombstone (ingest never stores them again)
Operators:            /forget_user @username|id (or by reply in the group): the same, on a
                      fan's behalf; destructive (re-checked live at the button), audited
                      /retention 90d | off   purge comment text older than N days, daily
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

import structlog
from aiogram import Router
from aiogram.filters import CommandObject
from aiogram.filters.callback_data import CallbackData
from aiogram.types import BufferedInputFile, CallbackQuery, InlineKeyboardMarkup, Message
from aiogram.utils.keyboard import InlineKeyboardBuilder
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.db import audit
from bot.db.privacy import forget_person, is_known_in, person_data
from bot.db.retention import clear_retention, retention_days, set_retention
from bot.domain.roles import OperatorCommand, Role
from bot.i18n import Texts
from bot.services.retention import RetentionJobs, parse_retention
from handlers.authority import (
    operator_callback,
    operator_command,
    public_callback,
    public_command,
)
from handlers.callbacks import BigInt
from handlers.features import Built, Feature, Wiring
from handlers.middlewares import OperatorContext
from handlers.operators import NoSubject, _subject

log = structlog.get_logger(__name__)

FORGET_USER = OperatorCommand("forget_user", Role.OPERATOR, destructive=True)
RETENTION = OperatorCommand("retention", Role.OPERATOR)


class ForgetCb(CallbackData, prefix="fg1"):
    """A fan's own confirmation: only the person it was sent to may press it."""

    user_id: BigInt
    confirm: bool


class ForgetUserCb(CallbackData, prefix="fu1"):
    """An operator's confirmation; the role in `chat_id` is re-checked live at the press."""

    chat_id: BigInt
    user_id: BigInt
    confirm: bool


PUBLIC_CALLBACKS: tuple[type[CallbackData], ...] = (ForgetCb,)
OPERATOR_CALLBACKS: tuple[type[CallbackData], ...] = (ForgetUserCb,)


def _person(message: Message) -> int | None:
    user = message.from_user
    if message.sender_chat is not None or user is None or user.is_bot:
        return None
    return user.id


async def cmd_mydata(
    message: Message, *, texts: Texts, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    person = _person(message)
    if person is None:
        await message.answer(texts("privacy-not-a-person"))
        return
    now = datetime.now(UTC)
    async with session_factory() as session:
        data = await person_data(session, person, now)
    body = json.dumps(data, ensure_ascii=False, indent=1).encode()
    await message.answer_document(
        BufferedInputFile(body, f"fanpulse-mydata-{person}.json"),
        caption=texts("mydata-caption", comments=len(data["comments"])),
    )


def confirm_keyboard(texts: Texts, yes: CallbackData, no: CallbackData) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    builder.button(text=texts.plain("forget-confirm-button"), callback_data=yes)
    builder.button(text=texts.plain("forget-cancel-button"), callback_data=no)
    builder.adjust(2)
    return builder.as_markup()


async def cmd_forget(message: Message, *, texts: Texts) -> None:
    person = _person(message)
    if person is None:
        await message.answer(texts("privacy-not-a-person"))
        return
    await message.answer(
        texts("forget-ask"),
        reply_markup=confirm_keyboard(
            texts,
            ForgetCb(user_id=person, confirm=True),
            ForgetCb(user_id=person, confirm=False),
        ),
    )


async def forget(session_factory: async_sessionmaker[AsyncSession], user_id: int) -> int:
    """Forget in one transaction; returns how many comments went."""
    async with session_factory() as session, session.begin():
        forgotten = await forget_person(session, user_id, datetime.now(UTC))
    return forgotten.comments


async def cb_forget(
    query: CallbackQuery,
    *,
    callback_data: ForgetCb,
    texts: Texts,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    if query.from_user.id != callback_data.user_id:
        await query.answer(texts.plain("forget-not-yours"), show_alert=True)
        return
    if not callback_data.confirm:
        await _close(query, texts("forget-cancelled"))
        return
    comments = await forget(session_factory, callback_data.user_id)
    log.info("privacy.forgotten", by="self", comments=comments)
    await _close(query, texts("forget-done", comments=comments))


async def _close(query: CallbackQuery, text: str) -> None:
    await query.answer()
    if isinstance(query.message, Message):
        await query.message.edit_text(text, reply_markup=None)


async def cmd_forget_user(
    message: Message,
    *,
    command: CommandObject,
    operator: OperatorContext,
    texts: Texts,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    subject = await _subject(message, (command.args or "").split(), operator, session_factory)
    if isinstance(subject, NoSubject):
        key = "forget-user-usage" if subject.key == "subject-missing" else subject.key
        await message.reply(texts(key, who=subject.who))
        return
    async with session_factory() as session:
        known = await is_known_in(session, subject.user_id, operator.chat_id)
    if not known:
        await message.reply(texts("forget-user-unknown", who=subject.name, title=operator.title))
        return
    keys = {"chat_id": operator.chat_id, "user_id": subject.user_id}
    await message.reply(
        texts("forget-user-ask", who=subject.name, title=operator.title),
        reply_markup=confirm_keyboard(
            texts, ForgetUserCb(**keys, confirm=True), ForgetUserCb(**keys, confirm=False)
        ),
    )


async def cb_forget_user(
    query: CallbackQuery,
    *,
    callback_data: ForgetUserCb,
    operator: OperatorContext,
    texts: Texts,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    if not callback_data.confirm:
        await _close(query, texts("forget-cancelled"))
        return
    now = datetime.now(UTC)
    async with session_factory() as session, session.begin():
        if not await is_known_in(session, callback_data.user_id, operator.chat_id):
            await query.answer(texts.plain("forget-user-gone"), show_alert=True)
            return
        forgotten = await forget_person(session, callback_data.user_id, now)
        # The tombstone holds the id; the audit says that someone was forgotten, not who.
        await audit.record(
            session,
            operator.audit("fan-forgotten", now, detail=str(forgotten.comments)),
        )
    log.info("privacy.forgotten", by="operator", comments=forgotten.comments)
    await _close(query, texts("forget-done", comments=forgotten.comments))


async def cmd_retention(
    message: Message,
    *,
    command: CommandObject,
    operator: OperatorContext,
    texts: Texts,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    args = (command.args or "").strip()
    if not args:
        async with session_factory() as session:
            days = await retention_days(session, operator.chat_id)
        await message.reply(texts("retention-current", days=days or 0, title=operator.title))
        return
    parsed = parse_retention(args)
    if isinstance(parsed, str):
        await message.reply(texts("retention-usage"))
        return
    now = datetime.now(UTC)
    async with session_factory() as session, session.begin():
        if parsed is None:
            changed = await clear_retention(session, operator.chat_id)
        else:
            await set_retention(session, operator.chat_id, parsed, now)
            changed = True
        if changed:
            await audit.record(
                session,
                operator.audit("retention-set", now, detail=str(parsed or 0)),
            )
    await message.reply(texts("retention-set", days=parsed or 0, title=operator.title))


def create_router() -> Router:
    """Operator commands, in the group and from private chat."""
    router = Router(name=__name__)
    operator_command(router, FORGET_USER, cmd_forget_user)
    operator_command(router, RETENTION, cmd_retention)
    return router


def create_private_router() -> Router:
    """/mydata and /forget: a fan's own, in private chat only (the answer is personal)."""
    router = Router(name=f"{__name__}.private")
    public_command(router, "mydata", cmd_mydata)
    public_command(router, "forget", cmd_forget)
    return router


def create_callback_router() -> Router:
    router = Router(name=f"{__name__}.buttons")
    public_callback(router, "forget", ForgetCb, cb_forget)
    operator_callback(router, FORGET_USER, ForgetUserCb, cb_forget_user)
    return router


def _build(wiring: Wiring) -> Built:
    return Built(clock_sources=[RetentionJobs(wiring.session_factory)])


FEATURE = Feature(
    name="privacy",
    operator=(create_router,),
    private=(create_private_router,),
    buttons=(create_callback_router,),
    build=_build,
)

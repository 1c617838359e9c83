"""Fans' control of their data, and operators' retention of comment text.

Fans (private chat):  /mydata   everything stored about them, as a JSON document
                      /forget   asks for confirmation, then deletes or anonymises it all and
                                leaves a tombstone (ingest never stores them again)
Operators:            /forget_user @username|id (or by reply in the group): on a fan's
                      behalf, in the operator's own group only; destructive (re-checked
                      live at the button), audited there
                      /retention 90d | off   purge comment text older than N days, daily
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from aiogram import Router
from aiogram.filters import CommandObject
from aiogram.filters.callback_data import CallbackData
from aiogram.types import BufferedInputFile, CallbackQuery, InlineKeyboardMarkup, Message
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.domain.arguments import parse_number
from bot.domain.roles import OperatorCommand, Role
from bot.i18n import Html, Texts
from bot.services.privacy import NoSuchPerson, NotInGroup, Person, PrivacyService
from bot.services.retention import RetentionService, parse_retention
from handlers.authority import (
    operator_callback,
    operator_command,
    public_callback,
    public_command,
)
from handlers.callbacks import ForgetCb, ForgetUserCb
from handlers.features import Built, Feature, Wiring
from handlers.middlewares import OperatorContext

FORGET_USER = OperatorCommand("forget_user", Role.OPERATOR, destructive=True)
# Shortening retention purges comment text: the caller's authority is asked live.
RETENTION = OperatorCommand("retention", Role.OPERATOR, destructive=True)


def _person(message: Message) -> int | None:
    user = message.from_user
    if message.sender_chat is not None or user is None or user.is_bot:
        return None
    return user.id


async def cmd_mydata(message: Message, *, texts: Texts, privacy: PrivacyService) -> None:
    person = _person(message)
    if person is None:
        await message.answer(texts("privacy-not-a-person"))
        return
    data = await privacy.my_data(person)
    await message.answer_document(
        BufferedInputFile(data.document, data.name),
        caption=texts("mydata-caption", comments=data.comments),
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


async def cb_forget(
    query: CallbackQuery,
    *,
    callback_data: ForgetCb,
    texts: Texts,
    privacy: PrivacyService,
) -> None:
    if query.from_user.id != callback_data.user_id:
        await query.answer(texts.plain("forget-not-yours"), show_alert=True)
        return
    if not callback_data.confirm:
        await _close(query, texts("forget-cancelled"))
        return
    comments = await privacy.forget_self(callback_data.user_id)
    await _close(query, texts("forget-done", comments=comments))


async def _close(query: CallbackQuery, text: str) -> None:
    await query.answer()
    if isinstance(query.message, Message):
        await query.message.edit_text(text, reply_markup=None)


def mention(user_id: int, name: str) -> Html:
    """The person named with a link to their profile, so that the operator sees whom they are
    about to act on (a stored @username may be someone else's by now)."""
    return Html(f'<a href="tg://user?id={user_id}">{html.escape(name, quote=False)}</a>')


@dataclass(frozen=True, slots=True)
class Unusable:
    """Nobody /forget_user can be about; `key` says why."""

    key: str


def _forget_subject(
    message: Message, words: list[str], operator: OperatorContext
) -> Person | str | Unusable:
    """Whom /forget_user is about: the author of the replied message (in the group), or the
    @username / numeric id typed after the command, as typed."""
    replied = message.reply_to_message
    if replied is not None and not operator.in_private and not words:
        if replied.sender_chat is not None or replied.from_user is None:
            return Unusable("subject-not-a-person")
        if replied.from_user.is_bot:
            return Unusable("subject-is-a-bot")
        person = replied.from_user
        return Person(person.id, f"@{person.username}" if person.username else person.full_name)
    word = words[0] if words else ""
    if word.startswith("@") and len(word) > 1:
        return word
    # An id as parse_number reads it (#8, ＃８), handed on in plain digits.
    if (number := parse_number(word.removeprefix("-"))) is not None:
        return f"-{number}" if word.startswith("-") else str(number)
    return Unusable("forget-user-usage")


async def cmd_forget_user(
    message: Message,
    *,
    command: CommandObject,
    operator: OperatorContext,
    texts: Texts,
    privacy: PrivacyService,
) -> None:
    subject = _forget_subject(message, (command.args or "").split(), operator)
    if isinstance(subject, Unusable):
        await message.reply(texts(subject.key, who=""))
        return
    candidate = await privacy.forget_candidate(operator.chat_id, subject)
    if isinstance(candidate, NoSuchPerson):
        await message.reply(texts("subject-unknown", who=candidate.who))
        return
    if isinstance(candidate, NotInGroup):
        await message.reply(texts("forget-user-unknown", who=candidate.name, title=operator.title))
        return
    keys = {"chat_id": operator.chat_id, "user_id": candidate.user_id}
    await message.reply(
        texts(
            "forget-user-ask", who=mention(candidate.user_id, candidate.name), title=operator.title
        ),
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
    privacy: PrivacyService,
) -> None:
    if not callback_data.confirm:
        await _close(query, texts("forget-cancelled"))
        return
    comments = await privacy.forget_for_operator(
        operator.chat_id, operator.actor, callback_data.user_id
    )
    if comments is None:
        await query.answer(texts.plain("forget-user-gone"), show_alert=True)
        return
    await _close(query, texts("forget-user-done", comments=comments, title=operator.title))


async def cmd_retention(
    message: Message,
    *,
    command: CommandObject,
    operator: OperatorContext,
    texts: Texts,
    retention: RetentionService,
) -> None:
    args = (command.args or "").strip()
    if not args:
        days = await retention.days(operator.chat_id)
        await message.reply(texts("retention-current", days=days or 0, title=operator.title))
        return
    parsed = parse_retention(args)
    if isinstance(parsed, str):
        await message.reply(texts("retention-usage"))
        return
    await retention.set(operator.chat_id, operator.actor, parsed)
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
    retention = RetentionService(wiring.session_factory)
    return Built(
        services={"privacy": PrivacyService(wiring.session_factory), "retention": retention},
        clock_sources=[retention],
    )


FEATURE = Feature(
    name="privacy",
    operator=(create_router,),
    private=(create_private_router,),
    buttons=(create_callback_router,),
    build=_build,
)

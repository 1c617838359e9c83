"""Fans' control of their data, and operators' retention of comment text.

Fans (private chat):  /mydata   everything stored about them, as a JSON document
                      /forget   asks for confirmation, then deletes or anonymises it all and
                                leaves a tombstone (ingest never stores them again)
Fans (in a group):    /mydata, /forget   the same, sent to them in private; the group only
                                hears "sent to you in private", or, when Telegram refuses to
                                write to someone who never started the bot, a button to start it
Operators:            /forget_user @username|id (or by reply in the group): on a fan's
                      behalf, in the operator's own group only; destructive (re-checked
                      live at the button), audited there
                      /retention 90d | off   purge comment text older than N days, daily
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from aiogram import Bot, Router
from aiogram.exceptions import TelegramForbiddenError
from aiogram.filters import CommandObject
from aiogram.filters.callback_data import CallbackData
from aiogram.types import (
    BufferedInputFile,
    CallbackQuery,
    FSInputFile,
    InlineKeyboardMarkup,
    Message,
)
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.domain.arguments import parse_number
from bot.domain.roles import OperatorCommand, Role
from bot.i18n import Html, Texts, Translator
from bot.services.languages import Languages
from bot.services.member_tags import MemberTags
from bot.services.privacy import NoSuchPerson, NotInGroup, Person, PrivacyService
from bot.services.retention import RetentionService, parse_retention
from bot.telegram.progress_note import ProgressNote
from handlers import member_tags
from handlers.authority import (
    operator_callback,
    operator_command,
    public_callback,
    public_command,
)
from handlers.callbacks import FORGET_START, MYDATA_START, ForgetCb, ForgetUserCb
from handlers.confirm import RETENTION as RETENTION_KIND
from handlers.confirm import Confirmations
from handlers.deep_links import open_in_private
from handlers.features import Built, Feature, Wiring
from handlers.middlewares import OperatorContext, personal_texts

FORGET_USER = OperatorCommand("forget_user", Role.OPERATOR, destructive=True)
# Shortening retention purges comment text: the caller's authority is asked live.
RETENTION = OperatorCommand("retention", Role.OPERATOR, destructive=True)


def _person(message: Message) -> int | None:
    user = message.from_user
    if message.sender_chat is not None or user is None or user.is_bot:
        return None
    return user.id


async def cmd_mydata_in_group(
    message: Message,
    *,
    bot: Bot,
    texts: Texts,
    translator: Translator,
    languages: Languages,
    privacy: PrivacyService,
) -> None:
    person = _person(message)
    if person is None or message.from_user is None:
        await message.reply(texts("privacy-not-a-person"))
        return
    own = await personal_texts(translator, languages, person, message.from_user.language_code)
    title = message.chat.title or str(message.chat.id)
    text = own("mydata-from-group", title=title)
    if not await _reached(bot, message, texts, person, text=text, payload=MYDATA_START):
        return
    data = await privacy.my_data(person)
    await bot.send_document(
        person,
        BufferedInputFile(data.document, data.name),
        caption=own("mydata-caption", comments=data.comments),
    )
    await message.reply(texts("privacy-sent-privately"))


async def cmd_forget_in_group(
    message: Message,
    *,
    bot: Bot,
    texts: Texts,
    translator: Translator,
    languages: Languages,
) -> None:
    person = _person(message)
    if person is None or message.from_user is None:
        await message.reply(texts("privacy-not-a-person"))
        return
    own = await personal_texts(translator, languages, person, message.from_user.language_code)
    keyboard = _forget_keyboard(own, person)
    text = own("forget-ask")
    if not await _reached(
        bot, message, texts, person, text=text, payload=FORGET_START, keyboard=keyboard
    ):
        return
    await message.reply(texts("privacy-sent-privately"))


async def _reached(
    bot: Bot,
    message: Message,
    texts: Texts,
    person: int,
    *,
    text: str,
    payload: str,
    keyboard: InlineKeyboardMarkup | None = None,
) -> bool:
    """Writes to the person privately; when Telegram refuses (they never started the bot, or
    blocked it), the group hears how to open it, and nothing else happens."""
    try:
        await bot.send_message(person, text, reply_markup=keyboard)
    except TelegramForbiddenError:
        await message.reply(
            texts("privacy-start-me-first"),
            reply_markup=await open_in_private(bot, texts, payload),
        )
        return False
    return True


async def cmd_mydata(message: Message, *, texts: Texts, privacy: PrivacyService, bot: Bot) -> None:
    person = _person(message)
    if person is None:
        await message.answer(texts("privacy-not-a-person"))
        return
    progress = ProgressNote(bot, message, texts, "mydata-progress")
    async with privacy.my_data_file(person, progress) as data:
        # Uploaded from the file in chunks, before the block removes it.
        await message.answer_document(
            FSInputFile(data.path, data.name),
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
    await message.answer(texts("forget-ask"), reply_markup=_forget_keyboard(texts, person))


def _forget_keyboard(texts: Texts, person: int) -> InlineKeyboardMarkup:
    return confirm_keyboard(
        texts, ForgetCb(user_id=person, confirm=True), ForgetCb(user_id=person, confirm=False)
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
    confirmations: Confirmations,
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
    if parsed is not None and (erased := await retention.would_erase(operator.chat_id, parsed)):
        # Shorter than what is stored: the purge would erase text, so ask first.
        said = await confirmations.reader(message, operator, texts)
        await confirmations.ask(
            message,
            operator,
            said,
            kind=RETENTION_KIND,
            payload={"days": parsed, "count": erased},
            question="confirm-retention",
            days=parsed,
            count=erased,
        )
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


def create_group_router() -> Router:
    """/mydata and /forget typed in a group: answered in private."""
    router = Router(name=f"{__name__}.group")
    public_command(router, "mydata", cmd_mydata_in_group, listed=False)
    public_command(router, "forget", cmd_forget_in_group, listed=False)
    return router


def create_callback_router() -> Router:
    router = Router(name=f"{__name__}.buttons")
    public_callback(router, "forget", ForgetCb, cb_forget)
    operator_callback(router, FORGET_USER, ForgetUserCb, cb_forget_user)
    return router


def _build(wiring: Wiring) -> Built:
    retention = RetentionService(wiring.session_factory)
    tags = member_tags.build(wiring).services["member_tags"]
    assert isinstance(tags, MemberTags)
    privacy = PrivacyService(wiring.session_factory, before_forget=tags.clear_person)
    return Built(
        services={"privacy": privacy, "retention": retention},
        clock_sources=[retention],
    )


FEATURE = Feature(
    name="privacy",
    operator=(create_router,),
    group_commands=(create_group_router,),
    private=(create_private_router,),
    buttons=(create_callback_router,),
    build=_build,
)

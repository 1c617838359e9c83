"""The operators' toolkit: /warn, /mute 1h, /ban, /unban by reply or by @name, and fans'
/report, which reaches the operators with Ban / Mute / Dismiss. The checks against Telegram's
live rights are the service's (bot/services/moderation.py); this only reads the command."""

from __future__ import annotations

import structlog
from aiogram import Bot, Router
from aiogram.exceptions import TelegramAPIError
from aiogram.filters import CommandObject
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message, User
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.domain.door import SettingError, parse_mute
from bot.domain.moderation import Sanction
from bot.domain.roles import OperatorCommand, Role
from bot.i18n import Texts
from bot.services.moderation import Moderation, Outcome, Target
from bot.telegram.admins import AdminCache
from bot.telegram.door_courier import TelegramDoorCourier
from bot.telegram.show_in_place import show_in_place
from handlers.authority import operator_callback, operator_command, public_command
from handlers.callbacks import ReportCb
from handlers.door import door_keyboard
from handlers.features import Built, Feature, Wiring
from handlers.middlewares import OperatorContext

log = structlog.get_logger(__name__)

SANCTIONS = {
    sanction: OperatorCommand(sanction.value, Role.OPERATOR, destructive=True, console=False)
    for sanction in Sanction
}
REPORT_DECISION = OperatorCommand("report_decide", Role.OPERATOR, destructive=True)
REPORT_ACTIONS = ("ban", "mute", "dismiss")


def _person(user: User) -> Target:
    name = f"@{user.username}" if user.username else user.full_name
    return Target(user.id, name, user.is_bot)


def _names_someone(word: str) -> bool:
    """`@name` or a numeric id, as opposed to a duration such as `1h` or `30分钟`."""
    return word.startswith("@") or (word.isdecimal() and len(word) >= 5)


async def _target(
    message: Message, words: list[str], moderation: Moderation
) -> tuple[Target | str, list[str]]:
    """Whom the command is about (or the refusal's key), and the words left after it."""
    if words and _names_someone(words[0]):
        found = await moderation.find(words[0])
        return (found if found is not None else "mod-unknown"), words[1:]
    replied = message.reply_to_message
    if replied is None:
        return "mod-usage", words
    if replied.sender_chat is not None or replied.from_user is None:
        return "mod-not-a-person", words
    return _person(replied.from_user), words


def outcome_args(outcome: Outcome, who: str, command: str) -> dict[str, str | int]:
    return {
        "who": outcome.who or who,
        "count": outcome.warnings,
        "limit": outcome.limit,
        "minutes": outcome.minutes,
        "command": command,
    }


async def cmd_sanction(
    message: Message,
    *,
    command: CommandObject,
    operator: OperatorContext,
    texts: Texts,
    moderation: Moderation,
) -> None:
    sanction = Sanction(command.command.lower())
    target, rest = await _target(message, (command.args or "").split(), moderation)
    if isinstance(target, str):
        typed = (command.args or "").split()[:1]
        await message.reply(texts(target, command=sanction.value, who=" ".join(typed)[:64]))
        return
    duration = None
    if sanction is Sanction.MUTE and rest:
        try:
            duration = parse_mute(" ".join(rest))
        except SettingError as error:
            await message.reply(texts(error.code, typed=error.typed[:64]))
            return
    outcome = await moderation.act(operator.chat_id, operator.actor, target, sanction, duration)
    await message.reply(texts(outcome.key, **outcome_args(outcome, target.name, sanction.value)))


async def cmd_report(
    message: Message,
    *,
    bot: Bot,
    texts: Texts,
    moderation: Moderation,
    admins: AdminCache,
) -> None:
    replied = message.reply_to_message
    if message.from_user is None or message.sender_chat is not None:
        return
    if replied is None or replied.from_user is None or replied.sender_chat is not None:
        await message.reply(texts("mod-report-usage"))
        return
    target = _person(replied.from_user)
    filed = await moderation.file_report(
        message.chat.id, message.from_user.id, target, replied.message_id
    )
    if isinstance(filed, str):
        await message.reply(texts(filed))
        return
    chat_id, title = message.chat.id, message.chat.title or str(message.chat.id)
    text = texts(
        "mod-report",
        title=title,
        reporter=_person(message.from_user).name,
        who=target.name,
        link=_message_link(chat_id, replied.message_id),
        excerpt=(replied.text or replied.caption or "")[:300],
    )
    keyboard = report_keyboard(texts, chat_id, filed.report_id)
    recipients = (
        [filed.operators_chat]
        if filed.operators_chat is not None
        else list(await admins.admins(bot, chat_id))
    )
    for recipient in recipients:
        try:
            await bot.send_message(recipient, text, reply_markup=keyboard)
        except TelegramAPIError as error:
            log.info("report.undelivered", chat_id=recipient, error=type(error).__name__)
    await message.reply(texts("mod-report-filed"))


def _message_link(chat_id: int, message_id: int) -> str:
    internal = str(chat_id).removeprefix("-100")
    return f"https://t.me/c/{internal}/{message_id}"


def report_keyboard(texts: Texts, chat_id: int, report_id: int) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for action in REPORT_ACTIONS:
        builder.button(
            text=texts.plain("mod-report-button", action=action),
            callback_data=ReportCb(chat_id=chat_id, report_id=report_id, action=action),
        )
    return builder.as_markup()


async def cb_report(
    query: CallbackQuery,
    *,
    callback_data: ReportCb,
    operator: OperatorContext,
    texts: Texts,
    moderation: Moderation,
) -> None:
    if callback_data.action not in REPORT_ACTIONS:
        await query.answer(texts.plain("mod-report-decided"), show_alert=True)
        return
    outcome = await moderation.decide_report(
        operator.chat_id, callback_data.report_id, operator.actor, callback_data.action
    )
    args = outcome_args(outcome, "", callback_data.action)
    if not outcome.done:
        await query.answer(texts.plain(outcome.key, **args), show_alert=True)
        return
    await show_in_place(query, texts(outcome.key, **args))


def create_router() -> Router:
    router = Router(name=__name__)
    for spec in SANCTIONS.values():
        operator_command(router, spec, cmd_sanction)
    return router


def create_group_command_router() -> Router:
    router = Router(name=f"{__name__}.report")
    public_command(router, "report", cmd_report)
    return router


def create_callback_router() -> Router:
    router = Router(name=f"{__name__}.callbacks")
    operator_callback(router, REPORT_DECISION, ReportCb, cb_report)
    return router


def build(wiring: Wiring) -> Built:
    courier = TelegramDoorCourier(wiring.bot, door_keyboard)
    moderation = Moderation(wiring.session_factory, wiring.clock, courier, wiring.bot.id)
    return Built(services={"moderation": moderation})


FEATURE = Feature(
    name="moderation",
    operator=(create_router,),
    group_commands=(create_group_command_router,),
    buttons=(create_callback_router,),
    build=build,
)

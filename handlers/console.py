"""The private console: /start, /help, and /groups to choose the group that every operator
command typed here acts on (remembered per operator, re-checked on every command).

Fans and people with a role get different first answers: a fan's /start and /help in private
chat are the fan's own (/feedback, /mydata, /forget), an operator's the console; in a group both
are one line (an operator's with a button to open the bot in private). Using the bot here also
sets the person's own command menu (bot/telegram/personal_menus.py)."""

from __future__ import annotations

from typing import cast

from aiogram import Bot, Router
from aiogram.enums import ChatType
from aiogram.filters import CommandObject, Filter
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.domain.roles import OperatorCommand, Role, sender_of
from bot.i18n import Locale, Texts
from bot.services.authority import Authority
from bot.services.console import Choice, Console
from bot.services.languages import Languages
from bot.services.privacy import PrivacyService
from bot.telegram.dashboard_links import DashboardLinks
from bot.telegram.personal_menus import PersonalMenus
from bot.telegram.show_in_place import show_in_place
from handlers.authority import operator_callback, public_command, public_message
from handlers.callbacks import (
    CONSOLE_START,
    FORGET_START,
    GIVEAWAY_START,
    MYDATA_START,
    GroupPickCb,
)
from handlers.deep_links import open_in_private
from handlers.features import Built, Feature, Wiring
from handlers.middlewares import OperatorContext
from handlers.privacy import cmd_forget, cmd_mydata


class InPrivate(Filter):
    async def __call__(self, message: Message) -> bool:
        return message.chat.type == ChatType.PRIVATE


PICK_GROUP = OperatorCommand("pick-group", Role.ANALYST)


async def cmd_start(
    message: Message,
    command: CommandObject,
    *,
    texts: Texts,
    console: Console,
    personal_menus: PersonalMenus,
    privacy: PrivacyService,
    bot: Bot,
) -> None:
    payload = command.args or ""
    # Came from a group's /mydata or /forget, which Telegram could not answer in private then.
    if payload == MYDATA_START:
        await cmd_mydata(message, texts=texts, privacy=privacy, bot=bot)
        return
    if payload == FORGET_START:
        await cmd_forget(message, texts=texts)
        return
    number = payload.removeprefix(GIVEAWAY_START)
    if payload.startswith(GIVEAWAY_START) and number.isdecimal():
        # Came from a giveaway's link: now the bot may tell them privately if they win.
        await message.answer(texts("start-giveaway", id=number))
        return
    user = message.from_user
    role = Role.NONE if user is None else await personal_menus.refresh(user.id, user.language_code)
    if user is None or role is Role.NONE:
        await message.answer(texts("start-fan"))
        return
    operated = await console.groups(user.id)
    await message.answer(
        texts.lines([texts("start"), texts("groups-list", count=len(operated.groups))]),
        reply_markup=_groups_keyboard(texts, operated.groups, operated.current),
    )


async def cmd_help(message: Message, *, texts: Texts, personal_menus: PersonalMenus) -> None:
    user = message.from_user
    role = Role.NONE if user is None else await personal_menus.refresh(user.id, user.language_code)
    await message.answer(texts("help-fan" if role is Role.NONE else "help-private"))


async def cmd_help_group(
    message: Message,
    *,
    bot: Bot,
    texts: Texts,
    authority: Authority,
    personal_menus: PersonalMenus,
) -> None:
    """/start and /help in a group: one line, the rest is in private chat."""
    actor = sender_of(
        message.chat.id,
        message.from_user.id if message.from_user else None,
        message.sender_chat.id if message.sender_chat else None,
    ).actor
    if actor is None:
        await message.reply(texts("help-group-fan"))
        return
    if actor.user_id is not None:
        role = await authority.role(message.chat.id, actor.user_id, live=False)
        if role is Role.NONE:
            await message.reply(texts("help-group-fan"))
            return
        assert message.from_user is not None
        await personal_menus.refresh(actor.user_id, message.from_user.language_code)
    await message.reply(
        texts("help-group-operator"),
        reply_markup=await open_in_private(bot, texts, CONSOLE_START),
    )


async def cmd_groups(
    message: Message, *, texts: Texts, console: Console, personal_menus: PersonalMenus
) -> None:
    if message.from_user is None:
        return
    await personal_menus.refresh(message.from_user.id, message.from_user.language_code)
    operated = await console.groups(message.from_user.id)
    if not operated.groups:
        await message.answer(texts("groups-none"))
        return
    await message.answer(
        texts("groups-list", count=len(operated.groups)),
        reply_markup=_groups_keyboard(texts, operated.groups, operated.current),
    )


async def cb_pick_group(
    query: CallbackQuery, operator: OperatorContext, texts: Texts, console: Console
) -> None:
    await console.choose(query.from_user.id, operator.chat_id)
    await show_in_place(query, texts("groups-chosen", title=operator.title, role=operator.role.key))


def _groups_keyboard(
    texts: Texts, groups: list[Choice], current: int | None
) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for choice in groups:
        key = "groups-button-current" if choice.chat_id == current else "groups-button"
        builder.button(
            text=texts.plain(key, title=choice.title),
            callback_data=GroupPickCb(chat_id=choice.chat_id),
        )
    builder.adjust(1)
    return builder.as_markup()


def create_private_router() -> Router:
    router = Router(name=__name__)
    public_command(router, "start", cmd_start)
    public_command(router, "help", cmd_help)
    public_command(router, "groups", cmd_groups, for_operators=True)
    return router


async def on_anything_else(message: Message, texts: Texts) -> None:
    """What no feature answered in private chat: an unknown command, or plain text."""
    text = message.text or ""
    if text.startswith("/"):
        command = text.split(maxsplit=1)[0].split("@", 1)[0]
        await message.answer(texts("private-unknown-command", command=command[:64]))
        return
    await message.answer(texts("private-plain-text"))


class IsText(Filter):
    async def __call__(self, message: Message) -> bool:
        return message.text is not None


def create_private_fallback_router() -> Router:
    router = Router(name=f"{__name__}.fallback")
    public_message(router, "anything-else", on_anything_else, IsText())
    return router


def create_group_router() -> Router:
    router = Router(name=f"{__name__}.group")
    public_command(router, "start", cmd_help_group, listed=False)
    public_command(router, "help", cmd_help_group)
    return router


def create_callback_router() -> Router:
    router = Router(name=f"{__name__}.callbacks")
    operator_callback(router, PICK_GROUP, GroupPickCb, cb_pick_group)
    return router


def build(wiring: Wiring) -> Built:
    console = Console(
        wiring.session_factory, wiring.authority, wiring.directory, wiring.settings.operator_ids
    )
    languages = Languages(wiring.session_factory, cast(Locale, wiring.settings.default_language))
    menus = PersonalMenus(
        wiring.bot,
        wiring.translator,
        wiring.menus,
        console,
        languages,
        dashboard=DashboardLinks.from_settings(wiring.settings),
    )
    return Built(services={"console": console, "personal_menus": menus})


FEATURE = Feature(
    name="console",
    group_commands=(create_group_router,),
    private=(create_private_router,),
    private_fallback=(create_private_fallback_router,),
    buttons=(create_callback_router,),
    build=build,
)

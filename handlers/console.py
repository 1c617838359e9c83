"""The private console: /start, /help, and /groups to choose the group that every operator
command typed here acts on (remembered per operator, re-checked on every command)."""

from __future__ import annotations

from aiogram import Router
from aiogram.enums import ChatType
from aiogram.filters import CommandObject, Filter
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.domain.roles import OperatorCommand, Role
from bot.i18n import Texts
from bot.services.console import Choice, Console
from bot.telegram.show_in_place import show_in_place
from handlers.authority import operator_callback, public_command
from handlers.callbacks import GIVEAWAY_START, GroupPickCb
from handlers.features import Built, Feature, Wiring
from handlers.middlewares import OperatorContext


class InPrivate(Filter):
    async def __call__(self, message: Message) -> bool:
        return message.chat.type == ChatType.PRIVATE


PICK_GROUP = OperatorCommand("pick-group", Role.ANALYST)


async def cmd_start(message: Message, command: CommandObject, texts: Texts) -> None:
    payload = command.args or ""
    number = payload.removeprefix(GIVEAWAY_START)
    if payload.startswith(GIVEAWAY_START) and number.isdecimal():
        # Came from a giveaway's link: now the bot may tell them privately if they win.
        await message.answer(texts("start-giveaway", id=number))
        return
    await message.answer(texts("start"))


async def cmd_help(message: Message, texts: Texts) -> None:
    await message.answer(texts("help-private"))


async def cmd_help_group(message: Message, texts: Texts) -> None:
    await message.reply(texts("help-group"))


async def cmd_groups(message: Message, *, texts: Texts, console: Console) -> None:
    if message.from_user is None:
        return
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
    public_command(router, "groups", cmd_groups)
    return router


def create_group_router() -> Router:
    router = Router(name=f"{__name__}.group")
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
    return Built(services={"console": console})


FEATURE = Feature(
    name="console",
    group_commands=(create_group_router,),
    private=(create_private_router,),
    buttons=(create_callback_router,),
    build=build,
)

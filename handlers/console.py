"""The private console: /start, /help, and /groups to choose the group that every operator
command typed here acts on (remembered per operator, re-checked on every command)."""

from __future__ import annotations

from datetime import UTC, datetime

from aiogram import Bot, Router
from aiogram.enums import ChatType
from aiogram.filters import Filter
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message, User
from aiogram.utils.keyboard import InlineKeyboardBuilder
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.config import Settings
from bot.db.chat_settings import GroupRecord, active_groups, all_active_group_ids, groups_added_by
from bot.db.operators import current_group, groups_with_roles, groups_written_in, select_group
from bot.domain.roles import OperatorCommand, Role
from bot.i18n import Texts
from bot.telegram.admins import AdminCache, role_in_group
from bot.telegram.show_in_place import show_in_place
from handlers.authority import operator_callback, public_command
from handlers.callbacks import GroupPickCb
from handlers.features import Feature
from handlers.middlewares import OperatorContext


class InPrivate(Filter):
    async def __call__(self, message: Message) -> bool:
        return message.chat.type == ChatType.PRIVATE


PICK_GROUP = OperatorCommand("pick-group", Role.ANALYST)
CANDIDATE_LIMIT = 50


async def cmd_start(message: Message, texts: Texts) -> None:
    await message.answer(texts("start"))


async def cmd_help(message: Message, texts: Texts) -> None:
    await message.answer(texts("help-private"))


async def cmd_help_group(message: Message, texts: Texts) -> None:
    await message.reply(texts("help-group"))


async def cmd_groups(
    message: Message,
    *,
    bot: Bot,
    texts: Texts,
    session_factory: async_sessionmaker[AsyncSession],
    admins: AdminCache,
    settings: Settings,
) -> None:
    if message.from_user is None:
        return
    groups = await operated_groups(bot, message.from_user, session_factory, admins, settings)
    if not groups:
        await message.answer(texts("groups-none"))
        return
    async with session_factory() as session:
        current = await current_group(session, message.from_user.id)
    await message.answer(
        texts("groups-list", count=len(groups)),
        reply_markup=get_groups_keyboard(texts, [g for g, _ in groups], current),
    )


async def cb_pick_group(
    query: CallbackQuery,
    operator: OperatorContext,
    texts: Texts,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    async with session_factory() as session, session.begin():
        await select_group(session, query.from_user.id, operator.chat_id, datetime.now(UTC))
    await show_in_place(query, texts("groups-chosen", title=operator.title, role=operator.role.key))


async def operated_groups(
    bot: Bot,
    user: User,
    session_factory: async_sessionmaker[AsyncSession],
    admins: AdminCache,
    settings: Settings,
) -> list[tuple[GroupRecord, Role]]:
    """The active groups where this person holds a role now. Candidates come from storage (roles
    granted, groups they added the bot to or wrote in, groups whose cached administrators
    include them, every group for bootstrap operators);
    each is then checked like any command would be."""
    async with session_factory() as session:
        if user.id in settings.operator_ids:
            candidates = await all_active_group_ids(session, CANDIDATE_LIMIT)
        else:
            candidates = (
                await groups_with_roles(session, user.id)
                | await groups_added_by(session, user.id)
                | await groups_written_in(session, user.id, CANDIDATE_LIMIT)
                | await admins.groups_of(user.id)
            )
        records = await active_groups(session, candidates)
    result = []
    for record in records:
        role = await role_in_group(
            bot,
            session_factory,
            admins,
            settings.operator_ids,
            chat_id=record.id,
            user_id=user.id,
            live=False,
        )
        if role >= Role.ANALYST:
            result.append((record, role))
    return result


def get_groups_keyboard(
    texts: Texts, groups: list[GroupRecord], current: int | None
) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for record in groups:
        key = "groups-button-current" if record.id == current else "groups-button"
        builder.button(
            text=texts.plain(key, title=record.title or str(record.id)),
            callback_data=GroupPickCb(chat_id=record.id),
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


FEATURE = Feature(
    name="console",
    group_commands=(create_group_router,),
    private=(create_private_router,),
    buttons=(create_callback_router,),
)

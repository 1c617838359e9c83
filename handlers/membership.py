"""The bot joining and leaving groups (my_chat_member) and administrators changing
(chat_member, which Telegram sends only while the bot is an administrator)."""

from __future__ import annotations

from datetime import UTC, datetime

import structlog
from aiogram import Bot, Router
from aiogram.exceptions import TelegramAPIError
from aiogram.filters import Filter
from aiogram.types import ChatMemberUpdated
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.config import Settings
from bot.db.chat_settings import group, mark_group_removed, register_group
from bot.domain.roles import GONE_STATUSES
from bot.i18n import Html, Texts, Translator
from bot.services.health import BotRights, missing_requirements
from bot.telegram.admins import AdminCache, bot_rights, plain, status_of
from handlers.features import Feature
from handlers.filters import GROUP_CHAT_TYPES
from handlers.middlewares import person_locale

log = structlog.get_logger(__name__)


class InGroupUpdate(Filter):
    async def __call__(self, update: ChatMemberUpdated) -> bool:
        return update.chat.type in GROUP_CHAT_TYPES


async def on_bot_membership(
    update: ChatMemberUpdated,
    *,
    bot: Bot,
    session_factory: async_sessionmaker[AsyncSession],
    translator: Translator,
    settings: Settings,
    admins: AdminCache,
) -> None:
    chat = update.chat
    status = status_of(update.new_chat_member)
    now = datetime.now(UTC)
    await admins.forget(chat.id)
    if status in GONE_STATUSES:
        # Removed or kicked: the group is inactive and hears nothing more from us.
        async with session_factory() as session, session.begin():
            await mark_group_removed(
                session, chat.id, "kicked" if status == "kicked" else "removed"
            )
        log.info("group.removed", chat_id=chat.id, status=status)
        return
    actor = update.from_user
    async with session_factory() as session, session.begin():
        known = await group(session, chat.id)
        joined = (
            status_of(update.old_chat_member) in GONE_STATUSES
            or known is None
            or not known.is_active
        )
        await register_group(
            session,
            chat_id=chat.id,
            chat_type=plain(chat.type),
            title=chat.title,
            username=chat.username,
            added_by_user_id=actor.id if joined and not actor.is_bot else None,
            now=now,
        )
    log.info("group.joined" if joined else "group.rights_changed", chat_id=chat.id, status=status)
    if actor.is_bot:
        return
    rights = await bot_rights(bot, chat.id)
    if rights is None:
        return
    texts = translator.bind(await person_locale(session_factory, actor, settings))
    report = join_report(texts, chat.title or str(chat.id), rights, joined=joined)
    await _tell(bot, actor.id, chat.id, report)


def join_report(texts: Texts, title: str, rights: BotRights, *, joined: bool) -> Html:
    missing = missing_requirements(rights)
    lines = [texts("join-title" if joined else "rights-changed-title", title=title)]
    if missing:
        lines.append(texts("join-missing"))
        lines.extend(texts(f"requirement-{requirement}") for requirement in missing)
    else:
        lines.append(texts("join-all-set"))
    lines.append(texts("join-next-step"))
    return texts.lines(lines)


async def _tell(bot: Bot, user_id: int, chat_id: int, text: str) -> None:
    """Privately if the person started the bot (Telegram refuses otherwise), else in the group."""
    try:
        await bot.send_message(user_id, text)
        return
    except TelegramAPIError as error:
        log.info("join.private_refused", user_id=user_id, error=type(error).__name__)
    try:
        await bot.send_message(chat_id, text)
    except TelegramAPIError as error:
        log.warning("join.report_undelivered", chat_id=chat_id, error=type(error).__name__)


async def on_member_changed(update: ChatMemberUpdated, admins: AdminCache) -> None:
    await admins.member_changed(
        update.chat.id, update.new_chat_member.user.id, status_of(update.new_chat_member)
    )


def create_router() -> Router:
    router = Router(name=__name__)
    router.my_chat_member.register(on_bot_membership, InGroupUpdate())
    router.chat_member.register(on_member_changed, InGroupUpdate())
    return router


FEATURE = Feature(name="membership", chat_updates=(create_router,))

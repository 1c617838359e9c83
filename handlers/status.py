"""/status: a group's health, for analysts and up (in the group or from the private console)."""

from __future__ import annotations

from datetime import UTC, datetime

from aiogram import Bot, Router
from aiogram.types import Message
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.config import Settings
from bot.db.chat_settings import group
from bot.db.group_health import comments_since, last_comment_at
from bot.domain.roles import OperatorCommand, Role
from bot.i18n import Html, Texts, moment
from bot.services.health import FeatureStatus, HealthBoard, missing_requirements, start_of_day
from bot.telegram.admins import bot_rights
from handlers.authority import operator_command
from handlers.features import Feature
from handlers.middlewares import OperatorContext

STATUS = OperatorCommand("status", Role.ANALYST)


async def cmd_status(
    message: Message,
    *,
    bot: Bot,
    operator: OperatorContext,
    texts: Texts,
    session_factory: async_sessionmaker[AsyncSession],
    settings: Settings,
    health_board: HealthBoard,
) -> None:
    now = datetime.now(UTC)
    async with session_factory() as session:
        record = await group(session, operator.chat_id)
        timezone = (record.timezone if record else None) or settings.default_timezone
        today = await comments_since(session, operator.chat_id, start_of_day(now, timezone))
        last_seen = await last_comment_at(session, operator.chat_id)
        features = await health_board.statuses(session, operator.chat_id, now)
    lines = [
        texts("status-title", title=operator.title),
        *await _rights_lines(bot, operator, texts),
    ]
    lines.append(
        texts("status-last-update", when=moment(last_seen, timezone))
        if last_seen
        else texts("status-last-update-never")
    )
    lines.append(texts("status-comments-today", count=today, timezone=timezone))
    lines.extend(_feature_line(texts, feature, timezone) for feature in features)
    await message.answer(texts.lines(lines))


async def _rights_lines(bot: Bot, operator: OperatorContext, texts: Texts) -> list[Html]:
    rights = await bot_rights(bot, operator.chat_id)
    if rights is None:
        return [texts("status-bot-unreachable")]
    lines = [
        texts("status-bot-member", status=rights.status),
        texts("status-privacy", mode="off" if rights.privacy_off else "on"),
    ]
    missing = missing_requirements(rights)
    if not missing:
        lines.append(texts("status-rights-ok"))
    else:
        lines.append(texts("status-rights-missing"))
        lines.extend(texts(f"requirement-{requirement}") for requirement in missing)
    return lines


def _feature_line(texts: Texts, feature: FeatureStatus | str, timezone: str) -> Html:
    if isinstance(feature, str):
        return texts("status-feature-none-yet", feature=feature)
    if feature.next_at is not None:
        return texts(
            "status-feature-next", feature=feature.feature, when=moment(feature.next_at, timezone)
        )
    return texts("status-feature-count", feature=feature.feature, count=feature.count or 0)


def create_router() -> Router:
    router = Router(name=__name__)
    operator_command(router, STATUS, cmd_status)
    return router


FEATURE = Feature(name="status", operator=(create_router,))

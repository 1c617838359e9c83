"""Reading back the operator tables and the chats' activity flags, comparable before/after."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.db.models import AuditRecord, Chat, ChatRole, ChatSettings, ConsoleSelection, UserSettings
from tests.support.feedback import FEEDBACK_TABLES

OPERATOR_TABLES = (
    ChatRole,
    ConsoleSelection,
    AuditRecord,
    ChatSettings,
    UserSettings,
    *FEEDBACK_TABLES,
)


async def dump(
    session_factory: async_sessionmaker[AsyncSession],
) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of the operator tables and the chats' activity flags, comparable before/after."""
    tables: dict[str, list[tuple[Any, ...]]] = {}
    async with session_factory() as session:
        for model in OPERATOR_TABLES:
            columns = list(model.__table__.columns)
            rows = (await session.execute(select(*columns))).all()
            tables[model.__tablename__] = sorted(tuple(row) for row in rows)
        chats = (await session.execute(select(Chat.id, Chat.is_active, Chat.inactive_reason))).all()
        tables["chats"] = sorted(tuple(row) for row in chats)
    return tables

"""What the outbound middleware learns about chats, written to the database at once."""

from __future__ import annotations

from datetime import UTC, datetime

import structlog
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.db.chat_migration import migrate_chat
from bot.db.chats import mark_unreachable
from bot.db.digest import mark_blocked
from bot.domain.records import ChatMigration

log = structlog.get_logger(__name__)


class StoredChatLifecycle:
    def __init__(self, session_factory: async_sessionmaker[AsyncSession]) -> None:
        self.session_factory = session_factory

    async def chat_migrated(self, old_chat_id: int, new_chat_id: int) -> None:
        async with self.session_factory() as session, session.begin():
            await migrate_chat(session, ChatMigration(old_chat_id, new_chat_id, datetime.now(UTC)))
        log.info("chat.migrated", old_chat_id=old_chat_id, new_chat_id=new_chat_id)

    async def chat_unreachable(self, chat_id: int, reason: str) -> None:
        async with self.session_factory() as session, session.begin():
            await mark_unreachable(session, chat_id, reason)
            if chat_id > 0:
                # A private chat is a person, not a stored chat: what stops is what we send
                # them unasked (digests), until they subscribe again.
                await mark_blocked(session, chat_id, datetime.now(UTC))
        log.info("chat.unreachable", chat_id=chat_id, reason=reason)

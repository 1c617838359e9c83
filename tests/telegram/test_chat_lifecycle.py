"""The outbound middleware and the database together, against the emulator's real error envelopes:
a kicked bot marks the group inactive, an upgraded group moves to its supergroup id."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime

import pytest
from aiogram import Bot
from aiogram.client.telegram import TelegramAPIServer
from aiogram.exceptions import TelegramForbiddenError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.db.models import Chat
from bot.emulator.client import EmulatorClient, Json
from bot.emulator.server import Emulator
from bot.telegram.lifecycle import StoredChatLifecycle
from bot.telegram.outbound import OutboundMiddleware
from tests.support.loopback import LoopbackSession


@pytest.fixture
async def emulator() -> AsyncIterator[Emulator]:
    emulator = Emulator()
    await emulator.start()
    yield emulator
    await emulator.stop()


@pytest.fixture
async def bot(
    emulator: Emulator, session_factory: async_sessionmaker[AsyncSession]
) -> AsyncIterator[Bot]:
    session = LoopbackSession(api=TelegramAPIServer.from_base(emulator.base_url))
    bot = Bot(emulator.token, session=session)
    bot.session.middleware(
        OutboundMiddleware(StoredChatLifecycle(session_factory), token=emulator.token)
    )
    yield bot
    await session.close()


async def stored_group(session_factory: async_sessionmaker[AsyncSession], chat: Json) -> None:
    now = datetime.now(UTC)
    async with session_factory() as session, session.begin():
        session.add(
            Chat(
                id=chat["id"],
                type=chat["type"],
                title=chat["title"],
                first_seen_at=now,
                last_update_at=now,
            )
        )


async def test_a_kicked_bot_marks_the_group_inactive(
    emulator: Emulator, bot: Bot, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    async with EmulatorClient(emulator.base_url) as control:
        owner = await control.create_user("Owner")
        group = await control.create_chat("supergroup", title="Fans", owner_id=owner["id"])
        await stored_group(session_factory, group)
        await control.kick_bot(group["id"], owner["id"])
    with pytest.raises(TelegramForbiddenError):
        await bot.send_message(group["id"], "hello")
    async with session_factory() as session:
        chat = await session.get(Chat, group["id"])
    assert chat is not None
    assert (chat.is_active, chat.inactive_reason) == (False, "kicked")


async def test_an_upgraded_group_is_followed_to_its_supergroup_once(
    emulator: Emulator, bot: Bot, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    async with EmulatorClient(emulator.base_url) as control:
        owner = await control.create_user("Owner")
        group = await control.create_chat("group", title="Small fans", owner_id=owner["id"])
        await stored_group(session_factory, group)
        migrated = await control.migrate_group(group["id"], owner["id"])
        new_id = migrated["chat"]["id"]
        sent = await bot.send_message(group["id"], "the digest is ready")
        calls = await control.calls("sendMessage")
    assert sent.chat.id == new_id
    assert [call["params"]["chat_id"] for call in calls] == [group["id"], new_id]
    async with session_factory() as session:
        old = await session.get(Chat, group["id"])
        new = await session.get(Chat, new_id)
    assert old is not None and new is not None
    assert (old.migrated_to_chat_id, old.is_active) == (new_id, False)
    assert (new.type, new.title, new.is_active) == ("supergroup", "Small fans", True)

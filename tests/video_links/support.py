"""A group in the emulator with the real bot behind it: people act through the emulator's
control API, the bot's calls reach the emulator's Bot API, and `settle()` runs what Telegram
queued through the real processor, dispatcher and batch store, as the polling loop would."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from aiogram import Bot
from aiogram.client.telegram import TelegramAPIServer
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

import handlers
from bot.emulator.client import EmulatorClient, Json
from bot.emulator.server import Emulator
from bot.telegram.polling import GetUpdatesJson
from tests.support.loopback import LoopbackSession
from tests.support.pipeline import Pipeline

INVITER = {"can_invite_users": True, "can_restrict_members": True, "can_delete_messages": True}


@dataclass
class EmulatedGroup:
    emulator: Emulator
    control: EmulatorClient
    bot: Bot
    pipeline: Pipeline
    session_factory: async_sessionmaker[AsyncSession]
    group: Json
    owner: Json
    offset: int = 0
    fans: dict[str, Json] = field(default_factory=dict)

    @property
    def chat_id(self) -> int:
        return int(self.group["id"])

    async def settle(self) -> None:
        """Deliver everything Telegram queued, batch after batch, until nothing is left."""
        allowed = handlers.allowed_updates(self.pipeline.dispatcher)
        while True:
            batch = await self.bot(
                GetUpdatesJson(offset=self.offset, timeout=0, allowed_updates=allowed)
            )
            if not batch:
                return
            self.offset = int(batch[-1]["update_id"]) + 1
            await self.pipeline.deliver(*batch)

    async def fan(self, name: str, language: str = "en") -> Json:
        if name not in self.fans:
            self.fans[name] = await self.control.create_user(name, language_code=language)
        return self.fans[name]

    async def command(self, user: Json, text: str, chat_id: int | None = None) -> list[str]:
        """`user` sends `/name args` in the group (or `chat_id`); the texts the bot sent there
        in answer."""
        where = self.chat_id if chat_id is None else chat_id
        before = len(await self.bot_messages(where))
        name, _, args = text.removeprefix("/").partition(" ")
        await self.control.send_command(where, int(user["id"]), name, args)
        await self.settle()
        return [m.get("text", "") for m in (await self.bot_messages(where))[before:]]

    async def say(self, user: Json, text: str, **fields: Any) -> Json:
        sent = await self.control.send_text(self.chat_id, int(user["id"]), text, **fields)
        await self.settle()
        return sent

    async def bot_messages(self, chat_id: int | None = None) -> list[Json]:
        where = self.chat_id if chat_id is None else chat_id
        bot_id = self.emulator.world.bot_id
        return [
            m for m in await self.control.messages(where) if m.get("from", {}).get("id") == bot_id
        ]

    async def join_by_link(self, user: Json, link: str, chat_id: int | None = None) -> None:
        await self.control.join_by_link(
            self.chat_id if chat_id is None else chat_id, int(user["id"]), link
        )
        await self.settle()

    async def join(self, user: Json) -> None:
        """A join without a link (added, or through the public username)."""
        await self.control.join(self.chat_id, int(user["id"]))
        await self.settle()

    async def leave(self, user: Json) -> None:
        await self.control.leave(self.chat_id, int(user["id"]))
        await self.settle()

    async def tap(self, user: Json, message: Json, data: str) -> None:
        await self.control.click(
            int(message["chat"]["id"]), int(message["message_id"]), int(user["id"]), data
        )
        await self.settle()


async def emulated_group(
    emulator: Emulator,
    control: EmulatorClient,
    session_factory: async_sessionmaker[AsyncSession],
    *,
    kind: str = "supergroup",
    language: str = "en",
    rights: dict[str, bool] | None = None,
) -> EmulatedGroup:
    session = LoopbackSession(api=TelegramAPIServer.from_base(emulator.base_url))
    bot = Bot(emulator.token, session=session)
    pipeline = Pipeline.over(session_factory, bot)
    owner = await control.create_user("Mei", language_code=language, started=True)
    group = await control.create_chat(kind, title="Fans", owner_id=owner["id"])
    emulated = EmulatedGroup(emulator, control, bot, pipeline, session_factory, group, owner)
    await emulated.settle()  # the first getUpdates tells Telegram which updates to send
    await control.set_bot_membership(
        group["id"],
        "administrator",
        rights=INVITER if rights is None else rights,
        actor_id=owner["id"],
    )
    await emulated.settle()
    return emulated

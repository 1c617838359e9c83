"""The operators' scene (a victim group with its owner and an administrator, another group, a
plain member and a known fan) with a channel linked to the victim group."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from aiogram import Bot
from aiogram.exceptions import TelegramForbiddenError
from aiogram.methods import GetChat, SendMessage, TelegramMethod
from aiogram.methods.base import TelegramType
from aiogram.types import AcceptedGiftTypes, ChatFullInfo
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.db.models import Video, VideoCommentLink
from tests.operators.conftest import (
    FAN,
    VICTIM,
    cast_the_groups,
)
from tests.operators.support import ScriptedTelegram, scripted_pipeline
from tests.support import updates as u
from tests.support.pipeline import Pipeline

CHANNEL = u.channel(-1002000000777, "Mei's channel")
NO_GIFTS = AcceptedGiftTypes.model_validate(
    {name: False for name, field in AcceptedGiftTypes.model_fields.items() if field.is_required()}
)


class ChannelTelegram(ScriptedTelegram):
    """Also answers getChat: the victim group's linked channel (None: no channel)."""

    def __init__(self) -> None:
        super().__init__()
        self.linked_chat_id: int | None = CHANNEL["id"]
        self.refuse_channel = False

    async def make_request(
        self, bot: Bot, method: TelegramMethod[TelegramType], timeout: int | None = None
    ) -> TelegramType:
        if isinstance(method, GetChat):
            self.calls.append(method)
            chat_id = int(method.chat_id)
            return ChatFullInfo(  # type: ignore[return-value]
                id=chat_id,
                type="supergroup",
                accent_color_id=0,
                max_reaction_count=11,
                accepted_gift_types=NO_GIFTS,
                linked_chat_id=self.linked_chat_id if chat_id == VICTIM["id"] else None,
            )
        if (
            self.refuse_channel
            and isinstance(method, SendMessage)
            and method.chat_id == CHANNEL["id"]
        ):
            self.calls.append(method)
            raise TelegramForbiddenError(method, "Forbidden: bot is not a member of the channel")
        return await super().make_request(bot, method, timeout)


@dataclass
class VideoScene:
    pipeline: Pipeline
    telegram: ChannelTelegram
    updates: u.Updates
    session_factory: async_sessionmaker[AsyncSession]

    async def send(
        self, chat: dict[str, Any], sender: dict[str, Any], text: str, **fields: Any
    ) -> None:
        await self.pipeline.deliver(self.updates.command(chat, sender, text, **fields))

    async def say(
        self, chat: dict[str, Any], sender: dict[str, Any], text: str, **fields: Any
    ) -> dict[str, Any]:
        update = self.updates.message(chat, sender, text, **fields)
        await self.pipeline.deliver(update)
        return update

    def replies(self, chat: dict[str, Any] = VICTIM) -> list[str]:
        return self.telegram.sent(chat["id"])

    def last(self, chat: dict[str, Any] = VICTIM) -> str:
        return self.replies(chat)[-1]

    async def videos(self) -> list[tuple[Any, ...]]:
        async with self.session_factory() as session:
            rows = await session.execute(select(*Video.__table__.columns).order_by(Video.id))
            return [tuple(row) for row in rows.all()]

    async def video(self, number: int, chat: dict[str, Any] = VICTIM) -> Video:
        async with self.session_factory() as session:
            found = await session.scalar(
                select(Video).where(Video.chat_id == chat["id"], Video.number == number)
            )
        assert found is not None
        return found

    async def links(self) -> set[tuple[int, int, str, bool]]:
        """(message id, video number, source, active) of every link."""
        async with self.session_factory() as session:
            rows = await session.execute(
                select(
                    VideoCommentLink.message_id,
                    Video.number,
                    VideoCommentLink.source,
                    VideoCommentLink.active,
                ).join(Video, Video.id == VideoCommentLink.video_id)
            )
            return {tuple(row) for row in rows.all()}  # type: ignore[misc]

    async def dump(self) -> tuple[list[tuple[Any, ...]], set[tuple[int, int, str, bool]]]:
        return await self.videos(), await self.links()


@pytest.fixture
async def scene(session_factory: async_sessionmaker[AsyncSession]) -> VideoScene:
    telegram = ChannelTelegram()
    pipeline, _ = scripted_pipeline(session_factory, telegram)
    await cast_the_groups(telegram, session_factory)
    scene = VideoScene(pipeline, telegram, u.Updates(), session_factory)
    await scene.say(VICTIM, FAN, "hello")
    return scene

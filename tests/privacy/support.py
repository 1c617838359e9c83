"""Counting a person's rows in every person column, and pressing inline buttons."""

from __future__ import annotations

from typing import Any

from aiogram.methods import SendMessage
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.db.privacy import PERSON_COLUMNS, OnForget
from bot.devtools.recording_session import BOT_USER
from tests.support.scene import Scene


async def person_rows(
    session_factory: async_sessionmaker[AsyncSession], user_id: int
) -> dict[str, int]:
    """Rows naming the person, per `table.column`, for every column forgetting clears."""
    counts: dict[str, int] = {}
    async with session_factory() as session:
        for person in PERSON_COLUMNS:
            if person.on_forget is OnForget.KEEP:
                continue
            total = await session.scalar(
                select(func.count()).select_from(person.model).where(person.key == user_id)
            )
            counts[f"{person.table}.{person.column}"] = int(total or 0)
    return counts


def last_markup(scene: Scene, chat_id: int) -> Any:
    sent = [
        call
        for call in scene.telegram.calls
        if isinstance(call, SendMessage) and call.chat_id == chat_id and call.reply_markup
    ]
    assert sent, f"no message with buttons went to {chat_id}"
    return sent[-1]


def click(scene: Scene, person: dict[str, Any], chat: dict[str, Any], data: str) -> dict[str, Any]:
    """A press on a button of a message the bot sent in `chat`."""
    bot_message = scene.updates.message_payload(
        chat, BOT_USER.model_dump(exclude_none=True), text="…"
    )
    return scene.updates.click(person, bot_message, data)


def button_data(call: SendMessage) -> list[str]:
    markup = call.reply_markup
    assert markup is not None
    return [str(b.callback_data) for row in markup.inline_keyboard for b in row]  # type: ignore[union-attr]

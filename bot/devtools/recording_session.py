"""A Bot API session that records calls and answers with aiogram's own types (no network)."""

from __future__ import annotations

import itertools
from collections.abc import AsyncGenerator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from aiogram import Bot
from aiogram.client.session.base import BaseSession
from aiogram.methods import (
    EditMessageReplyMarkup,
    EditMessageText,
    GetFile,
    GetMe,
    SendPoll,
    StopPoll,
    TelegramMethod,
)
from aiogram.methods.base import TelegramType
from aiogram.types import (
    BufferedInputFile,
    Chat,
    File,
    FSInputFile,
    InputPollOption,
    Message,
    Poll,
    PollOption,
    User,
)

BOT_USER = User(id=42_000_001, is_bot=True, first_name="fanpulse", username="fanpulse_bot")
TOKEN = "42000001:AAFakeTokenForDispatcherLevelTests_xyz123"


class RecordingSession(BaseSession):
    def __init__(self) -> None:
        super().__init__()
        self.calls: list[TelegramMethod[Any]] = []
        # Every message answered (sent), in order: which message id a sent call got.
        self.returned_messages: list[Message] = []
        self._message_ids = itertools.count(10_000)
        self.polls: dict[tuple[int, int], Poll] = {}  # (chat id, message id): as sent
        self.files: dict[str, bytes] = {}  # file id: content, served by getFile and downloads

    async def make_request(
        self, bot: Bot, method: TelegramMethod[TelegramType], timeout: int | None = None
    ) -> TelegramType:
        self.calls.append(as_uploaded(method))
        return self._answer(method)  # type: ignore[no-any-return]

    def _answer(self, method: TelegramMethod[Any]) -> Any:
        if isinstance(method, GetMe):
            return BOT_USER
        if isinstance(method, SendPoll):
            return self._poll_message(method)
        if isinstance(method, GetFile):
            content = self.files[method.file_id]
            return File(
                file_id=method.file_id,
                file_unique_id=f"u-{method.file_id}",
                file_size=len(content),
                file_path=f"documents/{method.file_id}",
            )
        if isinstance(method, EditMessageText | EditMessageReplyMarkup):
            return True
        if isinstance(method, StopPoll):
            key = (int(method.chat_id), method.message_id)
            self.polls[key] = self.polls[key].model_copy(update={"is_closed": True})
            return self.polls[key]
        returning = method.__returning__
        if returning is bool:
            return True
        if returning is Message:
            chat_id = getattr(method, "chat_id", 0)
            ephemeral = getattr(method, "ephemeral_message_parameters", None)
            message = Message(
                # An ephemeral message has message_id 0 and an id of its own (Bot API 10.3).
                message_id=0 if ephemeral else next(self._message_ids),
                date=datetime.now(UTC),
                chat=Chat(id=int(chat_id), type="private" if int(chat_id) > 0 else "supergroup"),
                from_user=BOT_USER,
                text=getattr(method, "text", None),
                ephemeral_message_id=next(self._message_ids) if ephemeral else None,
            )
            self.returned_messages.append(message)
            return message
        raise AssertionError(f"RecordingSession has no answer for {type(method).__name__}")

    def _poll_message(self, method: SendPoll) -> Message:
        """A sent poll as Telegram answers it; stopPoll later answers with its state."""
        message_id = next(self._message_ids)
        chat_id = int(method.chat_id)
        poll = Poll(
            id=f"poll-{chat_id}-{message_id}",
            question=method.question,
            options=[
                PollOption(
                    persistent_id=str(index),
                    text=o.text if isinstance(o, InputPollOption) else str(o),
                    voter_count=0,
                )
                for index, o in enumerate(method.options)
            ],
            total_voter_count=0,
            is_closed=False,
            is_anonymous=method.is_anonymous is not False,
            type=method.type or "regular",
            allows_multiple_answers=bool(method.allows_multiple_answers),
            allows_revoting=True,
            members_only=False,
            correct_option_ids=method.correct_option_ids,
            explanation=method.explanation,
        )
        self.polls[chat_id, message_id] = poll
        return Message(
            message_id=message_id,
            date=datetime.now(UTC),
            chat=Chat(id=chat_id, type="private" if chat_id > 0 else "supergroup"),
            from_user=BOT_USER,
            poll=poll,
        )

    def methods(self, kind: type[TelegramMethod[Any]]) -> list[Any]:
        return [call for call in self.calls if isinstance(call, kind)]

    async def close(self) -> None:
        return None

    async def stream_content(
        self,
        url: str,
        headers: dict[str, Any] | None = None,
        timeout: int = 30,
        chunk_size: int = 65536,
        raise_for_status: bool = True,
    ) -> AsyncGenerator[bytes, None]:
        file_id = url.rsplit("/", 1)[-1]
        if file_id not in self.files:
            raise AssertionError(f"RecordingSession has no file {file_id}")
        content = self.files[file_id]
        for start in range(0, len(content), chunk_size):
            yield content[start : start + chunk_size]


def recording_bot() -> tuple[Bot, RecordingSession]:
    session = RecordingSession()
    return Bot(TOKEN, session=session), session


def as_uploaded(method: TelegramMethod[Any]) -> TelegramMethod[Any]:
    """The call as recorded: a file sent from disk is read now, as a real upload reads it
    during the request (the sender may delete it right after)."""
    read = {
        name: BufferedInputFile(Path(value.path).read_bytes(), value.filename or "file")
        for name, value in method
        if isinstance(value, FSInputFile)
    }
    return method.model_copy(update=read) if read else method

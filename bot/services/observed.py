"""What the bot observed in an update, as plain records (no aiogram types beyond this line)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot.services.attribution import Attribution


@dataclass(frozen=True, slots=True)
class ChatSeen:
    id: int
    type: str
    title: str | None
    username: str | None
    seen_at: datetime


@dataclass(frozen=True, slots=True)
class UserSeen:
    id: int
    is_bot: bool
    first_name: str
    last_name: str | None
    username: str | None
    language_code: str | None
    seen_at: datetime


@dataclass(frozen=True, slots=True)
class IncomingComment:
    chat_id: int
    message_id: int
    thread_id: int | None
    author: Attribution
    text: str | None
    media_kind: str | None
    service_kind: str | None
    reply_to_message_id: int | None
    is_automatic_forward: bool
    is_forwarded: bool
    created_at: datetime


@dataclass(frozen=True, slots=True)
class CommentEdit:
    """An edited message: its new content, and the whole message if the original was never seen."""

    comment: IncomingComment
    edited_at: datetime


@dataclass(frozen=True, slots=True)
class ChatMigration:
    old_chat_id: int
    new_chat_id: int
    seen_at: datetime

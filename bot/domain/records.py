"""What the bot observed in an update, as plain records (no aiogram types beyond this line).

Named tuples rather than frozen dataclasses: just as immutable, and several times cheaper to
build, which matters at four records per message on the ingest path.
"""

from __future__ import annotations

from datetime import datetime
from typing import NamedTuple

from bot.domain.attribution import Attribution


class ChatSeen(NamedTuple):
    id: int
    type: str
    title: str | None
    username: str | None
    seen_at: datetime


class UserSeen(NamedTuple):
    id: int
    is_bot: bool
    first_name: str
    last_name: str | None
    username: str | None
    language_code: str | None
    seen_at: datetime


class IncomingComment(NamedTuple):
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


class CommentEdit(NamedTuple):
    """An edited message: its new content, and the whole message if the original was never seen."""

    comment: IncomingComment
    edited_at: datetime


class ChatMigration(NamedTuple):
    old_chat_id: int
    new_chat_id: int
    seen_at: datetime

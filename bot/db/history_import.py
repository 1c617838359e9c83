"""Storing a parsed history export as the group's comments (SQL only; callers own transactions).

The rows go through the ingest path's own comment insert (idempotent on (chat_id, message_id),
so a message seen live and in the export, or imported twice, is stored once) and its tagging
(`tag_new_comments`); people with a tombstone are left out, like at ingest.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db.bulk_insert import BulkUpsert
from bot.db.feedback_ingest import ingest_lookup, tag_new_comments
from bot.db.models import Comment, User
from bot.db.write_buffer import COMMENT_INSERT, comment_row
from bot.domain.history import ImportedMessage, SenderKind

NAME_LIMIT = 255

# Export senders become users only when unknown: a live profile is newer than an export's name.
IMPORTED_USER_INSERT = BulkUpsert(
    User.__table__,  # type: ignore[arg-type]
    columns=("id", "is_bot", "first_name", "first_seen_at", "last_seen_at"),
    conflict=("id",),
)


@dataclass(frozen=True, slots=True)
class StoredChunk:
    new: int  # messages stored for the first time
    already: int  # messages the group already had (seen live, or imported before)
    forgotten: int  # left out for a tombstone
    ahead: int = 0  # left out: ids past the newest message seen live (see `newest_message_id`)


async def newest_message_id(session: AsyncSession, chat_id: int) -> int | None:
    """The newest message id stored for the group. An import stores nothing past it: a message
    id the group has not reached yet would take the place of the fan's real message when it
    comes (the insert keeps the first row), so every stored id is one the group has reached."""
    found = await session.scalar(
        select(func.max(Comment.message_id)).where(Comment.chat_id == chat_id)
    )
    return int(found) if found is not None else None


async def store_chunk(
    session: AsyncSession,
    chat_id: int,
    messages: Sequence[ImportedMessage],
    now: datetime,
    *,
    newest: int | None,
    reached_only: bool = True,
) -> StoredChunk:
    """Store one chunk; with `reached_only`, nothing past message id `newest` (None: the group
    has no message yet, so nothing). Says how many messages were new, already stored, or left
    out."""
    reached = [
        m for m in messages if not reached_only or (newest is not None and m.message_id <= newest)
    ]
    comments = [message.as_incoming_comment(chat_id) for message in reached]
    people = {c.author.user_id for c in comments if c.author.user_id is not None}
    lookup = await ingest_lookup(session, {chat_id}, people)
    kept = [c for c in comments if c.author.user_id not in lookup.forgotten]
    already = await _already_stored(session, chat_id, [c.message_id for c in kept])
    await IMPORTED_USER_INSERT.execute(session, _user_rows(reached, lookup.forgotten))
    await COMMENT_INSERT.execute(session, [comment_row(comment) for comment in kept])
    await tag_new_comments(session, kept, lookup.fingerprints, now)
    return StoredChunk(
        len(kept) - already,
        already,
        len(comments) - len(kept),
        ahead=len(messages) - len(reached),
    )


async def _already_stored(session: AsyncSession, chat_id: int, message_ids: list[int]) -> int:
    if not message_ids:
        return 0
    found = await session.scalar(
        select(func.count())
        .select_from(Comment)
        .where(Comment.chat_id == chat_id, Comment.message_id.in_(message_ids))
    )
    return int(found or 0)


def _user_rows(
    messages: Iterable[ImportedMessage], forgotten: frozenset[int]
) -> list[tuple[Any, ...]]:
    seen: dict[int, tuple[Any, ...]] = {}
    for message in messages:
        person = message.sender_id
        if message.sender_kind is not SenderKind.USER or person is None or person <= 0:
            continue
        if person in forgotten or person in seen:
            continue
        name = (message.display_name or str(person))[:NAME_LIMIT]
        seen[person] = (person, False, name, message.date, message.date)
    return list(seen.values())

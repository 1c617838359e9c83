"""Failed updates kept for debugging, redacted in place (SQL only; the caller commits): after
/forget, of the person's names and words, also where other people's updates quote them; past a
group's retention, of their text. The payload keeps its shape (bot/domain/update_redaction.py).

A payload is found by the id it contains (`LIKE`, portable), then read to be sure: failed
updates are few, and no index is needed for what runs once per /forget or once a day.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db.models import FailedUpdate
from bot.domain.update_redaction import dump, load, redact_person, redact_text


def payload_chat_id(document: Any) -> int | None:
    """The chat a stored update came from (a message's, an edit's, a button's message's), None
    when the payload does not say."""
    if not isinstance(document, dict):
        return None
    for value in document.values():
        if not isinstance(value, dict):
            continue
        holder = value if "chat" in value else value.get("message")
        chat = holder.get("chat") if isinstance(holder, dict) else None
        if isinstance(chat, dict) and isinstance(chat.get("id"), int):
            return int(chat["id"])
    return None


async def _rewrite(
    session: AsyncSession,
    mentioning: int,
    redact: Callable[[Any], bool],
    *,
    chat_id: int | None = None,
    before: datetime | None = None,
) -> int:
    query = select(FailedUpdate.id, FailedUpdate.update_id, FailedUpdate.payload).where(
        FailedUpdate.payload.contains(str(mentioning), autoescape=True)
    )
    if before is not None:
        query = query.where(FailedUpdate.failed_at < before)
    changed = 0
    for row in (await session.execute(query)).all():
        document = load(row.payload)
        if chat_id is not None and payload_chat_id(document) != chat_id:
            continue
        if document is None:
            # Unreadable (nested past what the parser takes): nothing of it can be kept safely.
            payload = dump({"update_id": row.update_id})
        elif redact(document):
            payload = dump(document)
        else:
            continue
        await session.execute(
            update(FailedUpdate).where(FailedUpdate.id == row.id).values(payload=payload)
        )
        changed += 1
    return changed


async def redact_person_everywhere(
    session: AsyncSession, user_id: int, *, chat_id: int | None = None
) -> int:
    """Blank a person's names and words in every failed update (of one group, if given)."""
    return await _rewrite(
        session, user_id, lambda document: redact_person(document, user_id), chat_id=chat_id
    )


async def purge_text_before(session: AsyncSession, chat_id: int, before: datetime) -> int:
    """Blank the text of a group's failed updates older than `before` (its retention)."""
    return await _rewrite(session, chat_id, redact_text, chat_id=chat_id, before=before)

"""/feedback from private chat, stored as a comment of the group (SQL only; the caller commits).

There is no group message, so the comment's message id is -(private_feedback.id): negative ids
never collide with Telegram's and have no message link. Idempotent on the private message."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db.feedback import EXPLICIT_UPSERT, explicit_row
from bot.db.feedback_ingest import ingest_lookup, tag_new_comments
from bot.db.models import PrivateFeedback
from bot.db.upsert import insert_for
from bot.db.write_buffer import COMMENT_INSERT, comment_row
from bot.domain.attribution import Attribution, AuthorKind
from bot.domain.records import IncomingComment


async def store_private_feedback(
    session: AsyncSession,
    *,
    chat_id: int,
    user_id: int,
    private_message_id: int,
    text: str,
    sent_at: datetime,
    now: datetime,
) -> bool:
    """Store it, tagged; False when the person asked to be forgotten (nothing is stored)."""
    lookup = await ingest_lookup(session, {chat_id}, {user_id})
    if user_id in lookup.forgotten:
        return False
    await session.execute(
        insert_for(session, PrivateFeedback.__table__).on_conflict_do_nothing(
            index_elements=[PrivateFeedback.user_id, PrivateFeedback.private_message_id]
        ),
        [
            {
                "user_id": user_id,
                "private_message_id": private_message_id,
                "chat_id": chat_id,
                "created_at": now,
            }
        ],
    )
    feedback_id = await session.scalar(
        select(PrivateFeedback.id).where(
            PrivateFeedback.user_id == user_id,
            PrivateFeedback.private_message_id == private_message_id,
        )
    )
    assert feedback_id is not None
    comment = IncomingComment(
        chat_id=chat_id,
        message_id=-feedback_id,
        thread_id=None,
        author=Attribution(AuthorKind.FAN, user_id, None),
        text=text,
        media_kind=None,
        service_kind=None,
        reply_to_message_id=None,
        is_automatic_forward=False,
        is_forwarded=False,
        created_at=sent_at,
    )
    await COMMENT_INSERT.execute(session, [comment_row(comment)])
    await tag_new_comments(session, [comment], lookup.fingerprints, now)
    await EXPLICIT_UPSERT.execute(session, [explicit_row(chat_id, -feedback_id, user_id, now)])
    return True

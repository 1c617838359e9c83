"""What must hold in the database after any update, however hostile. One statement counts every
kind of violation (the check runs after each of a thousand examples); details only on failure."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.db.models import (
    Chat,
    Comment,
    CommentVersion,
    FailedUpdate,
    GiveawayEntry,
    GroupEvent,
    PollVote,
    User,
)
from bot.domain.attribution import PLACEHOLDER_SENDER_IDS

PLACEHOLDERS = sorted(PLACEHOLDER_SENDER_IDS)

_versions = (
    select(CommentVersion.chat_id, CommentVersion.message_id, func.count().label("versions"))
    .group_by(CommentVersion.chat_id, CommentVersion.message_id)
    .subquery()
)


def _count(model: Any, *where: ColumnElement[bool]) -> Any:
    return select(func.count()).select_from(model).where(*where)


# (SQLAlchemy 2.0 and 2.1 type a Select's columns differently: the checks are Any.)
CHECKS: dict[str, Any] = {
    "failed updates": select(FailedUpdate.update_id, FailedUpdate.error),
    "comments without a chat": select(Comment.chat_id, Comment.message_id)
    .outerjoin(Chat, Chat.id == Comment.chat_id)
    .where(Chat.id.is_(None)),
    # A fan is a person; a message with sender_chat belongs to that chat, never to a person.
    "comments attributed wrongly": select(
        Comment.chat_id, Comment.message_id, Comment.author_kind, Comment.author_user_id
    ).where(
        or_(
            and_(
                Comment.is_fan,
                or_(Comment.author_user_id.is_(None), Comment.sender_chat_id.isnot(None)),
            ),
            and_(Comment.sender_chat_id.isnot(None), Comment.author_user_id.isnot(None)),
            Comment.author_user_id.in_(PLACEHOLDERS),
        )
    ),
    "comments with more versions than edits, or edits without an edit time": select(
        Comment.chat_id, Comment.message_id, Comment.edit_count, _versions.c.versions
    )
    .outerjoin(
        _versions,
        and_(_versions.c.chat_id == Comment.chat_id, _versions.c.message_id == Comment.message_id),
    )
    .where(
        or_(
            func.coalesce(_versions.c.versions, 0) > Comment.edit_count,
            and_(Comment.edit_count > 0, Comment.edited_at.is_(None)),
        )
    ),
    "versions without a comment": select(CommentVersion.chat_id, CommentVersion.message_id)
    .outerjoin(
        Comment,
        and_(
            Comment.chat_id == CommentVersion.chat_id,
            Comment.message_id == CommentVersion.message_id,
        ),
    )
    .where(Comment.id.is_(None)),
    "placeholder senders stored as users": select(User.id).where(User.id.in_(PLACEHOLDERS)),
    "placeholder senders in giveaways": select(GiveawayEntry.user_id).where(
        GiveawayEntry.user_id.in_(PLACEHOLDERS)
    ),
    "placeholder senders voting": select(PollVote.user_id).where(
        PollVote.user_id.in_(PLACEHOLDERS)
    ),
    "placeholder senders in group events": select(GroupEvent.kind, GroupEvent.user_id).where(
        GroupEvent.user_id.in_(PLACEHOLDERS)
    ),
}

_ALL = select(
    *(select(func.count()).select_from(check.subquery()).scalar_subquery().label(f"c{i}")
      for i, check in enumerate(CHECKS.values()))
)  # fmt: skip


async def violations(
    session_factory: async_sessionmaker[AsyncSession], stored: list[tuple[int, int]]
) -> list[str]:
    """Every broken invariant, described; `stored` are (chat id, message id) of group messages
    that must have been stored."""
    async with session_factory() as session:
        counts = (await session.execute(_ALL)).one()
        found: list[str] = []
        for (label, check), count in zip(CHECKS.items(), counts, strict=True):
            if count:
                rows = (await session.execute(check.limit(3))).all()
                found.append(f"{label}: {[tuple(row) for row in rows]}")
        for chat_id, message_id in stored:
            exists = await session.scalar(
                _count(Comment, Comment.chat_id == chat_id, Comment.message_id == message_id)
            )
            if not exists:
                found.append(f"group message {chat_id}/{message_id} was never stored")
    return found

"""A fan's history across features, and counting a person's rows in every person column."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.db.models import (
    Comment,
    DigestSubscription,
    FailedUpdate,
    GroupEvent,
    InboxQuery,
    PollVote,
)
from bot.db.privacy import PERSON_COLUMNS, OnForget
from tests.support import updates as u
from tests.support.cast import FAN, OTHER, VICTIM
from tests.support.scene import Scene

FAN_PRIVATE = u.private(FAN)


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


async def fan_history(scene: Scene) -> list[dict[str, Any]]:
    """The fan talks in two groups, edits, sends feedback; other features hold rows of them."""
    scene.telegram.started.add(FAN["id"])
    sent = [
        scene.updates.message(VICTIM, FAN, "视频有问题，闪退了"),
        scene.updates.message(OTHER, FAN, "please add subtitles"),
        scene.updates.command(VICTIM, FAN, "/feedback love it"),
    ]
    await scene.pipeline.deliver(*sent)
    edit = scene.updates.edit(sent[1], "please add subtitles, edited")
    await scene.pipeline.deliver(edit)
    await scene.send(FAN_PRIVATE, FAN, "/language en")
    now = datetime.now(UTC)
    async with scene.session_factory() as session, session.begin():
        session.add(PollVote(telegram_poll_id="p1", user_id=FAN["id"], option_ids="0",
                             answered_at=now))  # fmt: skip
        session.add(GroupEvent(chat_id=VICTIM["id"], kind="reaction", user_id=FAN["id"],
                               message_id=1, amount=1, happened_at=now))  # fmt: skip
        session.add(DigestSubscription(chat_id=VICTIM["id"], user_id=FAN["id"],
                                       subscribed_at=now, blocked_at=None))  # fmt: skip
        session.add(InboxQuery(user_id=FAN["id"], chat_id=VICTIM["id"], filters="{}",
                               created_at=now))  # fmt: skip
        session.add(FailedUpdate(update_id=1, payload_sha256="0" * 64, payload="{}",
                                 error="boom", failed_at=now, user_id=FAN["id"]))  # fmt: skip
    return [*sent, edit]


async def comment_texts(scene: Scene, user_id: int) -> set[tuple[int, str | None]]:
    """(group, text) of every stored comment of the person."""
    async with scene.session_factory() as session:
        rows = await session.execute(
            select(Comment.chat_id, Comment.text).where(Comment.author_user_id == user_id)
        )
    return {(row.chat_id, row.text) for row in rows}

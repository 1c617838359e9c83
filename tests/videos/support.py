"""What the video tests read back: the registry's rows, one video, and the comments' links."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from bot.db.models import Video, VideoCommentLink
from tests.support import updates as u
from tests.support.cast import VICTIM
from tests.support.scene import Scene

CHANNEL = u.channel(-1002000000777, "Mei's channel")


async def videos(scene: Scene) -> list[tuple[Any, ...]]:
    async with scene.session_factory() as session:
        rows = await session.execute(select(*Video.__table__.columns).order_by(Video.id))
        return [tuple(row) for row in rows.all()]


async def stored_video(scene: Scene, number: int, chat: dict[str, Any] = VICTIM) -> Video:
    async with scene.session_factory() as session:
        found = await session.scalar(
            select(Video).where(Video.chat_id == chat["id"], Video.number == number)
        )
    assert found is not None
    return found


async def links(scene: Scene) -> set[tuple[int, int, str, bool]]:
    """(message id, video number, source, active) of every link."""
    async with scene.session_factory() as session:
        rows = await session.execute(
            select(
                VideoCommentLink.message_id,
                Video.number,
                VideoCommentLink.source,
                VideoCommentLink.active,
            ).join(Video, Video.id == VideoCommentLink.video_id)
        )
        return {tuple(row) for row in rows.all()}  # type: ignore[misc]


async def dump(scene: Scene) -> tuple[list[tuple[Any, ...]], set[tuple[int, int, str, bool]]]:
    return await videos(scene), await links(scene)

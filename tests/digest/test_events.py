"""What a digest counts beyond stored messages: joins and leaves from chat_member (preferred
over service messages when the bot receives them), replies to the bot, reactions; each stored
once however often Telegram redelivers the update."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.db.models import GroupEvent
from bot.services.digest import DigestBuilder
from tests.digest import dataset as d
from tests.support import updates as u
from tests.support.scene import Scene

DAY = date(2026, 6, 10)
ADMIN_FLAGS = (
    "is_anonymous",
    "can_manage_chat",
    "can_delete_messages",
    "can_manage_video_chats",
    "can_restrict_members",
    "can_promote_members",
    "can_change_info",
    "can_invite_users",
    "can_post_stories",
    "can_edit_stories",
    "can_delete_stories",
    "can_send_welcome_messages",
)
NOON = d.local(10, 12)


def member(status: str, who: dict[str, Any]) -> dict[str, Any]:
    extra: dict[str, Any] = {"until_date": 0} if status == "kicked" else {}
    if status == "administrator":
        extra = {"can_be_edited": False, **dict.fromkeys(ADMIN_FLAGS, False)}
    return {"status": status, "user": who, **extra}


def member_update(update_id: int, who: dict[str, Any], old: str, new: str) -> dict[str, Any]:
    return {
        "update_id": update_id,
        "chat_member": {
            "chat": d.GROUP,
            "from": d.OWNER,
            "date": NOON,
            "old_chat_member": member(old, who),
            "new_chat_member": member(new, who),
        },
    }


async def test_chat_member_joins_and_leaves_are_counted_once_and_preferred(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    pipeline = Scene.create(session_factory).pipeline
    await d.register(session_factory, datetime.now(UTC))
    updates = u.Updates(clock=NOON)
    join_x = member_update(5001, d.E, "left", "member")
    join_y = member_update(5002, d.F, "kicked", "member")
    leave_x = member_update(5003, d.C, "member", "left")
    promoted = member_update(5004, d.A, "member", "administrator")
    await pipeline.deliver(join_x, join_y, leave_x, promoted)
    await pipeline.deliver(join_x, leave_x)  # redelivered after a crash
    # A service message for a join that chat_member also reported: not counted twice.
    await pipeline.deliver(updates.raw_message(d.GROUP, d.E, new_chat_members=[d.E]))

    async with session_factory() as session, session.begin():
        stored = await session.scalar(select(func.count()).select_from(GroupEvent))
        digest = await DigestBuilder().daily(
            session, chat_id=d.GROUP["id"], title="t", timezone=d.TZ, day=DAY, now=d.AFTER
        )
    assert stored == 3
    assert (digest.current.joins, digest.current.leaves) == (2, 1)


async def test_replies_to_other_people_and_reactions_taken_back_do_not_count(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    pipeline = Scene.create(session_factory).pipeline
    await d.register(session_factory, datetime.now(UTC))
    updates = u.Updates(clock=NOON)
    someone = {"message_id": 1, "date": NOON, "chat": d.GROUP, "from": d.A, "text": "hi"}
    await pipeline.deliver(updates.message(d.GROUP, d.B, "hello A", reply_to_message=someone))
    updates.next_update_id += 1
    await pipeline.deliver(
        {
            "update_id": updates.next_update_id,
            "message_reaction": {
                "chat": d.GROUP,
                "message_id": 1,
                "user": d.B,
                "date": NOON,
                "old_reaction": [{"type": "emoji", "emoji": "👍"}],
                "new_reaction": [],
            },
        }
    )
    async with session_factory() as session, session.begin():
        digest = await DigestBuilder().daily(
            session, chat_id=d.GROUP["id"], title="t", timezone=d.TZ, day=DAY, now=d.AFTER
        )
    assert (digest.current.bot_replies, digest.current.reactions) == (0, 0)
    assert digest.current.messages == 1

"""A fixed week of one group (Asia/Shanghai, UTC+8) through the real dispatcher, with every
digest number computed by hand below.

Reported day D = 2026-06-10 (local). Tags by the default rules, checked by hand:
  D-7, D-3, D-1 10:00  "old bug from last week"                          bug, neutral
  D-1 11:00, 23:30     "love it"                                         praise, positive
  D 00:10 A  "The new video has a bug, the sound is out of sync"         bug (2 hits), neutral
  D 08:00 E  joins (service message)
  D 09:40 C  "It crashed when I opened it, black screen"                 bug (2 hits), neutral
  D 12:00    the creator's channel posts "Official: new episode tonight" (not a fan)
  D 13:00 B  replies to the bot "thanks for replying"                    praise, positive
  D 15:00 B  adds two reactions to A's message
  D 20:05 Dd "视频有问题，音画不同步"                                    bug (3 hits), negative
  D 20:30 Dd "glitch on the <i>stage</i> & no sound"                     bug (2 hits), neutral
  D 20:45 C  "太棒了，我很喜欢"                                          praise, positive
  D 21:10 A  a photo without caption
  D 22:00 F  leaves (service message)
  D+1 00:05 A "love it"                                                  (the next day)

D: fans' messages 7 (not the two service messages; the channel post is staff activity),
active fans 4 (A B C Dd), new fans 2 (C Dd), joins 1, leaves 1, replies to the bot 1,
reactions 2; bug 4 (D-1: 1, 7-day average 3/7 = 0.4, rising), praise 2 (D-1: 2, average
2/7 = 0.3, not rising); sentiment of 6 texts: positive 2 (33%), neutral 3 (50%), negative 1
(17%); busiest hours 20:00 (3), 00:00 (1), 09:00 (1).
D-1: messages 3, active fans 2.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.db.chat_settings import register_group
from bot.db.models import ChatSettings
from bot.devtools.recording_session import BOT_USER
from tests.support import updates as u
from tests.support.pipeline import Pipeline

TZ = "Asia/Shanghai"
GROUP = u.group(-1001000000777, "Fans <&> club")
OWNER = u.user(8001, "Olga", username="olga", language_code="en")
ZH_OWNER = u.user(8002, "Mei", username="mei", language_code="zh-hans")
A = u.user(101, "Ann")
B = u.user(102, "Bo")
C = u.user(103, "Cy")
DD = u.user(104, "Dee")
E = u.user(105, "Eve")
F = u.user(106, "Fay")
CHANNEL = u.channel(-1002000000777, "Creator")


def local(day: int, hour: int, minute: int = 0) -> int:
    return int(datetime(2026, 6, day, hour, minute, tzinfo=ZoneInfo(TZ)).timestamp())


async def register(session_factory: async_sessionmaker[AsyncSession], now: datetime) -> None:
    async with session_factory() as session, session.begin():
        await register_group(
            session,
            chat_id=GROUP["id"],
            chat_type="supergroup",
            title=GROUP["title"],
            username=None,
            added_by_user_id=OWNER["id"],
            now=now,
        )
        await session.execute(
            update(ChatSettings).where(ChatSettings.chat_id == GROUP["id"]).values(timezone=TZ)
        )


async def deliver_week(pipeline: Pipeline, updates: u.Updates) -> None:
    async def at(when: int, build: Any) -> dict[str, Any]:
        updates.clock = when
        raw = build()
        await pipeline.deliver(raw)
        return raw  # type: ignore[no-any-return]

    old = "old bug from last week"
    await at(local(3, 12), lambda: updates.message(GROUP, A, old))
    await at(local(7, 12), lambda: updates.message(GROUP, B, old))
    await at(local(9, 10), lambda: updates.message(GROUP, A, old))
    await at(local(9, 11), lambda: updates.message(GROUP, B, "love it"))
    await at(local(9, 23, 30), lambda: updates.message(GROUP, B, "love it"))
    first = await at(
        local(10, 0, 10),
        lambda: updates.message(GROUP, A, "The new video has a bug, the sound is out of sync"),
    )
    await at(local(10, 8), lambda: updates.raw_message(GROUP, E, new_chat_members=[E]))
    await at(
        local(10, 9, 40),
        lambda: updates.message(GROUP, C, "It crashed when I opened it, black screen"),
    )
    await at(
        local(10, 12),
        lambda: updates.message(
            GROUP, u.CHANNEL_BOT, "Official: new episode tonight", sender_chat=CHANNEL
        ),
    )
    bot_post = {
        "message_id": 900,
        "date": local(10, 12, 30),
        "chat": GROUP,
        "from": BOT_USER.model_dump(exclude_none=True),
        "text": "Poll results are in",
    }
    await at(
        local(10, 13),
        lambda: updates.message(GROUP, B, "thanks for replying", reply_to_message=bot_post),
    )
    updates.clock = local(10, 15)
    updates.next_update_id += 1
    await pipeline.deliver(
        {
            "update_id": updates.next_update_id,
            "message_reaction": {
                "chat": GROUP,
                "message_id": first["message"]["message_id"],
                "user": B,
                "date": local(10, 15),
                "old_reaction": [],
                "new_reaction": [
                    {"type": "emoji", "emoji": "👍"},
                    {"type": "emoji", "emoji": "❤"},
                ],
            },
        }
    )
    await at(local(10, 20, 5), lambda: updates.message(GROUP, DD, "视频有问题，音画不同步"))
    await at(
        local(10, 20, 30),
        lambda: updates.message(GROUP, DD, "glitch on the <i>stage</i> & no sound"),
    )
    await at(local(10, 20, 45), lambda: updates.message(GROUP, C, "太棒了，我很喜欢"))
    photo = [{"file_id": "p1", "file_unique_id": "u1", "width": 90, "height": 90}]
    await at(local(10, 21, 10), lambda: updates.raw_message(GROUP, A, photo=photo))
    await at(local(10, 22), lambda: updates.raw_message(GROUP, F, left_chat_member=F))
    await at(local(11, 0, 5), lambda: updates.message(GROUP, A, "love it"))


REPORTED = datetime(2026, 6, 10).date()  # noqa: DTZ001 - a local date
AFTER = datetime(2026, 6, 11, 9, tzinfo=ZoneInfo(TZ)) + timedelta(minutes=1)

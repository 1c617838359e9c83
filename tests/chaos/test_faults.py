"""Telegram misbehaving mid-run, against the real bot process: 403 blocked and kicked, storms of
500/502 on sendMessage and on getUpdates, a group upgraded to a supergroup.

Counts come from the emulator's record of every call: bounded retries are the number of calls
the bot made, not what it logged.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import insert, select

from bot.db.engine import create_engine
from bot.db.models import Chat, Comment, DigestSubscription, FailedUpdate
from bot.emulator.client import Json
from tests.support.chaos import log_events
from tests.support.chaos_world import Chaos

pytestmark = pytest.mark.e2e

# bot/telegram/outbound.py RetryPolicy.failure_attempts: the first try and three retries.
FAILURE_ATTEMPTS = 4


async def chats(chaos: Chaos) -> dict[int, tuple[bool, str | None, int | None]]:
    """Stored chats: id -> (is_active, inactive_reason, migrated_to_chat_id)."""
    engine = create_engine(chaos.database_url)
    try:
        async with engine.connect() as connection:
            rows = await connection.execute(
                select(Chat.id, Chat.is_active, Chat.inactive_reason, Chat.migrated_to_chat_id)
            )
            return {
                int(row.id): (bool(row.is_active), row.inactive_reason, row.migrated_to_chat_id)
                for row in rows
            }
    finally:
        await engine.dispose()


async def comments(chaos: Chaos, chat_id: int) -> list[str | None]:
    engine = create_engine(chaos.database_url)
    try:
        async with engine.connect() as connection:
            rows = await connection.scalars(
                select(Comment.text).where(Comment.chat_id == chat_id).order_by(Comment.message_id)
            )
            return list(rows)
    finally:
        await engine.dispose()


async def subscribe(chaos: Chaos, chat_id: int, user_id: int) -> None:
    engine = create_engine(chaos.database_url)
    try:
        async with engine.begin() as connection:
            await connection.execute(
                insert(DigestSubscription),
                [{"chat_id": chat_id, "user_id": user_id, "subscribed_at": datetime.now(UTC)}],
            )
    finally:
        await engine.dispose()


async def blocked(chaos: Chaos, user_id: int) -> list[bool]:
    """Per digest subscription of the person: is it marked blocked?"""
    engine = create_engine(chaos.database_url)
    try:
        async with engine.connect() as connection:
            rows = await connection.scalars(
                select(DigestSubscription.blocked_at).where(DigestSubscription.user_id == user_id)
            )
            return [at is not None for at in rows]
    finally:
        await engine.dispose()


async def failed_updates(chaos: Chaos) -> int:
    engine = create_engine(chaos.database_url)
    try:
        async with engine.connect() as connection:
            return len((await connection.scalars(select(FailedUpdate.update_id))).all())
    finally:
        await engine.dispose()


def outcomes(calls: list[Json]) -> list[int]:
    """The status of each call: 200, or the error code the emulator answered with."""
    return [
        200 if call["ok"] else int((call["error"] or {}).get("error_code") or 0) for call in calls
    ]


async def test_blocked_and_kicked_mark_the_chat_inactive_and_nothing_else_breaks(
    chaos: Chaos,
) -> None:
    client, group, fan = chaos.client, chaos.group, chaos.fans[0]
    other = await client.create_chat(
        "supergroup", title="Other fans", owner_id=chaos.owner["id"], member_ids=[fan["id"]]
    )
    await client.set_bot_membership(other["id"], "administrator", emit=False)
    bot = await chaos.start()
    for chat in (group, other):
        await client.send_text(chat["id"], fan["id"], "hello")
    await chaos.delivered()
    await subscribe(chaos, other["id"], fan["id"])
    assert await blocked(chaos, fan["id"]) == [False]

    since = (await client.state())["call_count"]
    await client.add_fault(
        "sendMessage", status=403, description="Forbidden: bot was kicked from the supergroup chat"
    )
    await client.send_command(group["id"], fan["id"], "help")
    await chaos.delivered()
    await client.add_fault(
        "sendMessage", status=403, description="Forbidden: bot was blocked by the user"
    )
    await client.send_command(fan["id"], fan["id"], "help")
    await chaos.delivered()
    # Neither 403 is retried: one call each.
    assert outcomes(await client.calls("sendMessage", since)) == [403, 403]

    # Everything else goes on: the other group is stored and answered.
    await client.send_text(other["id"], fan["id"], "still here")
    await client.send_command(other["id"], fan["id"], "help")
    await chaos.delivered()
    assert outcomes(await client.calls("sendMessage", since)) == [403, 403, 200]
    stored = await chats(chaos)
    assert stored[group["id"]] == (False, "kicked", None)
    assert stored[other["id"]] == (True, None, None)
    assert await comments(chaos, other["id"]) == ["hello", "still here", "/help"]
    # A private chat is not a stored chat: the person's digests stop instead.
    assert fan["id"] not in stored
    assert await blocked(chaos, fan["id"]) == [True]
    assert await bot.stop() == 0


async def test_5xx_storms_are_retried_a_bounded_number_of_times_and_nothing_is_lost(
    chaos: Chaos,
) -> None:
    client, group, fan = chaos.client, chaos.group, chaos.fans[0]
    bot = await chaos.start()

    # sendMessage: six failures in a row. The first answer gives up after its attempts, the
    # next one gets through after the rest of the storm. (In private chat: in a group every
    # attempt also waits for the group's 20 messages a minute.)
    since = (await client.state())["call_count"]
    await client.add_fault("sendMessage", status=500, count=3)
    await client.add_fault("sendMessage", status=502, count=3)
    await client.send_command(fan["id"], fan["id"], "help")
    await chaos.delivered()
    await client.send_command(fan["id"], fan["id"], "help")
    await chaos.delivered()
    assert outcomes(await client.calls("sendMessage", since)) == [500, 500, 500, 502, 502, 502, 200]
    assert await failed_updates(chaos) == 1  # the update whose answer gave up, kept

    # getUpdates: six failures in a row while fans keep writing; every message arrives.
    since = (await client.state())["call_count"]
    await client.add_fault("getUpdates", status=502, count=3)
    await client.add_fault("getUpdates", status=500, count=3)
    for n in range(5):
        await client.send_text(group["id"], fan["id"], f"during the storm {n}")
    await chaos.delivered()
    fetches = outcomes(await client.calls("getUpdates", since))
    assert fetches[:7] == [502, 502, 502, 500, 500, 500, 200], fetches
    assert len(log_events(bot.log_path, "polling.fetch_failed")) == 6 // FAILURE_ATTEMPTS
    texts = await comments(chaos, group["id"])
    assert texts == [f"during the storm {n}" for n in range(5)]
    assert await bot.stop() == 0


async def test_a_group_upgraded_mid_run_moves_to_the_supergroup_and_resends_once(
    chaos: Chaos,
) -> None:
    client, owner, fans = chaos.client, chaos.owner, chaos.fans[:3]
    basic = await client.create_chat(
        "group", title="Basic fans", owner_id=owner["id"], member_ids=[f["id"] for f in fans]
    )
    await client.set_bot_membership(basic["id"], "administrator", emit=False)
    bot = await chaos.start()
    for fan in fans:
        await client.send_text(basic["id"], fan["id"], f"before {fan['first_name']}")
    await chaos.delivered()
    assert await bot.stop() == 0

    # While the bot is down: a command it must answer, then the upgrade.
    since = (await client.state())["call_count"]
    await client.send_command(basic["id"], fans[0]["id"], "help")
    upgrade = await client.migrate_group(basic["id"], owner["id"])
    supergroup = upgrade["chat"]["id"]
    for fan in fans:
        await client.send_text(supergroup, fan["id"], f"after {fan['first_name']}")
    bot = await chaos.start()
    await chaos.delivered()

    answers = [
        (call["params"]["chat_id"], status)
        for call, status in zip(
            await client.calls("sendMessage", since),
            outcomes(await client.calls("sendMessage", since)),
            strict=True,
        )
    ]
    assert answers == [(basic["id"], 400), (supergroup, 200)]  # followed once, not looped
    stored = await chats(chaos)
    assert stored[basic["id"]] == (False, "migrated", supergroup)
    assert stored[supergroup][:2] == (True, None)
    before = await comments(chaos, basic["id"])
    assert [text for text in before if text] == [
        *(f"before {fan['first_name']}" for fan in fans),
        "/help",
    ]
    after = await comments(chaos, supergroup)
    assert [text for text in after if text] == [f"after {fan['first_name']}" for fan in fans]
    assert await bot.stop() == 0

"""kill -9 at random moments while fans keep writing: nothing lost, nothing twice, a sound database.

One emulator lives through the whole test; only the bot process dies. Each run kills the bot at a
random moment (some while it is starting up, most in the middle of batches), checks the
database's integrity on the spot, starts a new process, lets it catch up and compares every
table with the ledger of what the fans did: messages stored once, edit histories exactly as
sent, one vote per voter as last cast, one entry per entrant.

FANPULSE_CHAOS_RUNS=200 runs longer; FANPULSE_CHAOS_SEED replays a run (FANPULSE_CHAOS_BOTH_LEGS=1
on the PostgreSQL leg: CI runs the chaos tests on SQLite only).
"""

from __future__ import annotations

import asyncio
import os
import random

import pytest

from bot.demo.previews import tap_send
from tests.support.chaos import ForkedBot, integrity_problems
from tests.support.chaos_fans import FanWriter, Ledger
from tests.support.chaos_world import Chaos, chaos_seed

pytestmark = pytest.mark.e2e

RUNS_ENV = "FANPULSE_CHAOS_RUNS"
CI_RUNS = 20


async def test_kill_9_at_random_moments_loses_and_doubles_nothing(chaos: Chaos) -> None:
    runs = int(os.environ.get(RUNS_ENV, CI_RUNS))
    seed = chaos_seed()
    rng = random.Random(seed)
    bot = await chaos.start()
    ledger, announcement = await _poll_and_giveaway(chaos)
    writer = FanWriter(chaos.client, ledger, chaos.fans, rng, giveaway_message_id=announcement)
    writer.start()
    kills = 0
    try:
        for run in range(runs):
            where = f"seed {seed}, run {run}"
            if run % 3 == 1:
                await writer.command(rng.choice(chaos.fans)["id"], in_group=run % 2 == 0)
            await asyncio.sleep(rng.uniform(0.0, 0.8))
            kills += await _kill(bot, where)
            assert await integrity_problems(chaos.database_url) == [], where
            bot = await chaos.spawn()
            if rng.random() < 0.2:
                # Again while it starts up: migrations, getMe, the clock's lease, the first batch.
                await asyncio.sleep(rng.uniform(0.0, 1.0))
                kills += await _kill(bot, where)
                bot = await chaos.spawn()
            await writer.pause()
            await chaos.delivered()
            assert await ledger.mismatches(chaos.database_url, chaos.fan_ids) == [], where
            writer.resume()
    finally:
        await writer.stop()
    await chaos.delivered()
    assert await bot.stop() == 0
    assert await ledger.mismatches(chaos.database_url, chaos.fan_ids) == []
    assert await integrity_problems(chaos.database_url) == []
    replies = await _answered_commands(chaos, ledger)
    assert all(count >= 1 for count in replies.values()), replies
    print(  # noqa: T201 - figures, as a benchmark prints them (pytest -s shows them)
        f"chaos kill -9: {kills} kills in {runs} runs, {writer.sent} fan actions,"
        f" {len(ledger.texts)} comments, {sum(map(len, ledger.previous.values()))} edits,"
        f" {len(ledger.votes)} voters, {len(ledger.entries)} entrants,"
        f" {len(replies)} commands ({sum(replies.values()) - len(replies)} answered twice"
        " after a kill between the answer and the batch's commit: at least once, by design)"
    )
    assert kills >= runs


async def _kill(bot: ForkedBot, where: str) -> int:
    code = await bot.kill()
    # The process may have died on its own before the signal: that would be a bug, not chaos.
    assert code == -9, f"{where}: the bot exited with {code} before the kill; {bot.log_path}"
    return 1


async def _poll_and_giveaway(chaos: Chaos) -> tuple[Ledger, int]:
    group_id, owner = chaos.group["id"], chaos.owner["id"]
    client = chaos.client
    await client.send_command(group_id, owner, "poll", "Chaos? | A | B | C --anonymous no")
    await chaos.delivered()
    await tap_send(client, group_id, chaos.emulator.world.bot_id, owner)
    await client.send_command(group_id, owner, "giveaway", "1 2h Chaos prize")
    await chaos.delivered()
    await tap_send(client, group_id, chaos.emulator.world.bot_id, owner)
    await chaos.delivered()
    sent = chaos.bot_messages(await client.messages(group_id))
    poll = next(message["poll"] for message in sent if "poll" in message)
    announcement = next(
        message
        for message in sent
        for row in message.get("reply_markup", {}).get("inline_keyboard", [])
        if str(row[0].get("callback_data", "")).startswith("ge1:")
    )
    data = announcement["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
    ledger = Ledger(group_id, str(poll["id"]), int(data.split(":")[1]))
    ledger.texts.update(
        {
            int(message["message_id"]): str(message["text"])
            for message in await client.messages(group_id)
            if message.get("from", {}).get("id") in chaos.fan_ids
        }
    )
    return ledger, int(announcement["message_id"])


async def _answered_commands(chaos: Chaos, ledger: Ledger) -> dict[tuple[int, int], int]:
    """How many answers each command got: in the group a reply quotes the command; in private
    chat /help answers without quoting, so each answer is matched to the command before it."""
    counts: dict[tuple[int, int], int] = {}
    for chat_id in {chat_id for chat_id, _ in ledger.commands}:
        messages = await chaos.client.messages(chat_id)
        answers = chaos.bot_messages(messages)
        commands = sorted(mid for cid, mid in ledger.commands if cid == chat_id)
        for index, command in enumerate(commands):
            later = commands[index + 1] if index + 1 < len(commands) else None
            counts[(chat_id, command)] = sum(
                1
                for answer in answers
                if answer.get("reply_to_message", {}).get("message_id") == command
                or (
                    chat_id > 0
                    and answer["message_id"] > command
                    and (later is None or answer["message_id"] < later)
                )
            )
    return counts

"""The real bot process stores every message exactly once, in polling and in webhook mode."""

from __future__ import annotations

import asyncio
import sys
import time

import aiohttp
import pytest
from sqlalchemy import func, select

from bot.db.models import Comment
from bot.demo.process import wait_until_delivered
from tests.support.e2e import World, free_port

pytestmark = pytest.mark.e2e

SECRET = "e2e-webhook-secret-0123456789"


async def chatter(world: World, count: int, prefix: str = "msg") -> None:
    for n in range(count):
        fan = world.fans[n % len(world.fans)]
        await world.client.send_text(world.group["id"], fan["id"], f"{prefix} {n} 你好")


async def test_polling_stores_every_message_once_and_survives_a_restart(world: World) -> None:
    await chatter(world, 30)
    bot = world.bot()
    await bot.start()
    await bot.wait_ready(world.client, "getUpdates")
    await wait_until_delivered(world.client)
    assert await bot.stop() == 0
    assert await world.stored_comments() == 30

    await chatter(world, 10, prefix="after restart")
    bot = world.bot()
    await bot.start()
    await wait_until_delivered(world.client)
    assert await bot.stop() == 0
    assert await world.stored_comments() == 40


async def test_kill_9_mid_batch_then_restart_stores_every_message_exactly_once(
    world: World,
) -> None:
    total = 2_000
    await chatter(world, total)
    for attempt in range(3):
        bot = world.bot(polling_limit="50")
        await bot.start()
        deadline = time.monotonic() + 60
        # Kill at a different depth each time: after the first, a few, many stored batches.
        threshold = (attempt + 1) * 150
        while await world.stored_comments() < threshold and time.monotonic() < deadline:
            await asyncio.sleep(0.01)
        await bot.kill()
    bot = world.bot()
    await bot.start()
    await wait_until_delivered(world.client, timeout=120)
    assert await bot.stop() == 0
    engine = world.engine()
    try:
        async with engine.connect() as connection:
            stored, distinct = (
                await connection.execute(
                    select(
                        func.count(),
                        func.count(func.distinct(Comment.text)),
                    ).where(Comment.chat_id == world.group["id"])
                )
            ).one()
    finally:
        await engine.dispose()
    assert (stored, distinct) == (total, total)


async def test_webhook_mode_answers_after_storing_and_refuses_a_missing_secret(
    world: World,
) -> None:
    port = free_port()
    bot = world.bot(
        mode="webhook",
        webhook_url=f"http://127.0.0.1:{port}",
        webhook_host="127.0.0.1",
        webhook_port=str(port),
        webhook_secret=SECRET,
    )
    await bot.start()
    await bot.wait_ready(world.client, "setWebhook")
    await chatter(world, 25)
    await wait_until_delivered(world.client)
    assert await world.stored_comments() == 25
    info = (await world.client.state())["webhook"]
    assert info["url"] == f"http://127.0.0.1:{port}/telegram/webhook"
    assert "message" in info["allowed_updates"]
    async with aiohttp.ClientSession() as session:
        forged = {"update_id": 1, "message": {"message_id": 1, "date": 0, "chat": world.group}}
        async with session.post(f"http://127.0.0.1:{port}/telegram/webhook", json=forged) as answer:
            assert answer.status == 401
    assert await bot.stop() == 0
    assert await world.stored_comments() == 25


async def run_cli(*args: str, env: dict[str, str]) -> tuple[int, str]:
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        *args,
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    output, _ = await asyncio.wait_for(process.communicate(), 60)
    return int(process.returncode or 0), output.decode()


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        ("not-a-token", "BOT_TOKEN: is not a Telegram bot token"),
        ("123456:" + "x" * 35, "Telegram rejected BOT_TOKEN (401 Unauthorized)"),
    ],
)
async def test_a_bad_token_stops_the_bot_with_one_clear_line(
    world: World, token: str, expected: str
) -> None:
    env = world.bot().env | {"BOT_TOKEN": token}
    code, output = await run_cli("run", env=env)
    assert code == 2
    assert expected in output.strip().splitlines()[-1]
    assert "Traceback" not in output
    assert token not in output

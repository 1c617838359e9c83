"""Two real bot processes in webhook mode on PostgreSQL and Redis behind one round-robin address;
the scheduler leader is killed with SIGKILL mid-run. Every comment is stored once, the poll is
closed once (one stopPoll), the giveaway drawn once, every digest sent once.

Timeline (lease 3 s, heartbeat 0.5 s: the survivor takes over within about 4 s):
fans chat throughout; the owner sets the digest time to the current minute and an analyst
subscribes (the leader sends that digest at once); the owner opens a poll and a giveaway that
both end EXPIRY after creation; fans vote and enter; the leader (read from scheduler_leases) is
killed; a second analyst subscribes while no instance holds the lease; the survivor takes over,
sends the second digest, closes the poll and draws the giveaway.
"""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar

import pytest
from redis.asyncio import Redis
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.db.engine import create_engine
from bot.db.migrate import upgrade
from bot.db.models import Comment, GiveawayRecord, JobRun, PollRecord, SchedulerLease
from bot.demo.previews import tap_send
from bot.demo.process import BotProcess, wait_until_delivered
from bot.emulator.client import EmulatorClient, Json
from bot.emulator.server import Emulator
from bot.services.clock import LEASE_NAME
from tests.support.balancer import RoundRobinBalancer
from tests.support.e2e import free_port

pytestmark = [pytest.mark.e2e, pytest.mark.postgres_only]

SECRET = "scale-out-webhook-secret-0123456789"
# Long enough for the fans to vote and enter before the close and the draw, even on a busy CI
# machine (at 10 s the poll sometimes closed before the first vote).
EXPIRY = "30s"
WAIT = 60.0
CHATTER = " 你好 <3"
INSTANCE_SETTINGS = {
    "mode": "webhook",
    "webhook_host": "127.0.0.1",
    "webhook_secret": SECRET,
    "scheduler_lease_seconds": "3",
    "scheduler_heartbeat_seconds": "0.5",
}


@dataclass
class Cluster:
    emulator: Emulator
    client: EmulatorClient
    balancer: RoundRobinBalancer
    engine: AsyncEngine
    redis: Redis
    instances: list[BotProcess]
    group: Json
    owner: Json
    analysts: list[Json]
    fans: list[Json]
    comments: int = 0

    @property
    def bot_id(self) -> int:
        return self.emulator.world.bot_id

    async def chatter(self, count: int, prefix: str) -> None:
        for n in range(count):
            fan = self.fans[n % len(self.fans)]
            await self.client.send_text(self.group["id"], fan["id"], f"{prefix} {n}{CHATTER}")
        self.comments += count

    async def command(self, user: Json, command: str, args: str = "") -> None:
        await self.client.send_command(self.group["id"], user["id"], command, args)
        await wait_until_delivered(self.client, WAIT)

    async def command_sent(self, user: Json, command: str, args: str) -> None:
        """A command that answers with a preview, and the same person's Send."""
        await self.command(user, command, args)
        await tap_send(self.client, self.group["id"], self.bot_id, user["id"])
        await wait_until_delivered(self.client, WAIT)

    async def from_bot(self, chat_id: int) -> list[Json]:
        return [
            m
            for m in await self.client.messages(chat_id)
            if m.get("from", {}).get("id") == self.bot_id
        ]

    async def holder(self) -> BotProcess | None:
        """The instance holding an unexpired scheduler lease, by the pid in the holder's name."""
        async with self.engine.connect() as connection:
            row = (
                await connection.execute(
                    select(SchedulerLease.holder, SchedulerLease.expires_at).where(
                        SchedulerLease.name == LEASE_NAME
                    )
                )
            ).one_or_none()
        if row is None or row.expires_at <= datetime.now(UTC):
            return None
        pid = int(str(row.holder).split(":")[1])
        return next((bot for bot in self.instances if bot.pid == pid), None)


T = TypeVar("T")


async def eventually(probe: Callable[[], Awaitable[T | None]], what: str) -> T:
    deadline = time.monotonic() + WAIT
    while not (result := await probe()):
        if time.monotonic() > deadline:
            raise TimeoutError(f"not within {WAIT:.0f}s: {what}")
        await asyncio.sleep(0.2)
    return result


@pytest.fixture
async def cluster(
    database_url: str, redis: Redis, redis_url: str, tmp_path: Path
) -> AsyncIterator[Cluster]:
    engine = create_engine(database_url)
    # Migrated once before the instances start, as the compose file's one-shot `migrate` does.
    await upgrade(engine)
    emulator = Emulator()
    base_url = await emulator.start()
    ports = [free_port(), free_port()]
    balancer = RoundRobinBalancer([f"http://127.0.0.1:{port}" for port in ports])
    address = await balancer.start(free_port())
    instances = [
        BotProcess.against_emulator(
            base_url,
            emulator.token,
            database_url,
            tmp_path / f"bot-{n}.log",
            webhook_url=address,
            webhook_port=str(port),
            redis_url=redis_url,
            **INSTANCE_SETTINGS,
        )
        for n, port in enumerate(ports)
    ]
    try:
        async with EmulatorClient(base_url) as client:
            owner = await client.create_user("Owner", language_code="en", started=True)
            analysts = [
                await client.create_user(f"Analyst {n}", language_code="en", started=True)
                for n in range(2)
            ]
            fans = [await client.create_user(f"Fan {n}", language_code="en") for n in range(4)]
            group = await client.create_chat(
                "supergroup",
                title="Scale-out fans",
                owner_id=owner["id"],
                member_ids=[user["id"] for user in [*analysts, *fans]],
            )
            for analyst in analysts:
                await client.set_member(group["id"], analyst["id"], "administrator", emit=False)
            await asyncio.gather(*(bot.start() for bot in instances))
            await asyncio.gather(*(bot.wait_ready(client, "setWebhook", WAIT) for bot in instances))
            yield Cluster(
                emulator, client, balancer, engine, redis, instances, group, owner, analysts, fans
            )
    finally:
        await asyncio.gather(*(bot.stop() for bot in instances))
        await balancer.stop()
        await emulator.stop()
        await engine.dispose()
        # pytest shows a fixture's output only when the test failed: then the bots' last words.
        for n in range(len(instances)):
            log = tmp_path / f"bot-{n}.log"
            if log.exists():
                tail = log.read_text("utf-8", errors="replace").splitlines()[-40:]
                print(f"--- the end of bot-{n}.log", *tail, sep="\n")  # noqa: T201


async def test_two_instances_and_a_killed_leader_lose_nothing_and_do_nothing_twice(
    cluster: Cluster,
) -> None:
    client, group = cluster.client, cluster.group
    first, second = cluster.analysts
    await client.set_bot_membership(group["id"], "administrator", actor_id=cluster.owner["id"])
    await cluster.chatter(20, "before")
    await wait_until_delivered(client, WAIT)

    # Due now: the current minute has begun, and it is well inside the catch-up window.
    await cluster.command(cluster.owner, "digest_time", f"{datetime.now(UTC):%H:%M}")
    await cluster.command(first, "digest_subscribe")
    await eventually(lambda: digests_finished(cluster, first), "the first analyst's digest")

    # Killed right after the deadlines are set, long before they pass: a kill in the middle of
    # a run leaves it claimed and never run again (at most once), which is not what this tests.
    await cluster.command_sent(cluster.owner, "poll", f"Next video? | cats | food --close {EXPIRY}")
    await cluster.command_sent(cluster.owner, "giveaway", f"1 {EXPIRY} Signed poster")
    leader = await eventually(cluster.holder, "an instance holds the scheduler lease")
    await leader.kill()
    survivor = next(bot for bot in cluster.instances if bot is not leader)

    poll, enter = await poll_and_enter_button(cluster)
    for n, fan in enumerate(cluster.fans):
        await client.vote(poll["poll"]["id"], fan["id"], [n % 2])
        await client.click(group["id"], enter["message_id"], fan["id"], enter["data"])
    await cluster.chatter(20, "after")
    await cluster.command(second, "digest_subscribe")

    async def taken_over() -> bool:
        return await cluster.holder() is survivor

    await eventually(taken_over, "the survivor took the lease over")

    await eventually(lambda: poll_closed(cluster), "the poll closed")
    await eventually(lambda: giveaway_drawn(cluster), "the giveaway drawn")
    await eventually(lambda: transcripts(cluster), "the draw's transcript published")
    await eventually(lambda: digests_finished(cluster, second), "the second analyst's digest")
    await wait_until_delivered(client, WAIT)

    await assert_comments_stored_once(cluster)
    assert len(await client.calls("stopPoll")) == 1
    assert len(await transcripts(cluster)) == 1
    for analyst in (first, second):
        texts = Counter(str(m.get("text", "")) for m in await cluster.from_bot(analyst["id"]))
        assert texts, f"no digest for {analyst['first_name']}"
        assert max(texts.values()) == 1, f"a digest sent twice to {analyst['first_name']}"
    sent = await digest_runs(cluster)
    assert {recipient for recipient, _ in sent} >= {f"u{first['id']}", f"u{second['id']}"}
    # The processes really shared Redis: the outbound budget and the administrators cache.
    shared = {key.decode() for key in await cluster.redis.keys(f"fanpulse:{cluster.bot_id}:*")}
    assert f"fanpulse:{cluster.bot_id}:limit:overall" in shared
    assert f"fanpulse:{cluster.bot_id}:admins:{group['id']}" in shared
    assert cluster.balancer.forwarded.keys() == {
        f"http://127.0.0.1:{bot.env['WEBHOOK_PORT']}" for bot in cluster.instances
    }


async def poll_and_enter_button(cluster: Cluster) -> tuple[Json, Json]:
    messages = await cluster.from_bot(cluster.group["id"])
    poll = next(m for m in reversed(messages) if "poll" in m)
    for message in reversed(messages):
        for row in message.get("reply_markup", {}).get("inline_keyboard", []):
            data = str(row[0].get("callback_data", ""))
            if data.startswith("ge1:"):
                return poll, {"message_id": message["message_id"], "data": data}
    raise AssertionError("the giveaway was not announced with an Enter button")


async def poll_closed(cluster: Cluster) -> bool:
    async with cluster.engine.connect() as connection:
        statuses = (await connection.execute(select(PollRecord.status))).scalars().all()
    return list(statuses) == ["closed"]


async def giveaway_drawn(cluster: Cluster) -> bool:
    async with cluster.engine.connect() as connection:
        rows = (
            await connection.execute(select(GiveawayRecord.status, GiveawayRecord.drawn_at))
        ).all()
    return len(rows) == 1 and rows[0].drawn_at is not None


async def transcripts(cluster: Cluster) -> list[Json]:
    return [
        m
        for m in await cluster.from_bot(cluster.group["id"])
        if "transcript" in str(m.get("document", {}).get("file_name", ""))
    ]


async def digests_finished(cluster: Cluster, analyst: Json) -> bool:
    """The analyst's digest runs were claimed and all finished (sent, not merely started)."""
    async with cluster.engine.connect() as connection:
        statuses = (
            (
                await connection.execute(
                    select(JobRun.status).where(JobRun.job.like(f"digest:%:u{analyst['id']}"))
                )
            )
            .scalars()
            .all()
        )
    return "done" in statuses and "claimed" not in statuses


async def digest_runs(cluster: Cluster) -> list[tuple[str, str]]:
    """(recipient key, period) of every digest run recorded done."""
    async with cluster.engine.connect() as connection:
        rows = (
            await connection.execute(
                select(JobRun.job, JobRun.period).where(
                    JobRun.job.like("digest:%"), JobRun.status == "done"
                )
            )
        ).all()
    return [(str(row.job).rsplit(":", 1)[1], str(row.period)) for row in rows]


async def assert_comments_stored_once(cluster: Cluster) -> None:
    async with cluster.engine.connect() as connection:
        stored, distinct = (
            await connection.execute(
                select(func.count(), func.count(func.distinct(Comment.text))).where(
                    Comment.chat_id == cluster.group["id"], Comment.text.like(f"%{CHATTER}")
                )
            )
        ).one()
    assert (stored, distinct) == (cluster.comments, cluster.comments)

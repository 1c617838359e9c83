"""The giveaways' group (the shared cast's victim group), pressing the Enter button, reading back
giveaways, entries and the audit log, and a giveaway seeded as the clock finds it when due."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.db import giveaways as store
from bot.db.chat_settings import register_group
from bot.db.models import AuditRecord, GiveawayEntry, GiveawayRecord
from bot.domain import fairness
from bot.domain.giveaway import Rules
from bot.domain.transcript import Transcript
from bot.services.clock import Clock
from bot.services.giveaway_draw import GiveawayDraws
from handlers.giveaways import build_draws
from tests.support import updates as u
from tests.support.cast import VICTIM
from tests.support.scene import Scene
from tests.support.telegram import ScriptedTelegram

CHANNEL_ID = -1002000000777
GROUP = VICTIM
PEOPLE = [u.user(7000 + n, f"Fan <{n}>", last_name="Ng") for n in range(12)]


async def giveaways(session_factory: async_sessionmaker[AsyncSession]) -> list[GiveawayRecord]:
    async with session_factory() as session:
        return list((await session.scalars(select(GiveawayRecord))).all())


async def entries(session_factory: async_sessionmaker[AsyncSession]) -> list[GiveawayEntry]:
    async with session_factory() as session:
        return list((await session.scalars(select(GiveawayEntry))).all())


async def audit_actions(session_factory: async_sessionmaker[AsyncSession]) -> list[str]:
    async with session_factory() as session:
        return list((await session.scalars(select(AuditRecord.action))).all())


async def seed_due_giveaway(
    session: AsyncSession,
    *,
    chat_id: int,
    title: str,
    creator: int,
    prize: str,
    winners: int,
    seed: bytes,
    ends_at: datetime,
    message_id: int,
    fans: Sequence[int],
) -> int:
    """An open giveaway whose end has come, in a registered group, with `fans` entered before it:
    what the clock finds when a draw is due. Returns the giveaway's id."""
    await register_group(
        session,
        chat_id=chat_id,
        chat_type="supergroup",
        title=title,
        username=None,
        added_by_user_id=None,
        now=ends_at - timedelta(hours=2),
    )
    record = GiveawayRecord(
        chat_id=chat_id,
        creator_user_id=creator,
        prize=prize,
        winner_count=winners,
        rules=Rules().to_json(),
        seed=seed.hex(),
        commitment=fairness.commitment(seed),
        status="open",
        created_at=ends_at - timedelta(hours=1),
        ends_at=ends_at,
        message_id=message_id,
        shown_count=0,
        rerolls_announced=0,
    )
    session.add(record)
    await session.flush()
    session.add_all(
        GiveawayEntry(
            giveaway_id=record.id,
            user_id=fan,
            first_name=f"Fan {fan}",
            entered_at=ends_at - timedelta(minutes=30),
        )
        for fan in fans
    )
    return record.id


def draws_of(scene: Scene) -> GiveawayDraws:
    dispatcher = scene.pipeline.dispatcher
    return build_draws(
        scene.pipeline.bot, scene.session_factory, dispatcher["translator"], dispatcher["settings"]
    )


async def end_and_tick(scene: Scene, draws: GiveawayDraws, giveaway_id: int) -> None:
    async with scene.session_factory() as session, session.begin():
        ends_at = datetime.now(UTC)
        await store.set_fields(
            session, giveaway_id, created_at=ends_at - timedelta(hours=1), ends_at=ends_at
        )
    clock = Clock(scene.session_factory, [draws])
    await clock.run_due(datetime.now(UTC) + timedelta(seconds=1))


def transcript_sent(scene: Scene) -> Transcript:
    assert isinstance(scene.telegram, ScriptedTelegram)
    chat_id, content, _ = scene.telegram.documents[-1]
    assert chat_id == GROUP["id"]
    return Transcript.from_json(content.decode())

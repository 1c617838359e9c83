"""Digests on the clock through the real dispatcher: subscribe, 09:00 / 09:30 / next day,
two instances, a blocked recipient, an operators' chat, daylight saving."""

from __future__ import annotations

from collections import Counter
from collections.abc import AsyncIterator, Sequence
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from aiogram.methods import SendMessage
from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.db import job_runs
from bot.db.chat_settings import register_group
from bot.db.engine import create_engine, create_session_factory
from bot.db.models import AuditRecord, ChatSettings, DigestSubscription
from bot.domain.charts import Bar, DayActivity, DigestLabels
from bot.i18n import Translator
from bot.services.clock import Clock
from bot.services.digest_delivery import DigestService
from bot.telegram.digest_courier import TelegramDigestCourier
from tests.support import updates as u
from tests.support.clock import FakeClock
from tests.support.scene import Scene

BERLIN = "Europe/Berlin"
GROUP = u.group(-1001000000888, "Berlin fans")
EARLY = u.group(-1001000000889, "Early fans")
OPS = u.group(-1001000000999, "Ops room")
OWNER = u.user(7001, "Olga", language_code="en")
ANALYST = u.user(7002, "Ari", language_code="zh-hans")
FAKE_PNG = b"\x89PNG\r\n\x1a\nfake"


def fake_chart(
    activity: Sequence[DayActivity], feedback: Sequence[Bar], labels: DigestLabels
) -> bytes:
    return FAKE_PNG + labels.title.encode()


def berlin(*parts: int) -> datetime:
    year, month, day, hour, minute = (*parts, 0, 0)[:5]
    return datetime(year, month, day, hour, minute, tzinfo=ZoneInfo(BERLIN)).astimezone(UTC)


def digest_clock(
    scene: Scene, now: FakeClock, factory: async_sessionmaker[AsyncSession] | None = None
) -> Clock:
    """A clock with only the digest's job source, on fake time and a fake chart."""
    factory = factory or scene.session_factory
    dispatcher = scene.pipeline.dispatcher
    service = DigestService(
        factory,
        Translator.load(),
        TelegramDigestCourier(scene.pipeline.bot, dispatcher["authority"]),
        default_timezone="UTC",
        default_language="en",
        chart=fake_chart,
    )
    return Clock(factory, [service], now=now, catch_up=timedelta(hours=1))


@pytest.fixture
async def scene(session_factory: async_sessionmaker[AsyncSession]) -> Scene:
    scene = Scene.create(session_factory)
    telegram = scene.telegram
    for chat in (GROUP, EARLY):
        telegram.set_status(chat["id"], OWNER["id"], "creator")
        telegram.set_status(chat["id"], ANALYST["id"], "administrator")
    telegram.set_status(OPS["id"], OWNER["id"], "creator")
    telegram.started.add(OWNER["id"])
    async with session_factory() as session, session.begin():
        for chat in (GROUP, EARLY):
            await register_group(
                session,
                chat_id=chat["id"],
                chat_type="supergroup",
                title=chat["title"],
                username=None,
                added_by_user_id=None,
                now=datetime.now(UTC),
            )
            await session.execute(
                update(ChatSettings)
                .where(ChatSettings.chat_id == chat["id"])
                .values(timezone=BERLIN)
            )
    await scene.send(GROUP, OWNER, "/digest_subscribe")
    return scene


async def daily_statuses(factory: async_sessionmaker[AsyncSession]) -> dict[str, str]:
    async with factory() as session:
        runs = await job_runs.runs_of(session, "digest:daily:")
    return {
        f"{run.job.rsplit(':', 2)[-2]}:{run.job.rsplit(':', 1)[-1]}@{run.period}": run.status.value
        for run in runs
    }


async def test_subscribing_answers_with_the_time_and_timezone(scene: Scene) -> None:
    (answer,) = [
        str(call.text)
        for call in scene.telegram.methods(SendMessage)
        if call.chat_id == GROUP["id"]
    ]
    assert "every day at 09:00 (Europe/Berlin)" in answer


async def test_down_at_nine_back_at_half_past_then_back_the_next_day(scene: Scene) -> None:
    now = FakeClock(berlin(2026, 6, 10, 9, 0))
    clock = digest_clock(scene, now)
    await clock.tick()
    assert scene.photos(OWNER["id"]) == ["Berlin fans: daily digest"]

    now.value = berlin(2026, 6, 11, 9, 30)  # down at 09:00, back at 09:30
    await clock.tick()
    now.value = berlin(2026, 6, 11, 9, 45)
    await clock.tick()
    assert len(scene.photos(OWNER["id"])) == 2

    now.value = berlin(2026, 6, 13, 8, 0)  # down all of the 12th's 09:00 and the hour after
    reports = await clock.tick()
    assert [(r.period, r.status.value) for r in reports if "daily" in r.job] == [
        ("2026-06-12", "missed")
    ]
    assert len(scene.photos(OWNER["id"])) == 2
    now.value = berlin(2026, 6, 13, 9, 0)
    await clock.tick()
    now.value = berlin(2026, 6, 13, 9, 10)
    await clock.tick()
    assert await daily_statuses(scene.session_factory) == {
        f"{GROUP['id']}:u{OWNER['id']}@2026-06-10": "done",
        f"{GROUP['id']}:u{OWNER['id']}@2026-06-11": "done",
        f"{GROUP['id']}:u{OWNER['id']}@2026-06-12": "missed",
        f"{GROUP['id']}:u{OWNER['id']}@2026-06-13": "done",
    }
    assert len(scene.photos(OWNER["id"])) == 3
    texts = [
        str(call.text)
        for call in scene.telegram.methods(SendMessage)
        if call.chat_id == OWNER["id"]
    ]
    assert "2026-06-12 (Europe/Berlin)" in texts[-1]  # the 13th's digest reports the 12th


@pytest.fixture
async def second_factory(
    database_url: str, engine: object
) -> AsyncIterator[async_sessionmaker[AsyncSession]]:
    other = create_engine(database_url)
    yield create_session_factory(other)
    await other.dispose()


async def test_two_instances_send_once(
    scene: Scene, second_factory: async_sessionmaker[AsyncSession]
) -> None:
    at = berlin(2026, 6, 10, 9, 0)
    one, two = (
        digest_clock(scene, FakeClock(at)),
        digest_clock(scene, FakeClock(at), second_factory),
    )
    await one.tick()
    await two.tick()
    await two.run_due(at + timedelta(seconds=1))  # even past the lease, the claim decides
    assert scene.photos(OWNER["id"]) == ["Berlin fans: daily digest"]


async def test_a_blocked_recipient_is_marked_skipped_and_the_run_says_why(
    scene: Scene,
) -> None:
    await scene.send(GROUP, ANALYST, "/digest_subscribe")  # never started the bot
    now = FakeClock(berlin(2026, 6, 10, 9, 0))
    clock = digest_clock(scene, now)
    reports = {r.job: r for r in await clock.tick() if "daily" in r.job}
    failed = reports[f"digest:daily:{GROUP['id']}:u{ANALYST['id']}"]
    assert failed.status.value == "failed"
    assert failed.detail is not None and "blocked the bot" in failed.detail
    assert reports[f"digest:daily:{GROUP['id']}:u{OWNER['id']}"].status.value == "done"
    async with scene.session_factory() as session:
        blocked = await session.scalar(
            select(DigestSubscription.blocked_at).where(DigestSubscription.user_id == ANALYST["id"])
        )
    assert blocked is not None
    now.value = berlin(2026, 6, 11, 9, 0)
    reports = {r.job: r for r in await clock.tick()}
    assert f"digest:daily:{GROUP['id']}:u{ANALYST['id']}" not in reports
    assert len(scene.photos(OWNER["id"])) == 2


async def test_operators_chat_and_local_time_are_operator_settings(scene: Scene) -> None:
    await scene.send(GROUP, OWNER, f"/digest_chat {OPS['id']}")
    await scene.send(GROUP, ANALYST, "/digest_time 08:30")  # an administrator may
    await scene.send(GROUP, OWNER, "/digest_time 7:15")
    answers = [
        str(call.text)
        for call in scene.telegram.methods(SendMessage)
        if call.chat_id == GROUP["id"]
    ]
    assert any(f"also goes to the chat {OPS['id']}" in text for text in answers)
    assert any("now goes out at 07:15 (Europe/Berlin)" in text for text in answers)
    now = FakeClock(berlin(2026, 6, 10, 7, 15))
    await digest_clock(scene, now).tick()
    assert scene.photos(OPS["id"]) == ["Berlin fans: daily digest"]
    assert scene.photos(OWNER["id"]) == ["Berlin fans: daily digest"]
    async with scene.session_factory() as session:
        audited = (
            await session.execute(
                select(AuditRecord.action, AuditRecord.detail).order_by(AuditRecord.id)
            )
        ).all()
    assert [tuple(row) for row in audited] == [
        ("digest-chat-set", str(OPS["id"])),
        ("digest-time-set", "08:30"),
        ("digest-time-set", "07:15"),
    ]


async def test_digest_chat_refuses_a_chat_the_caller_does_not_administer(scene: Scene) -> None:
    await scene.send(GROUP, ANALYST, f"/digest_chat {OPS['id']}")
    answers = [
        str(call.text)
        for call in scene.telegram.methods(SendMessage)
        if call.chat_id == GROUP["id"]
    ]
    assert "must be an administrator of that chat" in answers[-1]


async def test_a_monday_brings_the_weekly_digest_too(scene: Scene) -> None:
    now = FakeClock(berlin(2026, 6, 14, 9, 0))  # Sunday: daily only
    clock = digest_clock(scene, now)
    await clock.tick()
    now.value = berlin(2026, 6, 15, 9, 0)
    await clock.tick()
    assert scene.photos(OWNER["id"]) == [
        "Berlin fans: daily digest",
        "Berlin fans: daily digest",
        "Berlin fans: weekly digest",
    ]
    texts = [
        str(call.text)
        for call in scene.telegram.methods(SendMessage)
        if call.chat_id == OWNER["id"]
    ]
    assert "2026-06-08 – 2026-06-14 (Europe/Berlin)" in texts[-1]


@pytest.mark.parametrize(
    ("first", "days"), [((2026, 3, 27), 4), ((2026, 10, 23), 4)], ids=["spring", "autumn"]
)
async def test_dst_0230_and_0900_berlin_fire_once_per_local_day(
    scene: Scene, first: tuple[int, int, int], days: int
) -> None:
    await scene.send(EARLY, OWNER, "/digest_subscribe")
    await scene.send(EARLY, OWNER, "/digest_time 02:30")
    now = FakeClock(berlin(*first, 0, 0))
    clock = digest_clock(scene, now)
    end = now.value + timedelta(days=days)
    instants = {now.value}
    while now.value < end:
        instants.discard(now.value)
        await clock.tick()
        instants |= {at for wake in clock.wakeups for at in (wake, wake + timedelta(minutes=20))}
        instants.add(now.value + timedelta(minutes=30))
        now.value = min(instants)
    async with scene.session_factory() as session:
        runs = await job_runs.runs_of(session, "digest:daily:")
    done = Counter(
        (run.job.split(":")[2], run.period) for run in runs if run.status.value == "done"
    )
    assert set(done.values()) == {1}
    for chat in (GROUP, EARLY):
        periods = sorted(period for chat_id, period in done if chat_id == str(chat["id"]))
        assert periods == [
            (datetime(*first) + timedelta(days=n)).date().isoformat()  # noqa: DTZ001
            for n in range(days)
        ]
    sent = Counter(scene.photos(OWNER["id"]))
    assert sent["Early fans: daily digest"] == days
    assert sent["Berlin fans: daily digest"] == days

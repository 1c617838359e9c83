"""/timezone: a Beijing group on Beijing time, a New York group across DST, and every refusal."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from aiogram.methods import SendMessage
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.db.models import AuditRecord, ChatSettings, PollRecord
from bot.domain.charts import Bar, DayActivity, DigestLabels
from bot.domain.timezones import TimezoneError, parse_timezone
from bot.i18n import Translator
from bot.services.clock import Clock
from bot.services.digest_delivery import DigestService
from bot.telegram.digest_courier import TelegramDigestCourier
from tests.support import updates as u
from tests.support.cast import register
from tests.support.clock import FakeClock
from tests.support.drafts import send_confirmed
from tests.support.scene import Scene

GROUP = u.group(-1001000000777, "北京粉丝群")
OWNER = u.user(7701, "Mei", language_code="zh-hans")
ADMIN = u.user(7702, "Ada", language_code="en")


async def say(group: Scene, sender: dict[str, object], text: str) -> str:
    """A command in the group, and the bot's last answer there."""
    await group.send(GROUP, sender, text)
    return group.last()


def digest_clock(group: Scene, now: datetime) -> Clock:
    """A clock with only the digest's job source, at `now` and with a fake chart."""

    def chart(a: Sequence[DayActivity], f: Sequence[Bar], labels: DigestLabels) -> bytes:
        return b"\x89PNG fake"

    digests = DigestService(
        group.session_factory,
        Translator.load(),
        TelegramDigestCourier(group.pipeline.bot, group.pipeline.dispatcher["authority"]),
        default_timezone="UTC",
        default_language="en",
        chart=chart,
    )
    return Clock(group.session_factory, [digests], now=FakeClock(now), catch_up=timedelta(hours=1))


async def timezone_of(group: Scene) -> str | None:
    async with group.session_factory() as session:
        return await session.scalar(
            select(ChatSettings.timezone).where(ChatSettings.chat_id == GROUP["id"])
        )


async def audit_of(group: Scene) -> list[tuple[str, str | None]]:
    async with group.session_factory() as session:
        rows = await session.scalars(select(AuditRecord).order_by(AuditRecord.id))
        return [(row.action, row.detail) for row in rows]


@pytest.fixture
async def group(session_factory: async_sessionmaker[AsyncSession]) -> Scene:
    scene = Scene.create(session_factory, home=GROUP)  # the bot's default zone: UTC
    telegram = scene.telegram
    telegram.set_status(GROUP["id"], OWNER["id"], "creator")
    telegram.set_status(GROUP["id"], ADMIN["id"], "administrator")
    telegram.set_status(GROUP["id"], scene.pipeline.bot.id, "administrator")
    telegram.started.update({OWNER["id"], ADMIN["id"]})
    async with session_factory() as session, session.begin():
        await register(session, GROUP, added_by=OWNER["id"])
    return scene


async def test_a_beijing_group_runs_on_beijing_time(group: Scene) -> None:
    answer = await say(group, ADMIN, "/timezone 北京")
    assert "now runs on <b>Asia/Shanghai</b>" in answer
    assert await timezone_of(group) == "Asia/Shanghai"
    assert await audit_of(group) == [("group-timezone-set", "UTC → Asia/Shanghai")]
    assert "Time zone: Asia/Shanghai" in await say(group, ADMIN, "/status")

    # A poll closing "明天 20:00" closes at 20:00 Beijing time, not 20:00 UTC.
    await send_confirmed(group, GROUP, ADMIN, "/poll 下期拍什么？ | 舞蹈 | 问答 --close 明天 20:00")
    async with group.session_factory() as session:
        [poll] = (await session.scalars(select(PollRecord))).all()
    assert poll.close_at is not None
    beijing = poll.close_at.replace(tzinfo=UTC).astimezone(ZoneInfo("Asia/Shanghai"))
    tomorrow = datetime.now(ZoneInfo("Asia/Shanghai")).date() + timedelta(days=1)
    assert (beijing.date(), beijing.hour, beijing.minute) == (tomorrow, 20, 0)

    # The 09:00 digest arrives at 09:00 Beijing time (01:00 UTC), not at 09:00 UTC.
    await say(group, ADMIN, "/digest_subscribe")
    before = len(group.telegram.methods(SendMessage))
    await digest_clock(group, datetime(2026, 12, 3, 0, 59, tzinfo=UTC)).tick()
    assert len(group.telegram.methods(SendMessage)) == before
    await digest_clock(group, datetime(2026, 12, 3, 1, 0, tzinfo=UTC)).tick()
    digests = [c for c in group.telegram.methods(SendMessage)[before:] if c.chat_id == ADMIN["id"]]
    assert digests and "北京粉丝群" in str(digests[0].text)


async def test_the_answer_says_what_keeps_its_moment_and_when_the_digest_moves(
    group: Scene,
) -> None:
    await send_confirmed(group, GROUP, ADMIN, "/poll Q? | a | b --close 2026-12-31 20:00")
    answer = await say(group, ADMIN, "/timezone Asia/Tokyo")
    # The digest moves from 09:00 UTC to 09:00 Tokyo; the poll keeps its moment, shown in Tokyo.
    assert "(Asia/Tokyo)" in answer
    assert "Keeps its moment: poll #1 closes 2027-01-01 05:00 (Asia/Tokyo)." in answer


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("/timezone Mars/Base", "I don't know the time zone “Mars/Base”"),
        ("/timezone asia/shangai", "Did you mean Asia/Shanghai?"),
        ("/timezone UTC+5:30", "A half-hour offset has no time zone"),
        ("/timezone UTC+99", "I don't know the time zone"),
    ],
)
async def test_a_zone_it_cannot_read_changes_nothing(
    group: Scene, typed: str, expected: str
) -> None:
    assert expected in await say(group, ADMIN, typed)
    assert await timezone_of(group) is None
    assert await audit_of(group) == []


async def test_without_a_zone_it_shows_the_current_one(group: Scene) -> None:
    assert "runs on <b>UTC</b>" in await say(group, ADMIN, "/timezone")


async def test_a_fan_cannot_change_the_zone(group: Scene) -> None:
    fan = u.user(7799, "Fan", language_code="en")
    group.telegram.set_status(GROUP["id"], fan["id"], "member")
    await say(group, fan, "/timezone 东京")
    assert await timezone_of(group) is None


@pytest.mark.parametrize(
    ("monday", "local_nine"),
    [
        # New York: EDT (UTC-4) before Sunday 1 November 2026, EST (UTC-5) after.
        (datetime(2026, 10, 26, tzinfo=UTC), datetime(2026, 10, 26, 13, 0, tzinfo=UTC)),
        (datetime(2026, 11, 2, tzinfo=UTC), datetime(2026, 11, 2, 14, 0, tzinfo=UTC)),
    ],
)
async def test_the_digest_keeps_its_local_hour_across_daylight_saving(
    group: Scene, monday: datetime, local_nine: datetime
) -> None:
    await say(group, ADMIN, "/timezone New York")
    await say(group, ADMIN, "/digest_subscribe")
    before = len(group.telegram.methods(SendMessage))
    await digest_clock(group, local_nine - timedelta(minutes=1)).tick()
    assert len(group.telegram.methods(SendMessage)) == before
    await digest_clock(group, local_nine).tick()
    assert [c.chat_id for c in group.telegram.methods(SendMessage)[before:]][:1] == [ADMIN["id"]]


@pytest.mark.parametrize(
    ("typed", "zone"),
    [
        ("Asia/Shanghai", "Asia/Shanghai"),
        ("asia/shanghai", "Asia/Shanghai"),
        ("北京", "Asia/Shanghai"),
        ("上海", "Asia/Shanghai"),
        ("台北", "Asia/Taipei"),
        ("臺北", "Asia/Taipei"),
        ("香港", "Asia/Hong_Kong"),
        ("Tokyo", "Asia/Tokyo"),
        ("东京", "Asia/Tokyo"),
        ("new york", "America/New_York"),
        ("Los_Angeles", "America/Los_Angeles"),
        ("berlin", "Europe/Berlin"),
        ("UTC+8", "Etc/GMT-8"),
        ("GMT-5", "Etc/GMT+5"),
        ("ＵＴＣ＋８", "Etc/GMT-8"),
        ("+09:00", "Etc/GMT-9"),
        ("UTC", "UTC"),
        ("utc+0", "UTC"),
    ],
)
def test_zones_as_people_name_them(typed: str, zone: str) -> None:
    assert parse_timezone(typed) == zone


@pytest.mark.parametrize("typed", ["", "Narnia", "UTC+15", "北京北京"])
def test_what_is_not_a_zone(typed: str) -> None:
    with pytest.raises(TimezoneError):
        parse_timezone(typed)

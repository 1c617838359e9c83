"""The digest commands' use cases on their own: which period /digest reads, and a refused
operators' chat changing nothing."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, time
from typing import cast

import pytest
from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.db.chat_settings import register_group
from bot.db.digest import DigestTarget
from bot.db.models import AuditRecord, ChatSettings, DigestSettings
from bot.domain.roles import Actor
from bot.i18n import Texts, Translator
from bot.services.clock import Clock
from bot.services.digest import DigestKind
from bot.services.digest_delivery import (
    Composed,
    DigestAsk,
    DigestProblem,
    DigestService,
    DigestSubscriptions,
    NotADigestDay,
    Opener,
)
from bot.services.digest_render import Visibility

GROUP = -1001000000888
# A Thursday evening in UTC, already Friday in Tokyo.
NOW = datetime(2026, 11, 26, 20, 0, tzinfo=UTC)
FRIDAY = date(2026, 11, 27)


class Courier:
    def __init__(self, *, administers: bool) -> None:
        self._administers = administers

    async def visibility(self, chat_id: int) -> Visibility:
        return Visibility(is_admin=True, reads_everything=True)

    async def may_receive(self, chat_id: int, user_id: int) -> bool:
        return True

    async def administers(self, chat_id: int, user_id: int) -> bool:
        return self._administers

    async def administrators(self, chat_id: int) -> frozenset[int]:
        return frozenset()

    async def send(
        self,
        recipient: int,
        parts: Sequence[str],
        chart: bytes | None,
        caption: str,
        *,
        opener: Opener | None = None,
    ) -> None:
        raise AssertionError("nothing is sent")


class CountingClock:
    def __init__(self) -> None:
        self.rebuilds = 0

    async def rebuild(self, chat_id: int | None = None) -> None:
        self.rebuilds += 1


class Asked(DigestService):
    """Records the period `compose` was asked for instead of composing it."""

    asked: list[tuple[DigestKind, date]]

    async def compose(
        self, target: DigestTarget, texts: Texts, kind: DigestKind, day: date, now: datetime
    ) -> Composed:
        self.asked.append((kind, day))
        return cast(Composed, None)


@pytest.fixture
async def group(session_factory: async_sessionmaker[AsyncSession]) -> None:
    async with session_factory() as session, session.begin():
        await register_group(
            session,
            chat_id=GROUP,
            chat_type="supergroup",
            title="Tokyo fans",
            username=None,
            added_by_user_id=None,
            now=NOW,
        )
        await session.execute(
            update(ChatSettings).where(ChatSettings.chat_id == GROUP).values(timezone="Asia/Tokyo")
        )


def service(session_factory: async_sessionmaker[AsyncSession]) -> Asked:
    asked = Asked(
        session_factory,
        Translator.load(),
        Courier(administers=True),
        default_timezone="UTC",
        default_language="en",
    )
    asked.asked = []
    return asked


@pytest.mark.usefixtures("group")
async def test_digest_reads_the_asked_period_in_the_groups_timezone(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    digests = service(session_factory)
    texts = Translator.load().bind("en")
    for ask in (
        DigestAsk(),
        DigestAsk(day=FRIDAY),
        DigestAsk(day=date(2026, 11, 26)),
        DigestAsk(week=True),
    ):
        await digests.preview(GROUP, texts, ask, NOW)
    assert digests.asked == [
        (DigestKind.PREVIEW, FRIDAY),
        (DigestKind.PREVIEW, FRIDAY),
        (DigestKind.DAILY, date(2026, 11, 26)),
        (DigestKind.WEEKLY, date(2026, 11, 16)),
    ]
    for refused in (None, DigestAsk(day=date(2026, 11, 28))):
        with pytest.raises(NotADigestDay):
            await digests.preview(GROUP, texts, refused, NOW)
    assert await digests.preview(-1009, texts, DigestAsk(), NOW) is None
    assert len(digests.asked) == 4


@pytest.mark.usefixtures("group")
async def test_digest_reads_days_and_weeks_as_typed_in_any_language(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    digests = service(session_factory)
    texts = Translator.load().bind("zh")
    asked = {
        "今天": (DigestKind.PREVIEW, FRIDAY),
        "today": (DigestKind.PREVIEW, FRIDAY),
        "昨天": (DigestKind.DAILY, date(2026, 11, 26)),
        "yesterday": (DigestKind.DAILY, date(2026, 11, 26)),
        "2026/11/25": (DigestKind.DAILY, date(2026, 11, 25)),
        "11/24": (DigestKind.DAILY, date(2026, 11, 24)),
        "１１月２３日": (DigestKind.DAILY, date(2026, 11, 23)),
        # December 1st has not come yet this year: the latest one is last year's.
        "12/01": (DigestKind.DAILY, date(2025, 12, 1)),
        "上周": (DigestKind.WEEKLY, date(2026, 11, 16)),
        "上週": (DigestKind.WEEKLY, date(2026, 11, 16)),
        "last week": (DigestKind.WEEKLY, date(2026, 11, 16)),
        "本周": (DigestKind.WEEKLY, date(2026, 11, 23)),
        "7days": (DigestKind.WEEKLY, date(2026, 11, 21)),
        "一周": (DigestKind.WEEKLY, date(2026, 11, 21)),
        "1d": (DigestKind.PREVIEW, FRIDAY),
    }
    for typed in asked:
        await digests.preview(GROUP, texts, DigestAsk(typed=typed), NOW)
    assert digests.asked == list(asked.values())

    refused = {
        "yesterdy": (DigestProblem.NOT_A_PERIOD, "yesterday"),
        "明年": (DigestProblem.NOT_A_PERIOD, None),
        "2026/11/28": (DigestProblem.FUTURE, None),
        "3d": (DigestProblem.LENGTH, None),
        "12h": (DigestProblem.LENGTH, None),
    }
    for typed, (problem, suggestion) in refused.items():
        with pytest.raises(NotADigestDay) as error:
            await digests.preview(GROUP, texts, DigestAsk(typed=typed), NOW)
        assert (error.value.problem, error.value.suggestion) == (problem, suggestion), typed
    assert len(digests.asked) == len(asked)


@pytest.mark.usefixtures("group")
async def test_an_operators_chat_the_actor_does_not_administer_changes_nothing(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    clock = CountingClock()
    subscriptions = DigestSubscriptions(
        session_factory,
        Courier(administers=False),
        cast(Clock, clock),
        default_timezone="UTC",
    )
    actor = Actor(user_id=7001)
    assert not await subscriptions.send_to_chat(GROUP, actor, -1001000000999, NOW)
    async with session_factory() as session:
        assert await session.scalar(select(func.count()).select_from(DigestSettings)) == 0
        assert await session.scalar(select(func.count()).select_from(AuditRecord)) == 0
    assert clock.rebuilds == 0

    when = await subscriptions.set_time(GROUP, actor, time(8, 30), NOW)
    assert (when.local_time, when.timezone) == ("08:30", "Asia/Tokyo")
    assert clock.rebuilds == 1

"""InboxService on its own, with a fake courier and a movable clock: a stored query is read only
by its group and only while it lives; every tag is counted; an undelivered export is not
audited."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.db.chat_settings import register_group
from bot.db.models import AuditRecord
from bot.domain.export import BOM
from bot.domain.inbox import QUERY_LIFETIME, InboxError, InboxErrorCode
from bot.domain.roles import Actor
from bot.domain.tag_set import TagSet
from bot.i18n import Html
from bot.services.inbox import ExportRequest, InboxService
from tests.support.clock import FakeClock

CHAT = -1001000000997
OTHER = -1001000000996
START = datetime(2026, 3, 1, 12, tzinfo=UTC)


class Courier:
    def __init__(self, *, started: bool) -> None:
        self.started = started
        self.sent: list[tuple[int, str, str]] = []

    async def send_document(self, user_id: int, path: Path, name: str, caption: Html) -> bool:
        assert path.read_bytes().startswith(BOM)  # the whole document, written before sending
        if not self.started:
            return False
        self.sent.append((user_id, name, str(caption)))
        return True


@pytest.fixture
async def now(session_factory: async_sessionmaker[AsyncSession]) -> FakeClock:
    async with session_factory() as session, session.begin():
        for chat_id in (CHAT, OTHER):
            await register_group(
                session,
                chat_id=chat_id,
                chat_type="supergroup",
                title="Fans",
                username=None,
                added_by_user_id=None,
                now=START,
            )
    return FakeClock(START)


async def audited(session_factory: async_sessionmaker[AsyncSession]) -> list[str]:
    async with session_factory() as session:
        return list((await session.scalars(select(AuditRecord.action))).all())


async def test_a_stored_query_is_read_by_its_group_only_and_only_while_it_lives(
    session_factory: async_sessionmaker[AsyncSession], now: FakeClock
) -> None:
    inbox = InboxService(session_factory, Courier(started=True), "UTC", now=now)
    first = await inbox.open(CHAT, Actor(7), "#bug")
    assert (first.total, first.page, first.pages, first.rows) == (0, 0, 1, [])
    assert first.filters.tag == "bug"
    assert (await inbox.page(CHAT, first.query_id, 5)).page == 0
    with pytest.raises(InboxError) as other:
        await inbox.page(OTHER, first.query_id, 0)
    assert other.value.code is InboxErrorCode.UNKNOWN_QUERY
    now.value = START + QUERY_LIFETIME + timedelta(seconds=1)
    with pytest.raises(InboxError) as expired:
        await inbox.page(CHAT, first.query_id, 0)
    assert expired.value.code is InboxErrorCode.EXPIRED


async def test_every_tag_of_the_set_is_counted(
    session_factory: async_sessionmaker[AsyncSession], now: FakeClock
) -> None:
    inbox = InboxService(session_factory, Courier(started=True), "UTC", now=now)
    counts = await inbox.counts(CHAT, "7d")
    assert counts.ranked == sorted((name, 0) for name in TagSet.default().names)
    assert not counts.newest_only


async def test_an_export_that_could_not_be_sent_is_not_audited(
    session_factory: async_sessionmaker[AsyncSession], now: FakeClock
) -> None:
    request = ExportRequest(
        chat_id=CHAT,
        title="Fans",
        actor=Actor(7),
        export_format="csv",
        arguments="",
        headers={},
        caption=lambda count: Html(f"{count} rows"),
    )
    unstarted = InboxService(session_factory, Courier(started=False), "UTC", now=now)
    assert not (await unstarted.export(request, 7)).delivered
    assert await audited(session_factory) == []

    courier = Courier(started=True)
    exported = await InboxService(session_factory, courier, "UTC", now=now).export(request, 7)
    assert (exported.rows, exported.delivered) == (0, True)
    assert courier.sent == [(7, f"feedback-{-CHAT}-20260301-1200.csv", "0 rows")]
    assert await audited(session_factory) == ["feedback-exported"]

"""HistoryImportService on its own, with a fake courier: what it answers before storing anything
(too big, a damaged file, another chat's export), and progress held to one report an interval."""

from __future__ import annotations

import itertools
import json
from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bench.history_import import make_export
from bot.db.chat_settings import register_group
from bot.db.models import AuditRecord, Comment
from bot.domain.history import ImportErrorCode
from bot.domain.roles import Actor
from bot.services.history_import import (
    HistoryImportService,
    Imported,
    OtherChat,
    Refused,
    Throttle,
    TooBig,
)
from tests.support import updates as u
from tests.support.clock import FakeClock
from tests.support.pipeline import Pipeline

CHAT = -1001000000995
NOW = datetime(2026, 3, 1, 12, tzinfo=UTC)


class Courier:
    def __init__(self, files: dict[str, bytes]) -> None:
        self.files = files

    async def download(self, file_id: str) -> bytes | None:
        return self.files.get(file_id)


def export(export_id: int, count: int = 3) -> bytes:
    made = make_export(count)
    made["id"] = export_id
    return json.dumps(made).encode()


@pytest.fixture
async def service(session_factory: async_sessionmaker[AsyncSession]) -> HistoryImportService:
    async with session_factory() as session, session.begin():
        await register_group(
            session,
            chat_id=CHAT,
            chat_type="supergroup",
            title="Fans",
            username=None,
            added_by_user_id=None,
            now=NOW,
        )
    files = {
        "damaged": b"{not json",
        "other": export(12345),
        "ours": export(-CHAT - 1_000_000_000_000),
    }
    return HistoryImportService(session_factory, Courier(files), "UTC", now=FakeClock(NOW))


async def stored(session_factory: async_sessionmaker[AsyncSession]) -> tuple[int, int]:
    async with session_factory() as session:
        comments = await session.scalar(select(func.count()).select_from(Comment))
        audits = await session.scalar(select(func.count()).select_from(AuditRecord))
    return int(comments or 0), int(audits or 0)


async def nothing(done: int, total: int) -> None:
    raise AssertionError("no progress before anything is stored")


async def test_nothing_is_stored_from_a_file_that_cannot_be_imported(
    session_factory: async_sessionmaker[AsyncSession], service: HistoryImportService
) -> None:
    assert await service.import_file(CHAT, Actor(7), "missing", nothing) == TooBig()
    damaged = await service.import_file(CHAT, Actor(7), "damaged", nothing)
    assert isinstance(damaged, Refused) and damaged.code in set(ImportErrorCode)
    assert isinstance(await service.import_file(CHAT, Actor(7), "other", nothing), OtherChat)
    assert await stored(session_factory) == (0, 0)


async def test_an_export_of_the_group_is_stored_and_audited(
    session_factory: async_sessionmaker[AsyncSession], service: HistoryImportService
) -> None:
    # The group has reached message 10 live: the export's three messages are all behind it.
    live = u.Updates()
    live._message_ids[CHAT] = itertools.count(10)
    await Pipeline.create(session_factory).deliver(live.message(u.group(CHAT), u.user(5), "hi"))
    result = await service.import_file(CHAT, Actor(7), "ours", nothing)
    assert isinstance(result, Imported) and result.outcome.messages == 3
    assert result.outcome.ahead == 0
    comments, audits = await stored(session_factory)
    assert comments == 4 and audits == 1


def test_the_throttle_lets_one_report_through_an_interval() -> None:
    moments = iter([0.0, 1.0, 3.0, 3.5, 6.1])
    throttle = Throttle(3.0, clock=lambda: next(moments))
    assert [throttle.ready() for _ in range(4)] == [False, True, False, True]

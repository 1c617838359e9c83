"""TagService on its own: a change and its audit entry land together, a refused one leaves
nothing behind."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.db.chat_settings import register_group
from bot.db.models import AuditRecord
from bot.domain.roles import Actor
from bot.domain.tag_set import TagSet, TagSetError, TagSetErrorCode, parse_terms
from bot.services.tags import TagChange, TagService
from tests.support.clock import FakeClock

CHAT = -1001000000999
NOW = datetime(2026, 3, 1, 12, tzinfo=UTC)


def created(name: str) -> TagChange:
    return TagChange(lambda s: s.create(name, parse_terms(name)), "tag-created", name, name)


@pytest.fixture
async def tags(session_factory: async_sessionmaker[AsyncSession]) -> TagService:
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
    return TagService(session_factory, now=FakeClock(NOW))


async def audit_actions(session_factory: async_sessionmaker[AsyncSession]) -> list[tuple[str, str]]:
    async with session_factory() as session:
        rows = await session.execute(select(AuditRecord.action, AuditRecord.detail))
        return [(action, detail or "") for action, detail in rows.all()]


async def test_a_change_is_stored_with_its_audit_entry(
    session_factory: async_sessionmaker[AsyncSession], tags: TagService
) -> None:
    assert await tags.tag_set(CHAT) == TagSet.default()
    await tags.change(CHAT, Actor(7), created("wish"))
    assert (await tags.tag_set(CHAT)).has("wish")
    assert await audit_actions(session_factory) == [("tag-created", "wish: wish")]


async def test_a_refused_change_stores_nothing(
    session_factory: async_sessionmaker[AsyncSession], tags: TagService
) -> None:
    with pytest.raises(TagSetError) as refused:
        await tags.change(CHAT, Actor(7), created("bug"))
    assert refused.value.code is TagSetErrorCode.NAME_TAKEN
    assert await tags.tag_set(CHAT) == TagSet.default()
    assert await audit_actions(session_factory) == []

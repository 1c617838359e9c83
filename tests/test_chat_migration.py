"""A group upgraded to a supergroup keeps what operators set up; its history stays where it was."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.db.models import (
    AuditRecord,
    Chat,
    ChatRole,
    ChatSettings,
    Comment,
    ConsoleSelection,
    DigestSettings,
    DigestSubscription,
    FeedbackTag,
    FeedbackTagSet,
    InboxQuery,
    RetentionSetting,
    Video,
)
from tests.support.pipeline import Pipeline
from tests.support.updates import Updates, basic_group, user

NOW = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)
OLD = basic_group(-4001)
NEW_ID = -1009000000001
ADMIN = user(11, "Mei")
FAN = user(12, "Lin")


def group_setup(chat_id: int) -> list[Any]:
    return [
        ChatSettings(chat_id=chat_id, language="zh", timezone="Asia/Shanghai", updated_at=NOW),
        ChatRole(chat_id=chat_id, user_id=FAN["id"], role="analyst", granted_at=NOW),
        DigestSettings(chat_id=chat_id, local_time="08:30", updated_at=NOW),
        DigestSubscription(chat_id=chat_id, user_id=ADMIN["id"], subscribed_at=NOW),
        FeedbackTagSet(chat_id=chat_id, fingerprint="f", updated_at=NOW),
        FeedbackTag(chat_id=chat_id, name="bug", keywords="[]", hashtags="[]", created_at=NOW),
        RetentionSetting(chat_id=chat_id, days=90, updated_at=NOW),
        Video(chat_id=chat_id, number=1, title="v", platform="bilibili", created_at=NOW),
        ConsoleSelection(user_id=ADMIN["id"], chat_id=chat_id, selected_at=NOW),
        InboxQuery(user_id=ADMIN["id"], chat_id=chat_id, filters="{}", created_at=NOW),
        AuditRecord(chat_id=chat_id, actor_user_id=ADMIN["id"], action="grant", created_at=NOW),
    ]


MOVED = (
    ChatSettings,
    ChatRole,
    DigestSettings,
    DigestSubscription,
    FeedbackTagSet,
    FeedbackTag,
    RetentionSetting,
    Video,
    ConsoleSelection,
    InboxQuery,
)


async def chat_ids(session: AsyncSession, model: Any) -> list[int]:
    return list((await session.scalars(select(model.chat_id))).all())


async def test_an_upgraded_group_keeps_its_setup_and_its_history_stays(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    pipeline = Pipeline.create(session_factory)
    updates = Updates()
    await pipeline.deliver(updates.message(OLD, FAN, "before the upgrade"))
    async with session_factory() as session, session.begin():
        session.add_all(group_setup(OLD["id"]))

    await pipeline.deliver(updates.raw_message(OLD, ADMIN, migrate_to_chat_id=NEW_ID))

    async with session_factory() as session:
        for model in MOVED:
            assert await chat_ids(session, model) == [NEW_ID], model.__tablename__
        assert await chat_ids(session, AuditRecord) == [OLD["id"]]
        assert set(await chat_ids(session, Comment)) == {OLD["id"]}
        old = await session.get(Chat, OLD["id"])
        assert old is not None
        assert (old.migrated_to_chat_id, old.is_active) == (NEW_ID, False)


async def test_what_the_supergroup_already_has_wins_and_the_rest_moves(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    pipeline = Pipeline.create(session_factory)
    updates = Updates()
    supergroup = {"id": NEW_ID, "type": "supergroup", "title": "Small fans"}
    await pipeline.deliver(updates.message(OLD, FAN, "hi"), updates.message(supergroup, FAN, "hi"))
    async with session_factory() as session, session.begin():
        session.add_all(group_setup(OLD["id"]))
        session.add(ChatSettings(chat_id=NEW_ID, language="en", updated_at=NOW))
        session.add(ChatRole(chat_id=NEW_ID, user_id=FAN["id"], role="operator", granted_at=NOW))

    await pipeline.deliver(updates.raw_message(OLD, ADMIN, migrate_to_chat_id=NEW_ID))

    async with session_factory() as session:
        settings = {
            row.chat_id: row.language for row in await session.scalars(select(ChatSettings))
        }
        roles = {row.chat_id: row.role for row in await session.scalars(select(ChatRole))}
        assert settings == {OLD["id"]: "zh", NEW_ID: "en"}
        assert roles == {OLD["id"]: "analyst", NEW_ID: "operator"}
        assert await chat_ids(session, DigestSettings) == [NEW_ID]
        assert await chat_ids(session, Video) == [NEW_ID]

"""FeedbackService on its own, with a fake courier: a question is posted, then remembered, so
only a reply to it becomes feedback; a duplicate link needs a stored original."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.db import feedback as store
from bot.db.bulk_insert import BulkUpsert
from bot.db.chat_settings import register_group
from bot.db.models import AuditRecord
from bot.domain.roles import Actor
from bot.domain.tag_set import TagSetError, TagSetErrorCode
from bot.i18n import Html
from bot.services.feedback import FeedbackService, NoGroup, PrivateFeedback
from tests.support.clock import FakeClock

CHAT = -1001000000998
NOW = datetime(2026, 3, 1, 12, tzinfo=UTC)
OPERATOR = Actor(7)


class Courier:
    def __init__(self) -> None:
        self.posted: list[tuple[int, str]] = []

    async def post_question(self, chat_id: int, text: Html) -> int:
        self.posted.append((chat_id, str(text)))
        return 500 + len(self.posted)


class Writes:
    def __init__(self) -> None:
        self.rows: list[tuple[BulkUpsert, tuple[Any, ...]]] = []

    def add(self, statement: BulkUpsert, row: tuple[Any, ...]) -> None:
        self.rows.append((statement, row))


@pytest.fixture
async def courier() -> Courier:
    return Courier()


@pytest.fixture
async def feedback(
    session_factory: async_sessionmaker[AsyncSession], courier: Courier
) -> FeedbackService:
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
    return FeedbackService(session_factory, courier, now=FakeClock(NOW))


async def actions(session_factory: async_sessionmaker[AsyncSession]) -> list[str]:
    async with session_factory() as session:
        return list((await session.scalars(select(AuditRecord.action))).all())


async def test_only_a_reply_to_an_asked_question_is_feedback_on_its_topic(
    session_factory: async_sessionmaker[AsyncSession], courier: Courier, feedback: FeedbackService
) -> None:
    topic = await feedback.ask(CHAT, OPERATOR, "BUG", "what breaks?", Html("<b>what breaks?</b>"))
    assert topic == "bug"
    assert courier.posted == [(CHAT, "<b>what breaks?</b>")]
    assert await actions(session_factory) == ["feedback-asked"]

    writes = Writes()
    assert not await feedback.answer(writes, CHAT, 40, 9005, question_id=999)
    assert writes.rows == []
    assert await feedback.answer(writes, CHAT, 41, 9005, question_id=501)
    assert writes.rows == [
        (store.EXPLICIT_UPSERT, store.explicit_row(CHAT, 41, 9005, NOW, 501)),
        (store.TOPIC_TAG_UPSERT, (CHAT, 41, "bug", "manual")),
    ]


async def test_an_unknown_topic_posts_nothing(
    session_factory: async_sessionmaker[AsyncSession], courier: Courier, feedback: FeedbackService
) -> None:
    with pytest.raises(TagSetError) as refused:
        await feedback.ask(CHAT, OPERATOR, "nosuchtag", "?", Html("?"))
    assert refused.value.code is TagSetErrorCode.UNKNOWN_TAG
    assert courier.posted == []
    assert await actions(session_factory) == []


async def test_a_duplicate_of_an_unknown_comment_is_not_linked(
    session_factory: async_sessionmaker[AsyncSession], feedback: FeedbackService
) -> None:
    assert not await feedback.link_duplicate(CHAT, OPERATOR, 41, 40)
    assert await actions(session_factory) == []


async def test_private_feedback_from_someone_who_writes_nowhere_has_no_group(
    feedback: FeedbackService,
) -> None:
    outcome = await feedback.from_private(PrivateFeedback(9005, 3, "more cats", NOW))
    assert outcome == NoGroup()

"""Explicit feedback and its triage: fans' /feedback (in a group or from private chat), answers
to the questions operators ask, and operators' tags, statuses and duplicate links."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any, Protocol

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.db import audit, tag_corrections
from bot.db import feedback as store
from bot.db.bulk_insert import BulkUpsert
from bot.db.chat_settings import active_groups
from bot.db.feedback_private import store_private_feedback
from bot.db.operators import groups_written_in
from bot.db.privacy import is_forgotten
from bot.db.tag_sets import load_tag_set
from bot.domain.audit import AuditEvent
from bot.domain.feedback_status import Status
from bot.domain.roles import Actor
from bot.domain.tag_set import TagSet, resolve_tag
from bot.i18n import Html
from bot.services.clock import utc_now

GROUP_CANDIDATES = 10


class BatchWrites(Protocol):
    """The update's write buffer: rows written in the delivery batch's transaction."""

    def add(self, statement: BulkUpsert, row: tuple[Any, ...]) -> None: ...


class QuestionCourier(Protocol):
    async def post_question(self, chat_id: int, text: Html) -> int:
        """Post the question in the group; the id of the posted message."""
        ...


@dataclass(frozen=True, slots=True)
class PrivateFeedback:
    """/feedback sent in private chat: `text` as typed, `message_id` its private message."""

    user_id: int
    message_id: int
    text: str
    sent_at: datetime


class Stored(StrEnum):
    STORED = "stored"
    FORGOTTEN = "forgotten"  # the person asked to be forgotten: nothing is stored
    STALE = "stale"  # not a group they write in (any more)


@dataclass(frozen=True, slots=True)
class GroupChoice:
    id: int
    title: str | None


@dataclass(frozen=True, slots=True)
class NoGroup:
    """They write in no group the bot knows: there is nowhere to put it."""


@dataclass(frozen=True, slots=True)
class PickGroup:
    choices: list[GroupChoice]


PrivateOutcome = Stored | NoGroup | PickGroup


class FeedbackService:
    def __init__(
        self,
        session_factory: async_sessionmaker[AsyncSession],
        courier: QuestionCourier,
        now: Callable[[], datetime] = utc_now,
        tag_aliases: Mapping[str, str] | None = None,
    ) -> None:
        self._session_factory = session_factory
        self._courier = courier
        self._now = now
        self._tag_aliases = tag_aliases or {}

    async def forgotten(self, user_id: int) -> bool:
        """Whether the person asked to be forgotten: their feedback is neither kept nor thanked."""
        async with self._session_factory() as session:
            return await is_forgotten(session, user_id)

    def in_group(self, writes: BatchWrites, chat_id: int, message_id: int, user_id: int) -> None:
        """/feedback in the group marks the message itself, in the batch's transaction."""
        writes.add(
            store.EXPLICIT_UPSERT, store.explicit_row(chat_id, message_id, user_id, self._now())
        )

    async def from_private(self, feedback: PrivateFeedback) -> PrivateOutcome:
        """Stored for the one group they write in; with several, they pick one."""
        async with self._session_factory() as session:
            if await is_forgotten(session, feedback.user_id):
                return Stored.FORGOTTEN
            groups = await groups_written_in(session, feedback.user_id, GROUP_CANDIDATES)
            if len(groups) > 1:
                choices = await active_groups(session, groups)
                return PickGroup([GroupChoice(group.id, group.title) for group in choices])
        if not groups:
            return NoGroup()
        (chat_id,) = groups
        return await self._store(chat_id, feedback)

    async def for_group(self, chat_id: int, feedback: PrivateFeedback) -> Stored:
        """The group they picked; only one they write in now counts."""
        async with self._session_factory() as session:
            groups = await groups_written_in(session, feedback.user_id, GROUP_CANDIDATES)
        if chat_id not in groups:
            return Stored.STALE
        return await self._store(chat_id, feedback)

    async def _store(self, chat_id: int, feedback: PrivateFeedback) -> Stored:
        async with self._session_factory() as session, session.begin():
            stored = await store_private_feedback(
                session,
                chat_id=chat_id,
                user_id=feedback.user_id,
                private_message_id=feedback.message_id,
                text=feedback.text,
                sent_at=feedback.sent_at,
                now=self._now(),
            )
        return Stored.STORED if stored else Stored.FORGOTTEN

    async def ask(self, chat_id: int, actor: Actor, tag: str, question: str, text: Html) -> str:
        """Post `text` (the question, rendered) in the group and remember its topic, so replies
        become feedback on it; the topic's tag. `TagSetError` when the tag is unknown."""
        async with self._session_factory() as session:
            topic = self._rule(await load_tag_set(session, chat_id), tag)
        message_id = await self._courier.post_question(chat_id, text)
        now = self._now()
        async with self._session_factory() as session, session.begin():
            await store.record_question(
                session,
                chat_id=chat_id,
                message_id=message_id,
                topic=topic,
                asked_by_user_id=actor.user_id,
                now=now,
            )
            await audit.record(
                session,
                _event(chat_id, actor, "feedback-asked", now, f"{topic}: {question}"[:500]),
            )
        return topic

    async def answer(
        self, writes: BatchWrites, chat_id: int, message_id: int, user_id: int, question_id: int
    ) -> bool:
        """A reply to a question the bot posted: feedback on its topic, in the batch's
        transaction. False when the replied message is not a question."""
        async with self._session_factory() as session:
            topic = await store.question_topic(session, chat_id, question_id)
        if topic is None:
            return False
        now = self._now()
        key = (chat_id, message_id)
        writes.add(store.EXPLICIT_UPSERT, store.explicit_row(*key, user_id, now, question_id))
        writes.add(store.TOPIC_TAG_UPSERT, (*key, topic, "manual"))
        return True

    def _rule(self, tag_set: TagSet, typed: str) -> str:
        """The stored name of the tag typed (its name, or a built-in one's display name)."""
        return tag_set.get(resolve_tag(typed, tag_set.names, self._tag_aliases)).tag

    async def tag(
        self, chat_id: int, actor: Actor, message_id: int, tag: str, *, present: bool
    ) -> str:
        """An operator's tag on a message (or its removal); the tag's name. `TagSetError` when
        the group has no such tag."""
        now = self._now()
        async with self._session_factory() as session, session.begin():
            name = self._rule(await load_tag_set(session, chat_id), tag)
            await store.set_manual_tag(session, chat_id, message_id, name, present=present, now=now)
            # Every correction is a label the group's tagger learns from (tag_learning.py).
            kind = tag_corrections.TAG if present else tag_corrections.UNTAG
            await tag_corrections.record(session, chat_id, message_id, kind, name, now=now)
            action = "feedback-tagged" if present else "feedback-untagged"
            await audit.record(
                session, _event(chat_id, actor, action, now, f"{message_id}: {name}")
            )
        return name

    async def stored(self, chat_id: int, message_ids: list[int]) -> set[int]:
        """Which of these messages the group has stored (what can be tagged or marked)."""
        async with self._session_factory() as session:
            return {
                message_id
                for message_id in message_ids
                if await store.comment_exists(session, chat_id, message_id)
            }

    async def mark(self, chat_id: int, actor: Actor, message_id: int, status: Status) -> None:
        now = self._now()
        async with self._session_factory() as session, session.begin():
            await store.set_status(session, chat_id, message_id, status, now)
            await tag_corrections.record(
                session, chat_id, message_id, tag_corrections.STATUS, status.value, now=now
            )
            await audit.record(
                session,
                _event(chat_id, actor, "feedback-status-set", now, f"{message_id}: {status.value}"),
            )

    async def link_duplicate(
        self, chat_id: int, actor: Actor, message_id: int, original: int
    ) -> bool:
        """Mark the message a duplicate of `original`; False when no such comment is stored."""
        now = self._now()
        async with self._session_factory() as session, session.begin():
            if not await store.comment_exists(session, chat_id, original):
                return False
            await store.link_duplicate(session, chat_id, message_id, original, now)
            await audit.record(
                session,
                _event(chat_id, actor, "feedback-duplicate", now, f"{message_id} -> {original}"),
            )
        return True


def _event(chat_id: int, actor: Actor, action: str, at: datetime, detail: str) -> AuditEvent:
    return AuditEvent(chat_id=chat_id, actor=actor, action=action, at=at, detail=detail)

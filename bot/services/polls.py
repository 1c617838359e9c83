"""Polls' operator use cases: check a poll for its preview, send it once the operator taps Send
(now or scheduled), list, close, cancel, delete, export, and the topic ideas a poll can be made
of. Each opens and commits its own sessions, writes its audit
entry, and asks the clock to re-plan after changing what it runs; sending and closing go through
the lifecycle (bot/services/poll_lifecycle.py) and its courier."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from functools import cache

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.db import drafts
from bot.db import polls as store
from bot.db.audit import record
from bot.db.drafts import DraftStatus, StoredDraft
from bot.db.polls import PollStatus, StoredPoll, Vote
from bot.domain.arguments import Period, parse_period
from bot.domain.audit import AuditEvent, clamp_page, page_count
from bot.domain.poll_topics import IsTopic, TopicCandidate, topic_candidates
from bot.domain.polls import PollDraft, PollResults, parse_poll
from bot.domain.roles import Actor
from bot.domain.tagging import DEFAULT_RULES, Tagger
from bot.services.clock import Clock, JobFailed
from bot.services.poll_lifecycle import PollLifecycle

DETAIL_LIMIT = 200


class Sending(StrEnum):
    SCHEDULED = "scheduled"  # the clock sends it at start_at
    SENT = "sent"
    FAILED = "failed"  # Telegram refused it; the poll is cancelled


@dataclass(frozen=True, slots=True)
class CreatedPoll:
    poll: StoredPoll
    draft: PollDraft
    timezone: str
    sending: Sending


@dataclass(frozen=True, slots=True)
class CheckedPoll:
    """A poll as the preview shows it, nothing stored yet."""

    draft: PollDraft
    timezone: str


@dataclass(frozen=True, slots=True)
class PollLine:
    poll: StoredPoll
    results: PollResults
    when: datetime | None  # an open poll's deadline, another's start


@dataclass(frozen=True, slots=True)
class PollListing:
    timezone: str
    polls: list[PollLine]


@dataclass(frozen=True, slots=True)
class PollPage:
    timezone: str
    polls: list[PollLine]
    page: int  # from 0
    pages: int


@dataclass(frozen=True, slots=True)
class PollExport:
    poll: StoredPoll
    results: PollResults
    votes: list[Vote]
    timezone: str


@cache
def default_tagger() -> Tagger:
    """Built once per process: the default rules' automaton is shared by every caller."""
    return Tagger.build(DEFAULT_RULES, learned_tags=True)


class PollService:
    def __init__(
        self,
        session_factory: async_sessionmaker[AsyncSession],
        lifecycle: PollLifecycle,
        clock: Clock,
    ) -> None:
        self._session_factory = session_factory
        self._lifecycle = lifecycle
        self._clock = clock

    async def check(self, chat_id: int, arguments: str, now: datetime) -> CheckedPoll:
        """The poll `arguments` describe, read in the group's time zone (raises
        PollInputError): what the preview shows."""
        timezone = await self._lifecycle.timezone(chat_id)
        return CheckedPoll(parse_poll(arguments, timezone=timezone, now=now), timezone)

    async def send_draft(
        self, draft: StoredDraft, actor: Actor, now: datetime
    ) -> CreatedPoll | None:
        """The previewed poll, read as it was previewed (a `--close 2h` counts from then), stored
        with its audit entry and sent now or left to the clock. None when another tap sent or
        dropped it first. A poll Telegram refused to take is cancelled."""
        timezone = await self._lifecycle.timezone(draft.chat_id)
        poll_draft = parse_poll(draft.arguments, timezone=timezone, now=draft.created_at)
        async with self._session_factory() as session, session.begin():
            if not await drafts.finish(session, draft.id, DraftStatus.DONE, now):
                return None
            poll = await store.create(
                session,
                draft.chat_id,
                poll_draft,
                created_by_user_id=actor.user_id,
                source=draft.source,
                now=now,
            )
            await drafts.set_result(session, draft.id, poll.id)
            await record(
                session,
                _audit(
                    draft.chat_id,
                    actor,
                    "poll-created",
                    now,
                    poll_id=poll.id,
                    question=poll_draft.question,
                ),
            )
        sending = Sending.SCHEDULED
        if poll_draft.start_at is None:
            try:
                await self._lifecycle.send(poll.id, now)
            except JobFailed:
                async with self._session_factory() as session, session.begin():
                    await store.cancel(session, poll.id, now)
                return CreatedPoll(poll, poll_draft, timezone, Sending.FAILED)
            sending = Sending.SENT
        await self._clock.rebuild()
        return CreatedPoll(poll, poll_draft, timezone, sending)

    async def find(self, chat_id: int, number: int) -> StoredPoll | None:
        async with self._session_factory() as session:
            return await store.in_chat(session, chat_id, number)

    async def listing(self, chat_id: int) -> PollListing:
        """The open polls and the latest others, with their counts."""
        timezone = await self._lifecycle.timezone(chat_id)
        async with self._session_factory() as session:
            polls = await store.open_and_recent(session, chat_id)
        lines = [
            PollLine(
                poll,
                await self._lifecycle.results_of(poll),
                poll.close_at if poll.status is PollStatus.OPEN else poll.start_at,
            )
            for poll in polls
        ]
        return PollListing(timezone, lines)

    async def page(self, chat_id: int, wanted: int, size: int) -> PollPage:
        """Page `wanted` (from 0) of the /polls card, or the nearest one that exists."""
        timezone = await self._lifecycle.timezone(chat_id)
        async with self._session_factory() as session:
            pages = page_count(await store.listed_count(session, chat_id), size)
            number = clamp_page(wanted, pages)
            polls = await store.listed_page(session, chat_id, number * size, size)
        lines = [
            PollLine(
                poll,
                await self._lifecycle.results_of(poll),
                poll.close_at if poll.status is PollStatus.OPEN else poll.start_at,
            )
            for poll in polls
        ]
        return PollPage(timezone, lines, number, pages)

    async def page_of(self, chat_id: int, number: int, size: int) -> int:
        """The page of the /polls card a poll is on (0 when it is not listed)."""
        async with self._session_factory() as session:
            poll = await store.in_chat(session, chat_id, number)
            if poll is None or poll.status is PollStatus.DELETED:
                return 0
            return await store.listed_before(session, chat_id, poll) // size

    async def results(self, chat_id: int, number: int) -> tuple[StoredPoll, PollResults] | None:
        """A sent poll's results as last tallied; None when the chat has no such poll sent."""
        poll = await self.find(chat_id, number)
        if poll is None or poll.telegram_poll_id is None:
            return None
        return poll, await self._lifecycle.results_of(poll)

    async def close(self, chat_id: int, actor: Actor, number: int, now: datetime) -> bool:
        """Close an open poll of the chat now; False when it was not open (or someone else
        closed it first)."""
        async with self._session_factory() as session:
            poll = await store.in_chat(session, chat_id, number)
        if poll is None or poll.status is not PollStatus.OPEN:
            return False
        closed = await self._lifecycle.close_now(poll.id, now, self._clock.instance)
        if closed is None or not closed.by_us:
            return False
        async with self._session_factory() as session, session.begin():
            await record(
                session,
                _audit(chat_id, actor, "poll-closed", now, poll_id=poll.id, question=poll.question),
            )
        await self._clock.rebuild()
        return True

    async def cancel(self, chat_id: int, actor: Actor, number: int, now: datetime) -> bool:
        """Cancel a scheduled poll of the chat; False when it was not scheduled."""
        async with self._session_factory() as session, session.begin():
            poll = await store.in_chat(session, chat_id, number)
            cancelled = poll is not None and await store.cancel(session, poll.id, now)
            if poll is not None and cancelled:
                await record(
                    session,
                    _audit(
                        chat_id,
                        actor,
                        "poll-cancelled",
                        now,
                        poll_id=poll.id,
                        question=poll.question,
                    ),
                )
        if cancelled:
            await self._clock.rebuild()
        return cancelled

    async def delete(self, chat_id: int, actor: Actor, number: int, now: datetime) -> bool:
        """A poll made by mistake: stopped (it never closes with results, and the digests no
        longer count it), its messages removed from the group, audited. False when the chat
        has no such poll or it was already deleted or cancelled."""
        async with self._session_factory() as session, session.begin():
            poll = await store.in_chat(session, chat_id, number)
            deleted = poll is not None and await store.delete(session, poll.id, now)
            if poll is not None and deleted:
                await record(
                    session,
                    _audit(
                        chat_id, actor, "poll-deleted", now, poll_id=poll.id, question=poll.question
                    ),
                )
        if poll is None or not deleted:
            return False
        async with self._session_factory() as session:
            removed = await store.get(session, poll.id)
        if removed is not None:
            await self._lifecycle.remove_messages(removed, was_open=poll.status is PollStatus.OPEN)
        await self._clock.rebuild()
        return True

    async def export(self, chat_id: int, number: int) -> PollExport | None:
        """A sent poll's results and votes; None when the chat has no such poll sent."""
        async with self._session_factory() as session:
            poll = await store.in_chat(session, chat_id, number)
            votes = await store.votes(session, poll.telegram_poll_id) if poll else []
        if poll is None or poll.telegram_poll_id is None:
            return None
        results = await self._lifecycle.results_of(poll)
        timezone = await self._lifecycle.timezone(chat_id)
        return PollExport(poll, results, votes, timezone)

    async def period(
        self, chat_id: int, typed: str, now: datetime, maximum: timedelta
    ) -> Period | None:
        """A period as typed (`7d`, `昨天`, `上周`, `11/30`), read in the group's time zone; None
        when it is not one or has not begun."""
        timezone = await self._lifecycle.timezone(chat_id)
        found = parse_period(typed, now=now, timezone=timezone, maximum=maximum)
        return found if found is not None and found.start <= now else None

    async def topics(self, chat_id: int, start: datetime, end: datetime) -> list[TopicCandidate]:
        """The period's most mentioned topic ideas in fans' comments."""
        async with self._session_factory() as session:
            comments = await store.topic_comments(session, chat_id, start, end)
        # Tagging and grouping the texts is CPU: off the event loop, so other groups go on.
        return await asyncio.to_thread(
            topic_candidates,
            [(author, text) for author, text, _ in comments],
            default_tagger(),
            is_topic=_stored_tags(comments),
        )


def _audit(
    chat_id: int, actor: Actor, action: str, at: datetime, *, poll_id: int, question: str
) -> AuditEvent:
    return AuditEvent(
        chat_id=chat_id,
        actor=actor,
        action=action,
        at=at,
        detail=f"#{poll_id} {question}"[:DETAIL_LIMIT],
    )


def _stored_tags(comments: Sequence[tuple[int | None, str, bool | None]]) -> IsTopic | None:
    """With stored tags (feedback's table), a comment counts when it was tagged a topic idea;
    without them the default tagger decides."""
    if not comments or comments[0][2] is None:
        return None
    topical = {text for _, text, tagged in comments if tagged}
    return topical.__contains__

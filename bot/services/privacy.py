"""Fans' control of their data: everything stored about a person as a document, and forgetting
them (by themselves, or by an operator on a fan's behalf, audited without saying who)."""

from __future__ import annotations

import asyncio
import tempfile
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

import structlog
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.db import audit
from bot.db.operators import user_by_username, user_name
from bot.db.privacy import (
    forget_in_group,
    forget_person,
    is_known_in,
    person_comments,
    person_profile,
    person_table_rows,
    person_tables,
)
from bot.domain.audit import AuditEvent
from bot.domain.person_document import PersonDocument
from bot.domain.roles import Actor
from bot.services.clock import utc_now
from bot.services.progress import Progress, crossed

log = structlog.get_logger(__name__)

CHUNK = 500


@dataclass(frozen=True, slots=True)
class MyData:
    name: str
    document: bytes
    comments: int


@dataclass(frozen=True, slots=True)
class MyDataFile:
    name: str
    path: Path
    comments: int


@dataclass(frozen=True, slots=True)
class Person:
    user_id: int
    name: str


@dataclass(frozen=True, slots=True)
class NoSuchPerson:
    """Nobody the bot knows goes by what was typed."""

    who: str


@dataclass(frozen=True, slots=True)
class NotInGroup:
    """A person who never wrote in the group: not the group's to forget."""

    name: str


class PrivacyService:
    def __init__(
        self,
        session_factory: async_sessionmaker[AsyncSession],
        now: Callable[[], datetime] = utc_now,
        before_forget: Callable[[int, int | None], Awaitable[None]] | None = None,
    ) -> None:
        self._session_factory = session_factory
        self._now = now
        # What must leave Telegram while the person's ids are still known (member tags).
        self._before_forget = before_forget

    async def my_data(self, user_id: int) -> MyData:
        """The whole document in memory: for small records (tests, tools); the bot sends
        `my_data_file`."""
        async with self.my_data_file(user_id) as data:
            document = await asyncio.to_thread(data.path.read_bytes)
        return MyData(data.name, document, data.comments)

    @asynccontextmanager
    async def my_data_file(
        self, user_id: int, progress: Progress | None = None
    ) -> AsyncIterator[MyDataFile]:
        """Everything stored about the person, written into a temporary file (removed when
        the block ends) a chunk at a time: memory stays the same for the heaviest fan, and the
        JSON is encoded off the event loop. `progress` hears every PROGRESS_EVERY comments."""
        name = f"fanpulse-mydata-{user_id}.json"
        with tempfile.TemporaryDirectory(prefix="fanpulse-mydata-") as folder:
            path = Path(folder) / name
            with path.open("wb") as target:
                comments = await self._write_my_data(target, user_id, progress)
            yield MyDataFile(name, path, comments)

    async def _write_my_data(
        self, target: BinaryIO, user_id: int, progress: Progress | None
    ) -> int:
        async with self._session_factory() as session:
            profile = await person_profile(session, user_id)
        document = await asyncio.to_thread(PersonDocument, target, user_id, self._now(), profile)
        after: int | None = None
        while True:
            # A short read per chunk: no transaction stays open while the file is written.
            async with self._session_factory() as session:
                comments, after = await person_comments(session, user_id, after, CHUNK)
            before = document.comments_written
            await asyncio.to_thread(document.comments, comments)
            if progress is not None and crossed(before, document.comments_written):
                await progress(document.comments_written)
            if after is None:
                break
        async with self._session_factory() as session:
            for model, _ in person_tables():
                await asyncio.to_thread(document.table, str(model.__tablename__))
                async for rows in person_table_rows(session, model, user_id, CHUNK):
                    await asyncio.to_thread(document.rows, rows)
        await asyncio.to_thread(document.close)
        return document.comments_written

    async def forget_self(self, user_id: int) -> int:
        """Forget in one transaction; how many comments went."""
        if self._before_forget is not None:
            await self._before_forget(user_id, None)
        async with self._session_factory() as session, session.begin():
            forgotten = await forget_person(session, user_id, self._now())
        log.info("privacy.forgotten", by="self", comments=forgotten.comments)
        return forgotten.comments

    async def forget_candidate(
        self, chat_id: int, who: Person | str
    ) -> Person | NoSuchPerson | NotInGroup:
        """Whom an operator asks to forget: a person already known (the author of a replied
        message), an `@username` or a numeric id; only the group's own fans qualify."""
        async with self._session_factory() as session:
            person = who if isinstance(who, Person) else await _person(session, who)
            if isinstance(person, NoSuchPerson):
                return person
            if not await is_known_in(session, person.user_id, chat_id):
                return NotInGroup(person.name)
        return person

    async def forget_for_operator(self, chat_id: int, actor: Actor, user_id: int) -> int | None:
        """Forget a fan in the operator's own group (re-checked now); how many comments went,
        None when they are no longer the group's. Other groups keep what they hold: only the
        person's own /forget is global."""
        now = self._now()
        async with self._session_factory() as session:
            if not await is_known_in(session, user_id, chat_id):
                return None
        if self._before_forget is not None:
            await self._before_forget(user_id, chat_id)
        async with self._session_factory() as session, session.begin():
            if not await is_known_in(session, user_id, chat_id):
                return None
            forgotten = await forget_in_group(session, user_id, chat_id)
            # The tombstone holds the id; the audit says that someone was forgotten, not who.
            await audit.record(
                session,
                AuditEvent(
                    chat_id=chat_id,
                    actor=actor,
                    action="fan-forgotten",
                    at=now,
                    detail=str(forgotten.comments),
                ),
            )
        log.info("privacy.forgotten", by="operator", comments=forgotten.comments)
        return forgotten.comments


async def _person(session: AsyncSession, typed: str) -> Person | NoSuchPerson:
    user_id = await user_by_username(session, typed[1:]) if typed.startswith("@") else int(typed)
    if user_id is None or user_id <= 0:
        return NoSuchPerson(typed)
    return Person(user_id, await user_name(session, user_id) or str(user_id))

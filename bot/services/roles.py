"""Granting and revoking fanpulse roles in a group, each recorded in its audit log."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.db import audit
from bot.db.operators import grant_role, granted_role, revoke_role, user_by_username, user_name
from bot.domain.arguments import parse_number
from bot.domain.audit import AuditAction, AuditEvent
from bot.domain.roles import Actor, Role


@dataclass(frozen=True, slots=True)
class Person:
    """Someone the command names and the bot already knows how to call."""

    user_id: int
    name: str


@dataclass(frozen=True, slots=True)
class Typed:
    """An @username or a numeric id typed after the command."""

    word: str


@dataclass(frozen=True, slots=True)
class NoSubject:
    key: str
    who: str = ""


SUBJECT_MISSING = NoSubject("subject-missing")

Subject = Person | Typed


@dataclass(frozen=True, slots=True)
class Revoked:
    person: Person
    revoked: bool  # False: they held no role to take


async def end_role(
    session: AsyncSession, chat_id: int, user_id: int, *, actor: Actor, status: str, at: datetime
) -> bool:
    """A granted role ends when its holder is no longer a member of the group (`status` is
    "left" or "kicked"), audited; False when they held none."""
    if not await revoke_role(session, chat_id, user_id):
        return False
    await audit.record(
        session,
        AuditEvent(
            chat_id=chat_id,
            actor=actor,
            action=AuditAction.ROLE_ENDED,
            at=at,
            subject_user_id=user_id,
            detail=status,
        ),
    )
    return True


class Roles:
    def __init__(self, session_factory: async_sessionmaker[AsyncSession]) -> None:
        self._session_factory = session_factory

    async def grant(
        self, chat_id: int, actor: Actor, subject: Subject, role: Role
    ) -> Person | NoSubject:
        async with self._session_factory() as session, session.begin():
            person = await _resolve(session, subject)
            if isinstance(person, NoSubject):
                return person
            now = datetime.now(UTC)
            await grant_role(
                session,
                chat_id=chat_id,
                user_id=person.user_id,
                role=role.key,
                granted_by_user_id=actor.user_id,
                now=now,
            )
            await audit.record(
                session,
                AuditEvent(
                    chat_id=chat_id,
                    actor=actor,
                    action=AuditAction.ROLE_GRANTED,
                    at=now,
                    subject_user_id=person.user_id,
                    detail=role.key,
                ),
            )
        return person

    async def held(self, chat_id: int, subject: Subject) -> tuple[Person, str | None] | NoSubject:
        """Whom the subject names, and the role they hold in the group (None: none)."""
        async with self._session_factory() as session:
            person = await _resolve(session, subject)
            if isinstance(person, NoSubject):
                return person
            return person, await granted_role(session, chat_id, person.user_id)

    async def revoke(self, chat_id: int, actor: Actor, subject: Subject) -> Revoked | NoSubject:
        async with self._session_factory() as session, session.begin():
            person = await _resolve(session, subject)
            if isinstance(person, NoSubject):
                return person
            revoked = await revoke_role(session, chat_id, person.user_id)
            if revoked:
                await audit.record(
                    session,
                    AuditEvent(
                        chat_id=chat_id,
                        actor=actor,
                        action=AuditAction.ROLE_REVOKED,
                        at=datetime.now(UTC),
                        subject_user_id=person.user_id,
                    ),
                )
        return Revoked(person, revoked)


async def identify(
    session_factory: async_sessionmaker[AsyncSession], subject: Subject
) -> Person | NoSubject:
    """Whom a typed @username or id names, without changing anything."""
    async with session_factory() as session:
        return await _resolve(session, subject)


async def _resolve(session: AsyncSession, subject: Subject) -> Person | NoSubject:
    if isinstance(subject, Person):
        return subject
    word = subject.word
    if word.startswith("@") and len(word) > 1:
        user_id = await user_by_username(session, word[1:])
    elif (number := parse_number(word.removeprefix("-"))) is not None:
        user_id = -number if word.startswith("-") else number
    else:
        return SUBJECT_MISSING
    if user_id is None or user_id <= 0:
        return NoSubject("subject-unknown", who=word)
    known = await user_name(session, user_id)
    return Person(user_id, known or str(user_id))

"""A group's tag set: reading it, and changing it with an audit entry in the same transaction."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.db import audit
from bot.db.tag_sets import load_tag_set, save_tag_set
from bot.domain.audit import AuditEvent
from bot.domain.roles import Actor
from bot.domain.tag_set import TagSet
from bot.services.clock import utc_now


@dataclass(frozen=True, slots=True)
class TagChange:
    """A validated edit of the tag set, with what the audit log and the reply say about it."""

    apply: Callable[[TagSet], TagSet]
    action: str
    tag: str
    detail: str
    renamed: tuple[str, str] | None = None
    deleted: str | None = None


class TagService:
    def __init__(
        self,
        session_factory: async_sessionmaker[AsyncSession],
        now: Callable[[], datetime] = utc_now,
    ) -> None:
        self._session_factory = session_factory
        self._now = now

    async def tag_set(self, chat_id: int) -> TagSet:
        """The group's own set, or the default one until its first change."""
        async with self._session_factory() as session:
            return await load_tag_set(session, chat_id)

    async def change(self, chat_id: int, actor: Actor, change: TagChange) -> None:
        """Apply and store the change; `TagSetError` (nothing stored) when it does not fit."""
        now = self._now()
        async with self._session_factory() as session, session.begin():
            changed = change.apply(await load_tag_set(session, chat_id))
            await save_tag_set(
                session, chat_id, changed, now, renamed=change.renamed, deleted=change.deleted
            )
            await audit.record(
                session,
                AuditEvent(
                    chat_id=chat_id,
                    actor=actor,
                    action=change.action,
                    at=now,
                    detail=f"{change.tag}: {change.detail}"[:500],
                ),
            )

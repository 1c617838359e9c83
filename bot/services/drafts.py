"""Drafts: nothing an operator starts goes live, and nothing destructive happens, before their
own tap. A poll or giveaway is shown as a preview (Send / Edit / Cancel); closing a poll early,
cancelling a giveaway and deleting either are asked first (Yes / No).

A draft is one row (bot/db/drafts.py) owned by the operator who made it. The tap that acts claims
it (pending -> done) in the same transaction as what it creates, so Send tapped twice, or a
callback delivered again, acts once. A draft left alone expires on the clock
(`draft:expire:<id>`), and its message says so in the language it was shown in.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Protocol

import structlog
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.db import drafts as store
from bot.db.drafts import DraftStatus, StoredDraft
from bot.i18n import Html, Translator, locale_of
from bot.services.clock import Action, PlannedJob

log = structlog.get_logger(__name__)

DRAFT_LIFETIME = timedelta(minutes=30)
EXPIRE_JOB = "draft:expire:"
EXPIRE_PERIOD = "expire"


class DraftKind(StrEnum):
    POLL = "poll"
    GIVEAWAY = "giveaway"
    POLL_CLOSE = "poll-close"
    POLL_DELETE = "poll-delete"
    GIVEAWAY_CANCEL = "giveaway-cancel"
    GIVEAWAY_DELETE = "giveaway-delete"


class DraftCourier(Protocol):
    async def retire(self, chat_id: int, message_id: int, text: Html) -> None:
        """The draft's message replaced by `text`, its buttons gone."""
        ...


class Refused(StrEnum):
    """Why a tap on a draft did nothing."""

    GONE = "gone"  # no such draft in that chat
    NOT_OWNER = "not-owner"
    DONE = "done"  # already sent, answered, dropped or expired


class DraftService:
    def __init__(
        self,
        session_factory: async_sessionmaker[AsyncSession],
        translator: Translator,
        courier: DraftCourier,
    ) -> None:
        self._session_factory = session_factory
        self._translator = translator
        self._courier = courier

    async def open(
        self,
        kind: DraftKind,
        chat_id: int,
        owner_user_id: int | None,
        *,
        arguments: str,
        locale: str,
        now: datetime,
        subject_id: int | None = None,
        source: str = "command",
    ) -> StoredDraft:
        async with self._session_factory() as session, session.begin():
            return await store.create(
                session,
                kind=kind.value,
                chat_id=chat_id,
                owner_user_id=owner_user_id,
                subject_id=subject_id,
                arguments=arguments,
                source=source,
                locale=locale,
                now=now,
                expires_at=now + DRAFT_LIFETIME,
            )

    async def shown(self, draft_id: int, chat_id: int, message_id: int) -> None:
        """Where the draft's message is: its expiry edits it."""
        async with self._session_factory() as session, session.begin():
            await store.set_preview(session, draft_id, chat_id, message_id)

    async def for_tap(
        self, draft_id: int, chat_id: int, user_id: int, now: datetime
    ) -> StoredDraft | Refused:
        """The draft a tap may act on: in that chat, the presser's own, still pending."""
        async with self._session_factory() as session:
            draft = await store.get(session, draft_id)
        if draft is None or draft.chat_id != chat_id:
            return Refused.GONE
        if draft.owner_user_id is not None and draft.owner_user_id != user_id:
            return Refused.NOT_OWNER
        if draft.status is not DraftStatus.PENDING or draft.expires_at <= now:
            return Refused.DONE
        return draft

    async def drop(self, draft_id: int, now: datetime) -> bool:
        """Cancel, No or Edit: True for the one tap that dropped it."""
        async with self._session_factory() as session, session.begin():
            return await store.finish(session, draft_id, DraftStatus.DROPPED, now)

    async def answer(self, draft_id: int, now: datetime) -> bool:
        """Yes to a question (close, cancel, delete): True for the one tap that answered it. The
        action itself is guarded by its own conditional UPDATE."""
        async with self._session_factory() as session, session.begin():
            return await store.finish(session, draft_id, DraftStatus.DONE, now)

    async def settle(self, draft: StoredDraft, text: Html) -> None:
        """The draft's message now says what became of it, without its buttons."""
        if draft.preview_chat_id is not None and draft.preview_message_id is not None:
            await self._courier.retire(draft.preview_chat_id, draft.preview_message_id, text)

    # the clock

    async def planned(self, session: AsyncSession, now: datetime) -> Sequence[PlannedJob]:
        return [
            PlannedJob(
                f"{EXPIRE_JOB}{draft.id}",
                EXPIRE_PERIOD,
                max(draft.expires_at, now),
                self._expire_action(draft, now),
            )
            for draft in await store.pending(session)
        ]

    def _expire_action(self, draft: StoredDraft, now: datetime) -> Action:
        async def run() -> str | None:
            return await self.expire(draft, now)

        return run

    async def expire(self, draft: StoredDraft, now: datetime) -> str:
        async with self._session_factory() as session, session.begin():
            expired = await store.finish(session, draft.id, DraftStatus.EXPIRED, now)
        if not expired:
            return "answered"
        texts = self._translator.bind(locale_of(draft.locale) or "en")
        key = "draft-expired-preview" if _is_creation(draft) else "draft-expired-question"
        await self.settle(draft, texts(key))
        log.info("draft.expired", draft=draft.id, kind=draft.kind)
        return "expired"


def _is_creation(draft: StoredDraft) -> bool:
    return draft.kind in (DraftKind.POLL.value, DraftKind.GIVEAWAY.value)

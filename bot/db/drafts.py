"""Drafts: what an operator must tap before it happens (SQL only; the caller commits).

Every change is a conditional UPDATE from `pending`: of two taps (a double tap, a redelivered
callback, two instances) exactly one sees the row change and acts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sqlalchemy import select, true, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db.models import Draft


class DraftStatus(StrEnum):
    PENDING = "pending"
    DONE = "done"
    DROPPED = "dropped"  # Cancel, No, or Edit (the corrected form makes a new draft)
    EXPIRED = "expired"


@dataclass(frozen=True, slots=True)
class StoredDraft:
    id: int
    kind: str
    chat_id: int
    owner_user_id: int | None
    subject_id: int | None
    arguments: str
    source: str
    locale: str
    preview_chat_id: int | None
    preview_message_id: int | None
    status: DraftStatus
    created_at: datetime
    expires_at: datetime
    result_id: int | None


def _stored(row: Draft) -> StoredDraft:
    return StoredDraft(
        id=row.id,
        kind=row.kind,
        chat_id=row.chat_id,
        owner_user_id=row.owner_user_id,
        subject_id=row.subject_id,
        arguments=row.arguments,
        source=row.source,
        locale=row.locale,
        preview_chat_id=row.preview_chat_id,
        preview_message_id=row.preview_message_id,
        status=DraftStatus(row.status),
        created_at=row.created_at,
        expires_at=row.expires_at,
        result_id=row.result_id,
    )


async def create(
    session: AsyncSession,
    *,
    kind: str,
    chat_id: int,
    owner_user_id: int | None,
    subject_id: int | None,
    arguments: str,
    source: str,
    locale: str,
    now: datetime,
    expires_at: datetime,
) -> StoredDraft:
    row = Draft(
        kind=kind,
        chat_id=chat_id,
        owner_user_id=owner_user_id,
        subject_id=subject_id,
        arguments=arguments,
        source=source,
        locale=locale,
        status=DraftStatus.PENDING.value,
        created_at=now,
        expires_at=expires_at,
    )
    session.add(row)
    await session.flush()
    return _stored(row)


async def get(session: AsyncSession, draft_id: int) -> StoredDraft | None:
    row = await session.get(Draft, draft_id, populate_existing=True)
    return _stored(row) if row is not None else None


async def set_preview(session: AsyncSession, draft_id: int, chat_id: int, message_id: int) -> None:
    await session.execute(
        update(Draft)
        .where(Draft.id == draft_id)
        .values(preview_chat_id=chat_id, preview_message_id=message_id)
    )


async def finish(
    session: AsyncSession,
    draft_id: int,
    status: DraftStatus,
    now: datetime,
    *,
    result_id: int | None = None,
) -> bool:
    """pending -> `status`; True only for the one caller that changed the row. Nothing but
    expiry acts on a draft past its time."""
    unexpired = Draft.expires_at > now if status is not DraftStatus.EXPIRED else true()
    result = await session.execute(
        update(Draft)
        .where(Draft.id == draft_id, Draft.status == DraftStatus.PENDING.value, unexpired)
        .values(status=status.value, result_id=result_id)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def set_result(session: AsyncSession, draft_id: int, result_id: int) -> None:
    await session.execute(update(Draft).where(Draft.id == draft_id).values(result_id=result_id))


async def pending(session: AsyncSession) -> list[StoredDraft]:
    rows = await session.scalars(
        select(Draft).where(Draft.status == DraftStatus.PENDING.value).order_by(Draft.expires_at)
    )
    return [_stored(row) for row in rows.all()]

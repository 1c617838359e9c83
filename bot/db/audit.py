"""The audit log table (SQL only; the caller commits, in the same unit of work as the change)."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db.models import AuditRecord
from bot.domain.audit import AuditEvent
from bot.domain.roles import Actor


async def record(session: AsyncSession, event: AuditEvent) -> None:
    session.add(
        AuditRecord(
            chat_id=event.chat_id,
            actor_user_id=event.actor.user_id,
            actor_chat_id=event.actor.anonymous_chat_id,
            action=event.action,
            subject_user_id=event.subject_user_id,
            detail=event.detail,
            created_at=event.at,
        )
    )
    await session.flush()


async def count(session: AsyncSession, chat_id: int) -> int:
    total = await session.scalar(
        select(func.count()).select_from(AuditRecord).where(AuditRecord.chat_id == chat_id)
    )
    return int(total or 0)


async def newest_first(
    session: AsyncSession, chat_id: int, offset: int, limit: int
) -> list[AuditEvent]:
    rows = await session.scalars(
        select(AuditRecord)
        .where(AuditRecord.chat_id == chat_id)
        .order_by(AuditRecord.created_at.desc(), AuditRecord.id.desc())
        .offset(offset)
        .limit(limit)
    )
    return [
        AuditEvent(
            chat_id=row.chat_id,
            actor=Actor(user_id=row.actor_user_id, anonymous_chat_id=row.actor_chat_id),
            action=row.action,
            at=row.created_at,
            subject_user_id=row.subject_user_id,
            detail=row.detail,
        )
        for row in rows.all()
    ]

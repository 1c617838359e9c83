"""Shortening retention below what is stored, asked first and undoable (bot/services/undo.py)
only until the nightly purge has run: after it, the text is gone and Undo says so."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db import audit
from bot.db.models import JobRun
from bot.db.retention import clear_retention, retention_days, set_retention
from bot.domain.audit import AuditEvent
from bot.domain.roles import Role
from bot.services.retention import JOB
from bot.services.undo import Payload, Refused, Step


async def _keep(session: AsyncSession, chat_id: int, days: int | None, now: datetime) -> None:
    if days is None:
        await clear_retention(session, chat_id)
    else:
        await set_retention(session, chat_id, days, now)


class RetentionShortening:
    role = Role.OPERATOR

    async def do(self, step: Step, payload: Payload) -> Payload:
        session, chat_id, actor, now = step.session, step.chat_id, step.actor, step.now
        days = int(payload["days"])
        before = await retention_days(session, chat_id)
        await set_retention(session, chat_id, days, now)
        await audit.record(
            session,
            AuditEvent(
                chat_id=chat_id, actor=actor, action="retention-set", at=now, detail=str(days)
            ),
        )
        return {**payload, "before": before}

    async def undo(self, step: Step, payload: Payload, done_at: datetime) -> None:
        session, chat_id, actor, now = step.session, step.chat_id, step.actor, step.now
        purged = await session.scalar(
            select(JobRun.id).where(JobRun.job == JOB, JobRun.claimed_at >= done_at).limit(1)
        )
        if purged is not None:
            raise Refused("undo-purged", days=int(payload["days"]))
        before = payload.get("before")
        kept = int(before) if before is not None else None
        await _keep(session, chat_id, kept, now)
        await audit.record(
            session,
            AuditEvent(
                chat_id=chat_id,
                actor=actor,
                action="action-undone",
                at=now,
                detail=f"retention: {kept or 0}",
            ),
        )

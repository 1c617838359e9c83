"""Revoking a role, asked first and undoable (bot/services/undo.py): the person gets back the
role they held, as granted by whoever granted it."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from bot.db import audit
from bot.db.models import ChatRole
from bot.db.operators import grant_role, granted_role, revoke_role
from bot.domain.audit import AuditAction, AuditEvent
from bot.domain.roles import Role
from bot.services.undo import Payload, Refused, Step


class RoleRevocation:
    role = Role.ADMINISTRATOR

    async def do(self, step: Step, payload: Payload) -> Payload:
        session, chat_id, actor, now = step.session, step.chat_id, step.actor, step.now
        user_id = int(payload["user_id"])
        held = (
            await session.execute(
                select(ChatRole.role, ChatRole.granted_by_user_id).where(
                    ChatRole.chat_id == chat_id, ChatRole.user_id == user_id
                )
            )
        ).one_or_none()
        if held is None:
            raise Refused("revoke-nothing", who=str(payload["name"]))
        await revoke_role(session, chat_id, user_id)
        await audit.record(
            session,
            AuditEvent(
                chat_id=chat_id,
                actor=actor,
                action=AuditAction.ROLE_REVOKED,
                at=now,
                subject_user_id=user_id,
            ),
        )
        return {**payload, "role": held.role, "granted_by": held.granted_by_user_id}

    async def undo(self, step: Step, payload: Payload, done_at: datetime) -> None:
        session, chat_id, actor, now = step.session, step.chat_id, step.actor, step.now
        user_id = int(payload["user_id"])
        if await granted_role(session, chat_id, user_id) is not None:
            raise Refused("undo-role-taken", who=str(payload["name"]))
        granted_by = payload.get("granted_by")
        await grant_role(
            session,
            chat_id=chat_id,
            user_id=user_id,
            role=str(payload["role"]),
            granted_by_user_id=int(granted_by) if granted_by is not None else None,
            now=now,
        )
        await audit.record(
            session,
            AuditEvent(
                chat_id=chat_id,
                actor=actor,
                action="action-undone",
                at=now,
                subject_user_id=user_id,
                detail=f"role-revoke: {payload['role']}",
            ),
        )

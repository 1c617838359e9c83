"""Cancelling a giveaway, asked first and undoable (bot/services/undo.py): within the 10 minutes,
and only while its end is still ahead, the giveaway opens again with the entries it had, its
announcement gets its Enter button back and the group is told."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.db import audit
from bot.db import giveaways as store
from bot.domain.audit import AuditEvent
from bot.domain.roles import Role
from bot.services.clock import Clock
from bot.services.giveaways import (
    GiveawayCourier,
    announce_cancelled,
    announce_reopened,
    cancel_in,
)
from bot.services.undo import Payload, Refused, Step

GIVEAWAY_CANCEL = "giveaway-cancel"


def cancel_payload(giveaway_id: int, prize: str, reason: str) -> Payload:
    return {"giveaway_id": giveaway_id, "prize": prize, "reason": reason}


class GiveawayCancellation:
    role = Role.OPERATOR

    def __init__(
        self,
        session_factory: async_sessionmaker[AsyncSession],
        courier: GiveawayCourier,
        clock: Clock,
    ) -> None:
        self._session_factory = session_factory
        self._courier = courier
        self._clock = clock

    async def do(self, step: Step, payload: Payload) -> Payload:
        giveaway_id = int(payload["giveaway_id"])
        reason = str(payload["reason"])
        if not await cancel_in(
            step.session, step.chat_id, step.actor, giveaway_id, reason=reason, now=step.now
        ):
            raise Refused("giveaway-not-open", id=str(giveaway_id))
        return payload

    async def undo(self, step: Step, payload: Payload, done_at: datetime) -> None:
        giveaway_id = int(payload["giveaway_id"])
        record = await store.in_chat(step.session, step.chat_id, giveaway_id)
        if record is None or record.status != store.CANCELLED:
            raise Refused("giveaway-undo-changed", id=str(giveaway_id))
        if not await store.reopen(step.session, giveaway_id, step.now):
            # Entries would reopen after they should have closed: the draw time has passed.
            raise Refused("giveaway-undo-ended", id=str(giveaway_id))
        await audit.record(
            step.session,
            AuditEvent(
                chat_id=step.chat_id,
                actor=step.actor,
                action="action-undone",
                at=step.now,
                detail=f"giveaway-cancel: #{giveaway_id}",
            ),
        )

    async def after_do(self, chat_id: int, payload: Payload) -> None:
        await announce_cancelled(self._session_factory, self._courier, int(payload["giveaway_id"]))
        await self._clock.rebuild()

    async def after_undo(self, chat_id: int, payload: Payload) -> None:
        await announce_reopened(self._session_factory, self._courier, int(payload["giveaway_id"]))
        await self._clock.rebuild()

"""Asking before a destructive action, and undoing it for a while after (ARCHITECTURE section 10,
"A destructive action").

An action is stored as asked (what it would do, in `payload`); Yes runs it, No drops it. Once
done, its kind stored what Undo needs in the payload, and Undo restores it within
`UNDO_WINDOW`. Each step is one transaction with the state change, which only moves from the
state it was read in: two presses at once act once. The kinds (bot/services/undoable_*.py) say
the least role they need, so a button of one kind cannot be pressed as another.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any, Protocol, runtime_checkable

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.db import confirmed_actions as store
from bot.domain.roles import Actor, Role
from bot.services.clock import utc_now

UNDO_WINDOW = timedelta(minutes=10)

Payload = dict[str, Any]


class Refused(Exception):
    """The action (or its undo) cannot happen now: `key` says why, with `args`."""

    def __init__(self, key: str, **args: str | int) -> None:
        super().__init__(key)
        self.key = key
        self.args_ = args


@dataclass(frozen=True, slots=True)
class Step:
    """Where a kind acts: the transaction that also moves the action's state."""

    session: AsyncSession
    chat_id: int
    actor: Actor
    now: datetime


class Undoable(Protocol):
    role: Role  # the least role that may confirm it and undo it

    async def do(self, step: Step, payload: Payload) -> Payload:
        """Act (audited), and return the payload Undo needs; raise `Refused`, before writing
        anything, when it cannot happen now."""
        ...

    async def undo(self, step: Step, payload: Payload, done_at: datetime) -> None:
        """Restore what `do` changed (audited); raise `Refused`, before writing anything, when
        that is no longer possible."""
        ...


@runtime_checkable
class FollowsUp(Protocol):
    """A kind whose action shows outside the database (a message in the group): told once its
    step is committed, so the group never hears of a step that rolled back."""

    async def after_do(self, chat_id: int, payload: Payload) -> None: ...

    async def after_undo(self, chat_id: int, payload: Payload) -> None: ...


class Status(StrEnum):
    DONE = "done"
    DECLINED = "declined"
    UNDONE = "undone"
    EXPIRED = "expired"  # the question or the undo came too late
    SETTLED = "settled"  # someone already answered, or it was already undone
    REFUSED = "refused"
    UNKNOWN = "unknown"  # no such action here (forged or of another kind)


@dataclass(frozen=True, slots=True)
class Outcome:
    status: Status
    kind: str = ""
    payload: Payload = field(default_factory=dict)
    refusal: Refused | None = None


class ConfirmedActions:
    def __init__(
        self,
        session_factory: async_sessionmaker[AsyncSession],
        kinds: Mapping[str, Undoable],
        now: Callable[[], datetime] = utc_now,
    ) -> None:
        self._session_factory = session_factory
        self._kinds = kinds
        self._now = now

    def role_of(self, kind: str) -> Role:
        return self._kinds[kind].role

    async def ask(
        self,
        chat_id: int,
        actor: Actor,
        kind: str,
        payload: Payload,
        *,
        subject_user_id: int | None = None,
    ) -> int:
        """`subject_user_id`: the person the action is about, so that forgetting them (or the
        actor) drops the stored action with what it holds about them."""
        assert kind in self._kinds, kind
        async with self._session_factory() as session, session.begin():
            return await store.add(
                session,
                chat_id=chat_id,
                kind=kind,
                payload=payload,
                actor=actor,
                now=self._now(),
                subject_user_id=subject_user_id,
            )

    async def decide(
        self, action_id: int, chat_id: int, actor: Actor, role: Role, *, yes: bool
    ) -> Outcome:
        """Yes or No to an asked action; `role` is the tier of the button pressed."""
        outcome = await self._decide(action_id, chat_id, actor, role, yes=yes)
        kind = self._kinds.get(outcome.kind)
        if outcome.status is Status.DONE and isinstance(kind, FollowsUp):
            await kind.after_do(chat_id, outcome.payload)
        return outcome

    async def undo(self, action_id: int, chat_id: int, actor: Actor, role: Role) -> Outcome:
        outcome = await self._undo(action_id, chat_id, actor, role)
        kind = self._kinds.get(outcome.kind)
        if outcome.status is Status.UNDONE and isinstance(kind, FollowsUp):
            await kind.after_undo(chat_id, outcome.payload)
        return outcome

    async def _decide(
        self, action_id: int, chat_id: int, actor: Actor, role: Role, *, yes: bool
    ) -> Outcome:
        now = self._now()
        async with self._session_factory() as session, session.begin():
            action = await self._action(session, action_id, chat_id, role)
            if action is None:
                return Outcome(Status.UNKNOWN)
            if action.state != "asked":
                return Outcome(Status.SETTLED, action.kind, action.payload)
            if now - action.created_at > UNDO_WINDOW:
                await store.move(session, action_id, from_state="asked", to_state="expired")
                return Outcome(Status.EXPIRED, action.kind, action.payload)
            if not yes:
                moved = await store.move(
                    session, action_id, from_state="asked", to_state="declined"
                )
                status = Status.DECLINED if moved else Status.SETTLED
                return Outcome(status, action.kind, action.payload)
            if not await store.move(session, action_id, from_state="asked", to_state="doing"):
                return Outcome(Status.SETTLED, action.kind, action.payload)
            try:
                step = Step(session, chat_id, actor, now)
                done = await self._kinds[action.kind].do(step, action.payload)
            except Refused as refused:
                await store.move(session, action_id, from_state="doing", to_state="refused")
                return Outcome(Status.REFUSED, action.kind, action.payload, refused)
            await store.move(
                session, action_id, from_state="doing", to_state="done", payload=done, done_at=now
            )
            return Outcome(Status.DONE, action.kind, done)

    async def _undo(self, action_id: int, chat_id: int, actor: Actor, role: Role) -> Outcome:
        now = self._now()
        async with self._session_factory() as session, session.begin():
            action = await self._action(session, action_id, chat_id, role)
            if action is None:
                return Outcome(Status.UNKNOWN)
            if action.state != "done" or action.done_at is None:
                return Outcome(Status.SETTLED, action.kind, action.payload)
            if now - action.done_at > UNDO_WINDOW:
                return Outcome(Status.EXPIRED, action.kind, action.payload)
            if not await store.move(session, action_id, from_state="done", to_state="undone"):
                return Outcome(Status.SETTLED, action.kind, action.payload)
            try:
                step = Step(session, chat_id, actor, now)
                await self._kinds[action.kind].undo(step, action.payload, action.done_at)
            except Refused as refused:
                # Nothing was restored: the action stays done, and says why it cannot be undone.
                await store.move(session, action_id, from_state="undone", to_state="done")
                return Outcome(Status.REFUSED, action.kind, action.payload, refused)
            return Outcome(Status.UNDONE, action.kind, action.payload)

    async def _action(
        self, session: AsyncSession, action_id: int, chat_id: int, role: Role
    ) -> store.StoredAction | None:
        """The action, only if it belongs to this group and to a kind of this button's tier."""
        action = await store.load(session, action_id)
        if action is None or action.chat_id != chat_id or action.kind not in self._kinds:
            return None
        return action if self._kinds[action.kind].role == role else None

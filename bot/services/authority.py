"""Who may act on which group: the role a person holds there now, and the decision for one
operator command (which group it targets, whether that group is still ours, whether the role
suffices). The Telegram edge turns an update into a `Request` and renders a `Refusal`."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Protocol

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.db.chat_settings import GroupRecord, ensure_chat, group
from bot.db.operators import current_group, granted_role
from bot.domain.roles import (
    GONE_STATUSES,
    Actor,
    OperatorCommand,
    Role,
    allows,
    effective_role,
    role_from_key,
)
from bot.services.roles import end_role


class AdminDirectory(Protocol):
    """Telegram's view of a group's administrators (bot/telegram/admins.py)."""

    async def status(self, chat_id: int, user_id: int) -> str | None:
        """The cached administrator status, None for anyone else."""
        ...

    async def live_status(self, chat_id: int, user_id: int) -> str | None:
        """The member's status asked now, None when Telegram cannot say."""
        ...


@dataclass(frozen=True, slots=True)
class FromConsole:
    """A command typed in private chat: it acts on the group the person chose there."""

    user_id: int


@dataclass(frozen=True, slots=True)
class FromGroup:
    """A command typed in the group itself."""

    chat_id: int
    chat_type: str
    title: str | None
    actor: Actor


@dataclass(frozen=True, slots=True)
class Pressed:
    """A button naming its group (data only, re-checked here)."""

    chat_id: int
    user_id: int
    in_private: bool


Request = FromConsole | FromGroup | Pressed


@dataclass(frozen=True, slots=True)
class Refusal:
    key: str | None  # None: refuse silently (the group is not ours to talk to any more)
    args: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Authorized:
    chat_id: int
    title: str
    actor: Actor
    role: Role
    in_private: bool


class Authority:
    def __init__(
        self,
        session_factory: async_sessionmaker[AsyncSession],
        directory: AdminDirectory,
        bootstrap: Collection[int],
    ) -> None:
        self._session_factory = session_factory
        self._directory = directory
        self._bootstrap = bootstrap

    async def role(self, chat_id: int, user_id: int, *, live: bool) -> Role:
        async with self._session_factory() as session:
            granted_key = await granted_role(session, chat_id, user_id)
        granted = role_from_key(granted_key) if granted_key else None
        if live:
            status = await self._directory.live_status(chat_id, user_id)
            if status in GONE_STATUSES and granted is not None:
                # Telegram says they are gone: the role ends now, not at the next chat_member.
                async with self._session_factory() as session, session.begin():
                    await end_role(
                        session,
                        chat_id,
                        user_id,
                        actor=Actor(user_id=user_id),
                        status=status,
                        at=datetime.now(UTC),
                    )
            if status is None or status in GONE_STATUSES:
                granted = None  # a granted role works only for someone still in the group
        else:
            status = await self._directory.status(chat_id, user_id)
        return effective_role(
            telegram_status=status, granted=granted, bootstrap=user_id in self._bootstrap
        )

    async def authorize(self, request: Request, spec: OperatorCommand) -> Authorized | Refusal:
        target = await self._target(request)
        if isinstance(target, Refusal):
            return target
        chat_id, actor, in_private = target
        async with self._session_factory() as session:
            record = await group(session, chat_id)
        if record is None or not record.is_active:
            return Refusal("refused-group-inactive" if in_private else None)
        role = await self._role_of(record, actor, spec)
        if not allows(role, spec):
            return Refusal(
                "refused-role",
                {"required": spec.role.key, "title": _title(record), "command": spec.name},
            )
        return Authorized(chat_id, _title(record), actor, role, in_private)

    async def _target(self, request: Request) -> tuple[int, Actor, bool] | Refusal:
        if isinstance(request, Pressed):
            return request.chat_id, Actor(user_id=request.user_id), request.in_private
        if isinstance(request, FromConsole):
            async with self._session_factory() as session:
                chat_id = await current_group(session, request.user_id)
            if chat_id is None:
                return Refusal("console-no-group")
            return chat_id, Actor(user_id=request.user_id), True
        # A command may arrive before the batch that stores its chat.
        async with self._session_factory() as session, session.begin():
            await ensure_chat(
                session, request.chat_id, request.chat_type, request.title, datetime.now(UTC)
            )
        return request.chat_id, request.actor, False

    async def _role_of(self, record: GroupRecord, actor: Actor, spec: OperatorCommand) -> Role:
        if actor.is_anonymous_admin:
            # Telegram sets sender_chat to the group itself only for its anonymous administrators.
            return Role.ADMINISTRATOR if actor.anonymous_chat_id == record.id else Role.NONE
        assert actor.user_id is not None
        return await self.role(record.id, actor.user_id, live=spec.destructive)


def _title(record: GroupRecord) -> str:
    return record.title or str(record.id)

"""The private console: which groups a person may operate from private chat, and the one their
operator commands act on there (remembered per person, re-checked on every command)."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Protocol

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.db.chat_settings import active_groups, all_active_group_ids, groups_added_by
from bot.db.operators import current_group, groups_with_roles, groups_written_in, select_group
from bot.domain.roles import Role
from bot.services.authority import Authority

CANDIDATE_LIMIT = 50


class AdminGroups(Protocol):
    async def groups_of(self, user_id: int) -> set[int]:
        """Groups whose cached administrators include this person (candidates only)."""
        ...


@dataclass(frozen=True, slots=True)
class Choice:
    chat_id: int
    title: str
    role: Role = Role.ANALYST


@dataclass(frozen=True, slots=True)
class OperatedGroups:
    groups: list[Choice]
    current: int | None  # the group chosen last, if any


class Console:
    def __init__(
        self,
        session_factory: async_sessionmaker[AsyncSession],
        authority: Authority,
        admins: AdminGroups,
        bootstrap: Collection[int],
    ) -> None:
        self._session_factory = session_factory
        self._authority = authority
        self._admins = admins
        self._bootstrap = bootstrap

    async def groups(self, user_id: int) -> OperatedGroups:
        """The active groups where this person holds a role now. Candidates come from storage
        (roles granted, groups they added the bot to or wrote in, groups whose cached
        administrators include them, every group for bootstrap operators); each is then checked
        like any command would be."""
        async with self._session_factory() as session:
            if user_id in self._bootstrap:
                candidates = await all_active_group_ids(session, CANDIDATE_LIMIT)
            else:
                candidates = (
                    await groups_with_roles(session, user_id)
                    | await groups_added_by(session, user_id)
                    | await groups_written_in(session, user_id, CANDIDATE_LIMIT)
                    | await self._admins.groups_of(user_id)
                )
            records = await active_groups(session, candidates)
        roles = {
            record.id: await self._authority.role(record.id, user_id, live=False)
            for record in records
        }
        operated = [
            Choice(record.id, record.title or str(record.id), roles[record.id])
            for record in records
            if roles[record.id] >= Role.ANALYST
        ]
        if not operated:
            return OperatedGroups([], None)
        async with self._session_factory() as session:
            current = await current_group(session, user_id)
        return OperatedGroups(operated, current)

    async def chosen(self, user_id: int) -> int | None:
        """The group this person chose last (data: every command re-checks their role there)."""
        async with self._session_factory() as session:
            return await current_group(session, user_id)

    async def highest_role(self, user_id: int) -> Role:
        """The most this person may do in any group they run: what their own menu shows."""
        operated = await self.groups(user_id)
        return max((choice.role for choice in operated.groups), default=Role.NONE)

    async def choose(self, user_id: int, chat_id: int) -> None:
        async with self._session_factory() as session, session.begin():
            await select_group(session, user_id, chat_id, datetime.now(UTC))

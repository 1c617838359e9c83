"""A group's health: can the bot read and act, what it stored today, what features have running.

Features plug in their own line (open polls, open giveaways, next digest) by registering a
`FeatureProbe` on the `HealthBoard`; until a feature exists its line says "none yet".
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import Protocol
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.db.chat_settings import group
from bot.db.group_health import comments_since, last_comment_at
from bot.domain.roles import TELEGRAM_ADMIN_STATUSES

PLANNED_FEATURES = ("polls", "giveaways", "digest")


class Requirement(StrEnum):
    READ_ALL_MESSAGES = "read-all-messages"
    SEND_MESSAGES = "send-messages"
    # Nothing else: the bot asks only for rights it uses, and it never pins, deletes or bans.


@dataclass(frozen=True, slots=True)
class BotRights:
    """The bot's membership in a group, as Telegram reports it now."""

    status: str
    privacy_off: bool  # getMe.can_read_all_group_messages
    can_send_messages: bool

    @property
    def is_admin(self) -> bool:
        return self.status in TELEGRAM_ADMIN_STATUSES

    @property
    def reads_everything(self) -> bool:
        # An administrator sees every message whatever its privacy mode.
        return self.is_admin or self.privacy_off

    @property
    def reading(self) -> str:
        """How much of the group the bot reads, and why: "administrator", "privacy-off" or
        "limited" (privacy mode on: commands and replies to the bot only)."""
        if self.is_admin:
            return "administrator"
        return "privacy-off" if self.privacy_off else "limited"


def missing_requirements(rights: BotRights) -> list[Requirement]:
    missing = []
    if not rights.reads_everything:
        missing.append(Requirement.READ_ALL_MESSAGES)
    if not rights.can_send_messages:
        missing.append(Requirement.SEND_MESSAGES)
    return missing


@dataclass(frozen=True, slots=True)
class FeatureStatus:
    """One feature's line: how many are open, and/or when the next one runs."""

    feature: str
    count: int | None = None
    next_at: datetime | None = None


FeatureProbe = Callable[[AsyncSession, int, datetime], Awaitable[FeatureStatus]]


@dataclass
class HealthBoard:
    probes: dict[str, FeatureProbe] = field(default_factory=dict)

    def register(self, feature: str, probe: FeatureProbe) -> None:
        self.probes[feature] = probe

    def features(self) -> list[str]:
        extra = [name for name in self.probes if name not in PLANNED_FEATURES]
        return [*PLANNED_FEATURES, *extra]

    async def statuses(
        self, session: AsyncSession, chat_id: int, now: datetime
    ) -> list[FeatureStatus | str]:
        """A status per feature, or the bare feature name when nothing is plugged in yet."""
        result: list[FeatureStatus | str] = []
        for feature in self.features():
            probe = self.probes.get(feature)
            result.append(await probe(session, chat_id, now) if probe else feature)
        return result


def start_of_day(now: datetime, timezone: str) -> datetime:
    """Midnight of `now`'s local day in `timezone`, in UTC."""
    local = now.astimezone(ZoneInfo(timezone))
    return local.replace(hour=0, minute=0, second=0, microsecond=0).astimezone(UTC)


class RightsSource(Protocol):
    async def rights(self, chat_id: int) -> BotRights | None:
        """The bot's membership in the group now, None when Telegram cannot say."""
        ...


@dataclass(frozen=True, slots=True)
class GroupHealth:
    timezone: str  # the group's, else the bot's default
    rights: BotRights | None  # None: the bot cannot reach the group
    missing: list[Requirement]
    comments_today: int
    last_comment_at: datetime | None
    features: list[FeatureStatus | str]


class Health:
    """/status: what the bot may do in a group, what it stored, what each feature runs."""

    def __init__(
        self,
        session_factory: async_sessionmaker[AsyncSession],
        rights: RightsSource,
        default_timezone: str,
    ) -> None:
        self._session_factory = session_factory
        self._rights = rights
        self._default_timezone = default_timezone

    async def of_group(self, chat_id: int, board: HealthBoard) -> GroupHealth:
        now = datetime.now(UTC)
        async with self._session_factory() as session:
            record = await group(session, chat_id)
            timezone = (record.timezone if record else None) or self._default_timezone
            today = await comments_since(session, chat_id, start_of_day(now, timezone))
            last_seen = await last_comment_at(session, chat_id)
            features = await board.statuses(session, chat_id, now)
        rights = await self._rights.rights(chat_id)
        return GroupHealth(
            timezone=timezone,
            rights=rights,
            missing=missing_requirements(rights) if rights is not None else [],
            comments_today=today,
            last_comment_at=last_seen,
            features=features,
        )

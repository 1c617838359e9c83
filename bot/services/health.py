"""A group's health: can the bot read and act, what it stored today, what features have running.

Features plug in their own line (open polls, open giveaways, next digest) by registering a
`FeatureProbe` on the `HealthBoard`; until a feature exists its line says "none yet".
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession

from bot.domain.roles import TELEGRAM_ADMIN_STATUSES

PLANNED_FEATURES = ("polls", "giveaways", "digest")


class Requirement(StrEnum):
    READ_ALL_MESSAGES = "read-all-messages"
    SEND_MESSAGES = "send-messages"
    PIN_MESSAGES = "pin-messages"


@dataclass(frozen=True, slots=True)
class BotRights:
    """The bot's membership in a group, as Telegram reports it now."""

    status: str
    privacy_off: bool  # getMe.can_read_all_group_messages
    can_send_messages: bool
    can_pin_messages: bool

    @property
    def is_admin(self) -> bool:
        return self.status in TELEGRAM_ADMIN_STATUSES

    @property
    def reads_everything(self) -> bool:
        # An administrator sees every message whatever its privacy mode.
        return self.is_admin or self.privacy_off


def missing_requirements(rights: BotRights) -> list[Requirement]:
    missing = []
    if not rights.reads_everything:
        missing.append(Requirement.READ_ALL_MESSAGES)
    if not rights.can_send_messages:
        missing.append(Requirement.SEND_MESSAGES)
    if not rights.can_pin_messages:
        missing.append(Requirement.PIN_MESSAGES)
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

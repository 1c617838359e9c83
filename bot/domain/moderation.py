"""The operators' toolkit, pure: who may act on whom, as Telegram's rights say it right now."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from bot.domain.roles import GONE_STATUSES, TELEGRAM_ADMIN_STATUSES


class Sanction(StrEnum):
    WARN = "warn"
    MUTE = "mute"
    BAN = "ban"
    UNBAN = "unban"


@dataclass(frozen=True, slots=True)
class MemberRights:
    """One person's standing in a group, from getChatMember at the moment of the action."""

    status: str  # creator, administrator, member, restricted, left, kicked
    can_restrict: bool = False

    @property
    def is_staff(self) -> bool:
        return self.status in TELEGRAM_ADMIN_STATUSES

    @property
    def may_restrict(self) -> bool:
        """Telegram lets them mute and ban: the owner always, an administrator with the right."""
        return self.status == "creator" or (self.status == "administrator" and self.can_restrict)

    @property
    def gone(self) -> bool:
        return self.status in GONE_STATUSES


def refusal(
    sanction: Sanction,
    caller: MemberRights | None,
    bot: MemberRights | None,
    target: MemberRights | None,
    *,
    target_is_bot: bool,
) -> str | None:
    """The Fluent key saying why this action may not happen, or None: it may. `caller` None is
    a group's anonymous administrator, whom Telegram vouches for."""
    if target_is_bot:
        return "mod-not-the-bot"
    if caller is not None and not caller.may_restrict:
        return "mod-caller-lacks-right"
    if bot is None or not bot.may_restrict:
        return "mod-bot-lacks-right"
    if target is not None and target.is_staff:
        return "mod-not-an-admin"
    if sanction is Sanction.UNBAN and target is not None and target.status != "kicked":
        return "mod-not-banned"
    return None

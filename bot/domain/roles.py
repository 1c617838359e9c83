"""Who may do what in a group: Telegram's own roles, fanpulse's granted roles, and the rule that
authority comes only from Telegram-controlled identity (ARCHITECTURE section 3)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum

TELEGRAM_ADMIN_STATUSES = frozenset({"creator", "administrator"})
GONE_STATUSES = frozenset({"left", "kicked"})


class Role(IntEnum):
    """Ordered: a role can do everything the roles below it can."""

    NONE = 0
    ANALYST = 1  # read-only: inbox, exports, digests, health
    OPERATOR = 2  # runs the features: polls, giveaways, feedback, settings
    ADMINISTRATOR = 3  # the group's Telegram owner and administrators: also grants roles

    @property
    def key(self) -> str:
        return self.name.lower()


GRANTABLE_ROLES = (Role.OPERATOR, Role.ANALYST)
_ROLE_WORDS = {
    "operator": Role.OPERATOR,
    "op": Role.OPERATOR,
    "运营": Role.OPERATOR,
    "analyst": Role.ANALYST,
    "分析师": Role.ANALYST,
    "分析": Role.ANALYST,
}


def parse_grantable_role(word: str) -> Role | None:
    return _ROLE_WORDS.get(word.strip().lower())


def role_from_key(key: str) -> Role | None:
    try:
        role = Role[key.upper()]
    except KeyError:
        return None
    return role if role in GRANTABLE_ROLES else None


@dataclass(frozen=True, slots=True)
class OperatorCommand:
    """A command (or button) that acts on a group, with the least role it needs.

    destructive: authority is re-checked live with Telegram just before it runs.
    console: it also works from private chat, against the operator's current group.
    """

    name: str
    role: Role
    destructive: bool = False
    console: bool = True


@dataclass(frozen=True, slots=True)
class Actor:
    """Who acts: a person, or a group's anonymous administrator (the group itself)."""

    user_id: int | None
    anonymous_chat_id: int | None = None

    @property
    def is_anonymous_admin(self) -> bool:
        return self.anonymous_chat_id is not None


@dataclass(frozen=True, slots=True)
class Sender:
    """A group message's sender as authority sees it: an actor, or no authority at all."""

    actor: Actor | None


def sender_of(chat_id: int, from_user_id: int | None, sender_chat_id: int | None) -> Sender:
    """A message sent on behalf of a chat carries that chat's authority only when it is the group
    itself (an anonymous administrator); a channel or another group never gets any, whatever its
    placeholder `from` user says."""
    if sender_chat_id is not None:
        if sender_chat_id == chat_id:
            return Sender(Actor(user_id=None, anonymous_chat_id=chat_id))
        return Sender(None)
    if from_user_id is None:
        return Sender(None)
    return Sender(Actor(user_id=from_user_id))


def effective_role(*, telegram_status: str | None, granted: Role | None, bootstrap: bool) -> Role:
    roles = [Role.NONE]
    if telegram_status in TELEGRAM_ADMIN_STATUSES:
        roles.append(Role.ADMINISTRATOR)
    if granted is not None:
        roles.append(granted)
    if bootstrap:
        roles.append(Role.OPERATOR)
    return max(roles)


def allows(role: Role, command: OperatorCommand) -> bool:
    return command.role is not Role.NONE and role >= command.role

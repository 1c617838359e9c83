"""Who a group message belongs to (ARCHITECTURE section 3).

A message with `sender_chat` belongs to that chat, not to the placeholder `from` user that
Telegram fills in: 1087968824 (GroupAnonymousBot) for anonymous admins, 777000 for automatic
forwards from the linked channel, 136817688 (Channel_Bot) for people posting as a channel.
Such messages never count as a fan.
"""

from __future__ import annotations

from enum import StrEnum
from typing import NamedTuple

ANONYMOUS_ADMIN_BOT_ID = 1087968824
LINKED_CHANNEL_SERVICE_ID = 777000
CHANNEL_BOT_ID = 136817688
PLACEHOLDER_SENDER_IDS = frozenset(
    {ANONYMOUS_ADMIN_BOT_ID, LINKED_CHANNEL_SERVICE_ID, CHANNEL_BOT_ID}
)


class AuthorKind(StrEnum):
    FAN = "fan"
    BOT = "bot"
    ANONYMOUS_ADMIN = "anonymous_admin"
    LINKED_CHANNEL = "linked_channel"
    CHANNEL = "channel"
    SERVICE = "service"
    UNKNOWN = "unknown"


class Attribution(NamedTuple):
    kind: AuthorKind
    user_id: int | None
    sender_chat_id: int | None

    @property
    def is_fan(self) -> bool:
        return self.kind is AuthorKind.FAN


def attribute(
    *,
    chat_id: int,
    from_user_id: int | None,
    from_is_bot: bool,
    sender_chat_id: int | None,
    is_automatic_forward: bool,
) -> Attribution:
    if sender_chat_id is not None:
        if sender_chat_id == chat_id:
            return Attribution(AuthorKind.ANONYMOUS_ADMIN, None, sender_chat_id)
        if is_automatic_forward or from_user_id == LINKED_CHANNEL_SERVICE_ID:
            return Attribution(AuthorKind.LINKED_CHANNEL, None, sender_chat_id)
        return Attribution(AuthorKind.CHANNEL, None, sender_chat_id)
    if from_user_id is None:
        return Attribution(AuthorKind.UNKNOWN, None, None)
    if from_user_id in PLACEHOLDER_SENDER_IDS:
        # A placeholder sender without sender_chat: never trust it as a person.
        return Attribution(AuthorKind.SERVICE, None, None)
    if from_is_bot:
        return Attribution(AuthorKind.BOT, from_user_id, None)
    return Attribution(AuthorKind.FAN, from_user_id, None)

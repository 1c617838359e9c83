"""Invite links as the Bot API documents them (createChatInviteLink, editChatInviteLink,
revokeChatInviteLink) and joining a chat through one.

A link belongs to its chat and to the administrator who made it. Telegram shows a link in full
only to its creator: a join through a link someone else made reaches the bot with the second
half of the link replaced by "…", so the bot can never mistake another administrator's link
for its own. A revoked or expired link lets nobody in; a link with `member_limit` lets in that
many; a link with `creates_join_request` turns the join into a join request that carries it.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import Any

from aiogram import types

from bot.emulator.errors import bad_request

NAME_LIMIT = 32
MEMBER_LIMIT = 99_999
LINK_PREFIX = "https://t.me/+"
HIDDEN = "…"


@dataclass
class InviteLinkState:
    invite_link: str
    creator_id: int
    name: str | None = None
    expire_date: int | None = None
    member_limit: int | None = None
    creates_join_request: bool = False
    is_revoked: bool = False
    joined: int = 0  # people who joined through it
    pending: int = 0  # join requests through it not decided yet


def new_link() -> str:
    return LINK_PREFIX + secrets.token_urlsafe(12)


def check_terms(
    name: str | None, member_limit: int | None, creates_join_request: bool | None
) -> None:
    """What createChatInviteLink and editChatInviteLink refuse, in Telegram's words."""
    if name is not None and len(name) > NAME_LIMIT:
        raise bad_request("invite link name is too long")
    if member_limit is not None and not 1 <= member_limit <= MEMBER_LIMIT:
        raise bad_request("MEMBER_LIMIT_INVALID")
    if creates_join_request and member_limit is not None:
        raise bad_request(
            "member limit can't be specified for links requiring administrator approval"
        )


def link_object(
    link: InviteLinkState, creator: types.User, *, seen_by: int
) -> types.ChatInviteLink:
    """The link as `seen_by` may see it: in full only by its creator."""
    shown = link.invite_link
    if seen_by != link.creator_id:
        shown = shown[: len(LINK_PREFIX) + 4] + HIDDEN
    fields: dict[str, Any] = {
        "invite_link": shown,
        "creator": creator,
        "creates_join_request": link.creates_join_request,
        "is_primary": False,
        "is_revoked": link.is_revoked,
        "name": link.name,
        "expire_date": link.expire_date,
        "member_limit": link.member_limit,
    }
    if link.creates_join_request:
        fields["pending_join_request_count"] = link.pending
    return types.ChatInviteLink(**{k: v for k, v in fields.items() if v is not None})


def usable(link: InviteLinkState, at: int) -> None:
    """Refuses a join through a link that no longer lets anyone in."""
    if link.is_revoked or (link.expire_date is not None and link.expire_date <= at):
        raise bad_request("INVITE_HASH_EXPIRED")
    if link.member_limit is not None and link.joined >= link.member_limit:
        raise bad_request("USERS_TOO_MUCH")

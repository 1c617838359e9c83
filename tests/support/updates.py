"""Raw Bot API update JSON for dispatcher-level tests, with increasing ids (reads like a chat)."""

from __future__ import annotations

import itertools
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

GROUP_ANONYMOUS_BOT = {
    "id": 1087968824,
    "is_bot": True,
    "first_name": "Group",
    "username": "GroupAnonymousBot",
}
CHANNEL_BOT = {"id": 136817688, "is_bot": True, "first_name": "Channel", "username": "Channel_Bot"}
TELEGRAM_SERVICE = {"id": 777000, "is_bot": False, "first_name": "Telegram"}

ADMIN_RIGHTS = {
    "can_be_edited": False,
    "is_anonymous": False,
    "can_manage_chat": True,
    "can_delete_messages": True,
    "can_manage_video_chats": False,
    "can_restrict_members": True,
    "can_promote_members": False,
    "can_change_info": True,
    "can_invite_users": True,
    "can_post_stories": False,
    "can_edit_stories": False,
    "can_delete_stories": False,
    "can_send_welcome_messages": False,
    "can_pin_messages": True,
}


def user(user_id: int, first_name: str = "Fan", **extra: Any) -> dict[str, Any]:
    return {"id": user_id, "is_bot": False, "first_name": first_name, **extra}


def group(chat_id: int = -1001000000001, title: str = "Fans") -> dict[str, Any]:
    return {"id": chat_id, "type": "supergroup", "title": title}


def basic_group(chat_id: int = -4001, title: str = "Small fans") -> dict[str, Any]:
    return {"id": chat_id, "type": "group", "title": title}


def channel(chat_id: int = -1002000000001, title: str = "Creator channel") -> dict[str, Any]:
    return {"id": chat_id, "type": "channel", "title": title}


def private(of: dict[str, Any]) -> dict[str, Any]:
    return {"id": of["id"], "type": "private", "first_name": of["first_name"]}


@dataclass
class Updates:
    """Builds updates the way Telegram numbers them: update ids and per-chat message ids grow."""

    next_update_id: int = 1000
    clock: int = field(default_factory=lambda: int(time.time()))
    _message_ids: dict[int, itertools.count[int]] = field(default_factory=dict)

    def _update(self, kind: str, payload: dict[str, Any]) -> dict[str, Any]:
        self.next_update_id += 1
        return {"update_id": self.next_update_id, kind: payload}

    def _message_id(self, chat: dict[str, Any]) -> int:
        return next(self._message_ids.setdefault(chat["id"], itertools.count(1)))

    def message_payload(
        self, chat: dict[str, Any], sender: dict[str, Any] | None, **fields: Any
    ) -> dict[str, Any]:
        payload: dict[str, Any] = {
            "message_id": self._message_id(chat),
            "date": self.clock,
            "chat": chat,
            **fields,
        }
        if sender is not None:
            payload["from"] = sender
        return payload

    def message(
        self, chat: dict[str, Any], sender: dict[str, Any] | None, text: str, **fields: Any
    ) -> dict[str, Any]:
        return self._update("message", self.message_payload(chat, sender, text=text, **fields))

    def raw_message(
        self, chat: dict[str, Any], sender: dict[str, Any] | None, **fields: Any
    ) -> dict[str, Any]:
        return self._update("message", self.message_payload(chat, sender, **fields))

    def command(
        self, chat: dict[str, Any], sender: dict[str, Any], text: str, **fields: Any
    ) -> dict[str, Any]:
        length = len(text.split(maxsplit=1)[0])
        entities = [{"type": "bot_command", "offset": 0, "length": length}]
        return self.message(chat, sender, text, entities=entities, **fields)

    def edit(self, original: dict[str, Any], text: str, *, after: int = 60) -> dict[str, Any]:
        message = dict(original["message"])
        message["text"] = text
        message["edit_date"] = message["date"] + after
        return self._update("edited_message", message)

    def as_anonymous_admin(self, chat: dict[str, Any], text: str) -> dict[str, Any]:
        return self.message(chat, GROUP_ANONYMOUS_BOT, text, sender_chat=chat)

    def as_channel(self, chat: dict[str, Any], via: dict[str, Any], text: str) -> dict[str, Any]:
        return self.message(chat, CHANNEL_BOT, text, sender_chat=via)

    def automatic_forward(
        self, chat: dict[str, Any], linked: dict[str, Any], text: str
    ) -> dict[str, Any]:
        return self.message(
            chat, TELEGRAM_SERVICE, text, sender_chat=linked, is_automatic_forward=True
        )

    def chat_shared(
        self, person: dict[str, Any], request_id: int, chat: dict[str, Any]
    ) -> dict[str, Any]:
        """What a reply keyboard's chat picker sends when `person` picks `chat` in private."""
        shared: dict[str, Any] = {"request_id": request_id, "chat_id": chat["id"]}
        if "title" in chat:
            shared["title"] = chat["title"]
        return self.raw_message(private(person), person, chat_shared=shared)

    def users_shared(
        self, person: dict[str, Any], request_id: int, people: Sequence[dict[str, Any]]
    ) -> dict[str, Any]:
        """What a reply keyboard's people picker sends when `person` picks `people`."""
        users = [
            {
                "user_id": someone["id"],
                "first_name": someone["first_name"],
                **({"username": someone["username"]} if "username" in someone else {}),
            }
            for someone in people
        ]
        return self.raw_message(
            private(person), person, users_shared={"request_id": request_id, "users": users}
        )

    def reaction(
        self,
        chat: dict[str, Any],
        person: dict[str, Any],
        message_id: int,
        new: Sequence[str],
        old: Sequence[str] = (),
    ) -> dict[str, Any]:
        return self._update(
            "message_reaction",
            {
                "chat": chat,
                "message_id": message_id,
                "user": person,
                "date": self.clock,
                "old_reaction": [{"type": "emoji", "emoji": emoji} for emoji in old],
                "new_reaction": [{"type": "emoji", "emoji": emoji} for emoji in new],
            },
        )

    def poll(
        self, poll_id: str, question: str, counts: list[int], voters: int, *, closed: bool = False
    ) -> dict[str, Any]:
        return self._update(
            "poll",
            {
                "id": poll_id,
                "question": question,
                "options": [
                    {"persistent_id": str(i), "text": f"o{i}", "voter_count": count}
                    for i, count in enumerate(counts)
                ],
                "total_voter_count": voters,
                "is_closed": closed,
                "is_anonymous": False,
                "type": "regular",
                "allows_multiple_answers": False,
                "allows_revoting": True,
                "members_only": False,
            },
        )

    def poll_answer(
        self, poll_id: str, voter: dict[str, Any], option_ids: list[int]
    ) -> dict[str, Any]:
        return self._update(
            "poll_answer",
            {
                "poll_id": poll_id,
                "user": voter,
                "option_ids": option_ids,
                "option_persistent_ids": [str(i) for i in option_ids],
            },
        )

    def click(
        self,
        person: dict[str, Any],
        on: dict[str, Any],
        data: str,
    ) -> dict[str, Any]:
        """A press on a button of the bot's message `on` (a message payload)."""
        update = self._update(
            "callback_query",
            {"from": person, "chat_instance": "1", "message": on, "data": data},
        )
        update["callback_query"]["id"] = f"q{update['update_id']}"
        return update


def member_update(
    updates: Updates,
    chat: dict[str, Any],
    *,
    actor: dict[str, Any],
    user: dict[str, Any],
    old: str,
    new: str,
    kind: str = "chat_member",
    new_rights: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """A chat_member (or, for the bot, my_chat_member) update."""

    def member(status: str, rights: dict[str, Any] | None) -> dict[str, Any]:
        body: dict[str, Any] = {"status": status, "user": user}
        if status == "administrator":
            body.update(ADMIN_RIGHTS if rights is None else rights)
        if status == "kicked":
            body["until_date"] = 0
        return body

    return updates._update(
        kind,
        {
            "chat": chat,
            "from": actor,
            "date": updates.clock,
            "old_chat_member": member(old, None),
            "new_chat_member": member(new, new_rights),
        },
    )

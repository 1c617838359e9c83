"""EmulatorClient: the control API from Python, for tests, the demo and benchmarks."""

from __future__ import annotations

import base64
from types import TracebackType
from typing import Any

import aiohttp

Json = dict[str, Any]


class EmulatorControlError(RuntimeError):
    """The control API refused a request (unknown chat, bad arguments ...)."""


class EmulatorClient:
    """`async with EmulatorClient(base_url) as emu: await emu.create_user(...)`."""

    def __init__(self, base_url: str, session: aiohttp.ClientSession | None = None) -> None:
        self.base_url = base_url.rstrip("/")
        self._session = session
        self._owns_session = session is None

    async def __aenter__(self) -> EmulatorClient:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.close()

    async def close(self) -> None:
        if self._owns_session and self._session is not None:
            await self._session.close()
            self._session = None

    async def _call(self, name: str, body: Json | None = None) -> Any:
        if self._session is None:
            self._session = aiohttp.ClientSession()
        payload = {k: v for k, v in (body or {}).items() if v is not None}
        async with self._session.post(f"{self.base_url}/control/{name}", json=payload) as response:
            answer = await response.json()
        if not answer.get("ok"):
            raise EmulatorControlError(str(answer.get("error")))
        return answer["result"]

    # state and records

    async def state(self) -> Json:
        result: Json = await self._call("state")
        return result

    async def reset(self) -> None:
        await self._call("reset")

    async def set_privacy_mode(self, enabled: bool) -> Json:
        """Privacy mode on: in groups the bot sees only commands, replies to it and service
        messages (unless it is an administrator). Returns getMe as the bot now sees it."""
        result: Json = await self._call("privacy", {"can_read_all_group_messages": not enabled})
        return result

    async def calls(self, method: str | None = None, since: int = 0) -> list[Json]:
        result: list[Json] = await self._call("calls", {"method": method, "since": since})
        return result

    async def pending_updates(self) -> list[Json]:
        result: list[Json] = await self._call("updates")
        return result

    async def webhook_attempts(self) -> list[Json]:
        result: list[Json] = await self._call("webhook/attempts")
        return result

    async def messages(self, chat_id: int) -> list[Json]:
        result: list[Json] = await self._call("messages", {"chat_id": chat_id})
        return result

    async def chat(self, chat_id: int) -> Json:
        result: Json = await self._call("chats/get", {"chat_id": chat_id})
        return result

    async def poll(self, poll_id: str) -> Json:
        result: Json = await self._call("polls/get", {"poll_id": poll_id})
        return result

    async def callback_answer(self, callback_query_id: str) -> Json:
        result: Json = await self._call("callbacks/get", {"callback_query_id": callback_query_id})
        return result

    # faults

    async def add_fault(
        self,
        method: str | None = None,
        *,
        count: int = 1,
        status: int | None = None,
        description: str | None = None,
        retry_after: int | None = None,
        drop_connection: bool = False,
        delay: float = 0.0,
    ) -> list[Json]:
        result: list[Json] = await self._call(
            "faults",
            {
                "method": method,
                "count": count,
                "status": status,
                "description": description,
                "retry_after": retry_after,
                "drop_connection": drop_connection,
                "delay": delay,
            },
        )
        return result

    async def clear_faults(self) -> None:
        await self._call("faults", {"clear": True})

    # the world

    async def mint_init_data(
        self,
        user_id: int,
        *,
        group: int | None = None,
        start_param: str | None = None,
        auth_date: int | None = None,
    ) -> str:
        """A Mini App login for `user_id` signed with the bot's token (`Telegram.WebApp.initData`),
        opened on `group` (start_param `g<group>`) or with `start_param`."""
        body = {
            "user_id": user_id,
            "group": group,
            "start_param": start_param,
            "auth_date": auth_date,
        }
        result: Json = await self._call("init_data", body)
        return str(result["init_data"])

    async def menu_button(self, chat_id: int) -> Json:
        """The private chat's menu button as setChatMenuButton left it."""
        result: Json = await self._call("menu_button", {"chat_id": chat_id})
        return result

    async def create_user(
        self,
        first_name: str = "Fan",
        *,
        user_id: int | None = None,
        last_name: str | None = None,
        username: str | None = None,
        language_code: str | None = None,
        is_bot: bool = False,
        started: bool = False,
    ) -> Json:
        result: Json = await self._call(
            "users",
            {
                "id": user_id,
                "first_name": first_name,
                "last_name": last_name,
                "username": username,
                "language_code": language_code,
                "is_bot": is_bot,
                "started": started,
            },
        )
        return result

    async def create_chat(
        self,
        chat_type: str,
        *,
        chat_id: int | None = None,
        title: str | None = None,
        username: str | None = None,
        description: str | None = None,
        owner_id: int | None = None,
        member_ids: list[int] | None = None,
        bot_status: str | None = None,
        bot_rights: dict[str, bool] | None = None,
        linked_chat_id: int | None = None,
    ) -> Json:
        result: Json = await self._call(
            "chats",
            {
                "type": chat_type,
                "id": chat_id,
                "title": title,
                "username": username,
                "description": description,
                "owner_id": owner_id,
                "member_ids": member_ids,
                "bot_status": bot_status,
                "bot_rights": bot_rights,
                "linked_chat_id": linked_chat_id,
            },
        )
        return result

    async def link_discussion(self, channel_id: int, chat_id: int) -> None:
        await self._call("chats/link", {"channel_id": channel_id, "chat_id": chat_id})

    async def set_member(
        self,
        chat_id: int,
        user_id: int,
        status: str,
        *,
        rights: dict[str, bool] | None = None,
        actor_id: int | None = None,
        until_date: int = 0,
        emit: bool = True,
    ) -> Json:
        """Change a membership; with emit, returns the chat_member / my_chat_member update."""
        result: Json = await self._call(
            "members",
            {
                "chat_id": chat_id,
                "user_id": user_id,
                "status": status,
                "rights": rights,
                "actor_id": actor_id,
                "until_date": until_date,
                "emit": emit,
            },
        )
        return result

    async def set_bot_membership(
        self,
        chat_id: int,
        status: str,
        *,
        rights: dict[str, bool] | None = None,
        actor_id: int | None = None,
        emit: bool = True,
    ) -> Json:
        """The bot's own status and rights in a chat (my_chat_member when emitted)."""
        state = await self.state()
        return await self.set_member(
            chat_id, int(state["bot"]["id"]), status, rights=rights, actor_id=actor_id, emit=emit
        )

    # injected updates: each returns the update (with update_id only if it was queued)

    async def send_text(
        self,
        chat_id: int,
        user_id: int | None,
        text: str,
        *,
        reply_to_message_id: int | None = None,
        entities: list[Json] | None = None,
        sender: str = "user",
        sender_chat_id: int | None = None,
    ) -> Json:
        return await self.inject_message(
            chat_id,
            user_id,
            text=text,
            reply_to_message_id=reply_to_message_id,
            entities=entities,
            sender=sender,
            sender_chat_id=sender_chat_id,
        )

    async def inject_message(
        self,
        chat_id: int,
        user_id: int | None = None,
        *,
        text: str | None = None,
        entities: list[Json] | None = None,
        caption: str | None = None,
        photo: bytes | None = None,
        document: bytes | None = None,
        file_name: str | None = None,
        mime_type: str | None = None,
        video: bytes | None = None,
        reply_to_message_id: int | None = None,
        sender: str = "user",
        sender_chat_id: int | None = None,
    ) -> Json:
        """sender: user | anonymous_admin | channel | automatic_forward."""
        result: Json = await self._call(
            "inject/message",
            {
                "chat_id": chat_id,
                "user_id": user_id,
                "text": text,
                "entities": entities,
                "caption": caption,
                "photo": _b64(photo),
                "document": _b64(document),
                "file_name": file_name,
                "mime_type": mime_type,
                "video": _b64(video),
                "reply_to_message_id": reply_to_message_id,
                "sender": sender,
                "sender_chat_id": sender_chat_id,
            },
        )
        return result

    async def send_command(
        self, chat_id: int, user_id: int, command: str, args: str = "", *, mention: bool = False
    ) -> Json:
        result: Json = await self._call(
            "inject/command",
            {
                "chat_id": chat_id,
                "user_id": user_id,
                "command": command,
                "args": args,
                "mention": mention,
            },
        )
        return result

    async def edit_message(
        self, chat_id: int, message_id: int, text: str | None = None, caption: str | None = None
    ) -> Json:
        result: Json = await self._call(
            "inject/edit",
            {"chat_id": chat_id, "message_id": message_id, "text": text, "caption": caption},
        )
        return result

    async def add_members(
        self, chat_id: int, user_ids: list[int], actor_id: int | None = None
    ) -> list[Json]:
        """new_chat_members (preceded by my_chat_member when the bot is among them)."""
        result: list[Json] = await self._call(
            "inject/new_members", {"chat_id": chat_id, "user_ids": user_ids, "actor_id": actor_id}
        )
        return result

    async def remove_member(self, chat_id: int, user_id: int, actor_id: int | None = None) -> Json:
        result: Json = await self._call(
            "inject/left_member", {"chat_id": chat_id, "user_id": user_id, "actor_id": actor_id}
        )
        return result

    async def join(self, chat_id: int, user_id: int, actor_id: int | None = None) -> Json:
        """A chat_member join update (the person becomes a member)."""
        result: Json = await self._call(
            "inject/join", {"chat_id": chat_id, "user_id": user_id, "actor_id": actor_id}
        )
        return result

    async def leave(self, chat_id: int, user_id: int, actor_id: int | None = None) -> Json:
        result: Json = await self._call(
            "inject/leave", {"chat_id": chat_id, "user_id": user_id, "actor_id": actor_id}
        )
        return result

    async def join_by_link(self, chat_id: int, user_id: int, invite_link: str) -> Json:
        """The person opens an invite link: a chat_member join carrying it (a join request
        when the link needs approval)."""
        result: Json = await self._call(
            "inject/join_by_link",
            {"chat_id": chat_id, "user_id": user_id, "invite_link": invite_link},
        )
        return result

    async def create_invite_link(
        self, chat_id: int, creator_id: int, name: str | None = None
    ) -> str:
        """An administrator's own invite link (not the bot's); its full URL."""
        result: str = await self._call(
            "invite_links", {"chat_id": chat_id, "creator_id": creator_id, "name": name}
        )
        return result

    async def invite_links(self, chat_id: int) -> list[Json]:
        """The chat's invite links as the bot sees them, each with `joined`."""
        result: list[Json] = await self._call("invite_links/get", {"chat_id": chat_id})
        return result

    async def request_to_join(self, chat_id: int, user_id: int) -> Json:
        """A chat_join_request update; the request waits for approve or decline."""
        result: Json = await self._call(
            "inject/chat_join_request", {"chat_id": chat_id, "user_id": user_id}
        )
        return result

    async def set_title(self, chat_id: int, title: str, actor_id: int | None = None) -> Json:
        result: Json = await self._call(
            "inject/new_title", {"chat_id": chat_id, "title": title, "actor_id": actor_id}
        )
        return result

    async def pin_message(self, chat_id: int, message_id: int, actor_id: int | None = None) -> Json:
        result: Json = await self._call(
            "inject/pin", {"chat_id": chat_id, "message_id": message_id, "actor_id": actor_id}
        )
        return result

    async def share_chat(self, user_id: int, request_id: int, chat_id: int) -> Json:
        """What a reply keyboard's chat picker sends when the person picks `chat_id`."""
        result: Json = await self._call(
            "inject/chat_shared",
            {"user_id": user_id, "request_id": request_id, "chat_id": chat_id},
        )
        return result

    async def share_users(self, user_id: int, request_id: int, user_ids: list[int]) -> Json:
        """What a reply keyboard's people picker sends when the person picks `user_ids`."""
        result: Json = await self._call(
            "inject/users_shared",
            {"user_id": user_id, "request_id": request_id, "user_ids": user_ids},
        )
        return result

    async def click(self, chat_id: int, message_id: int, user_id: int, data: str) -> Json:
        """A callback_query from an inline button on a message the bot sent."""
        result: Json = await self._call(
            "inject/callback_query",
            {"chat_id": chat_id, "message_id": message_id, "user_id": user_id, "data": data},
        )
        return result

    async def vote(self, poll_id: str, user_id: int, option_ids: list[int]) -> list[Json]:
        """[poll_answer, poll] for public polls, [poll] for anonymous ones; [] retracts."""
        result: list[Json] = await self._call(
            "inject/poll_answer",
            {"poll_id": poll_id, "user_id": user_id, "option_ids": option_ids},
        )
        return result

    async def migrate_group(
        self, chat_id: int, actor_id: int, new_chat_id: int | None = None
    ) -> Json:
        """{"chat": the new supergroup, "updates": [migrate_to message, migrate_from message]}."""
        result: Json = await self._call(
            "inject/migrate",
            {"chat_id": chat_id, "actor_id": actor_id, "new_chat_id": new_chat_id},
        )
        return result

    async def block_bot(self, user_id: int, blocked: bool = True) -> Json:
        result: Json = await self._call("inject/block", {"user_id": user_id, "blocked": blocked})
        return result

    async def kick_bot(self, chat_id: int, actor_id: int) -> Json:
        return await self.set_bot_membership(chat_id, "kicked", actor_id=actor_id)

    async def inject_raw(self, update: Json) -> Json:
        result: Json = await self._call("inject/raw", {"update": update})
        return result


def _b64(content: bytes | None) -> str | None:
    return base64.b64encode(content).decode() if content is not None else None

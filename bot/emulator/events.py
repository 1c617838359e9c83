"""What fans, admins and Telegram itself do: each action changes the world and queues an update."""

from __future__ import annotations

import itertools
from typing import Any

from aiogram import types

from bot.emulator.entities import detect_entities
from bot.emulator.errors import bad_request
from bot.emulator.invite_links import InviteLinkState, link_object, usable
from bot.emulator.media import store_document, store_photo, store_video
from bot.emulator.updates import UpdateQueue
from bot.emulator.world import (
    CHANNEL_BOT_ID,
    GROUP_ANONYMOUS_BOT_ID,
    TELEGRAM_SERVICE_ID,
    ChatState,
    Member,
    World,
    dump,
    now,
)

SENDERS = ("user", "anonymous_admin", "channel", "automatic_forward")
Update = dict[str, Any]


def chat_instance(chat_id: int) -> str:
    return str((abs(chat_id) * 2_654_435_761) % 10**19)


class Events:
    def __init__(self, world: World, queue: UpdateQueue) -> None:
        self.world = world
        self.queue = queue
        self._query_ids = itertools.count(4_382_000_000_000_000_001)

    async def _emit(self, kind: str, payload: dict[str, Any], visible: bool = True) -> Update:
        """The update; it carries an update_id only when Telegram would deliver it to the bot."""
        if visible:
            queued = await self.queue.push(kind, payload)
            if queued is not None:
                return queued
        return {kind: payload}

    # messages

    async def message(
        self,
        chat_id: int,
        user_id: int | None = None,
        *,
        text: str | None = None,
        entities: list[dict[str, Any]] | None = None,
        caption: str | None = None,
        photo: bytes | None = None,
        document: bytes | None = None,
        file_name: str = "file.bin",
        mime_type: str | None = None,
        video: bytes | None = None,
        reply_to_message_id: int | None = None,
        sender: str = "user",
        sender_chat_id: int | None = None,
    ) -> Update:
        chat = self.world.chat(chat_id)
        fields = self._sender_fields(chat, user_id, sender, sender_chat_id)
        if text is not None:
            fields["text"] = text
            fields["entities"] = entities if entities is not None else detect_entities(text, [])
        fields.update(self._media_fields(photo, document, file_name, mime_type, video))
        if caption is not None:
            fields["caption"] = caption
            fields["caption_entities"] = detect_entities(caption, [])
        if reply_to_message_id is not None:
            fields["reply_to_message"] = self._quoted(chat, reply_to_message_id)
        if not any(k in fields for k in ("text", "photo", "document", "video")):
            raise bad_request("an injected message needs text, photo, document or video")
        return await self._post(chat, _without_empty(fields))

    async def command(
        self, chat_id: int, user_id: int, command: str, args: str = "", mention: bool = False
    ) -> Update:
        name = command.lstrip("/")
        head = f"/{name}@{self.world.bot_username}" if mention else f"/{name}"
        text = f"{head} {args}".strip()
        entities = [{"type": "bot_command", "offset": 0, "length": len(head)}]
        return await self.message(chat_id, user_id, text=text, entities=entities)

    async def edit(
        self, chat_id: int, message_id: int, text: str | None = None, caption: str | None = None
    ) -> Update:
        chat = self.world.chat(chat_id)
        original = self.world.message(chat, message_id)
        if original is None:
            raise bad_request("message to edit not found")
        changes: dict[str, Any] = {"message_id": message_id, "edit_date": now()}
        if text is not None:
            changes.update(text=text, entities=detect_entities(text, []) or None)
        if caption is not None:
            changes.update(caption=caption, caption_entities=detect_entities(caption, []) or None)
        edited = self.world.replace_message(chat, changes)
        kind = "edited_channel_post" if chat.type == "channel" else "edited_message"
        return await self._emit(kind, dump(edited), self._visible(chat, edited))

    def _sender_fields(
        self, chat: ChatState, user_id: int | None, sender: str, sender_chat_id: int | None
    ) -> dict[str, Any]:
        if sender not in SENDERS:
            raise bad_request(f"sender must be one of {', '.join(SENDERS)}")
        if chat.type == "channel":
            return {"sender_chat": dump(self.world.chat_object(chat))}
        if sender == "anonymous_admin":
            return {
                "from": dump(self.world.user(GROUP_ANONYMOUS_BOT_ID)),
                "sender_chat": dump(self.world.chat_object(chat)),
            }
        if sender in ("channel", "automatic_forward"):
            channel = self.world.chat(sender_chat_id or chat.linked_chat_id or 0)
            fields: dict[str, Any] = {"sender_chat": dump(self.world.chat_object(channel))}
            if sender == "channel":
                fields["from"] = dump(self.world.user(CHANNEL_BOT_ID))
                return fields
            fields["from"] = dump(self.world.user(TELEGRAM_SERVICE_ID))
            fields["is_automatic_forward"] = True
            fields["forward_origin"] = {
                "type": "channel",
                "chat": dump(self.world.chat_object(channel)),
                "message_id": channel.next_message_id,
                "date": now(),
            }
            return fields
        if user_id is None:
            raise bad_request("user_id is required for a message from a user")
        user = self.world.user(user_id)
        self._join_if_needed(chat, user_id)
        return {"from": dump(user)}

    def _join_if_needed(self, chat: ChatState, user_id: int) -> None:
        if chat.type == "private":
            if chat.id != user_id:
                raise bad_request("a private chat's messages come from its user")
            if chat.bot_member.status == "kicked":
                raise bad_request("the user has blocked the bot; unblock it first")
            chat.bot_started = True
            return
        member = self.world.member(chat, user_id)
        if member.status == "kicked":
            raise bad_request("the user is banned in this chat")
        if not member.present:
            chat.members[user_id] = Member("member")

    def _media_fields(
        self,
        photo: bytes | None,
        document: bytes | None,
        file_name: str,
        mime_type: str | None,
        video: bytes | None,
    ) -> dict[str, Any]:
        if photo is not None:
            return {"photo": store_photo(self.world, photo)}
        if document is not None:
            return {"document": store_document(self.world, document, file_name, mime_type)}
        if video is not None:
            return {"video": store_video(self.world, video)}
        return {}

    def _quoted(self, chat: ChatState, message_id: int) -> dict[str, Any]:
        original = self.world.message(chat, message_id)
        if original is None:
            raise bad_request("message to be replied not found")
        quoted = dump(original)
        quoted.pop("reply_to_message", None)
        return quoted

    async def _post(self, chat: ChatState, fields: dict[str, Any]) -> Update:
        message = self.world.new_message(chat, fields)
        kind = "channel_post" if chat.type == "channel" else "message"
        return await self._emit(kind, dump(message), self._visible(chat, message))

    def _visible(self, chat: ChatState, message: types.Message) -> bool:
        """Whether Telegram hands this message to the bot (membership and privacy mode)."""
        bot = chat.bot_member
        if chat.type == "private":
            return bot.status != "kicked"
        if not bot.present or chat.migrated_to is not None:
            return False
        if chat.type == "channel" or self.world.can_read_all_group_messages:
            return True
        if bot.status in ("creator", "administrator"):
            return True
        return self._privacy_allows(message)

    def _privacy_allows(self, message: types.Message) -> bool:
        if message.text is None and message.caption is None:
            return True  # service messages and bare media
        text = message.text or message.caption or ""
        if text.startswith("/"):
            head = text.split(maxsplit=1)[0]
            target = head.partition("@")[2]
            return not target or target.lower() == self.world.bot_username.lower()
        replied = message.reply_to_message
        return replied is not None and self.world.sent_by_bot(replied)

    # service messages

    async def service(self, chat_id: int, actor_id: int | None, fields: dict[str, Any]) -> Update:
        chat = self.world.chat(chat_id)
        sender = (
            {"from": dump(self.world.user(actor_id))}
            if actor_id is not None
            else {
                "from": dump(self.world.user(GROUP_ANONYMOUS_BOT_ID)),
                "sender_chat": dump(self.world.chat_object(chat)),
            }
        )
        if chat.type == "channel":
            sender = {"sender_chat": dump(self.world.chat_object(chat))}
        return await self._post(chat, {**sender, **fields})

    async def new_members(
        self, chat_id: int, user_ids: list[int], actor_id: int | None = None
    ) -> list[Update]:
        chat = self.world.chat(chat_id)
        updates: list[Update] = []
        for user_id in user_ids:
            if user_id == self.world.bot_id:
                updates.append(await self.set_member(chat_id, user_id, "member", actor_id=actor_id))
            else:
                self.world.set_member(chat, user_id, Member("member"))
        members = [dump(self.world.user(user_id)) for user_id in user_ids]
        actor = actor_id if actor_id is not None else user_ids[0]
        updates.append(await self.service(chat_id, actor, {"new_chat_members": members}))
        return updates

    async def left_member(self, chat_id: int, user_id: int, actor_id: int | None = None) -> Update:
        chat = self.world.chat(chat_id)
        self.world.set_member(chat, user_id, Member("left"))
        actor = actor_id if actor_id is not None else user_id
        return await self.service(
            chat_id, actor, {"left_chat_member": dump(self.world.user(user_id))}
        )

    async def new_title(self, chat_id: int, title: str, actor_id: int | None = None) -> Update:
        chat = self.world.chat(chat_id)
        chat.title = title
        return await self.service(chat_id, actor_id, {"new_chat_title": title})

    async def pin(self, chat_id: int, message_id: int, actor_id: int | None = None) -> Update:
        chat = self.world.chat(chat_id)
        return await self.service(
            chat_id, actor_id, {"pinned_message": self._quoted(chat, message_id)}
        )

    # what Telegram's pickers send back (KeyboardButtonRequestChat, KeyboardButtonRequestUsers)

    async def chat_shared(self, user_id: int, request_id: int, chat_id: int) -> Update:
        """`user_id` picked `chat_id` with a chat picker of the bot's, in their private chat."""
        picked = self.world.chat(chat_id)
        shared: dict[str, Any] = {"request_id": request_id, "chat_id": picked.id}
        if picked.title is not None:
            shared["title"] = picked.title
        if picked.username is not None:
            shared["username"] = picked.username
        person = dump(self.world.user(user_id))
        return await self._post(self.world.chat(user_id), {"from": person, "chat_shared": shared})

    async def users_shared(self, user_id: int, request_id: int, user_ids: list[int]) -> Update:
        """`user_id` picked people with a people picker of the bot's (they need not know the
        bot, nor have written anywhere)."""
        users = [
            _without_empty(
                {
                    "user_id": picked.id,
                    "first_name": picked.first_name,
                    "last_name": picked.last_name,
                    "username": picked.username,
                }
            )
            for picked in (self.world.user(someone) for someone in user_ids)
        ]
        shared = {"request_id": request_id, "users": users}
        person = dump(self.world.user(user_id))
        return await self._post(self.world.chat(user_id), {"from": person, "users_shared": shared})

    # members

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
        invite_link: InviteLinkState | None = None,
        via_join_request: bool = False,
    ) -> Update:
        """Change a membership; emits chat_member, or my_chat_member when it is the bot's. A
        join through `invite_link` carries it, as the bot may see it."""
        chat = self.world.chat(chat_id)
        new = Member(status, dict(rights or {}), until_date)
        old = self.world.set_member(chat, user_id, new)
        if not emit:
            return {}
        actor = self.world.user(actor_id if actor_id is not None else user_id)
        payload = {
            "chat": dump(self.world.chat_object(chat)),
            "from": dump(actor),
            "date": now(),
            "old_chat_member": dump(self.world.member_object(chat, user_id, old)),
            "new_chat_member": dump(self.world.member_object(chat, user_id, new)),
        }
        if invite_link is not None:
            payload["invite_link"] = dump(self.invite_link_object(invite_link))
        if via_join_request:
            payload["via_join_request"] = True
        if user_id == self.world.bot_id:
            return await self._emit("my_chat_member", payload)
        return await self._emit("chat_member", payload, chat.bot_member.status == "administrator")

    async def join_request(
        self, chat_id: int, user_id: int, invite_link: InviteLinkState | None = None
    ) -> Update:
        """Someone asks to join: the bot, an administrator with can_invite_users, decides."""
        chat = self.world.chat(chat_id)
        chat.join_requests.add(user_id)
        payload = {
            "chat": dump(self.world.chat_object(chat)),
            "from": dump(self.world.user(user_id)),
            "user_chat_id": user_id,
            "date": now(),
        }
        if invite_link is not None:
            chat.request_links[user_id] = invite_link.invite_link
            invite_link.pending += 1
            payload["invite_link"] = dump(self.invite_link_object(invite_link))
        return await self._emit(
            "chat_join_request", payload, chat.bot_member.status == "administrator"
        )

    async def join_by_link(self, chat_id: int, user_id: int, invite_link: str) -> Update:
        """Someone opens an invite link: they join (chat_member carrying the link), or ask to
        when the link needs an administrator's approval."""
        chat = self.world.chat(chat_id)
        link = chat.invite_links.get(invite_link)
        if link is None:
            raise bad_request("INVITE_HASH_INVALID")
        usable(link, now())
        if self.world.member(chat, user_id).present:
            raise bad_request("USER_ALREADY_PARTICIPANT")
        if link.creates_join_request:
            return await self.join_request(chat.id, user_id, link)
        link.joined += 1
        return await self.set_member(chat.id, user_id, "member", invite_link=link)

    def invite_link_object(self, link: InviteLinkState) -> types.ChatInviteLink:
        """A link as the bot sees it in an update."""
        return link_object(link, self.world.user(link.creator_id), seen_by=self.world.bot_id)

    async def block(self, user_id: int, blocked: bool = True) -> Update:
        chat = self.world.chat(user_id)
        if not blocked:
            chat.bot_started = True
        status = "kicked" if blocked else "member"
        return await self.set_member(user_id, self.world.bot_id, status, actor_id=user_id)

    # interactions

    async def callback_query(
        self, chat_id: int, message_id: int, user_id: int, data: str
    ) -> Update:
        chat = self.world.chat(chat_id)
        message = self.world.message(chat, message_id)
        if message is None or not self.world.sent_by_bot(message):
            raise bad_request("callback queries come from messages the bot sent")
        if message.reply_markup is None:
            raise bad_request("the message has no inline keyboard")
        query = types.CallbackQuery(
            id=str(next(self._query_ids)),
            from_user=self.world.user(user_id),
            message=message,
            chat_instance=chat_instance(chat.id),
            data=data,
        )
        self.world.register_callback(query)
        return await self._emit("callback_query", dump(query))

    async def poll_answer(self, poll_id: str, user_id: int, option_ids: list[int]) -> list[Update]:
        """A vote (an empty list retracts it): poll_answer for public polls, then the poll."""
        state = self.world.vote(poll_id, user_id, option_ids)
        updates: list[Update] = []
        if not state.poll.is_anonymous:
            answer = {
                "poll_id": poll_id,
                "user": dump(self.world.user(user_id)),
                "option_ids": option_ids,
                "option_persistent_ids": [state.poll.options[i].persistent_id for i in option_ids],
            }
            updates.append(await self._emit("poll_answer", answer))
        updates.append(await self._emit("poll", dump(state.poll)))
        return updates

    async def migrate(
        self, chat_id: int, actor_id: int, new_chat_id: int | None = None
    ) -> tuple[ChatState, list[Update]]:
        """Upgrade a basic group: both chats get a service message, the old id stops working."""
        old = self.world.chat(chat_id)
        if old.type != "group" or old.migrated_to is not None:
            raise bad_request("only a basic group that was not upgraded yet can migrate")
        new = self.world.add_chat(
            chat_type="supergroup",
            chat_id=new_chat_id,
            title=old.title,
            bot_status=old.bot_member.status,
            bot_rights=old.bot_member.rights,
        )
        new.members = {uid: Member(m.status, dict(m.rights)) for uid, m in old.members.items()}
        new.migrated_from = old.id
        # The group's invite links keep working: they lead to the supergroup now.
        new.invite_links = old.invite_links
        old.invite_links = {}
        updates = [
            await self.service(old.id, actor_id, {"migrate_to_chat_id": new.id}),
            await self.service(new.id, actor_id, {"migrate_from_chat_id": old.id}),
        ]
        old.migrated_to = new.id
        return new, updates


def _without_empty(fields: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in fields.items() if value not in (None, [])}

"""The control API under /control/: build the world, inject updates, read what the bot did."""

from __future__ import annotations

import base64
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from aiohttp import web

from bot.emulator.errors import TelegramError, bad_request
from bot.emulator.faults import Fault
from bot.emulator.init_data import mint_init_data
from bot.emulator.invite_links import InviteLinkState, new_link
from bot.emulator.world import Member, dump

if TYPE_CHECKING:
    from bot.emulator.server import Emulator

Body = dict[str, Any]
Route = Callable[["Emulator", Body], Awaitable[Any]]
ROUTES: dict[str, Route] = {}
EMULATOR_KEY: web.AppKey[Emulator] = web.AppKey("emulator")


def route(name: str) -> Callable[[Route], Route]:
    def register(function: Route) -> Route:
        ROUTES[name] = function
        return function

    return register


def setup(app: web.Application) -> None:
    app.router.add_route("*", "/control/{name:.+}", _handle)


async def _handle(request: web.Request) -> web.Response:
    emulator = request.app[EMULATOR_KEY]
    name = request.match_info["name"]
    function = ROUTES.get(name)
    if function is None:
        return web.json_response(
            {"ok": False, "error": f"unknown control route {name}"}, status=404
        )
    body: Body = dict(request.query)
    if request.can_read_body:
        try:
            payload = await request.json()
        except ValueError:
            return web.json_response({"ok": False, "error": "JSON body expected"}, status=400)
        body.update(payload or {})
    try:
        result = await function(emulator, body)
    except TelegramError as error:
        return web.json_response({"ok": False, "error": error.description}, status=400)
    except (KeyError, TypeError, ValueError) as error:
        return web.json_response(
            {"ok": False, "error": f"bad control request: {error}"}, status=400
        )
    return web.json_response({"ok": True, "result": result})


def _bytes(body: Body, key: str) -> bytes | None:
    value = body.get(key)
    return base64.b64decode(value) if isinstance(value, str) else None


def _int_or_none(value: Any) -> int | None:
    return None if value is None else int(value)


# state


@route("state")
async def state(emulator: Emulator, body: Body) -> Any:
    return {
        "bot": dump(emulator.world.me()),
        **emulator.queue.snapshot(),
        "webhook": emulator.webhook.info(),
        "call_count": len(emulator.calls.calls),
    }


@route("reset")
async def reset(emulator: Emulator, body: Body) -> Any:
    await emulator.reset()
    return True


@route("privacy")
async def privacy(emulator: Emulator, body: Body) -> Any:
    emulator.world.can_read_all_group_messages = bool(body["can_read_all_group_messages"])
    return dump(emulator.world.me())


@route("calls")
async def calls(emulator: Emulator, body: Body) -> Any:
    selected = emulator.calls.select(body.get("method"), int(body.get("since", 0)))
    return [call.as_dict() for call in selected]


@route("updates")
async def updates(emulator: Emulator, body: Body) -> Any:
    return list(emulator.queue.pending)


@route("webhook/attempts")
async def webhook_attempts(emulator: Emulator, body: Body) -> Any:
    return [attempt.as_dict() for attempt in emulator.webhook.attempts]


@route("faults")
async def faults(emulator: Emulator, body: Body) -> Any:
    if body.get("clear"):
        emulator.faults.clear()
        return []
    fault = Fault(
        method=body.get("method"),
        count=int(body.get("count", 1)),
        status=_int_or_none(body.get("status")),
        description=body.get("description"),
        retry_after=_int_or_none(body.get("retry_after")),
        drop_connection=bool(body.get("drop_connection", False)),
        delay=float(body.get("delay", 0.0)),
    )
    emulator.faults.add(fault)
    return [rule.as_dict() for rule in emulator.faults.rules]


# the world


@route("users")
async def users(emulator: Emulator, body: Body) -> Any:
    user = emulator.world.add_user(
        user_id=_int_or_none(body.get("id")),
        first_name=body.get("first_name", "Fan"),
        last_name=body.get("last_name"),
        username=body.get("username"),
        language_code=body.get("language_code"),
        is_bot=bool(body.get("is_bot", False)),
        is_premium=body.get("is_premium"),
    )
    if body.get("started"):
        emulator.world.chats[user.id].bot_started = True
    return dump(user)


@route("chats")
async def chats(emulator: Emulator, body: Body) -> Any:
    world = emulator.world
    chat = world.add_chat(
        chat_type=body["type"],
        chat_id=_int_or_none(body.get("id")),
        title=body.get("title"),
        username=body.get("username"),
        description=body.get("description"),
        bot_status=body.get("bot_status"),
        bot_rights=body.get("bot_rights"),
    )
    if (owner := body.get("owner_id")) is not None:
        world.set_member(chat, int(owner), Member("creator"))
    for user_id in body.get("member_ids", []):
        world.set_member(chat, int(user_id), Member("member"))
    if (linked := body.get("linked_chat_id")) is not None:
        _link(emulator, chat.id, int(linked))
    return dump(world.chat_object(chat))


def _link(emulator: Emulator, first: int, second: int) -> None:
    one, other = emulator.world.chat(first), emulator.world.chat(second)
    kinds = {one.type, other.type}
    if kinds != {"channel", "supergroup"}:
        raise bad_request("a discussion link joins a channel and a supergroup")
    one.linked_chat_id, other.linked_chat_id = other.id, one.id


@route("chats/link")
async def link(emulator: Emulator, body: Body) -> Any:
    _link(emulator, int(body["channel_id"]), int(body["chat_id"]))
    return True


@route("chats/get")
async def chat_info(emulator: Emulator, body: Body) -> Any:
    chat = emulator.world.chat(int(body["chat_id"]))
    return {
        **dump(emulator.world.chat_full_info(chat)),
        "migrated_to": chat.migrated_to,
        "bot_status": chat.bot_member.status,
        "members": {str(uid): member.status for uid, member in chat.members.items()},
        "bot_reactions": {str(mid): emoji for mid, emoji in chat.reactions.items()},
    }


@route("messages")
async def messages(emulator: Emulator, body: Body) -> Any:
    chat = emulator.world.chat(int(body["chat_id"]))
    return [dump(message) for message in chat.messages.values()]


@route("polls/get")
async def poll(emulator: Emulator, body: Body) -> Any:
    found = emulator.world.polls.get(str(body["poll_id"]))
    if found is None:
        raise bad_request("poll not found")
    return {"poll": dump(found.poll), "chat_id": found.chat_id, "message_id": found.message_id}


@route("callbacks/get")
async def callback(emulator: Emulator, body: Body) -> Any:
    found = emulator.world.callbacks.get(str(body["callback_query_id"]))
    if found is None:
        raise bad_request("callback query not found")
    return {"answered": found.answered, "answer": found.answer}


@route("members")
async def members(emulator: Emulator, body: Body) -> Any:
    return await emulator.events.set_member(
        int(body["chat_id"]),
        int(body.get("user_id", emulator.world.bot_id)),
        body["status"],
        rights=body.get("rights"),
        actor_id=_int_or_none(body.get("actor_id")),
        until_date=int(body.get("until_date", 0)),
        emit=bool(body.get("emit", True)),
    )


# injected updates


@route("inject/message")
async def inject_message(emulator: Emulator, body: Body) -> Any:
    return await emulator.events.message(
        int(body["chat_id"]),
        _int_or_none(body.get("user_id")),
        text=body.get("text"),
        entities=body.get("entities"),
        caption=body.get("caption"),
        photo=_bytes(body, "photo"),
        document=_bytes(body, "document"),
        file_name=body.get("file_name", "file.bin"),
        mime_type=body.get("mime_type"),
        video=_bytes(body, "video"),
        reply_to_message_id=_int_or_none(body.get("reply_to_message_id")),
        sender=body.get("sender", "user"),
        sender_chat_id=_int_or_none(body.get("sender_chat_id")),
    )


@route("inject/command")
async def inject_command(emulator: Emulator, body: Body) -> Any:
    return await emulator.events.command(
        int(body["chat_id"]),
        int(body["user_id"]),
        body["command"],
        body.get("args", ""),
        mention=bool(body.get("mention", False)),
    )


@route("inject/edit")
async def inject_edit(emulator: Emulator, body: Body) -> Any:
    return await emulator.events.edit(
        int(body["chat_id"]), int(body["message_id"]), body.get("text"), body.get("caption")
    )


@route("inject/new_members")
async def inject_new_members(emulator: Emulator, body: Body) -> Any:
    return await emulator.events.new_members(
        int(body["chat_id"]),
        [int(uid) for uid in body["user_ids"]],
        _int_or_none(body.get("actor_id")),
    )


@route("inject/left_member")
async def inject_left_member(emulator: Emulator, body: Body) -> Any:
    return await emulator.events.left_member(
        int(body["chat_id"]), int(body["user_id"]), _int_or_none(body.get("actor_id"))
    )


@route("inject/join")
async def inject_join(emulator: Emulator, body: Body) -> Any:
    """A chat_member join (left -> member), as Telegram sends it to an administrator bot."""
    return await emulator.events.set_member(
        int(body["chat_id"]),
        int(body["user_id"]),
        "member",
        actor_id=_int_or_none(body.get("actor_id")),
    )


@route("inject/leave")
async def inject_leave(emulator: Emulator, body: Body) -> Any:
    return await emulator.events.set_member(
        int(body["chat_id"]),
        int(body["user_id"]),
        "left",
        actor_id=_int_or_none(body.get("actor_id")),
    )


@route("inject/join_by_link")
async def inject_join_by_link(emulator: Emulator, body: Body) -> Any:
    """Someone joins through an invite link: chat_member carries the link (or, for a link that
    needs approval, chat_join_request does)."""
    return await emulator.events.join_by_link(
        int(body["chat_id"]), int(body["user_id"]), str(body["invite_link"])
    )


@route("invite_links")
async def invite_links(emulator: Emulator, body: Body) -> Any:
    """An administrator (not the bot) makes an invite link; answers its full URL."""
    chat = emulator.world.chat(int(body["chat_id"]))
    creator = int(body["creator_id"])
    if emulator.world.member(chat, creator).status not in ("creator", "administrator"):
        raise bad_request("only an administrator makes invite links")
    link = InviteLinkState(invite_link=new_link(), creator_id=creator, name=body.get("name"))
    chat.invite_links[link.invite_link] = link
    return link.invite_link


@route("invite_links/get")
async def invite_links_get(emulator: Emulator, body: Body) -> Any:
    chat = emulator.world.chat(int(body["chat_id"]))
    return [
        {**dump(emulator.events.invite_link_object(link)), "joined": link.joined}
        for link in chat.invite_links.values()
    ]


@route("inject/chat_join_request")
async def inject_chat_join_request(emulator: Emulator, body: Body) -> Any:
    return await emulator.events.join_request(int(body["chat_id"]), int(body["user_id"]))


@route("inject/new_title")
async def inject_new_title(emulator: Emulator, body: Body) -> Any:
    return await emulator.events.new_title(
        int(body["chat_id"]), body["title"], _int_or_none(body.get("actor_id"))
    )


@route("inject/pin")
async def inject_pin(emulator: Emulator, body: Body) -> Any:
    return await emulator.events.pin(
        int(body["chat_id"]), int(body["message_id"]), _int_or_none(body.get("actor_id"))
    )


@route("inject/chat_shared")
async def inject_chat_shared(emulator: Emulator, body: Body) -> Any:
    return await emulator.events.chat_shared(
        int(body["user_id"]), int(body["request_id"]), int(body["chat_id"])
    )


@route("inject/users_shared")
async def inject_users_shared(emulator: Emulator, body: Body) -> Any:
    return await emulator.events.users_shared(
        int(body["user_id"]), int(body["request_id"]), [int(uid) for uid in body["user_ids"]]
    )


@route("inject/callback_query")
async def inject_callback_query(emulator: Emulator, body: Body) -> Any:
    return await emulator.events.callback_query(
        int(body["chat_id"]), int(body["message_id"]), int(body["user_id"]), body["data"]
    )


@route("inject/poll_answer")
async def inject_poll_answer(emulator: Emulator, body: Body) -> Any:
    return await emulator.events.poll_answer(
        str(body["poll_id"]), int(body["user_id"]), [int(i) for i in body["option_ids"]]
    )


@route("inject/migrate")
async def inject_migrate(emulator: Emulator, body: Body) -> Any:
    chat, injected = await emulator.events.migrate(
        int(body["chat_id"]), int(body["actor_id"]), _int_or_none(body.get("new_chat_id"))
    )
    return {"chat": dump(emulator.world.chat_object(chat)), "updates": injected}


@route("inject/block")
async def inject_block(emulator: Emulator, body: Body) -> Any:
    return await emulator.events.block(int(body["user_id"]), bool(body.get("blocked", True)))


@route("inject/raw")
async def inject_raw(emulator: Emulator, body: Body) -> Any:
    return await emulator.queue.push_raw(body["update"])


@route("init_data")
async def init_data(emulator: Emulator, body: Body) -> Any:
    """A Mini App login as Telegram's client would hand it to the page, signed with this bot's
    token: for `user_id`, opened on `group` (start_param `g<group>`) or any `start_param`, at
    `auth_date` (a Unix time; now by default)."""
    user = emulator.world.user(int(body["user_id"]))
    start_param = body.get("start_param")
    if start_param is None and body.get("group") is not None:
        start_param = f"g{int(body['group'])}"
    signed_at = (
        datetime.fromtimestamp(int(body["auth_date"]), UTC)
        if body.get("auth_date") is not None
        else datetime.now(UTC)
    )
    person = {
        "id": user.id,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "username": user.username,
        "language_code": user.language_code,
    }
    return {
        "init_data": mint_init_data(
            emulator.token,
            user={key: value for key, value in person.items() if value is not None},
            auth_date=signed_at,
            start_param=None if start_param is None else str(start_param),
            chat_type="sender" if start_param is not None else None,
        )
    }


@route("menu_button")
async def menu_button(emulator: Emulator, body: Body) -> Any:
    """What setChatMenuButton left for a private chat (the default one's when never set)."""
    buttons = emulator.world.menu_buttons
    chat_id = _int_or_none(body.get("chat_id"))
    return buttons.get(chat_id) or buttons.get(None) or {"type": "default"}

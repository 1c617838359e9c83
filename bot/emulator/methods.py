"""Bot API methods: each takes aiogram's validated method object and answers with aiogram types."""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, TypeVar
from urllib.parse import urlsplit

from aiogram import methods as m
from aiogram import types
from aiogram.client.default import Default
from aiogram.methods.base import TelegramMethod

from bot.emulator.entities import format_text
from bot.emulator.errors import bad_request, forbidden
from bot.emulator.events import Events
from bot.emulator.invite_links import InviteLinkState, check_terms, link_object, new_link
from bot.emulator.media import file_object, reuse, store_document, store_photo
from bot.emulator.requests import Upload, attached
from bot.emulator.updates import UpdateQueue
from bot.emulator.webhook import WebhookConfig, WebhookDelivery
from bot.emulator.world import RESTRICTED_PERMISSIONS, ChatState, PollState, World, dump, now

MESSAGE_LIMIT = 4096
CAPTION_LIMIT = 1024
COMMAND_NAME = re.compile(r"[a-z0-9_]{1,32}")
CHAT_ACTIONS = {
    "typing",
    "upload_photo",
    "record_video",
    "upload_video",
    "record_voice",
    "upload_voice",
    "upload_document",
    "choose_sticker",
    "find_location",
    "record_video_note",
    "upload_video_note",
}
# The emoji a bot may react with (Bot API, ReactionTypeEmoji); the list aiogram documents is
# checked against this one in tests/emulator/test_method_coverage.py.
_REACTION_LIST = (
    "❤ 👍 👎 🔥 🥰 👏 😁 🤔 🤯 😱 🤬 😢 🎉 🤩 🤮 💩 🙏 👌 🕊 🤡 "
    "🥱 🥴 😍 🐳 ❤‍🔥 🌚 🌭 💯 🤣 ⚡ 🍌 🏆 💔 🤨 😐 🍓 🍾 💋 🖕 "
    "😈 😴 😭 🤓 👻 👨‍💻 👀 🎃 🙈 😇 😨 🤝 ✍ 🤗 🫡 🎅 🎄 ☃ 💅 "
    "🤪 🗿 🆒 💘 🙉 🦄 😘 💊 🙊 😎 👾 🤷‍♂ 🤷 🤷‍♀ 😡"
)
REACTION_EMOJI = frozenset(_REACTION_LIST.split())
# A bot, like a user without Premium, sets at most one reaction on a message.
BOT_REACTIONS_MAX = 1
NOT_MODIFIED = (
    "message is not modified: specified new message content and reply markup are exactly "
    "the same as a current content and reply markup of the message"
)


@dataclass
class Backend:
    world: World
    queue: UpdateQueue
    webhook: WebhookDelivery
    events: Events


Files = dict[str, Upload]
Handler = Callable[[Backend, Any, Files], Awaitable[Any]]
HANDLERS: dict[str, Handler] = {}
MethodT = TypeVar("MethodT", bound=TelegramMethod[Any])


def handles(
    model: type[MethodT],
) -> Callable[
    [Callable[[Backend, MethodT, Files], Awaitable[Any]]],
    Callable[[Backend, MethodT, Files], Awaitable[Any]],
]:
    def register(
        function: Callable[[Backend, MethodT, Files], Awaitable[Any]],
    ) -> Callable[[Backend, MethodT, Files], Awaitable[Any]]:
        HANDLERS[str(model.__api_method__).lower()] = function
        return function

    return register


def given(value: Any) -> Any:
    """A parameter's value, or None when aiogram's Default(...) placeholder was never sent."""
    return None if isinstance(value, Default) else value


# the bot and updates


@handles(m.GetMe)
async def get_me(api: Backend, method: m.GetMe, files: Files) -> types.User:
    return api.world.me()


@handles(m.GetUpdates)
async def get_updates(api: Backend, method: m.GetUpdates, files: Files) -> list[dict[str, Any]]:
    # Queued updates were built and validated as aiogram Updates when they were pushed.
    return await api.queue.get_updates(
        offset=method.offset,
        limit=method.limit,
        timeout=method.timeout,
        allowed_updates=method.allowed_updates,
    )


@handles(m.SetWebhook)
async def set_webhook(api: Backend, method: m.SetWebhook, files: Files) -> bool:
    if not method.url:
        await api.webhook.delete()
        return True
    if not re.fullmatch(r"https?://[^\s/]+(/\S*)?", method.url):
        raise bad_request("bad webhook: Webhook can be set up only on ports 80, 88, 443 or 8443")
    secret = method.secret_token
    if secret is not None and not re.fullmatch(r"[A-Za-z0-9_-]{1,256}", secret):
        raise bad_request("bad webhook: secret token contains unallowed characters")
    max_connections = method.max_connections or 1
    if not 1 <= max_connections <= 100:
        raise bad_request("bad webhook: max_connections must be between 1 and 100")
    api.queue.set_allowed(method.allowed_updates)
    if method.drop_pending_updates:
        await api.queue.drop_pending()
    await api.webhook.set(WebhookConfig(method.url, secret, max_connections))
    return True


@handles(m.DeleteWebhook)
async def delete_webhook(api: Backend, method: m.DeleteWebhook, files: Files) -> bool:
    await api.webhook.delete()
    if method.drop_pending_updates:
        await api.queue.drop_pending()
    return True


@handles(m.GetWebhookInfo)
async def get_webhook_info(
    api: Backend, method: m.GetWebhookInfo, files: Files
) -> types.WebhookInfo:
    return types.WebhookInfo.model_validate(api.webhook.info())


@handles(m.LogOut)
async def log_out(api: Backend, method: m.LogOut, files: Files) -> bool:
    return True


@handles(m.Close)
async def close(api: Backend, method: m.Close, files: Files) -> bool:
    return True


# sending


def _text(text: str, parse_mode: Any, entities: Any, *, caption: bool) -> dict[str, Any]:
    if caption:
        plain, found = format_text(
            text,
            given(parse_mode),
            _entity_dicts(entities),
            limit=CAPTION_LIMIT,
            empty_error="message caption is empty",
            long_error="message caption is too long",
        )
        return {"caption": plain, "caption_entities": found or None}
    plain, found = format_text(
        text,
        given(parse_mode),
        _entity_dicts(entities),
        limit=MESSAGE_LIMIT,
        empty_error="message text is empty",
        long_error="message is too long",
    )
    return {"text": plain, "entities": found or None}


def _entity_dicts(entities: list[types.MessageEntity] | None) -> list[dict[str, Any]] | None:
    return [dump(e) for e in entities] if entities else None


def _has_picker(markup: Any) -> bool:
    if not isinstance(markup, types.ReplyKeyboardMarkup):
        return False
    return any(
        button.request_chat is not None or button.request_users is not None
        for row in markup.keyboard
        for button in row
    )


def _has_web_app(markup: Any) -> bool:
    if isinstance(markup, types.InlineKeyboardMarkup):
        return any(button.web_app is not None for row in markup.inline_keyboard for button in row)
    if isinstance(markup, types.ReplyKeyboardMarkup):
        return any(button.web_app is not None for row in markup.keyboard for button in row)
    return False


def _web_app_url(url: str) -> None:
    """Telegram opens Mini Apps over https only; the emulator also takes http on the loopback,
    where local demos serve them."""
    parsed = urlsplit(url)
    loopback = parsed.hostname in ("127.0.0.1", "localhost", "::1")
    if not parsed.hostname or not (
        parsed.scheme == "https" or (parsed.scheme == "http" and loopback)
    ):
        raise bad_request("WEBAPP_URL_INVALID")


def _markup(markup: Any) -> dict[str, Any]:
    """Only inline keyboards are part of the sent message; callback_data is at most 64 bytes."""
    if not isinstance(markup, types.InlineKeyboardMarkup):
        return {}
    for row in markup.inline_keyboard:
        for button in row:
            data = button.callback_data
            if data is not None and not 1 <= len(data.encode()) <= 64:
                raise bad_request("BUTTON_DATA_INVALID")
            if button.web_app is not None:
                _web_app_url(button.web_app.url)
    return {"reply_markup": dump(markup)}


def _reply(api: Backend, chat: ChatState, method: Any) -> dict[str, Any]:
    parameters = getattr(method, "reply_parameters", None)
    message_id = parameters.message_id if parameters else None
    message_id = message_id or getattr(method, "reply_to_message_id", None)
    if not message_id:
        return {}
    original = api.world.message(chat, message_id)
    if original is None:
        if (parameters and parameters.allow_sending_without_reply) or given(
            getattr(method, "allow_sending_without_reply", None)
        ):
            return {}
        raise bad_request("message to be replied not found")
    quoted = dump(original)
    quoted.pop("reply_to_message", None)
    return {"reply_to_message": quoted}


def _send(api: Backend, chat: ChatState, method: Any, content: dict[str, Any]) -> types.Message:
    fields: dict[str, Any] = {"from": dump(api.world.bot_user())}
    if chat.type == "channel":
        fields = {"sender_chat": dump(api.world.chat_object(chat))}
    fields.update(content)
    fields.update(_reply(api, chat, method))
    markup = getattr(method, "reply_markup", None)
    if chat.type != "private" and (_has_picker(markup) or _has_web_app(markup)):
        # Telegram offers its chat and people pickers, and Mini App buttons, in private chats
        # only.
        raise bad_request("BUTTON_TYPE_INVALID")
    fields.update(_markup(markup))
    return api.world.new_message(chat, {k: v for k, v in fields.items() if v is not None})


@handles(m.SendMessage)
async def send_message(api: Backend, method: m.SendMessage, files: Files) -> types.Message:
    chat = api.world.writable_chat(method.chat_id)
    content = _text(method.text, method.parse_mode, method.entities, caption=False)
    receiver = _receiver(method)
    if receiver is not None:
        return _send_ephemeral(api, chat, method, receiver, content)
    return _send(api, chat, method, content)


def _receiver(method: m.SendMessage) -> int | None:
    """The receiver of an ephemeral message: `ephemeral_message_parameters`, or the
    `receiver_user_id` that Bot API 10.3 deprecated in its favour."""
    parameters = method.ephemeral_message_parameters
    if parameters is not None:
        return parameters.receiver_user_id
    return method.receiver_user_id if given(method.receiver_user_id) else None


def _send_ephemeral(
    api: Backend, chat: ChatState, method: m.SendMessage, receiver: int, content: dict[str, Any]
) -> types.Message:
    """Shown to the receiver only, for group and supergroup chats only (Bot API): message_id 0,
    the ephemeral id and the receiver instead. Someone not in the group cannot receive one."""
    if chat.type not in ("group", "supergroup"):
        raise bad_request("ephemeral messages can be sent to group and supergroup chats only")
    if not api.world.member(chat, receiver).present:
        raise bad_request("USER_NOT_PARTICIPANT")
    ephemeral_id = chat.next_ephemeral_id
    chat.next_ephemeral_id += 1
    fields: dict[str, Any] = {"from": dump(api.world.bot_user()), **content}
    fields.update(_markup(getattr(method, "reply_markup", None)))
    message = types.Message.model_validate(
        {
            "message_id": 0,
            "date": now(),
            "chat": dump(api.world.chat_object(chat)),
            "receiver_user": dump(api.world.user(receiver)),
            "ephemeral_message_id": ephemeral_id,
            **fields,
        }
    )
    chat.ephemeral[ephemeral_id] = message
    return message


@handles(m.DeleteEphemeralMessage)
async def delete_ephemeral_message(
    api: Backend, method: m.DeleteEphemeralMessage, files: Files
) -> bool:
    chat = api.world.readable_chat(method.chat_id)
    message = chat.ephemeral.get(method.ephemeral_message_id)
    receiver = message.receiver_user if message is not None else None
    if receiver is None or receiver.id != method.receiver_user_id:
        raise bad_request("message to delete not found")
    # The identifier may be reused once the message is gone (Bot API).
    del chat.ephemeral[method.ephemeral_message_id]
    return True


def _caption(method: Any) -> dict[str, Any]:
    if not method.caption:
        return {}
    return _text(method.caption, method.parse_mode, method.caption_entities, caption=True)


def _media_source(value: Any, files: Files) -> tuple[Upload | None, str]:
    upload = attached(value, files)
    if upload is not None:
        return upload, ""
    reference = str(value)
    if reference.startswith(("http://", "https://")):
        raise bad_request("failed to get HTTP URL content")
    return None, reference


@handles(m.SendPhoto)
async def send_photo(api: Backend, method: m.SendPhoto, files: Files) -> types.Message:
    chat = api.world.writable_chat(method.chat_id)
    caption = _caption(method)
    upload, file_id = _media_source(method.photo, files)
    if upload is not None:
        media: dict[str, Any] = {"photo": store_photo(api.world, upload.content)}
    else:
        media = reuse(api.world, file_id, "photo")
    return _send(api, chat, method, {**media, **caption})


@handles(m.SendDocument)
async def send_document(api: Backend, method: m.SendDocument, files: Files) -> types.Message:
    chat = api.world.writable_chat(method.chat_id)
    caption = _caption(method)
    upload, file_id = _media_source(method.document, files)
    if upload is not None:
        if not upload.content:
            raise bad_request("file must be non-empty")
        document = store_document(api.world, upload.content, upload.filename, upload.content_type)
        media: dict[str, Any] = {"document": document}
    else:
        media = reuse(api.world, file_id, "document")
    return _send(api, chat, method, {**media, **caption})


@handles(m.SendChatAction)
async def send_chat_action(api: Backend, method: m.SendChatAction, files: Files) -> bool:
    api.world.writable_chat(method.chat_id)
    if method.action not in CHAT_ACTIONS:
        raise bad_request("wrong parameter action in request")
    return True


# editing and deleting


def _own_message(api: Backend, chat: ChatState, message_id: int | None, action: str) -> Any:
    message = api.world.message(chat, message_id or 0)
    if message is None:
        raise bad_request(f"message to {action} not found")
    return message


@handles(m.EditMessageText)
async def edit_message_text(
    api: Backend, method: m.EditMessageText, files: Files
) -> types.Message | bool:
    if method.inline_message_id:
        raise bad_request("MESSAGE_ID_INVALID")
    if method.chat_id is None:
        raise bad_request("chat_id is empty")
    chat = api.world.readable_chat(method.chat_id)
    message = _own_message(api, chat, method.message_id, "edit")
    if not api.world.sent_by_bot(message) and chat.type != "channel":
        raise bad_request("message can't be edited")
    if message.text is None:
        raise bad_request("there is no text in the message to edit")
    content = _text(method.text or "", method.parse_mode, method.entities, caption=False)
    markup = _markup(method.reply_markup)
    current_markup = dump(message.reply_markup) if message.reply_markup else None
    current_entities = [dump(e) for e in message.entities or []] or None
    if (
        content["text"] == message.text
        and content["entities"] == current_entities
        and markup.get("reply_markup") == current_markup
    ):
        raise bad_request(NOT_MODIFIED)
    changes = {
        "message_id": message.message_id,
        "edit_date": now(),
        **content,
        "reply_markup": markup.get("reply_markup"),
    }
    return api.world.replace_message(chat, changes)


@handles(m.EditMessageReplyMarkup)
async def edit_message_reply_markup(
    api: Backend, method: m.EditMessageReplyMarkup, files: Files
) -> types.Message | bool:
    if method.inline_message_id:
        raise bad_request("MESSAGE_ID_INVALID")
    if method.chat_id is None:
        raise bad_request("chat_id is empty")
    chat = api.world.readable_chat(method.chat_id)
    message = _own_message(api, chat, method.message_id, "edit")
    markup = _markup(method.reply_markup).get("reply_markup")
    current = dump(message.reply_markup) if message.reply_markup else None
    if markup == current:
        raise bad_request(NOT_MODIFIED)
    changes = {"message_id": message.message_id, "edit_date": now(), "reply_markup": markup}
    return api.world.replace_message(chat, changes)


@handles(m.DeleteMessage)
async def delete_message(api: Backend, method: m.DeleteMessage, files: Files) -> bool:
    chat = api.world.readable_chat(method.chat_id)
    message = _own_message(api, chat, method.message_id, "delete")
    bot = chat.bot_member
    may_delete_others = bot.status == "creator" or (
        bot.status == "administrator" and bot.rights.get("can_delete_messages", False)
    )
    if chat.type != "private" and not api.world.sent_by_bot(message) and not may_delete_others:
        raise bad_request("message can't be deleted")
    del chat.messages[message.message_id]
    return True


@handles(m.PinChatMessage)
async def pin_chat_message(api: Backend, method: m.PinChatMessage, files: Files) -> bool:
    chat = api.world.writable_chat(method.chat_id)
    _own_message(api, chat, method.message_id, "pin")
    bot = chat.bot_member
    if chat.type != "private" and bot.status not in ("creator", "administrator"):
        raise bad_request("not enough rights to manage pinned messages in the chat")
    return True


@handles(m.UnpinChatMessage)
async def unpin_chat_message(api: Backend, method: m.UnpinChatMessage, files: Files) -> bool:
    api.world.writable_chat(method.chat_id)
    return True


@handles(m.SetMessageReaction)
async def set_message_reaction(api: Backend, method: m.SetMessageReaction, files: Files) -> bool:
    chat = api.world.readable_chat(method.chat_id)
    if api.world.message(chat, method.message_id) is None:
        raise bad_request("message to react not found")
    reactions = list(given(method.reaction) or [])
    if len(reactions) > BOT_REACTIONS_MAX:
        raise bad_request("REACTIONS_TOO_MANY")
    for reaction in reactions:
        # Custom and paid reactions need what a bot does not have.
        if (
            not isinstance(reaction, types.ReactionTypeEmoji)
            or reaction.emoji not in REACTION_EMOJI
        ):
            raise bad_request("REACTION_INVALID")
    chat.reactions[method.message_id] = [
        reaction.emoji for reaction in reactions if isinstance(reaction, types.ReactionTypeEmoji)
    ]
    return True


# polls and callbacks


def _poll_options(method: m.SendPoll) -> list[types.PollOption]:
    options: list[types.PollOption] = []
    for index, option in enumerate(method.options):
        text = option if isinstance(option, str) else option.text
        if not 1 <= len(text) <= 100:
            raise bad_request("poll options must be 1-100 characters long")
        options.append(types.PollOption(persistent_id=str(index), text=text, voter_count=0))
    if not 2 <= len(options) <= 12:
        raise bad_request("poll must have 2-12 options")
    return options


@handles(m.SendPoll)
async def send_poll(api: Backend, method: m.SendPoll, files: Files) -> types.Message:
    chat = api.world.writable_chat(method.chat_id)
    if chat.type == "channel" and method.is_anonymous is False:
        raise bad_request("non-anonymous polls can't be sent to channel chats")
    if not 1 <= len(method.question) <= 300:
        raise bad_request("poll question must be 1-300 characters long")
    poll_type = method.type or "regular"
    correct = method.correct_option_id
    if poll_type == "quiz" and correct is None and not method.correct_option_ids:
        raise bad_request("wrong correct option id specified")
    poll = types.Poll(
        id=api.world.next_id("5"),
        question=method.question,
        options=_poll_options(method),
        total_voter_count=0,
        is_closed=bool(method.is_closed),
        is_anonymous=method.is_anonymous is not False,
        type=poll_type,
        allows_multiple_answers=bool(method.allows_multiple_answers),
        allows_revoting=True,
        members_only=False,
        correct_option_id=correct,
        explanation=method.explanation,
        open_period=method.open_period,
    )
    message = _send(api, chat, method, {"poll": dump(poll)})
    api.world.polls[poll.id] = PollState(poll, chat.id, message.message_id)
    return message


@handles(m.StopPoll)
async def stop_poll(api: Backend, method: m.StopPoll, files: Files) -> types.Poll:
    chat = api.world.readable_chat(method.chat_id)
    state = next(
        (
            s
            for s in api.world.polls.values()
            if s.chat_id == chat.id and s.message_id == method.message_id
        ),
        None,
    )
    if state is None or method.message_id not in chat.messages:
        raise bad_request("message with poll to stop not found")
    if state.poll.is_closed:
        raise bad_request("poll has already been closed")
    state.poll = state.poll.model_copy(update={"is_closed": True})
    api.world.replace_message(chat, {"message_id": method.message_id, "poll": dump(state.poll)})
    return state.poll


@handles(m.AnswerCallbackQuery)
async def answer_callback_query(api: Backend, method: m.AnswerCallbackQuery, files: Files) -> bool:
    state = api.world.callbacks.get(method.callback_query_id)
    if state is None or state.answered:
        raise bad_request("query is too old and response timeout expired or query ID is invalid")
    if method.text is not None and len(method.text) > 200:
        raise bad_request("MESSAGE_TOO_LONG")
    state.answered = True
    state.answer = {"text": method.text, "show_alert": bool(method.show_alert)}
    return True


# commands


def _scope_key(scope: Any, language_code: str | None) -> tuple[str, str]:
    scope_json = (
        json.dumps(dump(scope), sort_keys=True) if scope is not None else '{"type": "default"}'
    )
    return scope_json, language_code or ""


@handles(m.SetMyCommands)
async def set_my_commands(api: Backend, method: m.SetMyCommands, files: Files) -> bool:
    if len(method.commands) > 100:
        raise bad_request("too many commands")
    for command in method.commands:
        if not COMMAND_NAME.fullmatch(command.command):
            raise bad_request("BOT_COMMAND_INVALID")
        if not 1 <= len(command.description) <= 256:
            raise bad_request("BOT_COMMAND_DESCRIPTION_INVALID")
    key = _scope_key(method.scope, method.language_code)
    api.world.commands[key] = [dump(c) for c in method.commands]
    return True


@handles(m.GetMyCommands)
async def get_my_commands(
    api: Backend, method: m.GetMyCommands, files: Files
) -> list[types.BotCommand]:
    key = _scope_key(method.scope, method.language_code)
    return [types.BotCommand.model_validate(c) for c in api.world.commands.get(key, [])]


@handles(m.DeleteMyCommands)
async def delete_my_commands(api: Backend, method: m.DeleteMyCommands, files: Files) -> bool:
    api.world.commands.pop(_scope_key(method.scope, method.language_code), None)
    return True


# the menu button of private chats


@handles(m.SetChatMenuButton)
async def set_chat_menu_button(api: Backend, method: m.SetChatMenuButton, files: Files) -> bool:
    button = given(method.menu_button) or types.MenuButtonDefault()
    if isinstance(button, types.MenuButtonWebApp):
        if not 1 <= len(button.text) <= 64:
            raise bad_request("BUTTON_TEXT_INVALID")
        _web_app_url(button.web_app.url)
    chat_id = given(method.chat_id)
    if chat_id is not None:
        chat = api.world.chat(chat_id)
        if chat.type != "private":
            raise bad_request("chat not found")
        chat_id = chat.id
    api.world.menu_buttons[chat_id] = dump(button)
    return True


@handles(m.GetChatMenuButton)
async def get_chat_menu_button(
    api: Backend, method: m.GetChatMenuButton, files: Files
) -> types.MenuButtonDefault | types.MenuButtonWebApp | types.MenuButtonCommands:
    chat_id = given(method.chat_id)
    stored = api.world.menu_buttons.get(chat_id) if chat_id is not None else None
    stored = stored or api.world.menu_buttons.get(None) or {"type": "default"}
    if stored["type"] == "web_app":
        return types.MenuButtonWebApp.model_validate(stored)
    if stored["type"] == "commands":
        return types.MenuButtonCommands.model_validate(stored)
    return types.MenuButtonDefault.model_validate(stored)


@handles(m.SetMyDescription)
async def set_my_description(api: Backend, method: m.SetMyDescription, files: Files) -> bool:
    return True


@handles(m.SetMyShortDescription)
async def set_my_short_description(
    api: Backend, method: m.SetMyShortDescription, files: Files
) -> bool:
    return True


# chats and members


@handles(m.GetChat)
async def get_chat(api: Backend, method: m.GetChat, files: Files) -> types.ChatFullInfo:
    return api.world.chat_full_info(api.world.readable_chat(method.chat_id))


@handles(m.GetChatMember)
async def get_chat_member(api: Backend, method: m.GetChatMember, files: Files) -> Any:
    chat = api.world.readable_chat(method.chat_id)
    api.world.user(method.user_id)
    return api.world.member_object(chat, method.user_id)


@handles(m.GetChatAdministrators)
async def get_chat_administrators(
    api: Backend, method: m.GetChatAdministrators, files: Files
) -> list[Any]:
    chat = api.world.readable_chat(method.chat_id)
    if chat.type == "private":
        raise bad_request("there are no administrators in the private chat")
    members = {**chat.members, api.world.bot_id: chat.bot_member}
    return [
        api.world.member_object(chat, user_id, member)
        for user_id, member in members.items()
        if member.status in ("creator", "administrator")
    ]


@handles(m.GetChatMemberCount)
async def get_chat_member_count(api: Backend, method: m.GetChatMemberCount, files: Files) -> int:
    chat = api.world.readable_chat(method.chat_id)
    if chat.type == "private":
        return 2
    others = sum(1 for member in chat.members.values() if member.present)
    return others + (1 if chat.bot_member.present else 0)


@handles(m.LeaveChat)
async def leave_chat(api: Backend, method: m.LeaveChat, files: Files) -> bool:
    chat = api.world.readable_chat(method.chat_id)
    if chat.type == "private":
        raise bad_request("chat member status can't be changed in private chats")
    if not chat.bot_member.present:
        raise forbidden_not_member(chat)
    await api.events.set_member(chat.id, api.world.bot_id, "left", actor_id=api.world.bot_id)
    return True


# moderating members, as Telegram checks it: a supergroup, the bot's own right, never the owner
# or an administrator; each change is a chat_member update like any other.


def _until(value: Any) -> int:
    """until_date as sent (a date, a timedelta or seconds since the epoch); 0: forever."""
    value = given(value)
    if value is None:
        return 0
    if isinstance(value, datetime):
        return int(value.timestamp())
    if isinstance(value, timedelta):
        return now() + int(value.total_seconds())
    return int(value)


def _moderated(api: Backend, chat_id: int | str, user_id: int, right: str) -> ChatState:
    chat = api.world.readable_chat(chat_id)
    if chat.type == "private":
        raise bad_request("chat member status can't be changed in private chats")
    bot = chat.bot_member
    if not (bot.status == "creator" or (bot.status == "administrator" and bot.rights.get(right))):
        raise bad_request("not enough rights to restrict/unrestrict chat member")
    if user_id == api.world.bot_id:
        raise bad_request("can't restrict self")
    target = api.world.member(chat, user_id)
    if target.status == "creator":
        raise bad_request("can't remove chat owner")
    if target.status == "administrator":
        raise bad_request("user is an administrator of the chat")
    api.world.user(user_id)
    return chat


@handles(m.RestrictChatMember)
async def restrict_chat_member(api: Backend, method: m.RestrictChatMember, files: Files) -> bool:
    chat = _moderated(api, method.chat_id, method.user_id, "can_restrict_members")
    if chat.type != "supergroup":
        raise bad_request("method is available only for supergroups")
    granted = {
        name: bool(value) for name, value in dump(method.permissions).items() if value is not None
    }
    present = api.world.member(chat, method.user_id).present
    if present and all(granted.get(name, False) for name in RESTRICTED_PERMISSIONS):
        # Everything allowed again: Telegram makes them a plain member.
        await api.events.set_member(chat.id, method.user_id, "member", actor_id=api.world.bot_id)
        return True
    await api.events.set_member(
        chat.id,
        method.user_id,
        "restricted",
        rights={**granted, "is_member": present},
        actor_id=api.world.bot_id,
        until_date=_until(method.until_date),
    )
    return True


@handles(m.BanChatMember)
async def ban_chat_member(api: Backend, method: m.BanChatMember, files: Files) -> bool:
    chat = _moderated(api, method.chat_id, method.user_id, "can_restrict_members")
    await api.events.set_member(
        chat.id,
        method.user_id,
        "kicked",
        actor_id=api.world.bot_id,
        until_date=_until(method.until_date),
    )
    return True


@handles(m.UnbanChatMember)
async def unban_chat_member(api: Backend, method: m.UnbanChatMember, files: Files) -> bool:
    chat = _moderated(api, method.chat_id, method.user_id, "can_restrict_members")
    status = api.world.member(chat, method.user_id).status
    if status == "kicked" or (not given(method.only_if_banned) and status != "left"):
        # Without only_if_banned, Telegram removes a member who is not banned.
        await api.events.set_member(chat.id, method.user_id, "left", actor_id=api.world.bot_id)
    return True


# member tags (Bot API 9.5): a regular member's label, set by an administrator with
# can_manage_tags; 0-16 characters, no emoji; empty or absent removes it.

TAG_LIMIT = 16


def _is_emoji(character: str) -> bool:
    point = ord(character)
    return (
        unicodedata.category(character) == "So"
        or 0x1F000 <= point <= 0x1FAFF
        or 0x2600 <= point <= 0x27BF
        or point in (0x200D, 0xFE0F)
    )


@handles(m.SetChatMemberTag)
async def set_chat_member_tag(api: Backend, method: m.SetChatMemberTag, files: Files) -> bool:
    chat = api.world.readable_chat(method.chat_id)
    if chat.type not in ("group", "supergroup"):
        raise bad_request("method is available only for groups and supergroups")
    bot = chat.bot_member
    if not (
        bot.status == "creator"
        or (bot.status == "administrator" and bot.rights.get("can_manage_tags"))
    ):
        raise bad_request("not enough rights to manage chat member tags")
    tag = given(method.tag) or None
    if tag is not None and (len(tag) > TAG_LIMIT or any(_is_emoji(c) for c in tag)):
        raise bad_request("TAG_INVALID")
    api.world.user(method.user_id)
    target = api.world.member(chat, method.user_id)
    if target.status in ("creator", "administrator"):
        raise bad_request("user is an administrator of the chat")
    if not target.present:
        raise bad_request("USER_NOT_PARTICIPANT")
    target.tag = tag
    return True


def _join_request(api: Backend, chat_id: int | str, user_id: int) -> ChatState:
    chat = api.world.readable_chat(chat_id)
    bot = chat.bot_member
    allowed = bot.status == "creator" or (
        bot.status == "administrator" and bot.rights.get("can_invite_users")
    )
    if not allowed:
        raise bad_request("not enough rights to manage join requests")
    if user_id not in chat.join_requests:
        raise bad_request("HIDE_REQUESTER_MISSING")
    chat.join_requests.discard(user_id)
    return chat


def _requested_through(chat: ChatState, user_id: int) -> InviteLinkState | None:
    url = chat.request_links.pop(user_id, None)
    link = chat.invite_links.get(url) if url is not None else None
    if link is not None:
        link.pending = max(0, link.pending - 1)
    return link


@handles(m.ApproveChatJoinRequest)
async def approve_chat_join_request(
    api: Backend, method: m.ApproveChatJoinRequest, files: Files
) -> bool:
    chat = _join_request(api, method.chat_id, method.user_id)
    link = _requested_through(chat, method.user_id)
    if link is not None:
        link.joined += 1
    await api.events.set_member(
        chat.id,
        method.user_id,
        "member",
        actor_id=api.world.bot_id,
        invite_link=link,
        via_join_request=True,
    )
    return True


@handles(m.DeclineChatJoinRequest)
async def decline_chat_join_request(
    api: Backend, method: m.DeclineChatJoinRequest, files: Files
) -> bool:
    chat = _join_request(api, method.chat_id, method.user_id)
    _requested_through(chat, method.user_id)
    return True


# invite links (bot/emulator/invite_links.py): the bot needs can_invite_users, and may edit
# and revoke only the links it made.


def _link_manager(api: Backend, chat_id: int | str) -> ChatState:
    chat = api.world.readable_chat(chat_id)
    if chat.type == "private":
        raise bad_request("can't invite members to a private chat")
    bot = chat.bot_member
    if not (
        bot.status == "creator"
        or (bot.status == "administrator" and bot.rights.get("can_invite_users"))
    ):
        raise bad_request("not enough rights to manage chat invite links")
    return chat


def _own_link(api: Backend, chat: ChatState, url: str) -> InviteLinkState:
    link = chat.invite_links.get(url)
    if link is None:
        raise bad_request("INVITE_HASH_INVALID")
    if link.creator_id != api.world.bot_id:
        raise bad_request("CHAT_ADMIN_REQUIRED")
    return link


def _timestamp(value: Any) -> int | None:
    value = given(value)
    return None if value is None else _until(value)


def _as_seen(api: Backend, link: InviteLinkState) -> types.ChatInviteLink:
    return link_object(link, api.world.user(link.creator_id), seen_by=api.world.bot_id)


@handles(m.CreateChatInviteLink)
async def create_chat_invite_link(
    api: Backend, method: m.CreateChatInviteLink, files: Files
) -> types.ChatInviteLink:
    chat = _link_manager(api, method.chat_id)
    name, limit = given(method.name), given(method.member_limit)
    creates_join_request = bool(given(method.creates_join_request))
    check_terms(name, limit, creates_join_request)
    link = InviteLinkState(
        invite_link=new_link(),
        creator_id=api.world.bot_id,
        name=name or None,
        expire_date=_timestamp(method.expire_date),
        member_limit=limit,
        creates_join_request=creates_join_request,
    )
    chat.invite_links[link.invite_link] = link
    return _as_seen(api, link)


@handles(m.EditChatInviteLink)
async def edit_chat_invite_link(
    api: Backend, method: m.EditChatInviteLink, files: Files
) -> types.ChatInviteLink:
    chat = _link_manager(api, method.chat_id)
    link = _own_link(api, chat, method.invite_link)
    if link.is_revoked:
        raise bad_request("INVITE_HASH_EXPIRED")
    name, limit = given(method.name), given(method.member_limit)
    requests = given(method.creates_join_request)
    creates_join_request = link.creates_join_request if requests is None else bool(requests)
    # Turning approval on drops a limit the link had; both at once is refused.
    kept_limit = None if requests else link.member_limit
    check_terms(name, limit, creates_join_request if limit is not None else None)
    if name is not None:
        link.name = name or None
    if (expire := _timestamp(method.expire_date)) is not None:
        link.expire_date = expire or None
    link.member_limit = (limit or None) if limit is not None else kept_limit
    link.creates_join_request = creates_join_request
    return _as_seen(api, link)


@handles(m.RevokeChatInviteLink)
async def revoke_chat_invite_link(
    api: Backend, method: m.RevokeChatInviteLink, files: Files
) -> types.ChatInviteLink:
    chat = _link_manager(api, method.chat_id)
    link = _own_link(api, chat, method.invite_link)
    link.is_revoked = True
    return _as_seen(api, link)


def forbidden_not_member(chat: ChatState) -> Exception:
    return forbidden(f"bot is not a member of the {chat.kind_name}")


# files


@handles(m.GetFile)
async def get_file(api: Backend, method: m.GetFile, files: Files) -> types.File:
    stored = api.world.file(method.file_id)
    if len(stored.content) > 20 * 1024 * 1024:
        raise bad_request("file is too big")
    return file_object(stored)

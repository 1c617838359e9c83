"""The express lane: plain group chat stored straight from the update's JSON.

Most updates a community bot sees are fans chatting. No router acts on them: ingest stores them
and `PlainGroupChat` ends their dispatch (bot/telegram/ingest.py). Building aiogram's pydantic
tree and walking the dispatcher for them costs more than storing them (bench/ingest.py), so a
message of a shape this module fully understands is read straight from the JSON into the same
records `bot/telegram/message_records.py` makes from an aiogram `Message`. Anything else takes
the full path through the dispatcher: a command, a reply to the bot, an automatic forward, a
service message, a field this module does not list, a value of an unexpected type.
tests/telegram/test_express_lane.py holds both paths to identical writes.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, TypeGuard

from bot.db.write_buffer import UpdateWrites
from bot.domain.attribution import attribute
from bot.domain.records import ChatSeen, CommentEdit, IncomingComment, UserSeen

GROUP_TYPES = frozenset({"group", "supergroup"})

# aiogram's Message.content_type tries these in this order; the first truthy one wins.
CONTENT_KEYS = (
    "text",
    "audio",
    "animation",
    "document",
    "photo",
    "sticker",
    "video",
    "video_note",
    "voice",
)

# Fields that change nothing about how a plain message is stored or routed. A message with any
# other field (service messages, polls, stories, automatic forwards, ...) takes the full path.
# Media objects are checked for their file ids only: ingest stores their kind, not their content.
PASSIVE_KEYS = frozenset(
    {
        "message_id",
        "date",
        "edit_date",
        "chat",
        "from",
        "sender_chat",
        "message_thread_id",
        "is_topic_message",
        "reply_to_message",
        "forward_origin",
        "caption",
        "entities",
        "caption_entities",
        "link_preview_options",
        "has_media_spoiler",
        "show_caption_above_media",
        "media_group_id",
        "author_signature",
        "sender_boost_count",
        "has_protected_content",
    }
)
KNOWN_KEYS = PASSIVE_KEYS | frozenset(CONTENT_KEYS)

Json = dict[str, Any]


def express_writes(raw: Json, bot_id: int) -> UpdateWrites | None:
    """The writes of a plain group message or group edit, or None: take the full path."""
    update_id = raw.get("update_id")
    if type(update_id) is not int or len(raw) != 2:
        return None
    message = raw.get("message")
    if message is not None:
        comment = _plain_comment(message, bot_id)
        if comment is None:
            return None
        writes = _with_people(UpdateWrites(update_id), message, comment)
        writes.comments.append(comment)
        return writes
    edited = raw.get("edited_message")
    if edited is None:
        return None
    comment = _plain_comment(edited, bot_id)
    edit_date = edited.get("edit_date")
    if comment is None or not (edit_date is None or _is_int(edit_date)):
        return None
    edited_at = datetime.fromtimestamp(edit_date, UTC) if edit_date else comment.created_at
    writes = _with_people(UpdateWrites(update_id), edited, comment)
    writes.edits.append(CommentEdit(comment=comment, edited_at=edited_at))
    return writes


def _plain_comment(message: Any, bot_id: int) -> IncomingComment | None:
    if not isinstance(message, dict) or not message.keys() <= KNOWN_KEYS:
        return None
    chat = message.get("chat")
    message_id = message.get("message_id")
    date = message.get("date")
    if not (_is_chat(chat) and chat["type"] in GROUP_TYPES):
        return None
    if not (_is_int(message_id) and _is_int(date)):
        return None
    media_kind = _media_kind(message)
    if media_kind is None:
        return None
    text = message.get("text")
    if text is None:
        text = message.get("caption")
    if text is not None and (not isinstance(text, str) or text.startswith("/")):
        return None
    plain_reply, reply_to = _reply_target(message, bot_id)
    thread_id = message.get("message_thread_id")
    sender = message.get("from")
    sender_chat = message.get("sender_chat")
    if not (plain_reply and _optional_int(thread_id)):
        return None
    if not (sender is None or _is_user(sender)):
        return None
    if not (sender_chat is None or _is_chat(sender_chat)):
        return None
    if not all(map(_entities_ok, (message.get("entities"), message.get("caption_entities")))):
        return None
    forward_origin = message.get("forward_origin")
    if not (forward_origin is None or isinstance(forward_origin, dict)):
        return None
    return IncomingComment(
        chat_id=chat["id"],
        message_id=message_id,
        thread_id=thread_id,
        author=attribute(
            chat_id=chat["id"],
            from_user_id=sender["id"] if sender else None,
            from_is_bot=sender["is_bot"] if sender else False,
            sender_chat_id=sender_chat["id"] if sender_chat else None,
            is_automatic_forward=False,
        ),
        text=text,
        media_kind=None if media_kind == "text" else media_kind,
        service_kind=None,
        reply_to_message_id=reply_to,
        is_automatic_forward=False,
        is_forwarded=forward_origin is not None,
        created_at=datetime.fromtimestamp(date, UTC),
    )


def _with_people(writes: UpdateWrites, message: Json, comment: IncomingComment) -> UpdateWrites:
    chat = message["chat"]
    seen_at = comment.created_at
    writes.chats.append(
        ChatSeen(
            id=chat["id"],
            type=chat["type"],
            title=chat.get("title"),
            username=chat.get("username"),
            seen_at=seen_at,
        )
    )
    sender = message.get("from")
    if sender and comment.author.user_id == sender["id"]:
        writes.users.append(
            UserSeen(
                id=sender["id"],
                is_bot=sender["is_bot"],
                first_name=sender["first_name"],
                last_name=sender.get("last_name"),
                username=sender.get("username"),
                language_code=sender.get("language_code"),
                seen_at=seen_at,
            )
        )
    return writes


def _media_kind(message: Json) -> str | None:
    """The content type aiogram would name, if it is one the express lane takes."""
    for key in CONTENT_KEYS:
        value = message.get(key)
        if not value:
            continue
        if key == "text":
            return key if isinstance(value, str) else None
        if key == "photo":
            return key if isinstance(value, list) and all(map(_is_file, value)) else None
        return key if _is_file(value) else None
    return None


def _reply_target(message: Json, bot_id: int) -> tuple[bool, int | None]:
    """(plain, the replied-to message id). A reply to the bot is not plain: features act on it."""
    replied = message.get("reply_to_message")
    if replied is None:
        return True, None
    if not isinstance(replied, dict) or not _is_int(replied.get("message_id")):
        return False, None
    author = replied.get("from")
    if author is not None and (not _is_user(author) or author["id"] == bot_id):
        return False, None
    return True, replied["message_id"]


def _is_int(value: Any) -> TypeGuard[int]:
    return type(value) is int


def _optional_int(value: Any) -> bool:
    return value is None or type(value) is int


def _optional_str(value: Any) -> bool:
    return value is None or type(value) is str


def _is_chat(value: Any) -> TypeGuard[Json]:
    return (
        isinstance(value, dict)
        and _is_int(value.get("id"))
        and type(value.get("type")) is str
        and _optional_str(value.get("title"))
        and _optional_str(value.get("username"))
    )


def _is_user(value: Any) -> TypeGuard[Json]:
    return (
        isinstance(value, dict)
        and _is_int(value.get("id"))
        and type(value.get("is_bot")) is bool
        and type(value.get("first_name")) is str
        and _optional_str(value.get("last_name"))
        and _optional_str(value.get("username"))
        and _optional_str(value.get("language_code"))
    )


def _is_file(value: Any) -> bool:
    return (
        isinstance(value, dict)
        and type(value.get("file_id")) is str
        and type(value.get("file_unique_id")) is str
    )


def _entities_ok(value: Any) -> bool:
    return value is None or (
        isinstance(value, list)
        and all(
            isinstance(entity, dict)
            and type(entity.get("type")) is str
            and _is_int(entity.get("offset"))
            and _is_int(entity.get("length"))
            for entity in value
        )
    )

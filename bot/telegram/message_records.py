"""Turn aiogram messages into the plain records the storage layer takes."""

from __future__ import annotations

from datetime import UTC, datetime

from aiogram.enums import ContentType
from aiogram.types import Chat, Message, User

from bot.db.write_buffer import UpdateWrites
from bot.domain.attribution import attribute
from bot.domain.feedback_command import stored_text
from bot.domain.records import ChatMigration, ChatSeen, CommentEdit, IncomingComment, UserSeen

MEDIA_CONTENT_TYPES = frozenset(
    {
        ContentType.ANIMATION,
        ContentType.AUDIO,
        ContentType.CONTACT,
        ContentType.DICE,
        ContentType.DOCUMENT,
        ContentType.GAME,
        ContentType.LIVE_PHOTO,
        ContentType.LOCATION,
        ContentType.PAID_MEDIA,
        ContentType.PHOTO,
        ContentType.POLL,
        ContentType.STICKER,
        ContentType.STORY,
        ContentType.VENUE,
        ContentType.VIDEO,
        ContentType.VIDEO_NOTE,
        ContentType.VOICE,
        ContentType.CHECKLIST,
    }
)


# content type -> (media kind, service kind); plain text is neither.
KINDS: dict[str, tuple[str | None, str | None]] = {
    kind.value: (
        (kind.value, None)
        if kind in MEDIA_CONTENT_TYPES
        else (None, None)
        if kind == ContentType.TEXT
        else (None, kind.value)
    )
    for kind in ContentType
}


def chat_seen(chat: Chat, seen_at: datetime) -> ChatSeen:
    return ChatSeen(
        id=chat.id, type=chat.type, title=chat.title, username=chat.username, seen_at=seen_at
    )


def user_seen(user: User, seen_at: datetime) -> UserSeen:
    return UserSeen(
        id=user.id,
        is_bot=user.is_bot,
        first_name=user.first_name,
        last_name=user.last_name,
        username=user.username,
        language_code=user.language_code,
        seen_at=seen_at,
    )


def incoming_comment(message: Message) -> IncomingComment:
    sender = message.from_user
    sender_chat = message.sender_chat
    media_kind, service_kind = KINDS.get(message.content_type, (None, "unknown"))
    reply = message.reply_to_message
    return IncomingComment(
        chat_id=message.chat.id,
        message_id=message.message_id,
        thread_id=message.message_thread_id,
        author=attribute(
            chat_id=message.chat.id,
            from_user_id=sender.id if sender else None,
            from_is_bot=sender.is_bot if sender else False,
            sender_chat_id=sender_chat.id if sender_chat else None,
            is_automatic_forward=bool(message.is_automatic_forward),
        ),
        text=stored_text(message.text if message.text is not None else message.caption),
        media_kind=media_kind,
        service_kind=service_kind,
        reply_to_message_id=reply.message_id if reply else None,
        is_automatic_forward=bool(message.is_automatic_forward),
        is_forwarded=message.forward_origin is not None,
        created_at=as_utc(message.date),
    )


def comment_edit(message: Message) -> CommentEdit:
    # aiogram types edit_date as a Unix timestamp (int), unlike `date`.
    edited = message.edit_date
    edited_at = datetime.fromtimestamp(edited, UTC) if edited else as_utc(message.date)
    return CommentEdit(comment=incoming_comment(message), edited_at=edited_at)


def as_utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def observe_message(writes: UpdateWrites, message: Message) -> None:
    comment = incoming_comment(message)
    _observe_people(writes, message, comment)
    writes.comments.append(comment)
    if message.migrate_to_chat_id:
        writes.migrations.append(
            ChatMigration(message.chat.id, message.migrate_to_chat_id, comment.created_at)
        )


def observe_edit(writes: UpdateWrites, message: Message) -> None:
    edit = comment_edit(message)
    _observe_people(writes, message, edit.comment)
    writes.edits.append(edit)


def _observe_people(writes: UpdateWrites, message: Message, comment: IncomingComment) -> None:
    seen_at = comment.created_at
    writes.chats.append(chat_seen(message.chat, seen_at))
    if message.from_user and comment.author.user_id == message.from_user.id:
        writes.users.append(user_seen(message.from_user, seen_at))
    for member in message.new_chat_members or ():
        writes.users.append(user_seen(member, seen_at))
    if message.left_chat_member:
        writes.users.append(user_seen(message.left_chat_member, seen_at))

"""One exported message as a plain record, in the vocabulary of the live ingest path.

Format notes (Telegram Desktop, export_output_json.cpp):
- ``type`` is "message", "service" or "unsupported" (only an id; skipped and counted).
- ``date`` is local time without an offset; ``date_unixtime`` (a string of digits, since
  2021) is the truth and is used whenever present. Older files only have ``date``: it is read
  in the caller's `local_timezone` and counted in the stats.
- The sender is ``from``/``from_id`` on messages and ``actor``/``actor_id`` on service
  messages; ids are "user123", "channel456" (a chat posting as itself, e.g. an anonymous admin
  or a channel) or "chat789". ``from`` is null for deleted accounts. ``author`` is a channel
  post signature.
- ``text`` is a string, or an array of strings and ``{"type", "text", ...}`` parts. We keep the
  visible text, and a ``text_link``'s URL in parentheses after it when the visible text does not
  already contain it: an operator reading feedback needs the link, the tagger sees the words.
- Media: ``photo``, or ``file`` with ``media_type`` (sticker, voice_message, video_message,
  animation, video_file, audio_file; none for a plain document), ``poll``, ``contact_information``,
  ``location_information`` (with ``place_name`` for a venue), ``game_title``,
  ``invoice_information``, ``giveaway_information``, ``todo_list``. Kinds and service actions are
  renamed to the Bot API content types the live path stores (voice_message -> voice, pin_message
  -> pinned_message...); an action without a counterpart keeps its export name.
- A supergroup export also holds the history of the basic group it was migrated from, with ids
  shifted by -1,000,000,000 (``AdjustMigrateMessageIds``), replies included. Those records keep
  the shifted, negative id (unique in the file, stable across re-imports) and say
  `from_migrated_group`; `original_message_id` is the id in the old group.
- ``reply_to_message_id`` with ``reply_to_peer_id`` points into another chat: it is dropped,
  as the live path has no reply there either.
- Nothing says whether a user is a bot, so senders are attributed as people.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from enum import StrEnum
from typing import Any, Final

from bot.domain.attribution import Attribution, attribute
from bot.domain.feedback_command import stored_text
from bot.domain.history.chat import SUPERGROUP_ID_OFFSET
from bot.domain.history.errors import ImportErrorCode, ImportFileError
from bot.domain.records import IncomingComment

MIGRATED_ID_SHIFT: Final = -1_000_000_000
SERVICE_KIND_LENGTH: Final = 32

FILE_MEDIA_KINDS: Final = {
    "sticker": "sticker",
    "voice_message": "voice",
    "video_message": "video_note",
    "animation": "animation",
    "video_file": "video",
    "audio_file": "audio",
}
# Checked in order; the first key present decides.
KEYED_MEDIA_KINDS: Final = (
    ("photo", "photo"),
    ("poll", "poll"),
    ("place_name", "venue"),
    ("location_information", "location"),
    ("contact_information", "contact"),
    ("game_title", "game"),
    ("invoice_information", "invoice"),
    ("giveaway_information", "giveaway"),
    ("todo_list", "checklist"),
)
SERVICE_KINDS: Final = {
    "create_group": "group_chat_created",
    "create_channel": "supergroup_chat_created",
    "edit_group_title": "new_chat_title",
    "edit_group_photo": "new_chat_photo",
    "delete_group_photo": "delete_chat_photo",
    "invite_members": "new_chat_members",
    "join_group_by_link": "new_chat_members",
    "join_group_by_request": "new_chat_members",
    "remove_members": "left_chat_member",
    "migrate_to_supergroup": "migrate_to_chat_id",
    "migrate_from_group": "migrate_from_chat_id",
    "pin_message": "pinned_message",
    "group_call_scheduled": "video_chat_scheduled",
    "invite_to_group_call": "video_chat_participants_invited",
    "set_messages_ttl": "message_auto_delete_timer_changed",
    "topic_created": "forum_topic_created",
    "topic_edit": "forum_topic_edited",
    "set_chat_wallpaper": "chat_background_set",
    "proximity_reached": "proximity_alert_triggered",
    "boost_apply": "boost_added",
}


class SenderKind(StrEnum):
    USER = "user"
    CHANNEL = "channel"
    GROUP = "group"
    NONE = "none"


SENDER_PREFIXES: Final = (
    ("user", SenderKind.USER),
    ("channel", SenderKind.CHANNEL),
    ("chat", SenderKind.GROUP),
)


@dataclass(frozen=True, slots=True)
class ImportedMessage:
    """`sender_id` is in Bot API form: a user id, -100... for a channel, -id for a group."""

    message_id: int
    date: datetime
    sender_kind: SenderKind
    sender_id: int | None
    display_name: str | None
    signature: str | None
    text: str | None
    media_kind: str | None
    service_kind: str | None
    action: str | None
    reply_to_message_id: int | None
    is_forwarded: bool
    forwarded_from: str | None
    edited_at: datetime | None

    @property
    def from_migrated_group(self) -> bool:
        return self.message_id < 0

    @property
    def original_message_id(self) -> int:
        return self.message_id - MIGRATED_ID_SHIFT if self.message_id < 0 else self.message_id

    def author(self, chat_id: int) -> Attribution:
        """Who the live path would say wrote this in `chat_id` (ARCHITECTURE section 3)."""
        is_user = self.sender_kind is SenderKind.USER
        return attribute(
            chat_id=chat_id,
            from_user_id=self.sender_id if is_user else None,
            from_is_bot=False,
            sender_chat_id=None if is_user else self.sender_id,
            is_automatic_forward=False,
        )

    def as_incoming_comment(self, chat_id: int) -> IncomingComment:
        return IncomingComment(
            chat_id=chat_id,
            message_id=self.message_id,
            thread_id=None,
            author=self.author(chat_id),
            text=stored_text(self.text),
            media_kind=self.media_kind,
            service_kind=self.service_kind,
            reply_to_message_id=self.reply_to_message_id,
            is_automatic_forward=False,
            is_forwarded=self.is_forwarded,
            created_at=self.date,
        )


class MessageParser:
    """Turns raw message dicts into records; counts what the summary reports."""

    def __init__(self, local_timezone: tzinfo) -> None:
        self._local_timezone = local_timezone
        self.skipped = 0
        self.local_dates = 0

    def parse(self, raw: object) -> ImportedMessage | None:
        if not isinstance(raw, dict):
            raise _not_an_export("a message is not an object")
        message_id = raw.get("id")
        if not isinstance(message_id, int) or isinstance(message_id, bool):
            raise _not_an_export("a message without an id")
        kind = raw.get("type")
        if kind not in ("message", "service"):
            self.skipped += 1
            return None
        is_service = kind == "service"
        sender_kind, sender_id = _sender(raw.get("actor_id" if is_service else "from_id"))
        action = raw.get("action") if is_service else None
        reply_to = raw.get("reply_to_message_id")
        forwarded_from = raw.get("forwarded_from")
        return ImportedMessage(
            message_id=message_id,
            date=self._moment(raw, "date", message_id),
            sender_kind=sender_kind,
            sender_id=sender_id,
            display_name=_string(raw.get("actor" if is_service else "from")),
            signature=None if is_service else _string(raw.get("author")),
            text=None if is_service else (flatten_text(raw.get("text")) or None),
            media_kind=None if is_service else _media_kind(raw),
            service_kind=_service_kind(action, raw) if is_service else None,
            action=action if isinstance(action, str) else None,
            reply_to_message_id=(
                reply_to
                if isinstance(reply_to, int) and "reply_to_peer_id" not in raw and not is_service
                else None
            ),
            is_forwarded="forwarded_from" in raw,
            forwarded_from=_string(forwarded_from),
            edited_at=self._moment(raw, "edited", message_id) if "edited" in raw else None,
        )

    def _moment(self, raw: dict[str, Any], key: str, message_id: int) -> datetime:
        unixtime = raw.get(key + "_unixtime")
        if isinstance(unixtime, str) and unixtime.isascii() and unixtime.isdigit():
            unixtime = int(unixtime)
        if isinstance(unixtime, int) and not isinstance(unixtime, bool):
            try:
                return datetime.fromtimestamp(unixtime, UTC)
            except (OverflowError, OSError, ValueError) as error:
                raise _not_an_export(f"message {message_id} has a bad {key}") from error
        local = raw.get(key)
        if isinstance(local, str):
            try:
                moment = datetime.fromisoformat(local)
            except ValueError:
                pass
            else:
                self.local_dates += 1
                if moment.tzinfo is None:
                    moment = moment.replace(tzinfo=self._local_timezone)
                return moment.astimezone(UTC)
        raise _not_an_export(f"message {message_id} has no valid {key}")


def flatten_text(value: object) -> str:
    """Plain text from a string or a rich-text array (see the module docstring for links)."""
    if isinstance(value, str):
        return value
    if not isinstance(value, list):
        return ""
    parts: list[str] = []
    for part in value:
        if isinstance(part, str):
            parts.append(part)
            continue
        if not isinstance(part, dict):
            continue
        text = part.get("text")
        if not isinstance(text, str):
            continue
        href = part.get("href")
        if part.get("type") == "text_link" and isinstance(href, str) and href and href not in text:
            parts.append(f"{text} ({href})")
        else:
            parts.append(text)
    return "".join(parts)


def _sender(value: object) -> tuple[SenderKind, int | None]:
    if isinstance(value, int) and not isinstance(value, bool):
        return SenderKind.USER, value
    if isinstance(value, str):
        for prefix, kind in SENDER_PREFIXES:
            bare = _bare_id(value, prefix)
            if bare is None:
                continue
            if kind is SenderKind.CHANNEL:
                return kind, -(SUPERGROUP_ID_OFFSET + bare)
            return kind, -bare if kind is SenderKind.GROUP else bare
    return SenderKind.NONE, None


def _bare_id(value: str, prefix: str) -> int | None:
    digits = value[len(prefix) :]
    if value.startswith(prefix) and digits.isascii() and digits.isdigit():
        return int(digits)
    return None


def _media_kind(raw: dict[str, Any]) -> str | None:
    if "file" in raw:
        media_type = raw.get("media_type")
        if isinstance(media_type, str):
            return FILE_MEDIA_KINDS.get(media_type, "document")
        return "document"
    for key, kind in KEYED_MEDIA_KINDS:
        if key in raw:
            return kind
    return None


def _service_kind(action: object, raw: dict[str, Any]) -> str:
    if not isinstance(action, str):
        # A custom action ("information_text") has no action name.
        return "service"
    if action == "group_call":
        return "video_chat_ended" if "duration" in raw else "video_chat_started"
    return SERVICE_KINDS.get(action, action[:SERVICE_KIND_LENGTH])


def _string(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def _not_an_export(detail: str) -> ImportFileError:
    return ImportFileError(ImportErrorCode.NOT_AN_EXPORT, detail)

"""The exported chat, and its Bot API id.

Telegram Desktop writes the bare peer id (`PeerToBareId`): 1234567890 for a supergroup whose
Bot API id is -1001234567890, 123456 for a basic group whose Bot API id is -123456. Only the
export's `type` tells the two forms apart, so the caller must confirm the mapped id against the
group the operator chose before storing anything.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Final, TypeGuard

from bot.domain.history.errors import ImportErrorCode, ImportFileError

SUPERGROUP_ID_OFFSET: Final = 1_000_000_000_000
SUPERGROUP_TYPES: Final = frozenset({"private_supergroup", "public_supergroup"})
# Basic groups cannot be public; "public_group" is tolerated for hand-edited or old files.
BASIC_GROUP_TYPES: Final = frozenset({"private_group", "public_group"})


class ChatIdForm(StrEnum):
    SUPERGROUP = "supergroup"
    BASIC_GROUP = "basic_group"


@dataclass(frozen=True, slots=True)
class ExportedChat:
    name: str | None
    export_type: str
    export_id: int
    chat_id: int
    id_form: ChatIdForm

    @property
    def is_public(self) -> bool:
        return self.export_type.startswith("public_")

    def matches(self, chat_id: int) -> bool:
        return chat_id == self.chat_id


def bot_api_chat_id(export_id: int, form: ChatIdForm) -> int:
    if form is ChatIdForm.SUPERGROUP:
        return -(SUPERGROUP_ID_OFFSET + export_id)
    return -export_id


def exported_chat(header: dict[str, object]) -> ExportedChat:
    """The chat from the export's top-level keys; refuses anything but a group."""
    export_type = header.get("type")
    export_id = header.get("id")
    name = header.get("name")
    if not isinstance(export_type, str) or not _is_positive_int(export_id):
        raise ImportFileError(ImportErrorCode.NOT_AN_EXPORT, "no chat type and id")
    if export_type in SUPERGROUP_TYPES:
        form = ChatIdForm.SUPERGROUP
    elif export_type in BASIC_GROUP_TYPES:
        form = ChatIdForm.BASIC_GROUP
    else:
        raise ImportFileError(ImportErrorCode.NOT_A_GROUP, f"a {export_type} export")
    return ExportedChat(
        name=name if isinstance(name, str) else None,
        export_type=export_type,
        export_id=export_id,
        chat_id=bot_api_chat_id(export_id, form),
        id_form=form,
    )


def _is_positive_int(value: object) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool) and value > 0

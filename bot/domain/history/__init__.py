"""History import: a group's Telegram Desktop export as plain records the bot stores as comments.

Operators send ``result.json`` (Telegram Desktop > chat > Export chat history, format JSON) or
the zipped export folder. `read_history` (records in memory) or `open_history` (validate, then
stream chunks) parse it completely or raise `ImportFileError` with a machine `code`, so a bad
file never leaves half an import behind. The caller then checks `chat.matches(group_id)`,
because an export's bare id maps to a Bot API id only through its type (see `chat`), and stores
`ImportedMessage.as_incoming_comment(group_id)` records idempotently on (chat_id, message_id).

Format details and the choices made for them are in `message` (records), `chat` (ids),
`source` (zip safety) and `json_stream` (memory).
"""

from bot.domain.history.chat import ChatIdForm, ExportedChat, bot_api_chat_id
from bot.domain.history.errors import ImportErrorCode, ImportFileError
from bot.domain.history.message import (
    MIGRATED_ID_SHIFT,
    ImportedMessage,
    SenderKind,
    flatten_text,
)
from bot.domain.history.reader import (
    HistoryImport,
    HistoryStats,
    HistoryStream,
    open_history,
    read_history,
)
from bot.domain.history.source import HistorySource, ImportLimits

__all__ = [
    "MIGRATED_ID_SHIFT",
    "ChatIdForm",
    "ExportedChat",
    "HistoryImport",
    "HistorySource",
    "HistoryStats",
    "HistoryStream",
    "ImportErrorCode",
    "ImportFileError",
    "ImportLimits",
    "ImportedMessage",
    "SenderKind",
    "bot_api_chat_id",
    "flatten_text",
    "open_history",
    "read_history",
]

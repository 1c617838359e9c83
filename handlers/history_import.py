"""History import: an operator sends the group's Telegram Desktop export (result.json or the
zipped export folder) to the bot in private chat; it is imported into their current group.

The file is parsed completely before a row is stored (a damaged or wrong file changes nothing and
gets its reason), an export of another chat is refused, and a progress message is edited as the
chunks go in. Above the Bot API's 20 MB download limit the operator is pointed to
`python -m bot import <file> --chat <id>` on the server.
"""

from __future__ import annotations

from datetime import datetime

import structlog
from aiogram import Bot, Router
from aiogram.exceptions import TelegramAPIError
from aiogram.filters import Filter
from aiogram.types import Document, Message

from bot.domain.history import ImportErrorCode
from bot.domain.roles import OperatorCommand, Role
from bot.i18n import Texts
from bot.services.history_import import (
    HistoryImportService,
    Imported,
    OtherChat,
    OverBudget,
    Refused,
    TooBig,
)
from bot.telegram.history_import_courier import TelegramHistoryCourier
from handlers.authority import OPERATOR_FLAG
from handlers.features import Built, Feature, Wiring
from handlers.middlewares import OperatorContext

log = structlog.get_logger(__name__)

# Declared like a command so that authorization runs (live: it writes a whole history).
IMPORT_HISTORY = OperatorCommand("import_history", Role.OPERATOR, destructive=True)
BOT_API_DOWNLOAD_LIMIT = 20 * 1024 * 1024
EXPORT_SUFFIXES = (".json", ".zip")
EXPORT_MIME_TYPES = frozenset(
    {"application/json", "application/zip", "application/x-zip-compressed"}
)


class ExportDocument(Filter):
    """A document that may be an export (by name or type); other files are not ours to answer."""

    async def __call__(self, message: Message) -> bool:
        document = message.document
        if document is None:
            return False
        name = (document.file_name or "").lower()
        return name.endswith(EXPORT_SUFFIXES) or document.mime_type in EXPORT_MIME_TYPES


def cli_command(chat_id: int) -> str:
    return f"python -m bot import <file> --chat {chat_id}"


async def on_export(
    message: Message,
    *,
    bot: Bot,
    operator: OperatorContext,
    texts: Texts,
    history_import: HistoryImportService,
) -> None:
    document = message.document
    assert document is not None, "ExportDocument lets documents through only"
    if document.file_size is not None and document.file_size > BOT_API_DOWNLOAD_LIMIT:
        await message.answer(_too_big(texts, document, operator.chat_id))
        return
    progress = await message.answer(texts("import-reading", title=operator.title))

    async def report(done: int, total: int) -> None:
        await _edit(bot, progress, texts("import-progress", done=done, total=total))

    result = await history_import.import_file(
        operator.chat_id, operator.actor, document.file_id, report
    )
    if isinstance(result, TooBig):
        text = _too_big(texts, document, operator.chat_id)
    elif isinstance(result, Refused) and result.code is ImportErrorCode.TOO_LARGE:
        limits = history_import.limits
        text = texts(
            "import-over-budget",
            messages=limits.max_messages,
            size=limits.max_json_bytes // (1024 * 1024),
            command=cli_command(operator.chat_id),
        )
    elif isinstance(result, Refused):
        text = texts("import-refused", code=result.code.value)
    elif isinstance(result, OverBudget):
        text = texts("upload-over-budget", seconds=result.seconds)
    elif isinstance(result, OtherChat):
        text = texts("import-other-chat", name=result.name or "?", title=operator.title)
    else:
        text = _done(texts, result, operator)
    await _edit(bot, progress, text)


def _done(texts: Texts, imported: Imported, operator: OperatorContext) -> str:
    def day(value: datetime | None) -> str:
        return value.astimezone(imported.timezone).date().isoformat() if value else "-"

    outcome = imported.outcome
    done = texts(
        "import-done",
        messages=outcome.messages,
        new=outcome.new,
        already=outcome.already,
        forgotten=outcome.forgotten,
        first=day(outcome.first_date),
        last=day(outcome.last_date),
        title=operator.title,
    )
    if not outcome.ahead:
        return done
    return texts.lines([done, texts("import-ahead", ahead=outcome.ahead, title=operator.title)])


def _too_big(texts: Texts, document: Document, chat_id: int) -> str:
    size_mb = round((document.file_size or 0) / (1024 * 1024))
    return texts("import-too-big", size=size_mb, limit=20, command=cli_command(chat_id))


async def _edit(bot: Bot, progress: Message, text: str) -> None:
    try:
        await bot.edit_message_text(text, chat_id=progress.chat.id, message_id=progress.message_id)
    except TelegramAPIError as error:
        log.info("history_import.progress_edit_failed", error=error.message)


def create_router() -> Router:
    """Private chat: an export sent as a document, for the operator's current group."""
    router = Router(name=__name__)
    router.message.register(on_export, ExportDocument(), flags={OPERATOR_FLAG: IMPORT_HISTORY})
    return router


def _build(wiring: Wiring) -> Built:
    history_import = HistoryImportService(
        wiring.session_factory,
        TelegramHistoryCourier(wiring.bot),
        wiring.settings.default_timezone,
        parse_seconds=wiring.settings.upload_parse_seconds,
    )
    return Built(services={"history_import": history_import})


FEATURE = Feature(name="history_import", private=(create_router,), build=_build)

"""History import: an operator sends the group's Telegram Desktop export (result.json or the
zipped export folder) to the bot in private chat; it is imported into their current group.

The file is parsed completely before a row is stored (a damaged or wrong file changes nothing and
gets its reason), an export of another chat is refused, and a progress message is edited as the
chunks go in. Above the Bot API's 20 MB download limit the operator is pointed to
`python -m bot import <file> --chat <id>` on the server.
"""

from __future__ import annotations

import asyncio
import io
import time
from collections.abc import Callable
from datetime import UTC, datetime, tzinfo
from zoneinfo import ZoneInfo

import structlog
from aiogram import Bot, Router
from aiogram.exceptions import TelegramAPIError, TelegramBadRequest
from aiogram.filters import Filter
from aiogram.types import Document, Message
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.config import Settings
from bot.db import audit
from bot.db.chat_settings import group
from bot.db.history_import import ImportOutcome, import_chunks
from bot.domain.history import HistoryImport, ImportFileError, read_history
from bot.domain.roles import OperatorCommand, Role
from bot.i18n import Texts
from handlers.authority import OPERATOR_FLAG
from handlers.features import Feature
from handlers.middlewares import OperatorContext

log = structlog.get_logger(__name__)

# Declared like a command so that authorization runs (live: it writes a whole history).
IMPORT_HISTORY = OperatorCommand("import_history", Role.OPERATOR, destructive=True)
BOT_API_DOWNLOAD_LIMIT = 20 * 1024 * 1024
EXPORT_SUFFIXES = (".json", ".zip")
EXPORT_MIME_TYPES = frozenset(
    {"application/json", "application/zip", "application/x-zip-compressed"}
)
CHUNK = 1_000
PROGRESS_INTERVAL_S = 3.0


class ExportDocument(Filter):
    """A document that may be an export (by name or type); other files are not ours to answer."""

    async def __call__(self, message: Message) -> bool:
        document = message.document
        if document is None:
            return False
        name = (document.file_name or "").lower()
        return name.endswith(EXPORT_SUFFIXES) or document.mime_type in EXPORT_MIME_TYPES


class Throttle:
    """At most one progress edit per interval (Telegram limits edits; people need few)."""

    def __init__(self, interval: float, clock: Callable[[], float] = time.monotonic) -> None:
        self._interval = interval
        self._clock = clock
        self._last = clock()

    def ready(self) -> bool:
        now = self._clock()
        if now - self._last < self._interval:
            return False
        self._last = now
        return True


def cli_command(chat_id: int) -> str:
    return f"python -m bot import <file> --chat {chat_id}"


async def on_export(
    message: Message,
    *,
    bot: Bot,
    operator: OperatorContext,
    texts: Texts,
    settings: Settings,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    document = message.document
    assert document is not None, "ExportDocument lets documents through only"
    if document.file_size is not None and document.file_size > BOT_API_DOWNLOAD_LIMIT:
        await message.answer(_too_big(texts, document, operator.chat_id))
        return
    progress = await message.answer(texts("import-reading", title=operator.title))
    content = await _download(bot, document)
    if content is None:
        await _edit(bot, progress, _too_big(texts, document, operator.chat_id))
        return
    timezone = await _group_timezone(session_factory, operator.chat_id, settings)
    try:
        parsed = await asyncio.to_thread(read_history, content, local_timezone=timezone)
    except ImportFileError as error:
        log.info("history_import.refused", code=error.code.value, detail=error.detail)
        await _edit(bot, progress, texts("import-refused", code=error.code.value))
        return
    if not parsed.chat.matches(operator.chat_id):
        await _edit(
            bot,
            progress,
            texts("import-other-chat", name=parsed.chat.name or "?", title=operator.title),
        )
        return
    outcome = await _store(
        bot, parsed, progress, operator=operator, texts=texts, session_factory=session_factory
    )
    await _edit(bot, progress, _done(texts, outcome, operator, timezone))


async def _store(
    bot: Bot,
    parsed: HistoryImport,
    progress: Message,
    *,
    operator: OperatorContext,
    texts: Texts,
    session_factory: async_sessionmaker[AsyncSession],
) -> ImportOutcome:
    total = parsed.stats.messages
    throttle = Throttle(PROGRESS_INTERVAL_S)

    async def report(done: int) -> None:
        if done < total and throttle.ready():
            await _edit(bot, progress, texts("import-progress", done=done, total=total))

    outcome = await import_chunks(session_factory, operator.chat_id, parsed.chunks(CHUNK), report)
    now = datetime.now(UTC)
    async with session_factory() as session, session.begin():
        await audit.record(
            session,
            operator.audit("history-imported", now, detail=f"{outcome.messages}"),
        )
    log.info("history_import.done", chat_id=operator.chat_id, messages=outcome.messages)
    return outcome


def _done(texts: Texts, outcome: ImportOutcome, operator: OperatorContext, tz: tzinfo) -> str:
    def day(value: datetime | None) -> str:
        return value.astimezone(tz).date().isoformat() if value else "-"

    return texts(
        "import-done",
        messages=outcome.messages,
        forgotten=outcome.forgotten,
        first=day(outcome.first_date),
        last=day(outcome.last_date),
        title=operator.title,
    )


def _too_big(texts: Texts, document: Document, chat_id: int) -> str:
    size_mb = round((document.file_size or 0) / (1024 * 1024))
    return texts("import-too-big", size=size_mb, limit=20, command=cli_command(chat_id))


async def _download(bot: Bot, document: Document) -> bytes | None:
    buffer = io.BytesIO()
    try:
        await bot.download(document, destination=buffer)
    except TelegramBadRequest as error:
        # The declared size can be missing; Telegram then refuses getFile itself.
        if "too big" in error.message.lower():
            return None
        raise
    return buffer.getvalue()


async def _edit(bot: Bot, progress: Message, text: str) -> None:
    try:
        await bot.edit_message_text(text, chat_id=progress.chat.id, message_id=progress.message_id)
    except TelegramAPIError as error:
        log.info("history_import.progress_edit_failed", error=error.message)


async def _group_timezone(
    session_factory: async_sessionmaker[AsyncSession], chat_id: int, settings: Settings
) -> tzinfo:
    """Old exports carry local dates only: they are read in the group's timezone."""
    async with session_factory() as session:
        record = await group(session, chat_id)
    return ZoneInfo((record.timezone if record else None) or settings.default_timezone)


def create_router() -> Router:
    """Private chat: an export sent as a document, for the operator's current group."""
    router = Router(name=__name__)
    router.message.register(on_export, ExportDocument(), flags={OPERATOR_FLAG: IMPORT_HISTORY})
    return router


FEATURE = Feature(name="history_import", private=(create_router,))

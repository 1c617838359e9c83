"""History import: a group's Telegram Desktop export stored as its comments.

The file is read completely before a row is stored (a damaged or wrong file changes nothing and
gets its reason) and an export of another chat is refused. Then each chunk is its own
transaction, so live ingest keeps flowing during a large import; an import cut short is completed
by importing the same file again.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, tzinfo
from typing import Protocol
from zoneinfo import ZoneInfo

import structlog
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.db import audit
from bot.db.chat_settings import group
from bot.db.digest import forget_rollups
from bot.db.history_import import newest_message_id, store_chunk
from bot.domain.audit import AuditEvent
from bot.domain.history import (
    ImportedMessage,
    ImportErrorCode,
    ImportFileError,
    ImportLimits,
    read_history,
)
from bot.domain.history.source import MIB
from bot.domain.roles import Actor
from bot.services.bounded_parse import PARSE_DEADLINE_S, ParseBudgetExceeded, parse_bounded
from bot.services.clock import utc_now

log = structlog.get_logger(__name__)

CHUNK = 1_000
# What one export sent through Telegram may take: a 1.4 MB zip once unpacked to 150 MB of
# database and held every group for seconds. Larger histories go through `python -m bot import`.
TELEGRAM_IMPORT_LIMITS = ImportLimits(
    max_file_bytes=20 * MIB,
    max_json_bytes=64 * MIB,
    max_compression_ratio=20.0,
    ratio_floor_bytes=4 * MIB,
    max_messages=200_000,
)
PROGRESS_INTERVAL_S = 3.0

Progress = Callable[[int], Awaitable[None]]


class HistoryCourier(Protocol):
    async def download(self, file_id: str) -> bytes | None:
        """The file's bytes; None when Telegram refuses it as too big to download."""
        ...


@dataclass(frozen=True, slots=True)
class ImportOutcome:
    messages: int  # read from the export
    forgotten: int
    first_date: datetime | None
    last_date: datetime | None
    new: int  # stored for the first time
    already: int  # the group already had them: a second import of a file is all "already"
    ahead: int = 0  # left out: ids past the newest message the group had (never shadow one)


@dataclass(frozen=True, slots=True)
class TooBig:
    """Above what the Bot API lets a bot download."""


@dataclass(frozen=True, slots=True)
class Refused:
    code: ImportErrorCode


@dataclass(frozen=True, slots=True)
class OverBudget:
    """Reading the file took longer than any export may (bot/services/bounded_parse.py)."""

    seconds: float


@dataclass(frozen=True, slots=True)
class OtherChat:
    name: str | None


@dataclass(frozen=True, slots=True)
class Imported:
    outcome: ImportOutcome
    timezone: tzinfo  # the group's: what the dates are said in


ImportResult = TooBig | Refused | OverBudget | OtherChat | Imported


class Throttle:
    """At most one progress report per interval (Telegram limits edits; people need few)."""

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


class HistoryImportService:
    def __init__(
        self,
        session_factory: async_sessionmaker[AsyncSession],
        courier: HistoryCourier,
        default_timezone: str,
        now: Callable[[], datetime] = utc_now,
        *,
        parse_seconds: float = PARSE_DEADLINE_S,
        limits: ImportLimits = TELEGRAM_IMPORT_LIMITS,
    ) -> None:
        self._session_factory = session_factory
        self._courier = courier
        self._default_timezone = default_timezone
        self._now = now
        self._parse_seconds = parse_seconds
        self.limits = limits

    async def import_file(
        self,
        chat_id: int,
        actor: Actor,
        file_id: str,
        progress: Callable[[int, int], Awaitable[None]],
    ) -> ImportResult:
        """Download, read and store the export sent in Telegram; `progress(done, total)` now and
        then while the chunks go in. Audited once stored."""
        try:
            content = await self._courier.download(file_id)
        except ImportFileError as error:
            log.info("history_import.refused", code=error.code.value, detail=error.detail)
            return Refused(error.code)
        if content is None:
            return TooBig()
        timezone = await self._group_timezone(chat_id)
        try:
            parsed = await parse_bounded(
                read_history,
                content,
                local_timezone=timezone,
                limits=self.limits,
                deadline=self._parse_seconds,
            )
        except ImportFileError as error:
            log.info("history_import.refused", code=error.code.value, detail=error.detail)
            return Refused(error.code)
        except ParseBudgetExceeded as error:
            log.warning("history_import.over_budget", seconds=error.seconds, size=len(content))
            return OverBudget(error.seconds)
        if not parsed.chat.matches(chat_id):
            return OtherChat(parsed.chat.name)
        total = parsed.stats.messages
        throttle = Throttle(PROGRESS_INTERVAL_S)

        async def report(done: int) -> None:
            if done < total and throttle.ready():
                await progress(done, total)

        outcome = await import_chunks(
            self._session_factory, chat_id, parsed.chunks(CHUNK), report, now=self._now
        )
        async with self._session_factory() as session, session.begin():
            await audit.record(
                session,
                AuditEvent(
                    chat_id=chat_id,
                    actor=actor,
                    action="history-imported",
                    at=self._now(),
                    detail=f"{outcome.messages}",
                ),
            )
        log.info(
            "history_import.done",
            chat_id=chat_id,
            messages=outcome.messages,
            new=outcome.new,
            already=outcome.already,
        )
        return Imported(outcome, timezone)

    async def _group_timezone(self, chat_id: int) -> tzinfo:
        """Old exports carry local dates only: they are read in the group's timezone."""
        async with self._session_factory() as session:
            record = await group(session, chat_id)
        return ZoneInfo((record.timezone if record else None) or self._default_timezone)


async def import_chunks(
    session_factory: async_sessionmaker[AsyncSession],
    chat_id: int,
    chunks: Iterable[Sequence[ImportedMessage]],
    progress: Progress | None = None,
    *,
    now: Callable[[], datetime] = utc_now,
    reached_only: bool = True,
) -> ImportOutcome:
    """Store every chunk, one transaction each, then re-open the digest days it touched.
    `reached_only`: nothing past the newest message the group had (an export sent through
    Telegram by an operator); the server's own import (`python -m bot import`) is trusted."""
    done = forgotten = new = already = ahead = 0
    first: datetime | None = None
    last: datetime | None = None
    newest: int | None = None
    if reached_only:
        async with session_factory() as session:
            newest = await newest_message_id(session, chat_id)
    for chunk in chunks:
        if not chunk:
            continue
        async with session_factory() as session, session.begin():
            stored = await store_chunk(
                session, chat_id, chunk, now(), newest=newest, reached_only=reached_only
            )
        forgotten += stored.forgotten
        new += stored.new
        already += stored.already
        ahead += stored.ahead
        dates = [message.date for message in chunk]
        first = min(dates) if first is None else min(first, *dates)
        last = max(dates) if last is None else max(last, *dates)
        done += len(chunk)
        if progress is not None:
            await progress(done)
    if first is not None and last is not None:
        async with session_factory() as session, session.begin():
            await forget_rollups(session, chat_id, first, last)
    return ImportOutcome(done, forgotten, first, last, new, already, ahead)

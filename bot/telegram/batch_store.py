"""Make a batch of updates' writes durable in one transaction, or not at all.

Transient database errors (locks, lost connections) retry the whole batch with backoff; the
caller acknowledges nothing to Telegram until `commit` returns. A batch that fails on its data
(a constraint, a value the database refuses) is split, so that one poison update goes to
failed_updates instead of blocking every update behind it.
"""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Awaitable, Callable, Sequence
from datetime import UTC, datetime

import structlog
from sqlalchemy import text
from sqlalchemy.exc import DataError, DBAPIError, IntegrityError, InterfaceError, OperationalError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.db.engine import SQLITE_BUSY_TIMEOUT_MS
from bot.db.recent_profiles import RecentProfiles
from bot.db.write_buffer import FailedUpdateRecord, UpdateWrites, flush_writes
from bot.logs import scrub

log = structlog.get_logger(__name__)

# The ingest hot path's bulk statements go to aiosqlite directly (bot/db/bulk_insert.py), so
# SQLite's own exceptions arrive unwrapped: "database is locked" must retry, not end the loop.
TRANSIENT_ERRORS = (
    OperationalError,
    InterfaceError,
    sqlite3.OperationalError,
    OSError,
    asyncio.TimeoutError,
)
DATA_ERRORS = (IntegrityError, DataError, sqlite3.IntegrityError, sqlite3.DataError)
# PostgreSQL: lock_not_available (lock_timeout), query_canceled, serialization, deadlock.
TRANSIENT_SQLSTATES = frozenset({"55P03", "57014", "40001", "40P01"})
# PostgreSQL waits for a lock forever by default: like SQLite's busy_timeout, a stuck lock must
# surface as an error the loop retries (the batch unacknowledged), not as a silent stall.
POSTGRES_LOCK_TIMEOUT = f"SET LOCAL lock_timeout = {SQLITE_BUSY_TIMEOUT_MS}"


class BatchNotStored(Exception):
    """The batch could not be stored within the allowed attempts; nothing was acknowledged."""


class BatchStore:
    def __init__(
        self,
        session_factory: async_sessionmaker[AsyncSession],
        *,
        max_attempts: int | None = None,
        base_delay: float = 0.2,
        max_delay: float = 10.0,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self.session_factory = session_factory
        self.profiles = RecentProfiles()
        self.max_attempts = max_attempts
        self.base_delay = base_delay
        self.max_delay = max_delay
        self.sleep = sleep

    async def commit(self, batch: Sequence[UpdateWrites]) -> None:
        attempt = 0
        while True:
            attempt += 1
            try:
                await self._flush(batch)
            except DATA_ERRORS as error:
                await self._isolate(batch, error)
                return
            except Exception as error:
                if not is_transient(error):
                    raise
                log.warning(
                    "batch.retry", attempt=attempt, updates=len(batch), error=_describe(error)
                )
                if self.max_attempts is not None and attempt >= self.max_attempts:
                    raise BatchNotStored(_describe(error)) from error
                await self.sleep(min(self.max_delay, self.base_delay * 2 ** (attempt - 1)))
            else:
                return

    async def _flush(self, batch: Sequence[UpdateWrites]) -> None:
        async with self.session_factory() as session, session.begin():
            if (await session.connection()).dialect.name == "postgresql":
                await session.execute(text(POSTGRES_LOCK_TIMEOUT))
            written = await flush_writes(session, batch, self.profiles)
        self.profiles.remember(written.chats, written.users)

    async def _isolate(self, batch: Sequence[UpdateWrites], error: Exception) -> None:
        if len(batch) > 1:
            log.warning("batch.split", updates=len(batch), error=_describe(error))
            for writes in batch:
                await self.commit([writes])
            return
        (writes,) = batch
        log.error("update.unstorable", update_id=writes.update_id, error=_describe(error))
        authors = [c.author.user_id for c in writes.comments if c.author.user_id is not None]
        record = FailedUpdateRecord(
            payload=repr(writes)[:100_000],
            error=_describe(error),
            failed_at=datetime.now(UTC),
            user_id=authors[0] if authors else None,
        )
        await self.commit([UpdateWrites(update_id=writes.update_id, failure=record)])


def is_transient(error: Exception) -> bool:
    if isinstance(error, TRANSIENT_ERRORS):
        return True
    return isinstance(error, DBAPIError) and (
        getattr(error.orig, "sqlstate", None) in TRANSIENT_SQLSTATES
    )


def _describe(error: BaseException) -> str:
    return scrub(f"{type(error).__name__}: {error}")[:2000]

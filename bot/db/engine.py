"""Engine and session factory. SQLite gets WAL, a busy timeout and foreign keys; PostgreSQL a lock
timeout of the same length."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

# Long enough to ride out another writer's batch, short enough that a stuck lock surfaces as an
# error the delivery loop retries (the batch stays unacknowledged) instead of a silent stall.
SQLITE_BUSY_TIMEOUT_MS = 5_000
# PostgreSQL waits for a lock forever by default: every connection gets the same bound as SQLite,
# so an operator command during a long lock is answered "busy, try again" (handlers/middlewares.py)
# instead of hanging until the lock goes.
POSTGRES_SERVER_SETTINGS = {"lock_timeout": str(SQLITE_BUSY_TIMEOUT_MS)}


def create_engine(database_url: str, **kwargs: Any) -> AsyncEngine:
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite":
        if url.database and url.database != ":memory:":
            Path(url.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_async_engine(url, **kwargs)
        event.listen(engine.sync_engine, "connect", _configure_sqlite)
        return engine
    if url.get_driver_name() == "asyncpg":
        connect_args = kwargs.pop("connect_args", {})
        server_settings = {**POSTGRES_SERVER_SETTINGS, **connect_args.get("server_settings", {})}
        kwargs["connect_args"] = {**connect_args, "server_settings": server_settings}
    return create_async_engine(url, pool_pre_ping=True, **kwargs)


def _configure_sqlite(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def create_session_factory(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, expire_on_commit=False, autoflush=False)

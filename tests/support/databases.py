"""Fresh, empty databases for tests: a file on SQLite, a new database on a PostgreSQL server.

The backend comes from the environment: `FANPULSE_TEST_DATABASE_URL` names a PostgreSQL server
(`tasks.py test` starts one and sets it); unset means SQLite.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Literal

import asyncpg
from sqlalchemy.engine import URL, make_url

SERVER_URL_ENV = "FANPULSE_TEST_DATABASE_URL"

Backend = Literal["sqlite", "postgresql"]


def server_url() -> str | None:
    return os.environ.get(SERVER_URL_ENV) or None


def backend() -> Backend:
    url = server_url()
    if url is None:
        return "sqlite"
    if make_url(url).get_backend_name() != "postgresql":
        raise RuntimeError(f"{SERVER_URL_ENV} must be a postgresql+asyncpg:// URL")
    return "postgresql"


def sqlite_url(path: Path) -> str:
    return f"sqlite+aiosqlite:///{path}"


@asynccontextmanager
async def fresh_database(tmp_path: Path) -> AsyncIterator[str]:
    """Yield the URL of a new, empty database; a PostgreSQL one is dropped afterwards."""
    url = server_url()
    if url is None:
        yield sqlite_url(tmp_path / "test.sqlite3")
        return
    server = make_url(url)
    name = f"test_{uuid.uuid4().hex}"
    await _admin_execute(server, f'CREATE DATABASE "{name}"', file_copy=True)
    try:
        yield server.set(database=name).render_as_string(hide_password=False)
    finally:
        # FORCE: a test that leaked a connection must not leave its database behind.
        await _admin_execute(server, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


async def _admin_execute(server: URL, statement: str, *, file_copy: bool = False) -> None:
    # Plain asyncpg: CREATE/DROP DATABASE cannot run in a transaction, and it is the fastest path.
    dsn = server.set(drivername="postgresql").render_as_string(hide_password=False)
    connection = await asyncpg.connect(dsn)
    try:
        # PostgreSQL 15 copies the template through the WAL by default (about 150-250 ms);
        # a file copy takes about 17 ms on a server without fsync.
        if file_copy and connection.get_server_version().major >= 15:
            statement += " STRATEGY = FILE_COPY"
        await connection.execute(statement)
    finally:
        await connection.close()

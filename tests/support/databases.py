"""Fresh databases for tests: a file on SQLite, a new database on a PostgreSQL server.

The backend comes from the environment: `FANPULSE_TEST_DATABASE_URL` names a PostgreSQL server
(`tasks.py test` starts one and sets it); unset means SQLite.

A database is empty, or `migrated`: a copy of one template that this pytest process migrated to
head the first time one was asked for. Running every migration for each test cost about a second
of setup per test, a quarter of the suite's time; copying the template costs milliseconds.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Literal

import asyncpg
from sqlalchemy.engine import URL, make_url

from bot.db.engine import create_engine
from bot.db.migrate import upgrade

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
async def fresh_database(tmp_path: Path, *, migrated: bool = False) -> AsyncIterator[str]:
    """Yield the URL of a new database, empty or `migrated` to head; a PostgreSQL one is dropped
    afterwards."""
    url = server_url()
    if url is None:
        path = tmp_path / "test.sqlite3"
        if migrated:
            await _copy_sqlite_template(path)
        yield sqlite_url(path)
        return
    server = make_url(url)
    name = f"test_{uuid.uuid4().hex}"
    template = f' TEMPLATE "{await _postgres_template(server)}"' if migrated else ""
    await _admin_execute(server, f'CREATE DATABASE "{name}"{template}', file_copy=True)
    try:
        yield server.set(database=name).render_as_string(hide_password=False)
    finally:
        # FORCE: a test that leaked a connection must not leave its database behind.
        await _admin_execute(server, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


_templates: dict[str, str] = {}


async def _copy_sqlite_template(path: Path) -> None:
    template = _templates.get("sqlite")
    if template is None:
        directory = tempfile.mkdtemp(prefix="fanpulse-template-")
        atexit.register(shutil.rmtree, directory, ignore_errors=True)
        template = str(Path(directory) / "head.sqlite3")
        await _migrate(sqlite_url(Path(template)))
        _templates["sqlite"] = template
    # Disposing the engine closed the last connection, which checkpoints the WAL into the file.
    shutil.copyfile(template, path)


async def _postgres_template(server: URL) -> str:
    template = _templates.get("postgresql")
    if template is None:
        template = f"template_{uuid.uuid4().hex}"
        await _admin_execute(server, f'CREATE DATABASE "{template}"', file_copy=True)
        await _migrate(server.set(database=template).render_as_string(hide_password=False))
        _templates["postgresql"] = template
    return template


async def drop_templates() -> None:
    """Drop this process's PostgreSQL template (the server may outlive the test run)."""
    template = _templates.pop("postgresql", None)
    url = server_url()
    if template is not None and url is not None:
        await _admin_execute(make_url(url), f'DROP DATABASE IF EXISTS "{template}" WITH (FORCE)')


async def _migrate(url: str) -> None:
    engine = create_engine(url)
    try:
        await upgrade(engine, "head")
    finally:
        # CREATE DATABASE ... TEMPLATE refuses a template with a connection open.
        await engine.dispose()


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

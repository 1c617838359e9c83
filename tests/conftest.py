"""The suite's fixtures: every test runs on SQLite, and those that open a database on PostgreSQL.

The backend is chosen by the environment, not by the test:
- `FANPULSE_TEST_DATABASE_URL` unset: SQLite, one file per test in `tmp_path`.
- `FANPULSE_TEST_DATABASE_URL=postgresql+asyncpg://...` (set by `python3 tasks.py test`, which
  starts a throwaway PostgreSQL server): one newly created database per test, dropped after it.

Fixtures:
- `database_url` (function): the URL of a fresh, EMPTY database, no tables at all. Use it to
  test migrations or anything that must build its own schema. When the test also asks for
  `engine`, it is instead a copy of a template this process migrated to head once
  (tests/support/databases.py).
- `engine` (function): an `AsyncEngine` from `bot.db.engine.create_engine(database_url)`, at
  head (`bot.db.migrate.upgrade` confirms it), disposed after the test.
- `session_factory` (function): `bot.db.engine.create_session_factory(engine)`; open one
  `async with session_factory() as session, session.begin():` per unit of work.
- `backend` (session): `"sqlite"` or `"postgresql"`, for the rare test that must branch.

Shared through `pytest_plugins` (tests/support/fixtures/), overridable in a folder's conftest:
- `scene` (function): a `tests.support.scene.Scene` over the shared cast (tests/support/cast.py),
  the one conversation-style harness: the dispatcher built by `build_dispatcher` and wired by
  `build_clock` (tests/support/pipeline.py), a `ScriptedTelegram` (tests/support/telegram.py).
- `world` (function): the end-to-end world, the emulator and the real bot process
  (tests/support/e2e.py).
Fake time is `tests.support.clock.FakeClock`, for the scheduler and the outbound path alike.

The PostgreSQL leg runs only the tests whose fixtures open a database (`database_url`, and so
`engine`, `scene`, `world`...); the others ran on the SQLite leg, and
`FANPULSE_EVERY_TEST_ON_POSTGRES=1` runs them on PostgreSQL too.

Marker:
- `@pytest.mark.postgres_only`: skipped on SQLite (e.g. tests of row locks or concurrency
  that SQLite cannot express).

Run one leg by hand: `.venv/bin/pytest` is SQLite; `python3 tasks.py test --postgres-only`
starts a server and runs the PostgreSQL leg.
"""

from __future__ import annotations

import asyncio
import gc
import os
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from bot.db.engine import create_engine, create_session_factory
from bot.db.migrate import upgrade
from tests.support import databases, secret_watch
from tests.support.secret_watch import WATCH

# Fixtures shared across folders (tests/support/fixtures/); a folder's conftest may override one.
pytest_plugins = ["tests.support.fixtures.scene", "tests.support.fixtures.e2e"]

EVERY_TEST_ON_POSTGRES_ENV = "FANPULSE_EVERY_TEST_ON_POSTGRES"
DESELECTED_AS_DATABASE_FREE: list[int] = []


def pytest_configure(config: pytest.Config) -> None:
    # The token never leaks (tests/support/secret_watch.py); `-p no:secret_watch` turns it off.
    if not config.pluginmanager.is_blocked("secret_watch"):
        config.pluginmanager.register(secret_watch, "secret_watch")


def pytest_collection_finish(session: pytest.Session) -> None:
    # What exists now (the imported product, aiogram's and pydantic's models) lives as long as the
    # run: freezing it keeps every full collection from walking it again. Those walks were a third
    # of the suite's time, since each test builds and drops a dispatcher of cyclic objects.
    gc.collect()
    gc.freeze()


def pytest_report_header(config: pytest.Config) -> str:
    url = databases.server_url()
    where = make_url(url).render_as_string(hide_password=True) if url else "a file per test"
    return f"fanpulse database backend: {databases.backend()} ({where})"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if databases.backend() == "postgresql":
        _leave_database_free_tests_to_the_sqlite_leg(config, items)
        return
    skip = pytest.mark.skip(reason="needs PostgreSQL (run: python3 tasks.py test --postgres-only)")
    for item in items:
        if item.get_closest_marker("postgres_only") is not None:
            item.add_marker(skip)


def _leave_database_free_tests_to_the_sqlite_leg(
    config: pytest.Config, items: list[pytest.Item]
) -> None:
    """On PostgreSQL run only the tests that open a database: the others cannot tell the backends
    apart, and running them twice cost the CI budget minutes (the SQLite leg runs them)."""
    if os.environ.get(EVERY_TEST_ON_POSTGRES_ENV) == "1":
        return
    free = [item for item in items if "database_url" not in getattr(item, "fixturenames", ())]
    if not free:
        return
    config.hook.pytest_deselected(items=free)
    items[:] = [item for item in items if "database_url" in getattr(item, "fixturenames", ())]
    DESELECTED_AS_DATABASE_FREE.append(len(free))


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if DESELECTED_AS_DATABASE_FREE:
        terminalreporter.write_line(
            f"{DESELECTED_AS_DATABASE_FREE[0]} tests open no database: the SQLite leg runs them"
            f" ({EVERY_TEST_ON_POSTGRES_ENV}=1 runs them here too)"
        )


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    # A narrowed run (`tasks.py test tests/domain`) whose tests all open no database has nothing
    # to do on PostgreSQL; that is not the "no tests collected" of a mistyped path.
    if exitstatus == pytest.ExitCode.NO_TESTS_COLLECTED and DESELECTED_AS_DATABASE_FREE:
        session.exitstatus = pytest.ExitCode.OK
    asyncio.run(databases.drop_templates())


@pytest.fixture(scope="session")
def backend() -> databases.Backend:
    return databases.backend()


@pytest.fixture
async def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[str]:
    # A test that asks for `engine` gets its database already at head (a copy of a template).
    migrated = "engine" in request.fixturenames
    async with databases.fresh_database(tmp_path, migrated=migrated) as url:
        yield url


@pytest.fixture
async def engine(database_url: str) -> AsyncIterator[AsyncEngine]:
    engine = create_engine(database_url)
    try:
        await upgrade(engine, "head")
        yield engine
        await WATCH.scan_engine(engine)  # the token is in no row (tests/support/secret_watch.py)
    finally:
        await engine.dispose()


@pytest.fixture
def session_factory(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return create_session_factory(engine)

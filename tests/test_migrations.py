"""Migrations build exactly the models' schema, undo cleanly, and store 64-bit Telegram ids."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Inspector, inspect, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from bot.db.engine import SQLITE_BUSY_TIMEOUT_MS, create_engine
from bot.db.migrate import alembic_config, current_revision, downgrade, upgrade
from bot.db.models import Base, Chat, Comment, User
from bot.db.search_index import is_index_object

BOOKKEEPING_TABLES = {"alembic_version"}
BIG_IDS = (-1001234567890123, 2**62, 2**63 - 1, -(2**63))
NOW = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)


@pytest.fixture
async def empty_engine(database_url: str) -> AsyncIterator[AsyncEngine]:
    engine = create_engine(database_url)
    yield engine
    await engine.dispose()


def revisions_oldest_first() -> list[tuple[str, str]]:
    """(revision, the revision below it or "base") for every migration, oldest first."""
    script = ScriptDirectory.from_config(alembic_config())
    steps = []
    for revision in script.walk_revisions("base", "heads"):
        below = revision.down_revision
        if not (below is None or isinstance(below, str)):
            pytest.fail(f"merge revision {revision.revision}: step through it by hand")
        steps.append((revision.revision, below or "base"))
    return steps[::-1]


async def schema_diff(engine: AsyncEngine) -> list[Any]:
    def diff(connection: Connection) -> list[Any]:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "include_name": models_own}
        )
        return list(compare_metadata(context, Base.metadata))

    async with engine.connect() as connection:
        return await connection.run_sync(diff)


def models_own(name: str | None, kind: str, _parents: Any) -> bool:
    return not is_index_object(name, kind)


async def schema_snapshot(engine: AsyncEngine) -> dict[str, Any]:
    """Tables with their columns, indexes, unique and foreign keys, comparable across runs."""

    def snapshot(connection: Connection) -> dict[str, Any]:
        inspector = inspect(connection)
        return {table: table_shape(inspector, table) for table in inspector.get_table_names()}

    async with engine.connect() as connection:
        return await connection.run_sync(snapshot)


def table_shape(inspector: Inspector, table: str) -> dict[str, Any]:
    return {
        "columns": [
            (column["name"], str(column["type"]), column["nullable"])
            for column in inspector.get_columns(table)
        ],
        "indexes": sorted(
            (index["name"] or "", tuple(index["column_names"]))
            for index in inspector.get_indexes(table)
        ),
        "unique": sorted(
            (unique["name"] or "", tuple(unique["column_names"]))
            for unique in inspector.get_unique_constraints(table)
        ),
        "foreign_keys": sorted(
            (key["referred_table"], tuple(key["constrained_columns"]))
            for key in inspector.get_foreign_keys(table)
        ),
    }


async def table_names(engine: AsyncEngine) -> set[str]:
    async with engine.connect() as connection:
        return set(await connection.run_sync(lambda sync: inspect(sync).get_table_names()))


async def test_upgrade_from_empty_matches_the_models(empty_engine: AsyncEngine) -> None:
    assert await table_names(empty_engine) == set()

    await upgrade(empty_engine, "head")

    assert await schema_diff(empty_engine) == []
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert await current_revision(empty_engine) == head


async def test_downgrade_to_base_leaves_no_tables_and_upgrades_again(
    empty_engine: AsyncEngine,
) -> None:
    await upgrade(empty_engine, "head")
    migrated = await schema_snapshot(empty_engine)

    await downgrade(empty_engine, "base")

    assert await table_names(empty_engine) <= BOOKKEEPING_TABLES
    assert await current_revision(empty_engine) is None

    await upgrade(empty_engine, "head")

    assert await schema_snapshot(empty_engine) == migrated
    assert await schema_diff(empty_engine) == []


async def test_every_revision_steps_down_and_up(empty_engine: AsyncEngine) -> None:
    steps = revisions_oldest_first()
    assert steps, "no migrations found"
    for revision, below in steps:
        await upgrade(empty_engine, revision)
        upgraded = await schema_snapshot(empty_engine)

        await downgrade(empty_engine, below)
        assert await current_revision(empty_engine) == (None if below == "base" else below)

        await upgrade(empty_engine, revision)
        assert await current_revision(empty_engine) == revision
        assert await schema_snapshot(empty_engine) == upgraded, revision


async def test_sqlite_connections_have_wal_busy_timeout_and_foreign_keys(
    engine: AsyncEngine, backend: str
) -> None:
    if backend != "sqlite":
        pytest.skip("SQLite pragmas")
    async with engine.connect() as connection:
        journal_mode = (await connection.execute(text("PRAGMA journal_mode"))).scalar_one()
        busy_timeout = (await connection.execute(text("PRAGMA busy_timeout"))).scalar_one()
        foreign_keys = (await connection.execute(text("PRAGMA foreign_keys"))).scalar_one()

    assert (journal_mode, busy_timeout, foreign_keys) == ("wal", SQLITE_BUSY_TIMEOUT_MS, 1)


async def test_foreign_keys_are_enforced(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    with pytest.raises(IntegrityError):
        async with session_factory() as session, session.begin():
            session.add(comment(chat_id=-100999, message_id=1))


@pytest.mark.parametrize("big_id", BIG_IDS)
async def test_bigint_columns_hold_telegram_ids_beyond_2_pow_53(
    session_factory: async_sessionmaker[AsyncSession], big_id: int
) -> None:
    async with session_factory() as session, session.begin():
        session.add(Chat(id=big_id, type="supergroup", first_seen_at=NOW, last_update_at=NOW))
        session.add(User(id=big_id, first_name="Big", first_seen_at=NOW, last_seen_at=NOW))
        await session.flush()
        session.add(comment(chat_id=big_id, message_id=big_id, author_user_id=big_id))

    async with session_factory() as session:
        stored = (await session.execute(select(Comment))).scalar_one()
        chat_id = (await session.execute(select(Chat.id))).scalar_one()
        user_id = (await session.execute(select(User.id))).scalar_one()

    assert (chat_id, user_id) == (big_id, big_id)
    assert (stored.chat_id, stored.message_id, stored.author_user_id) == (big_id, big_id, big_id)
    assert stored.created_at == NOW


def comment(*, chat_id: int, message_id: int, author_user_id: int | None = None) -> Comment:
    return Comment(
        chat_id=chat_id,
        message_id=message_id,
        author_kind="user",
        author_user_id=author_user_id,
        is_fan=True,
        text="hello",
        created_at=NOW,
    )

"""An operator command that meets a database lock held longer than the database waits (SQLite's
busy_timeout, PostgreSQL's lock_timeout: 5 s) answers "busy, try again" in the group's language
instead of nothing at all (issue 20, Low), and changes nothing; once the lock is gone the same
command works."""

from __future__ import annotations

import asyncio
import sqlite3

import pytest
from sqlalchemy import select, text
from sqlalchemy.engine import make_url

from bot.db.engine import create_engine
from bot.db.models import Base, RetentionSetting
from bot.i18n import Translator
from tests.support.cast import ADMIN, VICTIM
from tests.support.scene import Scene

EN = Translator.load().bind("en")


async def test_a_command_during_a_long_lock_answers_busy(
    scene: Scene, database_url: str, backend: str
) -> None:
    if backend != "sqlite":
        pytest.skip("the PostgreSQL leg has its own test below")
    await scene.send(VICTIM, ADMIN, "/retention")  # the group and its language are known
    busy = str(EN("busy-try-again", command="retention"))
    holder = sqlite3.connect(
        str(make_url(database_url).database), isolation_level=None, check_same_thread=False
    )
    try:
        await asyncio.to_thread(holder.execute, "BEGIN IMMEDIATE")
        delivery = asyncio.create_task(scene.send(VICTIM, ADMIN, "/retention 1d"))
        while busy not in scene.telegram.sent(VICTIM["id"]) and not delivery.done():
            await asyncio.sleep(0.1)
        holder.execute("ROLLBACK")
        await delivery
    finally:
        holder.close()
    assert scene.telegram.sent(VICTIM["id"])[-1] == busy
    async with scene.session_factory() as session:
        assert (await session.scalars(select(RetentionSetting))).all() == []

    await scene.send(VICTIM, ADMIN, "/retention 1d")
    assert scene.telegram.sent(VICTIM["id"])[-1] == str(
        EN("retention-set", days=1, title=VICTIM["title"])
    )


@pytest.mark.postgres_only
async def test_a_command_during_a_long_lock_answers_busy_on_postgresql(
    scene: Scene, database_url: str
) -> None:
    await scene.send(VICTIM, ADMIN, "/retention")
    busy = str(EN("busy-try-again", command="retention"))
    holder = create_engine(database_url)
    # EXCLUSIVE MODE lets others read and no one write, as SQLite's BEGIN IMMEDIATE does.
    tables = ", ".join(f'"{table.name}"' for table in Base.metadata.sorted_tables)
    try:
        async with holder.connect() as connection, asyncio.timeout(60):
            transaction = await connection.begin()
            await connection.execute(text(f"LOCK TABLE {tables} IN EXCLUSIVE MODE"))
            delivery = asyncio.create_task(scene.send(VICTIM, ADMIN, "/retention 1d"))
            # Without a lock timeout the command waits for the lock as long as it is held.
            while busy not in scene.telegram.sent(VICTIM["id"]):
                assert not delivery.done(), scene.telegram.sent(VICTIM["id"])
                await asyncio.sleep(0.1)
            await transaction.rollback()
            await delivery
    finally:
        await holder.dispose()
    assert scene.telegram.sent(VICTIM["id"])[-1] == busy
    async with scene.session_factory() as session:
        assert (await session.scalars(select(RetentionSetting))).all() == []

    await scene.send(VICTIM, ADMIN, "/retention 1d")
    assert scene.telegram.sent(VICTIM["id"])[-1] == str(
        EN("retention-set", days=1, title=VICTIM["title"])
    )

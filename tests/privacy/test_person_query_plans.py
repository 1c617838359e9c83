"""/mydata and /forget read a person's rows by their indexes, never a whole table (issue 21):
EXPLAIN of every SELECT they run, on SQLite (PostgreSQL plans by its statistics:
bench/operator_queries.py measures it there)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.db.privacy import (
    PERSON_COLUMNS,
    forget_person,
    person_comments,
    person_profile,
    person_table_rows,
    person_tables,
)
from tests.support.cast import FAN
from tests.support.query_plans import plans_of
from tests.support.scene import Scene

PERSON_TABLES = {person.model.__tablename__ for person in PERSON_COLUMNS}
# Other people's failed updates may quote the person anywhere in their payload: /forget reads
# them all to redact them (bot/db/failed_updates.py). The table holds only updates that failed.
QUOTING_TABLES = {"failed_updates"}


def whole_table_reads(plans: list[str], allowed: frozenset[str] = frozenset()) -> list[str]:
    """The plans that read a person table from end to end."""
    return [
        plan
        for plan in plans
        for step in plan.split(" | ")
        if step.startswith("SCAN ") and step.split()[1] in PERSON_TABLES - allowed
    ]


async def test_mydata_reads_every_table_by_the_persons_index(
    scene: Scene, engine: AsyncEngine
) -> None:
    if engine.dialect.name != "sqlite":
        pytest.skip("PostgreSQL plans by its statistics")

    async def my_data() -> None:
        async with scene.session_factory() as session:
            await person_profile(session, FAN["id"])
            await person_comments(session, FAN["id"], None, 100)
            for model, _ in person_tables():
                async for _rows in person_table_rows(session, model, FAN["id"], 100):
                    pass

    plans = await plans_of(engine)(my_data)

    assert len(plans) >= len(person_tables()) + 2
    assert whole_table_reads(plans) == []


async def test_forget_finds_the_persons_rows_by_index(scene: Scene, engine: AsyncEngine) -> None:
    if engine.dialect.name != "sqlite":
        pytest.skip("PostgreSQL plans by its statistics")

    async def forget() -> None:
        async with scene.session_factory() as session, session.begin():
            await forget_person(session, FAN["id"], datetime.now(UTC))

    plans = await plans_of(engine)(forget)

    assert plans, "forget reads the person's comments first"
    assert whole_table_reads(plans, frozenset(QUOTING_TABLES)) == []

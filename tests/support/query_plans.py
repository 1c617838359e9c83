"""The plan of every statement a call runs, for tests that name the index a query must use:
SQLite's EXPLAIN QUERY PLAN, PostgreSQL's EXPLAIN with sequential scans priced out (a test's
table fits in a few pages, where reading it all is cheapest)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine


async def plans(
    engine: AsyncEngine, call: Callable[[], Awaitable[Any]], kinds: tuple[str, ...] = ("SELECT",)
) -> list[str]:
    """One line per statement of `kinds` that `call` ran, in order: its plan's rows joined."""
    seen: list[tuple[str, Any]] = []

    def record(_c: Any, _cur: Any, statement: str, parameters: Any, *_: Any) -> None:
        if statement.lstrip().upper().startswith(kinds):
            seen.append((statement, parameters))

    event.listen(engine.sync_engine, "before_cursor_execute", record)
    try:
        await call()
    finally:
        event.remove(engine.sync_engine, "before_cursor_execute", record)
    sqlite = engine.dialect.name == "sqlite"
    found = []
    async with engine.connect() as connection:
        if not sqlite:
            await connection.exec_driver_sql("SET enable_seqscan = off")
        for statement, parameters in seen:
            prefix = "EXPLAIN QUERY PLAN" if sqlite else "EXPLAIN"
            result = await connection.exec_driver_sql(f"{prefix} {statement}", parameters)
            found.append(" | ".join(str(row[-1]).strip() for row in result.all()))
    return found


def plans_of(engine: AsyncEngine) -> Callable[[Callable[[], Awaitable[Any]]], Awaitable[list[str]]]:
    """`plans` bound to one engine."""

    async def bound(call: Callable[[], Awaitable[Any]]) -> list[str]:
        return await plans(engine, call)

    return bound

"""Bulk INSERT ... ON CONFLICT sent straight to the driver, for the ingest hot path.

SQLAlchemy's per-row parameter processing and per-statement cursor round trips cost more than
SQLite's own insert. For the few statements that run for every batch of messages, rows go to the
driver as tuples it takes as they are: on SQLite times as the text SQLAlchemy itself stores
(naive UTC, microseconds) and booleans as 0/1, through aiosqlite's executemany (one trip to its
thread); on PostgreSQL the Python values unchanged, through the connection SQLAlchemy holds (so
the statement joins the transaction SQLAlchemy began). Reading the rows back goes through the
models as usual.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Boolean, DateTime, Table
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.types import TypeDecorator, TypeEngine

Converter = Callable[[Any], Any]


def _sqlite_time(value: datetime | None) -> str | None:
    if value is None:
        return None
    offset = value.utcoffset()
    if offset is None:
        raise ValueError("naive datetime: store times as aware UTC")
    if offset:
        value = value.astimezone(UTC)
    return value.replace(tzinfo=None).isoformat(" ", "microseconds")


def _stored_type(kind: TypeEngine[Any]) -> TypeEngine[Any]:
    """What a column stores: UtcDateTime (bot/db/types.py) decorates a DateTime. Missing it
    here let aiosqlite write `2026-12-03 09:00:00+00:00` where SQLAlchemy binds
    `2026-12-03 09:00:00.000000`: as SQLite compares text, times equal to the second compared
    unequal, and a keyset walk through comments of one second started over."""
    return kind.impl_instance if isinstance(kind, TypeDecorator) else kind


def _sqlite_bool(value: bool | None) -> int | None:
    return None if value is None else int(value)


class BulkUpsert:
    """INSERT rows; on a conflict, do nothing or overwrite `update` with the new values."""

    def __init__(
        self,
        table: Table,
        columns: Sequence[str],
        conflict: Sequence[str],
        update: Sequence[str] = (),
    ) -> None:
        self.table = table
        self.columns = tuple(columns)
        self.conflict = tuple(conflict)
        self.update = tuple(update)
        self._sql: dict[str, str] = {}
        self._sqlite_converters: tuple[tuple[int, Converter], ...] = tuple(
            (index, _sqlite_time if isinstance(kind, DateTime) else _sqlite_bool)
            for index, kind in enumerate(_stored_type(table.c[name].type) for name in self.columns)
            if isinstance(kind, DateTime | Boolean)
        )

    async def execute(self, session: AsyncSession, rows: Sequence[tuple[Any, ...]]) -> None:
        if not rows:
            return
        connection = await session.connection()
        if connection.dialect.name == "sqlite":
            driver = (await connection.get_raw_connection()).driver_connection
            assert driver is not None, "a checked-out connection has a driver connection"
            converted = [self._for_sqlite(row) for row in rows]
            await driver.executemany(self._statement("qmark"), converted)
            return
        await connection.exec_driver_sql(self._statement(connection.dialect.paramstyle), list(rows))

    def _for_sqlite(self, row: tuple[Any, ...]) -> list[Any]:
        values = list(row)
        for index, convert in self._sqlite_converters:
            values[index] = convert(values[index])
        return values

    def _statement(self, paramstyle: str) -> str:
        sql = self._sql.get(paramstyle)
        if sql is not None:
            return sql
        if paramstyle == "qmark":
            marks = ", ".join("?" for _ in self.columns)
        elif paramstyle == "numeric_dollar":
            marks = ", ".join(f"${index}" for index in range(1, len(self.columns) + 1))
        else:
            raise RuntimeError(f"unsupported parameter style {paramstyle}")
        action = (
            "DO UPDATE SET " + ", ".join(f"{name} = excluded.{name}" for name in self.update)
            if self.update
            else "DO NOTHING"
        )
        sql = (
            f"INSERT INTO {self.table.name} ({', '.join(self.columns)}) VALUES ({marks}) "
            f"ON CONFLICT ({', '.join(self.conflict)}) {action}"
        )
        self._sql[paramstyle] = sql
        return sql

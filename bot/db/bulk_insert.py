"""Bulk INSERT ... ON CONFLICT DO NOTHING sent straight to the driver, for the ingest hot path.

SQLAlchemy's per-row parameter processing costs about as much as SQLite's own insert. For the one
statement that runs for every message, rows go to the driver as tuples it takes as they are:
on SQLite times as the text SQLAlchemy itself stores (naive UTC, microseconds) and booleans as
0/1; on PostgreSQL (asyncpg) the Python values unchanged. Reading them back goes through the
models as usual.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Boolean, DateTime, Table
from sqlalchemy.ext.asyncio import AsyncSession

Converter = Callable[[Any], Any]


def _sqlite_time(value: datetime | None) -> str | None:
    if value is None:
        return None
    if value.tzinfo is None:
        raise ValueError("naive datetime: store times as aware UTC")
    return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def _sqlite_bool(value: bool | None) -> int | None:
    return None if value is None else int(value)


class BulkInsertIgnore:
    def __init__(self, table: Table, columns: Sequence[str], conflict: Sequence[str]) -> None:
        self.table = table
        self.columns = tuple(columns)
        self.conflict = tuple(conflict)
        self._sql: dict[str, str] = {}
        self._sqlite_converters = tuple(
            _sqlite_time
            if isinstance(table.c[name].type, DateTime)
            else _sqlite_bool
            if isinstance(table.c[name].type, Boolean)
            else None
            for name in self.columns
        )

    async def execute(self, session: AsyncSession, rows: Sequence[tuple[Any, ...]]) -> None:
        if not rows:
            return
        connection = await session.connection()
        dialect = connection.dialect.name
        if dialect == "sqlite":
            rows = [self._for_sqlite(row) for row in rows]
        await connection.exec_driver_sql(
            self._statement(dialect, connection.dialect.paramstyle), rows
        )

    def _for_sqlite(self, row: tuple[Any, ...]) -> tuple[Any, ...]:
        return tuple(
            convert(value) if convert else value
            for convert, value in zip(self._sqlite_converters, row, strict=True)
        )

    def _statement(self, dialect: str, paramstyle: str) -> str:
        sql = self._sql.get(dialect)
        if sql is None:
            if paramstyle == "qmark":
                marks = ", ".join("?" for _ in self.columns)
            elif paramstyle == "numeric_dollar":
                marks = ", ".join(f"${index}" for index in range(1, len(self.columns) + 1))
            else:
                raise RuntimeError(f"unsupported parameter style {paramstyle}")
            sql = (
                f"INSERT INTO {self.table.name} ({', '.join(self.columns)}) VALUES ({marks}) "
                f"ON CONFLICT ({', '.join(self.conflict)}) DO NOTHING"
            )
            self._sql[dialect] = sql
        return sql

"""The /mydata document, written into a file a chunk of rows at a time.

    {"user_id": ..., "exported_at": ..., "profile": {...} | null,
     "comments": [{...}, ...],
     "tables": {"failed_updates": [{...}, ...], ...}}

A heavy fan's record can hold hundreds of thousands of rows: the caller reads them a chunk at a
time and hands each chunk here (in a worker thread: encoding JSON is CPU), so neither the rows
nor the text are ever whole in memory. Times become ISO 8601 strings and bytes base64.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import Any, BinaryIO


def plain(value: Any) -> Any:
    """A stored value as JSON can hold it (the `default` of json.dumps)."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, bytes):
        return base64.b64encode(value).decode()
    raise TypeError(f"not JSON: {type(value).__name__}")


def _encoded(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=plain)


class PersonDocument:
    """Opened with the profile; then `comments` (any number of times), then per table `table`
    followed by its `rows`; `close` ends it. Each call writes what it can at once."""

    def __init__(
        self,
        target: BinaryIO,
        user_id: int,
        exported_at: datetime,
        profile: Mapping[str, Any] | None,
    ) -> None:
        self._target = target
        head = {"user_id": user_id, "exported_at": exported_at, "profile": profile}
        self._write(_encoded(head)[:-1] + ',\n "comments": [')
        self._in_table = False
        self._tables = 0
        self._first = True
        self.comments_written = 0

    def comments(self, comments: Iterable[Mapping[str, Any]]) -> None:
        assert not self._tables, "comments come before the tables"
        self._items(comments)

    def table(self, name: str) -> None:
        self._write("]" + (",\n " if self._tables else ',\n "tables": {\n ') + _encoded(name))
        self._write(": [")
        self._tables += 1
        self._first = True

    def rows(self, rows: Iterable[Mapping[str, Any]]) -> None:
        assert self._tables, "rows belong to a table"
        self._items(rows)

    def close(self) -> None:
        self._write("]}\n}\n" if self._tables else '],\n "tables": {}\n}\n')

    def _items(self, items: Iterable[Mapping[str, Any]]) -> None:
        parts = []
        for item in items:
            parts.append(("\n  " if self._first else ",\n  ") + _encoded(item))
            self._first = False
            if not self._tables:
                self.comments_written += 1
        self._write("".join(parts))

    def _write(self, text: str) -> None:
        self._target.write(text.encode())

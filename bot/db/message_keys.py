"""Rows by (chat_id, message_id): the key of everything stored per message."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import ColumnElement, and_, false, or_
from sqlalchemy.orm import InstrumentedAttribute

IntColumn = ColumnElement[int] | InstrumentedAttribute[int]


def among_messages(
    chat_id: IntColumn,
    message_id: IntColumn,
    keys: Iterable[tuple[int, int]],
) -> ColumnElement[bool]:
    """`(chat_id, message_id) IN keys`, written as one equality and one IN per chat.

    SQLite (3.40) answers a row-value IN list by scanning the whole table, whatever the index:
    a batch with one edit read every stored comment, and ingest slowed as the database grew.
    Per-chat terms are index searches on SQLite and PostgreSQL alike.
    """
    by_chat: dict[int, list[int]] = {}
    for chat, message in keys:
        by_chat.setdefault(chat, []).append(message)
    if not by_chat:
        return false()
    return or_(*(and_(chat_id == chat, message_id.in_(ids)) for chat, ids in by_chat.items()))

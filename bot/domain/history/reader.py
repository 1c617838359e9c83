"""Read a whole export before anyone stores a row of it.

Two ways in, both all-or-nothing for the caller:
- `read_history` parses everything in one pass and returns the records; on any problem it
  raises and returns nothing. Memory is the records themselves (about 60 MB for 100,000).
- `open_history` makes a validating pass that keeps no records, then `chunks()` parses the
  same source again and yields records in chunks: constant memory for very large exports (the
  command-line import). The source must not change between the passes; bytes cannot.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from typing import Final

from bot.domain.history.chat import ExportedChat, exported_chat
from bot.domain.history.errors import ImportErrorCode, ImportFileError
from bot.domain.history.json_stream import JsonCursor
from bot.domain.history.message import ImportedMessage, MessageParser
from bot.domain.history.source import HistorySource, ImportLimits, Reader, open_source

DEFAULT_CHUNK: Final = 1_000
MESSAGES_KEY: Final = "messages"
# The first keys of a whole-account export (Settings > Export Telegram data), not one chat's.
ACCOUNT_EXPORT_KEYS: Final = frozenset(
    {"about", "personal_information", "profile_pictures", "contacts", "chats", "left_chats"}
)


@dataclass(frozen=True, slots=True)
class HistoryStats:
    messages: int
    service_messages: int
    skipped: int
    migrated: int
    local_dates: int
    first_date: datetime | None
    last_date: datetime | None
    member: str | None


@dataclass(frozen=True, slots=True)
class HistoryImport:
    chat: ExportedChat
    stats: HistoryStats
    messages: tuple[ImportedMessage, ...]

    def chunks(self, size: int = DEFAULT_CHUNK) -> Iterator[tuple[ImportedMessage, ...]]:
        for start in range(0, len(self.messages), size):
            yield self.messages[start : start + size]


@dataclass(frozen=True, slots=True)
class HistoryStream:
    chat: ExportedChat
    stats: HistoryStats
    source: HistorySource
    limits: ImportLimits
    local_timezone: tzinfo

    def chunks(self, size: int = DEFAULT_CHUNK) -> Iterator[tuple[ImportedMessage, ...]]:
        chunk: list[ImportedMessage] = []
        with open_source(self.source, self.limits) as opened:
            walk = _Walk(opened.read, self.local_timezone, self.limits)
            for message in walk.messages():
                chunk.append(message)
                if len(chunk) == size:
                    yield tuple(chunk)
                    chunk.clear()
        if chunk:
            yield tuple(chunk)


def read_history(
    source: HistorySource,
    *,
    limits: ImportLimits | None = None,
    local_timezone: tzinfo = UTC,
) -> HistoryImport:
    """Parse a result.json or zipped export folder completely; raises `ImportFileError`."""
    limits = limits or ImportLimits()
    with open_source(source, limits) as opened:
        walk = _Walk(opened.read, local_timezone, limits)
        messages = tuple(walk.messages())
        chat, stats = walk.result(opened.member)
    return HistoryImport(chat=chat, stats=stats, messages=messages)


def open_history(
    source: HistorySource,
    *,
    limits: ImportLimits | None = None,
    local_timezone: tzinfo = UTC,
) -> HistoryStream:
    """Validate the whole export without keeping records; stream them later with `chunks()`."""
    limits = limits or ImportLimits()
    with open_source(source, limits) as opened:
        walk = _Walk(opened.read, local_timezone, limits)
        for _ in walk.messages():
            pass
        chat, stats = walk.result(opened.member)
    return HistoryStream(chat, stats, source, limits, local_timezone)


class _Walk:
    def __init__(self, read: Reader, local_timezone: tzinfo, limits: ImportLimits) -> None:
        self._cursor = JsonCursor(read)
        self._parser = MessageParser(local_timezone)
        self._limits = limits
        self._chat: ExportedChat | None = None
        self._count = 0
        self._service = 0
        self._migrated = 0
        self._first: datetime | None = None
        self._last: datetime | None = None

    def messages(self) -> Iterator[ImportedMessage]:
        cursor = self._cursor
        parse = self._parser.parse
        for raw in cursor.walk_object(MESSAGES_KEY, self._on_key):
            message = parse(raw)
            if message is None:
                continue
            self._count += 1
            if self._count > self._limits.max_messages:
                raise ImportFileError(ImportErrorCode.TOO_LARGE, f"over {self._count} messages")
            self._tally(message)
            yield message

    def result(self, member: str | None) -> tuple[ExportedChat, HistoryStats]:
        if not self._cursor.streamed:
            raise ImportFileError(ImportErrorCode.NOT_AN_EXPORT, "no messages array")
        chat = self._chat or exported_chat(self._cursor.header)
        stats = HistoryStats(
            messages=self._count,
            service_messages=self._service,
            skipped=self._parser.skipped,
            migrated=self._migrated,
            local_dates=self._parser.local_dates,
            first_date=self._first,
            last_date=self._last,
            member=member,
        )
        return chat, stats

    def _on_key(self, key: str) -> None:
        if key in ACCOUNT_EXPORT_KEYS:
            raise ImportFileError(ImportErrorCode.ACCOUNT_EXPORT, f"top-level key {key!r}")
        if key == MESSAGES_KEY and {"type", "id"} <= self._cursor.header.keys():
            # Telegram Desktop writes name, type and id first: refuse a channel before parsing.
            self._chat = exported_chat(self._cursor.header)

    def _tally(self, message: ImportedMessage) -> None:
        if message.service_kind is not None:
            self._service += 1
        if message.message_id < 0:
            self._migrated += 1
        date = message.date
        if self._first is None or date < self._first:
            self._first = date
        if self._last is None or date > self._last:
            self._last = date

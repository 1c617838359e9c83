"""Feedback export: the filtered set of items as CSV or JSON bytes, produced incrementally.

CSV is for people who open it in a spreadsheet (Excel, WPS, Numbers, LibreOffice):
- UTF-8 with a byte order mark, or those programs guess a legacy code page and garble Chinese;
- RFC 4180: CRLF between records, every field quoted only when it must be, quotes doubled,
  newlines kept inside quoted fields;
- formula injection neutralised (OWASP "CSV Injection"): a text cell whose first character is
  ``= + - @``, TAB, CR, LF or NUL is prefixed with ``'``, which spreadsheets show as text. We
  also look past leading whitespace (LibreOffice and WPS can trim it on import, which would
  expose a formula) and treat the full-width forms ``＝ ＋ － ＠`` alike, defensively, since CJK
  input methods produce them. Only text cells are touched: integers we format ourselves (chat
  ids are negative) cannot start a formula and stay numbers.

JSON is for programs: UTF-8 without ASCII escapes, one object with the export metadata first,
then ``items``, then ``row_count``, which comes last because the items are streamed and only
counted on the way.

Both generators take any iterable of `FeedbackRow` (for instance a database cursor) and yield
chunks of about `CHUNK_ROWS` rows, so 100,000 rows never sit in memory as strings at once.
`CsvWriter` and `JsonWriter` write the same bytes into a file as chunks of rows arrive (the
export service reads the rows a chunk at a time and writes each one off the event loop).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime, tzinfo
from typing import BinaryIO, Final, Literal

CHUNK_ROWS: Final = 500
JSON_FORMAT: Final = "fanpulse.feedback.v1"
SUPERGROUP_ID_OFFSET: Final = 1_000_000_000_000
BOM: Final = "\ufeff".encode()

ExportFormat = Literal["csv", "json"]
FORMATS: Final[dict[str, ExportFormat]] = {"csv": "csv", "json": "json"}

Column = Literal[
    "chat_id",
    "chat_title",
    "message_id",
    "link",
    "created_at",
    "author_name",
    "author_id",
    "text",
    "tags",
    "sentiment",
    "status",
    "duplicate_of",
    "edited",
]
COLUMNS: Final[tuple[Column, ...]] = (
    "chat_id",
    "chat_title",
    "message_id",
    "link",
    "created_at",
    "author_name",
    "author_id",
    "text",
    "tags",
    "sentiment",
    "status",
    "duplicate_of",
    "edited",
)
DEFAULT_HEADERS: Final[Mapping[Column, str]] = {
    "chat_id": "Chat ID",
    "chat_title": "Chat",
    "message_id": "Message ID",
    "link": "Link",
    "created_at": "Created at",
    "author_name": "Author",
    "author_id": "Author ID",
    "text": "Text",
    "tags": "Tags",
    "sentiment": "Sentiment",
    "status": "Status",
    "duplicate_of": "Duplicate of",
    "edited": "Edited",
}
TAG_SEPARATOR: Final = ", "

_FORMULA_TRIGGERS: Final = frozenset("=+-@\t\r\n\0＝＋－＠")
_LEADING_BLANKS: Final = " \u00a0\u3000"


@dataclass(frozen=True, slots=True)
class FeedbackRow:
    """One feedback item as exported; `author_id` is a Telegram id or a pseudonym."""

    chat_id: int
    chat_title: str
    message_id: int
    created_at: datetime
    author_name: str
    author_id: int | str | None
    text: str | None
    tags: tuple[str, ...] = ()
    sentiment: str = "neutral"
    status: str = "new"
    duplicate_of: int | None = None
    edited: bool = False
    chat_username: str | None = None
    # What decided the automatic sentiment and tags, as the fan wrote it (the inbox shows it).
    sentiment_evidence: tuple[str, ...] = ()
    tag_evidence: tuple[tuple[str, tuple[str, ...]], ...] = ()

    @property
    def link(self) -> str | None:
        return message_link(self.chat_id, self.message_id, self.chat_username)


@dataclass(frozen=True, slots=True)
class ExportMeta:
    """What the JSON export says about itself; `filters` is a human description."""

    group_id: int
    group_title: str
    filters: str
    generated_at: datetime
    timezone: tzinfo


def message_link(chat_id: int, message_id: int, username: str | None = None) -> str | None:
    """The t.me link to a message, or None where Telegram has none.

    Public chats link by username; private supergroups and channels by their internal id
    (the Bot API id without its -100 prefix) under /c/. Basic groups and private chats have
    no message links, and neither do ids that never existed on Telegram (migrated history).
    """
    if message_id <= 0:
        return None
    if username:
        return f"https://t.me/{username.removeprefix('@')}/{message_id}"
    if chat_id <= -SUPERGROUP_ID_OFFSET:
        return f"https://t.me/c/{-chat_id - SUPERGROUP_ID_OFFSET}/{message_id}"
    return None


def neutralize(cell: str) -> str:
    """Make a text cell inert in spreadsheets (see the module docstring for the rule)."""
    stripped = cell.lstrip(_LEADING_BLANKS)
    if stripped and stripped[0] in _FORMULA_TRIGGERS:
        return "'" + cell
    return cell


def csv_chunks(
    rows: Iterable[FeedbackRow],
    timezone: tzinfo,
    headers: Mapping[Column, str] | None = None,
) -> Iterator[bytes]:
    """The CSV file as bytes chunks: BOM and header row first, then rows in `CHUNK_ROWS`s."""
    labels = _header_labels(headers)
    buffer = io.StringIO()
    writer = csv.writer(buffer, dialect="excel", lineterminator="\r\n")
    writer.writerow([neutralize(label) for label in labels])
    yield BOM + _drain(buffer)
    pending = 0
    for row in rows:
        writer.writerow(_csv_cells(row, timezone))
        pending += 1
        if pending == CHUNK_ROWS:
            yield _drain(buffer)
            pending = 0
    if pending:
        yield _drain(buffer)


def json_chunks(rows: Iterable[FeedbackRow], meta: ExportMeta) -> Iterator[bytes]:
    """The JSON document as bytes chunks; `row_count` closes it (see the module docstring)."""
    parts = [_json_opening(meta)]
    count = 0
    for row in rows:
        separator = "\n  " if count == 0 else ",\n  "
        parts.append(separator + json.dumps(_json_item(row, meta.timezone), ensure_ascii=False))
        count += 1
        if count % CHUNK_ROWS == 0:
            yield "".join(parts).encode()
            parts.clear()
    parts.append(("\n" if count else "") + f'], "row_count": {count}}}\n')
    yield "".join(parts).encode()


class CsvWriter:
    """The CSV written into a binary file a chunk of rows at a time (the header at once)."""

    def __init__(
        self,
        target: BinaryIO,
        timezone: tzinfo,
        headers: Mapping[Column, str] | None = None,
    ) -> None:
        self._target = target
        self._timezone = timezone
        self._buffer = io.StringIO()
        self._writer = csv.writer(self._buffer, dialect="excel", lineterminator="\r\n")
        self._writer.writerow([neutralize(label) for label in _header_labels(headers)])
        target.write(BOM + _drain(self._buffer))
        self.rows = 0

    def write(self, rows: Iterable[FeedbackRow]) -> None:
        for row in rows:
            self._writer.writerow(_csv_cells(row, self._timezone))
            self.rows += 1
        self._target.write(_drain(self._buffer))

    def close(self) -> None:
        """Nothing follows the last row in CSV."""


class JsonWriter:
    """The JSON document written into a binary file a chunk of rows at a time; `close` writes
    `row_count` and the closing brace."""

    def __init__(self, target: BinaryIO, meta: ExportMeta) -> None:
        self._target = target
        self._timezone = meta.timezone
        target.write(_json_opening(meta).encode())
        self.rows = 0

    def write(self, rows: Iterable[FeedbackRow]) -> None:
        parts = []
        for row in rows:
            separator = "\n  " if self.rows == 0 else ",\n  "
            item = json.dumps(_json_item(row, self._timezone), ensure_ascii=False)
            parts.append(separator + item)
            self.rows += 1
        self._target.write("".join(parts).encode())

    def close(self) -> None:
        ending = ("\n" if self.rows else "") + f'], "row_count": {self.rows}}}\n'
        self._target.write(ending.encode())


DocumentWriter = CsvWriter | JsonWriter


def document_writer(
    export_format: ExportFormat,
    target: BinaryIO,
    meta: ExportMeta,
    headers: Mapping[Column, str] | None = None,
) -> DocumentWriter:
    if export_format == "csv":
        return CsvWriter(target, meta.timezone, headers)
    return JsonWriter(target, meta)


def write_csv(
    target: BinaryIO,
    rows: Iterable[FeedbackRow],
    timezone: tzinfo,
    headers: Mapping[Column, str] | None = None,
) -> int:
    """Write the CSV into a binary file object; returns the number of bytes written."""
    return _write_all(target, csv_chunks(rows, timezone, headers))


def write_json(target: BinaryIO, rows: Iterable[FeedbackRow], meta: ExportMeta) -> int:
    """Write the JSON into a binary file object; returns the number of bytes written."""
    return _write_all(target, json_chunks(rows, meta))


def export_document(
    export_format: ExportFormat,
    rows: Iterable[FeedbackRow],
    meta: ExportMeta,
    headers: Mapping[Column, str] | None = None,
) -> bytes:
    """The whole document in one piece (what a Telegram upload takes)."""
    target = io.BytesIO()
    if export_format == "csv":
        write_csv(target, rows, meta.timezone, headers)
    else:
        write_json(target, rows, meta)
    return target.getvalue()


def _json_opening(meta: ExportMeta) -> str:
    head = {
        "format": JSON_FORMAT,
        "group": {"id": meta.group_id, "title": meta.group_title},
        "filters": meta.filters,
        "generated_at": _aware(meta.generated_at).astimezone(meta.timezone).isoformat(),
        "timezone": str(meta.timezone),
    }
    return json.dumps(head, ensure_ascii=False)[:-1] + ', "items": ['


def _header_labels(headers: Mapping[Column, str] | None) -> list[str]:
    overrides = dict(headers or {})
    unknown = set(overrides) - set(COLUMNS)
    if unknown:
        raise ValueError(f"unknown export columns: {sorted(unknown)}")
    return [overrides.get(column, DEFAULT_HEADERS[column]) for column in COLUMNS]


def _csv_cells(row: FeedbackRow, timezone: tzinfo) -> tuple[str | int, ...]:
    author_id = row.author_id
    return (
        row.chat_id,
        neutralize(row.chat_title),
        row.message_id,
        row.link or "",
        _local_iso(row.created_at, timezone),
        neutralize(row.author_name),
        neutralize(author_id) if isinstance(author_id, str) else _blank_none(author_id),
        neutralize(row.text or ""),
        neutralize(TAG_SEPARATOR.join(row.tags)),
        neutralize(row.sentiment),
        neutralize(row.status),
        _blank_none(row.duplicate_of),
        "true" if row.edited else "false",
    )


def _json_item(row: FeedbackRow, timezone: tzinfo) -> dict[str, object]:
    return {
        "chat_id": row.chat_id,
        "chat_title": row.chat_title,
        "message_id": row.message_id,
        "link": row.link,
        "created_at": _local_iso(row.created_at, timezone),
        "author_name": row.author_name,
        "author_id": row.author_id,
        "text": row.text,
        "tags": list(row.tags),
        "sentiment": row.sentiment,
        "status": row.status,
        "duplicate_of": row.duplicate_of,
        "edited": row.edited,
    }


def _local_iso(moment: datetime, timezone: tzinfo) -> str:
    return _aware(moment).astimezone(timezone).isoformat(timespec="seconds")


def _aware(moment: datetime) -> datetime:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"export times must be timezone-aware (UTC), got {moment!r}")
    return moment


def _blank_none(value: int | None) -> int | str:
    return "" if value is None else value


def _drain(buffer: io.StringIO) -> bytes:
    data = buffer.getvalue().encode()
    buffer.seek(0)
    buffer.truncate()
    return data


def _write_all(target: BinaryIO, chunks: Iterable[bytes]) -> int:
    written = 0
    for chunk in chunks:
        target.write(chunk)
        written += len(chunk)
    return written

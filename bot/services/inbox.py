"""The operators' inbox: a filtered query stored and read a page at a time, feedback counted per
tag, and the filtered set exported as a document sent privately to the operator."""

from __future__ import annotations

import asyncio
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Protocol
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.db import audit
from bot.db import inbox as store
from bot.db.chat_settings import group
from bot.db.operators import user_by_username
from bot.db.tag_sets import load_tag_set
from bot.domain.audit import AuditEvent
from bot.domain.export import Column, ExportFormat, ExportMeta, FeedbackRow, document_writer
from bot.domain.inbox import (
    COUNT_CAP,
    PAGE_SIZE,
    InboxError,
    InboxErrorCode,
    InboxFilter,
    RawFilter,
    clamp_page,
    is_expired,
    page_count,
    parse_filters,
    parse_period,
    resolve,
)
from bot.domain.roles import Actor
from bot.i18n import Html
from bot.services.clock import utc_now
from bot.services.progress import Progress, crossed

MAX_EXPORT_ROWS = 100_000


EXPORT_CHUNK = 500


class DocumentCourier(Protocol):
    async def send_document(self, user_id: int, path: Path, name: str, caption: Html) -> bool:
        """Send the file to the person's private chat; False when they have not started the
        bot."""
        ...


@dataclass(frozen=True, slots=True)
class InboxPage:
    query_id: int
    filters: InboxFilter
    total: int  # at most COUNT_CAP
    more: bool  # more than `total` match
    page: int
    pages: int
    rows: list[FeedbackRow]
    timezone: str


@dataclass(frozen=True, slots=True)
class RankedTags:
    ranked: list[tuple[str, int]]  # most first
    newest_only: bool  # counted over the period's newest COUNTS_WINDOW comments


@dataclass(frozen=True, slots=True)
class ExportRequest:
    """What to export and how the document is labelled (the reader's language)."""

    chat_id: int
    title: str
    actor: Actor
    export_format: ExportFormat
    arguments: str
    headers: Mapping[Column, str]
    caption: Callable[[int], Html]  # the caption for this many rows


@dataclass(frozen=True, slots=True)
class Browsed:
    """A stretch of the filtered items, newest first, and where the next one starts."""

    filters: InboxFilter
    total: int  # at most COUNT_CAP
    more: bool  # more than `total` match
    rows: list[FeedbackRow]
    after: store.After | None  # None: nothing further
    timezone: str


@dataclass(frozen=True, slots=True)
class Exported:
    rows: int
    delivered: bool  # False: the operator has not started the bot, nothing was sent


class InboxService:
    def __init__(
        self,
        session_factory: async_sessionmaker[AsyncSession],
        courier: DocumentCourier,
        default_timezone: str,
        now: Callable[[], datetime] = utc_now,
        tag_aliases: Mapping[str, str] | None = None,
    ) -> None:
        self._session_factory = session_factory
        self._courier = courier
        self._default_timezone = default_timezone
        self._now = now
        self._tag_aliases = tag_aliases or {}

    async def open(self, chat_id: int, actor: Actor, arguments: str) -> InboxPage:
        """Store the query typed (`InboxError` when anything in it is wrong); its first page.
        An anonymous administrator's query belongs to the group."""
        user_id = actor.user_id or chat_id
        now = self._now()
        async with self._session_factory() as session, session.begin():
            filters = await self._filters(session, chat_id, arguments, now)
            query_id = await store.save_query(session, user_id, chat_id, filters, now)
        return await self._page(chat_id, query_id, 0)

    async def page(self, chat_id: int, query_id: int, wanted: int) -> InboxPage:
        """A page of a stored query; `InboxError` when it is not this group's or has expired."""
        async with self._session_factory() as session:
            stored = await store.load_query(session, query_id)
        if stored is None or stored.chat_id != chat_id:
            raise InboxError(InboxErrorCode.UNKNOWN_QUERY)
        if is_expired(stored.created_at, self._now()):
            raise InboxError(InboxErrorCode.EXPIRED)
        return await self._page(chat_id, query_id, wanted)

    async def _page(self, chat_id: int, query_id: int, wanted: int) -> InboxPage:
        async with self._session_factory() as session:
            stored = await store.load_query(session, query_id)
            assert stored is not None, "read right after it was stored or checked"
            counted = await store.count_items(session, chat_id, stored.filters)
            total = min(counted, COUNT_CAP)
            pages = page_count(total)
            page = clamp_page(wanted, pages)
            rows = await store.items(
                session, chat_id, stored.filters, offset=page * PAGE_SIZE, limit=PAGE_SIZE
            )
            timezone = await self._timezone(session, chat_id)
        more = counted > COUNT_CAP
        return InboxPage(query_id, stored.filters, total, more, page, pages, rows, timezone)

    async def browse(
        self, chat_id: int, arguments: str, after: store.After | None, limit: int
    ) -> Browsed:
        """The filters typed as after /inbox (`InboxError` when anything is wrong), read a
        stretch at a time by keyset: nothing is stored, a scroll does not skip or repeat an item
        when new feedback arrives."""
        now = self._now()
        async with self._session_factory() as session:
            filters = await self._filters(session, chat_id, arguments, now)
            counted = await store.count_items(session, chat_id, filters)
            rows, following = await store.items_after(session, chat_id, filters, after, limit)
            timezone = await self._timezone(session, chat_id)
        return Browsed(
            filters, min(counted, COUNT_CAP), counted > COUNT_CAP, rows, following, timezone
        )

    async def items(self, chat_id: int, message_ids: list[int]) -> list[FeedbackRow]:
        """These items as the inbox shows them (after an action changed them)."""
        async with self._session_factory() as session:
            return await store.items_by_id(session, chat_id, message_ids)

    async def tag_names(self, chat_id: int) -> list[str]:
        """The group's tags (its set, built-in and its own), the ones an item may be given."""
        async with self._session_factory() as session:
            return list((await load_tag_set(session, chat_id)).names)

    async def counts(self, chat_id: int, typed: str) -> RankedTags:
        """Feedback per tag over the period typed (read in the group's time zone; `InboxError`
        when it is not one), every tag of the set included, most first; over the period's
        newest COUNTS_WINDOW comments when it holds more."""
        async with self._session_factory() as session:
            timezone = await self._timezone(session, chat_id)
            period = parse_period(typed, now=self._now(), timezone=timezone)
            until = period.end if period.days is not None else None
            counted = await store.tag_counts(session, chat_id, period.start, until)
            names = (await load_tag_set(session, chat_id)).names
        every = {name: counted.counts.get(name, 0) for name in names} | counted.counts
        ranked = sorted(every.items(), key=lambda item: (-item[1], item[0]))
        return RankedTags(ranked, counted.newest_only)

    async def export(
        self, request: ExportRequest, user_id: int, progress: Progress | None = None
    ) -> Exported:
        """The filtered set as a document, sent to `user_id` privately, then audited.
        `InboxError` when the filters are wrong. The rows are read and written a chunk at a
        time into a temporary file (memory stays the same whatever the size); `progress` hears
        every `PROGRESS_EVERY` rows."""
        chat_id = request.chat_id
        now = self._now()
        async with self._session_factory() as session:
            filters = await self._filters(session, chat_id, request.arguments, now)
            timezone = await self._timezone(session, chat_id)
        described = filters.describe()
        meta = ExportMeta(chat_id, request.title, described, now, ZoneInfo(timezone))
        name = f"feedback-{-chat_id}-{now:%Y%m%d-%H%M}.{request.export_format}"
        with tempfile.TemporaryDirectory(prefix="fanpulse-export-") as folder:
            path = Path(folder) / name
            rows = await self._write(path, request, filters, meta, progress)
            caption = request.caption(rows)
            if not await self._courier.send_document(user_id, path, name, caption):
                return Exported(rows, delivered=False)
        async with self._session_factory() as session, session.begin():
            await audit.record(
                session,
                AuditEvent(
                    chat_id=chat_id,
                    actor=request.actor,
                    action="feedback-exported",
                    at=now,
                    detail=f"{request.export_format}, {rows}: {described}"[:500],
                ),
            )
        return Exported(rows, delivered=True)

    async def _write(
        self,
        path: Path,
        request: ExportRequest,
        filters: InboxFilter,
        meta: ExportMeta,
        progress: Progress | None,
    ) -> int:
        """Write the document into `path`; how many rows it holds."""
        with path.open("wb") as target:
            writer = await asyncio.to_thread(
                document_writer, request.export_format, target, meta, request.headers
            )
            after: store.After | None = None
            while writer.rows < MAX_EXPORT_ROWS:
                wanted = min(EXPORT_CHUNK, MAX_EXPORT_ROWS - writer.rows)
                # A short read per chunk: no transaction stays open while the file is written.
                async with self._session_factory() as session:
                    rows, after = await store.items_after(
                        session, request.chat_id, filters, after, wanted
                    )
                before = writer.rows
                await asyncio.to_thread(writer.write, rows)
                if progress is not None and crossed(before, writer.rows):
                    await progress(writer.rows)
                if after is None:
                    break
            await asyncio.to_thread(writer.close)
        return writer.rows

    async def _filters(
        self, session: AsyncSession, chat_id: int, arguments: str, now: datetime
    ) -> InboxFilter:
        """Parse and resolve what was typed; `InboxError` when anything is wrong."""
        tag_set = await load_tag_set(session, chat_id)
        timezone = await self._timezone(session, chat_id)
        raw = parse_filters(
            arguments, tag_set.names, now=now, timezone=timezone, aliases=self._tag_aliases
        )
        return resolve(raw, await _author_id(session, raw))

    async def _timezone(self, session: AsyncSession, chat_id: int) -> str:
        record = await group(session, chat_id)
        return (record.timezone if record else None) or self._default_timezone


async def _author_id(session: AsyncSession, raw: RawFilter) -> int | None:
    if raw.author is None:
        return None
    if raw.author.isdigit():
        return int(raw.author)
    found = await user_by_username(session, raw.author.removeprefix("@"))
    if found is None:
        raise InboxError(InboxErrorCode.UNKNOWN_AUTHOR, raw.author)
    return found

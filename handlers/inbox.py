"""The operators' inbox: /inbox [filters] (a page at a time, newest first), /inbox_counts
[period] (feedback per tag), /export csv|json [filters] (the filtered set as a document).

Filters are described in bot/domain/inbox.py. A page button carries only the id of the stored
query; the group inside it is data, re-checked like every operator button, and the stored query
must belong to that group.
"""

from __future__ import annotations

import asyncio
import io
from datetime import UTC, datetime
from typing import Literal
from zoneinfo import ZoneInfo

from aiogram import Bot, Router
from aiogram.exceptions import TelegramForbiddenError
from aiogram.filters import CommandObject
from aiogram.filters.callback_data import CallbackData
from aiogram.types import BufferedInputFile, CallbackQuery, InlineKeyboardMarkup, Message
from aiogram.utils.keyboard import InlineKeyboardBuilder
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.config import Settings
from bot.db import audit
from bot.db import inbox as store
from bot.db.chat_settings import group
from bot.db.operators import user_by_username
from bot.db.tag_sets import load_tag_set
from bot.domain.export import COLUMNS, Column, ExportMeta, FeedbackRow, write_csv, write_json
from bot.domain.inbox import (
    DEFAULT_COUNTS_PERIOD,
    PAGE_SIZE,
    InboxError,
    InboxErrorCode,
    InboxFilter,
    RawFilter,
    clamp_page,
    excerpt,
    is_expired,
    page_count,
    parse_filters,
    parse_period,
    resolve,
)
from bot.domain.roles import OperatorCommand, Role
from bot.i18n import Html, Texts, moment
from bot.telegram.show_in_place import show_in_place
from handlers.authority import operator_callback, operator_command
from handlers.callbacks import BigInt
from handlers.features import Feature
from handlers.middlewares import OperatorContext

INBOX = OperatorCommand("inbox", Role.ANALYST)
INBOX_COUNTS = OperatorCommand("inbox_counts", Role.ANALYST)
INBOX_PAGE = OperatorCommand("inbox-page", Role.ANALYST)
EXPORT = OperatorCommand("export", Role.OPERATOR, destructive=True)
MAX_EXPORT_ROWS = 100_000
ExportFormat = Literal["csv", "json"]
FORMATS: dict[str, ExportFormat] = {"csv": "csv", "json": "json"}


class InboxPageCb(CallbackData, prefix="ib1"):
    chat_id: BigInt
    query: BigInt
    page: BigInt


ECHO_LIMIT = 100  # what was typed, quoted back; Fluent refuses a placeable over 1000


def inbox_error(texts: Texts, error: InboxError) -> Html:
    value = error.value if len(error.value) <= ECHO_LIMIT else error.value[:ECHO_LIMIT] + "…"
    return texts("inbox-error", code=error.code.value, value=value)


async def _filters(
    session: AsyncSession, chat_id: int, arguments: str, now: datetime
) -> InboxFilter:
    """Parse and resolve what was typed; `InboxError` when anything is wrong."""
    tag_set = await load_tag_set(session, chat_id)
    raw = parse_filters(arguments, tag_set.names)
    return resolve(raw, await _author_id(session, raw), now)


async def _author_id(session: AsyncSession, raw: RawFilter) -> int | None:
    if raw.author is None:
        return None
    if raw.author.isdigit():
        return int(raw.author)
    found = await user_by_username(session, raw.author.removeprefix("@"))
    if found is None:
        raise InboxError(InboxErrorCode.UNKNOWN_AUTHOR, raw.author)
    return found


async def _timezone(session: AsyncSession, chat_id: int, settings: Settings) -> str:
    record = await group(session, chat_id)
    return (record.timezone if record else None) or settings.default_timezone


async def cmd_inbox(
    message: Message,
    *,
    command: CommandObject,
    operator: OperatorContext,
    texts: Texts,
    session_factory: async_sessionmaker[AsyncSession],
    settings: Settings,
) -> None:
    now = datetime.now(UTC)
    try:
        async with session_factory() as session, session.begin():
            filters = await _filters(session, operator.chat_id, command.args or "", now)
            user_id = operator.actor.user_id or operator.chat_id
            query_id = await store.save_query(session, user_id, operator.chat_id, filters, now)
    except InboxError as error:
        await message.reply(inbox_error(texts, error))
        return
    text, keyboard = await _render(
        operator, texts, session_factory, settings, query_id=query_id, wanted=0
    )
    await message.answer(text, reply_markup=keyboard, disable_web_page_preview=True)


async def cb_inbox_page(
    query: CallbackQuery,
    *,
    callback_data: InboxPageCb,
    operator: OperatorContext,
    texts: Texts,
    session_factory: async_sessionmaker[AsyncSession],
    settings: Settings,
) -> None:
    async with session_factory() as session:
        stored = await store.load_query(session, callback_data.query)
    error: InboxError | None = None
    if stored is None or stored.chat_id != operator.chat_id:
        error = InboxError(InboxErrorCode.UNKNOWN_QUERY)
    elif is_expired(stored.created_at, datetime.now(UTC)):
        error = InboxError(InboxErrorCode.EXPIRED)
    if error is not None:
        await query.answer(
            texts.plain("inbox-error", code=error.code.value, value=""), show_alert=True
        )
        return
    text, keyboard = await _render(
        operator,
        texts,
        session_factory,
        settings,
        query_id=callback_data.query,
        wanted=callback_data.page,
    )
    await show_in_place(query, text, keyboard, disable_web_page_preview=True)


async def _render(
    operator: OperatorContext,
    texts: Texts,
    session_factory: async_sessionmaker[AsyncSession],
    settings: Settings,
    *,
    query_id: int,
    wanted: int,
) -> tuple[Html, InlineKeyboardMarkup | None]:
    async with session_factory() as session:
        stored = await store.load_query(session, query_id)
        assert stored is not None, "rendered right after it was stored or checked"
        total = await store.count_items(session, operator.chat_id, stored.filters)
        pages = page_count(total)
        page = clamp_page(wanted, pages)
        rows = await store.items(
            session, operator.chat_id, stored.filters, offset=page * PAGE_SIZE, limit=PAGE_SIZE
        )
        timezone = await _timezone(session, operator.chat_id, settings)
    lines = [
        texts("inbox-title", title=operator.title, total=total, page=page + 1, pages=pages),
    ]
    described = stored.filters.describe()
    if described:
        lines.append(texts("inbox-filters", filters=described))
    lines.extend(_item(texts, row, timezone) for row in rows)
    if not rows:
        lines.append(texts("inbox-empty"))
    return texts.lines(lines), _keyboard(texts, operator.chat_id, query_id, page, pages)


def _item(texts: Texts, row: FeedbackRow, timezone: str) -> Html:
    when = moment(row.created_at, timezone)
    link = row.link
    stamp = texts("inbox-link", link=link, when=when) if link else texts("inbox-when", when=when)
    return texts(
        "inbox-item",
        when=stamp,
        author=row.author_name or str(row.author_id or ""),
        tags=" ".join(f"#{tag}" for tag in row.tags),
        tagged=str(bool(row.tags)).lower(),
        sentiment=row.sentiment,
        status=row.status,
        text=excerpt(row.text),
    )


def _keyboard(
    texts: Texts, chat_id: int, query_id: int, page: int, pages: int
) -> InlineKeyboardMarkup | None:
    if pages <= 1:
        return None
    builder = InlineKeyboardBuilder()
    if page > 0:
        builder.button(
            text=texts.plain("inbox-newer"),
            callback_data=InboxPageCb(chat_id=chat_id, query=query_id, page=page - 1),
        )
    if page + 1 < pages:
        builder.button(
            text=texts.plain("inbox-older"),
            callback_data=InboxPageCb(chat_id=chat_id, query=query_id, page=page + 1),
        )
    return builder.as_markup()


async def cmd_inbox_counts(
    message: Message,
    *,
    command: CommandObject,
    operator: OperatorContext,
    texts: Texts,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    typed = (command.args or "").strip() or DEFAULT_COUNTS_PERIOD
    try:
        period = parse_period(typed)
    except InboxError as error:
        await message.reply(inbox_error(texts, error))
        return
    since = datetime.now(UTC) - period
    async with session_factory() as session:
        counts = await store.tag_counts(session, operator.chat_id, since)
        names = (await load_tag_set(session, operator.chat_id)).names
    every = {name: counts.get(name, 0) for name in names} | counts
    ranked = sorted(every.items(), key=lambda item: (-item[1], item[0]))
    lines = [texts("inbox-counts-title", title=operator.title, period=typed)]
    lines.extend(texts("inbox-counts-line", tag=tag, count=count) for tag, count in ranked)
    if not ranked:
        lines.append(texts("inbox-empty"))
    await message.answer(texts.lines(lines))


async def cmd_export(
    message: Message,
    *,
    bot: Bot,
    command: CommandObject,
    operator: OperatorContext,
    texts: Texts,
    session_factory: async_sessionmaker[AsyncSession],
    settings: Settings,
) -> None:
    kind, _, arguments = (command.args or "").strip().partition(" ")
    export_format = FORMATS.get(kind.lower())
    if export_format is None:
        await message.reply(texts("export-usage"))
        return
    if operator.actor.user_id is None:
        await message.reply(texts("export-private-only"))
        return
    now = datetime.now(UTC)
    try:
        async with session_factory() as session:
            filters = await _filters(session, operator.chat_id, arguments, now)
            rows = await store.items(session, operator.chat_id, filters, limit=MAX_EXPORT_ROWS)
            timezone = await _timezone(session, operator.chat_id, settings)
    except InboxError as error:
        await message.reply(inbox_error(texts, error))
        return
    meta = ExportMeta(operator.chat_id, operator.title, filters.describe(), now, ZoneInfo(timezone))
    data = await asyncio.to_thread(_document, export_format, rows, meta, _headers(texts))
    name = f"feedback-{-operator.chat_id}-{now:%Y%m%d-%H%M}.{export_format}"
    caption = texts("export-caption", title=operator.title, count=len(rows), format=export_format)
    try:
        await bot.send_document(
            operator.actor.user_id, BufferedInputFile(data, name), caption=caption
        )
    except TelegramForbiddenError:
        await message.reply(texts("export-start-me"))
        return
    async with session_factory() as session, session.begin():
        await audit.record(
            session,
            operator.audit(
                "feedback-exported",
                now,
                detail=f"{export_format}, {len(rows)}: {filters.describe()}"[:500],
            ),
        )
    if not operator.in_private:
        await message.reply(texts("export-sent-privately", count=len(rows)))


def _headers(texts: Texts) -> dict[Column, str]:
    return {column: texts.plain(f"export-column-{column}") for column in COLUMNS}


def _document(
    export_format: ExportFormat,
    rows: list[FeedbackRow],
    meta: ExportMeta,
    headers: dict[Column, str],
) -> bytes:
    target = io.BytesIO()
    if export_format == "csv":
        write_csv(target, rows, meta.timezone, headers)
    else:
        write_json(target, rows, meta)
    return target.getvalue()


def create_router() -> Router:
    router = Router(name=__name__)
    operator_command(router, INBOX, cmd_inbox)
    operator_command(router, INBOX_COUNTS, cmd_inbox_counts)
    operator_command(router, EXPORT, cmd_export)
    return router


def create_callback_router() -> Router:
    router = Router(name=f"{__name__}.callbacks")
    operator_callback(router, INBOX_PAGE, InboxPageCb, cb_inbox_page)
    return router


FEATURE = Feature(name="inbox", operator=(create_router,), buttons=(create_callback_router,))

"""The operators' inbox: /inbox [filters] (a page at a time, newest first), /inbox_counts
[period] (feedback per tag), /export csv|json [filters] (the filtered set as a document).

Filters are described in bot/domain/inbox.py. A page button carries only the id of the stored
query; the group inside it is data, re-checked like every operator button, and the stored query
must belong to that group.
"""

from __future__ import annotations

from aiogram import Bot, Router
from aiogram.filters import CommandObject
from aiogram.types import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.domain.export import COLUMNS, FORMATS, FeedbackRow
from bot.domain.inbox import (
    COUNTS_WINDOW,
    DEFAULT_COUNTS_PERIOD,
    SHORT_TEXT_WINDOW,
    InboxError,
    excerpt,
    searches_recent_only,
)
from bot.domain.roles import OperatorCommand, Role
from bot.i18n import Html, Texts, moment
from bot.services.inbox import ExportRequest, InboxPage, InboxService
from bot.services.tags import shown_tag, tag_aliases
from bot.services.videos import VideoRegistry
from bot.telegram.inbox_courier import TelegramDocumentCourier
from bot.telegram.progress_note import ProgressNote
from bot.telegram.show_in_place import show_in_place
from handlers.authority import operator_callback, operator_command
from handlers.callbacks import InboxLinkCb, InboxPageCb
from handlers.features import Built, Feature, Wiring
from handlers.middlewares import OperatorContext
from handlers.tag_evidence import evidence_line

INBOX = OperatorCommand("inbox", Role.ANALYST)
INBOX_COUNTS = OperatorCommand("inbox_counts", Role.ANALYST)
INBOX_PAGE = OperatorCommand("inbox-page", Role.ANALYST)
EXPORT = OperatorCommand("export", Role.OPERATOR, destructive=True)


ECHO_LIMIT = 100  # what was typed, quoted back; Fluent refuses a placeable over 1000


def inbox_error(texts: Texts, error: InboxError) -> Html:
    value = error.value if len(error.value) <= ECHO_LIMIT else error.value[:ECHO_LIMIT] + "…"
    said = texts("inbox-error", code=error.code.value, value=value)
    if error.suggestion is None:
        return said
    return texts.lines([said, texts("inbox-did-you-mean", suggestion=error.suggestion)])


async def cmd_inbox(
    message: Message,
    *,
    command: CommandObject,
    operator: OperatorContext,
    texts: Texts,
    inbox: InboxService,
    videos: VideoRegistry,
) -> None:
    try:
        page = await inbox.open(operator.chat_id, operator.actor, command.args or "")
    except InboxError as error:
        await message.reply(inbox_error(texts, error))
        return
    can_link = await has_videos(videos, operator.chat_id, operator.role)
    text, keyboard = render_page(operator, texts, page, can_link=can_link)
    await message.answer(text, reply_markup=keyboard, disable_web_page_preview=True)


async def cb_inbox_page(
    query: CallbackQuery,
    *,
    callback_data: InboxPageCb,
    operator: OperatorContext,
    texts: Texts,
    inbox: InboxService,
    videos: VideoRegistry,
) -> None:
    page = await page_or_alert(
        query, inbox, operator, texts, query_id=callback_data.query, number=callback_data.page
    )
    if page is None:
        return
    can_link = await has_videos(videos, operator.chat_id, operator.role)
    text, keyboard = render_page(operator, texts, page, can_link=can_link)
    await show_in_place(query, text, keyboard, disable_web_page_preview=True)


async def page_or_alert(
    query: CallbackQuery,
    inbox: InboxService,
    operator: OperatorContext,
    texts: Texts,
    *,
    query_id: int,
    number: int,
) -> InboxPage | None:
    """The inbox page a button names, or None once the tapper was told why it cannot be read."""
    try:
        return await inbox.page(operator.chat_id, query_id, number)
    except InboxError as error:
        await query.answer(
            texts.plain("inbox-error", code=error.code.value, value=""), show_alert=True
        )
        return None


async def has_videos(videos: VideoRegistry, chat_id: int, role: Role) -> bool:
    """The Link button is offered to operators of a group with a video to link to."""
    if role < Role.OPERATOR:
        return False
    return (await videos.page(chat_id, 0, archived=False)).total > 0


def render_page(
    operator: OperatorContext, texts: Texts, page: InboxPage, *, can_link: bool = False
) -> tuple[Html, InlineKeyboardMarkup | None]:
    lines = [
        texts(
            "inbox-title",
            title=operator.title,
            total=page.total,
            more=str(page.more).lower(),
            page=page.page + 1,
            pages=page.pages,
        ),
    ]
    described = page.filters.describe()
    if described:
        lines.append(texts("inbox-filters", filters=described))
    if searches_recent_only(page.filters.text):
        lines.append(texts("inbox-short-text", window=SHORT_TEXT_WINDOW))
    for row in page.rows:
        lines.append(_item(texts, row, page.timezone))
        why = evidence_line(texts, row)
        if why is not None:
            lines.append(why)
    if not page.rows:
        lines.append(texts("inbox-empty"))
    keyboard = _keyboard(texts, operator.chat_id, page.query_id, page.page, page.pages)
    if can_link and page.rows:
        keyboard = _with_link_button(texts, keyboard, operator.chat_id, page)
    return texts.lines(lines), keyboard


def _with_link_button(
    texts: Texts, keyboard: InlineKeyboardMarkup | None, chat_id: int, page: InboxPage
) -> InlineKeyboardMarkup:
    button = InlineKeyboardButton(
        text=texts.plain("inbox-link-button"),
        callback_data=InboxLinkCb(chat_id=chat_id, query=page.query_id, page=page.page).pack(),
    )
    rows = list(keyboard.inline_keyboard) if keyboard is not None else []
    return InlineKeyboardMarkup(inline_keyboard=[*rows, [button]])


def _item(texts: Texts, row: FeedbackRow, timezone: str) -> Html:
    when = moment(row.created_at, timezone)
    link = row.link
    stamp = texts("inbox-link", link=link, when=when) if link else texts("inbox-when", when=when)
    return texts(
        "inbox-item",
        when=stamp,
        author=row.author_name or str(row.author_id or ""),
        tags=" ".join(f"#{shown_tag(texts, tag)}" for tag in row.tags),
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
    inbox: InboxService,
) -> None:
    typed = (command.args or "").strip() or DEFAULT_COUNTS_PERIOD
    try:
        ranked = await inbox.counts(operator.chat_id, typed)
    except InboxError as error:
        await message.reply(inbox_error(texts, error))
        return
    lines = [texts("inbox-counts-title", title=operator.title, period=typed)]
    lines.extend(
        texts("inbox-counts-line", tag=shown_tag(texts, tag), count=count)
        for tag, count in ranked.ranked
    )
    if not ranked.ranked:
        lines.append(texts("inbox-empty"))
    if ranked.newest_only:
        lines.append(texts("inbox-counts-newest", window=COUNTS_WINDOW))
    await message.answer(texts.lines(lines))


async def cmd_export(
    message: Message,
    *,
    command: CommandObject,
    operator: OperatorContext,
    texts: Texts,
    inbox: InboxService,
    bot: Bot,
) -> None:
    kind, _, arguments = (command.args or "").strip().partition(" ")
    export_format = FORMATS.get(kind.lower())
    if export_format is None:
        await message.reply(texts("export-usage"))
        return
    if operator.actor.user_id is None:
        await message.reply(texts("export-private-only"))
        return
    request = ExportRequest(
        chat_id=operator.chat_id,
        title=operator.title,
        actor=operator.actor,
        export_format=export_format,
        arguments=arguments,
        headers={column: texts.plain(f"export-column-{column}") for column in COLUMNS},
        caption=lambda count: texts(
            "export-caption", title=operator.title, count=count, format=export_format
        ),
    )
    try:
        exported = await inbox.export(
            request, operator.actor.user_id, ProgressNote(bot, message, texts, "export-progress")
        )
    except InboxError as error:
        await message.reply(inbox_error(texts, error))
        return
    if not exported.delivered:
        await message.reply(texts("export-start-me"))
        return
    if not operator.in_private:
        await message.reply(texts("export-sent-privately", count=exported.rows))


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


def _build(wiring: Wiring) -> Built:
    inbox = InboxService(
        wiring.session_factory,
        TelegramDocumentCourier(wiring.bot),
        wiring.settings.default_timezone,
        tag_aliases=tag_aliases(wiring.translator),
    )
    return Built(services={"inbox": inbox})


FEATURE = Feature(
    name="inbox",
    operator=(create_router,),
    buttons=(create_callback_router,),
    build=_build,
)

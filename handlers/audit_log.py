"""/audit: the group's operator actions, newest first, a page at a time."""

from __future__ import annotations

from aiogram import Router
from aiogram.filters import CommandObject
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from aiogram.utils.keyboard import InlineKeyboardBuilder
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.config import Settings
from bot.db import audit
from bot.db.chat_settings import group
from bot.db.operators import user_name
from bot.domain.audit import PAGE_SIZE, AuditEvent, AuditPage, clamp_page, page_count
from bot.domain.roles import OperatorCommand, Role
from bot.i18n import Html, Texts, moment
from bot.telegram.show_in_place import show_in_place
from handlers.authority import operator_callback, operator_command
from handlers.callbacks import AuditPageCb
from handlers.features import Feature
from handlers.middlewares import OperatorContext

AUDIT = OperatorCommand("audit", Role.OPERATOR)
AUDIT_PAGE = OperatorCommand("audit-page", Role.OPERATOR)


async def cmd_audit(
    message: Message,
    *,
    command: CommandObject,
    operator: OperatorContext,
    texts: Texts,
    session_factory: async_sessionmaker[AsyncSession],
    settings: Settings,
) -> None:
    wanted = int(command.args) - 1 if command.args and command.args.strip().isdigit() else 0
    text, keyboard = await _render(operator, texts, session_factory, settings, wanted)
    await message.answer(text, reply_markup=keyboard)


async def cb_audit_page(
    query: CallbackQuery,
    *,
    callback_data: AuditPageCb,
    operator: OperatorContext,
    texts: Texts,
    session_factory: async_sessionmaker[AsyncSession],
    settings: Settings,
) -> None:
    text, keyboard = await _render(operator, texts, session_factory, settings, callback_data.page)
    await show_in_place(query, text, keyboard)


async def _render(
    operator: OperatorContext,
    texts: Texts,
    session_factory: async_sessionmaker[AsyncSession],
    settings: Settings,
    wanted: int,
) -> tuple[Html, InlineKeyboardMarkup | None]:
    async with session_factory() as session:
        pages = page_count(await audit.count(session, operator.chat_id))
        page_number = clamp_page(wanted, pages)
        events = await audit.newest_first(
            session, operator.chat_id, page_number * PAGE_SIZE, PAGE_SIZE
        )
        record = await group(session, operator.chat_id)
        timezone = (record.timezone if record else None) or settings.default_timezone
        lines = [texts("audit-title", title=operator.title, page=page_number + 1, pages=pages)]
        lines.extend([await _line(session, texts, event, timezone) for event in events])
    if not events:
        lines.append(texts("audit-empty"))
    page = AuditPage(events, page_number, pages)
    return texts.lines(lines), _keyboard(texts, operator.chat_id, page)


async def _line(session: AsyncSession, texts: Texts, event: AuditEvent, timezone: str) -> Html:
    if event.actor.is_anonymous_admin:
        who = texts("audit-anonymous-admin")
    else:
        assert event.actor.user_id is not None
        name = await user_name(session, event.actor.user_id)
        who = texts("audit-person", name=name or str(event.actor.user_id))
    subject = ""
    if event.subject_user_id is not None:
        subject = await user_name(session, event.subject_user_id) or str(event.subject_user_id)
    return texts(
        "audit-entry",
        when=moment(event.at, timezone),
        who=who,
        action=event.action,
        subject=subject,
        detail=event.detail or "",
    )


def _keyboard(texts: Texts, chat_id: int, page: AuditPage) -> InlineKeyboardMarkup | None:
    if not (page.has_previous or page.has_next):
        return None
    builder = InlineKeyboardBuilder()
    if page.has_previous:
        builder.button(
            text=texts.plain("audit-newer"),
            callback_data=AuditPageCb(chat_id=chat_id, page=page.page - 1),
        )
    if page.has_next:
        builder.button(
            text=texts.plain("audit-older"),
            callback_data=AuditPageCb(chat_id=chat_id, page=page.page + 1),
        )
    return builder.as_markup()


def create_router() -> Router:
    router = Router(name=__name__)
    operator_command(router, AUDIT, cmd_audit)
    return router


def create_callback_router() -> Router:
    router = Router(name=f"{__name__}.callbacks")
    operator_callback(router, AUDIT_PAGE, AuditPageCb, cb_audit_page)
    return router


FEATURE = Feature(name="audit", operator=(create_router,), buttons=(create_callback_router,))

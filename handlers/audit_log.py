"""/audit: the group's operator actions, newest first, a page at a time."""

from __future__ import annotations

from aiogram import Router
from aiogram.filters import CommandObject
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.domain.arguments import parse_number
from bot.domain.audit import AuditPage
from bot.domain.roles import OperatorCommand, Role
from bot.i18n import Html, Texts, moment
from bot.services.audit_log import AuditLog, AuditView, Entry
from bot.services.tags import shown_tag
from bot.telegram.show_in_place import show_in_place
from handlers.authority import operator_callback, operator_command
from handlers.callbacks import AuditPageCb
from handlers.features import Built, Feature, Wiring
from handlers.middlewares import OperatorContext

AUDIT = OperatorCommand("audit", Role.OPERATOR)
AUDIT_PAGE = OperatorCommand("audit-page", Role.OPERATOR)


async def cmd_audit(
    message: Message,
    *,
    command: CommandObject,
    operator: OperatorContext,
    texts: Texts,
    audit_log: AuditLog,
) -> None:
    number = parse_number(command.args or "")
    wanted = number - 1 if number is not None else 0
    text, keyboard = _render(operator, texts, await audit_log.page(operator.chat_id, wanted))
    await message.answer(text, reply_markup=keyboard)


async def cb_audit_page(
    query: CallbackQuery,
    *,
    callback_data: AuditPageCb,
    operator: OperatorContext,
    texts: Texts,
    audit_log: AuditLog,
) -> None:
    view = await audit_log.page(operator.chat_id, callback_data.page)
    text, keyboard = _render(operator, texts, view)
    await show_in_place(query, text, keyboard)


def _render(
    operator: OperatorContext, texts: Texts, view: AuditView
) -> tuple[Html, InlineKeyboardMarkup | None]:
    page = view.page
    lines = [texts("audit-title", title=operator.title, page=page.page + 1, pages=page.pages)]
    lines.extend(entry_line(texts, entry, view.timezone) for entry in view.entries)
    if not view.entries:
        lines.append(texts("audit-empty"))
    return texts.lines(lines), _keyboard(texts, operator.chat_id, page)


def entry_line(texts: Texts, entry: Entry, timezone: str) -> Html:
    who = (
        texts("audit-anonymous-admin")
        if entry.by_anonymous_admin
        else texts("audit-person", name=entry.actor)
    )
    head, tail = _parts(entry.detail)
    if entry.action in _TAG_FIRST:
        head = shown_tag(texts, head)
    if entry.action in _TAG_SECOND:
        tail = shown_tag(texts, tail)
    return texts(
        "audit-entry",
        when=moment(entry.at, timezone),
        who=who,
        action=entry.action,
        subject=entry.subject,
        detail=entry.detail,
        head=head,
        tail=tail,
    )


# Where a tag's key stands in an action's detail, to be shown by its name in the reader's language.
_TAG_FIRST = frozenset(
    ("tag-created", "tag-renamed", "tag-deleted", "tag-terms-added", "tag-terms-removed")
) | {"feedback-asked"}
_TAG_SECOND = frozenset(("tag-renamed", "feedback-tagged", "feedback-untagged"))


def _parts(detail: str) -> tuple[str, str]:
    """A detail stored as "what: more" (a tag and its words, a message and its status) or
    "what -> what else", split so that each language can place and translate the parts."""
    for separator in (": ", " -> "):
        head, found, tail = detail.partition(separator)
        if found:
            return head, tail
    return detail.removesuffix(":"), ""


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


def build(wiring: Wiring) -> Built:
    log = AuditLog(wiring.session_factory, wiring.settings.default_timezone)
    return Built(services={"audit_log": log})


FEATURE = Feature(
    name="audit", operator=(create_router,), buttons=(create_callback_router,), build=build
)

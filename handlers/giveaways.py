"""Giveaways: /giveaway (a preview with Send / Edit / Cancel, in the group or from private chat
for the current group), the Enter button, /giveaways (a card with buttons per giveaway,
handlers/giveaway_list.py), /giveaway_end, /giveaway_cancel (asked first, then undoable for 10
minutes), /giveaway_delete (asked first, Yes / No), /giveaway_reroll.

/giveaway 3 2h Signed poster | member joined comments:5/7 channel:@creator
/giveaway 1 2026-12-01 20:00 Concert ticket

The use cases are bot/services/giveaways.py; the clock draws through
bot/services/giveaway_draw.py and its Telegram courier (bot/telegram/giveaway_courier.py).
"""

from __future__ import annotations

from datetime import UTC, datetime

from aiogram import Bot, Router
from aiogram.exceptions import TelegramAPIError
from aiogram.filters import CommandObject
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from aiogram.utils.keyboard import InlineKeyboardBuilder
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.config import Settings
from bot.db.drafts import StoredDraft
from bot.domain.arguments import parse_number
from bot.domain.giveaway import MAX_WINNERS, CreateError, parse_reason
from bot.domain.roles import OperatorCommand, Role
from bot.i18n import Html, Texts, Translator
from bot.services.drafts import DraftKind, DraftService, Refused
from bot.services.giveaway_draw import GiveawayDraws
from bot.services.giveaway_preview import preview_text
from bot.services.giveaways import (
    Entrant,
    Entry,
    GiveawayDigestSection,
    GiveawayService,
    open_giveaways_probe,
)
from bot.services.giveaways_render import reason_text
from bot.services.languages import Languages
from bot.telegram.giveaway_courier import TelegramGiveawayCourier, TelegramLookup
from handlers import giveaway_list
from handlers.authority import operator_callback, operator_command, public_callback
from handlers.callbacks import (
    GIVEAWAY_START,
    DraftAct,
    GiveawayCheckCb,
    GiveawayDraftCb,
    GiveawayEnterCb,
)
from handlers.confirm import Confirmations
from handlers.drafts import question_keyboard, refusal_text, show_preview
from handlers.features import Built, Feature, Wiring
from handlers.giveaway_actions import ask_to_cancel, reroll
from handlers.giveaway_list import giveaway_card
from handlers.middlewares import OperatorContext, personal_texts

GIVEAWAY = OperatorCommand("giveaway", Role.OPERATOR)
GIVEAWAYS = OperatorCommand("giveaways", Role.ANALYST)
GIVEAWAY_END = OperatorCommand("giveaway_end", Role.OPERATOR, destructive=True)
GIVEAWAY_CANCEL = OperatorCommand("giveaway_cancel", Role.OPERATOR, destructive=True)
GIVEAWAY_REROLL = OperatorCommand("giveaway_reroll", Role.OPERATOR, destructive=True)
GIVEAWAY_DELETE = OperatorCommand("giveaway_delete", Role.OPERATOR, destructive=True)
# A tap on a giveaway's preview or question: what it posts, cancels or deletes is checked live.
GIVEAWAY_DRAFT = OperatorCommand("giveaway-draft", Role.OPERATOR, destructive=True)


def enter_keyboard(
    texts: Texts, giveaway_id: int, bot_username: str | None
) -> InlineKeyboardMarkup:
    """Enter, and a link that starts the bot in private: a bot may message only people who
    started it, so only they can be told that they won."""
    builder = InlineKeyboardBuilder()
    builder.button(
        text=texts.plain("giveaway-enter-button"),
        callback_data=GiveawayEnterCb(giveaway_id=str(giveaway_id)),
    )
    if bot_username:
        builder.button(
            text=texts.plain("giveaway-start-button"),
            url=start_link(bot_username, giveaway_id),
        )
    builder.adjust(1)
    return builder.as_markup()


def check_keyboard(texts: Texts, giveaway_id: int) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    builder.button(
        text=texts.plain("giveaway-check-button"),
        callback_data=GiveawayCheckCb(giveaway_id=str(giveaway_id)),
    )
    return builder.as_markup()


async def cb_check(
    query: CallbackQuery,
    *,
    callback_data: GiveawayCheckCb,
    giveaways: GiveawayService,
    translator: Translator,
    languages: Languages,
) -> None:
    """The result's button: the presser's own entry, answered only to them, in their language."""
    user = query.from_user
    where = query.message.chat.id if query.message is not None else None
    check = await giveaways.check_entry(callback_data.giveaway_id, user.id, where)
    own = await personal_texts(translator, languages, user.id, user.language_code)
    reason = reason_text(own, check.reason, plain=True) if check.reason else ""
    await query.answer(
        own.plain(
            f"giveaway-check-{check.standing}",
            id=str(callback_data.giveaway_id),
            entrant=check.entrant,
            place=check.place,
            reason=reason,
        ),
        show_alert=True,
    )


def start_link(bot_username: str, giveaway_id: int) -> str:
    return f"https://t.me/{bot_username}?start={GIVEAWAY_START}{giveaway_id}"


async def cmd_giveaway(
    message: Message,
    *,
    command: CommandObject,
    operator: OperatorContext,
    texts: Texts,
    giveaways: GiveawayService,
    drafts: DraftService,
) -> None:
    """The preview, to the operator who typed it; nothing is posted before their Send."""
    await create_giveaway(
        message,
        command.args or "",
        operator=operator,
        texts=texts,
        giveaways=giveaways,
        drafts=drafts,
    )


async def create_giveaway(
    message: Message,
    arguments: str,
    *,
    operator: OperatorContext,
    texts: Texts,
    giveaways: GiveawayService,
    drafts: DraftService,
    source: str = "command",
    reply: bool = True,
) -> bool:
    """The one-line form's preview of `arguments` (`reply`: quoting the operator's message),
    or what is wrong with them; True when the preview is shown."""
    now = datetime.now(UTC)
    try:
        checked = await giveaways.check(operator.chat_id, arguments, now)
    except CreateError as error:
        await message.reply(create_error_text(texts, error.code, error.detail))
        return False
    await show_preview(
        message,
        preview_text(texts, operator.title, checked),
        kind=DraftKind.GIVEAWAY,
        callback=GiveawayDraftCb,
        arguments=arguments,
        source=source,
        operator=operator,
        texts=texts,
        drafts=drafts,
        now=now,
        reply=reply,
    )
    return True


async def cb_giveaway_draft(
    query: CallbackQuery,
    *,
    callback_data: GiveawayDraftCb,
    operator: OperatorContext,
    texts: Texts,
    giveaways: GiveawayService,
    drafts: DraftService,
) -> None:
    """Send / Edit / Cancel on a preview, Yes / No on a question: only the operator who made it,
    once."""
    now = datetime.now(UTC)
    draft = await drafts.for_tap(callback_data.draft_id, operator.chat_id, query.from_user.id, now)
    if isinstance(draft, Refused):
        await query.answer(refusal_text(texts, draft), show_alert=True)
        return
    creation = draft.kind == DraftKind.GIVEAWAY
    if callback_data.act is DraftAct.DROP or (callback_data.act is DraftAct.EDIT and not creation):
        if not await drafts.drop(draft.id, now):
            await query.answer(refusal_text(texts, Refused.DONE), show_alert=True)
            return
        key = "draft-cancelled" if creation else "draft-nothing-changed"
        await drafts.settle(draft, texts(key))
        await query.answer(texts.plain(key))
        return
    if callback_data.act is DraftAct.EDIT:
        if await drafts.drop(draft.id, now):
            line = f"/giveaway {draft.arguments}"
            await drafts.settle(draft, texts("giveaway-edit-line", line=line))
        await query.answer()
        return
    if creation:
        await _send(
            query, draft, operator=operator, texts=texts, giveaways=giveaways, drafts=drafts
        )
        return
    if not await drafts.answer(draft.id, now):
        await query.answer(refusal_text(texts, Refused.DONE), show_alert=True)
        return
    giveaway_id = draft.subject_id or 0
    number = str(giveaway_id)
    if draft.kind == DraftKind.GIVEAWAY_CANCEL:
        done = await giveaways.cancel(
            operator.chat_id, operator.actor, giveaway_id, draft.arguments, now
        )
        outcome = texts("giveaway-cancelled", id=number) if done else None
    else:
        done = await giveaways.delete(operator.chat_id, operator.actor, giveaway_id, now)
        outcome = texts("giveaway-deleted", id=number, title=operator.title) if done else None
    await drafts.settle(draft, outcome or texts("giveaway-not-open", id=number))
    await query.answer()


async def _send(
    query: CallbackQuery,
    draft: StoredDraft,
    *,
    operator: OperatorContext,
    texts: Texts,
    giveaways: GiveawayService,
    drafts: DraftService,
) -> None:
    try:
        record = await giveaways.send_draft(draft, operator.actor, datetime.now(UTC))
    except CreateError as error:
        # Nothing was claimed: the preview stays, to send once the cause is fixed, or cancel.
        await query.answer(texts.plain("draft-refused-invalid"), show_alert=True)
        if isinstance(query.message, Message):
            await query.message.reply(create_error_text(texts, error.code, error.detail))
        return
    if record is None:
        await query.answer(refusal_text(texts, Refused.DONE), show_alert=True)
        return
    await drafts.settle(
        draft,
        texts(
            "giveaway-created",
            id=str(record.id),
            title=operator.title,
            commitment=record.commitment,
        ),
    )
    await query.answer(texts.plain("draft-sent"))


def create_error_text(texts: Texts, code: str, detail: str) -> Html:
    return texts(
        "giveaway-error",
        code=code,
        detail=detail,
        max=MAX_WINNERS,
    )


async def cb_enter(
    query: CallbackQuery,
    *,
    callback_data: GiveawayEnterCb,
    texts: Texts,
    giveaways: GiveawayService,
    translator: Translator,
    languages: Languages,
) -> None:
    """Every press is answered once: entered, already entered, closed, or the rule not met."""
    user = query.from_user
    entrant = Entrant(user.id, user.is_bot, user.first_name, user.last_name)
    where = query.message.chat.id if query.message is not None else None
    try:
        result = await giveaways.enter(callback_data.giveaway_id, entrant, where, datetime.now(UTC))
    except TelegramAPIError:
        await query.answer(texts.plain("giveaway-enter-retry"), show_alert=True)
        return
    match result.entry:
        case Entry.NOT_A_PERSON:
            await query.answer(texts.plain("giveaway-enter-not-person"), show_alert=True)
        case Entry.FORGOTTEN:
            own = await personal_texts(translator, languages, user.id, user.language_code)
            await query.answer(own.plain("giveaway-enter-forgotten"), show_alert=True)
        case Entry.CLOSED:
            await query.answer(texts.plain("giveaway-enter-closed"), show_alert=True)
        case Entry.UNMET:
            assert result.unmet is not None
            reason = reason_text(texts, result.unmet, plain=True)
            await query.answer(texts.plain("giveaway-enter-unmet", reason=reason), show_alert=True)
        case Entry.ALREADY:
            await query.answer(texts.plain("giveaway-enter-already"))
        case Entry.ENTERED:
            await query.answer(texts.plain("giveaway-enter-done", id=str(result.giveaway_id)))


async def cmd_giveaways(
    message: Message, *, operator: OperatorContext, texts: Texts, giveaways: GiveawayService
) -> None:
    """One card, a page at a time, with buttons per giveaway (handlers/giveaway_list.py)."""
    text, keyboard = await giveaway_card(operator, texts, giveaways)
    await message.reply(text, reply_markup=keyboard)


def _id_and_rest(args: str | None) -> tuple[int | None, str]:
    head, _, rest = (args or "").strip().partition(" ")
    return parse_number(head), rest.strip()


async def cmd_giveaway_end(
    message: Message,
    *,
    command: CommandObject,
    operator: OperatorContext,
    texts: Texts,
    giveaways: GiveawayService,
) -> None:
    giveaway_id, _ = _id_and_rest(command.args)
    if giveaway_id is None:
        await message.reply(texts("giveaway-end-usage"))
        return
    if not await giveaways.end(operator.chat_id, operator.actor, giveaway_id, datetime.now(UTC)):
        await message.reply(texts("giveaway-not-open", id=str(giveaway_id)))
        return
    await message.reply(texts("giveaway-ended", id=str(giveaway_id)))


async def cmd_giveaway_cancel(
    message: Message,
    *,
    command: CommandObject,
    operator: OperatorContext,
    texts: Texts,
    giveaways: GiveawayService,
    confirmations: Confirmations,
) -> None:
    """Asked first: cancelling closes the entries and tells the group why; Undo reopens it for
    10 minutes while its end is ahead (bot/services/undoable_giveaways.py)."""
    giveaway_id, rest = _id_and_rest(command.args)
    reason = parse_reason(rest)
    if giveaway_id is None:
        await message.reply(texts("giveaway-cancel-usage"))
        return
    if reason is None:
        await message.reply(texts("giveaway-cancel-no-reason", id=str(giveaway_id)))
        return
    record = await giveaways.find(operator.chat_id, giveaway_id)
    if record is None or record.status != "open":
        await message.reply(texts("giveaway-not-open", id=str(giveaway_id)))
        return
    await ask_to_cancel(
        message, operator, texts, confirmations,
        giveaway_id=giveaway_id, prize=record.prize, reason=reason,
    )  # fmt: skip


async def cmd_giveaway_delete(
    message: Message,
    *,
    command: CommandObject,
    operator: OperatorContext,
    texts: Texts,
    giveaways: GiveawayService,
    drafts: DraftService,
) -> None:
    """An open giveaway made by mistake: asked first, then it never draws, its announcement is
    removed, audited."""
    giveaway_id, _ = _id_and_rest(command.args)
    if giveaway_id is None:
        await message.reply(texts("giveaway-delete-usage"))
        return
    record = await giveaways.find(operator.chat_id, giveaway_id)
    if record is None or record.status != "open":
        await message.reply(texts("giveaway-not-deletable", id=str(giveaway_id)))
        return
    question = texts("giveaway-delete-confirm", id=str(giveaway_id), prize=record.prize)
    await _ask(
        message,
        DraftKind.GIVEAWAY_DELETE,
        giveaway_id,
        question,
        reason="",
        operator=operator,
        texts=texts,
        drafts=drafts,
    )


async def _ask(
    message: Message,
    kind: DraftKind,
    giveaway_id: int,
    question: Html,
    *,
    reason: str,
    operator: OperatorContext,
    texts: Texts,
    drafts: DraftService,
) -> None:
    draft = await drafts.open(
        kind,
        operator.chat_id,
        operator.actor.user_id,
        arguments=reason,
        locale=texts.locale,
        now=datetime.now(UTC),
        subject_id=giveaway_id,
    )
    shown = await message.reply(
        question,
        reply_markup=question_keyboard(texts, GiveawayDraftCb, operator.chat_id, draft.id),
    )
    await drafts.shown(draft.id, shown.chat.id, shown.message_id)


def _ranks_and_reason(rest: str) -> tuple[list[int], str | None]:
    """`#2 #3 reason`: the places (as the last result numbers its winners) to draw again."""
    words = rest.replace(",", " ").replace("，", " ").split()
    ranks: list[int] = []
    while words and (rank := parse_number(words[0])) is not None and len(ranks) < MAX_WINNERS:
        ranks.append(rank)
        words.pop(0)
    return ranks, parse_reason(" ".join(words))


async def cmd_giveaway_reroll(
    message: Message,
    *,
    command: CommandObject,
    operator: OperatorContext,
    texts: Texts,
    giveaways: GiveawayService,
) -> None:
    giveaway_id, rest = _id_and_rest(command.args)
    ranks, reason = _ranks_and_reason(rest)
    if giveaway_id is None or reason is None or not ranks:
        await message.reply(texts("giveaway-reroll-usage"))
        return
    said = await reroll(
        giveaways, operator, texts, giveaway_id=giveaway_id, ranks=ranks, reason=reason
    )
    for part in said:
        await message.reply(part)


def create_router() -> Router:
    router = Router(name=__name__)
    operator_command(router, GIVEAWAY, cmd_giveaway)
    operator_command(router, GIVEAWAYS, cmd_giveaways)
    operator_command(router, GIVEAWAY_END, cmd_giveaway_end)
    operator_command(router, GIVEAWAY_CANCEL, cmd_giveaway_cancel)
    operator_command(router, GIVEAWAY_REROLL, cmd_giveaway_reroll)
    operator_command(router, GIVEAWAY_DELETE, cmd_giveaway_delete)
    return router


def create_callback_router() -> Router:
    router = Router(name=f"{__name__}.buttons")
    public_callback(router, "giveaway-enter", GiveawayEnterCb, cb_enter)
    public_callback(router, "giveaway-check", GiveawayCheckCb, cb_check)
    operator_callback(router, GIVEAWAY_DRAFT, GiveawayDraftCb, cb_giveaway_draft)
    return router


def giveaway_courier(
    bot: Bot,
    session_factory: async_sessionmaker[AsyncSession],
    translator: Translator,
    settings: Settings,
) -> TelegramGiveawayCourier:
    return TelegramGiveawayCourier(
        bot, session_factory, translator, settings, enter_keyboard, check_keyboard=check_keyboard
    )


def build_draws(
    bot: Bot,
    session_factory: async_sessionmaker[AsyncSession],
    translator: Translator,
    settings: Settings,
) -> GiveawayDraws:
    return GiveawayDraws(
        session_factory,
        TelegramLookup(bot),
        giveaway_courier(bot, session_factory, translator, settings),
    )


def _build(wiring: Wiring) -> Built:
    parts = (wiring.bot, wiring.session_factory, wiring.translator, wiring.settings)
    draws = build_draws(*parts)
    giveaways = GiveawayService(
        wiring.session_factory, draws, giveaway_courier(*parts), wiring.clock, wiring.settings
    )
    return Built(services={"giveaways": giveaways}, clock_sources=[draws])


FEATURE = Feature(
    name="giveaways",
    operator=(create_router,),
    buttons=(create_callback_router, giveaway_list.create_callback_router),
    digest_sections={"giveaways": GiveawayDigestSection},
    health_probes={"giveaways": open_giveaways_probe},
    build=_build,
)

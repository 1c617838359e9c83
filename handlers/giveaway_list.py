"""The /giveaways card: a page of the group's giveaways, each with the buttons the caller's role
allows (details and transcript for analysts; end now, cancel and reroll for operators), Prev /
Next, every tap answered by editing the card. Cancel and reroll take a reason step (the reasons
offered, told to the group in its language); cancel is then asked first and can be undone for 10
minutes (handlers/confirm.py). Each tap goes through the same service as its command
(bot/services/giveaways.py), the role re-checked live at the press; the giveaway must still be
the group's.
"""

from __future__ import annotations

from datetime import UTC, datetime

from aiogram import Bot, F, Router
from aiogram.types import BufferedInputFile, CallbackQuery, InlineKeyboardMarkup, Message
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.db.models import GiveawayRecord
from bot.domain.roles import OperatorCommand, Role, allows
from bot.domain.transcript import Transcript
from bot.i18n import Html, Texts, Translator, moment
from bot.services.giveaway_draw import transcript_file
from bot.services.giveaways import GiveawayPage, GiveawayService
from bot.services.languages import Languages
from bot.telegram.show_in_place import show_in_place
from handlers.authority import operator_callback
from handlers.callbacks import (
    GiveawayCancelCb,
    GiveawayItemCb,
    GiveawayListCb,
    GiveawayRerollCb,
    GiveawayTap,
)
from handlers.confirm import Confirmations
from handlers.giveaway_actions import ask_to_cancel, reroll
from handlers.middlewares import OperatorContext

PAGE_SIZE = 5
GIVEAWAY_CARD_READ = OperatorCommand("giveaway-card-read", Role.ANALYST, destructive=True)
GIVEAWAY_CARD_ACT = OperatorCommand("giveaway-card-act", Role.OPERATOR, destructive=True)
_READ_TAPS = (GiveawayTap.RESULTS, GiveawayTap.EXPORT)
_BUTTON_KEYS = {
    GiveawayTap.RESULTS: "giveaway-card-results",
    GiveawayTap.END: "giveaway-card-end",
    GiveawayTap.CANCEL: "giveaway-card-cancel",
    GiveawayTap.REROLL: "giveaway-card-reroll",
    GiveawayTap.EXPORT: "giveaway-card-export",
}
# The reasons offered (keys of `giveaway-reason-<key>`): the group reads them in its language.
CANCEL_REASONS = ("prize", "mistake", "rules")
REROLL_REASONS = ("silent", "ineligible", "declined")
DRAWN = ("drawn", "done")


async def giveaway_card(
    operator: OperatorContext,
    texts: Texts,
    giveaways: GiveawayService,
    page: int = 0,
    *,
    notice: Html | None = None,
) -> tuple[Html, InlineKeyboardMarkup | None]:
    """Page `page` of the card as `operator` may use it; `notice` heads it (what a tap did)."""
    shown = await giveaways.page(operator.chat_id, page, PAGE_SIZE)
    if not shown.records:
        return texts("giveaway-list-empty", title=operator.title), None
    lines = [notice] if notice else []
    lines.append(texts("giveaway-list-title", title=operator.title))
    lines.extend(
        texts(
            "giveaway-list-line",
            id=str(record.id),
            prize=record.prize,
            status=record.status,
            entrants=shown.entrants.get(record.id, 0),
            winners=record.winner_count,
            when=moment(record.ends_at, shown.timezone),
        )
        for record in shown.records
    )
    if shown.pages > 1:
        lines.append(texts("list-page", page=shown.page + 1, pages=shown.pages))
    return texts.lines(lines), _keyboard(texts, operator, shown, datetime.now(UTC))


def _taps(record: GiveawayRecord, role: Role, now: datetime) -> list[GiveawayTap]:
    acts = allows(role, GIVEAWAY_CARD_ACT)
    is_open = record.status == "open"
    taps = [GiveawayTap.RESULTS]
    if acts and is_open and _aware(record.ends_at) > now:
        taps.append(GiveawayTap.END)
    if acts and is_open:
        taps.append(GiveawayTap.CANCEL)
    if acts and record.status in DRAWN and record.transcript is not None:
        taps.append(GiveawayTap.REROLL)
    if record.transcript is not None:
        taps.append(GiveawayTap.EXPORT)
    return taps


def _aware(moment_: datetime) -> datetime:
    """SQLite gives back naive UTC."""
    return moment_ if moment_.tzinfo is not None else moment_.replace(tzinfo=UTC)


def _keyboard(
    texts: Texts, operator: OperatorContext, shown: GiveawayPage, now: datetime
) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    rows: list[int] = []
    for record in shown.records:
        taps = _taps(record, operator.role, now)
        for tap in taps:
            builder.button(
                text=texts.plain(_BUTTON_KEYS[tap], id=str(record.id)),
                callback_data=GiveawayItemCb(
                    chat_id=operator.chat_id, giveaway_id=record.id, tap=tap
                ),
            )
        rows.append(len(taps))
    turns = 0
    for page, key in ((shown.page - 1, "list-previous"), (shown.page + 1, "list-next")):
        if 0 <= page < shown.pages:
            builder.button(
                text=texts.plain(key),
                callback_data=GiveawayListCb(chat_id=operator.chat_id, page=page),
            )
            turns += 1
    builder.adjust(*rows, *([turns] if turns else []))
    return builder.as_markup()


def _back_button(builder: InlineKeyboardBuilder, texts: Texts, chat_id: int, page: int) -> None:
    builder.button(
        text=texts.plain("list-back"), callback_data=GiveawayListCb(chat_id=chat_id, page=page)
    )


def _back(texts: Texts, chat_id: int, page: int) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    _back_button(builder, texts, chat_id, page)
    return builder.as_markup()


def _detail(texts: Texts, record: GiveawayRecord, entrants: int, timezone: str) -> Html:
    lines = [
        texts(
            "giveaway-card-detail",
            id=str(record.id),
            prize=record.prize,
            status=record.status,
            entrants=entrants,
            winners=record.winner_count,
            when=moment(record.ends_at, timezone),
            commitment=record.commitment,
        )
    ]
    if record.transcript is not None:
        transcript = Transcript.from_json(record.transcript)
        lines.append(
            texts(
                "giveaway-card-drawn",
                standing=len(transcript.standing_winners),
                rerolls=len(transcript.rerolls),
            )
        )
    return texts.lines(lines)


async def cb_giveaway_page(
    query: CallbackQuery,
    *,
    callback_data: GiveawayListCb,
    operator: OperatorContext,
    texts: Texts,
    giveaways: GiveawayService,
) -> None:
    card = await giveaway_card(operator, texts, giveaways, callback_data.page)
    await show_in_place(query, *card)


async def cb_giveaway_read(
    query: CallbackQuery,
    *,
    bot: Bot,
    callback_data: GiveawayItemCb,
    operator: OperatorContext,
    texts: Texts,
    giveaways: GiveawayService,
) -> None:
    number = callback_data.giveaway_id
    record = await _listed(query, operator, texts, giveaways, number)
    if record is None:
        return
    page = await giveaways.page_of(operator.chat_id, number, PAGE_SIZE)
    if callback_data.tap is GiveawayTap.RESULTS:
        timezone = await giveaways.timezone(operator.chat_id)
        text = _detail(texts, record, await giveaways.entrant_count(record.id), timezone)
        await show_in_place(query, text, _back(texts, operator.chat_id, page))
        return
    if record.transcript is None or not isinstance(query.message, Message):
        await query.answer(
            texts.plain("giveaway-card-no-transcript", id=str(number)), show_alert=True
        )
        return
    exported = texts("giveaway-card-exported", id=str(number))
    document = BufferedInputFile(
        transcript_file(Transcript.from_json(record.transcript)),
        f"giveaway-{record.id}-transcript.json",
    )
    await bot.send_document(query.message.chat.id, document, caption=exported)
    card = await giveaway_card(operator, texts, giveaways, page, notice=exported)
    await show_in_place(query, *card)


async def _listed(
    query: CallbackQuery,
    operator: OperatorContext,
    texts: Texts,
    giveaways: GiveawayService,
    giveaway_id: int,
) -> GiveawayRecord | None:
    """The giveaway a button names, if it is still the group's; else the press is refused."""
    record = await giveaways.find(operator.chat_id, giveaway_id)
    if record is None or record.status == "deleted":
        await query.answer(texts.plain("list-gone", title=operator.title), show_alert=True)
        return None
    return record


async def cb_giveaway_act(
    query: CallbackQuery,
    *,
    callback_data: GiveawayItemCb,
    operator: OperatorContext,
    texts: Texts,
    giveaways: GiveawayService,
) -> None:
    number = callback_data.giveaway_id
    record = await _listed(query, operator, texts, giveaways, number)
    if record is None:
        return
    page = await giveaways.page_of(operator.chat_id, number, PAGE_SIZE)
    if callback_data.tap is GiveawayTap.REROLL:
        await _ask_place(query, record, operator=operator, texts=texts, page=page)
        return
    if record.status != "open":
        await query.answer(texts.plain("giveaway-not-open", id=str(number)), show_alert=True)
        return
    if callback_data.tap is GiveawayTap.CANCEL:
        question = texts("giveaway-cancel-why", id=str(number), prize=record.prize)
        builder = InlineKeyboardBuilder()
        for key in CANCEL_REASONS:
            builder.button(
                text=texts.plain(f"giveaway-reason-{key}"),
                callback_data=GiveawayCancelCb(
                    chat_id=operator.chat_id, giveaway_id=number, reason=key
                ),
            )
        await show_in_place(query, question, _with_back(builder, texts, operator.chat_id, page))
        return
    if not await giveaways.end(operator.chat_id, operator.actor, number, datetime.now(UTC)):
        await query.answer(texts.plain("giveaway-not-open", id=str(number)), show_alert=True)
        return
    notice = texts("giveaway-ended", id=str(number))
    await show_in_place(
        query, *await giveaway_card(operator, texts, giveaways, page, notice=notice)
    )


def _with_back(
    builder: InlineKeyboardBuilder, texts: Texts, chat_id: int, page: int
) -> InlineKeyboardMarkup:
    """The choices one a row, then Back to the card."""
    _back_button(builder, texts, chat_id, page)
    builder.adjust(1)
    return builder.as_markup()


async def _ask_place(
    query: CallbackQuery,
    record: GiveawayRecord,
    *,
    operator: OperatorContext,
    texts: Texts,
    page: int,
) -> None:
    """Which standing winner to draw again: the places as the last result numbers them."""
    if record.status not in DRAWN or record.transcript is None:
        await query.answer(
            texts.plain("giveaway-card-not-drawn", id=str(record.id)), show_alert=True
        )
        return
    standing = Transcript.from_json(record.transcript).standing_winners
    builder = InlineKeyboardBuilder()
    for place in range(1, len(standing) + 1):
        builder.button(
            text=texts.plain("giveaway-reroll-place", place=place),
            callback_data=GiveawayRerollCb(
                chat_id=operator.chat_id, giveaway_id=record.id, choice=str(place)
            ),
        )
    question = texts("giveaway-reroll-which", id=str(record.id))
    await show_in_place(query, question, _with_back(builder, texts, operator.chat_id, page))


async def _group_reason(
    translator: Translator, languages: Languages, chat_id: int, key: str
) -> str:
    """The group is told the reason: in the group's language, whoever picked it."""
    group_texts = translator.bind(await languages.of_group(chat_id))
    return group_texts.plain(f"giveaway-reason-{key}")


async def cb_giveaway_cancel(
    query: CallbackQuery,
    *,
    callback_data: GiveawayCancelCb,
    operator: OperatorContext,
    texts: Texts,
    giveaways: GiveawayService,
    confirmations: Confirmations,
    translator: Translator,
    languages: Languages,
) -> None:
    """The reason picked: then the cancel is asked first, like /giveaway_cancel."""
    number, key = callback_data.giveaway_id, callback_data.reason
    record = await _listed(query, operator, texts, giveaways, number)
    if record is None:
        return
    if key not in CANCEL_REASONS:
        await query.answer(texts.plain("list-gone", title=operator.title), show_alert=True)
        return
    if record.status != "open":
        await query.answer(texts.plain("giveaway-not-open", id=str(number)), show_alert=True)
        return
    reason = await _group_reason(translator, languages, operator.chat_id, key)
    await ask_to_cancel(
        query, operator, texts, confirmations, giveaway_id=number, prize=record.prize, reason=reason
    )


async def cb_giveaway_reroll(
    query: CallbackQuery,
    *,
    callback_data: GiveawayRerollCb,
    operator: OperatorContext,
    texts: Texts,
    giveaways: GiveawayService,
    translator: Translator,
    languages: Languages,
) -> None:
    """The place picked: then its reason; the place and the reason picked: the reroll runs."""
    number = callback_data.giveaway_id
    picked, _, key = callback_data.choice.partition(".")
    place = int(picked)
    record = await _listed(query, operator, texts, giveaways, number)
    if record is None:
        return
    if key and key not in REROLL_REASONS:
        await query.answer(texts.plain("list-gone", title=operator.title), show_alert=True)
        return
    page = await giveaways.page_of(operator.chat_id, number, PAGE_SIZE)
    if not key:
        builder = InlineKeyboardBuilder()
        for reason_key in REROLL_REASONS:
            builder.button(
                text=texts.plain(f"giveaway-reason-{reason_key}"),
                callback_data=GiveawayRerollCb(
                    chat_id=operator.chat_id, giveaway_id=number, choice=f"{place}.{reason_key}"
                ),
            )
        question = texts("giveaway-reroll-why", id=str(number), place=place)
        await show_in_place(query, question, _with_back(builder, texts, operator.chat_id, page))
        return
    reason = await _group_reason(translator, languages, operator.chat_id, key)
    said = await reroll(
        giveaways, operator, texts, giveaway_id=number, ranks=[place], reason=reason
    )
    await show_in_place(query, texts.lines(said), _back(texts, operator.chat_id, page))


def create_callback_router() -> Router:
    router = Router(name=__name__)
    operator_callback(router, GIVEAWAY_CARD_READ, GiveawayListCb, cb_giveaway_page)
    operator_callback(
        router, GIVEAWAY_CARD_READ, GiveawayItemCb, cb_giveaway_read, rule=F.tap.in_(_READ_TAPS)
    )
    operator_callback(
        router, GIVEAWAY_CARD_ACT, GiveawayItemCb, cb_giveaway_act, rule=~F.tap.in_(_READ_TAPS)
    )
    operator_callback(router, GIVEAWAY_CARD_ACT, GiveawayCancelCb, cb_giveaway_cancel)
    operator_callback(
        router, GIVEAWAY_CARD_ACT, GiveawayRerollCb, cb_giveaway_reroll, once_per_tap="reroll"
    )
    return router

"""The /polls card: a page of the group's polls, each with the buttons the caller's role allows
(results and export for analysts; close, asked first, and cancel for operators), Prev / Next,
every tap answered by editing the card. Each tap goes through the same service as its command
(bot/services/polls.py) and the role is re-checked live at the press; the poll must still be
the group's.
"""

from __future__ import annotations

from datetime import UTC, datetime

from aiogram import Bot, F, Router
from aiogram.types import BufferedInputFile, CallbackQuery, InlineKeyboardMarkup, Message
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.db.polls import PollStatus, StoredPoll
from bot.domain.roles import OperatorCommand, Role, allows
from bot.i18n import Html, Texts, moment
from bot.services.drafts import DraftKind, DraftService
from bot.services.poll_lifecycle import results_csv, results_text
from bot.services.polls import PollExport, PollLine, PollPage, PollService
from bot.telegram.show_in_place import show_in_place
from handlers.authority import operator_callback
from handlers.callbacks import PollDraftCb, PollItemCb, PollListCb, PollTap
from handlers.drafts import question_keyboard
from handlers.middlewares import OperatorContext

PAGE_SIZE = 5
# Reading the card and what a poll says; exporting names voters, so it asks Telegram live too.
POLL_CARD_READ = OperatorCommand("poll-card-read", Role.ANALYST, destructive=True)
POLL_CARD_ACT = OperatorCommand("poll-card-act", Role.OPERATOR, destructive=True)
_READ_TAPS = (PollTap.RESULTS, PollTap.EXPORT)
_BUTTON_KEYS = {
    PollTap.RESULTS: "poll-card-results",
    PollTap.CLOSE: "poll-card-close",
    PollTap.CANCEL: "poll-card-cancel",
    PollTap.EXPORT: "poll-card-export",
}


async def poll_card(
    operator: OperatorContext,
    texts: Texts,
    polls: PollService,
    page: int = 0,
    *,
    notice: Html | None = None,
) -> tuple[Html, InlineKeyboardMarkup | None]:
    """Page `page` of the card as `operator` may use it; `notice` heads it (what a tap did)."""
    shown = await polls.page(operator.chat_id, page, PAGE_SIZE)
    if not shown.polls:
        return texts("poll-list-none", title=operator.title), None
    lines = [notice] if notice else []
    lines.append(texts("poll-list-title", title=operator.title))
    lines.extend(_line(texts, line, shown.timezone) for line in shown.polls)
    if shown.pages > 1:
        lines.append(texts("list-page", page=shown.page + 1, pages=shown.pages))
    return texts.lines(lines), _keyboard(texts, operator, shown)


def _line(texts: Texts, line: PollLine, timezone: str) -> Html:
    poll, when = line.poll, line.when
    return texts(
        "poll-list-line",
        number=poll.id,
        status=poll.status.value,
        question=poll.question,
        voters=line.results.voters,
        anonymous="yes" if poll.is_anonymous else "no",
        when=moment(when, timezone) if when else "-",
    )


def _taps(poll: StoredPoll, role: Role) -> list[PollTap]:
    sent = poll.telegram_poll_id is not None
    acts = allows(role, POLL_CARD_ACT)
    taps = [PollTap.RESULTS] if sent else []
    if acts and poll.status is PollStatus.OPEN:
        taps.append(PollTap.CLOSE)
    if acts and poll.status is PollStatus.SCHEDULED:
        taps.append(PollTap.CANCEL)
    if sent:
        taps.append(PollTap.EXPORT)
    return taps


def _keyboard(
    texts: Texts, operator: OperatorContext, shown: PollPage
) -> InlineKeyboardMarkup | None:
    builder = InlineKeyboardBuilder()
    rows: list[int] = []
    for line in shown.polls:
        taps = _taps(line.poll, operator.role)
        for tap in taps:
            builder.button(
                text=texts.plain(_BUTTON_KEYS[tap], number=line.poll.id),
                callback_data=PollItemCb(chat_id=operator.chat_id, poll_id=line.poll.id, tap=tap),
            )
        if taps:
            rows.append(len(taps))
    turns = _page_turns(builder, texts, operator.chat_id, shown.page, shown.pages)
    if turns:
        rows.append(turns)
    if not rows:
        return None
    builder.adjust(*rows)
    return builder.as_markup()


def _page_turns(
    builder: InlineKeyboardBuilder, texts: Texts, chat_id: int, page: int, pages: int
) -> int:
    """Previous and Next where there is such a page; how many buttons that made."""
    turns = 0
    if page > 0:
        builder.button(
            text=texts.plain("list-previous"),
            callback_data=PollListCb(chat_id=chat_id, page=page - 1),
        )
        turns += 1
    if page + 1 < pages:
        builder.button(
            text=texts.plain("list-next"),
            callback_data=PollListCb(chat_id=chat_id, page=page + 1),
        )
        turns += 1
    return turns


def _back(texts: Texts, chat_id: int, page: int) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    builder.button(
        text=texts.plain("list-back"), callback_data=PollListCb(chat_id=chat_id, page=page)
    )
    return builder.as_markup()


def export_document(texts: Texts, export: PollExport) -> tuple[BufferedInputFile, Html]:
    """A poll's results as CSV, with voters' names only when the poll was public."""
    poll, votes = export.poll, export.votes
    content = results_csv(
        texts, poll, export.results, [] if poll.is_anonymous else votes, export.timezone
    )
    note = "poll-export-anonymous" if poll.is_anonymous else "poll-export-voters"
    return (
        BufferedInputFile(content, f"poll-{poll.id}.csv"),
        texts(note, number=poll.id, voters=len(votes)),
    )


async def cb_poll_page(
    query: CallbackQuery,
    *,
    callback_data: PollListCb,
    operator: OperatorContext,
    texts: Texts,
    polls: PollService,
) -> None:
    await show_in_place(query, *await poll_card(operator, texts, polls, callback_data.page))


async def cb_poll_read(
    query: CallbackQuery,
    *,
    bot: Bot,
    callback_data: PollItemCb,
    operator: OperatorContext,
    texts: Texts,
    polls: PollService,
) -> None:
    number = callback_data.poll_id
    if _gone(await polls.find(operator.chat_id, number)):
        await query.answer(texts.plain("list-gone", title=operator.title), show_alert=True)
        return
    page = await polls.page_of(operator.chat_id, number, PAGE_SIZE)
    if callback_data.tap is PollTap.RESULTS:
        found = await polls.results(operator.chat_id, number)
        if found is None:
            await query.answer(texts.plain("poll-card-not-sent", number=number), show_alert=True)
            return
        poll, results = found
        text = results_text(texts, poll, results)
        await show_in_place(query, text, _back(texts, operator.chat_id, page))
        return
    export = await polls.export(operator.chat_id, number)
    if export is None or not isinstance(query.message, Message):
        await query.answer(texts.plain("poll-card-not-sent", number=number), show_alert=True)
        return
    document, caption = export_document(texts, export)
    await bot.send_document(query.message.chat.id, document, caption=caption)
    notice = texts("poll-card-exported", number=number)
    await show_in_place(query, *await poll_card(operator, texts, polls, page, notice=notice))


async def cb_poll_act(
    query: CallbackQuery,
    *,
    callback_data: PollItemCb,
    operator: OperatorContext,
    texts: Texts,
    polls: PollService,
    drafts: DraftService,
) -> None:
    number = callback_data.poll_id
    poll = await polls.find(operator.chat_id, number)
    if poll is None or _gone(poll):
        await query.answer(texts.plain("list-gone", title=operator.title), show_alert=True)
        return
    now = datetime.now(UTC)
    if callback_data.tap is PollTap.CLOSE:
        if poll.status is not PollStatus.OPEN:
            await query.answer(texts.plain("poll-not-open", number=number), show_alert=True)
            return
        await _ask_close(query, poll, operator=operator, texts=texts, drafts=drafts, now=now)
        return
    if not await polls.cancel(operator.chat_id, operator.actor, number, now):
        await query.answer(texts.plain("poll-not-scheduled", number=number), show_alert=True)
        return
    notice = texts("poll-cancelled", number=number)
    page = await polls.page_of(operator.chat_id, number, PAGE_SIZE)
    await show_in_place(query, *await poll_card(operator, texts, polls, page, notice=notice))


def _gone(poll: StoredPoll | None) -> bool:
    """Not the group's (forged, or of another group), or deleted since the card was drawn."""
    return poll is None or poll.status is PollStatus.DELETED


async def _ask_close(
    query: CallbackQuery,
    poll: StoredPoll,
    *,
    operator: OperatorContext,
    texts: Texts,
    drafts: DraftService,
    now: datetime,
) -> None:
    """The card becomes /poll_close's question; its Yes and No are the command's own
    (handlers/polls.py, cb_poll_draft)."""
    if not isinstance(query.message, Message):
        await query.answer()
        return
    draft = await drafts.open(
        DraftKind.POLL_CLOSE,
        operator.chat_id,
        operator.actor.user_id,
        arguments="",
        locale=texts.locale,
        now=now,
        subject_id=poll.id,
    )
    question = texts("poll-close-confirm", number=poll.id, question=poll.question)
    keyboard = question_keyboard(texts, PollDraftCb, operator.chat_id, draft.id)
    await show_in_place(query, question, keyboard)
    await drafts.shown(draft.id, query.message.chat.id, query.message.message_id)


def create_callback_router() -> Router:
    router = Router(name=__name__)
    operator_callback(router, POLL_CARD_READ, PollListCb, cb_poll_page)
    operator_callback(router, POLL_CARD_READ, PollItemCb, cb_poll_read, rule=F.tap.in_(_READ_TAPS))
    operator_callback(router, POLL_CARD_ACT, PollItemCb, cb_poll_act, rule=~F.tap.in_(_READ_TAPS))
    return router

"""The guided /poll: `/poll` with no arguments in private chat walks the operator through the
question, the options (typed one per message, or picked from the group's topic ideas), the
toggles (anonymous, multiple answers, quiz and its correct option), when it opens and when it
closes, to the same preview the one-line form ends in (handlers/polls.py). Edit on that preview
comes back here with everything kept. In a group, `/poll` alone says to open the bot in private.

Built on handlers/flow_steps.py; what each step shows is handlers/poll_flow_steps.py. The flow's
data is what the one-line form would say, and it is turned into exactly that line (`poll_line`),
so the preview, the draft and the poll are the one form's own; every step is checked with the
one-line form's parser (bot/domain/polls.py).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from aiogram import Router
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message

from bot.domain.arguments import has_bar, split_bars
from bot.domain.polls import (
    OPTION_MAX,
    OPTIONS_MAX,
    OPTIONS_MIN,
    QUESTION_MAX,
    PollInputError,
)
from bot.domain.recurrence import ScheduleError, parse_duration
from bot.i18n import Html, Texts
from bot.services.clock import Clock
from bot.services.drafts import DraftService
from bot.services.polls import PollService
from bot.services.timezones import GroupTimezones
from handlers import flow_steps as flows
from handlers.authority import OPERATOR_FLAG, operator_callback, operator_message
from handlers.callbacks import PollDraftCb, PollFlowCb
from handlers.features import Feature
from handlers.middlewares import OperatorContext
from handlers.poll_flow_steps import (
    CLOSE,
    CORRECT,
    FLOW,
    IDEAS,
    OPTIONS,
    POLL_FLOW,
    QUESTION,
    QUICK_TIMES,
    QUIZ,
    START,
    TOGGLED,
    TONIGHT,
    TOPICS_PERIOD,
    PollFlow,
    from_line,
    poll_line,
    reads_back,
)
from handlers.polls import POLL, POLL_DRAFT, create_poll

TOPICS_SHOWN = 10


# typed answers


async def on_typed(
    message: Message,
    *,
    state: FSMContext,
    operator: OperatorContext,
    texts: Texts,
    clock: Clock,
    polls: PollService,
    drafts: DraftService,
) -> None:
    step = await state.get_state()
    data = await state.get_data()
    text = (message.text or "").strip()
    now = clock.now()
    if step == PollFlow.question.state:
        problem = question_problem(texts, text)
        if problem is not None:
            await message.reply(problem)
            return
        await flows.go(FLOW, message, state, texts, now=now, step=PollFlow.options, question=text)
        return
    if step in (PollFlow.options.state, PollFlow.ideas.state):
        typed = split_bars(text) if has_bar(text) else [line.strip() for line in text.splitlines()]
        options, problem = add_options(texts, data[OPTIONS], typed)
        if problem is not None:
            await message.reply(problem)
            return
        await flows.go(FLOW, message, state, texts, now=now, step=PollFlow.options, options=options)
        return
    if step in (PollFlow.start.state, PollFlow.close.state):
        field = START if step == PollFlow.start.state else CLOSE
        await _take_time(message, state, field, text, operator=operator, texts=texts,
                         now=now, polls=polls, drafts=drafts)  # fmt: skip
        return
    # A step answered with buttons: say so rather than guess.
    await message.reply(texts("flow-poll-use-buttons"))


def question_problem(texts: Texts, text: str) -> Html | None:
    if not text:
        return texts("flow-poll-error-empty-question")
    if len(text) > QUESTION_MAX:
        return texts("flow-poll-error-question-too-long", length=len(text), limit=QUESTION_MAX)
    if not reads_back(text):
        return texts("flow-poll-error-reserved")
    return None


def add_options(
    texts: Texts, current: list[str], typed: list[str]
) -> tuple[list[str], Html | None]:
    options = list(current)
    seen = {option.casefold() for option in options}
    for option in typed:
        if not option:
            continue
        if len(option) > OPTION_MAX:
            return current, texts(
                "flow-poll-error-option-too-long", length=len(option), limit=OPTION_MAX
            )
        if not reads_back(option):
            return current, texts("flow-poll-error-reserved")
        if option.casefold() in seen:
            return current, texts("flow-poll-error-duplicate", label=option)
        if len(options) >= OPTIONS_MAX:
            return current, texts("flow-poll-error-too-many", limit=OPTIONS_MAX)
        options.append(option)
        seen.add(option.casefold())
    if options == current:
        return current, texts("flow-poll-error-empty-option")
    return options, None


async def _take_time(
    message: Message,
    state: FSMContext,
    field: str,
    typed: str,
    *,
    operator: OperatorContext,
    texts: Texts,
    now: datetime,
    polls: PollService,
    drafts: DraftService,
) -> None:
    data = {**await state.get_data(), field: typed or None}
    problem = await times_problem(polls, operator.chat_id, data, now)
    if problem:
        await message.reply(texts.lines([texts(key, **args) for key, args in problem]))
        return
    await _after_time(message, state, field, data, operator=operator, texts=texts, now=now,
                      polls=polls, drafts=drafts)  # fmt: skip


Problem = list[tuple[str, dict[str, str | int]]]


async def times_problem(
    polls: PollService, chat_id: int, data: dict[str, Any], now: datetime
) -> Problem:
    """What the one-line form's parser says of the times (in the group's time zone), and a
    close before the start named as such."""
    try:
        opens = (await polls.check(chat_id, poll_line({**data, CLOSE: None}), now)).draft.start_at
        if data[CLOSE] is not None and opens is not None and not _is_duration(data[CLOSE]):
            checked = await polls.check(chat_id, poll_line({**data, START: None}), now)
            closes = checked.draft.close_at
            if closes is not None and closes <= opens:
                return [("flow-poll-error-close-before-start", {})]
        await polls.check(chat_id, poll_line(data), now)
    except PollInputError as error:
        return [
            (f"poll-error-{error.code.value}", dict(error.args_for_text)),
            ("flow-poll-time-hint", {"example": TONIGHT}),
        ]
    return []


def _is_duration(value: str) -> bool:
    try:
        parse_duration(value, minimum=timedelta())
    except ScheduleError:
        return False
    return True


async def _after_time(
    event: Message | CallbackQuery,
    state: FSMContext,
    field: str,
    data: dict[str, Any],
    *,
    operator: OperatorContext,
    texts: Texts,
    now: datetime,
    polls: PollService,
    drafts: DraftService,
) -> None:
    if field == START:
        await flows.go(FLOW, event, state, texts, now=now, step=PollFlow.close, start=data[START])
        return
    await state.update_data({CLOSE: data[CLOSE]})
    await _to_preview(event, state, operator=operator, texts=texts, polls=polls, drafts=drafts)


async def _to_preview(
    event: Message | CallbackQuery,
    state: FSMContext,
    *,
    operator: OperatorContext,
    texts: Texts,
    polls: PollService,
    drafts: DraftService,
) -> None:
    """The one-line form's own preview, in place of the flow (which ends: Edit restarts it
    from the draft)."""
    data = await state.get_data()
    message = event.message if isinstance(event, CallbackQuery) else event
    assert isinstance(message, Message)
    if isinstance(event, CallbackQuery):
        await event.answer()
    await flows.finish(state)
    await flows.drop_buttons(message, data.get(flows.STEP_MESSAGE))
    await create_poll(
        message, poll_line(data), source=flows.FLOW_SOURCE, polls=polls, drafts=drafts,
        operator=operator, texts=texts, reply=False,
    )  # fmt: skip


# taps


async def cb_flow(
    query: CallbackQuery,
    *,
    callback_data: PollFlowCb,
    state: FSMContext,
    operator: OperatorContext,
    texts: Texts,
    clock: Clock,
    polls: PollService,
    drafts: DraftService,
) -> None:
    data = await state.get_data()
    act, value, now = callback_data.act, callback_data.value, clock.now()
    if act == "keep" and data[QUESTION]:
        await flows.go(FLOW, query, state, texts, now=now, step=PollFlow.options)
    elif act == "remove":
        await flows.go(FLOW, query, state, texts, now=now, options=data[OPTIONS][:-1])
    elif act == "done" and len(data[OPTIONS]) < OPTIONS_MIN:
        alert = texts.plain("flow-poll-error-too-few", limit=OPTIONS_MIN)
        await query.answer(alert, show_alert=True)
    elif act == "done":
        await flows.go(FLOW, query, state, texts, now=now, step=PollFlow.toggles)
    elif act == "ideas":
        await _show_ideas(query, state, operator=operator, texts=texts, now=now, polls=polls)
    elif act == "idea" and 0 <= value < len(data[IDEAS]):
        await _toggle_idea(query, state, data, data[IDEAS][value], texts=texts, now=now)
    elif act == "ideas-done":
        await flows.go(FLOW, query, state, texts, now=now, step=PollFlow.options)
    elif act == "toggle" and 0 <= value < len(TOGGLED):
        field = TOGGLED[value]
        flipped: dict[str, Any] = {field: not data[field]}
        await flows.go(FLOW, query, state, texts, now=now, **flipped)
    elif act == "next":
        step = PollFlow.correct if data[QUIZ] else PollFlow.start
        await flows.go(FLOW, query, state, texts, now=now, step=step,
                       correct=data[CORRECT] if data[QUIZ] else None)  # fmt: skip
    elif act == "correct" and 0 <= value < len(data[OPTIONS]):
        await flows.go(FLOW, query, state, texts, now=now, step=PollFlow.start, correct=value)
    elif act in ("start", "close") and 0 <= value <= len(QUICK_TIMES):
        field = START if act == "start" else CLOSE
        chosen = {**data, field: QUICK_TIMES[value - 1][0] if value else None}
        problem = await times_problem(polls, operator.chat_id, chosen, now)
        if problem:
            alert = "\n".join(texts.plain(key, **args) for key, args in problem)
            await query.answer(alert, show_alert=True)
            return
        await _after_time(query, state, field, chosen, operator=operator, texts=texts, now=now,
                          polls=polls, drafts=drafts)  # fmt: skip
    else:
        await query.answer()


async def _show_ideas(
    query: CallbackQuery,
    state: FSMContext,
    *,
    operator: OperatorContext,
    texts: Texts,
    now: datetime,
    polls: PollService,
) -> None:
    period = await polls.period(operator.chat_id, TOPICS_PERIOD, now, timedelta(days=90))
    candidates = (
        [] if period is None else await polls.topics(operator.chat_id, period.start, period.end)
    )
    if not candidates:
        await query.answer(texts.plain("flow-poll-no-ideas", period=TOPICS_PERIOD), show_alert=True)
        return
    ideas = [candidate.label for candidate in candidates[:TOPICS_SHOWN]]
    await flows.go(FLOW, query, state, texts, now=now, step=PollFlow.ideas, ideas=ideas)


async def _toggle_idea(
    query: CallbackQuery,
    state: FSMContext,
    data: dict[str, Any],
    idea: str,
    *,
    texts: Texts,
    now: datetime,
) -> None:
    options = list(data[OPTIONS])
    kept = [option for option in options if option.casefold() != idea.casefold()]
    if len(kept) < len(options):
        await flows.go(FLOW, query, state, texts, now=now, options=kept)
        return
    label = idea.replace("|", "/").replace("｜", "/")[:OPTION_MAX]
    added, problem = add_options(texts, options, [label])
    if problem is not None:
        await query.answer(
            texts.plain("flow-poll-error-too-many", limit=OPTIONS_MAX), show_alert=True
        )
        return
    await flows.go(FLOW, query, state, texts, now=now, options=added)


# Edit on a preview the flow made


async def cb_edit_flow_draft(
    query: CallbackQuery,
    *,
    callback_data: PollDraftCb,
    state: FSMContext,
    operator: OperatorContext,
    texts: Texts,
    clock: Clock,
    drafts: DraftService,
    timezones: GroupTimezones,
) -> None:
    """Back into the flow, every answer kept, at its first step; the preview becomes the step."""
    now = clock.now()
    draft = await flows.reopened(
        query, callback_data, operator=operator, texts=texts, drafts=drafts, now=now
    )
    if draft is None:
        return
    await flows.begin(
        FLOW, query, state, operator=operator, texts=texts, now=now, timezones=timezones,
        data=from_line(draft.arguments),
    )  # fmt: skip


# routers


def create_private_router() -> Router:
    router = Router(name=f"{__name__}.private")
    flows.register_typed_controls(router, FLOW)
    operator_message(router, POLL_FLOW, on_typed, flows.InFlow(PollFlow), flows.Typed())
    return router


def create_router() -> Router:
    router = Router(name=__name__)
    flows.register_start(router, FLOW, POLL)
    return router


def create_callback_router() -> Router:
    router = Router(name=f"{__name__}.buttons")
    router.callback_query.register(
        cb_edit_flow_draft,
        PollDraftCb.filter(),
        flows.EditOfFlowDraft(),
        flags={OPERATOR_FLAG: POLL_DRAFT},
    )
    flows.register_button_controls(router, FLOW)
    operator_callback(router, POLL_FLOW, PollFlowCb, cb_flow)
    return router


FEATURE = Feature(
    name="poll-flow",
    operator=(create_router,),
    private=(create_private_router,),
    buttons=(create_callback_router,),
)

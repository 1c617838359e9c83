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

from aiogram import Bot, Router
from aiogram.enums import ChatType
from aiogram.filters import Command, CommandObject, Filter
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.domain.arguments import has_bar, split_bars
from bot.domain.polls import (
    OPTION_MAX,
    OPTIONS_MAX,
    OPTIONS_MIN,
    QUESTION_MAX,
    PollInputError,
)
from bot.domain.recurrence import ScheduleError, parse_duration
from bot.domain.roles import OperatorCommand, Role
from bot.i18n import Html, Texts
from bot.services.clock import Clock
from bot.services.console import Console
from bot.services.drafts import DraftService, Refused
from bot.services.polls import PollService
from handlers import flow_steps as flows
from handlers.authority import OPERATOR_FLAG, operator_callback, operator_message, public_command
from handlers.callbacks import CONSOLE_START, DraftAct, PollDraftCb, PollFlowCb
from handlers.deep_links import open_in_private
from handlers.drafts import refusal_text
from handlers.features import Feature
from handlers.middlewares import OperatorContext
from handlers.poll_flow_steps import (
    CLOSE,
    CORRECT,
    FLOW,
    FRESH,
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

FLOW_SOURCE = "flow"
PICK_GROUP = OperatorCommand("poll-flow-group", Role.OPERATOR)
TOPICS_SHOWN = 10
# starting


class NoArguments(Filter):
    async def __call__(self, message: Message, command: CommandObject) -> bool:
        return not (command.args or "").strip()


class NoGroupChosen(Filter):
    """In private chat, before the operator chose a group with /groups."""

    async def __call__(self, message: Message, console: Console) -> bool:
        if message.chat.type != ChatType.PRIVATE or message.from_user is None:
            return False
        return await console.chosen(message.from_user.id) is None


async def cmd_poll_alone(
    message: Message,
    *,
    bot: Bot,
    state: FSMContext,
    operator: OperatorContext,
    texts: Texts,
    clock: Clock,
) -> None:
    if not operator.in_private:
        await message.reply(
            texts("flow-poll-open-private", title=operator.title),
            reply_markup=await open_in_private(bot, texts, CONSOLE_START),
        )
        return
    await flows.begin(
        FLOW, message, state, operator=operator, texts=texts, now=clock.now(),
        first=PollFlow.question, data=FRESH,
    )  # fmt: skip


async def cmd_poll_which_group(message: Message, *, texts: Texts, console: Console) -> None:
    """`/poll` alone in private before a group is chosen: which group is it for?"""
    assert message.from_user is not None
    operated = await console.groups(message.from_user.id)
    if not operated.groups:
        await message.answer(texts("groups-none"))
        return
    builder = InlineKeyboardBuilder()
    for choice in operated.groups:
        builder.button(
            text=choice.title, callback_data=PollFlowCb(chat_id=choice.chat_id, act="group")
        )
    builder.adjust(1)
    await message.answer(texts("flow-poll-which-group"), reply_markup=builder.as_markup())


async def cb_pick_group(
    query: CallbackQuery,
    *,
    state: FSMContext,
    operator: OperatorContext,
    texts: Texts,
    console: Console,
    clock: Clock,
) -> None:
    await console.choose(query.from_user.id, operator.chat_id)
    await flows.begin(
        FLOW, query, state, operator=operator, texts=texts, now=clock.now(),
        first=PollFlow.question, data=FRESH,
    )  # fmt: skip


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
        message, poll_line(data), source=FLOW_SOURCE, polls=polls, drafts=drafts,
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


class FlowDraftEdit(Filter):
    async def __call__(
        self, query: CallbackQuery, callback_data: PollDraftCb, drafts: DraftService, clock: Clock
    ) -> bool:
        if callback_data.act is not DraftAct.EDIT:
            return False
        draft = await drafts.for_tap(
            callback_data.draft_id, callback_data.chat_id, query.from_user.id, clock.now()
        )
        return not isinstance(draft, Refused) and draft.source == FLOW_SOURCE


async def cb_edit_flow_draft(
    query: CallbackQuery,
    *,
    callback_data: PollDraftCb,
    state: FSMContext,
    operator: OperatorContext,
    texts: Texts,
    clock: Clock,
    drafts: DraftService,
) -> None:
    """Back into the flow, every answer kept, at its first step; the preview becomes the step."""
    now = clock.now()
    draft = await drafts.for_tap(callback_data.draft_id, operator.chat_id, query.from_user.id, now)
    if isinstance(draft, Refused) or not await drafts.drop(draft.id, now):
        await query.answer(refusal_text(texts, Refused.DONE), show_alert=True)
        return
    await flows.begin(
        FLOW, query, state, operator=operator, texts=texts, now=now,
        first=PollFlow.question, data=from_line(draft.arguments),
    )  # fmt: skip


# routers


def create_private_router() -> Router:
    router = Router(name=f"{__name__}.private")
    public_command(
        router, "poll", cmd_poll_which_group, NoArguments(), NoGroupChosen(), listed=False
    )
    flows.register_typed_controls(router, FLOW)
    operator_message(router, POLL_FLOW, on_typed, flows.InFlow(PollFlow), flows.Typed())
    return router


def create_router() -> Router:
    router = Router(name=__name__)
    router.message.register(
        cmd_poll_alone, Command(POLL.name), NoArguments(), flags={OPERATOR_FLAG: POLL}
    )
    return router


def create_callback_router() -> Router:
    router = Router(name=f"{__name__}.buttons")
    router.callback_query.register(
        cb_edit_flow_draft, PollDraftCb.filter(), FlowDraftEdit(), flags={OPERATOR_FLAG: POLL_DRAFT}
    )
    group_pick = PollFlowCb.filter()
    router.callback_query.register(
        cb_pick_group, group_pick, flows.Act("group"), flags={OPERATOR_FLAG: PICK_GROUP}
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

"""Guided flows in private chat: the machinery every step-by-step creation (/poll, /giveaway with
no arguments) is built on (ARCHITECTURE section 10, "A guided flow").

A flow is a `GuidedFlow`: its aiogram `StatesGroup`, its callback data (chat_id, act, value), a
`render(step, data, texts) -> Step` that draws any step from the flow's data alone, and which
step Back leads to. Its state and data live in the dispatcher's FSM storage (the database, or
Redis when scaled out), so a flow survives a restart and another instance picks it up; the data
is plain JSON. One message in the operator's private chat shows the current step and is edited
in place on every tap; a typed answer moves the step below it, to a new message.

The machinery answers what every flow has alike, ahead of the flow's own handlers:
- `/<command>` alone starts it: in private chat at its first step (asking which group first
  when the operator chose none), in a group with a pointer to private chat;
- a flow left alone for `FLOW_IDLE_LIMIT` expires: the next tap or typed line ends it and says
  so (checked lazily, on the clock's time, so it holds across restarts and instances);
- Cancel at every step, Back where the flow says one leads;
- a tap on a flow already over (cancelled, expired, done), or on a step it has moved on from,
  says so instead of spinning;
- Edit on a preview a flow made (`EditOfFlowDraft`, `reopened`) takes the draft back into it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Protocol

from aiogram import Bot, Router
from aiogram.enums import ChatType
from aiogram.exceptions import TelegramBadRequest
from aiogram.filters import Command, CommandObject, Filter
from aiogram.filters.callback_data import CallbackData
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.db.drafts import StoredDraft
from bot.domain.roles import OperatorCommand, Role
from bot.i18n import Html, Texts
from bot.services.clock import Clock
from bot.services.console import Console
from bot.services.drafts import DraftService, Refused
from bot.services.timezones import GroupTimezones
from handlers.authority import OPERATOR_FLAG, operator_message, public_command
from handlers.callbacks import CONSOLE_START, DraftAct
from handlers.deep_links import open_in_private
from handlers.drafts import refusal_text
from handlers.middlewares import OperatorContext

FLOW_IDLE_LIMIT = timedelta(minutes=30)
BACK = "back"
CANCEL = "cancel"
GROUP_PICKED = "group"
FLOW_SOURCE = "flow"  # the source of a draft a flow made: its Edit comes back into the flow

# What the machinery keeps in a flow's data beside the flow's own fields.
GROUP = "chat_id"
TITLE = "title"
TIMEZONE = "timezone"  # the group's, read when the flow begins: its times are shown in it
TOUCHED = "touched"  # ISO time of the last step, on the clock
STEP_MESSAGE = "step_message_id"


class FlowTap(Protocol):
    chat_id: int
    act: str
    value: int


class DraftTap(Protocol):
    chat_id: int
    draft_id: int
    act: DraftAct


@dataclass(frozen=True, slots=True)
class Button:
    label: str
    act: str
    value: int = 0


@dataclass(frozen=True, slots=True)
class Step:
    """What one step shows: its text and its rows of buttons (Back and Cancel are added)."""

    text: Html
    rows: Sequence[Sequence[Button]] = field(default_factory=tuple)


@dataclass(frozen=True, slots=True)
class GuidedFlow:
    name: str  # the command that starts it again, named in its messages
    spec: OperatorCommand  # the declaration its typed answers and taps are authorized by
    states: type[StatesGroup]
    callback: type[CallbackData]
    render: Callable[[str, dict[str, Any], Texts], Step]
    back: Mapping[State, State]  # step -> the step Back leads to
    first: State
    fresh: Mapping[str, Any]  # the flow's own data when it starts anew
    which_group: str  # text key: which group is it for (private chat, none chosen)
    in_group: str  # text key: in a group, the flow is in private chat ({ $title })

    @property
    def pick_group(self) -> OperatorCommand:
        """A tap on the which-group question: the group it names is re-checked like any."""
        return OperatorCommand(f"{self.name}-flow-group", Role.OPERATOR)

    def previous(self, step: str | None) -> State | None:
        return next((to for at, to in self.back.items() if at.state == step), None)

    def keyboard(self, texts: Texts, chat_id: int, step: str, built: Step) -> InlineKeyboardMarkup:
        controls = [Button(texts.plain("flow-button-cancel"), CANCEL)]
        if self.previous(step) is not None:
            controls.insert(0, Button(texts.plain("flow-button-back"), BACK))
        return InlineKeyboardMarkup(
            inline_keyboard=[
                [
                    InlineKeyboardButton(
                        text=button.label,
                        callback_data=self.callback(
                            chat_id=chat_id, act=button.act, value=button.value
                        ).pack(),
                    )
                    for button in row
                ]
                for row in [*built.rows, controls]
                if row
            ]
        )


async def begin(
    flow: GuidedFlow,
    event: Message | CallbackQuery,
    state: FSMContext,
    *,
    operator: OperatorContext,
    texts: Texts,
    now: datetime,
    timezones: GroupTimezones,
    first: State | None = None,
    data: Mapping[str, Any] | None = None,
) -> None:
    """Start `flow` at `first` (its first step if None) with `data` (fresh if None) for the
    operator's group, replacing any flow they had going: below their command, or in place of
    the message they tapped (a group picked, a preview's Edit)."""
    tapped = event.message if isinstance(event, CallbackQuery) else None
    await state.set_state(first or flow.first)
    await state.set_data(
        {
            **(flow.fresh if data is None else data),
            GROUP: operator.chat_id,
            TITLE: operator.title,
            TIMEZONE: await timezones.of_group(operator.chat_id),
            TOUCHED: now.isoformat(),
            STEP_MESSAGE: tapped.message_id if tapped is not None else None,
        }
    )
    await show(flow, event, state, texts)


async def go(
    flow: GuidedFlow,
    event: Message | CallbackQuery,
    state: FSMContext,
    texts: Texts,
    *,
    now: datetime,
    step: State | None = None,
    **changes: Any,
) -> None:
    """Store `changes` (plain JSON values), move to `step` (the same one if None), show it."""
    if step is not None:
        await state.set_state(step)
    await state.update_data({**changes, TOUCHED: now.isoformat()})
    await show(flow, event, state, texts)


async def show(
    flow: GuidedFlow, event: Message | CallbackQuery, state: FSMContext, texts: Texts
) -> None:
    """The current step: edited in place under a tap, sent anew below what the operator typed
    (the old step keeps its text, loses its buttons)."""
    step = await state.get_state()
    assert step is not None
    data = await state.get_data()
    built = flow.render(step, data, texts)
    keyboard = flow.keyboard(texts, int(data[GROUP]), step, built)
    if isinstance(event, CallbackQuery) and isinstance(event.message, Message):
        try:
            await event.message.edit_text(built.text, reply_markup=keyboard)
        except TelegramBadRequest as error:
            # A double tap, or a tap delivered twice: the step already shows this.
            if "message is not modified" not in error.message:
                raise
        await event.answer()
        return
    message = event.message if isinstance(event, CallbackQuery) else event
    if not isinstance(message, Message):
        return
    await drop_buttons(message, data.get(STEP_MESSAGE))
    sent = await message.answer(built.text, reply_markup=keyboard)
    await state.update_data({STEP_MESSAGE: sent.message_id})


async def finish(state: FSMContext) -> None:
    """The flow is over (sent to its preview, cancelled, expired): nothing of it is kept."""
    await state.clear()


async def drop_buttons(message: Message, step_message_id: object) -> None:
    if not isinstance(step_message_id, int) or message.bot is None:
        return
    # Too old to edit, or deleted by the operator: the new step is below anyway.
    with contextlib.suppress(TelegramBadRequest):
        await message.bot.edit_message_reply_markup(
            chat_id=message.chat.id, message_id=step_message_id, reply_markup=None
        )


async def ask_which_group(
    flow: GuidedFlow, message: Message, *, texts: Texts, console: Console
) -> None:
    """`/<command>` alone in private before a group is chosen: which group is it for? The tap
    is `GROUP_PICKED`, answered in `register_button_controls`."""
    assert message.from_user is not None
    operated = await console.groups(message.from_user.id)
    if not operated.groups:
        await message.answer(texts("groups-none"))
        return
    builder = InlineKeyboardBuilder()
    for choice in operated.groups:
        builder.button(
            text=choice.title, callback_data=flow.callback(chat_id=choice.chat_id, act=GROUP_PICKED)
        )
    builder.adjust(1)
    await message.answer(texts(flow.which_group), reply_markup=builder.as_markup())


async def reopened(
    query: CallbackQuery,
    callback_data: DraftTap,
    *,
    operator: OperatorContext,
    texts: Texts,
    drafts: DraftService,
    now: datetime,
) -> StoredDraft | None:
    """The draft whose preview's Edit was tapped, dropped for its flow to take back; None, and
    said, when another tap took it first."""
    draft = await drafts.for_tap(callback_data.draft_id, operator.chat_id, query.from_user.id, now)
    if isinstance(draft, Refused) or not await drafts.drop(draft.id, now):
        await query.answer(refusal_text(texts, Refused.DONE), show_alert=True)
        return None
    return draft


# the machinery's own handlers


class EditOfFlowDraft(Filter):
    """Edit on a preview a flow made (a one-line form's Edit is answered by its own feature)."""

    async def __call__(
        self, query: CallbackQuery, callback_data: DraftTap, drafts: DraftService, clock: Clock
    ) -> bool:
        if callback_data.act is not DraftAct.EDIT:
            return False
        draft = await drafts.for_tap(
            callback_data.draft_id, callback_data.chat_id, query.from_user.id, clock.now()
        )
        return not isinstance(draft, Refused) and draft.source == FLOW_SOURCE


class NoArguments(Filter):
    """The command alone: the guided flow, not the one-line form."""

    async def __call__(self, message: Message, command: CommandObject) -> bool:
        return not (command.args or "").strip()


class NoGroupChosen(Filter):
    """In private chat, before the operator chose a group with /groups."""

    async def __call__(self, message: Message, console: Console) -> bool:
        if message.chat.type != ChatType.PRIVATE or message.from_user is None:
            return False
        return await console.chosen(message.from_user.id) is None


class InFlow(Filter):
    """The person is somewhere in `states` (the flow they tap or type into is theirs)."""

    def __init__(self, states: type[StatesGroup]) -> None:
        self._states = states

    async def __call__(self, event: object, raw_state: str | None = None) -> bool:
        return raw_state is not None and raw_state in self._states.__all_states_names__


class NotInFlow(InFlow):
    async def __call__(self, event: object, raw_state: str | None = None) -> bool:
        return not await super().__call__(event, raw_state)


class StaleStep(Filter):
    """A tap on a step message that is not the flow's current one (an earlier flow's)."""

    async def __call__(self, query: CallbackQuery, state: FSMContext) -> bool:
        current = (await state.get_data()).get(STEP_MESSAGE)
        return query.message is None or query.message.message_id != current


class Expired(Filter):
    """Left alone longer than FLOW_IDLE_LIMIT, on the clock's time."""

    async def __call__(self, event: object, state: FSMContext, clock: Clock) -> bool:
        touched = (await state.get_data()).get(TOUCHED)
        if not isinstance(touched, str):
            return True
        return clock.now() - datetime.fromisoformat(touched) > FLOW_IDLE_LIMIT


class Typed(Filter):
    """A typed answer: text that is not a command (a command mid-flow is that command)."""

    async def __call__(self, message: Message) -> bool:
        return message.text is not None and not message.text.startswith("/")


class Act(Filter):
    def __init__(self, *acts: str) -> None:
        self._acts = acts

    async def __call__(self, query: CallbackQuery, callback_data: FlowTap) -> bool:
        return callback_data.act in self._acts


def register_start(router: Router, flow: GuidedFlow, command: OperatorCommand) -> None:
    """`/<command>` alone (the `operator` scope: in groups and in private chat)."""

    async def on_alone_before_a_group_is_chosen(
        message: Message, texts: Texts, console: Console
    ) -> None:
        await ask_which_group(flow, message, texts=texts, console=console)

    async def on_alone(
        message: Message,
        *,
        bot: Bot,
        state: FSMContext,
        operator: OperatorContext,
        texts: Texts,
        clock: Clock,
        timezones: GroupTimezones,
    ) -> None:
        if not operator.in_private:
            await message.reply(
                texts(flow.in_group, title=operator.title),
                reply_markup=await open_in_private(bot, texts, CONSOLE_START),
            )
            return
        await begin(
            flow, message, state, operator=operator, texts=texts, now=clock.now(),
            timezones=timezones,
        )  # fmt: skip

    public_command(
        router, command.name, on_alone_before_a_group_is_chosen, NoArguments(), NoGroupChosen(),
        listed=False,
    )  # fmt: skip
    router.message.register(
        on_alone, Command(command.name), NoArguments(), flags={OPERATOR_FLAG: command}
    )


def register_typed_controls(router: Router, flow: GuidedFlow) -> None:
    """Ahead of the flow's typed steps (the `private` scope): an answer to an expired flow."""

    async def on_typed_after_expiry(
        message: Message, state: FSMContext, texts: Texts, operator: OperatorContext
    ) -> None:
        data = await state.get_data()
        await finish(state)
        await drop_buttons(message, data.get(STEP_MESSAGE))
        await message.answer(texts("flow-expired", command=f"/{flow.name}"))

    operator_message(
        router, flow.spec, on_typed_after_expiry, InFlow(flow.states), Typed(), Expired()
    )


def register_button_controls(router: Router, flow: GuidedFlow) -> None:
    """Ahead of the flow's taps (the `buttons` scope): the group picked, over, expired, Cancel,
    Back."""

    async def on_group_picked(
        query: CallbackQuery,
        *,
        state: FSMContext,
        operator: OperatorContext,
        texts: Texts,
        console: Console,
        clock: Clock,
        timezones: GroupTimezones,
    ) -> None:
        # Chosen for the console too, and the flow starts in place of the question.
        await console.choose(query.from_user.id, operator.chat_id)
        await begin(
            flow, query, state, operator=operator, texts=texts, now=clock.now(),
            timezones=timezones,
        )  # fmt: skip

    async def on_tap_when_over(query: CallbackQuery, texts: Texts) -> None:
        await query.answer(texts.plain("flow-over", command=f"/{flow.name}"), show_alert=True)

    async def on_tap_after_expiry(query: CallbackQuery, state: FSMContext, texts: Texts) -> None:
        await finish(state)
        await _settle(query, texts("flow-expired", command=f"/{flow.name}"))

    async def on_cancel(query: CallbackQuery, state: FSMContext, texts: Texts) -> None:
        await finish(state)
        await _settle(query, texts("flow-cancelled", command=f"/{flow.name}"))

    async def on_back(query: CallbackQuery, state: FSMContext, texts: Texts, clock: Clock) -> None:
        step = await state.get_state()
        previous = flow.previous(step)
        if previous is None:
            await query.answer()
            return
        await state.set_state(previous)
        await go(flow, query, state, texts, now=clock.now())

    flags = {OPERATOR_FLAG: flow.spec}
    tap = flow.callback.filter()
    router.callback_query.register(
        on_group_picked, tap, Act(GROUP_PICKED), flags={OPERATOR_FLAG: flow.pick_group}
    )

    async def on_tap_on_an_old_step(query: CallbackQuery, texts: Texts) -> None:
        await query.answer(texts.plain("flow-step-gone"), show_alert=True)

    router.callback_query.register(on_tap_when_over, tap, NotInFlow(flow.states), flags=flags)
    router.callback_query.register(on_tap_on_an_old_step, tap, StaleStep(), flags=flags)
    router.callback_query.register(on_tap_after_expiry, tap, Expired(), flags=flags)
    router.callback_query.register(on_cancel, tap, Act(CANCEL), flags=flags)
    router.callback_query.register(on_back, tap, Act(BACK), flags=flags)


async def _settle(query: CallbackQuery, text: Html) -> None:
    if isinstance(query.message, Message):
        await query.message.edit_text(text, reply_markup=None)
    await query.answer()

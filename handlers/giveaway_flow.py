"""The guided /giveaway: `/giveaway` with no arguments in private chat walks the operator through
the prize, the number of winners, when entries close (1 h, 1 day, 20:00 in the group's time zone,
or anything the one-line form reads, kept as the local time it is) and the rules as toggles
(still a member at the draw, joined before a date, N messages in D days, a channel subscription,
staff excluded), each toggle that needs a parameter asking for it, to the same preview the
one-line form ends in (handlers/giveaways.py). Edit on that preview comes back here with
everything kept. In a group, `/giveaway` alone says to open the bot in private.

Built on handlers/flow_steps.py; what each step shows is handlers/giveaway_flow_steps.py. Each
step is read by bot/domain/giveaway_flow.py, and the plan becomes the one-line form's arguments
(`GiveawayPlan.arguments`), so the draft, its preview and the giveaway are the one-line form's
own.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from aiogram import Router
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State
from aiogram.types import CallbackQuery, Message

from bot.domain.giveaway import MAX_WINNERS, CreateError, parse_create
from bot.domain.giveaway_flow import (
    GiveawayPlan,
    Rule,
    StepError,
    quick_end,
    read_channel,
    read_comments,
    read_end,
    read_joined_day,
    read_prize,
    read_winners,
)
from bot.i18n import Html, Texts
from bot.services.clock import Clock
from bot.services.drafts import DraftService
from bot.services.giveaways import GiveawayService
from bot.services.timezones import GroupTimezones
from handlers import flow_steps as flows
from handlers.authority import OPERATOR_FLAG, operator_callback, operator_message
from handlers.callbacks import GiveawayDraftCb, GiveawayFlowCb
from handlers.features import Feature
from handlers.flow_steps import TIMEZONE
from handlers.giveaway_flow_steps import (
    FLOW,
    GIVEAWAY_FLOW,
    QUICK_ENDS,
    QUICK_WINNERS,
    RULES,
    GiveawayFlow,
)
from handlers.giveaways import GIVEAWAY, GIVEAWAY_DRAFT, create_giveaway
from handlers.middlewares import OperatorContext


async def _go(
    event: Message | CallbackQuery,
    state: FSMContext,
    texts: Texts,
    *,
    now: datetime,
    step: State | None = None,
    plan: GiveawayPlan | None = None,
) -> None:
    """To `step` (the same one if None) with `plan` stored."""
    changes = plan.to_data() if plan is not None else {}
    await flows.go(FLOW, event, state, texts, now=now, step=step, **changes)


# typed answers


async def on_typed(
    message: Message,
    *,
    state: FSMContext,
    operator: OperatorContext,
    texts: Texts,
    clock: Clock,
    giveaways: GiveawayService,
) -> None:
    step = await state.get_state()
    data = await state.get_data()
    plan = GiveawayPlan.from_data(data)
    text = message.text or ""
    now = clock.now()
    try:
        if step == GiveawayFlow.prize.state:
            plan, after = replace(plan, prize=read_prize(text)), GiveawayFlow.winners
        elif step == GiveawayFlow.winners.state:
            plan, after = replace(plan, winners=read_winners(text)), GiveawayFlow.end
        elif step == GiveawayFlow.end.state:
            plan, after = (
                plan.with_end(read_end(text, now, data[TIMEZONE])),
                GiveawayFlow.rules,
            )
        elif step == GiveawayFlow.joined.state:
            day = read_joined_day(text, now, data[TIMEZONE]).isoformat()
            plan, after = replace(plan, joined=True, joined_day=day), GiveawayFlow.rules
        elif step == GiveawayFlow.comments.state:
            count, days = read_comments(text)
            plan = replace(plan, min_comments=count, comment_days=days)
            after = GiveawayFlow.rules
        elif step == GiveawayFlow.channel.state:
            channel = read_channel(text)
            problem = await giveaways.channel_problem(channel)
            if problem is not None:
                raise StepError(problem, channel)
            plan, after = replace(plan, channel=channel), GiveawayFlow.rules
        else:
            # The rules step is answered with its buttons: say so rather than guess.
            await message.reply(texts("giveaway-flow-use-buttons"))
            return
    except StepError as error:
        await message.reply(step_error_text(texts, error))
        return
    await _go(message, state, texts, now=now, step=after, plan=plan)


def step_error_text(texts: Texts, error: StepError) -> Html:
    return texts("giveaway-flow-error", code=error.code, detail=error.detail, max=MAX_WINNERS)


# taps


async def cb_flow(
    query: CallbackQuery,
    *,
    callback_data: GiveawayFlowCb,
    state: FSMContext,
    operator: OperatorContext,
    texts: Texts,
    clock: Clock,
    giveaways: GiveawayService,
    drafts: DraftService,
) -> None:
    step = await state.get_state()
    data = await state.get_data()
    plan = GiveawayPlan.from_data(data)
    act, value, now = callback_data.act, callback_data.value, clock.now()
    if act == "keep" and step in _AFTER_KEEP:
        await _go(query, state, texts, now=now, step=_AFTER_KEEP[step])
    elif act == "winners" and value in QUICK_WINNERS:
        plan = replace(plan, winners=value)
        await _go(query, state, texts, now=now, step=GiveawayFlow.end, plan=plan)
    elif act == "end" and 0 <= value < len(QUICK_ENDS):
        plan = plan.with_end(quick_end(QUICK_ENDS[value], now, data[TIMEZONE]))
        await _go(query, state, texts, now=now, step=GiveawayFlow.rules, plan=plan)
    elif act == "rule" and 0 <= value < len(RULES):
        await _toggle_rule(query, state, texts=texts, now=now, plan=plan, rule=RULES[value])
    elif act == "joined-start":
        plan = replace(plan, joined=True, joined_day=None)
        await _go(query, state, texts, now=now, step=GiveawayFlow.rules, plan=plan)
    elif act == "preview" and plan.complete:
        await _to_preview(
            query, state, plan, operator=operator, texts=texts, giveaways=giveaways, drafts=drafts
        )
    else:
        await query.answer()


_AFTER_KEEP = {
    GiveawayFlow.prize.state: GiveawayFlow.winners,
    GiveawayFlow.winners.state: GiveawayFlow.end,
    GiveawayFlow.end.state: GiveawayFlow.rules,
}
_ASKS_FOR = {
    Rule.JOINED: GiveawayFlow.joined,
    Rule.COMMENTS: GiveawayFlow.comments,
    Rule.CHANNEL: GiveawayFlow.channel,
}


async def _toggle_rule(
    query: CallbackQuery,
    state: FSMContext,
    *,
    texts: Texts,
    now: datetime,
    plan: GiveawayPlan,
    rule: Rule,
) -> None:
    """Off if on; on if off, through its parameter's step when it has one."""
    if plan.rule_on(rule):
        await _go(query, state, texts, now=now, plan=plan.without(rule))
    elif rule in _ASKS_FOR:
        await _go(query, state, texts, now=now, step=_ASKS_FOR[rule])
    elif rule is Rule.MEMBER:
        await _go(query, state, texts, now=now, plan=replace(plan, member=True))
    else:
        await _go(query, state, texts, now=now, plan=replace(plan, staff_excluded=True))


async def _to_preview(
    query: CallbackQuery,
    state: FSMContext,
    plan: GiveawayPlan,
    *,
    operator: OperatorContext,
    texts: Texts,
    giveaways: GiveawayService,
    drafts: DraftService,
) -> None:
    """The one-line form's own preview below the flow, which ends (Edit comes back to it). A
    refusal (the end passed meanwhile, the channel lost the bot) keeps the flow where it is."""
    message = query.message
    assert isinstance(message, Message)
    await query.answer()
    shown = await create_giveaway(
        message, plan.arguments(), source=flows.FLOW_SOURCE, operator=operator, texts=texts,
        giveaways=giveaways, drafts=drafts, reply=False,
    )  # fmt: skip
    if not shown:
        return
    data = await state.get_data()
    await flows.finish(state)
    await flows.drop_buttons(message, data.get(flows.STEP_MESSAGE))


# Edit on a preview the flow made


async def cb_edit_flow_draft(
    query: CallbackQuery,
    *,
    callback_data: GiveawayDraftCb,
    state: FSMContext,
    operator: OperatorContext,
    texts: Texts,
    clock: Clock,
    drafts: DraftService,
    timezones: GroupTimezones,
) -> None:
    """Back into the flow at its rules, every answer kept; the preview becomes the step."""
    now = clock.now()
    draft = await flows.reopened(
        query, callback_data, operator=operator, texts=texts, drafts=drafts, now=now
    )
    if draft is None:
        return
    timezone = await timezones.of_group(operator.chat_id)
    try:
        previewed = parse_create(draft.arguments, draft.created_at, timezone)
    except CreateError:
        previewed = None
    plan = GiveawayPlan() if previewed is None else GiveawayPlan.from_draft(previewed, timezone)
    step = GiveawayFlow.rules if plan.complete else GiveawayFlow.prize
    await flows.begin(
        FLOW, query, state, operator=operator, texts=texts, now=now, timezones=timezones,
        first=step, data=plan.to_data(),
    )  # fmt: skip


# routers


def create_router() -> Router:
    router = Router(name=__name__)
    flows.register_start(router, FLOW, GIVEAWAY)
    return router


def create_private_router() -> Router:
    router = Router(name=f"{__name__}.private")
    flows.register_typed_controls(router, FLOW)
    operator_message(router, GIVEAWAY_FLOW, on_typed, flows.InFlow(GiveawayFlow), flows.Typed())
    return router


def create_callback_router() -> Router:
    router = Router(name=f"{__name__}.buttons")
    router.callback_query.register(
        cb_edit_flow_draft,
        GiveawayDraftCb.filter(),
        flows.EditOfFlowDraft(),
        flags={OPERATOR_FLAG: GIVEAWAY_DRAFT},
    )
    flows.register_button_controls(router, FLOW)
    operator_callback(router, GIVEAWAY_FLOW, GiveawayFlowCb, cb_flow)
    return router


FEATURE = Feature(
    name="giveaway-flow",
    operator=(create_router,),
    private=(create_private_router,),
    buttons=(create_callback_router,),
)

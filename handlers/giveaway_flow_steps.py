"""The guided /giveaway's steps (handlers/giveaway_flow.py answers them): the flow's states, the
data it keeps beside the plan (bot/domain/giveaway_flow.py), and what each step shows."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from aiogram.fsm.state import State, StatesGroup

from bot.domain.giveaway import MAX_PRIZE_CHARS, MAX_WINNERS
from bot.domain.giveaway_flow import GiveawayPlan, QuickEnd, Rule, evening_is_tonight
from bot.domain.roles import OperatorCommand, Role
from bot.i18n import Html, Texts, moment
from handlers import flow_steps as flows
from handlers.callbacks import GiveawayFlowCb
from handlers.flow_steps import TIMEZONE, Button, Step

# A typed answer or tap inside the flow: it shapes a draft, nothing is posted.
GIVEAWAY_FLOW = OperatorCommand("giveaway-flow", Role.OPERATOR)
QUICK_WINNERS = (1, 2, 3, 5, 10)
QUICK_ENDS = tuple(QuickEnd)
RULES = tuple(Rule)


class GiveawayFlow(StatesGroup):
    prize = State()
    winners = State()
    end = State()
    rules = State()
    joined = State()
    comments = State()
    channel = State()


# rendering


def render(step: str, data: dict[str, Any], texts: Texts) -> Step:
    plan = GiveawayPlan.from_data(data)
    if step == GiveawayFlow.prize.state:
        ask = texts("giveaway-flow-ask-prize", title=data[flows.TITLE], max=MAX_PRIZE_CHARS)
        return Step(_with_summary(texts, data, ask), _keep(texts, plan.prize is not None))
    if step == GiveawayFlow.winners.state:
        picks = [Button(str(count), "winners", count) for count in QUICK_WINNERS]
        rows = [picks, *_keep(texts, plan.winners is not None)]
        ask = texts("giveaway-flow-ask-winners", max=MAX_WINNERS)
        return Step(_with_summary(texts, data, ask), rows)
    if step == GiveawayFlow.end.state:
        # The step was drawn at the flow's last touch: 20:00 then was tonight's or tomorrow's.
        shown_at = datetime.fromisoformat(data[flows.TOUCHED])
        tonight = evening_is_tonight(shown_at, data[TIMEZONE])
        evening = "giveaway-flow-end-tonight" if tonight else "giveaway-flow-end-tomorrow"
        labels = ("giveaway-flow-end-hour", "giveaway-flow-end-day", evening)
        choices = [Button(texts.plain(key), "end", index) for index, key in enumerate(labels)]
        rows = [choices, *_keep(texts, plan.end_phrase is not None)]
        ask = texts("giveaway-flow-ask-end", timezone=data[TIMEZONE])
        return Step(_with_summary(texts, data, ask), rows)
    if step == GiveawayFlow.joined.state:
        start = [Button(texts.plain("giveaway-flow-joined-start"), "joined-start")]
        return Step(texts("giveaway-flow-ask-joined"), [start])
    if step == GiveawayFlow.comments.state:
        return Step(texts("giveaway-flow-ask-comments"))
    if step == GiveawayFlow.channel.state:
        return Step(texts("giveaway-flow-ask-channel"))
    toggles = [[_toggle(texts, plan, rule)] for rule in RULES]
    preview = [Button(texts.plain("giveaway-flow-preview-button"), "preview")]
    return Step(_with_summary(texts, data, texts("giveaway-flow-ask-rules")), [*toggles, preview])


def _keep(texts: Texts, known: bool) -> list[list[Button]]:
    return [[Button(texts.plain("giveaway-flow-keep"), "keep")]] if known else []


def _toggle(texts: Texts, plan: GiveawayPlan, rule: Rule) -> Button:
    on = plan.rule_on(rule)
    label = texts.plain(f"giveaway-flow-rule-{rule.value}")
    if rule is Rule.JOINED and on:
        label = (
            texts.plain("giveaway-flow-rule-joined-day", day=plan.joined_day)
            if plan.joined_day
            else texts.plain("giveaway-flow-rule-joined-start")
        )
    elif rule is Rule.COMMENTS and on:
        label = texts.plain(
            "giveaway-flow-rule-comments-set", count=plan.min_comments, days=plan.comment_days
        )
    elif rule is Rule.CHANNEL and on:
        label = texts.plain("giveaway-flow-rule-channel-set", channel=plan.channel or "")
    mark = texts.plain("giveaway-flow-toggle", on="yes" if on else "no", label=label)
    return Button(mark, "rule", RULES.index(rule))


def _with_summary(texts: Texts, data: dict[str, Any], ask: Html) -> Html:
    plan = GiveawayPlan.from_data(data)
    lines: list[Html] = []
    if plan.prize is not None:
        lines.append(texts("giveaway-flow-prize", prize=plan.prize))
    if plan.winners is not None:
        lines.append(texts("giveaway-announce-winners", count=plan.winners))
    if plan.ends_at is not None:
        lines.append(texts("giveaway-announce-ends", when=moment(plan.ends_at, data[TIMEZONE])))
    if not lines:
        return ask
    return texts.lines([texts("giveaway-flow-so-far"), *lines, ask])


FLOW = flows.GuidedFlow(
    name="giveaway",
    spec=GIVEAWAY_FLOW,
    states=GiveawayFlow,
    callback=GiveawayFlowCb,
    render=render,
    back={
        GiveawayFlow.winners: GiveawayFlow.prize,
        GiveawayFlow.end: GiveawayFlow.winners,
        GiveawayFlow.rules: GiveawayFlow.end,
        GiveawayFlow.joined: GiveawayFlow.rules,
        GiveawayFlow.comments: GiveawayFlow.rules,
        GiveawayFlow.channel: GiveawayFlow.rules,
    },
    first=GiveawayFlow.prize,
    fresh=GiveawayPlan().to_data(),
    which_group="giveaway-flow-which-group",
    in_group="giveaway-flow-in-group",
)

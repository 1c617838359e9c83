"""The guided /poll's steps (handlers/poll_flow.py answers them): the flow's states, its data,
what each step shows, and the one-line `/poll` arguments the data says (`poll_line`) and is read
back from (`from_line`), so the flow makes exactly the one-line form's draft."""

from __future__ import annotations

from typing import Any

from aiogram.fsm.state import State, StatesGroup

from bot.domain.polls import OPTIONS_MAX, OPTIONS_MIN, QUESTION_MAX, PollInputError, split_command
from bot.domain.roles import OperatorCommand, Role
from bot.i18n import Html, Texts
from handlers import flow_steps as flows
from handlers.callbacks import PollFlowCb
from handlers.flow_steps import Button, Step

# A typed answer or tap inside the flow: it shapes a draft, nothing is posted.
POLL_FLOW = OperatorCommand("poll-flow", Role.OPERATOR)
TOPICS_PERIOD = "7d"
LABEL_MAX = 40  # a button's text; the option itself keeps its full label
TONIGHT = "20:00"  # a bare time is today's while still ahead, else tomorrow's (group zone)
QUICK_TIMES = (
    ("1h", "flow-poll-in-hour"),
    ("1d", "flow-poll-in-day"),
    (TONIGHT, "flow-poll-tonight"),
)


class PollFlow(StatesGroup):
    question = State()
    options = State()
    ideas = State()
    toggles = State()
    correct = State()
    start = State()
    close = State()


# The flow's own data, beside the machinery's (all plain JSON).
QUESTION = "question"
OPTIONS = "options"
IDEAS = "ideas"
ANONYMOUS = "anonymous"
MULTI = "multi"
QUIZ = "quiz"
CORRECT = "correct"  # 0-based option index, or None
START = "start"  # the one-line form's --start value, or None: now
CLOSE = "close"  # the one-line form's --close value, or None: closed by hand

FRESH: dict[str, Any] = {
    QUESTION: None,
    OPTIONS: [],
    IDEAS: [],
    ANONYMOUS: True,
    MULTI: False,
    QUIZ: False,
    CORRECT: None,
    START: None,
    CLOSE: None,
}


# the one-line form


def poll_line(data: dict[str, Any]) -> str:
    """The one-line `/poll` arguments the flow's data says."""
    parts = [str(data[QUESTION] or ""), *data[OPTIONS]]
    flags = []
    if not data[ANONYMOUS]:
        flags.append("--anonymous no")
    if data[MULTI]:
        flags.append("--multi")
    if data[QUIZ] and data[CORRECT] is not None:
        flags.append(f"--quiz {int(data[CORRECT]) + 1}")
    if data[START]:
        flags.append(f"--start {data[START]}")
    if data[CLOSE]:
        flags.append(f"--close {data[CLOSE]}")
    return " | ".join(parts) + "".join(f" {flag}" for flag in flags)


def from_line(arguments: str) -> dict[str, Any]:
    """The flow's data back from a draft's line (Edit on the preview)."""
    given = split_command(arguments)
    flags = given.flags
    quiz = flags.get("quiz")
    return {
        **FRESH,
        QUESTION: given.question,
        OPTIONS: list(given.options),
        ANONYMOUS: flags.get("anonymous", "yes").strip().lower() not in ("no", "n", "否", "实名"),
        MULTI: "multi" in flags,
        QUIZ: quiz is not None,
        CORRECT: int(quiz) - 1 if quiz is not None and quiz.strip().isdecimal() else None,
        START: flags.get("start") or None,
        CLOSE: flags.get("close") or None,
    }


def reads_back(text: str) -> bool:
    """The one-line parser would read `text` as one piece: no bar, no flag inside it."""
    try:
        given = split_command(f"{text} | a")
    except PollInputError:
        return False
    return given.question == text.strip() and not given.flags and len(given.options) == 1


# rendering


def render(step: str, data: dict[str, Any], texts: Texts) -> Step:
    if step == PollFlow.question.state:
        keep = [[Button(texts.plain("flow-poll-keep"), "keep")]] if data[QUESTION] else []
        ask = texts("flow-poll-ask-question", title=data[flows.TITLE], limit=QUESTION_MAX)
        return Step(_with_summary(texts, data, ask), keep)
    if step == PollFlow.options.state:
        return Step(_options_text(texts, data), _options_buttons(texts, data))
    if step == PollFlow.ideas.state:
        return Step(texts("flow-poll-ideas", period=TOPICS_PERIOD), _ideas_buttons(texts, data))
    if step == PollFlow.toggles.state:
        return Step(_with_summary(texts, data, texts("flow-poll-toggles")), _toggles(texts, data))
    if step == PollFlow.correct.state:
        rows = [
            [
                Button(
                    f"{'✅ ' if data[CORRECT] == index else ''}{index + 1}. {_label(option)}",
                    "correct",
                    index,
                )
            ]
            for index, option in enumerate(data[OPTIONS])
        ]
        return Step(texts("flow-poll-ask-correct"), rows)
    if step == PollFlow.start.state:
        rows = [
            [Button(texts.plain("flow-poll-now"), "start", 0)],
            [
                Button(texts.plain(key), "start", index)
                for index, (_, key) in enumerate(QUICK_TIMES, 1)
            ],
        ]
        return Step(_with_summary(texts, data, texts("flow-poll-ask-start")), rows)
    rows = [
        [Button(texts.plain("flow-poll-by-hand"), "close", 0)],
        [Button(texts.plain(key), "close", index) for index, (_, key) in enumerate(QUICK_TIMES, 1)],
    ]
    return Step(_with_summary(texts, data, texts("flow-poll-ask-close")), rows)


def _label(option: str) -> str:
    return option if len(option) <= LABEL_MAX else option[: LABEL_MAX - 1] + "…"


def _with_summary(texts: Texts, data: dict[str, Any], ask: Html) -> Html:
    lines: list[str] = []
    if data[QUESTION]:
        lines.append(texts("flow-poll-summary-question", question=data[QUESTION]))
    lines.extend(
        texts("flow-poll-summary-option", number=number, label=option)
        for number, option in enumerate(data[OPTIONS], start=1)
    )
    return texts.lines([*lines, ask] if lines else [ask])


def _options_text(texts: Texts, data: dict[str, Any]) -> Html:
    count = len(data[OPTIONS])
    ask = texts("flow-poll-ask-options", count=count, limit=OPTIONS_MAX)
    return _with_summary(texts, data, ask)


def _options_buttons(texts: Texts, data: dict[str, Any]) -> list[list[Button]]:
    rows = [[Button(texts.plain("flow-poll-from-ideas"), "ideas")]]
    if data[OPTIONS]:
        rows.append([Button(texts.plain("flow-poll-remove-last"), "remove")])
    if len(data[OPTIONS]) >= OPTIONS_MIN:
        rows.append([Button(texts.plain("flow-poll-done"), "done")])
    return rows


def _ideas_buttons(texts: Texts, data: dict[str, Any]) -> list[list[Button]]:
    chosen = {option.casefold() for option in data[OPTIONS]}
    rows = [
        [Button(f"{'✅ ' if idea.casefold() in chosen else ''}{_label(idea)}", "idea", index)]
        for index, idea in enumerate(data[IDEAS])
    ]
    rows.append([Button(texts.plain("flow-poll-done"), "ideas-done")])
    return rows


def _toggles(texts: Texts, data: dict[str, Any]) -> list[list[Button]]:
    def switch(key: str, field: str) -> Button:
        return Button(
            texts.plain(key, on="yes" if data[field] else "no"), "toggle", TOGGLED.index(field)
        )

    return [
        [switch("flow-poll-toggle-anonymous", ANONYMOUS)],
        [switch("flow-poll-toggle-multi", MULTI)],
        [switch("flow-poll-toggle-quiz", QUIZ)],
        [Button(texts.plain("flow-poll-next"), "next")],
    ]


TOGGLED = (ANONYMOUS, MULTI, QUIZ)

FLOW = flows.GuidedFlow(
    name="poll",
    spec=POLL_FLOW,
    states=PollFlow,
    callback=PollFlowCb,
    render=render,
    back={
        PollFlow.options: PollFlow.question,
        PollFlow.ideas: PollFlow.options,
        PollFlow.toggles: PollFlow.options,
        PollFlow.correct: PollFlow.toggles,
        PollFlow.start: PollFlow.toggles,
        PollFlow.close: PollFlow.start,
    },
    first=PollFlow.question,
    fresh=FRESH,
    which_group="flow-poll-which-group",
    in_group="flow-poll-open-private",
)

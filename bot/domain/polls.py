"""Polls as operators write them: the `/poll` syntax, its validation, and results. Pure, no I/O.

    /poll Question? | option 1 | option 2 | ... [flags]

Options are separated by `|` (or `｜`); without any bar, one per line. Flags, each at most once,
after two dashes of any width (`--`, `—`, `——`, `－－`: bot/domain/arguments.py):
    --close 2h | 2026-12-01 20:00   close after a duration, or at a local time (group timezone)
    --start 30m | tomorrow 09:00    send later (a scheduled poll); a --close duration counts from it
    --anonymous yes|no              default yes, as in Telegram
    --multi                         several answers per voter
    --quiz 2 | 1,3                  a quiz; the correct option number(s), counted from 1
    --explain text                  what a quiz shows after a wrong answer
    --tz Europe/Berlin              read --close/--start in this timezone instead of the group's

The limits are those of the Bot API version the pinned aiogram implements (tests compare them
with aiogram's own `SendPoll` documentation), except that a poll needs two options: a "choice"
of one is not one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum

from bot.domain.arguments import (
    ArgumentError,
    ArgumentErrorCode,
    has_bar,
    split_bars,
    split_flags,
)
from bot.domain.recurrence import (
    ScheduleError,
    ScheduleErrorCode,
    parse_duration,
    parse_local_datetime,
    zone,
)

QUESTION_MAX = 300
OPTION_MAX = 100
OPTIONS_MAX = 12
OPTIONS_MIN = 2
EXPLANATION_MAX = 200
OPEN_PERIOD_MIN = timedelta(seconds=5)
OPEN_PERIOD_MAX = timedelta(seconds=2_628_000)
START_MAX = timedelta(days=365)

_YES = {"yes", "y", "true", "on", "1", "是", "匿名"}
_NO = {"no", "n", "false", "off", "0", "否", "实名"}


class PollErrorCode(StrEnum):
    USAGE = "usage"
    NO_QUESTION = "no-question"
    TOO_FEW_OPTIONS = "too-few-options"
    TOO_MANY_OPTIONS = "too-many-options"
    QUESTION_TOO_LONG = "question-too-long"
    OPTION_TOO_LONG = "option-too-long"
    OPTION_EMPTY = "option-empty"
    OPTION_DUPLICATE = "option-duplicate"
    UNKNOWN_FLAG = "unknown-flag"
    UNKNOWN_FLAG_NEAR = "unknown-flag-near"
    REPEATED_FLAG = "repeated-flag"
    BAD_YES_NO = "bad-yes-no"
    QUIZ_OPTIONS = "quiz-options"
    QUIZ_NEEDS_MULTI = "quiz-needs-multi"
    EXPLANATION_TOO_LONG = "explanation-too-long"
    EXPLANATION_WITHOUT_QUIZ = "explanation-without-quiz"
    TIME_UNPARSABLE = "time-unparsable"
    TIME_IN_THE_PAST = "time-in-the-past"
    CLOSE_TOO_SOON = "close-too-soon"
    CLOSE_TOO_FAR = "close-too-far"
    START_TOO_FAR = "start-too-far"
    UNKNOWN_TIMEZONE = "unknown-timezone"


class PollInputError(ValueError):
    """Bad input; `code` picks the localized message (`poll-error-<code>`), `args` fill it."""

    def __init__(self, code: PollErrorCode, **args: str | int) -> None:
        super().__init__(f"{code.value} {args}")
        self.code = code
        self.args_for_text = args


@dataclass(frozen=True, slots=True)
class PollDraft:
    question: str
    options: tuple[str, ...]
    is_anonymous: bool = True
    allows_multiple: bool = False
    correct_option_ids: tuple[int, ...] = ()  # a quiz when not empty (0-based)
    explanation: str | None = None
    start_at: datetime | None = None  # UTC; None: send now
    close_at: datetime | None = None  # UTC; None: open until closed by hand


@dataclass(frozen=True, slots=True)
class PollOptions:
    """What `/poll` was given, before the words became a draft."""

    question: str
    options: list[str]
    flags: dict[str, str] = field(default_factory=dict)


_KNOWN_FLAGS = frozenset({"close", "start", "anonymous", "multi", "quiz", "explain", "tz"})


def split_command(text: str) -> PollOptions:
    """The question, the options and the raw flag values of `/poll`'s arguments."""
    try:
        given = split_flags(text, _KNOWN_FLAGS)
    except ArgumentError as error:
        if error.code is ArgumentErrorCode.REPEATED_FLAG:
            raise PollInputError(PollErrorCode.REPEATED_FLAG, flag=error.flag) from None
        if error.suggestion is not None:
            raise PollInputError(
                PollErrorCode.UNKNOWN_FLAG_NEAR, flag=error.flag, suggestion=error.suggestion
            ) from None
        raise PollInputError(PollErrorCode.UNKNOWN_FLAG, flag=error.flag) from None
    if not given.body:
        raise PollInputError(PollErrorCode.USAGE)
    parts = split_bars(given.body) if has_bar(given.body) else given.body.splitlines()
    question, *options = (part.strip() for part in parts)
    flags = {flag.name: flag.value for flag in given.flags}
    return PollOptions(question=question, options=options, flags=flags)


def parse_poll(text: str, *, timezone: str, now: datetime) -> PollDraft:
    """`/poll`'s arguments as a draft within the Bot API's limits, or PollInputError."""
    given = split_command(text)
    flags = given.flags
    tz = flags.get("tz") or timezone
    try:
        zone(tz)
    except ScheduleError:
        raise PollInputError(PollErrorCode.UNKNOWN_TIMEZONE, timezone=tz) from None
    options = validate_options(given.question, given.options)
    multi = _switch(flags, "multi", default=False)
    correct = _correct_options(flags.get("quiz"), len(options))
    if len(correct) > 1 and not multi:
        raise PollInputError(PollErrorCode.QUIZ_NEEDS_MULTI)
    explanation = flags.get("explain") or None
    if explanation is not None:
        if not correct:
            raise PollInputError(PollErrorCode.EXPLANATION_WITHOUT_QUIZ)
        if len(explanation) > EXPLANATION_MAX:
            raise PollInputError(
                PollErrorCode.EXPLANATION_TOO_LONG, length=len(explanation), limit=EXPLANATION_MAX
            )
    start_at = _start(flags.get("start"), tz, now)
    close_at = _close(flags.get("close"), tz, now, start_at or now)
    return PollDraft(
        question=given.question,
        options=tuple(options),
        is_anonymous=_switch(flags, "anonymous", default=True),
        allows_multiple=multi,
        correct_option_ids=correct,
        explanation=explanation,
        start_at=start_at,
        close_at=close_at,
    )


def validate_options(question: str, options: Sequence[str]) -> list[str]:
    if not question:
        raise PollInputError(PollErrorCode.NO_QUESTION)
    if len(question) > QUESTION_MAX:
        raise PollInputError(
            PollErrorCode.QUESTION_TOO_LONG, length=len(question), limit=QUESTION_MAX
        )
    if len(options) < OPTIONS_MIN:
        raise PollInputError(PollErrorCode.TOO_FEW_OPTIONS, count=len(options), limit=OPTIONS_MIN)
    if len(options) > OPTIONS_MAX:
        raise PollInputError(PollErrorCode.TOO_MANY_OPTIONS, count=len(options), limit=OPTIONS_MAX)
    seen: set[str] = set()
    for number, option in enumerate(options, start=1):
        if not option:
            raise PollInputError(PollErrorCode.OPTION_EMPTY, number=number)
        if len(option) > OPTION_MAX:
            raise PollInputError(
                PollErrorCode.OPTION_TOO_LONG, number=number, length=len(option), limit=OPTION_MAX
            )
        if option.casefold() in seen:
            raise PollInputError(PollErrorCode.OPTION_DUPLICATE, number=number)
        seen.add(option.casefold())
    return list(options)


def _switch(flags: dict[str, str], name: str, *, default: bool) -> bool:
    if name not in flags:
        return default
    value = flags[name].strip().lower()
    if not value or value in _YES:
        return True
    if value in _NO:
        return False
    raise PollInputError(PollErrorCode.BAD_YES_NO, flag=name)


def _correct_options(value: str | None, count: int) -> tuple[int, ...]:
    if value is None:
        return ()
    words = [word for word in re.split(r"[,，\s]+", value) if word]
    try:
        numbers = sorted({int(word) for word in words})
    except ValueError:
        raise PollInputError(PollErrorCode.QUIZ_OPTIONS, count=count) from None
    if not numbers or any(not 1 <= number <= count for number in numbers):
        raise PollInputError(PollErrorCode.QUIZ_OPTIONS, count=count)
    return tuple(number - 1 for number in numbers)


def _start(value: str | None, tz: str, now: datetime) -> datetime | None:
    if value is None:
        return None
    instant = _instant(value, tz, now, now)
    if instant - now > START_MAX:
        raise PollInputError(PollErrorCode.START_TOO_FAR, days=START_MAX.days)
    return instant


def _close(value: str | None, tz: str, now: datetime, base: datetime) -> datetime | None:
    if value is None:
        return None
    instant = _instant(value, tz, now, base)
    if instant <= now:
        raise PollInputError(PollErrorCode.TIME_IN_THE_PAST, value=value)
    if instant - base < OPEN_PERIOD_MIN:
        raise PollInputError(
            PollErrorCode.CLOSE_TOO_SOON, seconds=int(OPEN_PERIOD_MIN.total_seconds())
        )
    if instant - base > OPEN_PERIOD_MAX:
        raise PollInputError(PollErrorCode.CLOSE_TOO_FAR, days=OPEN_PERIOD_MAX.days)
    return instant


def _instant(value: str, tz: str, now: datetime, base: datetime) -> datetime:
    """A duration counted from `base`, or a local date and time in `tz`."""
    try:
        return base + parse_duration(value, minimum=timedelta())
    except ScheduleError:
        pass
    try:
        return parse_local_datetime(value, tz, now)
    except ScheduleError as error:
        if error.code is ScheduleErrorCode.IN_THE_PAST:
            raise PollInputError(PollErrorCode.TIME_IN_THE_PAST, value=value) from None
        raise PollInputError(PollErrorCode.TIME_UNPARSABLE, value=value) from None


@dataclass(frozen=True, slots=True)
class OptionResult:
    number: int  # from 1
    label: str
    votes: int
    share: float  # of voters (a multiple-answer poll adds up past 1)
    is_winner: bool
    is_correct: bool


@dataclass(frozen=True, slots=True)
class PollResults:
    voters: int
    options: tuple[OptionResult, ...]

    @property
    def winners(self) -> tuple[OptionResult, ...]:
        return tuple(option for option in self.options if option.is_winner)


def results(
    options: Sequence[str],
    counts: Sequence[int],
    voters: int,
    correct_option_ids: Sequence[int] = (),
) -> PollResults:
    """Shares of voters; every option with the most votes wins (none while no one voted)."""
    votes = [counts[index] if index < len(counts) else 0 for index in range(len(options))]
    top = max(votes, default=0)
    return PollResults(
        voters=voters,
        options=tuple(
            OptionResult(
                number=index + 1,
                label=label,
                votes=votes[index],
                share=votes[index] / voters if voters else 0.0,
                is_winner=top > 0 and votes[index] == top,
                is_correct=index in correct_option_ids,
            )
            for index, label in enumerate(options)
        ),
    )

"""What the charts draw, as plain records: no matplotlib here, so the bot's own process can
prepare a chart without importing it (the drawing happens in bot/domain/charts.py, in the chart
workers of bot/services/chart_pool.py)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    note: str = ""  # drawn at the end of the bar; the value itself when empty
    highlight: bool = False


@dataclass(frozen=True)
class PollOption:
    label: str
    votes: int


@dataclass(frozen=True)
class DayActivity:
    day: date
    messages: int
    active_fans: int


@dataclass(frozen=True)
class DigestLabels:
    """The digest chart's words, localized by the caller."""

    title: str
    activity: str
    messages: str
    active_fans: str
    feedback: str
    no_feedback: str


def poll_bars(options: Sequence[PollOption], *, voters: int | None = None) -> list[Bar]:
    """One bar per option noted "votes · share"; every option with the most votes highlighted.

    Shares are of ``voters`` when given (a multiple-answer poll: shares add up past 100%, as
    Telegram shows them), else of all votes. Nothing is highlighted while no one has voted.
    """
    total = voters if voters is not None else sum(option.votes for option in options)
    top = max((option.votes for option in options), default=0)
    return [
        Bar(
            option.label,
            option.votes,
            f"{option.votes} · {_percent(option.votes, total)}",
            highlight=top > 0 and option.votes == top,
        )
        for option in options
    ]


def _percent(part: int, whole: int) -> str:
    if whole <= 0:
        return "0%"
    return f"{round(100 * part / whole)}%"

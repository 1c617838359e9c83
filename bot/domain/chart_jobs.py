"""The chart workers' entry point: a chart named by kind, drawn from plain records
(bot/domain/chart_data.py). matplotlib is imported here, in the worker, on first use: the
bot's own process never needs to load it."""

from __future__ import annotations

from typing import Any, Final

KINDS: Final = frozenset(
    {"digest_chart", "poll_chart", "bar_chart", "activity_svg", "funnel_chart"}
)


def draw(kind: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> bytes:
    """PNG bytes, or an SVG's text encoded as UTF-8."""
    if kind not in KINDS:
        raise ValueError(f"no chart named {kind!r}")
    from bot.domain import charts  # noqa: PLC0415  (in the worker only)

    chart: bytes | str = getattr(charts, kind)(*args, **kwargs)
    return chart.encode() if isinstance(chart, str) else chart
